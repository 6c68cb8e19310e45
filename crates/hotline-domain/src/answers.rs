//! Answers without an account (docs/SPEC.md §2 Notice, §4): a host answering a notice through
//! the link the notice carries, and a reporter answering the hotline's messages with their
//! receipt. The rules of what an answer may say live here; links, tokens and storage do not.

use crate::report::Language;

named_enum!(
    /// What an abuse desk answers through a notice's link.
    HostReply {
        /// The material is gone: the hotline checks at once.
        Removed => "removed",
        /// The host will not act, and says why.
        Refused => "refused",
        /// The address is not the host's: it says whom to try.
        NotOurs => "not_ours",
    }
);

/// Longest note with a host's answer, in characters.
pub const MAX_HOST_NOTE_CHARS: usize = 2000;

/// Longest answer from a reporter, in characters.
pub const MAX_REPORTER_ANSWER_CHARS: usize = 2000;

/// Why an answer cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnswerProblem {
    #[error("choose one of the answers")]
    NoChoice,
    #[error("say why, or whom to try")]
    NoteNeeded,
    #[error("the text is too long")]
    TooLong,
    #[error("the answer is empty")]
    Empty,
}

impl AnswerProblem {
    /// The Fluent key of the message in the visitor's language.
    pub fn message_key(self) -> &'static str {
        match self {
            AnswerProblem::NoChoice => "answer-problem-choice",
            AnswerProblem::NoteNeeded => "answer-problem-note",
            AnswerProblem::TooLong => "answer-problem-too-long",
            AnswerProblem::Empty => "answer-problem-empty",
        }
    }
}

/// A host's answer that meets the rules: a refusal says why, "not ours" says whom to try.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostAnswerInput {
    pub reply: HostReply,
    /// Trimmed; may be empty only for [`HostReply::Removed`].
    pub note: String,
}

impl HostAnswerInput {
    pub fn parse(reply: Option<&str>, note: Option<&str>) -> Result<Self, AnswerProblem> {
        let reply: HostReply = reply
            .map(str::trim)
            .and_then(|r| r.parse().ok())
            .ok_or(AnswerProblem::NoChoice)?;
        let note = note.unwrap_or("").trim().replace("\r\n", "\n");
        if note.chars().count() > MAX_HOST_NOTE_CHARS {
            return Err(AnswerProblem::TooLong);
        }
        if note.is_empty() && reply != HostReply::Removed {
            return Err(AnswerProblem::NoteNeeded);
        }
        Ok(Self { reply, note })
    }

    /// The timeline entry's details: the answer, and the note after it.
    pub fn details(&self) -> String {
        if self.note.is_empty() {
            self.reply.as_str().to_owned()
        } else {
            format!("{}: {}", self.reply.as_str(), self.note)
        }
    }
}

/// A reporter's answer: text only, trimmed, 1 to [`MAX_REPORTER_ANSWER_CHARS`] characters.
pub fn reporter_answer(text: Option<&str>) -> Result<String, AnswerProblem> {
    let text = text.unwrap_or("").trim().replace("\r\n", "\n");
    if text.is_empty() {
        return Err(AnswerProblem::Empty);
    }
    if text.chars().count() > MAX_REPORTER_ANSWER_CHARS {
        return Err(AnswerProblem::TooLong);
    }
    Ok(text)
}

/// Stands for a notice's own token in the text of a notice until it is sent: the stored body
/// holds this, never the token, and the sender puts the notice's token in its place
/// ([`with_answer_token`]).
pub const ANSWER_TOKEN_PLACEHOLDER: &str = "ANSWER-TOKEN-OF-THIS-NOTICE";

/// The answer link a notice in `language` carries, with the placeholder for its token, or
/// `None` when the public site's address is not configured (`public.site_url`).
pub fn answer_link(site_url: &str, language: Language) -> Option<String> {
    let base = site_url.trim().trim_end_matches('/');
    (!base.is_empty()).then(|| format!("{base}/{language}/answer/{ANSWER_TOKEN_PLACEHOLDER}"))
}

/// The notice text with the notice's own token in place of the placeholder.
pub fn with_answer_token(text: &str, token: &str) -> String {
    text.replace(ANSWER_TOKEN_PLACEHOLDER, token)
}

/// The sentence of the built-in notice texts that gives the answer link.
pub fn answer_paragraph(language: Language, link: &str) -> String {
    let text = match language {
        Language::En => {
            "You can answer this notice without an account, on a page for this notice only: say that the material is removed, that you refuse and why, or that the address is not yours and whom to try:"
        }
        Language::Nl => {
            "U kunt zonder account op deze melding antwoorden, op een pagina voor alleen deze melding: laat weten dat het materiaal verwijderd is, dat u weigert en waarom, of dat het adres niet van u is en bij wie wij moeten zijn:"
        }
        Language::Fr => {
            "Vous pouvez répondre à cette notification sans compte, sur une page propre à cette seule notification : indiquez que le matériel est retiré, que vous refusez et pourquoi, ou que l’adresse ne relève pas de vous et à qui vous adresser :"
        }
        Language::De => {
            "Sie können ohne Konto auf diese Meldung antworten, auf einer Seite nur für diese Meldung: teilen Sie mit, dass das Material entfernt ist, dass Sie ablehnen und warum, oder dass die Adresse nicht zu Ihnen gehört und an wen wir uns wenden sollen:"
        }
    };
    format!("{text}\n\n    {link}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_answer_needs_a_choice_and_a_reason_unless_removed() {
        assert_eq!(
            HostAnswerInput::parse(None, None),
            Err(AnswerProblem::NoChoice)
        );
        assert_eq!(
            HostAnswerInput::parse(Some("gone"), None),
            Err(AnswerProblem::NoChoice)
        );
        let removed = HostAnswerInput::parse(Some("removed"), Some("  ")).unwrap();
        assert_eq!(removed.reply, HostReply::Removed);
        assert_eq!(removed.details(), "removed");
        for reply in ["refused", "not_ours"] {
            assert_eq!(
                HostAnswerInput::parse(Some(reply), Some(" ")),
                Err(AnswerProblem::NoteNeeded)
            );
        }
        let not_ours =
            HostAnswerInput::parse(Some("not_ours"), Some(" try abuse@other.example.com\r\n"))
                .unwrap();
        assert_eq!(not_ours.details(), "not_ours: try abuse@other.example.com");
        let long = "x".repeat(MAX_HOST_NOTE_CHARS + 1);
        assert_eq!(
            HostAnswerInput::parse(Some("refused"), Some(&long)),
            Err(AnswerProblem::TooLong)
        );
    }

    #[test]
    fn a_reporter_answer_is_text_of_bounded_length() {
        assert_eq!(reporter_answer(Some("  ")), Err(AnswerProblem::Empty));
        assert_eq!(reporter_answer(None), Err(AnswerProblem::Empty));
        assert_eq!(
            reporter_answer(Some(" yes\r\nthe gallery ")).unwrap(),
            "yes\nthe gallery"
        );
        let long = "é".repeat(MAX_REPORTER_ANSWER_CHARS + 1);
        assert_eq!(reporter_answer(Some(&long)), Err(AnswerProblem::TooLong));
        assert!(reporter_answer(Some(&long[..2 * MAX_REPORTER_ANSWER_CHARS])).is_ok());
    }

    #[test]
    fn the_link_carries_the_language_and_the_token_only_when_sent() {
        assert_eq!(answer_link("  ", Language::Nl), None);
        let link = answer_link("https://hotline.example.org/", Language::Fr).unwrap();
        assert_eq!(
            link,
            format!("https://hotline.example.org/fr/answer/{ANSWER_TOKEN_PLACEHOLDER}")
        );
        let text = answer_paragraph(Language::De, &link);
        assert!(text.contains(&link) && text.contains("ohne Konto"));
        assert_eq!(
            with_answer_token(&text, "abc"),
            text.replace(ANSWER_TOKEN_PLACEHOLDER, "abc")
        );
        assert!(!with_answer_token(&text, "abc").contains(ANSWER_TOKEN_PLACEHOLDER));
        for l in Language::ALL {
            assert!(answer_paragraph(*l, "L").ends_with("\n\n    L"));
        }
    }
}
