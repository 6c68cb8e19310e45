//! The statistics pages for staff (analysts, supervisors, admins; not the police): timeline
//! legs with medians and p90, per hosting country and provider, the provider response-time
//! league, volumes, each chart beside its table, a CSV download; and the trusted-flagger
//! annual report (DSA Art. 22(3)) as HTML and CSV.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use time::OffsetDateTime;

use hotline_domain::staff::Action;
use hotline_domain::statistics::{
    self, AnnualReport, Count, Leg, LegSummary, Statistics, Summary, format_date, human_duration,
};

use crate::charts::BarChart;
use crate::i18n::Tr;
use crate::pages::render;
use crate::staff::auth::{Staff, require};
use crate::staff::labels;
use crate::staff::pages::{Me, StaffLang};
use crate::{AppState, WebError};

fn now_ms() -> i64 {
    i64::try_from(OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

fn query(raw: Option<String>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.trim().to_owned()))
        .collect()
}

fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}

/// The period asked for: `from` and `to` (both days included); by default this year so far.
fn asked_period(pairs: &[(String, String)]) -> Result<(String, String, i64, i64), WebError> {
    let now = now_ms();
    let this_year = statistics::year_period(statistics::year_of(now)).0;
    let from = param(pairs, "from").map_or_else(|| format_date(this_year), str::to_owned);
    let to = param(pairs, "to").map_or_else(|| format_date(now), str::to_owned);
    let (from_ms, to_ms) = statistics::period(Some(&from), Some(&to), now)
        .map_err(|e| WebError::invalid("from", e.to_string()))?;
    Ok((from, to, from_ms, to_ms))
}

fn time(v: Option<i64>) -> String {
    v.map_or_else(|| "–".to_owned(), human_duration)
}

fn hours(v: Option<i64>) -> f64 {
    v.map_or(0.0, |ms| ms as f64 / 3_600_000.0)
}

/// A table of counts with its chart.
struct CountTable {
    id: &'static str,
    title: String,
    rows: Vec<Count>,
    chart: String,
}

fn count_table(id: &'static str, title: String, rows: &[Count]) -> Result<CountTable, WebError> {
    let chart = BarChart::new(
        &title,
        &rows
            .iter()
            .map(|c| (c.key.clone(), c.count as f64, c.count.to_string()))
            .collect::<Vec<_>>(),
    )
    .svg()?;
    Ok(CountTable {
        id,
        title,
        rows: rows.to_vec(),
        chart,
    })
}

/// A leg's figures, formatted.
struct LegRow {
    leg: String,
    count: u64,
    median: String,
    p90: String,
}

fn leg_rows(t: Tr, legs: &[LegSummary]) -> Vec<LegRow> {
    legs.iter()
        .map(|l| LegRow {
            leg: labels::leg(t, l.leg.as_str()),
            count: l.summary.count,
            median: time(l.summary.median_ms),
            p90: time(l.summary.p90_ms),
        })
        .collect()
}

/// A group (country, provider) with its legs.
struct GroupRow {
    group: String,
    cases: u64,
    legs: Vec<LegRow>,
}

fn summary_row(name: String, s: Summary) -> (String, u64, String, String) {
    (name, s.count, time(s.median_ms), time(s.p90_ms))
}

#[derive(Template)]
#[template(path = "staff/statistics.html")]
struct StatisticsPage {
    t: Tr,
    me: Option<Me>,
    from: String,
    to: String,
    query: String,
    year: i32,
    reports: u64,
    cases: u64,
    legs: Vec<LegRow>,
    legs_chart: String,
    league: Vec<(String, u64, String, String)>,
    league_chart: String,
    leg_names: Vec<String>,
    countries: Vec<GroupRow>,
    providers: Vec<GroupRow>,
    volumes: Vec<CountTable>,
}

fn groups(t: Tr, list: &[statistics::GroupLegs]) -> Vec<GroupRow> {
    list.iter()
        .map(|g| GroupRow {
            group: g.group.clone(),
            cases: g.cases,
            legs: leg_rows(t, &g.legs),
        })
        .collect()
}

fn statistics_page(
    t: Tr,
    me: Option<Me>,
    from: String,
    to: String,
    s: &Statistics,
) -> Result<StatisticsPage, WebError> {
    let legs_chart = BarChart::paired(
        &t.get("staff-statistics-legs-chart"),
        &s.legs
            .iter()
            .map(|l| {
                (
                    labels::leg(t, l.leg.as_str()),
                    hours(l.summary.median_ms),
                    hours(l.summary.p90_ms),
                    format!("{} / {}", time(l.summary.median_ms), time(l.summary.p90_ms)),
                )
            })
            .collect::<Vec<_>>(),
    )
    .svg()?;
    let league = statistics::provider_league(s);
    let league_chart = BarChart::paired(
        &t.get("staff-statistics-league-chart"),
        &league
            .iter()
            .map(|(p, s)| {
                (
                    p.clone(),
                    hours(s.median_ms),
                    hours(s.p90_ms),
                    format!("{} / {}", time(s.median_ms), time(s.p90_ms)),
                )
            })
            .collect::<Vec<_>>(),
    )
    .svg()?;
    let volumes = vec![
        count_table(
            "channel",
            t.get("staff-statistics-by-channel"),
            &s.reports_by_channel,
        )?,
        count_table(
            "classification",
            t.get("staff-statistics-by-classification"),
            &s.by_classification,
        )?,
        count_table(
            "outcome",
            t.get("staff-statistics-by-outcome"),
            &s.by_outcome,
        )?,
        count_table(
            "site-type",
            t.get("staff-statistics-by-site-type"),
            &s.by_site_type,
        )?,
        count_table(
            "age-group",
            t.get("staff-statistics-by-age-group"),
            &s.by_age_group,
        )?,
    ];
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("from", &from)
        .append_pair("to", &to)
        .finish();
    Ok(StatisticsPage {
        t,
        me,
        year: statistics::year_of(s.from_ms),
        from,
        to,
        query,
        reports: s.reports,
        cases: s.cases,
        legs: leg_rows(t, &s.legs),
        legs_chart,
        league: league.into_iter().map(|(p, s)| summary_row(p, s)).collect(),
        league_chart,
        leg_names: Leg::ALL
            .iter()
            .map(|l| labels::leg(t, l.as_str()))
            .collect(),
        countries: groups(t, &s.by_country),
        providers: groups(t, &s.by_provider),
        volumes,
    })
}

/// `GET /staff/statistics[?from=YYYY-MM-DD&to=YYYY-MM-DD]`.
pub async fn page(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ViewStatistics, None)?;
    let (from, to, from_ms, to_ms) = asked_period(&query(raw))?;
    let s = state.store.statistics(from_ms, to_ms).await?;
    let page = statistics_page(t, Me::of(&staff), from, to, &s)?;
    Ok(render(&page)?.into_response())
}

fn csv_response(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// `GET /staff/statistics.csv[?from&to]`: the same figures as CSV.
pub async fn csv(
    State(state): State<AppState>,
    staff: Staff,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ViewStatistics, None)?;
    let (from, to, from_ms, to_ms) = asked_period(&query(raw))?;
    let s = state.store.statistics(from_ms, to_ms).await?;
    Ok(csv_response(
        &format!("statistics-{from}-{to}.csv"),
        statistics::statistics_csv(&s),
    ))
}

/// The year asked for; last year by default (the report covers a whole year).
fn asked_year(raw: Option<String>) -> Result<i32, WebError> {
    match param(&query(raw), "year") {
        Some(y) => statistics::parse_year(y).map_err(|e| WebError::invalid("year", e.to_string())),
        None => Ok(statistics::year_of(now_ms()) - 1),
    }
}

#[derive(Template)]
#[template(path = "staff/annual.html")]
struct AnnualPage {
    t: Tr,
    me: Option<Me>,
    year: i32,
    notices: u64,
    removal: (String, u64, String, String),
    tables: Vec<CountTable>,
    rows: Vec<(String, String, &'static str, u64, String, String)>,
}

fn annual_page(t: Tr, me: Option<Me>, r: &AnnualReport) -> Result<AnnualPage, WebError> {
    Ok(AnnualPage {
        year: r.year,
        notices: r.notices,
        removal: summary_row(String::new(), r.time_to_removal),
        tables: vec![
            count_table(
                "provider",
                t.get("staff-annual-by-provider"),
                &r.by_provider,
            )?,
            count_table(
                "content-type",
                t.get("staff-annual-by-content-type"),
                &r.by_content_type,
            )?,
            count_table("action", t.get("staff-annual-by-action"), &r.by_action)?,
        ],
        rows: r
            .rows
            .iter()
            .map(|row| {
                (
                    row.provider.clone(),
                    row.content_type.clone(),
                    row.action.as_str(),
                    row.notices,
                    time(row.median_ms),
                    time(row.p90_ms),
                )
            })
            .collect(),
        t,
        me,
    })
}

/// `GET /staff/statistics/annual[?year=YYYY]`: the trusted-flagger report of a year.
pub async fn annual(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ViewStatistics, None)?;
    let year = asked_year(raw)?;
    let r = state.store.annual_report(year).await?;
    Ok(render(&annual_page(t, Me::of(&staff), &r)?)?.into_response())
}

/// `GET /staff/statistics/annual.csv[?year=YYYY]`.
pub async fn annual_csv(
    State(state): State<AppState>,
    staff: Staff,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ViewStatistics, None)?;
    let year = asked_year(raw)?;
    let r = state.store.annual_report(year).await?;
    Ok(csv_response(
        &format!("trusted-flagger-report-{year}.csv"),
        statistics::annual_csv(&r),
    ))
}
