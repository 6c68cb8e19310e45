//! `GET /{lang}/transparency` (docs/SPEC.md §4): what the hotline did in a calendar year, as
//! aggregates only. Every count below five is shown as "<5" and no time is published that
//! rests on fewer than five cases (`hotline_domain::statistics::public_count`,
//! `public_time`), so no figure can point at one person or one site. Like every public page:
//! no cookies, no script.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Html;
use time::OffsetDateTime;

use hotline_domain::statistics::{
    self, Leg, Statistics, Summary, human_duration, public_count, public_time,
};

use crate::i18n::Tr;
use crate::pages::{Lang, render};
use crate::{AppState, WebError};

/// How long computed figures are reused: the page is public, and a year of cases is
/// worth computing once, not on every request.
const CACHE_FOR: Duration = Duration::from_secs(300);

type Cache = Mutex<HashMap<i32, (Instant, Arc<Statistics>)>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// One row of a public table: a label and its (suppressed) figure(s).
struct Row {
    label: String,
    value: String,
}

/// A time leg as published.
struct TimeRow {
    label: String,
    cases: String,
    median: String,
    p90: String,
}

#[derive(Template)]
#[template(path = "transparency.html")]
struct TransparencyPage {
    t: Tr,
    page: String,
    year: String,
    previous: Option<i32>,
    next: Option<i32>,
    totals: Vec<Row>,
    channels: Vec<Row>,
    classifications: Vec<Row>,
    countries: Vec<TimeRow>,
    times: Vec<TimeRow>,
}

fn channel_label(t: &Tr, key: &str) -> String {
    match key {
        "web" => t.get("transparency-channel-web"),
        "api" => t.get("transparency-channel-api"),
        "partner" => t.get("transparency-channel-partner"),
        "import" => t.get("transparency-channel-import"),
        other => other.to_owned(),
    }
}

fn classification_label(t: &Tr, key: &str) -> String {
    match key {
        "baseline" => t.get("transparency-class-baseline"),
        "national" => t.get("transparency-class-national"),
        "not_illegal" => t.get("transparency-class-not_illegal"),
        "unavailable" => t.get("transparency-class-unavailable"),
        "out_of_remit" => t.get("transparency-class-out_of_remit"),
        statistics::NONE => t.get("transparency-class-none"),
        other => other.to_owned(),
    }
}

fn country_label(t: &Tr, key: &str) -> String {
    if key == statistics::UNKNOWN {
        t.get("transparency-country-unknown")
    } else {
        key.to_owned()
    }
}

fn time_row(t: &Tr, label: String, s: Summary) -> TimeRow {
    let shown = |pick: fn(&Summary) -> Option<i64>| {
        public_time(s, pick).map_or_else(|| t.get("transparency-too-few"), human_duration)
    };
    TimeRow {
        label,
        cases: public_count(s.count),
        median: shown(|s| s.median_ms),
        p90: shown(|s| s.p90_ms),
    }
}

async fn figures(state: &AppState, year: i32) -> Result<Arc<Statistics>, WebError> {
    if let Ok(map) = cache().lock()
        && let Some((at, stats)) = map.get(&year)
        && at.elapsed() < CACHE_FOR
    {
        return Ok(stats.clone());
    }
    let (from_ms, to_ms) = statistics::year_period(year);
    let stats = Arc::new(state.store.statistics(from_ms, to_ms).await?);
    if let Ok(mut map) = cache().lock() {
        map.retain(|_, (at, _)| at.elapsed() < CACHE_FOR);
        map.insert(year, (Instant::now(), stats.clone()));
    }
    Ok(stats)
}

/// `GET /{lang}/transparency[?year=YYYY]`: the figures of a year, this year by default.
pub async fn transparency(
    State(state): State<AppState>,
    Lang(lang): Lang,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, WebError> {
    let this_year = OffsetDateTime::now_utc().year();
    let asked = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "year")
        .map(|(_, v)| v.into_owned());
    let year = match asked {
        None => this_year,
        Some(y) => match statistics::parse_year(&y) {
            Ok(y) if y <= this_year => y,
            _ => return Err(WebError::not_found("there are no figures for this year")),
        },
    };
    let s = figures(&state, year).await?;
    let t = Tr::new(lang);
    let leg_label = |leg: Leg| match leg {
        Leg::ReceivedToAssessed => t.get("transparency-leg-assessed"),
        Leg::ReceivedToReferred => t.get("transparency-leg-referred"),
        Leg::ReceivedToNoticeSent => t.get("transparency-leg-notice"),
        Leg::NoticeSentToRemoved => t.get("transparency-leg-notice-removed"),
        Leg::ReceivedToRemoved => t.get("transparency-leg-removed"),
    };
    let page = TransparencyPage {
        t,
        page: if year == this_year {
            "transparency".to_owned()
        } else {
            format!("transparency?year={year}")
        },
        year: year.to_string(),
        previous: (year > 2000).then_some(year - 1),
        next: (year < this_year).then_some(year + 1),
        totals: vec![
            Row {
                label: t.get("transparency-reports"),
                value: public_count(s.reports),
            },
            Row {
                label: t.get("transparency-cases"),
                value: public_count(s.cases),
            },
        ],
        channels: s
            .reports_by_channel
            .iter()
            .map(|c| Row {
                label: channel_label(&t, &c.key),
                value: public_count(c.count),
            })
            .collect(),
        classifications: s
            .by_classification
            .iter()
            .map(|c| Row {
                label: classification_label(&t, &c.key),
                value: public_count(c.count),
            })
            .collect(),
        countries: s
            .by_country
            .iter()
            .map(|g| {
                let mut row = time_row(
                    &t,
                    country_label(&t, &g.group),
                    g.leg(Leg::NoticeSentToRemoved),
                );
                row.cases = public_count(g.cases);
                row
            })
            .collect(),
        times: s
            .legs
            .iter()
            .map(|l| time_row(&t, leg_label(l.leg), l.summary))
            .collect(),
    };
    render(&page)
}
