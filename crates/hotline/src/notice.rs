//! Notices as this hotline writes them, for the worker that sends them and for
//! `hotline notice show`, which prints them without sending anything: one way to build them.

use std::fmt::Write as _;

use anyhow::{Context, bail};
use hotline_domain::notice::{NoticeFacts, compose, notice_language, recipients, xarf};
use hotline_domain::report::Channel;
use hotline_domain::trace::Trace;
use hotline_store::{CaseFile, Store};

use crate::worker::NoticeSettings;

/// What a notice about the case states, with a fresh XARF report id, in the language of the
/// country that hosts it (`trace`).
pub fn facts_for_case(
    notice: &NoticeSettings,
    country: &str,
    case_id: i64,
    file: &CaseFile,
    trace: Option<&Trace>,
    preserve_evidence: bool,
) -> NoticeFacts {
    let rfc3339 = |t: time::OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    let latest = file.assessments.last();
    let statute = latest
        .and_then(|a| a.assessment.statutory_reference.clone())
        .unwrap_or_else(|| notice.default_statute.clone());
    let language = notice_language(
        trace
            .and_then(|t| t.hosting_countries().into_iter().next())
            .as_deref(),
        notice.language,
    );
    NoticeFacts {
        reference: format!("{country}-{}-{case_id:06}", file.created_at.year()),
        address: file.canonical.clone(),
        statute,
        hotline_name: notice.hotline_name.clone(),
        hotline_email: notice.from.clone(),
        reported_at: rfc3339(file.created_at),
        preserve_evidence,
        report_id: uuid::Uuid::new_v4().to_string(),
        national_only: latest.is_some_and(|a| {
            a.assessment.classification == hotline_domain::assessment::Classification::National
        }),
        // A partner hotline's referral was found and assessed by its analysts; anything
        // else began with someone's report.
        from_public_report: file
            .reports
            .iter()
            .any(|r| r.channel.parse::<Channel>() != Ok(Channel::Partner)),
        assessed_at: latest.map(|a| rfc3339(a.at)),
        language,
        answer_link: hotline_domain::answers::answer_link(&notice.site_url, language),
    }
}

/// Which case `given` means: its number, or its reference as notices give it
/// (`BE-2026-000123`).
pub fn case_number(given: &str) -> anyhow::Result<i64> {
    let digits = given.rsplit('-').next().unwrap_or(given);
    match digits.parse::<i64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => bail!("\"{given}\" is not a case number (123) or reference (BE-2026-000123)"),
    }
}

/// The notices of a case as text: those queued or sent (what went), else those that would go
/// now to each recipient of the latest trace. With `xarf_only`, only the XARF documents, one
/// JSON document per line. Sends nothing and changes nothing.
pub async fn show(
    store: &Store,
    notice: &NoticeSettings,
    country: &str,
    template: Option<&str>,
    case_id: i64,
    xarf_only: bool,
) -> anyhow::Result<String> {
    let file = store
        .case_file(case_id, false, hotline_domain::ContactView::Hidden)
        .await?
        .with_context(|| format!("there is no case {case_id}"))?;
    let mut out = String::new();
    let stored = store.notices_of_case(case_id).await?;
    if !stored.is_empty() {
        for n in stored {
            if xarf_only {
                let doc: serde_json::Value = serde_json::from_str(&n.xarf)
                    .with_context(|| format!("the stored XARF of notice {} is not JSON", n.id))?;
                writeln!(out, "{doc}")?;
            } else {
                writeln!(
                    out,
                    "To: {}\nState: {}\nMessage-ID: <{}>\nSubject: {}\n{}\n{}\n\nXARF (xarf.json):\n{}\n",
                    n.recipient,
                    n.state,
                    n.message_id,
                    n.subject,
                    token_note(&n.body),
                    n.body,
                    n.xarf
                )?;
            }
        }
        return Ok(out);
    }
    let trace = store
        .latest_trace(case_id)
        .await?
        .context("the case has no trace yet: a notice cannot be addressed")?;
    let who = recipients(&trace);
    if who.is_empty() {
        bail!("the trace has no abuse contact: a notice cannot be addressed");
    }
    let police = store.police_record(case_id).await?;
    let facts = facts_for_case(
        notice,
        country,
        case_id,
        &file,
        Some(&trace),
        police.preserve_evidence(),
    );
    let (subject, body) = compose(template, &facts).map_err(anyhow::Error::msg)?;
    let doc = xarf(&facts);
    for r in who {
        if xarf_only {
            writeln!(out, "{doc}")?;
        } else {
            writeln!(
                out,
                "To: {} ({})\nState: not sent (preview)\nSubject: {subject}\n{}\n{body}\n\nXARF (xarf.json):\n{}\n",
                r.email,
                format!("{:?}", r.role).to_ascii_lowercase(),
                token_note(&body),
                serde_json::to_string_pretty(&doc)?
            )?;
        }
    }
    Ok(out)
}

/// What the operator must know of the text shown: the answer link's token is a placeholder
/// (only the mail carries the notice's own token: it is never stored), and notices that go
/// to one recipient in one run travel in one mail listing them all.
fn token_note(body: &str) -> String {
    let placeholder = hotline_domain::answers::ANSWER_TOKEN_PLACEHOLDER;
    if body.contains(placeholder) {
        format!(
            "Note: a preview of this notice's text. {placeholder} stands for this notice's own \
             answer token, which only the mail carries (it is never stored); notices to the \
             same recipient in one run go in one mail that lists each address.\n"
        )
    } else {
        "Note: a preview of this notice's text; notices to the same recipient in one run go \
         in one mail that lists each address.\n"
            .to_owned()
    }
}
