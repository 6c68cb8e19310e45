//! `hotline stats [--from DATE] [--to DATE] [--json]`: the figures of the statistics page.

use std::fmt::Write as _;

use anyhow::Context;
use hotline_domain::statistics::{
    self, Count, GroupLegs, Leg, LegSummary, Statistics, format_date, human_duration,
};

use crate::{Opened, Place};

/// Runs the command: prints the figures of `[from, to]` (both days included, UTC) as
/// text tables, or as one JSON object.
pub async fn run(
    from: Option<&str>,
    to: Option<&str>,
    json: bool,
    place: &Place,
) -> anyhow::Result<()> {
    let now_ms = i64::try_from(time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000)
        .unwrap_or(i64::MAX);
    let (from_ms, to_ms) = statistics::period(from, to, now_ms)?;
    let Opened { store, .. } = place.open().await?;
    let result = store.statistics(from_ms, to_ms).await;
    store.close().await;
    let stats = result.context("cannot read the statistics")?;
    if json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
    } else {
        print!("{}", text(&stats));
    }
    Ok(())
}

fn time(v: Option<i64>) -> String {
    v.map_or_else(|| "-".to_owned(), human_duration)
}

fn counts(out: &mut String, title: &str, counts: &[Count]) {
    let _ = writeln!(out, "\n{title}");
    for c in counts {
        let _ = writeln!(out, "  {:<28} {:>8}", c.key, c.count);
    }
}

fn legs(out: &mut String, legs: &[LegSummary]) {
    for l in legs {
        let _ = writeln!(
            out,
            "    {:<26} {:>6}  median {:>12}  p90 {:>12}",
            l.leg.as_str(),
            l.summary.count,
            time(l.summary.median_ms),
            time(l.summary.p90_ms)
        );
    }
}

fn groups(out: &mut String, title: &str, groups: &[GroupLegs]) {
    let _ = writeln!(out, "\n{title}");
    for g in groups {
        let _ = writeln!(out, "  {} ({} cases)", g.group, g.cases);
        legs(out, &g.legs);
    }
}

/// The figures as plain-text tables.
pub fn text(s: &Statistics) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Statistics from {} to {} (UTC, cases opened and reports received in the period)",
        format_date(s.from_ms),
        format_date(s.to_ms - 1)
    );
    let _ = writeln!(out, "reports: {}  cases: {}", s.reports, s.cases);
    counts(&mut out, "Reports by channel", &s.reports_by_channel);
    counts(&mut out, "Cases by classification", &s.by_classification);
    counts(&mut out, "Cases by outcome", &s.by_outcome);
    counts(&mut out, "Cases by site type", &s.by_site_type);
    counts(&mut out, "Cases by age group", &s.by_age_group);
    let _ = writeln!(out, "\nLegs (count, median, p90; nearest rank)");
    legs(&mut out, &s.legs);
    groups(&mut out, "Legs by hosting country", &s.by_country);
    groups(&mut out, "Legs by hosting provider", &s.by_provider);
    let _ = writeln!(
        out,
        "\nProvider response times ({}, fastest median first)",
        Leg::NoticeSentToRemoved.as_str()
    );
    for (provider, s) in statistics::provider_league(s) {
        let _ = writeln!(
            out,
            "  {:<28} {:>6}  median {:>12}  p90 {:>12}",
            provider,
            s.count,
            time(s.median_ms),
            time(s.p90_ms)
        );
    }
    out
}
