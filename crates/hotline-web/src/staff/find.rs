//! Finding and grouping cases (docs/SPEC.md §4): the search page, the queue grouped by report,
//! by registrable domain and by host, and one group's cases with the bulk form. Addresses are
//! text, never links, defanged under `forward-unopened` as everywhere on the staff side.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use hotline_domain::Refusal;
use time::OffsetDateTime;
use uuid::Uuid;

use hotline_domain::assessment::{
    ActionReason, AgeGroup, Classification, Commerciality, Gender, Media, SiteType,
};
use hotline_domain::staff::{Action, CaseAccess, may};
use hotline_domain::{CaseState, CloseReason, Procedure, Role};
use hotline_store::{CaseSet, FoundCase, GroupKind, SearchBy};

use crate::i18n::Tr;
use crate::pages::render;
use crate::staff::auth::{Staff, require};
use crate::staff::labels;
use crate::staff::pages::{Me, StaffLang, param, query_pairs};
use crate::{AppState, WebError};

/// At most this many cases on a page of search results or of a group.
pub const PAGE: i64 = 50;
/// At most this many cases in one bulk submission (and listed on a group page).
pub const BULK_MAX: i64 = 500;

pub(crate) fn when(t: OffsetDateTime) -> String {
    t.format(time::macros::format_description!(
        "[year]-[month]-[day] [hour]:[minute] UTC"
    ))
    .unwrap_or_default()
}

/// How long ago, in whole hours or days, in the page's language.
pub(crate) fn waiting(t: Tr, since: OffsetDateTime) -> String {
    let hours = (OffsetDateTime::now_utc() - since).whole_hours().max(0);
    if hours < 48 {
        t.count(
            "staff-waiting-hours",
            "count",
            usize::try_from(hours).unwrap_or(0),
        )
    } else {
        t.count(
            "staff-waiting-days",
            "count",
            usize::try_from(hours / 24).unwrap_or(0),
        )
    }
}

pub(crate) fn shown(address: &str, procedure: Procedure, role: Role) -> String {
    match procedure {
        Procedure::ForwardUnopened if role != Role::Police => {
            hotline_domain::address::defang(address)
        }
        _ => address.to_owned(),
    }
}

/// A set of cases as a URL parameter (`view`): `queue`, `host:NAME`, `domain:NAME`,
/// `report:UUID`.
pub fn set_param(set: &CaseSet) -> String {
    match set {
        CaseSet::Queue => "queue".to_owned(),
        CaseSet::Host(h) => format!("host:{h}"),
        CaseSet::Domain(d) => format!("domain:{d}"),
        CaseSet::Report(r) => format!("report:{r}"),
    }
}

/// Reads a `view` parameter; anything else is the queue.
pub fn parse_set(raw: &str) -> CaseSet {
    match raw.split_once(':') {
        Some(("host", h)) if !h.is_empty() => CaseSet::Host(h.to_ascii_lowercase()),
        Some(("domain", d)) if !d.is_empty() => CaseSet::Domain(d.to_ascii_lowercase()),
        Some(("report", r)) => r.parse::<Uuid>().map_or(CaseSet::Queue, CaseSet::Report),
        _ => CaseSet::Queue,
    }
}

/// The page that shows a set: a group page, or the queue.
pub fn set_page(set: &CaseSet) -> String {
    let enc = |s: &str| -> String { form_urlencoded::byte_serialize(s.as_bytes()).collect() };
    match set {
        CaseSet::Queue => "/staff/".to_owned(),
        CaseSet::Host(h) => format!("/staff/groups/host/{}", enc(h)),
        CaseSet::Domain(d) => format!("/staff/groups/domain/{}", enc(d)),
        CaseSet::Report(r) => format!("/staff/groups/report/{r}"),
    }
}

/// A case's page, opened from a set ("save and next" then stays in the set).
pub fn case_link(id: i64, set: &CaseSet) -> String {
    match set {
        CaseSet::Queue => format!("/staff/cases/{id}"),
        other => {
            let v: String = form_urlencoded::byte_serialize(set_param(other).as_bytes()).collect();
            format!("/staff/cases/{id}?view={v}")
        }
    }
}

/// The staff who may see every case (not only what was referred to their police unit).
fn sees_everything(role: Role) -> bool {
    may(
        role,
        Action::ViewCase,
        Some(CaseAccess {
            referred_to_police: false,
        }),
    )
}

/// One case in a list of search results, a group or related cases.
pub struct CaseLine {
    pub case_id: i64,
    pub link: String,
    pub address: String,
    pub state: String,
    pub outcome: String,
    pub countries: String,
    pub received: String,
    pub urgent: bool,
    /// The case is open: it may be selected for a bulk action.
    pub open: bool,
}

impl CaseLine {
    pub fn of(t: Tr, c: &FoundCase, set: &CaseSet, procedure: Procedure, role: Role) -> CaseLine {
        CaseLine {
            case_id: c.case_id,
            link: case_link(c.case_id, set),
            address: shown(&c.canonical, procedure, role),
            state: labels::state(t, c.state),
            outcome: labels::outcome(
                t,
                c.state,
                c.closed_reason.as_deref(),
                c.classification.as_deref(),
            ),
            countries: if c.countries.is_empty() {
                t.get("staff-country-unknown")
            } else {
                c.countries.clone()
            },
            received: when(c.created_at),
            urgent: c.urgent,
            open: c.state != CaseState::Closed,
        }
    }
}

/// The fields one can search by: value and label, in the order offered.
const SEARCH_FIELDS: [&str; 10] = [
    "", "address", "domain", "host", "ip", "asn", "country", "case", "partner", "police",
];

/// What a search box holds, read as the field says; an empty field guesses from the text:
/// a case number (`123`, `#123`), an AS number (`AS64500`), an IP address, a two-letter
/// country, a name (domain or host), or else a piece of an address.
pub fn parse_search(by: &str, q: &str) -> Result<Option<SearchBy>, WebError> {
    let q = q.trim();
    if q.is_empty() {
        return Ok(None);
    }
    let number = |s: &str, field: &'static str| -> Result<i64, WebError> {
        s.trim_start_matches('#')
            .trim_start_matches(['A', 'a'])
            .trim_start_matches(['S', 's'])
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .ok_or_else(|| {
                WebError::invalid_because(
                    "q",
                    Refusal::new(
                        field,
                        format!("a {} is a whole number", field.replace('_', " ")),
                    ),
                )
            })
    };
    Ok(Some(match by {
        "address" => SearchBy::Address(q.to_owned()),
        "domain" => SearchBy::Domain(q.to_ascii_lowercase()),
        "host" => SearchBy::Host(q.to_ascii_lowercase()),
        "ip" => SearchBy::Ip(
            q.parse::<std::net::IpAddr>()
                .map_err(|_| {
                    WebError::invalid_because("q", Refusal::new("search_ip", "not an IP address"))
                })?
                .to_string(),
        ),
        "asn" => SearchBy::Asn(number(q, "search_as_number")?),
        "country" => {
            if q.len() != 2 || !q.chars().all(|c| c.is_ascii_alphabetic()) {
                return Err(WebError::invalid_because(
                    "q",
                    Refusal::new(
                        "search_country",
                        "a country is its two-letter code (NL, DE, …)",
                    ),
                ));
            }
            SearchBy::Country(q.to_ascii_uppercase())
        }
        "case" => SearchBy::Case(number(q, "search_case_number")?),
        "partner" => SearchBy::PartnerReference(q.to_owned()),
        "police" => SearchBy::PoliceReference(q.to_owned()),
        "" => guess(q),
        other => {
            return Err(WebError::invalid(
                "by",
                format!("unknown field \"{other}\""),
            ));
        }
    }))
}

fn guess(q: &str) -> SearchBy {
    let digits = q.trim_start_matches('#');
    if !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && let Ok(n) = digits.parse()
    {
        return SearchBy::Case(n);
    }
    if let Some(n) = q
        .strip_prefix("AS")
        .or_else(|| q.strip_prefix("as"))
        .and_then(|n| n.parse::<i64>().ok())
    {
        return SearchBy::Asn(n);
    }
    if let Ok(ip) = q.parse::<std::net::IpAddr>() {
        return SearchBy::Ip(ip.to_string());
    }
    if q.len() == 2 && q.chars().all(|c| c.is_ascii_uppercase()) {
        return SearchBy::Country(q.to_owned());
    }
    let name_like = q.contains('.')
        && q.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    if name_like {
        // A registrable domain or a host: the domain search finds both when the name is a
        // domain; a host name below it is searched as a host.
        let lower = q.to_ascii_lowercase();
        let domain = hotline_domain::CanonicalAddress::parse(&format!("http://{lower}/"))
            .ok()
            .and_then(|a| a.registrable_domain);
        return match domain {
            Some(d) if d == lower => SearchBy::Domain(lower),
            _ => SearchBy::Host(lower),
        };
    }
    SearchBy::Address(q.to_owned())
}

#[derive(Template)]
#[template(path = "staff/search.html")]
struct SearchPage {
    t: Tr,
    me: Option<Me>,
    q: String,
    by: String,
    fields: Vec<(&'static str, String)>,
    /// What the search looked for, in words ("Registrable domain example.com").
    searched: Option<String>,
    rows: Vec<CaseLine>,
    next_link: Option<String>,
    /// The search found a domain or host: its group page, for bulk work.
    group_link: Option<String>,
    /// An address fragment too short for the index: what was searched instead.
    note: Option<String>,
}

fn searched_label(t: Tr, by: &SearchBy) -> String {
    let (key, value) = match by {
        SearchBy::Address(v) => ("address", v.clone()),
        SearchBy::Domain(v) => ("domain", v.clone()),
        SearchBy::Host(v) => ("host", v.clone()),
        SearchBy::Ip(v) => ("ip", v.clone()),
        SearchBy::Asn(v) => ("asn", format!("AS{v}")),
        SearchBy::Country(v) => ("country", v.clone()),
        SearchBy::Case(v) => ("case", format!("#{v}")),
        SearchBy::PartnerReference(v) => ("partner", v.clone()),
        SearchBy::PoliceReference(v) => ("police", v.clone()),
    };
    format!("{}: {value}", t.get(&format!("staff-search-by-{key}")))
}

/// `GET /staff/search?q=…&by=…&before=N`.
pub async fn search(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ViewQueue, None)?;
    let pairs = query_pairs(raw);
    let q = param(&pairs, "q").to_owned();
    let by = param(&pairs, "by").to_owned();
    let before = match param(&pairs, "before") {
        "" => None,
        b => Some(
            b.parse::<i64>()
                .map_err(|_| WebError::invalid("before", "this page link is damaged"))?,
        ),
    };
    let search = parse_search(&by, &q)?;
    let role = staff.user.role;
    let unit = if sees_everything(role) {
        None
    } else {
        Some(
            state
                .store
                .user_unit(staff.user.id)
                .await?
                .unwrap_or_else(|| hotline_domain::police::NATIONAL_UNIT.to_owned()),
        )
    };
    let found = match &search {
        Some(s) => {
            state
                .store
                .search_cases(s, before, PAGE + 1, unit.as_deref())
                .await?
        }
        None => Vec::new(),
    };
    let more = found.len() as i64 > PAGE;
    let found: Vec<FoundCase> = found
        .into_iter()
        .take(usize::try_from(PAGE).unwrap_or(0))
        .collect();
    let next_link = match (more, found.last()) {
        (true, Some(last)) => {
            let query: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("q", &q)
                .append_pair("by", &by)
                .append_pair("before", &last.case_id.to_string())
                .finish();
            Some(format!("/staff/search?{query}"))
        }
        _ => None,
    };
    let procedure = state.config().procedure();
    let set = match &search {
        Some(SearchBy::Domain(d)) => CaseSet::Domain(d.clone()),
        Some(SearchBy::Host(h)) => CaseSet::Host(h.clone()),
        _ => CaseSet::Queue,
    };
    let group_link = match set {
        CaseSet::Queue => None,
        _ if !sees_everything(role) => None,
        ref s => Some(set_page(s)),
    };
    let note = match &search {
        Some(SearchBy::Address(a)) if !hotline_store::fragment_indexed(a) => Some(t.args(
            "staff-search-short-fragment",
            &[
                ("min", &hotline_store::FRAGMENT_MIN_CHARS.to_string()),
                ("cases", &hotline_store::SHORT_FRAGMENT_CASES.to_string()),
            ],
        )),
        _ => None,
    };
    let page = SearchPage {
        t,
        me: Me::of(&staff),
        note,
        fields: SEARCH_FIELDS
            .iter()
            .map(|f| {
                let key = if f.is_empty() { "any" } else { f };
                (*f, t.get(&format!("staff-search-by-{key}")))
            })
            .collect(),
        searched: search.as_ref().map(|s| searched_label(t, s)),
        rows: found
            .iter()
            .map(|c| CaseLine::of(t, c, &set, procedure, role))
            .collect(),
        q,
        by,
        next_link,
        group_link,
    };
    Ok(render(&page)?.into_response())
}

/// One group in a grouped view.
struct GroupLine {
    link: String,
    /// The host, domain, or when the report arrived.
    name: String,
    open_cases: i64,
    /// Reports: how many addresses it named, and how many wait for assessment.
    detail: String,
    waiting: String,
    oldest: String,
    urgent: bool,
}

#[derive(Template)]
#[template(path = "staff/groups.html")]
struct GroupsPage {
    t: Tr,
    me: Option<Me>,
    /// `report`, `domain` or `host`.
    kind: &'static str,
    title: String,
    /// The first column's heading.
    col: String,
    lines: Vec<GroupLine>,
    next_link: Option<String>,
}

/// `GET /staff/groups/{kind}`: the queue by report (newest first), by registrable domain or
/// by host (the longest waiting first), each with its open cases and the oldest one's age.
pub async fn groups(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    Path(kind): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ViewQueue, None)?;
    if !sees_everything(staff.user.role) {
        return Err(WebError::forbidden(
            "the grouped views show every case; police see the cases referred to them in the queue",
        ));
    }
    let pairs = query_pairs(raw);
    let after = param(&pairs, "after");
    let damaged = || WebError::invalid("after", "this page link is damaged");
    let procedure = state.config().procedure();
    let role = staff.user.role;
    let (kind, lines, next_link) = match kind.as_str() {
        "report" => {
            let before = match after.split_once('~') {
                None if after.is_empty() => None,
                Some((at, id)) => Some((
                    at.parse::<i64>().map_err(|_| damaged())?,
                    id.parse::<Uuid>().map_err(|_| damaged())?,
                )),
                None => return Err(damaged()),
            };
            let rows = state.store.report_groups(before, PAGE + 1).await?;
            let more = rows.len() as i64 > PAGE;
            let rows: Vec<_> = rows
                .into_iter()
                .take(usize::try_from(PAGE).unwrap_or(0))
                .collect();
            let next = match (more, rows.last()) {
                (true, Some(r)) => Some(format!(
                    "/staff/groups/report?after={}~{}",
                    r.received_at.unix_timestamp_nanos() / 1_000_000,
                    r.report_id
                )),
                _ => None,
            };
            let lines = rows
                .iter()
                .map(|r| GroupLine {
                    link: set_page(&CaseSet::Report(r.report_id)),
                    name: t.with("staff-group-report-name", "date", &when(r.received_at)),
                    open_cases: r.open_cases,
                    detail: t.args(
                        "staff-group-report-detail",
                        &[
                            ("addresses", &r.addresses.to_string()),
                            ("waiting", &r.waiting.to_string()),
                        ],
                    ),
                    waiting: waiting(t, r.received_at),
                    oldest: when(r.received_at),
                    urgent: r.urgent,
                })
                .collect();
            ("report", lines, next)
        }
        "domain" | "host" => {
            let gk = if kind == "domain" {
                GroupKind::Domain
            } else {
                GroupKind::Host
            };
            let after = match after.split_once('~') {
                None if after.is_empty() => None,
                Some((at, key)) => {
                    Some((at.parse::<i64>().map_err(|_| damaged())?, key.to_owned()))
                }
                None => return Err(damaged()),
            };
            let rows = state.store.case_groups(gk, after, PAGE + 1).await?;
            let more = rows.len() as i64 > PAGE;
            let rows: Vec<_> = rows
                .into_iter()
                .take(usize::try_from(PAGE).unwrap_or(0))
                .collect();
            let next = match (more, rows.last()) {
                (true, Some(g)) => {
                    let cursor = format!(
                        "{}~{}",
                        g.oldest_at.unix_timestamp_nanos() / 1_000_000,
                        g.key
                    );
                    let q: String = form_urlencoded::Serializer::new(String::new())
                        .append_pair("after", &cursor)
                        .finish();
                    Some(format!("/staff/groups/{}?{q}", gk.as_str()))
                }
                _ => None,
            };
            let lines = rows
                .iter()
                .map(|g| {
                    let set = if gk == GroupKind::Domain {
                        CaseSet::Domain(g.key.clone())
                    } else {
                        CaseSet::Host(g.key.clone())
                    };
                    GroupLine {
                        link: set_page(&set),
                        name: shown(&g.key, procedure, role),
                        open_cases: g.open_cases,
                        detail: String::new(),
                        waiting: waiting(t, g.oldest_at),
                        oldest: when(g.oldest_at),
                        urgent: false,
                    }
                })
                .collect();
            (gk.as_str(), lines, next)
        }
        _ => return Err(WebError::not_found("there is no such view")),
    };
    let page = GroupsPage {
        t,
        me: Me::of(&staff),
        kind,
        title: t.get(&format!("staff-groups-{kind}-title")),
        col: t.get(&format!("staff-groups-{kind}-col")),
        lines,
        next_link,
    };
    Ok(render(&page)?.into_response())
}

struct SelectField {
    name: &'static str,
    label: String,
    options: Vec<(&'static str, String)>,
}

/// A select field: its name, its label, and each choice's value and text.
pub(crate) type Choices = (&'static str, String, Vec<(&'static str, String)>);

/// The assessment form's choice lists, in the order an analyst answers them and in the staff's
/// words: one definition for the case page's form and the bulk form.
pub(crate) fn bulk_fields(t: Tr) -> Vec<Choices> {
    fn choices<T: Copy>(
        t: Tr,
        all: &[T],
        code: fn(T) -> &'static str,
        label: fn(Tr, &str) -> String,
    ) -> Vec<(&'static str, String)> {
        all.iter().map(|v| (code(*v), label(t, code(*v)))).collect()
    }
    vec![
        (
            "classification",
            t.get("staff-assess-classification"),
            choices(
                t,
                Classification::ALL,
                Classification::as_str,
                labels::classification,
            ),
        ),
        (
            "reason",
            t.get("staff-assess-reason"),
            choices(t, ActionReason::ALL, ActionReason::as_str, labels::reason),
        ),
        (
            "age_group",
            t.get("staff-assess-age_group"),
            choices(t, AgeGroup::ALL, AgeGroup::as_str, labels::age_group),
        ),
        (
            "gender",
            t.get("staff-assess-gender"),
            choices(t, Gender::ALL, Gender::as_str, labels::gender),
        ),
        (
            "media",
            t.get("staff-assess-media"),
            choices(t, Media::ALL, Media::as_str, labels::media),
        ),
        (
            "site_type",
            t.get("staff-assess-site_type"),
            choices(t, SiteType::ALL, SiteType::as_str, labels::site_type),
        ),
        (
            "commercial",
            t.get("staff-assess-commercial"),
            choices(
                t,
                Commerciality::ALL,
                Commerciality::as_str,
                labels::commerciality,
            ),
        ),
    ]
}

#[derive(Template)]
#[template(path = "staff/group.html")]
struct GroupPage {
    t: Tr,
    me: Option<Me>,
    csrf_token: String,
    title: String,
    /// The `view` parameter of this set (kept by the bulk form and "save and next").
    view: String,
    rows: Vec<CaseLine>,
    may_assess: bool,
    may_close: bool,
    fields: Vec<SelectField>,
    close_reasons: Vec<(&'static str, String)>,
}

/// `GET /staff/groups/{kind}/{key}`: one report's addresses, or a domain's or host's open
/// cases, every open one ticked, with one form to assess or close those ticked.
pub async fn group(
    State(state): State<AppState>,
    staff: Staff,
    StaffLang(t): StaffLang,
    Path((kind, key)): Path<(String, String)>,
) -> Result<Response, WebError> {
    require(&staff.user, Action::ViewQueue, None)?;
    if !sees_everything(staff.user.role) {
        return Err(WebError::forbidden(
            "the grouped views show every case; police see the cases referred to them in the queue",
        ));
    }
    let set = match kind.as_str() {
        "host" => CaseSet::Host(key.to_ascii_lowercase()),
        "domain" => CaseSet::Domain(key.to_ascii_lowercase()),
        "report" => CaseSet::Report(
            key.parse()
                .map_err(|_| WebError::not_found("there is no such report"))?,
        ),
        _ => return Err(WebError::not_found("there is no such view")),
    };
    let procedure = state.config().procedure();
    let role = staff.user.role;
    let cases = state.store.cases_of_set(&set, BULK_MAX).await?;
    if cases.is_empty() && matches!(set, CaseSet::Report(_)) {
        return Err(WebError::not_found("there is no such report"));
    }
    let title = match &set {
        CaseSet::Host(h) => t.with("staff-group-host-title", "host", &shown(h, procedure, role)),
        CaseSet::Domain(d) => t.with(
            "staff-group-domain-title",
            "domain",
            &shown(d, procedure, role),
        ),
        CaseSet::Report(_) => t.count("staff-group-report-title", "count", cases.len()),
        CaseSet::Queue => String::new(),
    };
    let page = GroupPage {
        t,
        me: Me::of(&staff),
        csrf_token: staff.csrf_token.clone(),
        title,
        view: set_param(&set),
        rows: cases
            .iter()
            .map(|c| CaseLine::of(t, c, &set, procedure, role))
            .collect(),
        may_assess: procedure == Procedure::Assess && may(role, Action::Assess, None),
        may_close: may(role, Action::MoveCase, None),
        fields: bulk_fields(t)
            .into_iter()
            .map(|(name, label, options)| SelectField {
                name,
                label,
                options,
            })
            .collect(),
        close_reasons: CloseReason::ALL
            .iter()
            .filter(|r| r.chosen_by_staff())
            .map(|r| (r.as_str(), labels::close_reason(t, r.as_str())))
            .collect(),
    };
    Ok(render(&page)?.into_response())
}
