//! Storing traces and reading a case's latest one.

use hotline_domain::timeline::Event;
use hotline_domain::trace::Trace;

use crate::{Result, Store, StoreError, on_read_pool, on_write_pool};

impl Store {
    /// Keeps a trace of a case (every trace is kept: the history shows when hosting changed),
    /// with a timeline entry.
    pub async fn save_trace(&self, case_id: i64, trace: &Trace) -> Result<()> {
        self.save_traces(&[(case_id, trace)]).await
    }

    /// Keeps traces of several cases in one transaction, each as [`Store::save_trace`] does.
    pub async fn save_traces(&self, traces: &[(i64, &Trace)]) -> Result<()> {
        self.save_traces_noting(traces, None).await
    }

    /// Keeps the trace taken just before a notice was sent, which found the case hosted
    /// elsewhere than the notice was written for (`hotline_domain::notice::hosting_change`):
    /// with its `traced` entry, a `host_changed` entry saying from what to what (the notice
    /// now waits for an analyst), and an audit event, in one transaction.
    pub async fn save_host_change(
        &self,
        case_id: i64,
        trace: &Trace,
        change: &str,
        now: time::OffsetDateTime,
    ) -> Result<()> {
        self.save_traces_noting(&[(case_id, trace)], Some((change, now)))
            .await
    }

    async fn save_traces_noting(
        &self,
        traces: &[(i64, &Trace)],
        host_changed: Option<(&str, time::OffsetDateTime)>,
    ) -> Result<()> {
        if traces.is_empty() {
            return Ok(());
        }
        let rows = traces
            .iter()
            .map(|(case_id, trace)| {
                let json =
                    serde_json::to_string(trace).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                let countries = trace.hosting_countries().join(",");
                let details = match &trace.untraceable {
                    Some(why) => format!("untraceable: {why}"),
                    None if countries.is_empty() => "hosting country unknown".to_owned(),
                    None => format!("hosted in {countries}"),
                };
                let hosting: Vec<(String, Option<i64>, Option<String>)> = trace
                    .addresses
                    .iter()
                    .map(|a| (a.ip.clone(), a.asn.map(i64::from), a.country.clone()))
                    .collect();
                Ok((
                    *case_id,
                    trace.traced_at_ms,
                    countries,
                    json,
                    details,
                    hosting,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            for (case_id, at, countries, json, details, hosting) in rows {
                sqlx::query("INSERT INTO traces (case_id, traced_at, countries, result) VALUES ($1, $2, $3, $4)")
                    .bind(case_id)
                    .bind(at)
                    .bind(&countries)
                    .bind(&json)
                    .execute(&mut *tx)
                    .await?;
                crate::timeline!(tx, case_id, at, Event::Traced, Some(details));
                // The latest trace's hosting, for search by IP, AS number and country.
                sqlx::query("DELETE FROM case_hosting WHERE case_id = $1")
                    .bind(case_id)
                    .execute(&mut *tx)
                    .await?;
                for (ip, asn, country) in hosting {
                    sqlx::query("INSERT INTO case_hosting (case_id, ip, asn, country) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                        .bind(case_id)
                        .bind(ip)
                        .bind(asn)
                        .bind(country)
                        .execute(&mut *tx)
                        .await?;
                }
                if let Some((change, now)) = host_changed {
                    let at = crate::to_millis(now);
                    crate::timeline!(tx, case_id, at, Event::HostChanged, Some(change.to_owned()));
                    crate::audit::append_audit!(tx, self.keys(), at, "system", "case.host_changed", &format!("case:{case_id}"), change);
                }
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The newest trace of a case, if it was ever traced.
    pub async fn latest_trace(&self, case_id: i64) -> Result<Option<Trace>> {
        let json: Option<String> = on_read_pool!(&self.db, pool => {
            sqlx::query_scalar("SELECT result FROM traces WHERE case_id = $1 ORDER BY traced_at DESC, id DESC LIMIT 1")
                .bind(case_id)
                .fetch_optional(pool)
                .await?
        });
        json.map(|j| {
            serde_json::from_str(&j)
                .map_err(|e| StoreError::Corrupt(format!("trace of case {case_id}: {e}")))
        })
        .transpose()
    }

    /// The canonical address and host of a case, for the tracer.
    pub async fn case_target(
        &self,
        case_id: i64,
    ) -> Result<Option<(String, String, Option<String>)>> {
        on_read_pool!(&self.db, pool => {
            Ok(sqlx::query_as("SELECT canonical_url, host, registrable_domain FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(pool)
                .await?)
        })
    }
}
