//! Synthetic data for benchmarks and demonstrations (`hotline dev seed`), never for a live
//! hotline. Reserved names only (`*.example.com`, `*.test`) and documentation addresses
//! (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, AS64496-64511).

use time::OffsetDateTime;

use hotline_domain::NewReport;

use crate::{Result, Store, StoreError, on_write_pool, to_millis};

/// How `hotline dev seed` spreads its addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SeedShape {
    /// One address per report, one per case, under 997 hosts of `example.test`.
    #[default]
    Simple,
    /// What a hotline's staff meet (the workbench bench, issue 19): reports of 1 to 50
    /// addresses, each report on one site; one host that is its own domain with a twentieth
    /// of all cases (`images.example.net`), 20 hosts with thousands of cases each under
    /// `example.com`, 2,000 image hosts under 400 domains, and a long tail of 60,000 small
    /// sites; about 1% of addresses on bare IP addresses. Every case gets hosting as a trace
    /// would leave it (one IP address per host, an AS number and a country), so the case
    /// page has cases on the same IP address to show.
    Workbench,
}

/// A small deterministic generator (SplitMix64): the same seed gives the same data.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A site of the workbench shape: its host and a number that picks its hosting.
fn site(mix: &mut Mix) -> (String, u64) {
    let roll = mix.below(100);
    if roll < 5 {
        // One big image host that is its own registrable domain.
        ("images.example.net".to_owned(), 19)
    } else if roll < 15 {
        let k = mix.below(20);
        (format!("gallery-{k}.example.com"), k)
    } else if roll < 50 {
        let k = mix.below(2_000);
        (format!("img-{k}.host-{}.test", k % 400), 20 + k)
    } else if roll < 51 {
        let k = mix.below(250);
        if k.is_multiple_of(5) {
            (format!("[2001:db8::{:x}]", k + 1), 100_000 + k)
        } else {
            (format!("203.0.113.{}", k % 250 + 1), 100_000 + k)
        }
    } else {
        let k = mix.below(60_000);
        let host = if k.is_multiple_of(3) {
            format!("www.site-{k}.test")
        } else {
            format!("site-{k}.test")
        };
        (host, 2_020 + k)
    }
}

/// How many addresses a report names: mostly one, sometimes a gallery's worth (up to 50).
fn report_size(mix: &mut Mix) -> usize {
    let roll = mix.below(100);
    let n = match roll {
        0..70 => 1,
        70..90 => 2 + mix.below(9),
        90..98 => 11 + mix.below(20),
        _ => 31 + mix.below(20),
    };
    usize::try_from(n).unwrap_or(1)
}

/// The hosting of a site: an IP address from the documentation ranges (sites share them, as
/// on shared hosting), a documentation AS number and a country.
fn hosting(site: u64) -> (String, i64, &'static str) {
    const COUNTRIES: [&str; 8] = ["NL", "DE", "US", "FR", "RO", "SE", "CA", "GB"];
    let shared = site % 700;
    let ip = match shared / 250 {
        0 => format!("192.0.2.{}", shared % 250 + 1),
        1 => format!("198.51.100.{}", shared % 250 + 1),
        _ => format!("2001:db8:1::{:x}", shared % 250 + 1),
    };
    let asn = 64_496 + i64::try_from(site % 16).unwrap_or(0);
    let country = COUNTRIES[usize::try_from(site % 8).unwrap_or(0)];
    (ip, asn, country)
}

/// A synthetic report of `urls`, as the seeds make them (found on a website, in English).
pub(crate) fn synthetic_report(urls: Vec<String>, urgent: bool) -> Result<NewReport> {
    let input = hotline_domain::ReportInput {
        urls,
        where_found: Some("website".into()),
        urgent,
        ..Default::default()
    };
    NewReport::parse(
        input,
        hotline_domain::Channel::Import,
        hotline_domain::Language::En,
    )
    .map_err(|e| StoreError::Corrupt(e.to_string()))
}

impl Store {
    /// Fills the database with about `n` synthetic cases shaped as `shape` says, received
    /// over the past `n` seconds, in large transactions: for benchmarks and demonstrations,
    /// never for a live hotline. Returns how many cases it opened.
    pub async fn seed_shaped(
        &self,
        n: usize,
        shape: SeedShape,
        now: OffsetDateTime,
    ) -> Result<usize> {
        if shape == SeedShape::Simple {
            self.seed_synthetic(n, now).await?;
            return Ok(n);
        }
        const BATCH: usize = 2_000;
        let mut mix = Mix(0x5EED_0019);
        let mut done = 0usize;
        let mut report_no = 0u64;
        while done < n {
            let mut batch = Vec::new();
            let mut sites = Vec::new();
            let mut in_batch = 0usize;
            while in_batch < BATCH && done + in_batch < n {
                let size = report_size(&mut mix).min(n - done - in_batch);
                let (host, site_no) = site(&mut mix);
                let urls = (0..size)
                    .map(|j| format!("https://{host}/album-{report_no}/photo-{j}.html"))
                    .collect();
                let report = synthetic_report(urls, mix.below(20) == 0)?;
                let secs = i64::try_from(n - done - in_batch).unwrap_or(0);
                let at = now - time::Duration::seconds(secs);
                let sealed = self.seal_report(&report, at)?;
                batch.push((report, sealed, to_millis(at)));
                sites.push(site_no);
                in_batch += size;
                report_no += 1;
            }
            let items: Vec<(&NewReport, &crate::reports::Sealed, i64)> =
                batch.iter().map(|(r, s, at)| (r, s, *at)).collect();
            // Synthetic reports alert nobody, urgent or not.
            let cases = crate::intake::write_batch(&self.db, &items, false, 0).await?;
            let mut rows = Vec::new();
            for (refs, site_no) in cases.iter().zip(&sites) {
                let (ip, asn, country) = hosting(*site_no);
                for c in refs.iter().filter(|c| c.opened) {
                    rows.push((c.case_id, ip.clone(), asn, country));
                }
            }
            self.seed_hosting(&rows).await?;
            done += in_batch;
        }
        Ok(done)
    }

    /// Hosting rows as a trace would have left them (the seed's only).
    async fn seed_hosting(&self, rows: &[(i64, String, i64, &'static str)]) -> Result<()> {
        for chunk in rows.chunks(500) {
            let values = (0..chunk.len())
                .map(|i| {
                    format!(
                        "(${}, ${}, ${}, ${})",
                        4 * i + 1,
                        4 * i + 2,
                        4 * i + 3,
                        4 * i + 4
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            let sql =
                format!("INSERT INTO case_hosting (case_id, ip, asn, country) VALUES {values}");
            on_write_pool!(&self.db, pool => {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.clone()));
                for (case_id, ip, asn, country) in chunk {
                    q = q.bind(*case_id).bind(ip.clone()).bind(*asn).bind(*country);
                }
                q.execute(pool).await?;
            });
        }
        Ok(())
    }
}
