//! Configuration (docs/SPEC.md §6): a TOML file, overlaid by `HOTLINE_<SECTION>__<KEY>` environment
//! variables. Defaults make a working Belgian-style hotline.

use std::path::Path;

use anyhow::{Context, bail};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

use hotline_domain::monitoring::MonitoringPolicy;
use hotline_domain::{Language, Procedure};
use hotline_network::NetworkPolicy;

/// The top-level keys of the configuration: only `HOTLINE_*` variables that start with one of
/// these are configuration (others, such as `HOTLINE_LISTEN` or the test suites' variables,
/// belong to the command line or to tools). Within a section, unknown keys are errors, so a
/// typo such as `HOTLINE_NETWORK__OFLINE` is reported rather than ignored.
const TOP_LEVEL: &[&str] = &[
    "notices",
    "monitoring",
    "blocklist",
    "procedure",
    "default_language",
    "network",
    "intake",
    "national",
    "staff",
    "public",
    "alerts",
    "police",
    "doctor",
    "retention",
    "http",
];

/// Everything that can be set in `hotline.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `assess` or `forward-unopened` (docs/SPEC.md §1).
    pub procedure: Procedure,
    /// When `Accept-Language` names none of nl, fr, de, en.
    pub default_language: Language,
    pub network: NetworkPolicy,
    pub intake: Intake,
    pub national: National,
    pub staff: Staff,
    pub public: Public,
    pub notices: Notices,
    /// Checks until removal, repeated notices, escalation.
    pub monitoring: MonitoringPolicy,
    pub blocklist: Blocklist,
    pub alerts: Alerts,
    pub police: Police,
    pub doctor: Doctor,
    /// How long each kind of personal data is kept (days; 0 = for ever).
    pub retention: hotline_domain::retention::RetentionPolicy,
    /// HTTP hardening: TLS headers, limits, metrics access.
    pub http: hotline_web::hardening::HttpPolicy,
}

/// The blocklist for ISPs (`hotline export blocklist`, `GET /api/v1/blocklist`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Blocklist {
    /// The name of the DNS Response Policy Zone the `rpz` format is written for.
    pub rpz_zone: String,
}

impl Default for Blocklist {
    fn default() -> Self {
        Self {
            rpz_zone: "rpz.hotline.invalid".to_owned(),
        }
    }
}

/// Urgent alerts: who is told at once when a report says a child is in immediate danger.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Alerts {
    /// E-mail addresses of the people on call, mailed through `notices.smtp_url`.
    pub on_call: Vec<String>,
    /// An http(s) URL that receives a JSON message for each alert; empty = none.
    pub webhook: String,
    /// The staff site's address as staff reach it (e.g. `https://hotline.example.org`), for
    /// the link in each alert; empty = the link is a path only.
    pub staff_url: String,
}

/// The police side (docs/SPEC.md §1): which unit gets a referral, and who hears of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Police {
    /// E-mail addresses told of new referrals to the national unit (sent through
    /// `notices.smtp_url`): one message per batch, with case numbers and links only.
    pub notify: Vec<String>,
    /// Units other than the national one, each with the referrals it takes; the first whose
    /// conditions all hold wins, and a referral no unit takes goes to the national unit.
    pub units: Vec<PoliceUnit>,
}

/// A police unit other than the national one (`[[police.units]]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PoliceUnit {
    /// The unit's name, as police accounts name it (`hotline user add --unit NAME`).
    pub name: String,
    /// E-mail addresses told of new referrals to this unit.
    pub notify: Vec<String>,
    /// Only referrals of urgent reports (`true`) or only of others (`false`); unset = both.
    pub urgent: Option<bool>,
    /// Only when hosted in one of these countries (ISO 3166-1); empty = anywhere.
    pub hosting_countries: Vec<String>,
    /// Only when the registrable domain is or ends in one of these (`be`); empty = any.
    pub domains: Vec<String>,
}

impl Police {
    /// The unit rules, in the order the file gives them.
    pub fn unit_rules(&self) -> Vec<hotline_domain::police::UnitRule> {
        self.units
            .iter()
            .map(|u| hotline_domain::police::UnitRule {
                unit: u.name.clone(),
                urgent: u.urgent,
                hosting_countries: u.hosting_countries.clone(),
                domains: u.domains.clone(),
            })
            .collect()
    }

    /// Who hears of new referrals, per unit (the national unit's are `police.notify`).
    pub fn notify_by_unit(&self) -> Vec<(String, Vec<String>)> {
        std::iter::once((
            hotline_domain::police::NATIONAL_UNIT.to_owned(),
            self.notify.clone(),
        ))
        .chain(
            self.units
                .iter()
                .map(|u| (u.name.clone(), u.notify.clone())),
        )
        .collect()
    }
}

/// What `hotline doctor` holds the installation to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Doctor {
    /// An operator-supplied IP database (`network.ip_database`) older than this is reported.
    pub ip_database_max_age_days: u32,
    /// Less free space than this on the data directory's disk is reported.
    pub min_free_disk_mb: u64,
}

impl Default for Doctor {
    fn default() -> Self {
        Self {
            ip_database_max_age_days: 90,
            min_free_disk_mb: 1024,
        }
    }
}

/// Notices to hosts (sent only where the hotline sends them: `national.takedown_by`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Notices {
    /// The SMTP server, as `smtp://host:port`, `smtps://host` or `smtp://host?tls=required`;
    /// empty means notices wait, and say why on the case.
    pub smtp_url: String,
    /// The hotline's sending address, also given as the contact in every notice.
    pub from: String,
    /// A file with the notice's text, to replace the built-in ones (nl, fr, de, en, chosen by
    /// the host's country): a minijinja template whose first line is the subject. Variables:
    /// reference, address, statute, hotline_name, hotline_email, reported_at,
    /// preserve_evidence, answer_link. It must give what DSA Art. 16(2) requires (the address, the statute,
    /// a good-faith statement, the hotline's e-mail) or the start is refused.
    pub template_file: String,
}

impl Default for Notices {
    fn default() -> Self {
        Self {
            smtp_url: String::new(),
            from: "notices@hotline.invalid".to_owned(),
            template_file: String::new(),
        }
    }
}

/// What the public pages say about this hotline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Public {
    /// The hotline's name, as the about page gives it.
    pub hotline_name: String,
    /// Shown wherever a child may be in immediate danger.
    pub emergency_number: String,
    /// The statute the law page cites.
    pub law_reference: String,
    /// Helplines on the "getting help" page: `{ name = "…", contact = "…" }`.
    pub help: Vec<hotline_app::HelpLine>,
    /// The public site's address as hosts and reporters reach it (e.g.
    /// "https://hotline.example.org"): the base of the answer link in every notice and of the
    /// status page named in news mails to reporters. Empty: notices carry no answer link.
    pub site_url: String,
}

impl Default for Public {
    fn default() -> Self {
        Self {
            hotline_name: "Hotline".to_owned(),
            emergency_number: "112".to_owned(),
            law_reference: "Belgian Criminal Code, art. 417/43 and following".to_owned(),
            help: hotline_app::HelpLine::belgian_defaults(),
            site_url: String::new(),
        }
    }
}

/// Staff sessions and welfare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Staff {
    /// A session ends after this many minutes without a request.
    pub idle_minutes: u32,
    /// A session ends this many hours after login, however active.
    pub session_hours: u32,
    /// Minutes of assessment per analyst per day before the queue stops handing out
    /// assessment work (until a supervisor lifts it).
    pub welfare_daily_minutes: u32,
}

impl Default for Staff {
    fn default() -> Self {
        Self {
            idle_minutes: 30,
            session_hours: 12,
            welfare_daily_minutes: 120,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Intake {
    /// Reports and status look-ups per client and minute, counted in memory; 0 = off.
    pub rate_limit_per_minute: u32,
    /// Reports per minute for all app servers on one database together, counted in the
    /// database without any client data; 0 = off.
    pub global_rate_limit_per_minute: u32,
    /// Reverse proxies in front of the hotline, whose `X-Forwarded-For` tells clients apart
    /// for the rate limit. The address is hashed in memory and never kept.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The longest random delay, in seconds, before a new case is first traced (DNS, RDAP):
    /// a host seeing the hotline's look-ups right after a visit could single out the
    /// reporter. 0 traces at once.
    pub first_trace_delay_secs: u64,
}

pub use hotline_domain::jurisdiction::TakedownBy;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct National {
    /// ISO 3166-1 alpha-2 code of the hotline's country.
    pub country: String,
    pub takedown_by: TakedownBy,
    /// With `takedown_by = "hotline"`: hours the police have to object before a notice goes.
    pub objection_hours: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            procedure: Procedure::Assess,
            default_language: Language::Nl,
            network: NetworkPolicy::default(),
            intake: Intake::default(),
            national: National::default(),
            staff: Staff::default(),
            public: Public::default(),
            notices: Notices::default(),
            monitoring: MonitoringPolicy::default(),
            blocklist: Blocklist::default(),
            alerts: Alerts::default(),
            police: Police::default(),
            doctor: Doctor::default(),
            retention: Default::default(),
            http: Default::default(),
        }
    }
}

impl Default for Intake {
    fn default() -> Self {
        Self {
            rate_limit_per_minute: 10,
            global_rate_limit_per_minute: 0,
            trusted_proxies: Vec::new(),
            first_trace_delay_secs: 600,
        }
    }
}

impl Default for National {
    fn default() -> Self {
        Self {
            country: "BE".to_owned(),
            takedown_by: TakedownBy::Police,
            objection_hours: 48,
        }
    }
}

/// The file written on first start: every key, commented out, at its default.
pub const DEFAULT_FILE: &str = r#"# hotline configuration. Every key can also be set in the environment as
# HOTLINE_<SECTION>__<KEY>, e.g. HOTLINE_NETWORK__OFFLINE=true or HOTLINE_DEFAULT_LANGUAGE=fr.
# The values below are the defaults; remove the leading '#' to change one.
# An admin can also change procedure, [national], [retention] and the notice template on the
# admin pages (/staff/admin) while the service runs; such a change replaces this file's value
# until it is reset there.

# "assess": analysts assess each case. "forward-unopened": every address goes to the police
# without anybody at the hotline opening it.
#procedure = "assess"

# Language of the public site when the browser asks for none of nl, fr, de, en.
#default_language = "nl"

[network]
# true: no DNS, RDAP, HTTP check, mail or partner delivery leaves the process.
#offline = false
# Name servers to ask ("IP:port"); empty = the system's.
#nameservers = []
# Where the IANA RDAP bootstrap files come from; empty = IANA.
#rdap_bootstrap = ""
# Only for tests that run their servers on loopback.
#allow_loopback_targets = false
# An MMDB file to use instead of the embedded IP database; empty = embedded.
#ip_database = ""

[intake]
# Reports and status look-ups per client and minute, counted in memory only; 0 = no limit.
#rate_limit_per_minute = 10
# Reports per minute for all app servers on this database together (a flood answers 429 with
# Retry-After; staff pages are not affected); counted per minute in the database, without any
# client data. 0 = no limit.
#global_rate_limit_per_minute = 0
# Reverse proxies in front of the hotline (e.g. ["127.0.0.1"]): their X-Forwarded-For header
# tells clients apart for the rate limit. Client addresses are hashed in memory, never kept.
#trusted_proxies = []
# The longest random delay in seconds before a new case is first traced, so that a host
# cannot match the hotline's look-ups to a visit; 0 traces at once.
#first_trace_delay_secs = 600

[national]
# The hotline's country (ISO 3166-1 alpha-2).
#country = "BE"
# Who sends notices to hosts in this country: "police" (after a magistrate's order) or
# "hotline" (after police clearance or when the objection window has passed).
#takedown_by = "police"
#objection_hours = 48

[staff]
# A staff session ends after this many idle minutes, and this many hours after login.
#idle_minutes = 30
#session_hours = 12
# Minutes of assessment per analyst per day; past it the queue hands out no assessment work
# until a supervisor lifts the limit for the day.
#welfare_daily_minutes = 120

[public]
# What the public pages say about this hotline.
#hotline_name = "Hotline"
#emergency_number = "112"
#law_reference = "Belgian Criminal Code, art. 417/43 and following"
# Helplines on the "getting help" page (replace the whole list to change it):
#help = [
#  { name = "Child Focus", contact = "116 000" },
#  { name = "Awel (in Dutch, for children and young people)", contact = "102" },
#  { name = "Écoute-Enfants (in French, for children and young people)", contact = "103" },
#  { name = "1712 (violence, abuse and child abuse, in Dutch)", contact = "1712" },
#  { name = "Stop it Now! (for people worried about their own thoughts)", contact = "stopitnow.be" },
#]
# The public site's address as hosts and reporters reach it (e.g. "https://hotline.example.org"):
# every notice carries a link below it where the host answers without an account, and news
# mails to reporters name its status page. Empty: notices carry no answer link.
#site_url = ""

[notices]
# Where notices to hosts are sent from, where the hotline sends them (national.takedown_by =
# "hotline"). Empty smtp_url: notices wait, and the case says why.
#smtp_url = ""
#from = "notices@hotline.invalid"
# Your own notice text: a minijinja template whose first line is the subject; variables
# reference, address, statute, hotline_name, hotline_email, reported_at, preserve_evidence,
# answer_link (appended when the template does not place it).
# It must give what DSA Art. 16(2) requires: {{ address }}, {{ statute }}, a good-faith
# statement ("in good faith") and {{ hotline_email }}; otherwise the start is refused.
# Empty = the built-in texts in Dutch, French, German and English, chosen by the country
# hosting the address (default_language where that country speaks none of them).
#template_file = ""

[monitoring]
# Every case awaiting removal is checked (DNS and an HTTP HEAD request, never a body): every
# early_interval_hours for early_days, then every later_interval_hours. It counts as removed
# after gone_checks_for_removal results in a row of NXDOMAIN, 404, 410 or a refused connection,
# and is watched for watch_after_removal_days more in case it comes back.
#early_interval_hours = 6
#early_days = 3
#later_interval_hours = 24
#gone_checks_for_removal = 2
#watch_after_removal_days = 30
# While it stays up, the hotline's notice is repeated every renotice_hours (0 = never), and
# after escalate_after_days (0 = never) the registrar and CDN are written to and the police
# told on the case.
#renotice_hours = 24
#escalate_after_days = 7

[blocklist]
# The zone name of the DNS Response Policy Zone (hotline export blocklist --format rpz). Only
# domains staff marked as dedicated to abuse material go into it, whole.
#rpz_zone = "rpz.hotline.invalid"

[alerts]
# Who is told at once when a report says a child is in immediate danger: e-mail addresses
# (sent through notices.smtp_url) and an optional web hook that receives a JSON message.
# Alerts carry only case numbers and links to the staff pages, never an address or a
# description.
#on_call = []
#webhook = ""
# The staff site's address as staff reach it, for the links (e.g. "https://hotline.example.org").
#staff_url = ""

[police]
# Who hears of new referrals to the police: e-mail addresses (sent through notices.smtp_url),
# one message per batch of referrals, with case numbers and links (alerts.staff_url) only,
# never an address or a description. Police accounts also see the count on their queue.
#notify = []
# Every referral goes to the national unit unless a unit below takes it: the first whose
# conditions all hold (urgent reports only, hosted in these countries, registrable domain
# ending in these labels; a condition left out holds for all). Police accounts belong to a
# unit (hotline user add NAME --role police --unit NAME) and see only its referrals. E.g.:
# [[police.units]]
#   name = "urgent-desk"
#   notify = ["urgent-desk@police.example"]
#   urgent = true
# [[police.units]]
#   name = "antwerp"
#   hosting_countries = ["BE"]
#   domains = ["be"]

[doctor]
# `hotline doctor` reports an operator-supplied IP database older than this, and less free
# disk space than this on the data directory's disk.
#ip_database_max_age_days = 90
#min_free_disk_mb = 1024

[retention]
# Days each kind of personal data is kept, then erased by the daily purge (0 = for ever). A
# case under legal hold keeps everything. The privacy page states these periods.
# A reporter's name and e-mail, from the report's arrival:
#contact_days = 90
# What a reporter wrote (description, messages to them), from arrival:
#description_days = 365
# Timeline details of closed cases, from closing:
#closed_case_days = 730
# Finished background jobs, superseded traces, checks of removed or closed cases:
#check_history_days = 180
# Audit events (the chain stays verifiable from where it was cut):
#audit_days = 0

[http]
# Send Strict-Transport-Security: set true when the public address is https (behind a TLS
# proxy too); it is also sent whenever a trusted proxy says X-Forwarded-Proto: https.
#hsts = false
# Seconds a request may take before it is answered 503.
#request_timeout_secs = 30
# A bearer token that may read /metrics from elsewhere than loopback; empty = loopback only.
#metrics_token = ""
# Proof of work on POST /api/v1/reports: leading zero bits a client must find; 0 = off.
#api_pow_bits = 0
# Seconds a client has to send a whole request header, and that an idle kept-alive
# connection may wait for its next request, before it is closed.
#header_read_timeout_secs = 10
# Connections open at once; further clients wait until one closes.
#max_connections = 1024
# Staff sign-in attempts per minute per client and per account name, refused before any
# password is checked; 0 = no limit.
#login_attempts_per_minute = 10
# A second listener for a Tor onion service (e.g. "127.0.0.1:8081"): public pages and API
# only, X-Forwarded-For never believed; empty = none. Point the onion service here only.
#onion_listen = ""
"#;

impl Config {
    /// Reads `file` (if it exists) and the environment over the defaults.
    pub fn load(file: &Path) -> anyhow::Result<Config> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if file.exists() {
            figment = figment.merge(Toml::file_exact(file));
        }
        let config: Config = figment
            .merge(
                Env::prefixed("HOTLINE_")
                    .filter(|k| {
                        let top = k.as_str().split("__").next().unwrap_or("");
                        TOP_LEVEL.iter().any(|t| top.eq_ignore_ascii_case(t))
                    })
                    .split("__"),
            )
            .extract()
            .with_context(|| {
                format!(
                    "invalid configuration (file {}, or HOTLINE_* variables)",
                    file.display()
                )
            })?;
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> anyhow::Result<()> {
        if self.staff.idle_minutes == 0 || self.staff.session_hours == 0 {
            bail!("staff.idle_minutes and staff.session_hours must be at least 1");
        }
        self.monitoring.validate()?;
        let rules = hotline_domain::police::parse_unit_rules(&self.police.unit_rules())
            .map_err(|e| anyhow::anyhow!("police.units: {e}"))?;
        let mut seen = std::collections::BTreeSet::new();
        for rule in &rules {
            if rule.unit == hotline_domain::police::NATIONAL_UNIT {
                bail!(
                    "police.units: \"national\" is the unit every other referral goes to; its addresses are police.notify"
                );
            }
            if !seen.insert(rule.unit.as_str()) {
                bail!("police.units: the unit \"{}\" is named twice", rule.unit);
            }
        }
        let unit_notify: Vec<(String, &Vec<String>)> = self
            .police
            .units
            .iter()
            .map(|u| (format!("police.units {}: notify", u.name), &u.notify))
            .collect();
        for (key, list) in [
            ("alerts.on_call".to_owned(), &self.alerts.on_call),
            ("police.notify".to_owned(), &self.police.notify),
        ]
        .into_iter()
        .chain(unit_notify)
        {
            if let Some(a) = list
                .iter()
                .find(|a| hotline_network::mailer::check_address(a).is_err())
            {
                bail!("{key}: \"{a}\" is not an e-mail address (name@example.org)");
            }
        }
        let hook = &self.alerts.webhook;
        if !(hook.is_empty() || hook.starts_with("https://") || hook.starts_with("http://")) {
            // Not the URL itself: its path or query is often the hook's secret.
            bail!("alerts.webhook must be an http(s) URL");
        }
        let c = &self.national.country;
        if hotline_domain::jurisdiction::country_code(c).as_deref() != Some(c.as_str()) {
            bail!("national.country must be a two-letter country code such as \"BE\", not \"{c}\"");
        }
        if let Err(p) = hotline_domain::settings::check_procedure_and_takedown(
            self.procedure,
            self.national.takedown_by,
        ) {
            bail!("{}", p.message);
        }
        Ok(())
    }
}

#[cfg(test)]
// figment's Jail API returns its own large error type; nothing to be done about it here.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn default_file_parses_to_the_defaults() {
        let parsed: Config = Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::string(DEFAULT_FILE))
            .extract()
            .unwrap();
        assert_eq!(parsed, Config::default());
        // Uncommenting every key must give a valid file with the same values.
        let uncommented = DEFAULT_FILE
            .lines()
            .map(|l| {
                l.strip_prefix('#')
                    .filter(|r| {
                        r.starts_with(|c: char| c.is_ascii_lowercase())
                            || r.starts_with("  {")
                            || r.starts_with(']')
                    })
                    .unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let parsed: Config = Figment::new()
            .merge(Toml::string(&uncommented))
            .extract()
            .unwrap();
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn file_and_environment_override_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "h.toml",
                "procedure = \"forward-unopened\"\n[intake]\nrate_limit_per_minute = 3\n",
            )?;
            jail.set_env("HOTLINE_NETWORK__OFFLINE", "true");
            jail.set_env("HOTLINE_INTAKE__RATE_LIMIT_PER_MINUTE", "0");
            jail.set_env("HOTLINE_DATA_DIR", "/elsewhere");
            let c = Config::load(Path::new("h.toml")).unwrap();
            assert_eq!(c.procedure, Procedure::ForwardUnopened);
            assert!(c.network.offline);
            assert_eq!(c.intake.rate_limit_per_minute, 0);
            Ok(())
        });
    }

    #[test]
    fn bad_values_are_named() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "u.toml",
                "procedure = \"forward-unopened\"\n[national]\ntakedown_by = \"hotline\"\n",
            )?;
            let err = Config::load(Path::new("u.toml")).unwrap_err().to_string();
            assert!(
                err.contains("forward-unopened") && err.contains("takedown_by"),
                "{err}"
            );
            for (units, named) in [
                (
                    "[[police.units]]\nname = \"Antwerp Police\"\n",
                    "Antwerp Police",
                ),
                (
                    "[[police.units]]\nname = \"antwerp\"\nhosting_countries = [\"Belgium\"]\n",
                    "Belgium",
                ),
                ("[[police.units]]\nname = \"national\"\n", "police.notify"),
                (
                    "[[police.units]]\nname = \"a\"\n[[police.units]]\nname = \"a\"\n",
                    "named twice",
                ),
                (
                    "[[police.units]]\nname = \"a\"\nnotify = [\"not-mail\"]\n",
                    "not-mail",
                ),
            ] {
                jail.create_file("p.toml", units)?;
                let err = format!("{:#}", Config::load(Path::new("p.toml")).unwrap_err());
                assert!(
                    err.contains("police.units") && err.contains(named),
                    "{units}: {err}"
                );
            }
            jail.create_file("h.toml", "procedure = \"sometimes\"\n")?;
            let err = format!("{:#}", Config::load(Path::new("h.toml")).unwrap_err());
            assert!(
                err.contains("procedure") && err.contains("sometimes"),
                "{err}"
            );
            jail.create_file("h.toml", "[network]\noflline = true\n")?;
            let err = format!("{:#}", Config::load(Path::new("h.toml")).unwrap_err());
            assert!(err.contains("oflline"), "{err}");
            jail.create_file("h.toml", "[national]\ncountry = \"Belgium\"\n")?;
            let err = format!("{:#}", Config::load(Path::new("h.toml")).unwrap_err());
            assert!(err.contains("Belgium"), "{err}");
            Ok(())
        });
    }
}
