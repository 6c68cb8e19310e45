//! The deployment's configuration, in the one shape that serve, the workers, the pages and the
//! command line all read: the configuration file's values, with the admin's stored overrides
//! laid over the editable part ([`Config::settings`]). [`crate::settings::LiveSettings`] keeps
//! the current one; read it per request or job through [`crate::App::config`], never keep it.

use hotline_domain::Language;
use hotline_domain::routing::{Jurisdiction, PartnerCountry};
use hotline_domain::settings::Settings;
use hotline_domain::staff::WelfareCap;

/// Everything the application reads of the configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// What an admin may change on the settings page (procedure, national settings,
    /// retention, notice text): the file's values, or the stored override.
    pub settings: Settings,
    pub default_language: Language,
    /// Per client and minute on public intake; 0 = no limit.
    pub rate_limit_per_minute: u32,
    /// Reports per minute for all app servers on the database together; 0 = no limit.
    pub global_rate_limit_per_minute: u32,
    /// Reverse proxies whose `X-Forwarded-For` (rate limits) and `X-Forwarded-Proto`
    /// (secure cookies) are believed.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// How long staff sessions live.
    pub sessions: hotline_store::SessionPolicy,
    /// The daily cap on analysts' assessment time.
    pub welfare: WelfareCap,
    /// What the public pages and the notices say about this deployment.
    pub public: PublicSite,
    /// The name of the blocklist's DNS RPZ zone.
    pub blocklist_zone: String,
    /// Which police unit a referral goes to when not the national one (checked at start).
    pub police_units: Vec<hotline_domain::police::UnitRule>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            settings: Settings::default(),
            default_language: Language::En,
            rate_limit_per_minute: 0,
            global_rate_limit_per_minute: 0,
            trusted_proxies: Vec::new(),
            sessions: hotline_store::SessionPolicy {
                idle_secs: 30 * 60,
                absolute_secs: 8 * 3600,
            },
            welfare: WelfareCap::default(),
            public: PublicSite::default(),
            blocklist_zone: "hotline.rpz.".to_owned(),
            police_units: Vec::new(),
        }
    }
}

impl Config {
    /// The procedure in force (docs/SPEC.md §1).
    pub fn procedure(&self) -> hotline_domain::Procedure {
        self.settings.procedure
    }

    /// What routing needs, with the partner hotlines' countries from the registry.
    pub fn jurisdiction(&self, partners: Vec<PartnerCountry>) -> Jurisdiction {
        Jurisdiction {
            procedure: self.settings.procedure,
            country: self.settings.national.country.clone(),
            takedown_by: self.settings.national.takedown_by,
            objection_hours: self.settings.national.objection_hours,
            partners,
        }
    }
}

/// The deployment's facts that the public information pages and the notices state.
#[derive(Debug, Clone)]
pub struct PublicSite {
    pub hotline_name: String,
    pub emergency_number: String,
    pub law_reference: String,
    pub help: Vec<HelpLine>,
}

impl Default for PublicSite {
    fn default() -> Self {
        Self {
            hotline_name: "Hotline".to_owned(),
            emergency_number: "112".to_owned(),
            law_reference: "Belgian Criminal Code, art. 417/43 and following".to_owned(),
            help: HelpLine::belgian_defaults(),
        }
    }
}

/// A helpline shown on the "getting help" page, as text (never a link to elsewhere).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpLine {
    pub name: String,
    pub contact: String,
}

impl HelpLine {
    /// Helplines for Belgium, the default jurisdiction.
    pub fn belgian_defaults() -> Vec<HelpLine> {
        [
            ("Child Focus", "116 000"),
            ("Awel (in Dutch, for children and young people)", "102"),
            (
                "Écoute-Enfants (in French, for children and young people)",
                "103",
            ),
            ("1712 (violence, abuse and child abuse, in Dutch)", "1712"),
            (
                "Stop it Now! (for people worried about their own thoughts)",
                "stopitnow.be",
            ),
        ]
        .into_iter()
        .map(|(name, contact)| HelpLine {
            name: name.to_owned(),
            contact: contact.to_owned(),
        })
        .collect()
    }
}
