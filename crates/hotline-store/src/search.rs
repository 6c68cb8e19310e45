//! Finding and grouping cases for the analysts' workbench (docs/SPEC.md §4): search by
//! address fragment, registrable domain, host, IP, AS number, hosting country, case number,
//! partner reference and police file number; the queue grouped by report, by registrable
//! domain and by host, with counts and the oldest waiting case; the cases related to one case.
//!
//! Every search reads an index (migration 0024): a search first finds the matching case
//! numbers, newest first, from one index range, then reads those cases. An address fragment of
//! three characters or more reads a trigram index of the canonical addresses (migration 0029:
//! FTS5 `trigram` on SQLite, `pg_trgm` on PostgreSQL); a shorter one has no trigram to look up
//! and is looked for among the newest [`SHORT_FRAGMENT_CASES`] cases only. The open cases per
//! host and per domain are kept in `case_groups` by triggers, so the grouped views read a page
//! of rows whatever the number of cases.

use std::collections::HashMap;

use time::OffsetDateTime;
use uuid::Uuid;

use hotline_domain::CaseState;

use crate::casework::parse_state;
use crate::{Engine, Result, Store, from_millis, on_read_pool};

/// An address fragment shorter than this has no trigram to look up in the index.
pub const FRAGMENT_MIN_CHARS: usize = 3;
/// A shorter fragment is looked for among this many of the newest cases only (a bounded scan).
pub const SHORT_FRAGMENT_CASES: i64 = 10_000;
/// The case page looks for cases of the same domain on other hosts among this many of the
/// domain's newest cases.
pub const RELATED_DOMAIN_SCAN: i64 = 2_000;

/// What a search looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchBy {
    /// A piece of the canonical address (case-insensitive). From [`FRAGMENT_MIN_CHARS`]
    /// characters on it reads the trigram index; a shorter piece is looked for among the
    /// newest [`SHORT_FRAGMENT_CASES`] cases only.
    Address(String),
    Domain(String),
    Host(String),
    Ip(String),
    Asn(i64),
    /// ISO 3166-1 alpha-2, as the latest trace found it.
    Country(String),
    Case(i64),
    /// A partner's reference for a referral, or the referral's own id.
    PartnerReference(String),
    /// The police's file number (from an `acknowledged` step).
    PoliceReference(String),
}

/// One case as a search, a group or the related-cases list shows it.
#[derive(Debug, Clone)]
pub struct FoundCase {
    pub case_id: i64,
    pub canonical: String,
    pub host: String,
    pub registrable_domain: Option<String>,
    pub state: CaseState,
    pub urgent: bool,
    pub created_at: OffsetDateTime,
    /// Why it was closed (a `CloseReason` code), if it was.
    pub closed_reason: Option<String>,
    /// The latest classification (a `Classification` code), if it was assessed.
    pub classification: Option<String>,
    /// The hosting countries of the latest trace, comma-separated (empty: unknown or untraced).
    pub countries: String,
}

/// Which grouped view of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    Host,
    Domain,
}

impl GroupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::Host => "host",
            GroupKind::Domain => "domain",
        }
    }
}

/// A host's or a domain's open cases.
#[derive(Debug, Clone)]
pub struct CaseGroup {
    pub key: String,
    pub open_cases: i64,
    /// When the oldest open case arrived.
    pub oldest_at: OffsetDateTime,
}

/// A report with open cases.
#[derive(Debug, Clone)]
pub struct ReportGroup {
    pub report_id: Uuid,
    pub received_at: OffsetDateTime,
    pub urgent: bool,
    pub addresses: i64,
    pub open_cases: i64,
    /// Of the open cases, how many wait for assessment (`new`).
    pub waiting: i64,
}

/// Which cases a "next case" or a bulk action works through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseSet {
    /// The whole queue.
    Queue,
    Host(String),
    Domain(String),
    Report(Uuid),
}

/// What the case page shows about the case's registrable domain.
#[derive(Debug, Clone)]
pub struct DomainHistory {
    pub domain: String,
    pub open_cases: i64,
    /// When the first case of the domain arrived.
    pub first_seen: Option<OffsetDateTime>,
}

/// The cases related to one case.
#[derive(Debug, Clone, Default)]
pub struct Related {
    pub same_domain: Vec<FoundCase>,
    pub same_host: Vec<FoundCase>,
    pub same_ip: Vec<FoundCase>,
    pub domain: Option<DomainHistory>,
}

type FoundRow = (
    i64,
    String,
    String,
    Option<String>,
    String,
    i64,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The columns of a [`FoundCase`], from `cases c`.
const FOUND_COLUMNS: &str = "c.id, c.canonical_url, c.host, c.registrable_domain, c.state, c.priority, c.created_at, \
     c.closed_reason, (SELECT a.classification FROM assessments a WHERE a.case_id = c.id ORDER BY a.id DESC LIMIT 1), \
     (SELECT t.countries FROM traces t WHERE t.case_id = c.id ORDER BY t.traced_at DESC, t.id DESC LIMIT 1)";

enum Bind {
    Int(i64),
    Text(String),
}

fn found(rows: Vec<FoundRow>) -> Result<Vec<FoundCase>> {
    rows.into_iter()
        .map(
            |(
                case_id,
                canonical,
                host,
                domain,
                state,
                priority,
                created,
                closed,
                class,
                countries,
            )| {
                Ok(FoundCase {
                    case_id,
                    canonical,
                    host,
                    registrable_domain: domain,
                    state: parse_state(&state)?,
                    urgent: priority > 0,
                    created_at: from_millis(created)?,
                    closed_reason: closed,
                    classification: class,
                    countries: countries.unwrap_or_default(),
                })
            },
        )
        .collect()
}

/// The part of a fragment the trigram index is asked for; the query then checks the whole
/// fragment on the candidates (`LIKE`). When the fragment has digits, it is the part from the
/// first digit to the last, widened a character at a time on either side to at least
/// [`CORE_MIN_CHARS`]: the letters around (`site-`, `.test/`) are in half of all addresses,
/// and every common trigram asked for costs a walk of its whole list. At a million cases on
/// a busy machine, `site-4242.test/` took 90 ms as a whole on SQLite and 120 ms on PostgreSQL,
/// 15 and 11 ms as `-4242.` (bench/staff.sh).
fn core(fragment: &str) -> String {
    let chars: Vec<char> = fragment.chars().collect();
    let digits: Vec<usize> = (0..chars.len())
        .filter(|i| chars[*i].is_ascii_digit())
        .collect();
    let (Some(first), Some(last)) = (digits.first(), digits.last()) else {
        return fragment.to_owned();
    };
    let (mut from, mut to) = (*first, last + 1);
    loop {
        let left = from > 0;
        if left {
            from -= 1;
        }
        if to - from >= CORE_MIN_CHARS {
            break;
        }
        let right = to < chars.len();
        if right {
            to += 1;
        }
        if to - from >= CORE_MIN_CHARS || !(left || right) {
            break;
        }
    }
    chars[from..to].iter().collect()
}

/// On PostgreSQL, a fragment is first looked for among this many of the newest cases.
pub const FRAGMENT_WINDOW: i64 = 20_000;

/// At least this much of a fragment with digits is looked up in the trigram index.
const CORE_MIN_CHARS: usize = 6;

/// An FTS5 query for `text` as one phrase: with the trigram tokenizer, the addresses that
/// contain it in any case. Double quotes are doubled, so nothing typed is an operator.
fn phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Whether a fragment is long enough for the trigram index.
pub fn fragment_indexed(fragment: &str) -> bool {
    fragment.chars().count() >= FRAGMENT_MIN_CHARS
}

/// `%` and `_` typed by the user are matched as themselves.
fn like_pattern(fragment: &str) -> String {
    let mut p = String::with_capacity(fragment.len() + 2);
    p.push('%');
    for ch in fragment.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
    p.push('%');
    p
}

impl Store {
    /// Runs `sql` (assembled from constant fragments; every value bound) and reads cases.
    async fn found_cases(&self, sql: String, binds: &[Bind]) -> Result<Vec<FoundCase>> {
        self.found_cases_planned(sql, binds, true).await
    }

    /// As [`Store::found_cases`]; `cached: false` plans the statement for its values each
    /// time. A fragment's plan depends on how common it is (PostgreSQL walks the case numbers
    /// backwards for a common one, reads the trigram index for a rare one), and a cached
    /// generic plan would pick one way for every fragment.
    async fn found_cases_planned(
        &self,
        sql: String,
        binds: &[Bind],
        cached: bool,
    ) -> Result<Vec<FoundCase>> {
        let rows: Vec<FoundRow> = on_read_pool!(&self.db, pool => {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).persistent(cached);
            for b in binds {
                q = match b {
                    Bind::Int(v) => q.bind(*v),
                    Bind::Text(s) => q.bind(s.clone()),
                };
            }
            q.fetch_all(pool).await?
        });
        found(rows)
    }

    /// The cases with these numbers, newest first.
    async fn cases_by_ids(&self, ids: &[i64], police_unit: Option<&str>) -> Result<Vec<FoundCase>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut binds: Vec<Bind> = ids.iter().map(|i| Bind::Int(*i)).collect();
        let list = (1..=ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut sql = format!("SELECT {FOUND_COLUMNS} FROM cases c WHERE c.id IN ({list})");
        if let Some(unit) = police_unit {
            binds.push(Bind::Text(unit.to_owned()));
            sql.push_str(&format!(" AND c.police_unit = ${}", binds.len()));
        }
        sql.push_str(" ORDER BY c.id DESC");
        self.found_cases(sql, &binds).await
    }

    /// Case numbers from one indexed column of a side table, newest first.
    async fn ids_from(
        &self,
        table_sql: &str,
        value: Bind,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<i64>> {
        let mut sql = format!("SELECT DISTINCT case_id FROM {table_sql}");
        let mut binds = vec![value];
        if let Some(b) = before {
            binds.push(Bind::Int(b));
            sql.push_str(&format!(" AND case_id < ${}", binds.len()));
        }
        binds.push(Bind::Int(limit));
        sql.push_str(&format!(" ORDER BY case_id DESC LIMIT ${}", binds.len()));
        let ids: Vec<i64> = on_read_pool!(&self.db, pool => {
            let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone()));
            for b in &binds {
                q = match b {
                    Bind::Int(v) => q.bind(*v),
                    Bind::Text(s) => q.bind(s.clone()),
                };
            }
            q.fetch_all(pool).await?
        });
        Ok(ids)
    }

    /// Cases matching `by`, newest first (by case number), at most `limit`, those numbered
    /// below `before` when paging on. `police_unit` keeps to the cases referred to that unit.
    pub async fn search_cases(
        &self,
        by: &SearchBy,
        before: Option<i64>,
        limit: i64,
        police_unit: Option<&str>,
    ) -> Result<Vec<FoundCase>> {
        let limit = limit.clamp(1, 500);
        let ids = match by {
            SearchBy::Ip(ip) => {
                self.ids_from(
                    "case_hosting WHERE ip = $1",
                    Bind::Text(ip.clone()),
                    before,
                    limit,
                )
                .await?
            }
            SearchBy::Asn(asn) => {
                self.ids_from(
                    "case_hosting WHERE asn = $1",
                    Bind::Int(*asn),
                    before,
                    limit,
                )
                .await?
            }
            SearchBy::Country(c) => {
                self.ids_from(
                    "case_hosting WHERE country = $1",
                    Bind::Text(c.to_ascii_uppercase()),
                    before,
                    limit,
                )
                .await?
            }
            SearchBy::PoliceReference(r) => {
                self.ids_from(
                    "police_steps WHERE reference = $1",
                    Bind::Text(r.clone()),
                    before,
                    limit,
                )
                .await?
            }
            SearchBy::PartnerReference(r) => {
                let mut a = self
                    .ids_from(
                        "referrals WHERE their_reference = $1",
                        Bind::Text(r.clone()),
                        before,
                        limit,
                    )
                    .await?;
                a.extend(
                    self.ids_from(
                        "referrals WHERE referral_id = $1",
                        Bind::Text(r.clone()),
                        before,
                        limit,
                    )
                    .await?,
                );
                a.sort_unstable_by(|x, y| y.cmp(x));
                a.dedup();
                a.truncate(usize::try_from(limit).unwrap_or(0));
                a
            }
            SearchBy::Case(id) => vec![*id],
            SearchBy::Address(a) if self.engine() == Engine::Postgres && fragment_indexed(a) => {
                return self
                    .fragment_newest_first(a, before, limit, police_unit)
                    .await;
            }
            SearchBy::Domain(_) | SearchBy::Host(_) | SearchBy::Address(_) => {
                let fts = self.engine() == Engine::Sqlite
                    && matches!(by, SearchBy::Address(a) if fragment_indexed(a));
                // Paging and order on the FTS5 rowid, which the FTS5 table serves itself.
                let id = if fts { "f.rowid" } else { "c.id" };
                // Values bound after the first (the FTS5 query's check of the whole fragment).
                let mut binds_first = Vec::new();
                let (from, value) = match by {
                    SearchBy::Domain(d) => (
                        "cases c WHERE c.registrable_domain = $1".to_owned(),
                        d.to_lowercase(),
                    ),
                    SearchBy::Host(h) => ("cases c WHERE c.host = $1".to_owned(), h.to_lowercase()),
                    // The FTS5 table hands out its rows newest first (ORDER BY rowid DESC), so
                    // a common fragment stops after a page; the join reads those cases only.
                    SearchBy::Address(a) if fts => {
                        binds_first.push(Bind::Text(like_pattern(a)));
                        (
                            "case_address_trigrams f JOIN cases c ON c.id = f.rowid \
                             WHERE case_address_trigrams MATCH $1 \
                             AND LOWER(c.canonical_url) LIKE $2 ESCAPE '\\'"
                                .to_owned(),
                            phrase(&core(a)),
                        )
                    }
                    SearchBy::Address(a) => (
                        format!(
                            "cases c WHERE c.id > (SELECT COALESCE(MAX(id), 0) FROM cases) - {SHORT_FRAGMENT_CASES} \
                             AND LOWER(c.canonical_url) LIKE $1 ESCAPE '\\'"
                        ),
                        like_pattern(a),
                    ),
                    _ => unreachable!("matched above"),
                };
                let mut binds = vec![Bind::Text(value)];
                binds.append(&mut binds_first);
                let mut sql = format!("SELECT {FOUND_COLUMNS} FROM {from}");
                if let Some(b) = before {
                    binds.push(Bind::Int(b));
                    sql.push_str(&format!(" AND {id} < ${}", binds.len()));
                }
                if let Some(unit) = police_unit {
                    binds.push(Bind::Text(unit.to_owned()));
                    sql.push_str(&format!(" AND c.police_unit = ${}", binds.len()));
                }
                binds.push(Bind::Int(limit));
                sql.push_str(&format!(" ORDER BY {id} DESC LIMIT ${}", binds.len()));
                let cached = !matches!(by, SearchBy::Address(_));
                return self.found_cases_planned(sql, &binds, cached).await;
            }
        };
        self.cases_by_ids(&ids, police_unit).await
    }

    /// A fragment on PostgreSQL: first the newest [`FRAGMENT_WINDOW`] cases one by one,
    /// stopping at a full page (a fragment in more than about one case in 400 fills its page
    /// there: `photo-10.html`, in 2% of a million cases, took 385 ms from the trigram index,
    /// which hands out every match before the newest can be picked, and 3 ms this way), then
    /// the older ones from the trigram index (a rare fragment: few matches to hand out).
    async fn fragment_newest_first(
        &self,
        fragment: &str,
        before: Option<i64>,
        limit: i64,
        police_unit: Option<&str>,
    ) -> Result<Vec<FoundCase>> {
        let below = |first: usize| match before {
            Some(_) => format!(" WHERE id < ${first}"),
            None => String::new(),
        };
        let mut binds = vec![Bind::Text(like_pattern(fragment))];
        let window = format!(
            "SELECT * FROM cases{} ORDER BY id DESC LIMIT {FRAGMENT_WINDOW}",
            below(2)
        );
        if let Some(b) = before {
            binds.push(Bind::Int(b));
        }
        let mut sql = format!(
            "SELECT {FOUND_COLUMNS} FROM ({window}) c WHERE LOWER(c.canonical_url) LIKE $1 ESCAPE '\\'"
        );
        if let Some(unit) = police_unit {
            binds.push(Bind::Text(unit.to_owned()));
            sql.push_str(&format!(" AND c.police_unit = ${}", binds.len()));
        }
        binds.push(Bind::Int(limit));
        sql.push_str(&format!(" ORDER BY c.id DESC LIMIT ${}", binds.len()));
        let mut found = self.found_cases_planned(sql, &binds, false).await?;
        if found.len() as i64 >= limit {
            return Ok(found);
        }
        let low_sql = format!(
            "SELECT MIN(id) FROM (SELECT id FROM cases{} ORDER BY id DESC LIMIT {FRAGMENT_WINDOW}) w",
            below(1)
        );
        let low: Option<i64> = on_read_pool!(&self.db, pool => {
            let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(low_sql.clone()));
            if let Some(b) = before {
                q = q.bind(b);
            }
            q.fetch_one(pool).await?
        });
        let Some(low) = low else {
            return Ok(found);
        };
        // pg_trgm's index answers ILIKE (the core); LOWER(…) is no indexed expression, so
        // the whole fragment is checked on the candidates only.
        let mut binds = vec![
            Bind::Text(like_pattern(&core(fragment))),
            Bind::Text(like_pattern(fragment)),
            Bind::Int(low),
        ];
        let mut sql = format!(
            "SELECT {FOUND_COLUMNS} FROM cases c WHERE c.canonical_url ILIKE $1 ESCAPE '\\' \
             AND LOWER(c.canonical_url) LIKE $2 ESCAPE '\\' AND c.id < $3"
        );
        if let Some(unit) = police_unit {
            binds.push(Bind::Text(unit.to_owned()));
            sql.push_str(&format!(" AND c.police_unit = ${}", binds.len()));
        }
        binds.push(Bind::Int(limit - found.len() as i64));
        sql.push_str(&format!(" ORDER BY c.id DESC LIMIT ${}", binds.len()));
        found.extend(self.found_cases_planned(sql, &binds, false).await?);
        Ok(found)
    }

    /// Hosts or domains with open cases, the longest waiting first: `after` is the last
    /// group of the previous page (its oldest case's time in milliseconds and its key).
    pub async fn case_groups(
        &self,
        kind: GroupKind,
        after: Option<(i64, String)>,
        limit: i64,
    ) -> Result<Vec<CaseGroup>> {
        let limit = limit.clamp(1, 500);
        let rows: Vec<(String, i64, i64)> = on_read_pool!(&self.db, pool => {
            match &after {
                None => sqlx::query_as(
                    "SELECT key, open_cases, oldest_at FROM case_groups \
                     WHERE kind = $1 AND open_cases > 0 AND oldest_at IS NOT NULL \
                     ORDER BY oldest_at, key LIMIT $2",
                )
                .bind(kind.as_str())
                .bind(limit)
                .fetch_all(pool)
                .await?,
                Some((at, key)) => sqlx::query_as(
                    "SELECT key, open_cases, oldest_at FROM case_groups \
                     WHERE kind = $1 AND open_cases > 0 AND oldest_at IS NOT NULL \
                     AND (oldest_at > $2 OR (oldest_at = $2 AND key > $3)) \
                     ORDER BY oldest_at, key LIMIT $4",
                )
                .bind(kind.as_str())
                .bind(*at)
                .bind(key.clone())
                .bind(limit)
                .fetch_all(pool)
                .await?,
            }
        });
        rows.into_iter()
            .map(|(key, open_cases, oldest)| {
                Ok(CaseGroup {
                    key,
                    open_cases,
                    oldest_at: from_millis(oldest)?,
                })
            })
            .collect()
    }

    /// Reports with open cases, the newest first; `before` is the last report of the previous
    /// page (received time in milliseconds and id).
    pub async fn report_groups(
        &self,
        before: Option<(i64, Uuid)>,
        limit: i64,
    ) -> Result<Vec<ReportGroup>> {
        let limit = limit.clamp(1, 500);
        const COLUMNS: &str = "SELECT r.id, r.received_at, r.urgent, \
             (SELECT COUNT(*) FROM report_addresses ra WHERE ra.report_id = r.id), \
             (SELECT COUNT(*) FROM report_addresses ra JOIN cases c ON c.id = ra.case_id \
              WHERE ra.report_id = r.id AND c.state <> 'closed'), \
             (SELECT COUNT(*) FROM report_addresses ra JOIN cases c ON c.id = ra.case_id \
              WHERE ra.report_id = r.id AND c.state = 'new') \
             FROM reports r WHERE EXISTS (SELECT 1 FROM report_addresses ra JOIN cases c ON c.id = ra.case_id \
              WHERE ra.report_id = r.id AND c.state <> 'closed')";
        let rows: Vec<(Uuid, i64, bool, i64, i64, i64)> = on_read_pool!(&self.db, pool => {
            match before {
                None => sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "{COLUMNS} ORDER BY r.received_at DESC, r.id DESC LIMIT $1"
                )))
                .bind(limit)
                .fetch_all(pool)
                .await?,
                Some((at, id)) => sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "{COLUMNS} AND (r.received_at < $1 OR (r.received_at = $1 AND r.id < $2)) \
                     ORDER BY r.received_at DESC, r.id DESC LIMIT $3"
                )))
                .bind(at)
                .bind(id)
                .bind(limit)
                .fetch_all(pool)
                .await?,
            }
        });
        rows.into_iter()
            .map(|(report_id, at, urgent, addresses, open_cases, waiting)| {
                Ok(ReportGroup {
                    report_id,
                    received_at: from_millis(at)?,
                    urgent,
                    addresses,
                    open_cases,
                    waiting,
                })
            })
            .collect()
    }

    /// The cases of a set: a report's addresses in the order the reporter gave them (closed
    /// ones too), or a host's or domain's open cases, oldest first; at most `limit`.
    pub async fn cases_of_set(&self, set: &CaseSet, limit: i64) -> Result<Vec<FoundCase>> {
        let limit = limit.clamp(1, 1000);
        match set {
            CaseSet::Queue => Ok(Vec::new()),
            CaseSet::Host(h) => {
                self.found_cases(
                    format!(
                        "SELECT {FOUND_COLUMNS} FROM cases c WHERE c.host = $1 AND c.state <> 'closed' \
                         ORDER BY c.created_at, c.id LIMIT $2"
                    ),
                    &[Bind::Text(h.clone()), Bind::Int(limit)],
                )
                .await
            }
            CaseSet::Domain(d) => {
                self.found_cases(
                    format!(
                        "SELECT {FOUND_COLUMNS} FROM cases c WHERE c.registrable_domain = $1 \
                         AND c.state <> 'closed' ORDER BY c.created_at, c.id LIMIT $2"
                    ),
                    &[Bind::Text(d.clone()), Bind::Int(limit)],
                )
                .await
            }
            CaseSet::Report(r) => {
                let rows: Vec<FoundRow> = on_read_pool!(&self.db, pool => {
                    sqlx::query_as(sqlx::AssertSqlSafe(format!(
                        "SELECT {FOUND_COLUMNS} FROM report_addresses ra JOIN cases c ON c.id = ra.case_id \
                         WHERE ra.report_id = $1 ORDER BY ra.position LIMIT $2"
                    )))
                    .bind(*r)
                    .bind(limit)
                    .fetch_all(pool)
                    .await?
                });
                found(rows)
            }
        }
    }

    /// The next case of a set waiting for assessment (`new`), other than `except`: the
    /// oldest (the queue: urgent first, then oldest; a report: in the reporter's order).
    pub async fn next_in_set(&self, set: &CaseSet, except: i64) -> Result<Option<i64>> {
        let id: Option<i64> = on_read_pool!(&self.db, pool => {
            match set {
                CaseSet::Queue => sqlx::query_scalar(
                    "SELECT id FROM cases WHERE state = 'new' AND id <> $1 \
                     ORDER BY priority DESC, created_at, id LIMIT 1",
                )
                .bind(except)
                .fetch_optional(pool)
                .await?,
                CaseSet::Host(h) => sqlx::query_scalar(
                    "SELECT id FROM cases WHERE host = $1 AND state = 'new' AND id <> $2 \
                     ORDER BY created_at, id LIMIT 1",
                )
                .bind(h.clone())
                .bind(except)
                .fetch_optional(pool)
                .await?,
                CaseSet::Domain(d) => sqlx::query_scalar(
                    "SELECT id FROM cases WHERE registrable_domain = $1 AND state = 'new' AND id <> $2 \
                     ORDER BY created_at, id LIMIT 1",
                )
                .bind(d.clone())
                .bind(except)
                .fetch_optional(pool)
                .await?,
                CaseSet::Report(r) => sqlx::query_scalar(
                    "SELECT c.id FROM report_addresses ra JOIN cases c ON c.id = ra.case_id \
                     WHERE ra.report_id = $1 AND c.state = 'new' AND c.id <> $2 \
                     ORDER BY ra.position LIMIT 1",
                )
                .bind(*r)
                .bind(except)
                .fetch_optional(pool)
                .await?,
            }
        });
        Ok(id)
    }

    /// The cases sharing the case's registrable domain, host or an IP address of its latest
    /// trace (newest first, at most `limit` of each), and the domain's history.
    pub async fn related_cases(&self, case_id: i64, limit: i64) -> Result<Related> {
        let limit = limit.clamp(1, 100);
        let target: Option<(String, Option<String>)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT host, registrable_domain FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(pool)
                .await?
        });
        let Some((host, domain)) = target else {
            return Ok(Related::default());
        };
        let same_host = self
            .found_cases(
                format!(
                    "SELECT {FOUND_COLUMNS} FROM cases c WHERE c.host = $1 AND c.id <> $2 \
                     ORDER BY c.id DESC LIMIT $3"
                ),
                &[
                    Bind::Text(host.clone()),
                    Bind::Int(case_id),
                    Bind::Int(limit),
                ],
            )
            .await?;
        let mut related = Related {
            same_host,
            ..Related::default()
        };
        if let Some(d) = &domain {
            // Cases of other hosts of the domain (the same host's are listed already), among
            // the domain's newest RELATED_DOMAIN_SCAN cases: a domain that is mostly one big
            // host would otherwise be read whole to find the few others (40 ms at 50,000
            // cases on one host, measured by bench/staff.sh).
            related.same_domain = self
                .found_cases(
                    format!(
                        "SELECT {FOUND_COLUMNS} FROM cases c WHERE c.id IN (SELECT d.id FROM \
                         (SELECT id, host FROM cases WHERE registrable_domain = $1 \
                         ORDER BY id DESC LIMIT {RELATED_DOMAIN_SCAN}) d \
                         WHERE d.host <> $2 ORDER BY d.id DESC LIMIT $3) ORDER BY c.id DESC"
                    ),
                    &[
                        Bind::Text(d.clone()),
                        Bind::Text(host.clone()),
                        Bind::Int(limit),
                    ],
                )
                .await?;
            let (open, first): (Option<i64>, Option<i64>) = on_read_pool!(&self.db, pool => {
                sqlx::query_as(
                    "SELECT (SELECT open_cases FROM case_groups WHERE kind = 'domain' AND key = $1), \
                     (SELECT created_at FROM cases WHERE registrable_domain = $1 ORDER BY id LIMIT 1)",
                )
                .bind(d.clone())
                .fetch_one(pool)
                .await?
            });
            related.domain = Some(DomainHistory {
                domain: d.clone(),
                open_cases: open.unwrap_or(0),
                first_seen: first.map(from_millis).transpose()?,
            });
        }
        let ips: Vec<String> = on_read_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT ip FROM case_hosting WHERE case_id = $1 ORDER BY ip LIMIT 8")
                .bind(case_id)
                .fetch_all(pool)
                .await?
        });
        let mut ids = Vec::new();
        for ip in ips {
            ids.extend(
                self.ids_from(
                    "case_hosting WHERE ip = $1",
                    Bind::Text(ip),
                    None,
                    limit + 1,
                )
                .await?,
            );
        }
        ids.retain(|i| *i != case_id);
        ids.sort_unstable_by(|a, b| b.cmp(a));
        ids.dedup();
        ids.truncate(usize::try_from(limit).unwrap_or(0));
        related.same_ip = self.cases_by_ids(&ids, None).await?;
        Ok(related)
    }

    /// The state of a case, or `None` when there is no such case.
    pub async fn case_state(&self, case_id: i64) -> Result<Option<CaseState>> {
        let s: Option<String> = on_read_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT state FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(pool)
                .await?
        });
        s.as_deref().map(parse_state).transpose()
    }

    /// The hosting countries of each case's latest trace (cases never traced are left out).
    pub async fn hosting_countries(&self, case_ids: &[i64]) -> Result<HashMap<i64, String>> {
        let mut out = HashMap::new();
        for chunk in case_ids.chunks(200) {
            let list = (1..=chunk.len())
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "SELECT case_id, countries FROM traces WHERE case_id IN ({list}) ORDER BY traced_at, id"
            );
            let rows: Vec<(i64, String)> = on_read_pool!(&self.db, pool => {
                let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
                for id in chunk {
                    q = q.bind(*id);
                }
                q.fetch_all(pool).await?
            });
            // Ordered by time: the latest trace's countries are the last written.
            out.extend(rows);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::{core, phrase};

    #[test]
    fn the_index_is_asked_for_the_digits_and_enough_around_them() {
        assert_eq!(core("site-4242.test/"), "-4242.");
        assert_eq!(core("gallery-7."), "ery-7.");
        assert_eq!(core("photo-47.html"), "o-47.h");
        assert_eq!(core("img-12.host-3.test"), "-12.host-3");
        assert_eq!(core("gallery"), "gallery", "no digits: the whole fragment");
        assert_eq!(
            core("x1yz"),
            "x1yz",
            "shorter than the minimum: the whole fragment"
        );
        assert_eq!(core("12345678"), "12345678");
        assert_eq!(
            phrase("photo\"-7"),
            "\"photo\"\"-7\"",
            "a quote is doubled, not an operator"
        );
        assert_eq!(phrase("a\" OR \"b"), "\"a\"\" OR \"\"b\"");
    }
}
