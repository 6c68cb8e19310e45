//! Reading what the statistics need (see `hotline_domain::statistics`): the cases opened in a
//! period with their timeline stamps, latest assessment and traces; the report counts by
//! channel; the notices sent in a year. The figures are computed in the domain.

use std::collections::HashMap;

use hotline_domain::statistics::{
    self, AnnualReport, CaseFacts, SentNotice, Stamp, Statistics, hosting_of,
};
use hotline_domain::trace::Trace;

use crate::{Result, Store, StoreError, on_read_pool};

/// The cases opened in `[$1, $2)`.
macro_rules! cohort {
    () => {
        "SELECT id FROM cases WHERE created_at >= $1 AND created_at < $2"
    };
}
/// The cases with a notice sent in `[$1, $2)`.
macro_rules! notified {
    () => {
        "SELECT case_id FROM notices WHERE state = 'sent' AND sent_at >= $1 AND sent_at < $2"
    };
}
/// The timeline kinds statistics read: every leg's bounds and the hosts' answers.
macro_rules! stat_kinds {
    () => {
        "('received', 'assessed', 'referred_police', 'referred_partner', 'notice_sent', \
          'removed', 'removed_by_host', 'notice_acknowledged', 'notice_refused')"
    };
}
/// The three reads of a set of cases, for one definition of the set.
macro_rules! reads_of {
    ($set:expr) => {
        Reads {
            events: concat!(
                "SELECT case_id, at, kind FROM case_events WHERE case_id IN (",
                $set,
                ") AND kind IN ",
                stat_kinds!(),
                " ORDER BY case_id, at, id"
            ),
            assessments: concat!(
                "SELECT case_id, classification, age_group, site_type FROM assessments WHERE case_id IN (",
                $set,
                ") ORDER BY case_id, id"
            ),
            traces: concat!(
                "SELECT case_id, result FROM traces WHERE case_id IN (",
                $set,
                ") ORDER BY case_id, traced_at, id"
            ),
        }
    };
}

/// SQL that reads the stamps, assessments and traces of a set of cases.
struct Reads {
    events: &'static str,
    assessments: &'static str,
    traces: &'static str,
}

const COHORT: Reads = reads_of!(cohort!());
const NOTIFIED: Reads = reads_of!(notified!());

/// What is known of each case of a set, by case id.
#[derive(Default)]
struct Known {
    stamps: HashMap<i64, Vec<Stamp>>,
    /// The latest assessment: classification, victim age, site type.
    assessed: HashMap<i64, (String, Option<String>, Option<String>)>,
    traces: HashMap<i64, Vec<Trace>>,
}

type AssessmentRow = (i64, String, Option<String>, Option<String>);
/// Stamps, assessments and traces of a set of cases, as read.
type KnownRows = (
    Vec<(i64, i64, String)>,
    Vec<AssessmentRow>,
    Vec<(i64, String)>,
);
/// Cases (id, state) and report counts by channel.
type CohortRows = (Vec<(i64, String)>, Vec<(String, i64)>);

impl Store {
    async fn known(&self, reads: &Reads, from_ms: i64, to_ms: i64) -> Result<Known> {
        let (events, assessments, traces): KnownRows = on_read_pool!(&self.db, pool => {
            let events = sqlx::query_as(reads.events).bind(from_ms).bind(to_ms).fetch_all(pool).await?;
            let assessments = sqlx::query_as(reads.assessments).bind(from_ms).bind(to_ms).fetch_all(pool).await?;
            let traces = sqlx::query_as(reads.traces).bind(from_ms).bind(to_ms).fetch_all(pool).await?;
            (events, assessments, traces)
        });
        let mut known = Known::default();
        for (case_id, at_ms, kind) in events {
            known
                .stamps
                .entry(case_id)
                .or_default()
                .push(Stamp { at_ms, kind });
        }
        // Ordered by id: the last one of a case is its latest.
        for (case_id, classification, age, site) in assessments {
            known.assessed.insert(case_id, (classification, age, site));
        }
        for (case_id, json) in traces {
            let trace: Trace = serde_json::from_str(&json)
                .map_err(|e| StoreError::Corrupt(format!("trace of case {case_id}: {e}")))?;
            known.traces.entry(case_id).or_default().push(trace);
        }
        Ok(known)
    }

    /// The facts of the cases opened in `[from_ms, to_ms)` and the counts by channel of
    /// the reports received in it.
    pub async fn statistics_facts(
        &self,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<(Vec<CaseFacts>, Vec<(String, u64)>)> {
        let (cases, channels): CohortRows = on_read_pool!(&self.db, pool => {
            let cases = sqlx::query_as("SELECT id, state FROM cases WHERE created_at >= $1 AND created_at < $2 ORDER BY id")
                .bind(from_ms)
                .bind(to_ms)
                .fetch_all(pool)
                .await?;
            let channels = sqlx::query_as(
                "SELECT channel, COUNT(*) FROM reports WHERE received_at >= $1 AND received_at < $2 GROUP BY channel",
            )
            .bind(from_ms)
            .bind(to_ms)
            .fetch_all(pool)
            .await?;
            (cases, channels)
        });
        let mut known = self.known(&COHORT, from_ms, to_ms).await?;
        let facts = cases
            .into_iter()
            .map(|(case_id, state)| {
                let (classification, age_group, site_type) = match known.assessed.remove(&case_id) {
                    Some((c, a, s)) => (Some(c), a, s),
                    None => (None, None, None),
                };
                let (country, provider) =
                    hosting_of(known.traces.get(&case_id).map_or(&[][..], Vec::as_slice));
                CaseFacts {
                    case_id,
                    state,
                    stamps: known.stamps.remove(&case_id).unwrap_or_default(),
                    classification,
                    age_group,
                    site_type,
                    country,
                    provider,
                }
            })
            .collect();
        let channels = channels
            .into_iter()
            .map(|(c, n)| (c, u64::try_from(n).unwrap_or(0)))
            .collect();
        Ok((facts, channels))
    }

    /// The figures of `[from_ms, to_ms)`.
    pub async fn statistics(&self, from_ms: i64, to_ms: i64) -> Result<Statistics> {
        let (facts, channels) = self.statistics_facts(from_ms, to_ms).await?;
        Ok(statistics::compute(from_ms, to_ms, &facts, &channels))
    }

    /// The notices sent in `[from_ms, to_ms)`, each with its provider, its case's latest
    /// classification and timeline.
    pub async fn sent_notices(&self, from_ms: i64, to_ms: i64) -> Result<Vec<SentNotice>> {
        let rows: Vec<(i64, String, i64)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(
                "SELECT case_id, recipient, sent_at FROM notices \
                 WHERE state = 'sent' AND sent_at >= $1 AND sent_at < $2 ORDER BY sent_at, id",
            )
            .bind(from_ms)
            .bind(to_ms)
            .fetch_all(pool)
            .await?
        });
        let known = self.known(&NOTIFIED, from_ms, to_ms).await?;
        Ok(rows
            .into_iter()
            .map(|(case_id, recipient, sent_at_ms)| SentNotice {
                case_id,
                sent_at_ms,
                provider: statistics::provider_of_recipient(
                    known.traces.get(&case_id).map_or(&[][..], Vec::as_slice),
                    &recipient,
                ),
                classification: known.assessed.get(&case_id).map(|a| a.0.clone()),
                stamps: known.stamps.get(&case_id).cloned().unwrap_or_default(),
            })
            .collect())
    }

    /// The trusted-flagger report (DSA Art. 22(3)) of a calendar year (UTC).
    pub async fn annual_report(&self, year: i32) -> Result<AnnualReport> {
        let (from_ms, to_ms) = statistics::year_period(year);
        let notices = self.sent_notices(from_ms, to_ms).await?;
        Ok(statistics::annual_report(year, &notices))
    }
}

#[cfg(test)]
mod tests {
    use hotline_domain::statistics::Leg;

    /// The SQL reads every kind a leg or an action needs.
    #[test]
    fn the_kinds_read_cover_every_leg() {
        for kind in Leg::kinds()
            .into_iter()
            .chain(["notice_acknowledged", "notice_refused"])
        {
            assert!(
                stat_kinds!().contains(&format!("'{kind}'")),
                "{kind} is not read"
            );
        }
    }
}

/// A dataset with known answers, for the statistics tests of this crate and of the binary.
pub mod fixture {
    use hotline_domain::staff::Role;
    use hotline_domain::trace::{Contact, HostingAddress, Trace};
    use hotline_domain::{Channel, Language, NewReport, ReportInput};

    use crate::{Result, Store, StoreError, from_millis, on_write_pool};

    /// 2026-03-01 00:00 UTC, when the first case was reported.
    pub const T0_MS: i64 = 1_772_323_200_000;
    /// 2026-05-01 00:00 UTC, when the case outside March was reported.
    pub const MAY_MS: i64 = 1_777_593_600_000;
    const MIN: i64 = 60_000;

    /// Seeds eight cases. Seven are reported in March 2026, case `i` (1-based) at
    /// `T0 + i` hours; their stamps, in minutes after `received`:
    ///
    /// | case | channel | assessed | referred | notice | removed | class / age / site | hosted |
    /// |------|---------|----------|----------|--------|---------|--------------------|--------|
    /// | 1 | web | 60  | 90 | 120 | 180  | baseline 7-10 image_host  | NL, Alpha Hosting |
    /// | 2 | web | 30  |    | 60  | 180  | baseline 7-10 image_host  | NL, Alpha Hosting |
    /// | 3 | web | 120 |    | 180 | 360  | baseline 7-10 image_host  | NL, Alpha Hosting |
    /// | 4 | web | 240 |    | 300 | 900  | baseline 11-13 image_host | NL, Alpha Hosting |
    /// | 5 | api | 10  |    | 20  | 1460 | baseline 11-13 forum      | US, Beta Networks |
    /// | 6 | api | 20  |    | 40 (acknowledged at 50) | | national 11-13 forum | US, Beta Networks |
    /// | 7 | api |     |    |     |      | (not assessed)            | (not traced) |
    ///
    /// Case 6 is `awaiting_removal`, case 7 `new`, the others `new` too (their removal
    /// stamps make them "removed"). Case 8 is reported on 2026-05-01 by `api`, assessed
    /// baseline 0-2 website, hosted by Alpha Hosting, notice after 1 minute and removed
    /// 1 minute after that. Every notice is a `sent` row in `notices` to the provider's
    /// abuse address. Queued jobs are dropped, so a server started on this database
    /// leaves the cases as they are.
    ///
    /// Returns the case ids, in order.
    pub async fn seed(store: &Store) -> Result<Vec<i64>> {
        let at = |ms: i64| from_millis(ms);
        store
            .create_user(
                "statistician",
                Role::Analyst,
                "a long enough password",
                "fixture",
                at(T0_MS)?,
            )
            .await
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let specs: [(i64, Channel); 8] = [
            (T0_MS + 60 * MIN, Channel::Web),
            (T0_MS + 120 * MIN, Channel::Web),
            (T0_MS + 180 * MIN, Channel::Web),
            (T0_MS + 240 * MIN, Channel::Web),
            (T0_MS + 300 * MIN, Channel::Api),
            (T0_MS + 360 * MIN, Channel::Api),
            (T0_MS + 420 * MIN, Channel::Api),
            (MAY_MS, Channel::Api),
        ];
        let mut ids = Vec::new();
        for (i, (received, channel)) in specs.iter().enumerate() {
            let report = NewReport::parse(
                ReportInput {
                    urls: vec![format!("http://statistics{}.example/", i + 1)],
                    where_found: Some("website".into()),
                    ..Default::default()
                },
                *channel,
                Language::En,
            )
            .map_err(|e| StoreError::Corrupt(format!("{e:?}")))?;
            let done = store.submit_report(&report, at(*received)?).await?;
            ids.push(done.cases[0].case_id);
        }
        // (case index, minutes after received, kind)
        let stamps: &[(usize, i64, &str)] = &[
            (0, 60, "assessed"),
            (0, 90, "referred_police"),
            (0, 120, "notice_sent"),
            (0, 180, "removed"),
            (1, 30, "assessed"),
            (1, 60, "notice_sent"),
            (1, 180, "removed"),
            (2, 120, "assessed"),
            (2, 180, "notice_sent"),
            (2, 360, "removed"),
            (3, 240, "assessed"),
            (3, 300, "notice_sent"),
            (3, 900, "removed"),
            (3, 900, "removed_by_host"),
            (4, 10, "assessed"),
            (4, 20, "notice_sent"),
            (4, 1460, "removed"),
            (5, 20, "assessed"),
            (5, 40, "notice_sent"),
            (5, 50, "notice_acknowledged"),
            (7, 0, "assessed"),
            (7, 1, "notice_sent"),
            (7, 2, "removed"),
        ];
        let assessments: &[(usize, &str, &str, &str)] = &[
            (0, "baseline", "pre_pubescent", "image_host"),
            (1, "baseline", "pre_pubescent", "image_host"),
            (2, "baseline", "pre_pubescent", "image_host"),
            (3, "baseline", "pubescent", "image_host"),
            (4, "baseline", "pubescent", "forum"),
            (5, "national", "pubescent", "forum"),
            (7, "baseline", "infant", "website"),
        ];
        let alpha = (
            "203.0.113.10",
            64_500,
            "Alpha Hosting",
            "NL",
            "abuse@alpha.example",
        );
        let beta = (
            "198.51.100.20",
            64_501,
            "Beta Networks",
            "US",
            "abuse@beta.example",
        );
        let hosts = [alpha, alpha, alpha, alpha, beta, beta];
        for (i, (ip, asn, org, country, abuse)) in hosts.iter().chain([&alpha]).enumerate() {
            let i = if i == 6 { 7 } else { i };
            let received = specs[i].0;
            let trace = Trace {
                host: format!("statistics{}.example", i + 1),
                traced_at_ms: received + MIN / 2,
                addresses: vec![HostingAddress {
                    ip: (*ip).into(),
                    asn: Some(*asn),
                    as_org: Some((*org).into()),
                    country: Some((*country).into()),
                    abuse: Some(Contact {
                        email: Some((*abuse).into()),
                        ..Default::default()
                    }),
                    ..Default::default()
                }],
                ..Default::default()
            };
            store.save_trace(ids[i], &trace).await?;
        }
        on_write_pool!(&store.db, pool => {
            let mut tx = pool.begin_write().await?;
            let user: i64 = sqlx::query_scalar("SELECT id FROM users WHERE username = 'statistician'")
                .fetch_one(&mut *tx)
                .await?;
            for (i, minutes, kind) in stamps {
                let at = specs[*i].0 + minutes * MIN;
                sqlx::query("INSERT INTO case_events (case_id, at, kind) VALUES ($1, $2, $3)")
                    .bind(ids[*i])
                    .bind(at)
                    .bind(*kind)
                    .execute(&mut *tx)
                    .await?;
                if *kind == "notice_sent" {
                    let abuse = if *i == 4 || *i == 5 { beta.4 } else { alpha.4 };
                    sqlx::query(
                        "INSERT INTO notices (case_id, recipient, role, subject, body, xarf, message_id, state, created_at, sent_at) \
                         VALUES ($1, $2, 'host', 'Notice', 'Notice', '{}', $3, 'sent', $4, $4)",
                    )
                    .bind(ids[*i])
                    .bind(abuse)
                    .bind(format!("<statistics-{i}@hotline.example>"))
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            for (i, classification, age, site) in assessments {
                sqlx::query(
                    "INSERT INTO assessments (case_id, kind, classification, age_group, site_type, assessed_by, assessed_at) \
                     VALUES ($1, 'assessment', $2, $3, $4, $5, $6)",
                )
                .bind(ids[*i])
                .bind(*classification)
                .bind(*age)
                .bind(*site)
                .bind(user)
                .bind(specs[*i].0)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("UPDATE cases SET state = 'awaiting_removal' WHERE id = $1")
                .bind(ids[5])
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM jobs").execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(ids)
    }
}
