//! `hotline export blocklist`: the same list as `GET /api/v1/blocklist`, to a file or stdout.

use std::path::Path;

use anyhow::Context;
use time::OffsetDateTime;

use hotline_domain::blocklist::{BlocklistFormat, RpzZone, render};

use crate::{Opened, Place};

pub async fn export(
    format: BlocklistFormat,
    output: Option<&Path>,
    place: &Place,
) -> anyhow::Result<()> {
    let Opened { config, store } = place.open().await?;
    let entries = store.blocklist().await;
    store.close().await;
    let entries = entries?;
    let now = OffsetDateTime::now_utc();
    let zone = RpzZone {
        origin: config.blocklist.rpz_zone.clone(),
        serial: u32::try_from(now.unix_timestamp()).unwrap_or(u32::MAX),
    };
    let generated_at = now.format(&time::format_description::well_known::Rfc3339)?;
    let text = render(format, &entries, &generated_at, &zone)
        .context("the blocklist cannot be written (blocklist.rpz_zone?)")?;
    match output {
        Some(path) => {
            std::fs::write(path, &text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("{} addresses written to {}", entries.len(), path.display());
        }
        None => print!("{text}"),
    }
    Ok(())
}
