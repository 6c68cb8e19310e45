//! Canonical addresses (docs/SPEC.md §3).
//!
//! Two reports name the same content exactly when their canonical forms are equal, so this
//! module decides which reports join which case. It parses as a WHATWG URL (the `url` crate),
//! which already lower-cases, converts IDN hosts to punycode, reads obfuscated numeric IPv4
//! hosts, compresses IPv6, drops default ports, treats `\` as `/` and resolves dot-segments.
//! On top of that we remove what WHATWG keeps but a hotline must not distinguish: user-info,
//! fragments, a host's trailing dot, and needless percent-encoding in the path.

use std::fmt;

use serde::Serialize;
use url::{Host, Url};

/// Longest canonical address accepted, in bytes. Real addresses are far shorter; the cap keeps
/// hostile input from filling the database.
pub const MAX_ADDRESS_LEN: usize = 4096;

const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "ftp"];

/// Why an address was refused. The message is shown to reporters and analysts as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("the address is empty")]
    Empty,
    #[error("the address is longer than {MAX_ADDRESS_LEN} characters")]
    TooLong,
    #[error("addresses with the scheme \"{0}\" are not accepted; use http, https or ftp")]
    SchemeNotAllowed(String),
    #[error("the address has no host name")]
    NoHost,
    #[error("this is not a valid web address: {0}")]
    Invalid(String),
}

/// An address in canonical form, with what the hotline needs to know about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CanonicalAddress {
    /// The canonical form; equal forms mean the same case.
    pub canonical: String,
    pub scheme: String,
    /// Host in ASCII (punycode), dotted IPv4, or bracketed IPv6.
    pub host: String,
    /// Registrable domain from the Public Suffix List; `None` for IP literals.
    pub registrable_domain: Option<String>,
    pub ip_literal: bool,
    pub onion: bool,
    /// The address carried a user name or password, which was removed.
    pub had_userinfo: bool,
}

impl fmt::Display for CanonicalAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical)
    }
}

impl CanonicalAddress {
    /// Parses and canonicalises one address as a reporter typed or pasted it.
    pub fn parse(input: &str) -> Result<Self, AddressError> {
        let trimmed = trim_wrapping(input);
        if trimmed.is_empty() {
            return Err(AddressError::Empty);
        }
        if trimmed.len() > MAX_ADDRESS_LEN {
            return Err(AddressError::TooLong);
        }
        let refanged = refang(trimmed);
        let with_scheme = with_scheme(&refanged)?;
        if let Some(simple) = Self::simple(&with_scheme) {
            return Ok(simple);
        }
        Self::whatwg(&with_scheme)
    }

    /// The full canonicalisation through the WHATWG parser, without the shortcut for simple
    /// addresses. Public only so that the fuzz target can compare the two.
    #[doc(hidden)]
    pub fn parse_without_shortcut(input: &str) -> Result<Self, AddressError> {
        let trimmed = trim_wrapping(input);
        if trimmed.is_empty() {
            return Err(AddressError::Empty);
        }
        if trimmed.len() > MAX_ADDRESS_LEN {
            return Err(AddressError::TooLong);
        }
        Self::whatwg(&with_scheme(&refang(trimmed))?)
    }

    /// Most reported addresses are already canonical but for the case of the scheme and host:
    /// `http(s)://` and lower-case-able letters, digits and hyphens in the host, no port,
    /// user-info, fragment, percent sign, dot-segment or character WHATWG would encode. For
    /// those the canonical form is the input with the scheme and host lower-cased, which is
    /// three times faster than the full parse (issue 9 asks for 1M addresses/s). Anything else
    /// returns `None` and takes the WHATWG path; `shortcut_agrees_with_whatwg` and the
    /// canonicalise fuzz target check that both give the same answer.
    fn simple(input: &str) -> Option<Self> {
        let starts = |prefix: &str| {
            input
                .get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        };
        let (scheme, rest) = if starts("http://") {
            ("http", &input[7..])
        } else if starts("https://") {
            ("https", &input[8..])
        } else {
            return None;
        };
        let host_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (host, tail) = rest.split_at(host_end);
        if host.is_empty() || host.len() > 253 {
            return None;
        }
        let mut last_label = "";
        for label in host.split('.') {
            let bytes = label.as_bytes();
            let plain = !bytes.is_empty()
                && bytes.len() <= 63
                && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
                && bytes[0] != b'-'
                && bytes[bytes.len() - 1] != b'-'
                // `xn--` and other reserved `??--` labels go through IDNA.
                && bytes.get(2..4) != Some(b"--");
            if !plain {
                return None;
            }
            last_label = label;
        }
        // A last label starting with a digit may make the host an IPv4 address (`0x7f.1`).
        if !last_label.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let (path, query) = match tail.find('?') {
            Some(q) => tail.split_at(q),
            None => (tail, ""),
        };
        let path_ok = path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b))
            && !path.split('/').any(|seg| seg == "." || seg == "..");
        // WHATWG encodes `'` in the query of http(s) addresses.
        let query_ok = query
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~!$&()*+,;=:@/?".contains(&b));
        if !path_ok || !query_ok {
            return None;
        }
        let host = host.to_ascii_lowercase();
        let mut canonical = String::with_capacity(scheme.len() + 3 + host.len() + tail.len() + 1);
        canonical.push_str(scheme);
        canonical.push_str("://");
        canonical.push_str(&host);
        if path.is_empty() {
            canonical.push('/');
        }
        canonical.push_str(tail);
        if canonical.len() > MAX_ADDRESS_LEN {
            return None;
        }
        let onion = crate::trace::is_onion(&host);
        Some(Self {
            canonical,
            scheme: scheme.to_owned(),
            registrable_domain: psl::domain_str(&host).map(str::to_owned),
            host,
            ip_literal: false,
            onion,
            had_userinfo: false,
        })
    }

    fn whatwg(with_scheme: &str) -> Result<Self, AddressError> {
        let mut url = Url::parse(with_scheme).map_err(|e| match e {
            url::ParseError::EmptyHost => AddressError::NoHost,
            other => AddressError::Invalid(other.to_string()),
        })?;
        let scheme = url.scheme().to_owned();
        if !ALLOWED_SCHEMES.contains(&scheme.as_str()) {
            return Err(AddressError::SchemeNotAllowed(scheme));
        }

        let had_userinfo = !url.username().is_empty() || url.password().is_some();
        if had_userinfo {
            // Setting these cannot fail on a URL with a host, which http/https/ftp always have.
            let _ = url.set_username("");
            let _ = url.set_password(None);
        }
        if url.fragment().is_some() {
            url.set_fragment(None);
        }

        let (host, ip_literal) = match url.host() {
            None => return Err(AddressError::NoHost),
            Some(Host::Domain(d)) => {
                // A `(.)` can reach the host without passing through `refang` (`/a(.)b`
                // becomes host `a(.)b`), and replacing one can form another (`((.))`):
                // repeat until none is left, or the next pass would refang it (fuzz finding).
                let mut d = std::borrow::Cow::Borrowed(d);
                while d.contains("(.)") {
                    d = std::borrow::Cow::Owned(d.replace("(.)", "."));
                }
                // Every trailing dot goes, not just one: `a.test..` must not become `a.test.`,
                // whose own canonical form would differ (found by the canonicalise fuzz target).
                let d = d.trim_end_matches('.').to_owned();
                if d.is_empty() || d.starts_with('.') {
                    return Err(AddressError::NoHost);
                }
                (d, false)
            }
            Some(Host::Ipv4(ip)) => (ip.to_string(), true),
            Some(Host::Ipv6(ip)) => (format!("[{ip}]"), true),
        };
        if !ip_literal && url.host_str() != Some(host.as_str()) {
            url.set_host(Some(&host))
                .map_err(|e| AddressError::Invalid(e.to_string()))?;
        }

        if url.path().contains('%') {
            let path = normalise_percent_encoding(url.path());
            if path != url.path() {
                url.set_path(&path);
            }
        }

        let canonical: String = url.into();
        if canonical.len() > MAX_ADDRESS_LEN {
            return Err(AddressError::TooLong);
        }
        let registrable_domain = if ip_literal {
            None
        } else {
            psl::domain_str(&host).map(str::to_owned)
        };
        let onion = !ip_literal && crate::trace::is_onion(&host);
        Ok(Self {
            canonical,
            scheme,
            host,
            registrable_domain,
            ip_literal,
            onion,
            had_userinfo,
        })
    }

    /// The address made unclickable for display (`hxxps://example[.]com/...`): analysts
    /// working `forward-unopened` must not open it by accident, and copy-paste into a
    /// browser does not work.
    pub fn defanged(&self) -> String {
        defang(&self.canonical)
    }
}

/// Makes any address text unclickable: `http` → `hxxp`, `ftp` → `fxp`, dots of the host → `[.]`.
pub fn defang(address: &str) -> String {
    let (scheme, rest) = match address.split_once("://") {
        Some((s, r)) => (s, r),
        None => ("", address),
    };
    let scheme = match scheme.to_ascii_lowercase().as_str() {
        "" => String::new(),
        "http" => "hxxp://".to_owned(),
        "https" => "hxxps://".to_owned(),
        "ftp" => "fxp://".to_owned(),
        other => format!("{other}[:]//"),
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(host_end);
    format!("{scheme}{}{tail}", host.replace('.', "[.]"))
}

/// Removes white space and the wrappers people paste around addresses (`<…>`, quotes).
fn trim_wrapping(input: &str) -> &str {
    let mut s = input.trim();
    for (open, close) in [('<', '>'), ('"', '"'), ('\'', '\'')] {
        if s.len() >= 2 && s.starts_with(open) && s.ends_with(close) {
            s = s[1..s.len() - 1].trim();
        }
    }
    s
}

/// Undoes the usual defanging (`hxxp`, `[.]`, `(.)`, `[:]`), so that a partner's or a
/// reporter's defanged address joins the same case as the live one. Only the scheme and the
/// host are refanged: the path and the query are kept as given, so a canonical address whose
/// path holds `[.]` stays what it is (found by the canonicalise fuzz target).
fn refang(input: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // Most addresses are not defanged: no copy for them.
    let mut s: Cow<str> = if input.contains(['[', '(']) {
        let start = input.find("://").map_or(0, |i| i + 3);
        let end = input[start..]
            .find(['/', '?', '#'])
            .map_or(input.len(), |i| start + i);
        let (head, tail) = input.split_at(end);
        Cow::Owned(
            head.replace("[.]", ".")
                .replace("(.)", ".")
                .replace("[:]", ":")
                + tail,
        )
    } else {
        Cow::Borrowed(input)
    };
    for (fanged, live) in [
        ("hxxps://", "https://"),
        ("hxxp://", "http://"),
        ("fxp://", "ftp://"),
    ] {
        if s.get(..fanged.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(fanged))
        {
            s = Cow::Owned(format!("{live}{}", &s[fanged.len()..]));
            break;
        }
    }
    s
}

/// Adds `http://` when the reporter gave no scheme, and tells a real scheme
/// (`javascript:`, `mailto:`) apart from a host with a port (`example.com:8080/x`).
fn with_scheme(input: &str) -> Result<std::borrow::Cow<'_, str>, AddressError> {
    if let Some(colon) = input.find(':') {
        let candidate = &input[..colon];
        let rest = &input[colon + 1..];
        let looks_like_scheme = !candidate.is_empty()
            && candidate.starts_with(|c: char| c.is_ascii_alphabetic())
            && candidate
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if looks_like_scheme {
            if rest.starts_with("//")
                || ALLOWED_SCHEMES
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(candidate))
            {
                return Ok(input.into());
            }
            let port_len = rest.bytes().take_while(u8::is_ascii_digit).count();
            let after_port = &rest[port_len..];
            let is_port = port_len > 0
                && (after_port.is_empty() || after_port.starts_with(['/', '?', '#', '\\']));
            if !is_port {
                return Err(AddressError::SchemeNotAllowed(
                    candidate.to_ascii_lowercase(),
                ));
            }
        }
    }
    if input.starts_with("//") {
        return Ok(format!("http:{input}").into());
    }
    Ok(format!("http://{input}").into())
}

/// Decodes percent-encoded unreserved characters and upper-cases the hex of the others
/// (RFC 3986 §6.2.2.2). Everything else in the path is left as WHATWG serialised it.
fn normalise_percent_encoding(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = String::with_capacity(path.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = path.get(i + 1..i + 3).unwrap_or("");
            // from_str_radix alone would also take "+1".
            let is_hex = hex.len() == 2 && hex.bytes().all(|b| b.is_ascii_hexdigit());
            if let (true, Ok(value)) = (is_hex, u8::from_str_radix(hex, 16)) {
                // A decoded hex digit after a stray `%` (or `%` and one hex digit) would form
                // a new escape that the next pass decodes: it stays encoded (a fuzz finding).
                let tail = out.as_bytes();
                let forms_escape = value.is_ascii_hexdigit()
                    && (tail.last() == Some(&b'%')
                        || (tail.len() >= 2
                            && tail[tail.len() - 2] == b'%'
                            && tail[tail.len() - 1].is_ascii_hexdigit()));
                if !forms_escape
                    && (value.is_ascii_alphanumeric() || matches!(value, b'-' | b'.' | b'_' | b'~'))
                {
                    out.push(char::from(value));
                } else {
                    out.push('%');
                    out.push_str(&hex.to_ascii_uppercase());
                }
                i += 3;
                continue;
            }
        }
        // Copy whole characters so multi-byte UTF-8 is never split.
        let ch_len = path[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&path[i..i + ch_len]);
        i += ch_len;
    }
    out
}

#[cfg(test)]
mod tests {
    /// Fuzz findings (`fuzz/findings/`): a host with two trailing dots, `[.]` formed in a
    /// path, an escape formed by decoding one after a stray `%`, and `(.)` reaching the host
    /// without being refanged. The canonical form must be a fixed point, so one address typed
    /// two ways opens one case.
    #[test]
    fn canonical_forms_found_by_fuzzing_are_fixed_points() {
        let found = String::from_utf8_lossy(include_bytes!(
            "../../../fuzz/findings/canonicalise-not-idempotent-trailing-dot"
        ))
        .into_owned();
        let in_path = String::from_utf8_lossy(include_bytes!(
            "../../../fuzz/findings/canonicalise-refang-in-path"
        ))
        .into_owned();
        let escape = String::from_utf8_lossy(include_bytes!(
            "../../../fuzz/findings/canonicalise-escape-formed-by-decoding"
        ))
        .into_owned();
        let in_host = String::from_utf8_lossy(include_bytes!(
            "../../../fuzz/findings/canonicalise-refang-formed-in-host"
        ))
        .into_owned();
        for input in [
            "hkva../xn-ttp",
            "http://example.com../a",
            "http://example.com/a[.]b?q=[.]",
            found.as_str(),
            in_path.as_str(),
            escape.as_str(),
            in_host.as_str(),
            "/a((.))b.test/x",
            "http://example.com/%6%421/%%41",
        ] {
            let Ok(a) = CanonicalAddress::parse(input) else {
                continue;
            };
            let again = CanonicalAddress::parse(&a.canonical).unwrap();
            assert_eq!(again.canonical, a.canonical, "{input:?}");
        }
        assert_eq!(
            CanonicalAddress::parse("http://example.com../a")
                .unwrap()
                .canonical,
            "http://example.com/a"
        );
        assert_eq!(
            CanonicalAddress::parse("/a((.))b.test/x")
                .unwrap()
                .canonical,
            "http://a.b.test/x"
        );
        // Defanging is undone in the host only; the path and query are kept as given.
        assert_eq!(
            CanonicalAddress::parse("hxxp://example[.]com/a[.]b?q=[.]")
                .unwrap()
                .canonical,
            "http://example.com/a[.]b?q=[.]"
        );
    }

    use super::*;

    fn canon(s: &str) -> String {
        CanonicalAddress::parse(s)
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .canonical
    }

    #[test]
    fn adds_http_and_root_path() {
        assert_eq!(canon("example.com"), "http://example.com/");
        assert_eq!(canon("  Example.COM  "), "http://example.com/");
        assert_eq!(canon("//example.com/a"), "http://example.com/a");
        assert_eq!(canon("example.com:8080/x"), "http://example.com:8080/x");
        assert_eq!(canon("localhost:81"), "http://localhost:81/");
    }

    #[test]
    fn refuses_other_schemes_by_name() {
        assert_eq!(
            CanonicalAddress::parse("javascript:alert(1)"),
            Err(AddressError::SchemeNotAllowed("javascript".into()))
        );
        assert_eq!(
            CanonicalAddress::parse("mailto:someone@example.com"),
            Err(AddressError::SchemeNotAllowed("mailto".into()))
        );
        assert_eq!(
            CanonicalAddress::parse("FILE:///etc/passwd"),
            Err(AddressError::SchemeNotAllowed("file".into()))
        );
        assert_eq!(
            CanonicalAddress::parse("gopher://example.com/"),
            Err(AddressError::SchemeNotAllowed("gopher".into()))
        );
        assert_eq!(CanonicalAddress::parse("   "), Err(AddressError::Empty));
        assert!(matches!(
            CanonicalAddress::parse("http://"),
            Err(AddressError::NoHost | AddressError::Invalid(_))
        ));
    }

    #[test]
    fn lower_cases_and_drops_defaults() {
        assert_eq!(
            canon("HTTPS://WWW.Example.COM:443/Path?Q=1#frag"),
            "https://www.example.com/Path?Q=1"
        );
        assert_eq!(canon("http://example.com:80/"), "http://example.com/");
        assert_eq!(canon("ftp://example.com:21/a"), "ftp://example.com/a");
        assert_eq!(canon("http://example.com./a"), "http://example.com/a");
    }

    #[test]
    fn removes_and_flags_userinfo() {
        let a = CanonicalAddress::parse("http://user:pw@example.com/a").unwrap();
        assert_eq!(a.canonical, "http://example.com/a");
        assert!(a.had_userinfo);
        assert!(
            !CanonicalAddress::parse("http://example.com/")
                .unwrap()
                .had_userinfo
        );
    }

    #[test]
    fn numeric_hosts_become_dotted_ipv4() {
        // docs/SPEC.md §3's own examples (3232235777, 0xC0.0250.1.1) name a private address; these
        // are the same spellings of a documentation address.
        assert_eq!(canon("http://3221225985/"), "http://192.0.2.1/");
        assert_eq!(canon("http://0xC0.0.02.1/"), "http://192.0.2.1/");
        assert_eq!(canon("http://0300.0.2.1/"), "http://192.0.2.1/");
        assert_eq!(canon("http://0xc0000201/x"), "http://192.0.2.1/x");
        let a = CanonicalAddress::parse("http://192.0.2.1/").unwrap();
        assert!(a.ip_literal);
        assert_eq!(a.registrable_domain, None);
    }

    #[test]
    fn ipv6_is_compressed() {
        assert_eq!(
            canon("http://[2001:0db8:0000:0000:0000:0000:0000:0001]:80/"),
            "http://[2001:db8::1]/"
        );
        assert_eq!(
            CanonicalAddress::parse("http://[2001:DB8::1]/")
                .unwrap()
                .host,
            "[2001:db8::1]"
        );
    }

    #[test]
    fn idn_becomes_punycode() {
        let a = CanonicalAddress::parse("http://bücher.example/ä").unwrap();
        assert_eq!(a.canonical, "http://xn--bcher-kva.example/%C3%A4");
        assert_eq!(a.host, "xn--bcher-kva.example");
    }

    #[test]
    fn percent_encoding_and_dot_segments() {
        assert_eq!(
            canon("http://example.com/%7euser/%2f%41"),
            "http://example.com/~user/%2FA"
        );
        assert_eq!(
            canon("http://example.com/a/./b/../c"),
            "http://example.com/a/c"
        );
        assert_eq!(
            canon("http://example.com/a/%2e%2e/c"),
            "http://example.com/c"
        );
        assert_eq!(
            canon("http://example.com/a?x=%7e&y=%2f"),
            "http://example.com/a?x=%7e&y=%2f"
        );
    }

    #[test]
    fn backslashes_are_slashes() {
        assert_eq!(
            canon("http:\\\\example.com\\a\\b"),
            "http://example.com/a/b"
        );
    }

    #[test]
    fn www_is_kept() {
        assert_ne!(canon("www.example.com"), canon("example.com"));
    }

    #[test]
    fn defanged_input_is_refanged() {
        assert_eq!(canon("hxxps://example[.]com/a"), "https://example.com/a");
        assert_eq!(canon("<http://example.com/a>"), "http://example.com/a");
    }

    #[test]
    fn registrable_domain_and_onion() {
        let a = CanonicalAddress::parse("http://a.b.example.co.uk/").unwrap();
        assert_eq!(a.registrable_domain.as_deref(), Some("example.co.uk"));
        let o = CanonicalAddress::parse("http://abcdefghijklmnop.onion/x").unwrap();
        assert!(o.onion);
    }

    #[test]
    fn defang_makes_addresses_unclickable() {
        let a = CanonicalAddress::parse("https://www.example.com/a.b?c.d").unwrap();
        assert_eq!(a.defanged(), "hxxps://www[.]example[.]com/a.b?c.d");
        assert_eq!(
            canon(&a.defanged()),
            a.canonical,
            "defanged text canonicalises back"
        );
    }

    #[test]
    fn too_long_is_refused() {
        let long = format!("http://example.com/{}", "a".repeat(MAX_ADDRESS_LEN));
        assert_eq!(CanonicalAddress::parse(&long), Err(AddressError::TooLong));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Hosts under reserved names only.
    fn host() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z][a-z0-9-]{0,10}\\.example\\.(com|org|test)",
            "[a-z]{1,8}\\.test",
            Just("bücher.example".to_owned()),
            (0u8..=255).prop_map(|n| format!("192.0.2.{n}")),
            (0u16..=0xffff).prop_map(|n| format!("[2001:db8::{n:x}]")),
        ]
    }

    fn path() -> impl Strategy<Value = String> {
        proptest::collection::vec("[a-zA-Z0-9._~!$&'()*+,;=:@%-]{0,8}", 0..5)
            .prop_map(|segs| format!("/{}", segs.join("/")))
    }

    /// Characters that may be written plainly or percent-encoded without changing meaning.
    fn respell_unreserved(path: &str, mask: u64) -> String {
        path.chars()
            .enumerate()
            .map(|(i, c)| {
                if c.is_ascii_alphanumeric() && mask & (1 << (i % 64)) != 0 {
                    format!("%{:02x}", c as u8)
                } else {
                    c.to_string()
                }
            })
            .collect()
    }

    /// Inputs near the edges of the shortcut for simple addresses: every piece is either plain
    /// or one of the forms that must send the address through the WHATWG parser.
    fn near_simple() -> impl Strategy<Value = String> {
        let odd_scheme = prop_oneof![
            Just(""),
            Just("ftp://"),
            Just("//"),
            Just("http:/"),
            Just("https:///")
        ];
        let scheme = prop_oneof![
            6 => prop_oneof![Just("http://"), Just("HTTPS://"), Just("hTtP://")],
            1 => odd_scheme,
        ];
        let odd_label = prop_oneof![
            "[0-9]{1,3}",
            Just("0x7f".to_owned()),
            Just("xn--bcher-kva".to_owned()),
            Just("XN--abc".to_owned()),
            Just("ab--c".to_owned()),
            Just("-a".to_owned()),
            Just("a_b".to_owned()),
            Just("ß".to_owned()),
            Just("".to_owned()),
            Just("%41".to_owned()),
        ];
        let label = prop_oneof![
            12 => "[a-zA-Z][a-zA-Z0-9-]{0,6}[a-zA-Z0-9]",
            2 => "[a-z]",
            1 => odd_label,
        ];
        let host = proptest::collection::vec(label, 1..4).prop_map(|l| l.join("."));
        let port = prop_oneof![
            8 => Just(""),
            1 => prop_oneof![Just(":80"), Just(":443"), Just(":8080"), Just(":")],
        ];
        let odd_segment = prop_oneof![
            Just(".".to_owned()),
            Just("..".to_owned()),
            Just("%2e".to_owned()),
            Just("a|b".to_owned()),
            Just("a b".to_owned()),
            Just("é".to_owned()),
            Just("a\\b".to_owned()),
            Just("{x}".to_owned()),
            Just("`".to_owned()),
            Just("a\tb".to_owned()),
            Just("[.]".to_owned()),
        ];
        let segment = prop_oneof![
            12 => "[a-zA-Z0-9._~'@:()!$&*+,;=-]{0,6}",
            1 => odd_segment,
        ];
        let path = proptest::collection::vec(segment, 0..4).prop_map(|s| {
            if s.is_empty() {
                String::new()
            } else {
                format!("/{}", s.join("/"))
            }
        });
        let query = prop_oneof![
            4 => Just("".to_owned()),
            4 => "\\?[a-z0-9=&/?:@!$()*+,;~.-]{0,10}",
            1 => prop_oneof![
                Just("?".to_owned()),
                Just("?'".to_owned()),
                Just("?a b".to_owned()),
                Just("?%41".to_owned()),
            ],
        ];
        let fragment = prop_oneof![8 => Just(""), 1 => Just("#f"), 1 => Just("#")];
        (scheme, host, port, path, query, fragment)
            .prop_map(|(s, h, p, pa, q, f)| format!("{s}{h}{p}{pa}{q}{f}"))
    }

    /// The shortcut for simple addresses and the full WHATWG parse agree on every input near
    /// the shortcut's edges, and the shortcut is really taken for a good share of them.
    #[test]
    fn shortcut_agrees_with_whatwg() {
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(4096));
        let taken = std::cell::Cell::new(0u32);
        runner
            .run(&near_simple(), |input| {
                let refanged = refang(trim_wrapping(&input));
                let prepared = with_scheme(&refanged).ok();
                if prepared
                    .as_deref()
                    .and_then(CanonicalAddress::simple)
                    .is_some()
                {
                    taken.set(taken.get() + 1);
                }
                prop_assert_eq!(
                    CanonicalAddress::parse(&input),
                    CanonicalAddress::parse_without_shortcut(&input),
                    "{:?}",
                    input
                );
                Ok(())
            })
            .unwrap();
        assert!(
            taken.get() > 200,
            "the shortcut was taken {} times",
            taken.get()
        );
    }

    #[test]
    fn the_shortcut_takes_plain_addresses_only() {
        let simple = |s: &str| CanonicalAddress::simple(s).map(|a| a.canonical);
        assert_eq!(
            simple("HTTPS://WWW.Example.com/A/b.jpg?x=1&y=Z"),
            Some("https://www.example.com/A/b.jpg?x=1&y=Z".to_owned())
        );
        assert_eq!(
            simple("http://example.com"),
            Some("http://example.com/".to_owned())
        );
        for other in [
            "http://192.0.2.1/",
            "http://0x7f.1/",
            "http://xn--bcher-kva.example/",
            "http://example.com:8080/",
            "http://user@example.com/",
            "http://example.com/a/../b",
            "http://example.com/%41",
            "http://example.com/a#f",
            "http://example.com/?q='",
            "http://example.com./",
            "ftp://example.com/",
        ] {
            assert_eq!(simple(other), None, "{other}");
        }
    }

    proptest! {
        #[test]
        fn canonical_form_is_a_fixed_point(input in "\\PC{0,60}") {
            if let Ok(a) = CanonicalAddress::parse(&input) {
                let again = CanonicalAddress::parse(&a.canonical).expect("canonical form parses");
                prop_assert_eq!(again.canonical, a.canonical);
            }
        }

        #[test]
        fn structured_addresses_are_fixed_points(h in host(), p in path(), q in "(\\?[a-z0-9=&%]{0,12})?") {
            let input = format!("https://{h}{p}{q}");
            if let Ok(a) = CanonicalAddress::parse(&input) {
                let again = CanonicalAddress::parse(&a.canonical).unwrap();
                prop_assert_eq!(again.canonical, a.canonical);
            }
        }

        #[test]
        fn spellings_of_one_address_agree(
            h in host(),
            p in "(/[a-zA-Z0-9_~-]{1,8}){0,4}",
            q in "(\\?[a-z0-9=&]{1,12})?",
            upper_mask in any::<u64>(),
            enc_mask in any::<u64>(),
            with_scheme in any::<bool>(),
            with_port in any::<bool>(),
            with_user in any::<bool>(),
            with_dot in any::<bool>(),
            with_fragment in any::<bool>(),
            with_backslash in any::<bool>(),
        ) {
            let plain = format!("http://{h}{}{q}", if p.is_empty() { "/" } else { &p });
            let host_spelling: String = h.chars().enumerate()
                .map(|(i, c)| if upper_mask & (1 << (i % 64)) != 0 { c.to_uppercase().to_string() } else { c.to_string() })
                .collect();
            let host_spelling = if with_dot && !h.starts_with('[') && !h.chars().all(|c| c.is_ascii_digit() || c == '.') {
                format!("{host_spelling}.")
            } else {
                host_spelling
            };
            let mut path_spelling = respell_unreserved(&p, enc_mask);
            if with_backslash {
                path_spelling = path_spelling.replace('/', "\\");
            }
            let other = format!(
                "{}{}{}{}{}{}{}",
                if with_scheme { "HTTP://" } else { "" },
                if with_user { "user:secret@" } else { "" },
                host_spelling,
                if with_port { ":80" } else { "" },
                path_spelling,
                q,
                if with_fragment { "#part" } else { "" },
            );
            // Without a scheme, "user:secret@host" would read as a scheme; skip that pairing.
            prop_assume!(with_scheme || !with_user);
            prop_assume!(with_scheme || !with_backslash);
            let a = CanonicalAddress::parse(&plain).unwrap();
            let b = CanonicalAddress::parse(&other).unwrap_or_else(|e| panic!("{other}: {e}"));
            prop_assert_eq!(a.canonical, b.canonical, "{} vs {}", plain, other);
        }
    }
}
