//! `hotline export cases`: the cases opened in a period, as CSV or JSON on stdout, for
//! another case system. Reporters' contact details only with `--with-reporters`, which an
//! admin must ask for by name (`--as`); every export is written to the audit trail.

use std::io::Write;

use anyhow::{Context, bail};
use time::OffsetDateTime;

use hotline_store::{ExportQuery, Store};
use hotline_web::exports::{ExportFormat, cases_csv, cases_json, parse_bound};

/// The command's arguments.
#[derive(Debug, clap::Args)]
pub struct CasesArgs {
    /// csv or json.
    #[arg(long, default_value = "csv", value_parser = ["csv", "json"])]
    pub format: String,
    /// Cases opened from this day (2026-11-01) or RFC 3339 time.
    #[arg(long)]
    pub from: Option<String>,
    /// Cases opened up to this day (inclusive) or before this RFC 3339 time.
    #[arg(long)]
    pub to: Option<String>,
    /// Include the reporters' contact details. Needs --as naming an admin account; the
    /// export is audited as one with reporter data.
    #[arg(long, requires = "as_admin")]
    pub with_reporters: bool,
    /// The admin account on whose authority reporter details are exported.
    #[arg(long = "as", id = "as_admin")]
    pub as_admin: Option<String>,
}

/// Writes the export to `out`.
pub async fn export_cases(
    store: &Store,
    args: &CasesArgs,
    cli_actor: &str,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let format: ExportFormat = args.format.parse().map_err(anyhow::Error::msg)?;
    let from = args
        .from
        .as_deref()
        .map(|s| parse_bound(s, false))
        .transpose()
        .map_err(anyhow::Error::msg)
        .context("--from")?;
    let to = args
        .to
        .as_deref()
        .map(|s| parse_bound(s, true))
        .transpose()
        .map_err(anyhow::Error::msg)
        .context("--to")?;
    let mut actor = cli_actor.to_owned();
    if args.with_reporters {
        let name = args.as_admin.as_deref().unwrap_or_default();
        let user = store
            .users()
            .await?
            .into_iter()
            .find(|u| u.username == name.to_ascii_lowercase() && !u.disabled);
        match user {
            Some(u) if hotline_domain::staff::may_export(u.role, true) => {
                actor = format!("{cli_actor} as user:{}", u.username);
            }
            Some(u) => bail!(
                "{} is a {}: only an admin may export the reporters' contact details",
                u.username,
                u.role
            ),
            None => bail!("there is no active account \"{name}\" (--as)"),
        }
    }
    let query = ExportQuery {
        from,
        to,
        with_reporters: args.with_reporters,
    };
    let cases = store
        .export_cases(&query, &actor, OffsetDateTime::now_utc())
        .await?;
    match format {
        ExportFormat::Csv => out.write_all(
            cases_csv(&cases, args.with_reporters)
                .map_err(anyhow::Error::msg)?
                .as_bytes(),
        )?,
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &cases_json(&cases))?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(cases.len())
}
