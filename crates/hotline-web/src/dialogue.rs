//! A reporter answers the hotline's messages on the status page, with their receipt
//! (docs/SPEC.md §4): `POST /{lang}/status/answer`. Text only, length-limited, sealed at rest
//! like the messages; rate-limited per client like status look-ups. No cookie, no script: the
//! receipt in the form is what proves the reporter, as on the status page itself.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use hotline_domain::answers::{AnswerProblem, MAX_REPORTER_ANSWER_CHARS, reporter_answer};
use hotline_store::answers::ReporterAnswerOutcome;

use crate::extract::{ClientKey, FormFields};
use crate::i18n::Tr;
use crate::pages::{Lang, StatusPage, render, status_result, typed_receipt};
use crate::{AppState, WebError};

/// `POST /{lang}/status/answer`: stores the reporter's answer and shows the status page again
/// with it.
pub async fn answer(
    State(state): State<AppState>,
    Lang(lang): Lang,
    client: ClientKey,
    fields: FormFields,
) -> Result<Response, WebError> {
    let t = Tr::new(lang);
    let typed = fields.get("receipt").unwrap_or("").trim().to_owned();
    let mut page = StatusPage::new(t, typed.clone());
    page.answer = fields.get("answer").unwrap_or("").to_owned();
    let receipt = match typed_receipt(&state, &client, t, &typed, &mut page)? {
        Ok(r) => r,
        Err(refused) => return Ok(refused),
    };
    let status = match reporter_answer(fields.get("answer")) {
        Err(p) => {
            page.answer_error = Some(match p {
                AnswerProblem::TooLong => t.with(
                    "status-answer-too-long",
                    "max",
                    &MAX_REPORTER_ANSWER_CHARS.to_string(),
                ),
                _ => t.get("status-answer-empty"),
            });
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Ok(text) => match hotline_app::cases::reporter_answer(&state.app, &receipt, &text).await? {
            ReporterAnswerOutcome::Recorded => {
                page.answered = true;
                page.answer.clear();
                StatusCode::OK
            }
            ReporterAnswerOutcome::UnknownReceipt => {
                page.error = Some(t.get("status-not-found"));
                return Ok((StatusCode::NOT_FOUND, render(&page)?).into_response());
            }
            ReporterAnswerOutcome::NothingToAnswer => {
                page.answer_error = Some(t.get("status-answer-nothing"));
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ReporterAnswerOutcome::TooMany => {
                page.answer_error = Some(t.get("status-answer-too-many"));
                StatusCode::UNPROCESSABLE_ENTITY
            }
        },
    };
    let Some(result) = status_result(&state, t, &receipt).await? else {
        page.error = Some(t.get("status-not-found"));
        return Ok((StatusCode::NOT_FOUND, render(&page)?).into_response());
    };
    page.result = Some(result);
    Ok((status, render(&page)?).into_response())
}
