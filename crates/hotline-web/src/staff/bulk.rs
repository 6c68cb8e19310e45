//! Bulk work (docs/SPEC.md §4): one assessment, or one closing reason, for many cases in one
//! form submission. Each case goes through the single-case action of
//! [`service`](crate::staff::service) on its own, in its own transaction, so each keeps its
//! own timeline entry, audit event and routing exactly as if assessed alone; a case whose
//! state does not allow the action is listed as skipped, with the reason. Also "save and
//! next": after an assessment, the next case of the same view.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use hotline_domain::assessment::{Assessment, AssessmentInput};
use hotline_domain::{CaseState, CloseReason};
use hotline_store::CaseSet;

use crate::extract::FormFields;
use crate::i18n::Tr;
use crate::pages::render;
use crate::staff::auth::Staff;
use crate::staff::find::{BULK_MAX, case_link, parse_set, set_page};
use crate::staff::labels;
use crate::staff::pages::{Me, StaffLang, assessment_input};
use crate::{AppState, WebError};
use hotline_app::{AppError, cases};

/// A case the bulk action left alone, and why.
struct Skipped {
    case_id: i64,
    link: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "staff/bulk_done.html")]
struct BulkDone {
    t: Tr,
    me: Option<Me>,
    /// "20 cases assessed", "3 cases closed".
    summary: String,
    done: Vec<(i64, String)>,
    skipped: Vec<Skipped>,
    back: String,
}

enum BulkAction {
    /// The form as sent (checked once with `Assessment::parse`; each case parses it again).
    Assess(Box<AssessmentInput>),
    Close(CloseReason),
}

/// The reason a case was skipped, in the page's language where the code knows it.
fn refusal(t: Tr, e: &WebError) -> String {
    if e.status.is_server_error() {
        return t.get("staff-bulk-skip-internal");
    }
    let why = match &e.refusal {
        Some(r) => labels::refusal(t, r),
        None => e.message.clone(),
    };
    t.with("staff-bulk-skip-refused", "why", &why)
}

/// `POST /staff/bulk`: `case` (repeated), `do` = `assess` (with the assessment fields) or
/// `close` (with `reason`), and `view` (the set to return to).
pub async fn bulk(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    fields: FormFields,
) -> Result<Response, WebError> {
    staff.check_csrf(&fields)?;
    let mut ids = Vec::new();
    for raw in fields.all("case") {
        let id: i64 = raw
            .parse()
            .map_err(|_| WebError::invalid("case", format!("\"{raw}\" is not a case number")))?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return Err(WebError::invalid_because(
            "case",
            hotline_domain::Refusal::new("no_case_selected", "select at least one case"),
        ));
    }
    if ids.len() as i64 > BULK_MAX {
        return Err(WebError::invalid(
            "case",
            format!("select at most {BULK_MAX} cases at once"),
        ));
    }
    let set = parse_set(fields.get("view").unwrap_or(""));
    let action = match fields.get("do").unwrap_or("") {
        "assess" => {
            let input = assessment_input(&fields);
            // Checked once before any case is touched: every problem at once.
            Assessment::parse(input.clone()).map_err(|invalid| {
                let mut e = WebError::invalid(
                    "classification",
                    invalid
                        .errors
                        .iter()
                        .map(|e| format!("{}: {}", e.field, e.problem))
                        .collect::<Vec<_>>()
                        .join("; "),
                );
                e.field = invalid.errors.first().map(|e| e.field.to_owned());
                e
            })?;
            BulkAction::Assess(Box::new(input))
        }
        "close" => {
            let raw = fields.get("reason").unwrap_or("").trim();
            if raw.is_empty() {
                return Err(WebError::invalid("reason", "say why the cases are closed"));
            }
            BulkAction::Close(raw.parse::<CloseReason>().map_err(|()| {
                WebError::invalid("reason", format!("unknown closing reason \"{raw}\""))
            })?)
        }
        other => {
            return Err(WebError::invalid(
                "do",
                format!("expected assess or close, not \"{other}\""),
            ));
        }
    };
    let mut done = Vec::new();
    let mut skipped = Vec::new();
    for id in ids {
        let link = case_link(id, &set);
        // What the case's state allows, said in the staff's words before asking the action
        // (which checks again, in its own transaction).
        let current = state.store.case_state(id).await?;
        let result = match (&action, current) {
            (_, None) => Err(t.get("staff-bulk-skip-missing")),
            (BulkAction::Assess(_), Some(s))
                if !matches!(s, CaseState::New | CaseState::InAssessment) =>
            {
                Err(t.with("staff-bulk-skip-state", "state", &labels::state(t, s)))
            }
            (BulkAction::Close(_), Some(CaseState::Closed)) => Err(t.get("staff-bulk-skip-closed")),
            (BulkAction::Assess(input), Some(_)) => {
                match cases::record_assessment(&state.app, &staff.user, id, (**input).clone()).await
                {
                    Ok(_) => Ok(()),
                    Err(AppError::Assessment(i)) => Err(t.with(
                        "staff-bulk-skip-refused",
                        "why",
                        &i.errors
                            .iter()
                            .map(|e| labels::assessment_error(t, e))
                            .collect::<Vec<_>>()
                            .join("; "),
                    )),
                    Err(e) => Err(refusal(t, &e.into())),
                }
            }
            (BulkAction::Close(reason), Some(_)) => cases::move_case(
                &state.app,
                &staff.user,
                id,
                CaseState::Closed,
                Some(*reason),
            )
            .await
            .map_err(|e| refusal(t, &e.into())),
        };
        match result {
            Ok(()) => done.push((id, link)),
            Err(reason) => skipped.push(Skipped {
                case_id: id,
                link,
                reason,
            }),
        }
    }
    let key = match action {
        BulkAction::Assess(_) => "staff-bulk-assessed",
        BulkAction::Close(_) => "staff-bulk-closed",
    };
    let page = BulkDone {
        t,
        me: Me::of(&staff),
        summary: t.count(key, "count", done.len()),
        done,
        skipped,
        back: set_page(&set),
    };
    Ok(render(&page)?.into_response())
}

/// Where an assessment of case `id` leads: with `then` = `next`, the next case of the same
/// view waiting for assessment (or the view itself when none is left); else the case again.
pub async fn after_assessment(
    state: &AppState,
    id: i64,
    fields: &FormFields,
) -> Result<Response, WebError> {
    if fields.get("then") != Some("next") {
        return Ok(Redirect::to(&format!("/staff/cases/{id}")).into_response());
    }
    let set = parse_set(fields.get("view").unwrap_or(""));
    let to = match state.store.next_in_set(&set, id).await? {
        Some(next) => case_link(next, &set),
        None => set_page(&set),
    };
    Ok(Redirect::to(&to).into_response())
}

/// The set a case page was opened from (`?view=`), for its "save and next".
pub fn view_of(raw: Option<&str>) -> CaseSet {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    pairs
        .iter()
        .find(|(k, _)| k == "view")
        .map_or(CaseSet::Queue, |(_, v)| parse_set(v))
}
