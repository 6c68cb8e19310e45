//! Translations. Every string a person reads comes from `locales/<lang>/*.ftl` (Project
//! Fluent), compiled into the binary. A language without a translation for a message falls
//! back to English.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use hotline_domain::report::{MAX_ADDRESSES, MAX_DESCRIPTION_CHARS, MAX_EMAIL_LEN, MAX_NAME_CHARS};
use hotline_domain::{AddressError, Language, Problem, ReceiptError, address::MAX_ADDRESS_LEN};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around placeables would end up inside form values.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The translator handed to templates: `{{ t.get("report-title") }}`.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Language,
}

impl Tr {
    pub fn new(lang: Language) -> Self {
        Self { lang }
    }

    fn id(&self) -> LanguageIdentifier {
        match self.lang {
            Language::Nl => langid!("nl"),
            Language::Fr => langid!("fr"),
            Language::De => langid!("de"),
            Language::En => langid!("en"),
        }
    }

    /// The message `key` in this language.
    pub fn get(&self, key: &str) -> String {
        LOCALES.lookup(&self.id(), key)
    }

    /// The message `key` in this language or English, or `None` when no file has it.
    pub fn try_get(&self, key: &str) -> Option<String> {
        LOCALES.try_lookup(&self.id(), key)
    }

    /// The message `key` with named text arguments.
    pub fn args(&self, key: &str, args: &[(&'static str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from((*v).to_owned())))
            .collect();
        LOCALES.lookup_with_args(&self.id(), key, &args)
    }

    /// The message `key` with named text arguments, or `None` when no file has it.
    pub fn try_args(&self, key: &str, args: &[(&'static str, &str)]) -> Option<String> {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from((*v).to_owned())))
            .collect();
        LOCALES.try_lookup_with_args(&self.id(), key, &args)
    }

    /// The message `key` with one named argument.
    pub fn with(&self, key: &str, name: &'static str, value: &str) -> String {
        self.args(key, &[(name, value)])
    }

    /// The message `key` with one numeric argument (plurals are chosen by Fluent).
    pub fn count(&self, key: &str, name: &'static str, n: usize) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> =
            HashMap::from([(Cow::Borrowed(name), FluentValue::from(n))]);
        LOCALES.lookup_with_args(&self.id(), key, &args)
    }

    /// What is wrong with a report field, in this language.
    pub fn problem(&self, p: &Problem) -> String {
        let n = |v: usize| v.to_string();
        match p {
            Problem::NoAddresses => self.get("problem-no-addresses"),
            Problem::TooManyAddresses { count } => self.args(
                "problem-too-many-addresses",
                &[("max", &n(MAX_ADDRESSES)), ("count", &n(*count))],
            ),
            Problem::Address(AddressError::Empty) => self.get("problem-address-empty"),
            Problem::Address(AddressError::TooLong) => {
                self.with("problem-address-too-long", "max", &n(MAX_ADDRESS_LEN))
            }
            Problem::Address(AddressError::SchemeNotAllowed(s)) => {
                self.with("problem-address-scheme", "scheme", s)
            }
            Problem::Address(AddressError::NoHost) => self.get("problem-address-no-host"),
            Problem::Address(AddressError::Invalid(detail)) => {
                self.with("problem-address-invalid", "detail", detail)
            }
            Problem::WhereFoundMissing => self.get("problem-where-missing"),
            Problem::NotOneOf { given, allowed } => self.args(
                "problem-not-one-of",
                &[("given", given), ("allowed", allowed)],
            ),
            Problem::DescriptionTooLong { chars } => self.args(
                "problem-description-too-long",
                &[("max", &n(MAX_DESCRIPTION_CHARS)), ("count", &n(*chars))],
            ),
            Problem::NameTooLong => self.with("problem-name-too-long", "max", &n(MAX_NAME_CHARS)),
            Problem::EmailTooLong => self.with("problem-email-too-long", "max", &n(MAX_EMAIL_LEN)),
            Problem::EmailInvalid => self.get("problem-email-invalid"),
        }
    }

    /// Why a typed receipt could not be read, in this language.
    pub fn receipt_problem(&self, e: &ReceiptError) -> String {
        match e {
            ReceiptError::WrongLength(count) => {
                self.with("problem-receipt-length", "count", &count.to_string())
            }
            ReceiptError::BadCharacter(c) => {
                self.with("problem-receipt-character", "character", &c.to_string())
            }
        }
    }

    /// The path prefix of this language, e.g. `/en`.
    pub fn prefix(&self) -> String {
        format!("/{}", self.lang.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_speaks_its_own() {
        let en = Tr::new(Language::En);
        assert_eq!(en.get("report-submit"), "Send report");
        for lang in [Language::Nl, Language::Fr, Language::De] {
            let text = Tr::new(lang).get("report-submit");
            assert!(!text.is_empty() && text != "Send report", "{lang}: {text}");
        }
        assert_eq!(
            en.count("report-done-addresses", "count", 1),
            "We received 1 address."
        );
        assert_eq!(
            en.count("report-done-addresses", "count", 3),
            "We received 3 addresses."
        );
    }

    /// The codes given as string literals to `Refusal::new`, `AppError::conflict`,
    /// `AppError::not_found` and (second argument) `AppError::invalid` and
    /// `SettingProblem::new`.
    fn refusal_codes(rust: &str) -> std::collections::BTreeSet<String> {
        fn literal(s: &str) -> Option<(&str, &str)> {
            let s = s.trim_start().strip_prefix('"')?;
            let end = s.find('"')?;
            Some((&s[..end], &s[end + 1..]))
        }
        let mut codes = std::collections::BTreeSet::new();
        for (needle, skip) in [
            ("Refusal::new(", false),
            ("AppError::conflict(", false),
            ("AppError::not_found(", false),
            ("AppError::invalid(", true),
            ("SettingProblem::new(", true),
        ] {
            for (i, _) in rust.match_indices(needle) {
                let mut rest = &rust[i + needle.len()..];
                if skip {
                    // The first argument (a field name, literal or not) comes before.
                    match rest.find(',') {
                        Some(comma) => rest = &rest[comma + 1..],
                        None => continue,
                    }
                }
                if let Some((code, _)) = literal(rest)
                    && !code.is_empty()
                    && code.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                {
                    codes.insert(code.to_owned());
                }
            }
        }
        codes
    }

    /// Every language has exactly the keys English has, and every key is used somewhere
    /// (literally in code or templates, or by a family of keys built from a domain list).
    #[test]
    fn translations_are_complete_and_used() {
        use std::collections::BTreeSet;
        use std::path::Path;

        fn keys_of(dir: &Path) -> BTreeSet<String> {
            let mut keys = BTreeSet::new();
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                for line in text.lines() {
                    if let Some((k, _)) = line.split_once('=') {
                        let k = k.trim();
                        if !line.starts_with([' ', '#', '*', '['])
                            && !k.is_empty()
                            && k.chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                        {
                            keys.insert(k.to_owned());
                        }
                    }
                }
            }
            keys
        }
        fn sources(dir: &Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    sources(&p, out);
                } else if p.extension().is_some_and(|e| e == "rs" || e == "html") {
                    out.push_str(&std::fs::read_to_string(&p).unwrap());
                }
            }
        }

        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let en = keys_of(&root.join("locales/en"));
        for lang in ["nl", "fr", "de"] {
            let dir = root.join("locales").join(lang);
            assert!(dir.is_dir(), "no translations for {lang}");
            let other = keys_of(&dir);
            let missing: Vec<_> = en.difference(&other).collect();
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
        }

        // Keys built at run time from domain lists.
        let mut dynamic: BTreeSet<String> = BTreeSet::new();
        for w in hotline_domain::WhereFound::ALL {
            dynamic.insert(format!("where-{w}"));
        }
        for k in hotline_domain::police::PoliceStepKind::ALL {
            dynamic.insert(format!("staff-police-{k}"));
        }
        for r in hotline_domain::police::DeclineReason::ALL {
            dynamic.insert(format!("staff-decline-{r}"));
        }
        for r in hotline_domain::CloseReason::ALL {
            dynamic.insert(format!("staff-close-{r}"));
        }
        for code in hotline_domain::routing::Route::all_codes() {
            dynamic.insert(format!("staff-route-{code}"));
        }
        for source in hotline_domain::trace::ContactSource::ALL {
            dynamic.insert(format!("staff-contact-source-{source}"));
        }
        for why in hotline_domain::trace::Untraceable::ALL {
            dynamic.insert(format!("staff-untraceable-{why}"));
        }
        // Every timeline entry the code can write is labelled on the case page.
        for event in hotline_domain::timeline::Event::ALL {
            dynamic.insert(format!("staff-leg-{event}"));
        }
        for s in ["received", "handled", "removed"] {
            dynamic.insert(format!("status-{s}"));
            dynamic.insert(format!("status-{s}-text"));
        }
        use hotline_domain::Procedure;
        use hotline_domain::jurisdiction::TakedownBy;
        for slug in crate::pages::INFO_PAGES {
            dynamic.insert(format!("info-{slug}"));
            for p in [Procedure::Assess, Procedure::ForwardUnopened] {
                for t in [TakedownBy::Police, TakedownBy::Hotline] {
                    for part in crate::pages::info_blocks(slug, p, t) {
                        dynamic.insert(format!("info-{slug}-{part}"));
                    }
                }
            }
        }
        // Every refusal code written in the workspace's code has its sentence.
        let mut rust = String::new();
        for krate in [
            "hotline-domain",
            "hotline-store",
            "hotline-app",
            "hotline-web",
        ] {
            sources(&root.join("..").join(krate).join("src"), &mut rust);
        }
        let codes = refusal_codes(&rust);
        assert!(codes.len() > 40, "the scan found too few codes: {codes:?}");
        for code in codes {
            dynamic.insert(crate::staff::labels::refusal_key(&code));
        }
        for key in &dynamic {
            assert!(
                en.contains(key),
                "the key {key} is built by the code but missing in English"
            );
        }
        let mut code = String::new();
        sources(&root.join("src"), &mut code);
        sources(&root.join("templates"), &mut code);
        let unused: Vec<_> = en
            .iter()
            .filter(|k| !dynamic.contains(*k) && !code.contains(&format!("\"{k}\"")))
            .filter(|k| {
                !crate::staff::labels::BUILT_PREFIXES
                    .iter()
                    .any(|p| k.starts_with(p))
            })
            .collect();
        assert!(unused.is_empty(), "keys used nowhere: {unused:?}");
    }
}
