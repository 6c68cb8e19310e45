//! The IP database: which autonomous system (number and organisation) announces an IP
//! address, and which country it is in.
//!
//! The data is a MaxMind DB file (MMDB), read with the `maxminddb` crate. Two sources exist:
//!
//! - [`IpDb::embedded`]: the default, compiled into the binary, so tracing works offline and
//!   tests are reproducible. It is `data/ipdb/hotline-asn-country.mmdb.gz` at the repository
//!   root, built by `scripts/build_ipdb.py` from the npm packages `@ip-location-db/asn` and
//!   `@ip-location-db/geo-whois-asn-country` (CC BY 4.0; sources, versions, checksums and the
//!   attributions the hotline must show are in `data/ipdb/SOURCES.md`). Its records are
//!   `{asn: u32, org: string, cc: string}`, for IPv4 and IPv6.
//! - [`IpDb::open`]: a database the operator supplies. Besides the hotline's own shape it reads
//!   MaxMind GeoLite2/GeoIP2 ASN, Country and City, DB-IP Lite (ASN, country, city), IPinfo
//!   (Lite and the older `country_asn`), and the `*-country-mmdb` files of ip-location-db.
//!
//! A lookup only reads memory. Records are decoded without copying; the only allocations are
//! the two strings of the returned [`IpInfo`].
//!
//! The embedded file is gzip-compressed (8 MB instead of 16 MB) and decompressed once, when
//! [`IpDb::embedded`] is called (flate2, pure-Rust backend).

use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use maxminddb::{MaxMindDbError, Reader};
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};

/// The embedded database, gzip-compressed.
const EMBEDDED_GZ: &[u8] = include_bytes!("../../../data/ipdb/hotline-asn-country.mmdb.gz");

/// Upper bound for the decompressed embedded database (it is about 16 MB).
const EMBEDDED_MAX_BYTES: usize = 64 << 20;

/// `database_type` of the databases built by `scripts/build_ipdb.py`.
pub const HOTLINE_DATABASE_TYPE: &str = "hotline-asn-country";

/// What the IP database knows about one address. Every part may be missing: a range can
/// be announced by an AS but have no known country, or the other way round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpInfo {
    /// Autonomous system number, e.g. 15169.
    pub asn: Option<u32>,
    /// The organisation holding the AS, e.g. "Google LLC".
    pub org: Option<String>,
    /// ISO 3166-1 alpha-2 country code, upper case, e.g. "US".
    pub country: Option<String>,
}

/// Why an IP database could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum IpDbError {
    #[error("cannot read the IP database {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the embedded IP database cannot be decompressed: {0}")]
    Decompress(#[source] std::io::Error),
    #[error("not a valid MaxMind DB (MMDB) file: {0}")]
    Invalid(#[source] MaxMindDbError),
}

/// An IP → AS and country database, held in memory.
pub struct IpDb {
    reader: Reader<Vec<u8>>,
}

impl fmt::Debug for IpDb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let meta = self.reader.metadata();
        f.debug_struct("IpDb")
            .field("database_type", &meta.database_type)
            .field("build_epoch", &meta.build_epoch)
            .field("ip_version", &meta.ip_version)
            .field("node_count", &meta.node_count)
            .finish_non_exhaustive()
    }
}

impl IpDb {
    /// The database shipped with the hotline (decompressed on each call: call it once).
    pub fn embedded() -> Result<IpDb, IpDbError> {
        use std::io::Read;
        let mut bytes = Vec::new();
        // The cap guards against a damaged file; the real one is about 16 MB.
        flate2::read::GzDecoder::new(EMBEDDED_GZ)
            .take(EMBEDDED_MAX_BYTES as u64)
            .read_to_end(&mut bytes)
            .map_err(IpDbError::Decompress)?;
        Self::from_bytes(bytes)
    }

    /// An MMDB file supplied by the operator, read into memory.
    pub fn open(path: &Path) -> Result<IpDb, IpDbError> {
        let bytes = std::fs::read(path).map_err(|source| IpDbError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::from_bytes(bytes)
    }

    /// An MMDB file already in memory.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<IpDb, IpDbError> {
        let reader = Reader::from_source(bytes).map_err(IpDbError::Invalid)?;
        let meta = reader.metadata();
        tracing::debug!(
            database_type = %meta.database_type,
            build_epoch = meta.build_epoch,
            node_count = meta.node_count,
            "IP database loaded"
        );
        Ok(IpDb { reader })
    }

    /// The database's type (`database_type`, e.g. "hotline-asn-country", "GeoLite2-ASN")
    /// and when it was built (`build_epoch`, seconds since the Unix epoch), for the age
    /// check. For the embedded database the build epoch is the date of its source data.
    pub fn description(&self) -> (&str, u64) {
        let meta = self.reader.metadata();
        (&meta.database_type, meta.build_epoch)
    }

    /// What the database knows about `ip`; `None` when it has no record for it (private and
    /// unallocated addresses, for instance). IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`)
    /// are looked up as IPv4.
    pub fn lookup(&self, ip: IpAddr) -> Option<IpInfo> {
        match self.record(ip) {
            Ok(found) => found.and_then(|record| record.into_info()),
            Err(error) => {
                tracing::warn!(%ip, %error, "IP database record cannot be decoded");
                None
            }
        }
    }

    fn record(&self, ip: IpAddr) -> Result<Option<Record<'_>>, MaxMindDbError> {
        let ip = match ip {
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None if self.reader.metadata().ip_version == 4 => return Ok(None),
                None => ip,
            },
            IpAddr::V4(_) => ip,
        };
        self.reader.lookup(ip)?.decode::<Record<'_>>()
    }
}

/// The fields read from a record, in the shapes of the databases the hotline accepts.
/// Strings borrow from the database.
#[derive(Deserialize)]
struct Record<'a> {
    /// hotline: uint32. IPinfo: a string "AS15169".
    asn: Option<Asn>,
    /// hotline.
    org: Option<&'a str>,
    /// hotline.
    cc: Option<&'a str>,
    /// GeoLite2-ASN, GeoIP2-ISP, DB-IP ASN Lite, ip-location-db asn-mmdb.
    autonomous_system_number: Option<Asn>,
    autonomous_system_organization: Option<&'a str>,
    /// IPinfo.
    as_name: Option<&'a str>,
    /// GeoLite2/GeoIP2 Country and City, DB-IP Lite: `{"iso_code": "BE", …}`. IPinfo: a
    /// string, the code in `country_asn`, the name in IPinfo Lite.
    #[serde(borrow)]
    country: Option<Country<'a>>,
    /// MaxMind: where the block is registered, used when `country` is missing.
    #[serde(borrow)]
    registered_country: Option<Country<'a>>,
    /// IPinfo Lite, ip-location-db `*-country-mmdb`.
    country_code: Option<&'a str>,
}

impl Record<'_> {
    fn into_info(self) -> Option<IpInfo> {
        let asn = self.asn.or(self.autonomous_system_number).map(|a| a.0);
        let org = self
            .org
            .or(self.autonomous_system_organization)
            .or(self.as_name)
            .filter(|s| !s.is_empty());
        let country = [
            self.cc,
            self.country_code,
            self.country.and_then(Country::code),
            self.registered_country.and_then(Country::code),
        ]
        .into_iter()
        .flatten()
        .find(|c| is_country_code(c))
        .map(|c| c.to_ascii_uppercase());
        if asn.is_none() && org.is_none() && country.is_none() {
            return None;
        }
        Some(IpInfo {
            asn,
            org: org.map(str::to_owned),
            country,
        })
    }
}

fn is_country_code(s: &str) -> bool {
    hotline_domain::jurisdiction::country_code(s).is_some()
}

/// An AS number stored as an unsigned integer of any width, or as a string "AS15169" or
/// "15169".
struct Asn(u32);

impl<'de> Deserialize<'de> for Asn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AsnVisitor;

        impl Visitor<'_> for AsnVisitor {
            type Value = Asn;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an AS number")
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Asn, E> {
                u32::try_from(v)
                    .map(Asn)
                    .map_err(|_| E::custom("AS number out of range"))
            }

            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Asn, E> {
                u32::try_from(v)
                    .map(Asn)
                    .map_err(|_| E::custom("AS number out of range"))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Asn, E> {
                let digits = v
                    .strip_prefix("AS")
                    .or_else(|| v.strip_prefix("as"))
                    .unwrap_or(v);
                digits
                    .parse()
                    .map(Asn)
                    .map_err(|_| E::custom("not an AS number"))
            }
        }

        deserializer.deserialize_any(AsnVisitor)
    }
}

/// A country: a map with `iso_code` (MaxMind, DB-IP) or a plain string (IPinfo).
struct Country<'a>(Option<&'a str>);

impl<'a> Country<'a> {
    fn code(self) -> Option<&'a str> {
        self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Country<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CountryVisitor;

        impl<'de> Visitor<'de> for CountryVisitor {
            type Value = Country<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a country map or string")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Country(Some(v)))
            }

            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                // Only reached for strings that cannot be borrowed: not used by the reader.
                Ok(Country(None))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut code = None;
                while let Some(key) = map.next_key::<&'de str>()? {
                    if key == "iso_code" {
                        code = Some(map.next_value::<&'de str>()?);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(Country(code))
            }
        }

        deserializer.deserialize_any(CountryVisitor)
    }
}

#[cfg(test)]
mod tests {
    use std::net::{Ipv4Addr, Ipv6Addr};
    use std::sync::OnceLock;

    use super::*;

    fn embedded() -> &'static IpDb {
        static DB: OnceLock<IpDb> = OnceLock::new();
        DB.get_or_init(|| IpDb::embedded().expect("the embedded IP database loads"))
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn info(asn: Option<u32>, org: Option<&str>, country: Option<&str>) -> Option<IpInfo> {
        Some(IpInfo {
            asn,
            org: org.map(str::to_owned),
            country: country.map(str::to_owned),
        })
    }

    /// The CDN table (`hotline_domain::trace::CDN_ASNS`) against the shipped database: one
    /// address of every AS in it, the AS the database gives, the organisation it names, and
    /// the provider the trace will name on the case.
    #[test]
    fn every_cdn_as_is_the_providers_in_the_shipped_database() {
        use hotline_domain::trace::{CDN_ASNS, cdn_of};
        let samples: &[(&str, u32, &str)] = &[
            ("1.0.0.1", 13335, "Cloudflare"),
            ("104.22.5.1", 14789, "Cloudflare"),
            ("103.21.246.1", 132892, "Cloudflare"),
            ("185.212.144.1", 139242, "Cloudflare"),
            ("104.23.32.1", 202623, "Cloudflare"),
            ("185.122.0.1", 203898, "Cloudflare"),
            ("5.10.244.1", 209242, "Cloudflare"),
            ("108.162.254.1", 394536, "Cloudflare"),
            ("8.14.199.1", 395747, "Cloudflare"),
            ("23.154.64.1", 54113, "Fastly"),
            ("2.16.0.1", 20940, "Akamai"),
            ("2.16.12.1", 16625, "Akamai"),
            ("1.44.96.1", 16509, "Amazon"),
            ("8.8.4.1", 15169, "Google"),
            ("1.179.112.1", 396982, "Google"),
            ("1.186.0.1", 8075, "Microsoft"),
            ("38.92.173.1", 200325, "BUNNYWAY"),
            ("45.10.240.1", 57724, "DDOS-GUARD"),
            ("185.178.211.1", 49612, "DDOS-GUARD"),
            ("2001:678:1248::1", 199156, "StackPath"),
            ("42.200.61.1", 19551, "Incapsula"),
            ("45.223.42.1", 62571, "IMPERVA"),
            ("37.19.192.1", 60068, "Datacamp"),
            ("110.232.176.1", 15133, "Edgecast"),
            ("41.63.64.1", 22822, "Limelight"),
        ];
        let db = embedded();
        for (address, asn, org) in samples {
            let found = db
                .lookup(ip(address))
                .unwrap_or_else(|| panic!("{address} is unknown"));
            assert_eq!(found.asn, Some(*asn), "{address}");
            let named = found.org.unwrap_or_default();
            assert!(
                named.contains(org),
                "AS{asn} is {named:?} in the database, not {org}"
            );
            let provider = CDN_ASNS.iter().find(|(a, _)| a == asn).map(|(_, p)| *p);
            assert_eq!(cdn_of(None, found.asn, &[]), provider, "AS{asn}");
            assert!(provider.is_some(), "AS{asn} is not in the CDN table");
        }
        for (asn, provider) in CDN_ASNS {
            assert!(
                samples.iter().any(|(_, a, _)| a == asn),
                "{provider} AS{asn} has no sample address here"
            );
        }
        // Numbers once given for StackPath/Highwinds name others in this database: no CDN.
        for asn in [20446, 12989] {
            assert_eq!(cdn_of(None, Some(asn), &[]), None, "AS{asn}");
        }
    }

    #[test]
    fn embedded_spot_checks() {
        let db = embedded();
        let google = info(Some(15169), Some("Google LLC"), Some("US"));
        assert_eq!(db.lookup(ip("8.8.8.8")), google);
        assert_eq!(db.lookup(ip("::ffff:8.8.8.8")), google);
        assert_eq!(db.lookup(ip("2001:4860:4860::8888")), google);
        assert_eq!(
            db.lookup(ip("193.190.198.27")),
            info(Some(2611), Some("BELNET"), Some("BE"))
        );
        assert_eq!(
            db.lookup(ip("2001:6a8::1")),
            info(Some(2611), Some("BELNET"), Some("BE"))
        );
        let cloudflare = db.lookup(ip("2606:4700:4700::1111")).unwrap();
        assert_eq!(cloudflare.asn, Some(13335));
        assert_eq!(cloudflare.org.as_deref(), Some("Cloudflare, Inc."));
    }

    /// The npm data has rows for some of these (172.16.0.0/12 and 192.168.0.0/16 "AU"); the
    /// build script cuts out every range `is_public` refuses.
    #[test]
    fn embedded_has_nothing_for_private_and_special_addresses() {
        let db = embedded();
        for addr in [
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "100.64.0.1",
            "198.51.100.7",
            "127.0.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "2001:db8::1",
            "::ffff:192.168.1.1",
        ] {
            assert_eq!(db.lookup(ip(addr)), None, "{addr}");
        }
    }

    #[test]
    fn embedded_most_specific_range_wins() {
        let db = embedded();
        let country = |addr: &str| db.lookup(ip(addr)).and_then(|i| i.country);
        // geo-whois-asn-country: 2.58.196.0-2.58.197.255 DE, nested in it 2.58.197.15 BE,
        // then 2.58.197.16-2.58.197.255 DE again.
        assert_eq!(country("2.58.197.14").as_deref(), Some("DE"));
        assert_eq!(country("2.58.197.15").as_deref(), Some("BE"));
        assert_eq!(country("2.58.197.16").as_deref(), Some("DE"));
        // asn: 214.95.0.0-215.0.255.255 AS749 overlaps 215.0.0.0-215.1.3.255 AS721; the
        // smaller range wins where they overlap.
        let asn = |addr: &str| db.lookup(ip(addr)).and_then(|i| i.asn);
        assert_eq!(asn("214.95.0.1"), Some(749));
        assert_eq!(asn("214.255.255.255"), Some(749));
        assert_eq!(asn("215.0.0.1"), Some(721));
        assert_eq!(asn("215.1.3.255"), Some(721));
    }

    #[test]
    fn embedded_description() {
        let (database_type, build_epoch) = embedded().description();
        assert_eq!(database_type, HOTLINE_DATABASE_TYPE);
        // The data date in the npm version 2.3.2026061719.
        let built = time::macros::datetime!(2026-06-17 19:00 UTC).unix_timestamp();
        assert_eq!(build_epoch, built as u64);
    }

    #[test]
    fn embedded_database_is_well_formed() {
        let db = embedded();
        assert_eq!(db.reader.metadata().ip_version, 6);
        db.reader.verify().expect("the embedded MMDB verifies");
    }

    /// Run with `cargo test --release -p hotline-network ipdb -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement, not a check"]
    fn lookup_throughput() {
        let start = std::time::Instant::now();
        let db = IpDb::embedded().unwrap();
        println!("embedded database loaded in {:?}", start.elapsed());
        let mut x: u32 = 0x1234_5678;
        let addrs: Vec<IpAddr> = (0..1_000_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                IpAddr::V4(Ipv4Addr::from(x))
            })
            .collect();
        let start = std::time::Instant::now();
        let found = addrs.iter().filter(|&&a| db.lookup(a).is_some()).count();
        let elapsed = start.elapsed();
        println!(
            "{} lookups ({found} found) in {elapsed:?}: {:.2} M/s",
            addrs.len(),
            addrs.len() as f64 / elapsed.as_secs_f64() / 1e6
        );
    }

    // Tiny MMDB files in the shapes of other databases, written here.

    enum V<'a> {
        Map(Vec<(&'a str, V<'a>)>),
        Str(&'a str),
        U16(u16),
        U32(u32),
        U64(u64),
        Arr(Vec<V<'a>>),
    }

    fn encode(out: &mut Vec<u8>, value: &V<'_>) {
        fn control(out: &mut Vec<u8>, kind: u8, size: usize) {
            assert!(size < 29 + 256, "only short values");
            let small = size.min(29) as u8;
            if kind <= 7 {
                out.push(kind << 5 | small);
            } else {
                out.push(small);
                out.push(kind - 7);
            }
            if size >= 29 {
                out.push((size - 29) as u8);
            }
        }
        match value {
            V::Str(s) => {
                control(out, 2, s.len());
                out.extend_from_slice(s.as_bytes());
            }
            V::U16(n) => {
                control(out, 5, 2);
                out.extend_from_slice(&n.to_be_bytes());
            }
            V::U32(n) => {
                control(out, 6, 4);
                out.extend_from_slice(&n.to_be_bytes());
            }
            V::U64(n) => {
                control(out, 9, 8);
                out.extend_from_slice(&n.to_be_bytes());
            }
            V::Map(pairs) => {
                control(out, 7, pairs.len());
                for (key, value) in pairs {
                    encode(out, &V::Str(key));
                    encode(out, value);
                }
            }
            V::Arr(items) => {
                control(out, 11, items.len());
                for item in items {
                    encode(out, item);
                }
            }
        }
    }

    /// An MMDB whose only record, `record`, covers 8.8.8.0/24 (in an IPv6 database: under
    /// ::/96, where IPv4 lives).
    fn tiny_mmdb(ip_version: u16, database_type: &str, record: V<'_>) -> Vec<u8> {
        let network = u32::from(Ipv4Addr::new(8, 8, 8, 0));
        let mut path: Vec<bool> = Vec::new();
        if ip_version == 6 {
            path.resize(96, false);
        }
        path.extend((0..24).map(|i| network >> (31 - i) & 1 == 1));
        let node_count = path.len() as u32;
        let data = node_count + 16;
        let mut out = Vec::new();
        for (i, &bit) in path.iter().enumerate() {
            let next = if i + 1 < path.len() {
                i as u32 + 1
            } else {
                data
            };
            let (left, right) = if bit {
                (node_count, next)
            } else {
                (next, node_count)
            };
            out.extend_from_slice(&left.to_be_bytes()[1..]);
            out.extend_from_slice(&right.to_be_bytes()[1..]);
        }
        out.extend_from_slice(&[0; 16]);
        encode(&mut out, &record);
        out.extend_from_slice(b"\xab\xcd\xefMaxMind.com");
        let metadata = V::Map(vec![
            ("binary_format_major_version", V::U16(2)),
            ("binary_format_minor_version", V::U16(0)),
            ("build_epoch", V::U64(1_700_000_000)),
            ("database_type", V::Str(database_type)),
            ("description", V::Map(vec![("en", V::Str("test"))])),
            ("ip_version", V::U16(ip_version)),
            ("languages", V::Arr(vec![V::Str("en")])),
            ("node_count", V::U32(node_count)),
            ("record_size", V::U16(24)),
        ]);
        encode(&mut out, &metadata);
        out
    }

    fn lookup_tiny(ip_version: u16, record: V<'_>) -> Option<IpInfo> {
        let db = IpDb::from_bytes(tiny_mmdb(ip_version, "test", record)).unwrap();
        db.reader.verify().unwrap();
        assert_eq!(db.lookup(ip("8.8.4.4")), None);
        db.lookup(ip("8.8.8.8"))
    }

    fn names<'a>(en: &'a str) -> V<'a> {
        V::Map(vec![("en", V::Str(en)), ("de", V::Str(en))])
    }

    #[test]
    fn reads_the_hotline_shape() {
        let record = V::Map(vec![
            ("asn", V::U32(15169)),
            ("org", V::Str("Google LLC")),
            ("cc", V::Str("US")),
        ]);
        assert_eq!(
            lookup_tiny(6, record),
            info(Some(15169), Some("Google LLC"), Some("US"))
        );
    }

    #[test]
    fn reads_geolite2_asn() {
        let record = V::Map(vec![
            ("autonomous_system_number", V::U32(15169)),
            ("autonomous_system_organization", V::Str("GOOGLE")),
        ]);
        assert_eq!(
            lookup_tiny(4, record),
            info(Some(15169), Some("GOOGLE"), None)
        );
    }

    #[test]
    fn reads_geolite2_country_and_city() {
        let country = |code| {
            V::Map(vec![
                ("geoname_id", V::U32(6252001)),
                ("iso_code", V::Str(code)),
                ("names", names("United States")),
            ])
        };
        let record = V::Map(vec![
            (
                "continent",
                V::Map(vec![
                    ("code", V::Str("NA")),
                    ("names", names("North America")),
                ]),
            ),
            ("country", country("US")),
            ("registered_country", country("CA")),
            (
                "location",
                V::Map(vec![("time_zone", V::Str("America/Chicago"))]),
            ),
        ]);
        assert_eq!(lookup_tiny(6, record), info(None, None, Some("US")));

        // Without a country (anycast, satellite): the registered country.
        let record = V::Map(vec![("registered_country", country("CA"))]);
        assert_eq!(lookup_tiny(6, record), info(None, None, Some("CA")));
    }

    #[test]
    fn reads_ipinfo() {
        // IPinfo Lite.
        let record = V::Map(vec![
            ("asn", V::Str("AS15169")),
            ("as_name", V::Str("Google LLC")),
            ("as_domain", V::Str("google.com")),
            ("country_code", V::Str("US")),
            ("country", V::Str("United States")),
            ("continent_code", V::Str("NA")),
        ]);
        assert_eq!(
            lookup_tiny(6, record),
            info(Some(15169), Some("Google LLC"), Some("US"))
        );
        // IPinfo country_asn.
        let record = V::Map(vec![
            ("start_ip", V::Str("8.8.8.0")),
            ("end_ip", V::Str("8.8.8.255")),
            ("country", V::Str("US")),
            ("country_name", V::Str("United States")),
            ("asn", V::Str("AS15169")),
            ("as_name", V::Str("Google LLC")),
        ]);
        assert_eq!(
            lookup_tiny(6, record),
            info(Some(15169), Some("Google LLC"), Some("US"))
        );
    }

    #[test]
    fn reads_ip_location_db_country() {
        let record = V::Map(vec![("country_code", V::Str("be"))]);
        assert_eq!(lookup_tiny(4, record), info(None, None, Some("BE")));
    }

    #[test]
    fn records_without_known_fields_give_nothing() {
        let record = V::Map(vec![("connection_type", V::Str("Cable/DSL"))]);
        assert_eq!(lookup_tiny(6, record), None);
    }

    #[test]
    fn ipv6_in_an_ipv4_database() {
        let record = V::Map(vec![("country_code", V::Str("US"))]);
        let db = IpDb::from_bytes(tiny_mmdb(4, "test", record)).unwrap();
        assert_eq!(db.lookup(ip("2001:4860:4860::8888")), None);
        assert_eq!(
            db.lookup(IpAddr::V6(Ipv4Addr::new(8, 8, 8, 8).to_ipv6_mapped())),
            info(None, None, Some("US"))
        );
        assert_eq!(db.lookup(IpAddr::V6(Ipv6Addr::LOCALHOST)), None);
    }

    #[test]
    fn open_reads_a_file() {
        let dir = std::env::temp_dir().join(format!("hotline-ipdb-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("GeoLite2-ASN.mmdb");
        let record = V::Map(vec![
            ("autonomous_system_number", V::U32(15169)),
            ("autonomous_system_organization", V::Str("GOOGLE")),
        ]);
        std::fs::write(&path, tiny_mmdb(6, "GeoLite2-ASN", record)).unwrap();
        let db = IpDb::open(&path).unwrap();
        assert_eq!(db.description(), ("GeoLite2-ASN", 1_700_000_000));
        assert_eq!(
            db.lookup(ip("8.8.8.8")),
            info(Some(15169), Some("GOOGLE"), None)
        );

        std::fs::write(&path, b"not a database").unwrap();
        assert!(matches!(IpDb::open(&path), Err(IpDbError::Invalid(_))));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(matches!(IpDb::open(&path), Err(IpDbError::Read { .. })));
    }
}
