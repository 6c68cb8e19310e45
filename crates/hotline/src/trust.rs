//! Operator commands that keep the hotline's data safe: backups and restores, the start-up
//! integrity check, retention runs and key rotation.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, bail};

use hotline_store::backup;
use hotline_store::{Keyring, Store};

use crate::{Opened, Place};

/// Refuses to start on a damaged SQLite file, saying what to do instead of failing later
/// with whatever query first touches a broken page.
pub(crate) async fn startup_check(store: &Store, url: &str) -> anyhow::Result<()> {
    let problems = store
        .integrity_problems(true)
        .await
        .with_context(|| format!("the database file {url} is damaged and cannot be checked; stop and restore the latest backup with `hotline restore FILE`"))?;
    if !problems.is_empty() {
        bail!(
            "the database file {url} is damaged ({}); stop and restore the latest backup with `hotline restore FILE`",
            problems.join("; ")
        );
    }
    Ok(())
}

/// `hotline backup FILE`.
pub(crate) async fn backup(file: &Path, place: &Place) -> anyhow::Result<()> {
    if place.sqlite_path().is_none() {
        bail!(
            "the database is PostgreSQL: back it up with pg_dump -Fc and restore it with pg_restore (see docs/cli.md, Backups)"
        );
    }
    let Opened { store, .. } = place.open().await?;
    let result = store.backup_to(file).await;
    store.close().await;
    let summary = result.with_context(|| format!("cannot back up to {}", file.display()))?;
    println!(
        "backup written to {}: {} reports, {} cases, migration {}; the key file is not in it",
        file.display(),
        summary.reports,
        summary.cases,
        summary.migration
    );
    Ok(())
}

/// `hotline restore FILE [--force]`.
pub(crate) async fn restore(file: &Path, force: bool, place: &Place) -> anyhow::Result<()> {
    let Some(db_path) = place.sqlite_path() else {
        bail!("the database is PostgreSQL: restore it with pg_restore (see docs/cli.md, Backups)");
    };
    let key_file = place.data_dir.join("keys.json");
    if !key_file.exists() {
        bail!(
            "{} does not exist: copy the key file that belongs to this backup there first (without it nothing sealed in the backup can be read)",
            key_file.display()
        );
    }
    if db_path.exists() && !force {
        bail!(
            "{} already exists: this data directory has a database; stop the service and add --force to replace it",
            db_path.display()
        );
    }
    let keys = Keyring::load_or_create(&place.data_dir).context("cannot read the key file")?;
    let summary = backup::restore(file, &db_path, Arc::new(keys), force)
        .await
        .with_context(|| format!("cannot restore {}", file.display()))?;
    println!(
        "restored {} into {}: {} reports, {} cases (backup at migration {})",
        file.display(),
        db_path.display(),
        summary.reports,
        summary.cases,
        summary.migration
    );
    Ok(())
}

/// How often a running service re-reads the key file (so `hotline keys rotate` takes effect).
pub(crate) const KEY_RELOAD: std::time::Duration = std::time::Duration::from_secs(1);

/// Re-reads the field keys every [`KEY_RELOAD`] for as long as the process runs.
pub(crate) fn spawn_key_reload(store: &Store, data_dir: &Path) {
    let store = store.clone();
    let data_dir = data_dir.to_owned();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(KEY_RELOAD).await;
            match store.keys().reload(&data_dir) {
                Ok(true) => tracing::info!(
                    current = store.keys().current_field_key(),
                    "field keys reloaded"
                ),
                Ok(false) => {}
                Err(e) => tracing::warn!(error = %e, "cannot reload the key file"),
            }
        }
    });
}

/// Puts the daily retention purge in the job queue, once (a dedupe key keeps one queued).
pub(crate) async fn schedule_retention(store: &Store) -> Result<(), hotline_store::StoreError> {
    let now = time::OffsetDateTime::now_utc();
    store
        .enqueue_job(&hotline_store::NewJob::retention(now), now)
        .await?;
    Ok(())
}

/// `hotline retention run [--dry-run]`.
pub(crate) async fn retention_run(dry_run: bool, place: &Place) -> anyhow::Result<()> {
    let Opened { config, store } = place.open().await?;
    let now = time::OffsetDateTime::now_utc();
    // The periods in force: the file's, or an admin's change on the settings page.
    let settings = crate::live_settings(&config, &store).await?;
    let cutoffs = settings
        .get()
        .config
        .settings
        .retention
        .cutoffs(crate::worker::millis(now));
    let result = if dry_run {
        store.purge_dry_run(&cutoffs).await
    } else {
        store.purge(&cutoffs, &crate::cli_actor(), now).await
    };
    store.close().await;
    let c = result.context("the retention purge failed")?;
    let verb = if dry_run { "would erase" } else { "erased" };
    println!("retention {verb}:");
    println!("  reporter contact details   {}", c.contacts);
    println!("  descriptions               {}", c.descriptions);
    println!("  messages to reporters      {}", c.reporter_messages);
    println!("  addresses as typed         {}", c.addresses_as_typed);
    println!("  closed-case details        {}", c.closed_case_details);
    println!("  finished jobs              {}", c.jobs);
    println!("  superseded traces          {}", c.traces);
    println!("  checks of finished cases   {}", c.checks);
    println!("  audit events               {}", c.audit_events);
    println!("  total                      {}", c.total());
    Ok(())
}

/// `hotline keys rotate [--retire]`.
pub(crate) async fn keys_rotate(retire: bool, place: &Place) -> anyhow::Result<()> {
    if !place.data_dir.join("keys.json").exists() {
        bail!("{} has no key file", place.data_dir.display());
    }
    let (old, new) = Keyring::add_field_key(&place.data_dir).context("cannot add a field key")?;
    println!("field key {new} is now current (was {old}); re-sealing…");
    let Opened { store, .. } = place.open().await?;
    let started = std::time::Instant::now();
    let mut total = 0;
    // Running services switch to the new key within KEY_RELOAD; until then they may seal
    // with the old one, so passes continue until one finds nothing and that time is past.
    let result: anyhow::Result<()> = async {
        loop {
            let pass = store.reseal_all().await.context("re-sealing failed")?;
            total += pass.total();
            if pass.total() == 0 && started.elapsed() > KEY_RELOAD * 3 {
                break;
            }
            tokio::time::sleep(KEY_RELOAD / 2).await;
        }
        let left = store.sealed_with_other_keys(new).await?;
        if left.total() > 0 {
            bail!(
                "{} values are still sealed with older keys; run again",
                left.total()
            );
        }
        Ok(())
    }
    .await;
    if let Err(e) = result {
        store.close().await;
        return Err(e);
    }
    println!("re-sealed {total} values with field key {new}");
    let olds: Vec<u16> = store
        .keys()
        .field_key_ids()
        .into_iter()
        .filter(|id| *id != new)
        .collect();
    store.close().await;
    if retire {
        for id in &olds {
            Keyring::remove_field_key(&place.data_dir, *id)?;
            println!("field key {id} removed from the key file");
        }
        println!("backups taken before now need the key file as it was before this rotation");
    } else if !olds.is_empty() {
        println!(
            "older field keys {olds:?} are no longer used; remove them with `hotline keys retire ID` (keep a copy of the old key file with the backups taken before now)"
        );
    }
    Ok(())
}

/// `hotline keys retire ID`.
pub(crate) async fn keys_retire(id: u16, place: &Place) -> anyhow::Result<()> {
    let Opened { store, .. } = place.open().await?;
    let used = store.sealed_with_key(id).await;
    store.close().await;
    let used = used?;
    if used.total() > 0 {
        bail!(
            "{} stored values are still sealed with field key {id}; run `hotline keys rotate` first",
            used.total()
        );
    }
    if !Keyring::remove_field_key(&place.data_dir, id)? {
        bail!("the key file has no field key {id}");
    }
    println!("field key {id} removed from the key file");
    Ok(())
}

/// `hotline keys rotate-signing [--grace-days N]`: a new federation signing key; the old one
/// signs beside it for `grace_days`, so partners can register the new one meanwhile.
pub(crate) async fn keys_rotate_signing(grace_days: u32, place: &Place) -> anyhow::Result<()> {
    let Opened { store, .. } = place.open().await?;
    let now = time::OffsetDateTime::now_utc();
    let until = now + time::Duration::days(i64::from(grace_days));
    let rotated = Keyring::rotate_signing_key(
        &place.data_dir,
        until.unix_timestamp(),
        now.unix_timestamp(),
    );
    let audited = match &rotated {
        Ok((old, new)) => {
            store
                .audit(
                    &crate::cli_actor(),
                    "keys.rotate_signing",
                    "keys",
                    &format!("old {old}; new {new}; grace {grace_days} days"),
                    now,
                )
                .await
        }
        Err(_) => Ok(()),
    };
    store.close().await;
    let (old, new) = rotated.context("cannot rotate the signing key")?;
    audited?;
    println!("new signing key: {new}");
    if grace_days > 0 {
        println!(
            "the old key {old} signs beside it until {} (UTC); give every partner the new key before then (they run `hotline partner set-key`)",
            until.date()
        );
    } else {
        println!("the old key {old} signs nothing any more; partners must register the new key");
    }
    Ok(())
}

/// `hotline keys check`.
pub(crate) async fn keys_check(place: &Place) -> anyhow::Result<()> {
    let Opened { store, .. } = place.open().await?;
    let n = store.open_every_sealed_value().await;
    store.close().await;
    println!("all {} sealed values open with the key file", n?);
    Ok(())
}
