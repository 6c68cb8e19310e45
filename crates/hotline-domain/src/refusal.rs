//! Why something was refused, as a stable code with its facts, so each transport says it in
//! its own words: the staff pages in the staff's language (the web's locales), the API and the
//! command line in English. The domain decides the code and the facts; it holds no
//! translations.

use std::borrow::Cow;

/// A refusal: a stable snake_case code (`case_changed`, `route_wait_awaiting_trace`, …), the
/// facts its sentence names, and the English sentence for logs, the command line and the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub code: Cow<'static, str>,
    /// The facts by name. By convention `state`, `from` and `to` hold case-state codes and
    /// `role` a role code, which the pages put in words too.
    pub args: Vec<(&'static str, String)>,
    /// The sentence in English.
    pub english: String,
}

impl Refusal {
    pub fn new(code: impl Into<Cow<'static, str>>, english: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            args: Vec::new(),
            english: english.into(),
        }
    }

    /// The refusal with one more fact.
    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The value of the fact `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english)
    }
}

impl std::error::Error for Refusal {}

/// A route that does not allow the move (not traced, not illegal, …): its sentence, coded
/// `route_` + the route's code.
impl From<&crate::routing::Route> for Refusal {
    fn from(r: &crate::routing::Route) -> Self {
        Refusal {
            code: format!("route_{}", r.code()).into(),
            args: r.args(),
            english: r.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_says_english_and_keeps_its_facts() {
        let r = Refusal::new("case_changed", "case 7 was changed").with("case", 7);
        assert_eq!(r.to_string(), "case 7 was changed");
        assert_eq!(r.arg("case"), Some("7"));
        assert_eq!(r.arg("state"), None);
        let route = crate::routing::Route::Wait {
            reason: crate::routing::RouteReason::AwaitingTrace,
        };
        let r = Refusal::from(&route);
        assert_eq!(r.code, "route_wait_awaiting_trace");
        assert!(r.english.starts_with("Waiting for the trace"));
    }
}
