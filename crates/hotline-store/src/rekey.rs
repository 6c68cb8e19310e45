//! Re-sealing stored secrets with the current field key, in small batches, while the service
//! runs (`hotline keys rotate`). Each batch is one short write transaction; a value changed
//! by someone else meanwhile is left for the next pass (the update names the old ciphertext).

use uuid::Uuid;

use crate::{Result, Store, StoreError, on_read_pool, on_write_pool};

/// Values re-sealed per transaction: small, so intake never waits long behind a batch.
const BATCH: i64 = 200;

/// Sealed values per column that are not sealed with the current key, or re-sealed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RekeyCounts {
    pub by_column: Vec<(&'static str, u64)>,
}

impl RekeyCounts {
    pub fn total(&self) -> u64 {
        self.by_column.iter().map(|(_, n)| n).sum()
    }
}

/// Rows of one sealed column: a key that finds the row again, the context the value is
/// sealed for, and the value.
type Sealed = (String, String, Vec<u8>);

impl Store {
    /// How many sealed values name a field key other than `key`, per column.
    pub async fn sealed_with_other_keys(&self, key: u16) -> Result<RekeyCounts> {
        self.count_sealed(key, "<>").await
    }

    /// How many sealed values name field key `key`, per column.
    pub async fn sealed_with_key(&self, key: u16) -> Result<RekeyCounts> {
        self.count_sealed(key, "=").await
    }

    async fn count_sealed(&self, key: u16, op: &str) -> Result<RekeyCounts> {
        let id = key.to_be_bytes().to_vec();
        let mut out = RekeyCounts::default();
        for (table, _, column) in crate::backup::SEALED_COLUMNS {
            let sql = sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM {table} WHERE {column} IS NOT NULL AND substr({column}, 2, 2) {op} $1"
            ));
            let n: i64 = on_read_pool!(&self.db, pool => {
                sqlx::query_scalar(sql).bind(&id).fetch_one(pool).await?
            });
            out.by_column
                .push((column_name(table, column), u64::try_from(n).unwrap_or(0)));
        }
        Ok(out)
    }

    /// Re-seals, with the current field key, every value sealed with another key. Runs
    /// batches until a pass finds nothing left; returns how many values were re-sealed.
    pub async fn reseal_all(&self) -> Result<RekeyCounts> {
        let mut out = RekeyCounts::default();
        for (table, _, column) in crate::backup::SEALED_COLUMNS {
            let mut total = 0;
            loop {
                let n = self.reseal_batch(table, column).await?;
                total += n;
                if n == 0 {
                    break;
                }
            }
            out.by_column.push((column_name(table, column), total));
        }
        Ok(out)
    }

    /// One batch of one column; returns how many values it re-sealed.
    async fn reseal_batch(&self, table: &str, column: &str) -> Result<u64> {
        let current = self.keys().current_field_key();
        let id = current.to_be_bytes().to_vec();
        let rows = self.stale_values(table, column, &id).await?;
        if rows.is_empty() {
            return Ok(0);
        }
        let mut resealed = Vec::with_capacity(rows.len());
        for (key, context, old) in rows {
            let plain = self.keys().open(&context, &old)?;
            let new = self.keys().seal(&context, &plain)?;
            resealed.push((key, old, new));
        }
        let key_sql = row_key(table);
        let sql = format!("UPDATE {table} SET {column} = $1 WHERE {key_sql} AND {column} = $2");
        let mut done = 0;
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            for (key, old, new) in &resealed {
                let q = sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(new).bind(old);
                let q = bind_key(q, table, key)?;
                done += q.execute(&mut *tx).await?.rows_affected();
            }
            tx.commit().await?;
        });
        if done == 0 {
            // Every row changed under us; the next pass picks them up. Avoid a busy loop.
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        Ok(resealed.len() as u64)
    }

    /// Opens every sealed value in the database with the keys held; returns how many there
    /// are, or the first that does not open (naming its column).
    pub async fn open_every_sealed_value(&self) -> Result<u64> {
        let mut n = 0;
        for (table, _, column) in crate::backup::SEALED_COLUMNS {
            // An empty key id matches no value, so every value is listed.
            for (_, context, value) in self.sealed_values(table, column, &[], None).await? {
                self.keys().open(&context, &value).map_err(|e| {
                    StoreError::Corrupt(format!("{}: {e}", column_name(table, column)))
                })?;
                n += 1;
            }
        }
        Ok(n)
    }

    async fn stale_values(&self, table: &str, column: &str, id: &[u8]) -> Result<Vec<Sealed>> {
        self.sealed_values(table, column, id, Some(BATCH)).await
    }

    /// Sealed values of `table.column` not sealed with key `id`, at most `limit`.
    async fn sealed_values(
        &self,
        table: &str,
        column: &str,
        id: &[u8],
        limit: Option<i64>,
    ) -> Result<Vec<Sealed>> {
        // A UUID as text: SQLite stores it as a blob, PostgreSQL as a uuid.
        let text = |col: &str| match self.engine() {
            crate::Engine::Sqlite => format!("hex({col})"),
            crate::Engine::Postgres => format!("CAST({col} AS TEXT)"),
        };
        let select = match table {
            "reports" => format!("{}, ''", text("id")),
            "report_addresses" => format!("{}, CAST(position AS TEXT)", text("report_id")),
            "reporter_messages" => format!("CAST(id AS TEXT), {}", text("report_id")),
            "users" => "CAST(id AS TEXT), username".to_owned(),
            "partners" => "name, ''".to_owned(),
            other => return Err(StoreError::Corrupt(format!("no sealed column in {other}"))),
        };
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {select}, {column} FROM {table} WHERE {column} IS NOT NULL \
             AND substr({column}, 2, 2) <> $1{}",
            limit.map(|l| format!(" LIMIT {l}")).unwrap_or_default()
        ));
        let rows: Vec<(String, String, Vec<u8>)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as(sql).bind(id).fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|(a, b, value)| {
                let (key, context) = context_of(table, column, &a, &b)?;
                Ok((key, context, value))
            })
            .collect()
    }
}

fn column_name(table: &str, column: &str) -> &'static str {
    match (table, column) {
        ("reports", "description_sealed") => "reports.description",
        ("reports", "contact_sealed") => "reports.contact",
        ("report_addresses", _) => "report_addresses.submitted",
        ("reporter_messages", _) => "reporter_messages.body",
        ("users", _) => "users.totp_secret",
        _ => "partners.outbound_token",
    }
}

/// The row key (as text, joined by `\n`) and the sealing context, as the writers build it.
fn context_of(table: &str, column: &str, a: &str, b: &str) -> Result<(String, String)> {
    let uuid = |s: &str| {
        Uuid::parse_str(s).map_err(|e| StoreError::Corrupt(format!("report id {s:?}: {e}")))
    };
    Ok(match (table, column) {
        ("reports", "description_sealed") => {
            let id = uuid(a)?;
            (id.to_string(), format!("reports.description:{id}"))
        }
        ("reports", _) => {
            let id = uuid(a)?;
            (id.to_string(), format!("reports.contact:{id}"))
        }
        ("report_addresses", _) => {
            let id = uuid(a)?;
            (
                format!("{id}\n{b}"),
                format!("report_addresses.submitted:{id}:{b}"),
            )
        }
        ("reporter_messages", _) => {
            let report = uuid(b)?;
            (a.to_owned(), format!("reporter_messages.body:{report}:{a}"))
        }
        ("users", _) => (a.to_owned(), format!("users.totp_secret:{b}")),
        _ => (a.to_owned(), format!("partners.outbound_token:{a}")),
    })
}

/// The `WHERE` part that finds a row by its key (`$3`, `$4`).
fn row_key(table: &str) -> &'static str {
    match table {
        "report_addresses" => "report_id = $3 AND position = $4",
        "partners" => "name = $3",
        _ => "id = $3",
    }
}

fn bind_key<'q, DB>(
    q: sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments>,
    table: &str,
    key: &str,
) -> Result<sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments>>
where
    DB: sqlx::Database,
    Uuid: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    let bad = |e: String| StoreError::Corrupt(format!("row key {key:?}: {e}"));
    Ok(match table {
        "reports" => q.bind(Uuid::parse_str(key).map_err(|e| bad(e.to_string()))?),
        "report_addresses" => {
            let (id, pos) = key
                .split_once('\n')
                .ok_or_else(|| bad("no position".into()))?;
            q.bind(Uuid::parse_str(id).map_err(|e| bad(e.to_string()))?)
                .bind(pos.parse::<i64>().map_err(|e| bad(e.to_string()))?)
        }
        "reporter_messages" | "users" => {
            q.bind(key.parse::<i64>().map_err(|e| bad(e.to_string()))?)
        }
        _ => q.bind(key.to_owned()),
    })
}
