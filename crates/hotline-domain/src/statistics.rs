//! Timeline statistics (issue 6): how long each leg of a case's handling took, with medians
//! and 90th percentiles, per hosting country and per hosting provider; volumes by channel,
//! classification, outcome, site type and victim age; the public figures with small counts
//! suppressed; the DSA Art. 22(3) trusted-flagger report; CSV. No IO: the store hands in
//! the rows, this module computes.
//!
//! **Which cases a period holds.** A period is half-open, `[from, to)`, in UTC milliseconds.
//! Case figures (legs, classification, outcome, …) are about the cases *opened* in the
//! period (`cases.created_at`), followed to today: a case opened in March and removed in
//! May counts in March's removal times. Report volumes count the reports *received* in the
//! period. The annual report counts the notices *sent* in the year.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::trace::Trace;

/// Counts below this are shown as "<5" on public pages, and no time is published for a
/// group of fewer cases: a small count can point at one person or one site.
pub const PUBLIC_MIN_COUNT: u64 = 5;

/// One stamp of a case's timeline (`case_events.at`, `case_events.kind`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub at_ms: i64,
    pub kind: String,
}

/// Timeline kinds that end the "removed" legs: the host's answer or a check found the
/// content gone (`removed`), or the case was moved to removed (`removed_by_host`).
pub const REMOVED_KINDS: &[&str] = &["removed", "removed_by_host"];
/// Timeline kinds that hand a case on: to the police or to a partner hotline.
pub const REFERRED_KINDS: &[&str] = &["referred_police", "referred_partner"];

/// A leg of a case's handling: from the first stamp of one kind to the first stamp of
/// another at or after it. Later stamps (a second removal after the content reappeared)
/// do not count: each leg measures the first time it was run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Leg {
    /// `received` → `assessed`: how long a report waited for an analyst's decision.
    ReceivedToAssessed,
    /// `received` → `referred_police` | `referred_partner`.
    ReceivedToReferred,
    /// `received` → `notice_sent`: until the host was told.
    ReceivedToNoticeSent,
    /// `notice_sent` → `removed` | `removed_by_host`: the host's response time.
    NoticeSentToRemoved,
    /// `received` → `removed` | `removed_by_host`: the whole way.
    ReceivedToRemoved,
}

impl Leg {
    pub const ALL: [Leg; 5] = [
        Leg::ReceivedToAssessed,
        Leg::ReceivedToReferred,
        Leg::ReceivedToNoticeSent,
        Leg::NoticeSentToRemoved,
        Leg::ReceivedToRemoved,
    ];

    /// The name in JSON, CSV and translation keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Leg::ReceivedToAssessed => "received_to_assessed",
            Leg::ReceivedToReferred => "received_to_referred",
            Leg::ReceivedToNoticeSent => "received_to_notice_sent",
            Leg::NoticeSentToRemoved => "notice_sent_to_removed",
            Leg::ReceivedToRemoved => "received_to_removed",
        }
    }

    /// The kinds that start and end the leg.
    pub fn bounds(self) -> (&'static [&'static str], &'static [&'static str]) {
        const RECEIVED: &[&str] = &["received"];
        const NOTICE: &[&str] = &["notice_sent"];
        match self {
            Leg::ReceivedToAssessed => (RECEIVED, &["assessed"]),
            Leg::ReceivedToReferred => (RECEIVED, REFERRED_KINDS),
            Leg::ReceivedToNoticeSent => (RECEIVED, NOTICE),
            Leg::NoticeSentToRemoved => (NOTICE, REMOVED_KINDS),
            Leg::ReceivedToRemoved => (RECEIVED, REMOVED_KINDS),
        }
    }

    /// Every kind some leg reads (what the store needs to fetch).
    pub fn kinds() -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for leg in Leg::ALL {
            let (a, b) = leg.bounds();
            for k in a.iter().chain(b) {
                if !out.contains(k) {
                    out.push(k);
                }
            }
        }
        out
    }
}

/// The first stamp of one of `kinds` at or after `not_before`.
fn first_of(stamps: &[Stamp], kinds: &[&str], not_before: i64) -> Option<i64> {
    stamps
        .iter()
        .filter(|s| s.at_ms >= not_before && kinds.contains(&s.kind.as_str()))
        .map(|s| s.at_ms)
        .min()
}

/// How long each leg a case ran took, in milliseconds: from the first stamp of the leg's
/// start kinds to the first stamp of its end kinds at or after that. A leg not (yet) run
/// is absent. Stamps need not be sorted.
pub fn legs_of(stamps: &[Stamp]) -> Vec<(Leg, i64)> {
    Leg::ALL
        .into_iter()
        .filter_map(|leg| {
            let (from, to) = leg.bounds();
            let start = first_of(stamps, from, i64::MIN)?;
            let end = first_of(stamps, to, start)?;
            Some((leg, end - start))
        })
        .collect()
}

/// The `p`th percentile of `sorted` (ascending), by the **nearest-rank** method: the
/// smallest value such that at least `p` percent of the values are less than or equal to
/// it, i.e. the value at 1-based rank `ceil(p / 100 × n)` (rank 1 for `p` = 0). It is
/// always one of the values, never an interpolation, so the median of an even number of
/// values is the lower of the two middle ones. `None` for no values or `p` > 100.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() || p > 100 {
        return None;
    }
    let n = sorted.len() as u64;
    // ceil(p * n / 100) in integers, at least 1.
    let rank = (u64::from(p) * n).div_ceil(100).max(1);
    sorted.get(usize::try_from(rank - 1).ok()?).copied()
}

/// How many values, their median and their 90th percentile (nearest rank, see
/// [`percentile`]), in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Summary {
    pub count: u64,
    pub median_ms: Option<i64>,
    pub p90_ms: Option<i64>,
}

impl Summary {
    /// Summarises `values` (any order).
    pub fn of(values: &mut [i64]) -> Summary {
        values.sort_unstable();
        Summary {
            count: values.len() as u64,
            median_ms: percentile(values, 50),
            p90_ms: percentile(values, 90),
        }
    }
}

/// One leg's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LegSummary {
    pub leg: Leg,
    #[serde(flatten)]
    pub summary: Summary,
}

/// A group's (a hosting country's, a provider's) cases and their legs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupLegs {
    pub group: String,
    pub cases: u64,
    pub legs: Vec<LegSummary>,
}

impl GroupLegs {
    /// The summary of `leg` in this group.
    pub fn leg(&self, leg: Leg) -> Summary {
        self.legs
            .iter()
            .find(|l| l.leg == leg)
            .map(|l| l.summary)
            .unwrap_or_default()
    }
}

/// A count under a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub key: String,
    pub count: u64,
}

/// What statistics need to know of one case opened in the period.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseFacts {
    pub case_id: i64,
    /// `cases.state`.
    pub state: String,
    pub stamps: Vec<Stamp>,
    /// The latest assessment's values; `None` when never assessed or not recorded.
    pub classification: Option<String>,
    pub age_group: Option<String>,
    pub site_type: Option<String>,
    /// Where it was hosted, from [`hosting_of`].
    pub country: Option<String>,
    pub provider: Option<String>,
}

/// The name used for a missing value in groups and tables.
pub const NONE: &str = "none";
/// The name of the group of cases whose hosting is not known.
pub const UNKNOWN: &str = "unknown";

impl CaseFacts {
    /// How the case ended up: `removed` once any removal was stamped (even if it was later
    /// closed or reappeared), otherwise its current state.
    pub fn outcome(&self) -> &str {
        if self
            .stamps
            .iter()
            .any(|s| REMOVED_KINDS.contains(&s.kind.as_str()))
        {
            "removed"
        } else {
            &self.state
        }
    }
}

/// The hosting country and provider of a case from its traces (oldest first): the latest
/// trace that found an address, since a trace made after removal may find nothing. The
/// country is the first of [`Trace::hosting_countries`]; the provider is the AS
/// organisation of the first address not behind a CDN (or of the first address when all
/// are), else `AS<number>`.
pub fn hosting_of(traces: &[Trace]) -> (Option<String>, Option<String>) {
    let Some(trace) = traces.iter().rev().find(|t| !t.addresses.is_empty()) else {
        return (None, None);
    };
    let country = trace.hosting_countries().into_iter().next();
    let address = trace
        .addresses
        .iter()
        .find(|a| a.cdn.is_none())
        .or_else(|| trace.addresses.first());
    let provider = address.and_then(|a| {
        a.as_org
            .clone()
            .filter(|o| !o.trim().is_empty())
            .or_else(|| a.asn.map(|n| format!("AS{n}")))
    });
    (country, provider)
}

/// The figures of one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statistics {
    /// `[from_ms, to_ms)`.
    pub from_ms: i64,
    pub to_ms: i64,
    /// Reports received in the period.
    pub reports: u64,
    /// Cases opened in the period.
    pub cases: u64,
    pub reports_by_channel: Vec<Count>,
    pub by_classification: Vec<Count>,
    pub by_outcome: Vec<Count>,
    pub by_site_type: Vec<Count>,
    pub by_age_group: Vec<Count>,
    /// Every case of the period.
    pub legs: Vec<LegSummary>,
    pub by_country: Vec<GroupLegs>,
    pub by_provider: Vec<GroupLegs>,
}

/// Largest count first, then by name.
fn counts(map: BTreeMap<String, u64>) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(key, count)| Count { key, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    v
}

fn summarise(mut by_leg: BTreeMap<Leg, Vec<i64>>) -> Vec<LegSummary> {
    Leg::ALL
        .into_iter()
        .map(|leg| LegSummary {
            leg,
            summary: Summary::of(by_leg.entry(leg).or_default()),
        })
        .collect()
}

fn groups(cases: &[(&str, Vec<(Leg, i64)>)]) -> Vec<GroupLegs> {
    let mut by: BTreeMap<&str, (u64, BTreeMap<Leg, Vec<i64>>)> = BTreeMap::new();
    for (group, legs) in cases {
        let entry = by.entry(group).or_default();
        entry.0 += 1;
        for (leg, ms) in legs {
            entry.1.entry(*leg).or_default().push(*ms);
        }
    }
    let mut out: Vec<GroupLegs> = by
        .into_iter()
        .map(|(group, (cases, legs))| GroupLegs {
            group: group.to_owned(),
            cases,
            legs: summarise(legs),
        })
        .collect();
    out.sort_by(|a, b| b.cases.cmp(&a.cases).then_with(|| a.group.cmp(&b.group)));
    out
}

/// Computes the figures of `[from_ms, to_ms)` from the cases opened in it and the report
/// counts by channel of the reports received in it.
pub fn compute(
    from_ms: i64,
    to_ms: i64,
    cases: &[CaseFacts],
    reports_by_channel: &[(String, u64)],
) -> Statistics {
    let mut classification = BTreeMap::new();
    let mut outcome = BTreeMap::new();
    let mut site_type = BTreeMap::new();
    let mut age_group = BTreeMap::new();
    let mut all: BTreeMap<Leg, Vec<i64>> = BTreeMap::new();
    let mut countries = Vec::with_capacity(cases.len());
    let mut providers = Vec::with_capacity(cases.len());
    let name = |v: &Option<String>| v.clone().unwrap_or_else(|| NONE.to_owned());
    for c in cases {
        *classification.entry(name(&c.classification)).or_insert(0) += 1;
        *outcome.entry(c.outcome().to_owned()).or_insert(0) += 1;
        *site_type.entry(name(&c.site_type)).or_insert(0) += 1;
        *age_group.entry(name(&c.age_group)).or_insert(0) += 1;
        let legs = legs_of(&c.stamps);
        for (leg, ms) in &legs {
            all.entry(*leg).or_default().push(*ms);
        }
        countries.push((c.country.as_deref().unwrap_or(UNKNOWN), legs.clone()));
        providers.push((c.provider.as_deref().unwrap_or(UNKNOWN), legs));
    }
    let mut channels = BTreeMap::new();
    for (channel, n) in reports_by_channel {
        *channels.entry(channel.clone()).or_insert(0) += n;
    }
    Statistics {
        from_ms,
        to_ms,
        reports: channels.values().sum(),
        cases: cases.len() as u64,
        reports_by_channel: counts(channels),
        by_classification: counts(classification),
        by_outcome: counts(outcome),
        by_site_type: counts(site_type),
        by_age_group: counts(age_group),
        legs: summarise(all),
        by_country: groups(&countries),
        by_provider: groups(&providers),
    }
}

/// The provider response-time league: providers by the median time from notice to
/// removal, fastest first (ties by more removals, then by name); providers without a
/// removal after a notice are left out.
pub fn provider_league(stats: &Statistics) -> Vec<(String, Summary)> {
    let mut out: Vec<(String, Summary)> = stats
        .by_provider
        .iter()
        .map(|g| (g.group.clone(), g.leg(Leg::NoticeSentToRemoved)))
        .filter(|(_, s)| s.count > 0)
        .collect();
    out.sort_by(|a, b| {
        a.1.median_ms
            .cmp(&b.1.median_ms)
            .then_with(|| b.1.count.cmp(&a.1.count))
            .then_with(|| a.0.cmp(&b.0))
    });
    out
}

// ---- Public figures ------------------------------------------------------------------------

/// A count as the public may see it: the number from [`PUBLIC_MIN_COUNT`] up, else "<5".
pub fn public_count(n: u64) -> String {
    if n < PUBLIC_MIN_COUNT {
        format!("<{PUBLIC_MIN_COUNT}")
    } else {
        n.to_string()
    }
}

/// A time as the public may see it: only when it rests on at least [`PUBLIC_MIN_COUNT`]
/// values.
pub fn public_time(s: Summary, pick: fn(&Summary) -> Option<i64>) -> Option<i64> {
    if s.count < PUBLIC_MIN_COUNT {
        None
    } else {
        pick(&s)
    }
}

/// A counted table for the public: each count through [`public_count`].
pub fn public_counts(counts: &[Count]) -> Vec<(String, String)> {
    counts
        .iter()
        .map(|c| (c.key.clone(), public_count(c.count)))
        .collect()
}

// ---- Durations -----------------------------------------------------------------------------

/// A duration for people: `3 d 4 h`, `2 h 5 min`, `7 min`, `40 s` (the two largest units).
pub fn human_duration(ms: i64) -> String {
    let sign = if ms < 0 { "-" } else { "" };
    let s = ms.unsigned_abs() / 1000;
    let (d, h, m, sec) = (s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    let body = if d > 0 {
        format!("{d} d {h} h")
    } else if h > 0 {
        format!("{h} h {m} min")
    } else if m > 0 {
        format!("{m} min")
    } else {
        format!("{sec} s")
    };
    format!("{sign}{body}")
}

// ---- CSV ------------------------------------------------------------------------------------

/// A CSV document: the one writer of [`crate::csv_out`], which defuses formulas.
fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    crate::csv_out::document(header, rows)
}

fn opt(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The statistics as one CSV table: `section,group,key,count,median_ms,p90_ms`. Counts have
/// `key` and `count`; legs have the leg in `key`, the group (`all`, a country, a provider)
/// in `group`, and the number of values in `count`.
pub fn statistics_csv(s: &Statistics) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let count_rows = |rows: &mut Vec<Vec<String>>, section: &str, counts: &[Count]| {
        for c in counts {
            rows.push(vec![
                section.into(),
                String::new(),
                c.key.clone(),
                c.count.to_string(),
                String::new(),
                String::new(),
            ]);
        }
    };
    count_rows(
        &mut rows,
        "totals",
        &[
            Count {
                key: "reports".into(),
                count: s.reports,
            },
            Count {
                key: "cases".into(),
                count: s.cases,
            },
        ],
    );
    count_rows(&mut rows, "channel", &s.reports_by_channel);
    count_rows(&mut rows, "classification", &s.by_classification);
    count_rows(&mut rows, "outcome", &s.by_outcome);
    count_rows(&mut rows, "site_type", &s.by_site_type);
    count_rows(&mut rows, "age_group", &s.by_age_group);
    let leg_rows =
        |rows: &mut Vec<Vec<String>>, section: &str, group: &str, legs: &[LegSummary]| {
            for l in legs {
                rows.push(vec![
                    section.into(),
                    group.into(),
                    l.leg.as_str().into(),
                    l.summary.count.to_string(),
                    opt(l.summary.median_ms),
                    opt(l.summary.p90_ms),
                ]);
            }
        };
    leg_rows(&mut rows, "legs", "all", &s.legs);
    for g in &s.by_country {
        leg_rows(&mut rows, "legs_by_country", &g.group, &g.legs);
    }
    for g in &s.by_provider {
        leg_rows(&mut rows, "legs_by_provider", &g.group, &g.legs);
    }
    csv(
        &["section", "group", "key", "count", "median_ms", "p90_ms"],
        &rows,
    )
}

// ---- The trusted-flagger annual report (DSA Art. 22(3)) -------------------------------------

/// One notice sent in the year, with what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentNotice {
    pub case_id: i64,
    pub sent_at_ms: i64,
    /// The provider notified ([`provider_of_recipient`]).
    pub provider: String,
    /// The latest assessment's classification of the case, if any.
    pub classification: Option<String>,
    /// The case's timeline.
    pub stamps: Vec<Stamp>,
}

/// What the provider did, as far as the timeline knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionTaken {
    /// The content was removed at or after the notice.
    Removed,
    /// The provider refused.
    Refused,
    /// The provider acknowledged, no removal yet.
    Acknowledged,
    /// Nothing recorded yet.
    NoneRecorded,
}

impl ActionTaken {
    pub const ALL: [ActionTaken; 4] = [
        ActionTaken::Removed,
        ActionTaken::Refused,
        ActionTaken::Acknowledged,
        ActionTaken::NoneRecorded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionTaken::Removed => "removed",
            ActionTaken::Refused => "refused",
            ActionTaken::Acknowledged => "acknowledged",
            ActionTaken::NoneRecorded => "none_recorded",
        }
    }
}

impl SentNotice {
    /// The action and, for a removal, the time from this notice to it.
    pub fn action(&self) -> (ActionTaken, Option<i64>) {
        let after = |kinds: &[&str]| first_of(&self.stamps, kinds, self.sent_at_ms);
        if let Some(at) = after(REMOVED_KINDS) {
            (ActionTaken::Removed, Some(at - self.sent_at_ms))
        } else if after(&["notice_refused"]).is_some() {
            (ActionTaken::Refused, None)
        } else if after(&["notice_acknowledged"]).is_some() {
            (ActionTaken::Acknowledged, None)
        } else {
            (ActionTaken::NoneRecorded, None)
        }
    }
}

/// The type of illegal content a classification stands for, in the report's words.
pub fn content_type(classification: Option<&str>) -> &'static str {
    match classification {
        Some("baseline") => "csam_baseline",
        Some("national") => "csam_national_law",
        Some("out_of_remit") => "other_illegal_content",
        Some(_) => "other",
        None => "not_assessed",
    }
}

/// Who a notice to `recipient` went to: the AS organisation of the address whose abuse
/// contact it is (the CDN's name for a CDN), the registrar when it is the registrar's,
/// else the recipient's mail domain.
pub fn provider_of_recipient(traces: &[Trace], recipient: &str) -> String {
    let same = |e: &Option<String>| {
        e.as_deref()
            .is_some_and(|e| e.trim().eq_ignore_ascii_case(recipient.trim()))
    };
    for t in traces.iter().rev() {
        for a in &t.addresses {
            if a.abuse.as_ref().is_some_and(|c| same(&c.email)) {
                if let Some(cdn) = &a.cdn {
                    return cdn.clone();
                }
                if let Some(org) = a.as_org.clone().filter(|o| !o.trim().is_empty()) {
                    return org;
                }
                if let Some(n) = a.asn {
                    return format!("AS{n}");
                }
            }
        }
        if let Some(r) = &t.registrar
            && r.abuse.as_ref().is_some_and(|c| same(&c.email))
            && let Some(name) = &r.name
        {
            return name.clone();
        }
    }
    recipient
        .rsplit_once('@')
        .map_or(recipient, |(_, d)| d)
        .to_ascii_lowercase()
}

/// A line of the annual report: one provider, one type of content, one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnualRow {
    pub provider: String,
    pub content_type: String,
    pub action: ActionTaken,
    pub notices: u64,
    /// Time from notice to removal, for removals.
    pub median_ms: Option<i64>,
    pub p90_ms: Option<i64>,
}

/// The trusted-flagger report of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnualReport {
    pub year: i32,
    pub notices: u64,
    pub by_provider: Vec<Count>,
    pub by_content_type: Vec<Count>,
    pub by_action: Vec<Count>,
    /// Time from notice to removal over every removal.
    pub time_to_removal: Summary,
    pub rows: Vec<AnnualRow>,
}

/// Builds the report of `year` from the notices sent in it.
pub fn annual_report(year: i32, notices: &[SentNotice]) -> AnnualReport {
    let mut by_provider = BTreeMap::new();
    let mut by_type = BTreeMap::new();
    let mut by_action = BTreeMap::new();
    let mut removal_times = Vec::new();
    let mut rows: BTreeMap<(String, String, ActionTaken), Vec<Option<i64>>> = BTreeMap::new();
    for n in notices {
        let (action, took) = n.action();
        let ty = content_type(n.classification.as_deref()).to_owned();
        *by_provider.entry(n.provider.clone()).or_insert(0) += 1;
        *by_type.entry(ty.clone()).or_insert(0) += 1;
        *by_action.entry(action.as_str().to_owned()).or_insert(0) += 1;
        removal_times.extend(took);
        rows.entry((n.provider.clone(), ty, action))
            .or_default()
            .push(took);
    }
    AnnualReport {
        year,
        notices: notices.len() as u64,
        by_provider: counts(by_provider),
        by_content_type: counts(by_type),
        by_action: counts(by_action),
        time_to_removal: Summary::of(&mut removal_times),
        rows: rows
            .into_iter()
            .map(|((provider, content_type, action), took)| {
                let mut times: Vec<i64> = took.iter().flatten().copied().collect();
                let s = Summary::of(&mut times);
                AnnualRow {
                    provider,
                    content_type,
                    action,
                    notices: took.len() as u64,
                    median_ms: s.median_ms,
                    p90_ms: s.p90_ms,
                }
            })
            .collect(),
    }
}

/// The annual report as CSV: one line per provider, content type and action.
pub fn annual_csv(r: &AnnualReport) -> String {
    let rows: Vec<Vec<String>> = r
        .rows
        .iter()
        .map(|row| {
            vec![
                r.year.to_string(),
                row.provider.clone(),
                row.content_type.clone(),
                row.action.as_str().to_owned(),
                row.notices.to_string(),
                opt(row.median_ms),
                opt(row.p90_ms),
            ]
        })
        .collect();
    csv(
        &[
            "year",
            "provider",
            "content_type",
            "action_taken",
            "notices",
            "median_ms_to_removal",
            "p90_ms_to_removal",
        ],
        &rows,
    )
}

// ---- Periods ---------------------------------------------------------------------------------

/// A date that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("\"{0}\" is not a date: write it as YYYY-MM-DD")]
    BadDate(String),
    #[error("the period is empty: {from} is not before {to}")]
    Empty { from: String, to: String },
    #[error("\"{0}\" is not a year between 2000 and 9999")]
    BadYear(String),
}

const DAY_MS: i64 = 86_400_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The start (00:00 UTC, in ms) of a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Result<i64, PeriodError> {
    let bad = || PeriodError::BadDate(crate::names::clip(s));
    let parts: Vec<&str> = s.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let num = |p: &str| -> Result<i64, PeriodError> {
        if p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let (y, m, d) = (num(y)?, num(m)?, num(d)?);
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d < 1 || d > days_in_month {
        return Err(bad());
    }
    Ok(days_from_civil(y, m, d) * DAY_MS)
}

/// The date (`YYYY-MM-DD`) of a time in ms, UTC.
pub fn format_date(ms: i64) -> String {
    // Hinnant's civil_from_days.
    let z = ms.div_euclid(DAY_MS) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The period `[from, to]` of two dates, both days included, as `[from_ms, to_ms)`. A
/// missing `from` is the beginning of time (0); a missing `to` is `now_ms` (exclusive,
/// so everything so far counts).
pub fn period(
    from: Option<&str>,
    to: Option<&str>,
    now_ms: i64,
) -> Result<(i64, i64), PeriodError> {
    let from_ms = from.map(parse_date).transpose()?.unwrap_or(0);
    let to_ms = match to {
        Some(t) => parse_date(t)? + DAY_MS,
        None => now_ms + 1,
    };
    if from_ms >= to_ms {
        return Err(PeriodError::Empty {
            from: from.unwrap_or("the beginning").to_owned(),
            to: to.map_or_else(|| format_date(now_ms), str::to_owned),
        });
    }
    Ok((from_ms, to_ms))
}

/// The calendar year `year` (UTC) as `[from_ms, to_ms)`.
pub fn year_period(year: i32) -> (i64, i64) {
    let y = i64::from(year);
    (
        days_from_civil(y, 1, 1) * DAY_MS,
        days_from_civil(y + 1, 1, 1) * DAY_MS,
    )
}

/// Reads a year (`2026`).
pub fn parse_year(s: &str) -> Result<i32, PeriodError> {
    let s = s.trim();
    match s.parse::<i32>() {
        Ok(y) if (2000..=9999).contains(&y) && s.len() == 4 => Ok(y),
        _ => Err(PeriodError::BadYear(crate::names::clip(s))),
    }
}

/// The year (UTC) of a time in ms.
pub fn year_of(ms: i64) -> i32 {
    format_date(ms)[..4].parse().unwrap_or(1970)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{Contact, HostingAddress, Registrar};

    const MIN: i64 = 60_000;
    const HOUR: i64 = 60 * MIN;

    fn stamps(list: &[(i64, &str)]) -> Vec<Stamp> {
        list.iter()
            .map(|(at, kind)| Stamp {
                at_ms: *at,
                kind: (*kind).to_owned(),
            })
            .collect()
    }

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&v, 50), Some(5)); // ceil(5.0) = rank 5
        assert_eq!(percentile(&v, 90), Some(9)); // ceil(9.0) = rank 9
        assert_eq!(percentile(&v, 91), Some(10)); // ceil(9.1) = rank 10
        assert_eq!(percentile(&v, 100), Some(10));
        assert_eq!(percentile(&v, 0), Some(1));
        // Odd count: the true middle; even count: the lower middle.
        assert_eq!(percentile(&[10, 20, 30], 50), Some(20));
        assert_eq!(percentile(&[10, 20, 30, 40], 50), Some(20));
        // p90 of 4 values: rank ceil(3.6) = 4.
        assert_eq!(percentile(&[10, 20, 30, 40], 90), Some(40));
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[1], 101), None);
        // Twenty values: p90 is rank 18.
        let v: Vec<i64> = (1..=20).map(|i| i * 100).collect();
        assert_eq!(percentile(&v, 90), Some(1800));
        assert_eq!(
            Summary::of(&mut [30, 10, 20]),
            Summary {
                count: 3,
                median_ms: Some(20),
                p90_ms: Some(30)
            }
        );
    }

    #[test]
    fn legs_from_stamps_take_the_first_run_of_each_leg() {
        let s = stamps(&[
            (0, "received"),
            (5 * MIN, "traced"),
            (2 * HOUR, "assessed"),
            (3 * HOUR, "referred_police"),
            (4 * HOUR, "notice_sent"),
            (10 * HOUR, "removed"),
            (10 * HOUR, "removed_by_host"),
            (20 * HOUR, "reappeared"),
            (21 * HOUR, "notice_sent"),
            (30 * HOUR, "removed"),
            // a second report of the same address does not restart the clock
            (25 * HOUR, "received"),
        ]);
        assert_eq!(
            legs_of(&s),
            vec![
                (Leg::ReceivedToAssessed, 2 * HOUR),
                (Leg::ReceivedToReferred, 3 * HOUR),
                (Leg::ReceivedToNoticeSent, 4 * HOUR),
                (Leg::NoticeSentToRemoved, 6 * HOUR),
                (Leg::ReceivedToRemoved, 10 * HOUR),
            ]
        );
        // Unsorted input, a removal stamped before the notice (found gone by a check)
        // does not end the notice leg.
        let s = stamps(&[(3, "removed"), (1, "received"), (5, "notice_sent")]);
        assert_eq!(
            legs_of(&s),
            vec![(Leg::ReceivedToNoticeSent, 4), (Leg::ReceivedToRemoved, 2)]
        );
        assert!(legs_of(&stamps(&[(1, "assessed")])).is_empty());
        assert!(Leg::kinds().contains(&"removed_by_host"));
    }

    fn case(
        id: i64,
        stamps_: &[(i64, &str)],
        country: Option<&str>,
        provider: Option<&str>,
    ) -> CaseFacts {
        CaseFacts {
            case_id: id,
            state: "awaiting_removal".into(),
            stamps: stamps(stamps_),
            classification: Some("baseline".into()),
            age_group: Some("pre_pubescent".into()),
            site_type: Some("image_host".into()),
            country: country.map(Into::into),
            provider: provider.map(Into::into),
        }
    }

    #[test]
    fn compute_groups_and_summarises_with_known_answers() {
        // Notice→removal times: NL/Alpha 1 h, 2 h, 3 h; US/Beta 10 h; unknown: none.
        let mut cases = Vec::new();
        for (i, h) in [1, 2, 3].into_iter().enumerate() {
            cases.push(case(
                i as i64,
                &[
                    (0, "received"),
                    (HOUR, "notice_sent"),
                    (HOUR + h * HOUR, "removed"),
                ],
                Some("NL"),
                Some("Alpha"),
            ));
        }
        cases.push(case(
            9,
            &[
                (0, "received"),
                (2 * HOUR, "notice_sent"),
                (12 * HOUR, "removed"),
            ],
            Some("US"),
            Some("Beta"),
        ));
        let mut open = case(10, &[(0, "received")], None, None);
        open.classification = None;
        open.age_group = None;
        open.site_type = None;
        open.state = "new".into();
        cases.push(open);
        let s = compute(
            0,
            100,
            &cases,
            &[("web".into(), 4), ("api".into(), 2), ("web".into(), 1)],
        );
        assert_eq!(s.reports, 7);
        assert_eq!(s.cases, 5);
        assert_eq!(
            s.reports_by_channel,
            vec![
                Count {
                    key: "web".into(),
                    count: 5
                },
                Count {
                    key: "api".into(),
                    count: 2
                }
            ]
        );
        assert_eq!(
            s.by_outcome,
            vec![
                Count {
                    key: "removed".into(),
                    count: 4
                },
                Count {
                    key: "new".into(),
                    count: 1
                }
            ]
        );
        assert_eq!(
            s.by_classification,
            vec![
                Count {
                    key: "baseline".into(),
                    count: 4
                },
                Count {
                    key: NONE.into(),
                    count: 1
                }
            ]
        );
        let all = s
            .legs
            .iter()
            .find(|l| l.leg == Leg::NoticeSentToRemoved)
            .unwrap();
        // values 1 h, 2 h, 3 h, 10 h: median rank 2, p90 rank ceil(3.6) = 4.
        assert_eq!(
            all.summary,
            Summary {
                count: 4,
                median_ms: Some(2 * HOUR),
                p90_ms: Some(10 * HOUR)
            }
        );
        let nl = &s.by_country[0];
        assert_eq!((nl.group.as_str(), nl.cases), ("NL", 3));
        assert_eq!(
            nl.leg(Leg::NoticeSentToRemoved),
            Summary {
                count: 3,
                median_ms: Some(2 * HOUR),
                p90_ms: Some(3 * HOUR)
            }
        );
        assert_eq!(
            s.by_country
                .iter()
                .map(|g| g.group.as_str())
                .collect::<Vec<_>>(),
            ["NL", "US", UNKNOWN]
        );
        let unknown = s.by_provider.iter().find(|g| g.group == UNKNOWN).unwrap();
        assert_eq!(unknown.leg(Leg::NoticeSentToRemoved), Summary::default());
        let league = provider_league(&s);
        assert_eq!(
            league.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(),
            ["Alpha", "Beta"]
        );
        assert_eq!(league[1].1.median_ms, Some(10 * HOUR));

        let csv = statistics_csv(&s);
        assert!(
            csv.starts_with("section,group,key,count,median_ms,p90_ms\r\n"),
            "{csv}"
        );
        assert!(
            csv.contains("legs,all,notice_sent_to_removed,4,7200000,36000000\r\n"),
            "{csv}"
        );
        assert!(csv.contains("legs_by_country,NL,notice_sent_to_removed,3,7200000,10800000\r\n"));
        assert!(csv.contains("channel,,web,5,,\r\n"));
        assert!(csv.contains("totals,,cases,5,,\r\n"));
    }

    #[test]
    fn small_counts_are_suppressed_for_the_public() {
        assert_eq!(public_count(0), "<5");
        assert_eq!(public_count(1), "<5");
        assert_eq!(public_count(4), "<5");
        assert_eq!(public_count(5), "5");
        assert_eq!(public_count(1234), "1234");
        let four = Summary {
            count: 4,
            median_ms: Some(1),
            p90_ms: Some(2),
        };
        assert_eq!(public_time(four, |s| s.median_ms), None);
        let five = Summary { count: 5, ..four };
        assert_eq!(public_time(five, |s| s.median_ms), Some(1));
        assert_eq!(
            public_counts(&[
                Count {
                    key: "a".into(),
                    count: 7
                },
                Count {
                    key: "b".into(),
                    count: 2
                }
            ]),
            vec![("a".into(), "7".into()), ("b".into(), "<5".into())]
        );
    }

    #[test]
    fn hosting_and_providers_come_from_traces() {
        let addr = |ip: &str,
                    org: Option<&str>,
                    asn: Option<u32>,
                    country: &str,
                    cdn: Option<&str>,
                    abuse: &str| HostingAddress {
            ip: ip.into(),
            asn,
            as_org: org.map(Into::into),
            country: Some(country.into()),
            cdn: cdn.map(Into::into),
            abuse: Some(Contact {
                email: Some(abuse.into()),
                ..Default::default()
            }),
            network: None,
        };
        let old = Trace {
            addresses: vec![addr(
                "192.0.2.1",
                Some("Old Host"),
                Some(64500),
                "DE",
                None,
                "abuse@old.example",
            )],
            ..Default::default()
        };
        let new = Trace {
            addresses: vec![
                addr(
                    "198.51.100.1",
                    Some("Cloudflare, Inc."),
                    Some(13335),
                    "US",
                    Some("Cloudflare"),
                    "abuse@cf.example",
                ),
                addr(
                    "203.0.113.9",
                    None,
                    Some(64501),
                    "NL",
                    None,
                    "abuse@host.example",
                ),
            ],
            registrar: Some(Registrar {
                name: Some("Registrar Ltd".into()),
                iana_id: None,
                abuse: Some(Contact {
                    email: Some("abuse@registrar.example".into()),
                    ..Default::default()
                }),
            }),
            ..Default::default()
        };
        let gone = Trace::default();
        let traces = [old, new, gone];
        assert_eq!(
            hosting_of(&traces),
            (Some("NL".into()), Some("AS64501".into()))
        );
        assert_eq!(hosting_of(&[]), (None, None));
        assert_eq!(
            provider_of_recipient(&traces, "ABUSE@cf.example"),
            "Cloudflare"
        );
        assert_eq!(
            provider_of_recipient(&traces, "abuse@old.example"),
            "Old Host"
        );
        assert_eq!(
            provider_of_recipient(&traces, "abuse@registrar.example"),
            "Registrar Ltd"
        );
        assert_eq!(
            provider_of_recipient(&traces, "someone@Elsewhere.Example"),
            "elsewhere.example"
        );
    }

    #[test]
    fn annual_report_counts_actions_and_times() {
        let n = |case_id, provider: &str, class: Option<&str>, s: &[(i64, &str)]| SentNotice {
            case_id,
            sent_at_ms: 100,
            provider: provider.into(),
            classification: class.map(Into::into),
            stamps: stamps(s),
        };
        let notices = [
            n(
                1,
                "Alpha",
                Some("baseline"),
                &[(100, "notice_sent"), (100 + 2 * HOUR, "removed")],
            ),
            n(
                2,
                "Alpha",
                Some("baseline"),
                &[(100, "notice_sent"), (100 + 4 * HOUR, "removed_by_host")],
            ),
            n(
                3,
                "Alpha",
                Some("national"),
                &[(100, "notice_sent"), (200, "notice_acknowledged")],
            ),
            n(
                4,
                "Beta",
                Some("baseline"),
                &[(100, "notice_sent"), (150, "notice_refused")],
            ),
            // a removal before this notice is not its action
            n(5, "Beta", None, &[(50, "removed"), (100, "notice_sent")]),
        ];
        let r = annual_report(2026, &notices);
        assert_eq!(r.notices, 5);
        assert_eq!(
            r.by_provider,
            vec![
                Count {
                    key: "Alpha".into(),
                    count: 3
                },
                Count {
                    key: "Beta".into(),
                    count: 2
                }
            ]
        );
        assert_eq!(
            r.by_action,
            vec![
                Count {
                    key: "removed".into(),
                    count: 2
                },
                Count {
                    key: "acknowledged".into(),
                    count: 1
                },
                Count {
                    key: "none_recorded".into(),
                    count: 1
                },
                Count {
                    key: "refused".into(),
                    count: 1
                },
            ]
        );
        assert_eq!(
            r.time_to_removal,
            Summary {
                count: 2,
                median_ms: Some(2 * HOUR),
                p90_ms: Some(4 * HOUR)
            }
        );
        assert_eq!(
            r.rows[0],
            AnnualRow {
                provider: "Alpha".into(),
                content_type: "csam_baseline".into(),
                action: ActionTaken::Removed,
                notices: 2,
                median_ms: Some(2 * HOUR),
                p90_ms: Some(4 * HOUR),
            }
        );
        let csv = annual_csv(&r);
        assert!(csv.starts_with("year,provider,content_type,action_taken,notices,median_ms_to_removal,p90_ms_to_removal\r\n"));
        assert!(
            csv.contains("2026,Alpha,csam_baseline,removed,2,7200000,14400000\r\n"),
            "{csv}"
        );
        assert!(
            csv.contains("2026,Beta,not_assessed,none_recorded,1,,\r\n"),
            "{csv}"
        );
    }

    #[test]
    fn dates_and_periods() {
        assert_eq!(parse_date("1970-01-01"), Ok(0));
        assert_eq!(parse_date("2026-03-01"), Ok(1_772_323_200_000));
        assert_eq!(format_date(1_772_323_200_000 + 5), "2026-03-01");
        assert_eq!(
            parse_date("2024-02-29").map(format_date),
            Ok("2024-02-29".into())
        );
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-1-01",
            "yesterday",
            "2026-03-01x",
            "",
        ] {
            assert!(
                matches!(parse_date(bad), Err(PeriodError::BadDate(_))),
                "{bad}"
            );
        }
        assert_eq!(
            period(Some("2026-03-01"), Some("2026-03-01"), 0),
            Ok((1_772_323_200_000, 1_772_323_200_000 + DAY_MS))
        );
        assert_eq!(period(None, None, 41), Ok((0, 42)));
        assert!(matches!(
            period(Some("2026-03-02"), Some("2026-03-01"), 0),
            Err(PeriodError::Empty { .. })
        ));
        assert_eq!(
            year_period(2026),
            (
                parse_date("2026-01-01").unwrap(),
                parse_date("2027-01-01").unwrap()
            )
        );
        assert_eq!(parse_year("2026"), Ok(2026));
        assert!(parse_year("26").is_err() && parse_year("abcd").is_err());
        assert_eq!(year_of(1_772_323_200_000), 2026);
        assert_eq!(human_duration(90 * MIN), "1 h 30 min");
        assert_eq!(human_duration(26 * HOUR), "1 d 2 h");
        assert_eq!(human_duration(42_000), "42 s");
        assert_eq!(human_duration(7 * MIN), "7 min");
    }
}
