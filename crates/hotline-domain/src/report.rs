//! Reports: what one person sent at one time (docs/SPEC.md §2), and the rules a report must meet
//! before it is accepted. Web form, JSON API, partner messages and imports all go through
//! [`NewReport::parse`], so they accept and refuse exactly the same things.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::address::{AddressError, CanonicalAddress};

/// Most addresses one report may carry.
pub const MAX_ADDRESSES: usize = 50;
/// Longest description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;
/// Longest contact name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest contact email address, in bytes (RFC 5321).
pub const MAX_EMAIL_LEN: usize = 254;

named_enum!(
    /// Where the reporter came across the addresses.
    WhereFound {
        Website => "website",
        SocialMedia => "social_media",
        Chat => "chat",
        Email => "email",
        P2p => "p2p",
        Newsgroup => "newsgroup",
        Other => "other",
    }
);

named_enum!(
    /// How the report reached the hotline.
    Channel {
        Web => "web",
        Api => "api",
        Partner => "partner",
        Import => "import",
    }
);

named_enum!(
    /// The four languages of the public site.
    Language {
        Nl => "nl",
        Fr => "fr",
        De => "de",
        En => "en",
    }
);

/// A report as it arrives, before any rule is checked. Every field is text, as typed.
#[derive(Debug, Clone, Default)]
pub struct ReportInput {
    pub urls: Vec<String>,
    pub where_found: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub urgent: bool,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    /// The reporter agrees that the police may contact them (meaningful only with contact
    /// details).
    pub police_may_contact: bool,
    /// The reporter wants an e-mail (saying only that there is news) when the hotline writes
    /// to them (meaningful only with an e-mail address).
    pub news_by_mail: bool,
}

/// Which input field a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Urls,
    /// One address, by its position among the addresses given (from 0).
    Url(usize),
    WhereFound,
    Description,
    Language,
    ContactName,
    ContactEmail,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Urls => f.write_str("urls"),
            Field::Url(i) => write!(f, "urls[{i}]"),
            Field::WhereFound => f.write_str("where_found"),
            Field::Description => f.write_str("description"),
            Field::Language => f.write_str("language"),
            Field::ContactName => f.write_str("contact.name"),
            Field::ContactEmail => f.write_str("contact.email"),
        }
    }
}

/// What is wrong with a field. `Display` gives the English message (the API's); the web
/// pages translate each variant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("give at least one web address")]
    NoAddresses,
    #[error("a report may hold at most {MAX_ADDRESSES} addresses; this one has {count}")]
    TooManyAddresses { count: usize },
    #[error(transparent)]
    Address(#[from] AddressError),
    #[error("say where you found the addresses")]
    WhereFoundMissing,
    #[error("\"{given}\" is not one of: {allowed}")]
    NotOneOf { given: String, allowed: String },
    #[error("the description may be at most {MAX_DESCRIPTION_CHARS} characters; it has {chars}")]
    DescriptionTooLong { chars: usize },
    #[error("the name may be at most {MAX_NAME_CHARS} characters")]
    NameTooLong,
    #[error("an email address has at most {MAX_EMAIL_LEN} characters")]
    EmailTooLong,
    #[error("this does not look like an email address (name@example.com)")]
    EmailInvalid,
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// Every problem found in a report, so a reporter can fix them all at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .errors.first().map(|e| format!("{}: {}", e.field, e.problem)).unwrap_or_default())]
pub struct InvalidReport {
    pub errors: Vec<FieldError>,
}

/// An address as reported, with its canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportedAddress {
    /// What the reporter wrote (trimmed).
    pub submitted: String,
    pub address: CanonicalAddress,
}

/// The reporter's contact details, when they chose to leave them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    /// The reporter agreed that the police may contact them: only then do these details go
    /// beyond the hotline, to the police a case is referred to.
    #[serde(default)]
    pub police_may_contact: bool,
    /// The reporter asked to be told by e-mail that there is news on their status page
    /// (never the news itself); only with an e-mail address.
    #[serde(default)]
    pub news_by_mail: bool,
}

/// A report that meets every rule, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReport {
    /// Distinct by canonical form, in the order given.
    pub addresses: Vec<ReportedAddress>,
    pub where_found: WhereFound,
    pub description: Option<String>,
    pub language: Language,
    pub urgent: bool,
    pub contact: Option<Contact>,
    pub channel: Channel,
}

impl NewReport {
    /// Checks a report against the rules. `default_language` applies when none is given.
    pub fn parse(
        input: ReportInput,
        channel: Channel,
        default_language: Language,
    ) -> Result<NewReport, InvalidReport> {
        let mut errors = Vec::new();
        let mut push = |field, problem: Problem| errors.push(FieldError { field, problem });

        let given: Vec<(usize, &str)> = input
            .urls
            .iter()
            .enumerate()
            .map(|(i, u)| (i, u.trim()))
            .filter(|(_, u)| !u.is_empty())
            .collect();
        if given.is_empty() {
            push(Field::Urls, Problem::NoAddresses);
        } else if given.len() > MAX_ADDRESSES {
            push(
                Field::Urls,
                Problem::TooManyAddresses { count: given.len() },
            );
        }
        let mut addresses: Vec<ReportedAddress> = Vec::new();
        for (i, raw) in given.into_iter().take(MAX_ADDRESSES) {
            match CanonicalAddress::parse(raw) {
                Ok(address) => {
                    if !addresses
                        .iter()
                        .any(|a| a.address.canonical == address.canonical)
                    {
                        addresses.push(ReportedAddress {
                            submitted: raw.to_owned(),
                            address,
                        });
                    }
                }
                Err(e) => push(Field::Url(i), Problem::Address(e)),
            }
        }

        let where_found = match input.where_found.as_deref().map(str::trim) {
            None | Some("") => {
                push(Field::WhereFound, Problem::WhereFoundMissing);
                WhereFound::Other
            }
            Some(s) => s.parse().unwrap_or_else(|()| {
                let allowed = names(WhereFound::ALL);
                push(
                    Field::WhereFound,
                    Problem::NotOneOf {
                        given: clip(s),
                        allowed,
                    },
                );
                WhereFound::Other
            }),
        };

        let language = match input.language.as_deref().map(str::trim) {
            None | Some("") => default_language,
            Some(s) => s.parse().unwrap_or_else(|()| {
                let allowed = names(Language::ALL);
                push(
                    Field::Language,
                    Problem::NotOneOf {
                        given: clip(s),
                        allowed,
                    },
                );
                default_language
            }),
        };

        let description = non_empty(input.description);
        if let Some(d) = &description {
            let n = d.chars().count();
            if n > MAX_DESCRIPTION_CHARS {
                push(Field::Description, Problem::DescriptionTooLong { chars: n });
            }
        }

        let name = non_empty(input.contact_name);
        if let Some(n) = &name
            && n.chars().count() > MAX_NAME_CHARS
        {
            push(Field::ContactName, Problem::NameTooLong);
        }
        let email = non_empty(input.contact_email);
        if let Some(e) = &email
            && let Err(why) = check_email(e)
        {
            push(Field::ContactEmail, why);
        }
        let news_by_mail = input.news_by_mail && email.is_some();
        let contact = (name.is_some() || email.is_some()).then_some(Contact {
            name,
            email,
            police_may_contact: input.police_may_contact,
            news_by_mail,
        });

        if !errors.is_empty() {
            return Err(InvalidReport { errors });
        }
        Ok(NewReport {
            addresses,
            where_found,
            description,
            language,
            urgent: input.urgent,
            contact,
            channel,
        })
    }
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

fn names<T: fmt::Display>(all: &[T]) -> String {
    all.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Shortens hostile or mistaken input before it is echoed in a message.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

fn check_email(e: &str) -> Result<(), Problem> {
    if e.len() > MAX_EMAIL_LEN {
        return Err(Problem::EmailTooLong);
    }
    let ok = match e.rsplit_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.chars().any(|c| {
                    c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';')
                })
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Problem::EmailInvalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(urls: &[&str]) -> ReportInput {
        ReportInput {
            urls: urls.iter().map(|s| s.to_string()).collect(),
            where_found: Some("website".into()),
            ..Default::default()
        }
    }

    fn parse(i: ReportInput) -> Result<NewReport, InvalidReport> {
        NewReport::parse(i, Channel::Web, Language::En)
    }

    #[test]
    fn accepts_and_deduplicates() {
        let r = parse(input(&[
            "example.com/a",
            "",
            "HTTP://EXAMPLE.com/a",
            "example.com/b",
        ]))
        .unwrap();
        assert_eq!(r.addresses.len(), 2);
        assert_eq!(r.addresses[0].submitted, "example.com/a");
        assert_eq!(r.language, Language::En);
        assert_eq!(r.contact, None);
    }

    #[test]
    fn collects_every_problem() {
        let mut i = input(&["javascript:x", "example.com", "http://"]);
        i.where_found = Some("tv".into());
        i.language = Some("xx".into());
        i.description = Some("x".repeat(MAX_DESCRIPTION_CHARS + 1));
        i.contact_email = Some("not an email".into());
        let err = parse(i).unwrap_err();
        let fields: Vec<String> = err.errors.iter().map(|e| e.field.to_string()).collect();
        assert_eq!(
            fields,
            [
                "urls[0]",
                "urls[2]",
                "where_found",
                "language",
                "description",
                "contact.email"
            ]
        );
        assert!(err.errors[0].problem.to_string().contains("javascript"));
    }

    #[test]
    fn counts_addresses() {
        assert_eq!(
            parse(input(&[" ", ""])).unwrap_err().errors[0].field,
            Field::Urls
        );
        let many: Vec<String> = (0..=MAX_ADDRESSES)
            .map(|i| format!("example.com/{i}"))
            .collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let err = parse(input(&refs)).unwrap_err();
        assert_eq!(err.errors[0].field, Field::Urls);
        assert_eq!(
            err.errors[0].problem,
            Problem::TooManyAddresses { count: 51 }
        );
        assert!(parse(input(&refs[..MAX_ADDRESSES])).is_ok());
    }

    #[test]
    fn keeps_contact_when_given() {
        let mut i = input(&["example.com"]);
        i.contact_name = Some("  Alex ".into());
        i.contact_email = Some("alex@example.com".into());
        i.police_may_contact = true;
        let r = parse(i).unwrap();
        assert_eq!(
            r.contact,
            Some(Contact {
                name: Some("Alex".into()),
                email: Some("alex@example.com".into()),
                police_may_contact: true,
                news_by_mail: false,
            })
        );
    }

    #[test]
    fn consent_without_contact_details_keeps_the_reporter_anonymous() {
        let mut i = input(&["example.com"]);
        i.police_may_contact = true;
        assert_eq!(parse(i).unwrap().contact, None);
    }

    #[test]
    fn where_found_is_required() {
        let mut i = input(&["example.com"]);
        i.where_found = None;
        assert_eq!(parse(i).unwrap_err().errors[0].field, Field::WhereFound);
    }
}
