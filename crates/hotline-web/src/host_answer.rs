//! The page where a host's abuse desk answers one notice, without an account
//! (docs/SPEC.md §2, Notice): `GET` and `POST /{lang}/answer/{token}`, the link every notice
//! carries.
//!
//! The token is the notice's (see `hotline_store::answers`): an unknown or altered token, a
//! token of a notice whose case is closed, and every other path get the same 404. The page
//! shows the address that notice named and what was answered through it, nothing else of
//! the case. No cookie and no script: the form carries a token of its own, an HMAC under the
//! form key of the time it was served and the notice's token, so a post proves it came from
//! this page for this notice within [`form_token::MAX_AGE_SECS`]. Posts are rate-limited
//! per client like reports.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use subtle::ConstantTimeEq;
use time::OffsetDateTime;

use hotline_domain::Language;
use hotline_domain::answers::{AnswerProblem, HostAnswerInput, HostReply, MAX_HOST_NOTE_CHARS};
use hotline_store::Keyring;
use hotline_store::answers::HostAnswerPage;

use crate::extract::{ClientKey, FormFields};
use crate::form_token;
use crate::i18n::Tr;
use crate::pages::render;
use crate::{AppState, WebError};

const PURPOSE: &[u8] = b"host-answer-form:v1:";
const MAC_LEN: usize = 16;

/// The form token of the answer page of the notice with `token`, served at `now` (Unix
/// seconds).
pub fn issue_form(keys: &Keyring, token: &str, now: i64) -> String {
    let ts = now.to_be_bytes();
    let mac = keys.form_mac(&[PURPOSE, &ts, token.as_bytes()]);
    let mut raw = Vec::with_capacity(8 + MAC_LEN);
    raw.extend_from_slice(&ts);
    raw.extend_from_slice(&mac[..MAC_LEN]);
    URL_SAFE_NO_PAD.encode(raw)
}

/// Whether `form` is a fresh form token of this notice's page.
pub fn form_is_genuine(keys: &Keyring, token: &str, form: Option<&str>, now: i64) -> bool {
    let Some(raw) = form.and_then(|f| URL_SAFE_NO_PAD.decode(f.trim()).ok()) else {
        return false;
    };
    if raw.len() != 8 + MAC_LEN {
        return false;
    }
    let (ts, mac) = raw.split_at(8);
    let expected = keys.form_mac(&[PURPOSE, ts, token.as_bytes()]);
    if !bool::from(expected[..MAC_LEN].ct_eq(mac)) {
        return false;
    }
    let mut b = [0u8; 8];
    b.copy_from_slice(ts);
    let issued = i64::from_be_bytes(b);
    issued <= now + 300 && now - issued <= form_token::MAX_AGE_SECS
}

/// The link itself is the only thing a host has; its shape is checked before any look-up.
fn plausible(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

fn no_such_page() -> WebError {
    WebError::not_found("there is no page at this address")
}

fn reply_label(t: Tr, reply: HostReply) -> String {
    t.get(match reply {
        HostReply::Removed => "answer-removed",
        HostReply::Refused => "answer-refused",
        HostReply::NotOurs => "answer-not-ours",
    })
}

fn problem_message(t: Tr, p: AnswerProblem) -> String {
    match p {
        AnswerProblem::NoChoice => t.get("answer-problem-choice"),
        AnswerProblem::NoteNeeded => t.get("answer-problem-note"),
        AnswerProblem::TooLong => t.with(
            "answer-problem-too-long",
            "max",
            &MAX_HOST_NOTE_CHARS.to_string(),
        ),
        AnswerProblem::Empty => t.get("answer-problem-note"),
    }
}

#[derive(Template)]
#[template(path = "host_answer.html")]
struct AnswerPage {
    t: Tr,
    page: String,
    action: String,
    address: String,
    earlier: Vec<(String, String)>,
    choices: Vec<(&'static str, String, bool)>,
    note: String,
    max_note: usize,
    form_token: String,
    error: Option<String>,
    done: Option<String>,
}

impl AnswerPage {
    fn new(state: &AppState, lang: Language, token: &str, found: &HostAnswerPage) -> Self {
        let t = Tr::new(lang);
        let day = |at: OffsetDateTime| at.date().to_string();
        AnswerPage {
            t,
            page: format!("answer/{token}"),
            action: format!("/{lang}/answer/{token}"),
            address: found.address.clone(),
            earlier: found
                .answers
                .iter()
                .map(|(at, r)| (day(*at), reply_label(t, *r)))
                .collect(),
            choices: HostReply::ALL
                .iter()
                .map(|r| (r.as_str(), reply_label(t, *r), false))
                .collect(),
            note: String::new(),
            max_note: MAX_HOST_NOTE_CHARS,
            form_token: issue_form(
                state.store.keys(),
                token,
                OffsetDateTime::now_utc().unix_timestamp(),
            ),
            error: None,
            done: None,
        }
    }

    fn respond(self, status: StatusCode) -> Result<Response, WebError> {
        Ok((
            status,
            [(header::CACHE_CONTROL, "no-store")],
            render(&self)?,
        )
            .into_response())
    }
}

/// The notice a link names, in the language of its path: 404 for anything else, the same for
/// an unknown, altered or closed link; rate-limited per client before any lookup.
async fn open(
    state: &AppState,
    lang: &str,
    token: &str,
    client: &ClientKey,
) -> Result<(Language, hotline_store::answers::HostAnswerPage), WebError> {
    let lang: Language = lang.parse().map_err(|()| no_such_page())?;
    if !plausible(token) {
        return Err(no_such_page());
    }
    if !state.limiter.allow(client.0) {
        return Err(WebError::rate_limited());
    }
    let found = state
        .store
        .host_answer_page(token)
        .await?
        .ok_or_else(no_such_page)?;
    Ok((lang, found))
}

/// `GET /{lang}/answer/{token}`: the answer form of one notice.
pub async fn form(
    State(state): State<AppState>,
    Path((lang, token)): Path<(String, String)>,
    client: ClientKey,
) -> Result<Response, WebError> {
    let (lang, found) = open(&state, &lang, &token, &client).await?;
    AnswerPage::new(&state, lang, &token, &found).respond(StatusCode::OK)
}

/// `POST /{lang}/answer/{token}`: records the answer on the case, audited in the host's
/// name; "removed" has the address checked at once.
pub async fn submit(
    State(state): State<AppState>,
    Path((lang, token)): Path<(String, String)>,
    client: ClientKey,
    fields: FormFields,
) -> Result<Response, WebError> {
    let (lang, found) = open(&state, &lang, &token, &client).await?;
    let t = Tr::new(lang);
    let mut page = AnswerPage::new(&state, lang, &token, &found);
    let chosen = fields.get("answer").unwrap_or("").to_owned();
    page.note = fields.get("note").unwrap_or("").to_owned();
    for c in &mut page.choices {
        c.2 = c.0 == chosen;
    }
    let now = OffsetDateTime::now_utc();
    if !form_is_genuine(
        state.store.keys(),
        &token,
        fields.get("form_token"),
        now.unix_timestamp(),
    ) {
        page.error = Some(t.get("answer-form-expired"));
        return page.respond(StatusCode::BAD_REQUEST);
    }
    let input = match HostAnswerInput::parse(fields.get("answer"), fields.get("note")) {
        Ok(i) => i,
        Err(p) => {
            page.error = Some(problem_message(t, p));
            return page.respond(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    match hotline_app::cases::host_reply(&state.app, &token, &input).await? {
        Some(_) => {}
        // Closed between the look-up and the answer.
        None => return Err(no_such_page()),
    }
    let found = state
        .store
        .host_answer_page(&token)
        .await?
        .ok_or_else(no_such_page)?;
    let mut page = AnswerPage::new(&state, lang, &token, &found);
    page.done = Some(t.get(match input.reply {
        HostReply::Removed => "answer-thanks-removed",
        HostReply::Refused | HostReply::NotOurs => "answer-thanks",
    }));
    page.respond(StatusCode::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_token_belongs_to_one_notice_and_lapses() {
        let k = Keyring::for_tests(1);
        let a = "a".repeat(64);
        let b = "b".repeat(64);
        let f = issue_form(&k, &a, 1_000_000);
        assert!(form_is_genuine(&k, &a, Some(&f), 1_000_000));
        assert!(
            !form_is_genuine(&k, &b, Some(&f), 1_000_000),
            "another notice"
        );
        assert!(!form_is_genuine(
            &Keyring::for_tests(2),
            &a,
            Some(&f),
            1_000_000
        ));
        assert!(!form_is_genuine(
            &k,
            &a,
            Some(&f),
            1_000_001 + form_token::MAX_AGE_SECS
        ));
        assert!(!form_is_genuine(&k, &a, None, 1_000_000));
        assert!(!form_is_genuine(&k, &a, Some("x"), 1_000_000));
        assert!(plausible(&a) && !plausible("abc") && !plausible(&"g".repeat(64)));
    }
}
