//! Translations. Every string a person reads comes from `locales/<lang>/*.ftl` (Project
//! Fluent), compiled into the binary. A language without a translation for a message falls
//! back to English.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use hotline_domain::Language;

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

    /// The message `key` with named text arguments.
    pub fn args(&self, key: &str, args: &[(&'static str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from((*v).to_owned())))
            .collect();
        LOCALES.lookup_with_args(&self.id(), key, &args)
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

    /// The path prefix of this language, e.g. `/en`.
    pub fn prefix(&self) -> String {
        format!("/{}", self.lang.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_messages_exist_and_others_fall_back() {
        let en = Tr::new(Language::En);
        assert_eq!(en.get("report-submit"), "Send report");
        assert_eq!(Tr::new(Language::Nl).get("report-submit"), "Send report");
        assert_eq!(
            en.count("report-done-addresses", "count", 1),
            "We received 1 address."
        );
        assert_eq!(
            en.count("report-done-addresses", "count", 3),
            "We received 3 addresses."
        );
    }
}
