//! Notices to hosts (docs/SPEC.md §2 Notice, DSA Art. 16): when one is due under the takedown regime,
//! whom it goes to, and what it says, including the machine-readable XARF v4 part. Sending is
//! IO and lives elsewhere; these rules do not.

use serde_json::json;

use crate::jurisdiction::TakedownBy;
use crate::police::PoliceRecord;
use crate::report::Language;
use crate::trace::Trace;

named_enum!(
    /// What a host answered to a notice.
    HostAnswer {
        Acknowledged => "acknowledged",
        Removed => "removed",
        Refused => "refused",
    }
);

named_enum!(
    /// Which notice of a case this is.
    NoticeKind {
        /// The first notice to the host.
        Notice => "notice",
        /// A repeat while the content stays up.
        Renotice => "renotice",
        /// To the registrar or network in front of the host when it stays up too long.
        Escalation => "escalation",
    }
);

impl NoticeKind {
    /// The timeline entry its sending stamps: only the first notice is a leg that
    /// statistics time; repeats are marked apart.
    pub fn sent_event(self) -> crate::timeline::Event {
        use crate::timeline::Event;
        match self {
            NoticeKind::Notice => Event::NoticeSent,
            NoticeKind::Renotice => Event::RenoticeSent,
            NoticeKind::Escalation => Event::EscalationSent,
        }
    }
}

impl HostAnswer {
    /// The timeline leg (docs/SPEC.md §2) the answer stamps.
    pub fn timeline_leg(self) -> crate::timeline::Event {
        use crate::timeline::Event;
        match self {
            HostAnswer::Acknowledged => Event::NoticeAcknowledged,
            HostAnswer::Removed => Event::Removed,
            HostAnswer::Refused => Event::NoticeRefused,
        }
    }
}

/// Whether the hotline should send its notice now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeDecision {
    /// Send it now.
    Now,
    /// Not before this time (UTC milliseconds): the police's objection window is open.
    At(i64),
    /// The police put the case on hold: an investigation is running.
    Held,
    /// The hotline never sends this notice itself, and says why.
    NotOurs(&'static str),
}

/// Decides whether a notice to the host is due for a case referred to the police at
/// `referred_at_ms`, given everything the police recorded. A hold in force wins over
/// everything else, including a clearance recorded after it.
pub fn notice_due(
    takedown_by: TakedownBy,
    objection_hours: u32,
    referred_at_ms: i64,
    police: &PoliceRecord,
    now_ms: i64,
) -> NoticeDecision {
    if takedown_by == TakedownBy::Police {
        return NoticeDecision::NotOurs(
            "in this jurisdiction the police contact the host, after a magistrate's order",
        );
    }
    if police.hold_in_force() {
        return NoticeDecision::Held;
    }
    match police.cleared() {
        true => NoticeDecision::Now,
        false => {
            let due = referred_at_ms.saturating_add(i64::from(objection_hours) * 3_600_000);
            if now_ms >= due {
                NoticeDecision::Now
            } else {
                NoticeDecision::At(due)
            }
        }
    }
}

/// Why a recipient gets the notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipientRole {
    /// The abuse contact of the network that hosts the address.
    Host,
    /// The CDN or proxy in front of it: it cannot remove the origin, but it can stop serving.
    Cdn,
    /// The domain's registrar, for escalation.
    Registrar,
}

/// One address to send a notice to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    pub role: RecipientRole,
}

/// Whom the notice goes to, from the trace: the hosting networks' abuse contacts (a CDN's
/// when the address is behind one). The registrar is the escalation: it is chosen only when
/// no network contact is known. Each e-mail once.
pub fn recipients(trace: &Trace) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = Vec::new();
    let mut push = |email: Option<&String>, role| {
        if let Some(e) = email
            .map(|e| e.trim().to_ascii_lowercase())
            .filter(|e| e.contains('@'))
            && !out.iter().any(|r| r.email == e)
        {
            out.push(Recipient { email: e, role });
        }
    };
    for a in &trace.addresses {
        let role = if a.cdn.is_some() {
            RecipientRole::Cdn
        } else {
            RecipientRole::Host
        };
        push(a.abuse.as_ref().and_then(|c| c.email.as_ref()), role);
    }
    if let Some(r) = &trace.registrar {
        push(
            r.abuse.as_ref().and_then(|c| c.email.as_ref()),
            RecipientRole::Registrar,
        );
    }
    out
}

/// Whether the hosting changed between the trace a notice was written from and a fresh one
/// taken just before sending (issue 17: a site that moved must not get its notice at the old
/// host). It changed when the fresh trace is complete (addresses found, no step failed) and
/// the hosting abuse addresses the notice would go to, or the networks (AS numbers), differ; the
/// answer says from what to what, for the case's "host changed" entry. A fresh trace that
/// is incomplete tells nothing: `None`.
pub fn hosting_change(before: &Trace, after: &Trace) -> Option<String> {
    // The registrar says nothing about the hosting: its lookup failing does not make the
    // fresh trace incomplete, and its contact is not compared.
    if after.untraceable.is_some()
        || after.errors.iter().any(|e| e.step != "rdap-domain")
        || after.addresses.is_empty()
    {
        return None;
    }
    let shape = |t: &Trace| {
        let mut asns: Vec<u32> = t.addresses.iter().filter_map(|a| a.asn).collect();
        asns.sort_unstable();
        asns.dedup();
        let mut mail: Vec<String> = recipients(t)
            .into_iter()
            .filter(|r| r.role != RecipientRole::Registrar)
            .map(|r| r.email)
            .collect();
        mail.sort();
        (asns, mail)
    };
    let (old, new) = (shape(before), shape(after));
    if old == new {
        return None;
    }
    let show = |(asns, mail): &(Vec<u32>, Vec<String>)| {
        let mut parts: Vec<String> = asns.iter().map(|n| format!("AS{n}")).collect();
        parts.extend(mail.iter().cloned());
        if parts.is_empty() {
            "nothing".to_owned()
        } else {
            parts.join(", ")
        }
    };
    Some(format!("{} -> {}", show(&old), show(&new)))
}

/// What a notice needs to say (DSA Art. 16(2)): the exact address, why it is illegal with
/// the statute, who notifies (the hotline, never the reporter), good faith, a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeFacts {
    /// The hotline's reference for this notice, e.g. `BE-2026-000123`.
    pub reference: String,
    pub address: String,
    /// The statute the content breaches, e.g. "Belgian Criminal Code, art. 417/43".
    pub statute: String,
    pub hotline_name: String,
    pub hotline_email: String,
    /// When the hotline received the report (RFC 3339). Only its day is ever written into a
    /// notice ([`NoticeFacts::reported_day`]): with the host's access log, a time to the
    /// second could single out the reporter's visit.
    pub reported_at: String,
    /// The police asked the host to preserve evidence.
    pub preserve_evidence: bool,
    /// A fresh UUID v4 for the XARF report.
    pub report_id: String,
    /// Illegal under national law only (not the international baseline): decides the XARF
    /// classification, see [`xarf_classification`].
    pub national_only: bool,
    /// The case came from a public report (XARF `user_report`); otherwise from a partner
    /// hotline or the hotline's own staff (`manual_review`).
    pub from_public_report: bool,
    /// When an analyst last assessed the address (RFC 3339): XARF `verified_at`.
    pub assessed_at: Option<String>,
    /// The language of the built-in text ([`notice_language`]).
    pub language: Language,
    /// The link of the page where the host answers this notice
    /// ([`crate::answers::answer_link`], with the placeholder for the notice's own token);
    /// `None` when the public site's address is not configured.
    pub answer_link: Option<String>,
}

/// The language a notice is written in: the one spoken in the country hosting the address,
/// among the four the hotline writes (docs/SPEC.md §4: nl, fr, de, en); where that country speaks none
/// of them, or several (Belgium, Luxembourg, Switzerland) of which the hotline's is one, or
/// is unknown, the hotline's own language.
pub fn notice_language(host_country: Option<&str>, hotline: Language) -> Language {
    let spoken: &[Language] = match host_country.map(str::to_ascii_uppercase).as_deref() {
        Some("NL" | "SR" | "AW" | "CW" | "SX") => &[Language::Nl],
        Some(
            "FR" | "MC" | "SN" | "CI" | "ML" | "BF" | "NE" | "TG" | "BJ" | "GA" | "CG" | "CD"
            | "MG" | "HT" | "PF" | "NC" | "RE" | "GP" | "MQ" | "GF" | "YT",
        ) => &[Language::Fr],
        Some("DE" | "AT" | "LI") => &[Language::De],
        Some(
            "GB" | "IE" | "US" | "AU" | "NZ" | "MT" | "SG" | "ZA" | "IN" | "NG" | "KE" | "GH"
            | "JM" | "PH",
        ) => &[Language::En],
        Some("BE") => &[Language::Nl, Language::Fr, Language::De],
        Some("LU") => &[Language::Fr, Language::De],
        Some("CH") => &[Language::De, Language::Fr],
        Some("CA") => &[Language::En, Language::Fr],
        _ => &[],
    };
    if spoken.is_empty() || spoken.contains(&hotline) {
        hotline
    } else {
        spoken[0]
    }
}

/// The built-in notice texts, one per language: every sentence DSA Art. 16(2) asks for.
struct BuiltIn {
    subject: &'static str,
    greeting: &'static str,
    intro: &'static str,
    why: &'static str,
    action: &'static str,
    preserve: &'static str,
    good_faith: &'static str,
    reference: &'static str,
    reported: &'static str,
    contact: &'static str,
    attached: &'static str,
    /// The same notice about several addresses at once ([`group_text`]).
    subject_many: &'static str,
    intro_many: &'static str,
    action_many: &'static str,
    attached_many: &'static str,
    /// Before each address's own details in a grouped notice.
    statute: &'static str,
}

fn built_in(language: Language) -> BuiltIn {
    match language {
        Language::En => BuiltIn {
            subject: "Notice of child sexual abuse material at {address} [{reference}]",
            greeting: "Dear abuse team,",
            intro: "{name} is a hotline for reports of child sexual abuse material on the Internet. We notify you, under Article 16 of the Digital Services Act (Regulation (EU) 2022/2065), that the following address on your service makes available child sexual abuse material:",
            why: "Why this is illegal: the material shows the sexual abuse of children, which is illegal under {statute} and under the law of almost every country. Analysts of {name} assessed it.",
            action: "Please remove or disable access to it without delay, and reply to this message with what you did. Do not forward the material to anyone.",
            preserve: "The police ask you to preserve the material and the related records (account, access logs) as evidence before you remove it.",
            good_faith: "We send this notice in good faith and believe the information in it to be accurate and complete. As Article 16(2)(c) allows for this kind of material, it does not name the person who reported it.",
            reference: "Reference",
            reported: "Reported to us",
            contact: "Contact",
            attached: "A machine-readable version (XARF v4) is attached.",
            subject_many: "Notice of child sexual abuse material at {count} addresses [{reference}]",
            intro_many: "{name} is a hotline for reports of child sexual abuse material on the Internet. We notify you, under Article 16 of the Digital Services Act (Regulation (EU) 2022/2065), that each of the following {count} addresses on your service makes available child sexual abuse material:",
            action_many: "Please remove or disable access to each of them without delay, and reply to this message with what you did. Do not forward the material to anyone.",
            attached_many: "A machine-readable version (XARF v4) of each notice is attached, one report per address.",
            statute: "Illegal under",
        },
        Language::Nl => BuiltIn {
            subject: "Melding van materiaal van seksueel misbruik van kinderen op {address} [{reference}]",
            greeting: "Beste abuse-team,",
            intro: "{name} is een meldpunt voor materiaal van seksueel misbruik van kinderen op internet. Wij melden u, op grond van artikel 16 van de Digitaledienstenverordening (Verordening (EU) 2022/2065), dat het volgende adres op uw dienst materiaal van seksueel misbruik van kinderen beschikbaar stelt:",
            why: "Waarom dit illegaal is: het materiaal toont seksueel misbruik van kinderen; dat is strafbaar volgens {statute} en volgens het recht van bijna elk land. Analisten van {name} hebben het beoordeeld.",
            action: "Verwijder het of maak het onverwijld ontoegankelijk, en laat ons in een antwoord op dit bericht weten wat u hebt gedaan. Stuur het materiaal aan niemand door.",
            preserve: "De politie vraagt u het materiaal en de bijbehorende gegevens (account, toegangslogs) als bewijs te bewaren voordat u het verwijdert.",
            good_faith: "Wij sturen deze melding te goeder trouw en menen dat de informatie erin juist en volledig is. Zoals artikel 16, lid 2, onder c, voor dit soort materiaal toestaat, noemt zij niet de persoon die het meldde.",
            reference: "Referentie",
            reported: "Bij ons gemeld",
            contact: "Contact",
            attached: "Een machineleesbare versie (XARF v4) is bijgevoegd.",
            subject_many: "Melding van materiaal van seksueel misbruik van kinderen op {count} adressen [{reference}]",
            intro_many: "{name} is een meldpunt voor materiaal van seksueel misbruik van kinderen op internet. Wij melden u, op grond van artikel 16 van de Digitaledienstenverordening (Verordening (EU) 2022/2065), dat elk van de volgende {count} adressen op uw dienst materiaal van seksueel misbruik van kinderen beschikbaar stelt:",
            action_many: "Verwijder ze elk of maak ze onverwijld ontoegankelijk, en laat ons in een antwoord op dit bericht weten wat u hebt gedaan. Stuur het materiaal aan niemand door.",
            attached_many: "Van elke melding is een machineleesbare versie (XARF v4) bijgevoegd, één rapport per adres.",
            statute: "Strafbaar volgens",
        },
        Language::Fr => BuiltIn {
            subject: "Signalement de matériel d’abus sexuels sur enfants à l’adresse {address} [{reference}]",
            greeting: "Madame, Monsieur,",
            intro: "{name} est un point de signalement des contenus d’abus sexuels sur enfants sur Internet. Nous vous notifions, en vertu de l’article 16 du règlement sur les services numériques (règlement (UE) 2022/2065), que l’adresse suivante de votre service rend accessible du matériel d’abus sexuels sur enfants :",
            why: "Pourquoi ce contenu est illicite : le matériel montre des abus sexuels commis sur des enfants, ce qui est illégal en vertu de {statute} et du droit de presque tous les pays. Des analystes de {name} l’ont examiné.",
            action: "Veuillez le retirer ou en rendre l’accès impossible sans délai, et nous indiquer en réponse à ce message ce que vous avez fait. Ne transmettez ce matériel à personne.",
            preserve: "La police vous demande de conserver le matériel et les données associées (compte, journaux d’accès) comme preuves avant de le retirer.",
            good_faith: "Nous envoyons cette notification de bonne foi et estimons que les informations qu’elle contient sont exactes et complètes. Comme l’article 16, paragraphe 2, point c), le permet pour ce type de contenu, elle ne nomme pas la personne qui l’a signalé.",
            reference: "Référence",
            reported: "Signalé le",
            contact: "Contact",
            attached: "Une version lisible par machine (XARF v4) est jointe.",
            subject_many: "Signalement de matériel d’abus sexuels sur enfants à {count} adresses [{reference}]",
            intro_many: "{name} est un point de signalement des contenus d’abus sexuels sur enfants sur Internet. Nous vous notifions, en vertu de l’article 16 du règlement sur les services numériques (règlement (UE) 2022/2065), que chacune des {count} adresses suivantes de votre service rend accessible du matériel d’abus sexuels sur enfants :",
            action_many: "Veuillez retirer chacun de ces contenus ou en rendre l’accès impossible sans délai, et nous indiquer en réponse à ce message ce que vous avez fait. Ne transmettez ce matériel à personne.",
            attached_many: "Une version lisible par machine (XARF v4) de chaque notification est jointe, un rapport par adresse.",
            statute: "Illégal en vertu de",
        },
        Language::De => BuiltIn {
            subject: "Meldung von Darstellungen sexuellen Missbrauchs von Kindern unter {address} [{reference}]",
            greeting: "Sehr geehrte Damen und Herren,",
            intro: "{name} ist eine Beschwerdestelle für Darstellungen sexuellen Missbrauchs von Kindern im Internet. Wir teilen Ihnen nach Artikel 16 des Gesetzes über digitale Dienste (Verordnung (EU) 2022/2065) mit, dass unter der folgenden Adresse Ihres Dienstes Darstellungen sexuellen Missbrauchs von Kindern zugänglich sind:",
            why: "Warum dies rechtswidrig ist: Das Material zeigt den sexuellen Missbrauch von Kindern; das ist nach {statute} und nach dem Recht fast aller Staaten strafbar. Analystinnen und Analysten von {name} haben es geprüft.",
            action: "Bitte entfernen Sie es unverzüglich oder sperren Sie den Zugang dazu, und teilen Sie uns in einer Antwort auf diese Nachricht mit, was Sie getan haben. Leiten Sie das Material an niemanden weiter.",
            preserve: "Die Polizei bittet Sie, das Material und die zugehörigen Daten (Konto, Zugriffsprotokolle) vor der Entfernung als Beweismittel zu sichern.",
            good_faith: "Wir senden diese Meldung in gutem Glauben und halten die darin enthaltenen Angaben für richtig und vollständig. Wie Artikel 16 Absatz 2 Buchstabe c es für solche Inhalte erlaubt, nennt sie die meldende Person nicht.",
            reference: "Referenz",
            reported: "Bei uns gemeldet",
            contact: "Kontakt",
            attached: "Eine maschinenlesbare Fassung (XARF v4) ist beigefügt.",
            subject_many: "Meldung von Darstellungen sexuellen Missbrauchs von Kindern unter {count} Adressen [{reference}]",
            intro_many: "{name} ist eine Beschwerdestelle für Darstellungen sexuellen Missbrauchs von Kindern im Internet. Wir teilen Ihnen nach Artikel 16 des Gesetzes über digitale Dienste (Verordnung (EU) 2022/2065) mit, dass unter jeder der folgenden {count} Adressen Ihres Dienstes Darstellungen sexuellen Missbrauchs von Kindern zugänglich sind:",
            action_many: "Bitte entfernen Sie jede davon unverzüglich oder sperren Sie den Zugang dazu, und teilen Sie uns in einer Antwort auf diese Nachricht mit, was Sie getan haben. Leiten Sie das Material an niemanden weiter.",
            attached_many: "Eine maschinenlesbare Fassung (XARF v4) jeder Meldung ist beigefügt, ein Bericht pro Adresse.",
            statute: "Strafbar nach",
        },
    }
}

impl NoticeFacts {
    /// The day of `reported_at` (`YYYY-MM-DD`), all a notice says of when it was reported.
    pub fn reported_day(&self) -> &str {
        let day = self.reported_at.split('T').next().unwrap_or("");
        let well_formed = day.len() == 10
            && day.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if well_formed { day } else { "" }
    }
}

/// The subject and plain-text body of the built-in notice, in `f.language`.
pub fn notice_text(f: &NoticeFacts) -> (String, String) {
    let t = built_in(f.language);
    let fill = |s: &str| {
        s.replace("{name}", &f.hotline_name)
            .replace("{address}", &f.address)
            .replace("{statute}", &f.statute)
            .replace("{reference}", &f.reference)
    };
    let subject = fill(t.subject);
    let mut body = format!(
        "{}\n\n{}\n\n    {}\n\n{}\n\n{}\n\n",
        t.greeting,
        fill(t.intro),
        f.address,
        fill(t.why),
        t.action
    );
    if let Some(link) = &f.answer_link {
        body.push_str(&crate::answers::answer_paragraph(f.language, link));
        body.push_str("\n\n");
    }
    if f.preserve_evidence {
        body.push_str(t.preserve);
        body.push_str("\n\n");
    }
    body.push_str(&format!(
        "{}\n\n{}: {}\n{}: {}\n{}: {}\n\n{}\n\n{}\n",
        t.good_faith,
        t.reference,
        f.reference,
        t.reported,
        f.reported_day(),
        t.contact,
        f.hotline_email,
        f.hotline_name,
        t.attached,
    ));
    (subject, body)
}

/// One mail for several notices to the same recipient (issue 17: a host gets one mail per
/// run, not one per address): the built-in text lists every address with its own reference,
/// statute, answer link and, where the police asked, the request to preserve evidence; one
/// XARF report per address goes with it. In the language of the first notice; the hotline's
/// facts (name, contact) are the same in every notice of a run. One notice is its own text
/// ([`notice_text`]).
pub fn group_text(fs: &[NoticeFacts]) -> (String, String) {
    let Some(first) = fs.first() else {
        return (String::new(), String::new());
    };
    if fs.len() == 1 {
        return notice_text(first);
    }
    let t = built_in(first.language);
    let mut statutes: Vec<&str> = Vec::new();
    for f in fs {
        if !statutes.contains(&f.statute.as_str()) {
            statutes.push(&f.statute);
        }
    }
    let count = fs.len().to_string();
    let fill = |s: &str| {
        s.replace("{name}", &first.hotline_name)
            .replace("{statute}", &statutes.join("; "))
            .replace("{count}", &count)
            .replace(
                "{reference}",
                &format!("{} +{}", first.reference, fs.len() - 1),
            )
    };
    let mut body = format!("{}\n\n{}\n\n", t.greeting, fill(t.intro_many));
    for (i, f) in fs.iter().enumerate() {
        body.push_str(&format!(
            "{}. {}\n   {}: {} · {}: {}\n   {}: {}\n",
            i + 1,
            f.address,
            t.reference,
            f.reference,
            t.reported,
            f.reported_day(),
            t.statute,
            f.statute,
        ));
        if f.preserve_evidence {
            body.push_str(&format!("   {}\n", t.preserve));
        }
        body.push('\n');
    }
    body.push_str(&format!("{}\n\n{}\n\n", fill(t.why), t.action_many));
    if let Some(link) = fs.iter().find_map(|f| f.answer_link.as_deref()) {
        // The sentence that introduces the link, then each address's own link, numbered as
        // the addresses are.
        let sentence = crate::answers::answer_paragraph(first.language, link);
        let sentence = sentence.split("\n\n").next().unwrap_or_default();
        body.push_str(sentence);
        body.push_str("\n\n");
        for (i, f) in fs.iter().enumerate() {
            if let Some(link) = &f.answer_link {
                body.push_str(&format!("{}. {link}\n", i + 1));
            }
        }
        body.push('\n');
    }
    body.push_str(&format!(
        "{}\n\n{}: {}\n\n{}\n\n{}\n",
        t.good_faith, t.contact, first.hotline_email, first.hotline_name, t.attached_many,
    ));
    (fill(t.subject_many), body)
}

/// The subject and body of one mail for several notices to one recipient: the built-in
/// [`group_text`], or with an operator's template each notice rendered in turn under the
/// first one's subject, with the number of addresses. One notice is [`compose`]d as ever.
pub fn compose_group(
    template: Option<&str>,
    fs: &[NoticeFacts],
) -> Result<(String, String), String> {
    match (template, fs) {
        (_, [one]) => compose(template, one),
        (None, _) => Ok(group_text(fs)),
        (Some(_), _) => {
            let mut parts = Vec::with_capacity(fs.len());
            for f in fs {
                parts.push(compose(template, f)?);
            }
            let subject = format!("{} (+{})", parts[0].0, fs.len() - 1);
            let bodies: Vec<String> = parts.into_iter().map(|(_, b)| b).collect();
            Ok((
                subject,
                bodies.join("\n\n----------------------------------------\n\n"),
            ))
        }
    }
}

/// Whether a case's notice waits for an analyst because the hosting changed just before it
/// was sent (a `host_changed` timeline entry): the change it recorded, from the timeline's
/// `(kind, details)` oldest first. A notice sent since ends the wait; so does a trace taken
/// since (an analyst's "trace again"), unless `through_traces`, which the routing after that
/// trace uses to find the notice it must now send.
pub fn host_change_waiting<'a>(
    legs: &[(&'a str, Option<&'a str>)],
    through_traces: bool,
) -> Option<&'a str> {
    for (kind, details) in legs.iter().rev() {
        match *kind {
            "host_changed" => return Some(details.unwrap_or_default()),
            "notice_sent" => return None,
            "traced" if !through_traces => return None,
            _ => {}
        }
    }
    None
}

/// Words that make a good-faith statement (DSA Art. 16(2)(d)) in the notice languages.
const GOOD_FAITH: &[&str] = &[
    "good faith",
    "goede trouw",
    "goeder trouw",
    "bonne foi",
    "gutem glauben",
    "guten glauben",
    "treu und glauben",
];

/// What a notice body lacks of DSA Art. 16(2), named for whoever wrote the template: the
/// exact address, the reasons (the statute the content breaches), the good-faith statement
/// and the hotline's contact. Empty when nothing is missing.
pub fn missing_article_16(body: &str, f: &NoticeFacts) -> Vec<&'static str> {
    let lower = body.to_lowercase();
    let mut missing = Vec::new();
    if !body.contains(&f.address) {
        missing.push("the exact address ({{ address }}), Art. 16(2)(b)");
    }
    if !body.contains(&f.statute) {
        missing
            .push("the reasons: the statute the material breaches ({{ statute }}), Art. 16(2)(a)");
    }
    if !GOOD_FAITH.iter().any(|w| lower.contains(w)) {
        missing.push(
            "the good-faith statement (\"We send this notice in good faith…\"; te goeder trouw, de bonne foi, in gutem Glauben), Art. 16(2)(d)",
        );
    }
    if !body.contains(bare_address(&f.hotline_email)) {
        missing.push("the hotline's contact ({{ hotline_email }}), Art. 16(2)(c)");
    }
    missing
}

/// The XARF version the reports follow (the `xarf` reference validator's spec version).
pub const XARF_VERSION: &str = "4.2.0";

/// The XARF `classification` of an illegal assessment. XARF v4 knows the international
/// `baseline` and the industry scheme's A1/A2/B1/B2 (age group × act), nothing national, and
/// the assessment does not record the act. So: baseline material is sent as `baseline`;
/// material illegal under national law only is sent as `B2`, the least severe category of the
/// scheme, so a receiver never ranks it above what was assessed, and the report's
/// `description` says plainly that it is illegal under national law only and names the statute.
pub fn xarf_classification(national_only: bool) -> &'static str {
    if national_only { "B2" } else { "baseline" }
}

/// The XARF v4 report (category `content`, type `csam`) for the same notice. It names the
/// hotline as reporter and sender (never the person who reported), the address and its host,
/// and nothing of the content: no hashes, no evidence items. When the police asked that the
/// evidence be preserved, the description says so (XARF has no field for it).
pub fn xarf(f: &NoticeFacts) -> serde_json::Value {
    let contact = bare_address(&f.hotline_email);
    let hotline_domain = contact
        .rsplit_once('@')
        .map(|(_, d)| d.to_ascii_lowercase())
        .unwrap_or_default();
    let party = json!({
        "org": f.hotline_name,
        "contact": contact,
        "domain": hotline_domain,
    });
    let host = url::Url::parse(&f.address)
        .ok()
        .and_then(|u| u.host_str().map(|h| h.trim_matches(['[', ']']).to_owned()))
        .unwrap_or_else(|| f.address.clone());
    let description = if f.national_only {
        format!(
            "Reference {}. Child sexual abuse material illegal under national law only ({}); \
             it does not meet the international baseline.",
            f.reference, f.statute
        )
    } else {
        format!(
            "Reference {}. Child sexual abuse material meeting the international baseline; \
             illegal under {}.",
            f.reference, f.statute
        )
    };
    // XARF has no field of its own for it: the description says it.
    let description = if f.preserve_evidence {
        format!(
            "{description} The police ask that the material and its records be preserved as evidence before removal."
        )
    } else {
        description
    };
    let mut doc = json!({
        "xarf_version": XARF_VERSION,
        "report_id": f.report_id,
        // XARF wants a date-time: midnight UTC of the day, never the time of the report.
        "timestamp": format!("{}T00:00:00Z", f.reported_day()),
        "reporter": party,
        "sender": party,
        "source_identifier": host,
        "category": "content",
        "type": "csam",
        "url": f.address,
        "classification": xarf_classification(f.national_only),
        "detection_method": if f.from_public_report { "user_report" } else { "manual_review" },
        "verification_method": "manual",
        "evidence_source": if f.from_public_report { "user_report" } else { "researcher_analysis" },
        "description": description,
    });
    // XARF's `domain` is a lower-case name with a letter TLD: not an IP, not punycode.
    if xarf_domain_shape(&host) {
        doc["domain"] = json!(host);
    }
    if let Some(at) = &f.assessed_at {
        doc["verified_at"] = json!(at);
    }
    doc
}

/// The address of a mailbox given as `Name <box@example.com>` or `box@example.com`.
pub fn bare_address(mailbox: &str) -> &str {
    match (mailbox.rfind('<'), mailbox.rfind('>')) {
        (Some(open), Some(close)) if open < close => mailbox[open + 1..close].trim(),
        _ => mailbox.trim(),
    }
}

/// Whether `host` fits XARF's `domain` pattern `^([a-z0-9]+(-[a-z0-9]+)*\.)+[a-z]{2,}$`.
fn xarf_domain_shape(host: &str) -> bool {
    let Some((labels, tld)) = host.rsplit_once('.') else {
        return false;
    };
    tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_lowercase())
        && labels.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && !l.contains("--")
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{Contact, HostingAddress, Registrar};

    const HOUR: i64 = 3_600_000;

    #[test]
    fn takedown_regimes() {
        use crate::police::{PoliceStep, PoliceStepKind as K};
        use NoticeDecision::*;
        let record = |kinds: &[K]| {
            PoliceRecord::new(
                kinds
                    .iter()
                    .map(|k| PoliceStep {
                        kind: *k,
                        reference: None,
                        reason: None,
                        country: None,
                        note: String::new(),
                    })
                    .collect(),
            )
        };
        let police = notice_due(
            TakedownBy::Police,
            48,
            0,
            &record(&[K::Cleared]),
            100 * HOUR,
        );
        assert!(
            matches!(police, NotOurs(_)),
            "the police regime never sends"
        );
        let hotline =
            |kinds: &[K], now| notice_due(TakedownBy::Hotline, 48, 0, &record(kinds), now);
        assert_eq!(hotline(&[], HOUR), At(48 * HOUR));
        assert_eq!(hotline(&[], 48 * HOUR), Now, "the objection window passed");
        assert_eq!(hotline(&[K::Acknowledged], 49 * HOUR), Now);
        assert_eq!(hotline(&[K::Cleared], HOUR), Now, "cleared early");
        assert_eq!(hotline(&[K::Hold], 1000 * HOUR), Held, "a hold stops it");
        assert_eq!(
            hotline(
                &[K::Hold, K::Acknowledged, K::OrderRequested, K::Cleared],
                1000 * HOUR
            ),
            Held,
            "steps after a hold do not lift it"
        );
        assert_eq!(hotline(&[K::Hold, K::Cleared, K::Release], HOUR), Now);
    }

    #[test]
    fn recipients_in_order_without_duplicates() {
        let abuse = |e: &str| {
            Some(Contact {
                email: Some(e.into()),
                ..Default::default()
            })
        };
        let t = Trace {
            addresses: vec![
                HostingAddress {
                    abuse: abuse("abuse@cdn.example.com"),
                    cdn: Some("Cloudflare".into()),
                    ..Default::default()
                },
                HostingAddress {
                    abuse: abuse("Abuse@Host.example.com "),
                    ..Default::default()
                },
                HostingAddress {
                    abuse: abuse("abuse@host.example.com"),
                    ..Default::default()
                },
                HostingAddress {
                    abuse: abuse("not an address"),
                    ..Default::default()
                },
            ],
            registrar: Some(Registrar {
                abuse: abuse("abuse@registrar.example.com"),
                ..Default::default()
            }),
            ..Default::default()
        };
        let r = recipients(&t);
        assert_eq!(
            r.iter()
                .map(|r| (r.email.as_str(), r.role))
                .collect::<Vec<_>>(),
            [
                ("abuse@cdn.example.com", RecipientRole::Cdn),
                ("abuse@host.example.com", RecipientRole::Host),
                ("abuse@registrar.example.com", RecipientRole::Registrar),
            ]
        );
    }

    fn facts() -> NoticeFacts {
        NoticeFacts {
            reference: "BE-2026-000001".into(),
            address: "http://example.com/a".into(),
            statute: "Belgian Criminal Code, art. 417/43".into(),
            hotline_name: "Hotline".into(),
            hotline_email: "notices@hotline.example.com".into(),
            reported_at: "2026-11-28T10:00:00Z".into(),
            preserve_evidence: true,
            report_id: "0b7d4a2e-5d8e-4c86-9a4f-2f3a6b1c9d10".into(),
            national_only: false,
            from_public_report: true,
            assessed_at: Some("2026-11-28T11:00:00Z".into()),
            language: Language::En,
            answer_link: None,
        }
    }

    #[test]
    fn the_notice_says_what_article_16_asks() {
        let (subject, body) = notice_text(&facts());
        assert!(subject.contains("http://example.com/a") && subject.contains("BE-2026-000001"));
        for needed in [
            "http://example.com/a",
            "Belgian Criminal Code, art. 417/43",
            "good faith",
            "Reference: BE-2026-000001",
            "preserve",
            "does not name the",
        ] {
            assert!(body.contains(needed), "missing {needed:?}");
        }
        let (_, body) = notice_text(&NoticeFacts {
            preserve_evidence: false,
            ..facts()
        });
        assert!(!body.contains("preserve"));
    }

    /// Writes a XARF document for `.ci/validate-xarf` when `HOTLINE_XARF_OUT` names a folder.
    fn keep_for_validation(label: &str, doc: &serde_json::Value) {
        use sha2::Digest;
        let Some(dir) = std::env::var_os("HOTLINE_XARF_OUT") else {
            return;
        };
        let text = serde_json::to_string_pretty(doc).unwrap();
        let digest = sha2::Sha256::digest(text.as_bytes());
        let name = format!(
            "domain-{label}-{:02x}{:02x}{:02x}{:02x}.json",
            digest[0], digest[1], digest[2], digest[3]
        );
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(std::path::Path::new(&dir).join(name), text).unwrap();
    }

    #[test]
    fn xarf_names_the_hotline_as_reporter_and_sender_and_maps_the_classification() {
        let base = facts();
        let cases = [
            ("baseline", base.clone()),
            (
                "national",
                NoticeFacts {
                    national_only: true,
                    from_public_report: false,
                    assessed_at: None,
                    ..base.clone()
                },
            ),
            (
                "ip-host",
                NoticeFacts {
                    address: "http://192.0.2.10:8080/x?y=1".into(),
                    ..base.clone()
                },
            ),
            (
                "ipv6-host",
                NoticeFacts {
                    address: "https://[2001:db8::10]/x".into(),
                    ..base.clone()
                },
            ),
        ];
        for (label, f) in cases {
            let x = xarf(&f);
            keep_for_validation(label, &x);
            assert_eq!(x["xarf_version"], XARF_VERSION);
            assert_eq!(
                (x["category"].as_str(), x["type"].as_str()),
                (Some("content"), Some("csam"))
            );
            let party = json!({
                "org": "Hotline",
                "contact": "notices@hotline.example.com",
                "domain": "hotline.example.com",
            });
            // Exactly org, contact, domain: XARF allows no other property (no `type`).
            assert_eq!(x["reporter"], party, "{label}");
            assert_eq!(x["sender"], party, "{label}");
            assert_eq!(x["url"], f.address);
            assert_eq!(
                x["classification"],
                if f.national_only { "B2" } else { "baseline" }
            );
            assert_eq!(
                x["detection_method"],
                if f.from_public_report {
                    "user_report"
                } else {
                    "manual_review"
                }
            );
            let description = x["description"].as_str().unwrap();
            assert!(description.contains(&f.statute) && description.contains(&f.reference));
            assert_eq!(description.contains("national law only"), f.national_only);
            // Never anything of the content, nor of the person who reported it.
            for absent in [
                "hash_values",
                "evidence",
                "media_type",
                "screenshot_url",
                "ncmec_report_id",
            ] {
                assert!(x.get(absent).is_none(), "{label}: {absent}");
            }
            assert_eq!(x.get("verified_at").is_some(), f.assessed_at.is_some());
        }
        let named = xarf(&NoticeFacts {
            hotline_email: "Hotline <notices@hotline.example.com>".into(),
            ..facts()
        });
        assert_eq!(named["sender"]["contact"], "notices@hotline.example.com");
        assert_eq!(named["sender"]["domain"], "hotline.example.com");
        assert_eq!(xarf(&facts())["source_identifier"], "example.com");
        assert_eq!(xarf(&facts())["domain"], "example.com");
        let ip = xarf(&NoticeFacts {
            address: "http://192.0.2.10:8080/x".into(),
            ..facts()
        });
        assert_eq!(ip["source_identifier"], "192.0.2.10");
        assert!(ip.get("domain").is_none(), "an IP is not a XARF domain");
        let v6 = xarf(&NoticeFacts {
            address: "https://[2001:db8::10]/x".into(),
            ..facts()
        });
        assert_eq!(v6["source_identifier"], "2001:db8::10");
        assert!(
            !xarf_domain_shape("xn--bcher-kva.example"),
            "XARF's pattern refuses punycode"
        );
        assert!(xarf_domain_shape("a-b.example.com") && !xarf_domain_shape("example"));
    }
}

/// The variables a notice template may use.
pub const TEMPLATE_VARIABLES: &[&str] = &[
    "reference",
    "address",
    "statute",
    "hotline_name",
    "hotline_email",
    "reported_at",
    "preserve_evidence",
    "answer_link",
];

/// Instructions a notice template may run.
pub const TEMPLATE_FUEL: u64 = 100_000;

/// Why a notice template cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TemplateError {
    /// The template's line at fault, when there is one.
    pub line: Option<usize>,
    pub message: String,
}

/// The subject and body of a notice from an operator's `template` (minijinja; the first line
/// is the subject). Unknown variables are errors, not empty text, so a typo shows before a
/// notice goes out; the body must contain the address.
pub fn render_template(template: &str, f: &NoticeFacts) -> Result<(String, String), TemplateError> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // A template (an admin's text) must not run for ever: loops and filters cost fuel, and a
    // notice needs a few thousand instructions at most.
    env.set_fuel(Some(TEMPLATE_FUEL));
    let rendered = env
        .render_str(
            template,
            minijinja::context! {
                reference => &f.reference,
                address => &f.address,
                statute => &f.statute,
                hotline_name => &f.hotline_name,
                hotline_email => &f.hotline_email,
                reported_at => f.reported_day(),
                preserve_evidence => f.preserve_evidence,
                answer_link => f.answer_link.as_deref().unwrap_or(""),
            },
        )
        .map_err(|e| {
            let detail = e.detail().map(|d| format!(": {d}")).unwrap_or_default();
            let what = match e.kind() {
                minijinja::ErrorKind::UndefinedError => format!(
                    "an unknown variable{detail} (known: {})",
                    TEMPLATE_VARIABLES.join(", ")
                ),
                minijinja::ErrorKind::SyntaxError => format!("a syntax error{detail}"),
                kind => format!("{kind}{detail}"),
            };
            TemplateError {
                line: e.line(),
                message: match e.line() {
                    Some(l) => format!("line {l}: {what}"),
                    None => what,
                },
            }
        })?;
    let (subject, body) = rendered.split_once('\n').unwrap_or((&rendered, ""));
    if subject.trim().is_empty() {
        return Err(TemplateError {
            line: Some(1),
            message: "line 1: the first line is the subject and must not be empty".into(),
        });
    }
    let missing = missing_article_16(body, f);
    if !missing.is_empty() {
        return Err(TemplateError {
            line: None,
            message: format!(
                "the body (after the first line) lacks what DSA Art. 16(2) requires of a notice: {}",
                missing.join("; ")
            ),
        });
    }
    let mut body = body.trim_start().to_owned();
    // Every notice carries its answer link: a template that does not place it gets the
    // built-in sentence at its end.
    if let Some(link) = f.answer_link.as_deref().filter(|l| !body.contains(l)) {
        body = format!(
            "{}\n\n{}\n",
            body.trim_end(),
            crate::answers::answer_paragraph(f.language, link)
        );
    }
    Ok((subject.trim().to_owned(), body))
}

/// The subject and body of a notice: the operator's template if there is one, else the
/// built-in text in the notice's language.
pub fn compose(template: Option<&str>, f: &NoticeFacts) -> Result<(String, String), String> {
    match template {
        None => Ok(notice_text(f)),
        Some(t) => {
            render_template(t, f).map_err(|e| format!("the notice template does not render: {e}"))
        }
    }
}

/// Made-up facts on reserved names and documentation addresses, to preview a template with:
/// never a real case's address.
pub fn sample_facts(hotline_name: &str, statute: &str, preserve_evidence: bool) -> NoticeFacts {
    NoticeFacts {
        reference: "XX-2026-000123".into(),
        address: "http://192.0.2.10/example/path".into(),
        statute: statute.into(),
        hotline_name: hotline_name.into(),
        hotline_email: "notices@hotline.example.com".into(),
        reported_at: "2026-01-02T03:04:05Z".into(),
        preserve_evidence,
        report_id: "00000000-0000-4000-8000-000000000000".into(),
        national_only: false,
        from_public_report: true,
        assessed_at: Some("2026-01-02T05:06:07Z".into()),
        language: Language::En,
        answer_link: None,
    }
}

#[cfg(test)]
mod template_tests {
    use super::*;

    /// A template with everything DSA Art. 16(2) asks for.
    const COMPLETE: &str = "Notice {{ reference }}\n\nAt {{ address }}: illegal under {{ statute }}. \
        We write in good faith. Contact: {{ hotline_email }}";

    #[test]
    fn a_template_that_loops_without_end_is_stopped() {
        let f = sample_facts("Hotline", "a statute", false);
        let e = render_template(
            "S\n{{ address }}{% for a in range(10000) %}{% for b in range(10000) %}x{% endfor %}{% endfor %}",
            &f,
        )
        .unwrap_err();
        assert!(e.message.contains("fuel"), "{e}");
    }

    #[test]
    fn a_notice_tells_the_day_of_the_report_never_its_time() {
        let mut f = sample_facts("Hotline", "a statute", false);
        f.reported_at = "2026-01-02T03:04:05.678Z".into();
        let (_, body) = notice_text(&f);
        assert!(body.contains("Reported to us: 2026-01-02\n"), "{body}");
        let x = xarf(&f);
        assert_eq!(x["timestamp"], "2026-01-02T00:00:00Z");
        let (_, body) = render_template(
            "S\n{{ address }} {{ statute }}, in good faith, {{ hotline_email }} {{ reported_at }}",
            &f,
        )
        .unwrap();
        assert!(body.ends_with(" 2026-01-02"), "{body}");
        for text in [notice_text(&f).1, x.to_string(), body] {
            assert!(!text.contains("03:04"), "{text}");
        }
        f.reported_at = "not a time".into();
        assert_eq!(f.reported_day(), "");
    }

    #[test]
    fn a_template_renders_and_its_mistakes_are_named_with_their_line() {
        let f = sample_facts("Hotline", "a statute", false);
        let (subject, body) = render_template(COMPLETE, &f).unwrap();
        assert_eq!(subject, "Notice XX-2026-000123");
        assert!(
            body.starts_with("At http://192.0.2.10/example/path: illegal under a statute."),
            "{body}"
        );
        let e = render_template("Subject\n\n{{ adress }}", &f).unwrap_err();
        assert!(e.message.contains("unknown variable"), "{e}");
        assert_eq!(e.line, Some(3), "{e}");
        let e = render_template("Subject\n{% if %}\n{{ address }}", &f).unwrap_err();
        assert!(e.message.contains("syntax error"), "{e}");
        assert_eq!(e.line, Some(2));
        let e = render_template("\n{{ address }}", &f).unwrap_err();
        assert!(e.message.contains("subject"), "{e}");
        let e = render_template("Subject only", &f).unwrap_err();
        assert!(e.message.contains("{{ address }}"), "{e}");
        assert!(compose(None, &f).unwrap().1.contains(&f.address));
    }

    #[test]
    fn a_template_without_an_article_16_element_is_refused_naming_it() {
        let f = sample_facts("Hotline", "a statute", false);
        for (without, named) in [
            ("{{ address }}", "the exact address"),
            ("{{ statute }}", "the reasons"),
            ("good faith", "the good-faith statement"),
            ("{{ hotline_email }}", "the hotline's contact"),
        ] {
            let template = COMPLETE.replace(without, "");
            let e = render_template(&template, &f).unwrap_err();
            assert!(e.message.contains("Art. 16(2)"), "{e}");
            assert!(e.message.contains(named), "{without}: {e}");
            assert_eq!(
                e.message.matches("Art. 16(2)(").count(),
                1,
                "only what is missing: {e}"
            );
        }
        // The statement may be in any of the notice languages.
        let dutch = COMPLETE.replace("We write in good faith.", "Wij melden dit te goeder trouw.");
        assert!(render_template(&dutch, &f).is_ok());
    }

    #[test]
    fn the_built_in_text_in_each_language_has_every_article_16_element() {
        for language in Language::ALL {
            for preserve_evidence in [false, true] {
                let f = NoticeFacts {
                    language: *language,
                    preserve_evidence,
                    ..sample_facts("Hotline", "Belgian Criminal Code, art. 417/43", false)
                };
                let (subject, body) = notice_text(&f);
                assert!(
                    subject.contains(&f.address) && subject.contains(&f.reference),
                    "{language}"
                );
                assert_eq!(
                    missing_article_16(&body, &f),
                    Vec::<&str>::new(),
                    "{language}: {body}"
                );
                assert!(body.contains("XARF v4"), "{language}");
                assert!(
                    !body.contains('{'),
                    "{language}: a placeholder left: {body}"
                );
                // The preservation request only when the police asked for it: its sentence is
                // the one the built-in text adds.
                let plain = notice_text(&NoticeFacts {
                    preserve_evidence: false,
                    ..f.clone()
                })
                .1;
                assert_eq!(body.len() > plain.len(), preserve_evidence, "{language}");
            }
        }
        let dutch = NoticeFacts {
            language: Language::Nl,
            ..sample_facts("Hotline", "a statute", false)
        };
        let text = notice_text(&dutch).1;
        assert!(text.contains("te goeder trouw") && text.contains("Referentie: XX-2026-000123"));
    }

    #[test]
    fn every_notice_carries_its_answer_link_built_in_or_templated() {
        let link = crate::answers::answer_link("https://hotline.example.org", Language::Nl);
        for language in Language::ALL {
            let f = NoticeFacts {
                language: *language,
                answer_link: link.clone(),
                ..sample_facts("Hotline", "a statute", false)
            };
            let (_, body) = notice_text(&f);
            assert!(
                body.contains(link.as_deref().unwrap()),
                "{language}: {body}"
            );
        }
        let f = NoticeFacts {
            answer_link: link.clone(),
            ..sample_facts("Hotline", "a statute", false)
        };
        // A template that places the link has it once; one that does not gets it at its end.
        let placed = format!("{COMPLETE}\nAnswer: {{{{ answer_link }}}}");
        let (_, body) = render_template(&placed, &f).unwrap();
        assert_eq!(body.matches(link.as_deref().unwrap()).count(), 1, "{body}");
        assert!(body.contains("Answer: https://hotline.example.org/nl/answer/"));
        let (_, body) = render_template(COMPLETE, &f).unwrap();
        assert!(
            body.trim_end().ends_with(link.as_deref().unwrap()),
            "{body}"
        );
        // Without a site address there is no link, and the variable is empty.
        let none = sample_facts("Hotline", "a statute", false);
        let (_, body) = render_template(&placed, &none).unwrap();
        assert!(body.trim_end().ends_with("Answer:"), "{body}");
        assert!(!notice_text(&none).1.contains("/answer/"));
    }

    #[test]
    fn the_notice_language_follows_the_host_country() {
        use Language::*;
        assert_eq!(notice_language(Some("NL"), Fr), Nl);
        assert_eq!(notice_language(Some("fr"), Nl), Fr);
        assert_eq!(notice_language(Some("AT"), En), De);
        assert_eq!(notice_language(Some("US"), Nl), En);
        // Several languages: the hotline's own if the country speaks it.
        assert_eq!(notice_language(Some("BE"), Fr), Fr);
        assert_eq!(notice_language(Some("BE"), En), Nl);
        assert_eq!(notice_language(Some("CH"), Fr), Fr);
        // None of the four, or unknown: the hotline's language.
        assert_eq!(notice_language(Some("RU"), De), De);
        assert_eq!(notice_language(None, Nl), Nl);
    }
}

#[cfg(test)]
mod group_tests {
    use super::*;

    fn many(n: usize) -> Vec<NoticeFacts> {
        (1..=n)
            .map(|i| NoticeFacts {
                reference: format!("XX-2026-{i:06}"),
                address: format!("http://192.0.2.10/example/{i}"),
                answer_link: Some(format!("https://hotline.example.org/en/answer/token-{i}")),
                preserve_evidence: i == 2,
                ..sample_facts("Hotline", "a statute", false)
            })
            .collect()
    }

    #[test]
    fn one_mail_lists_every_address_with_its_own_reference_and_answer_link() {
        for language in Language::ALL {
            let fs: Vec<NoticeFacts> = many(5)
                .into_iter()
                .map(|f| NoticeFacts {
                    language: *language,
                    ..f
                })
                .collect();
            let (subject, body) = compose_group(None, &fs).unwrap();
            assert!(
                subject.contains(" 5 ") && subject.contains("XX-2026-000001 +4"),
                "{subject}"
            );
            for f in &fs {
                assert_eq!(body.matches(&f.address).count(), 1, "{language}: {body}");
                assert!(body.contains(&f.reference), "{language}");
                assert!(
                    body.contains(f.answer_link.as_deref().unwrap()),
                    "{language}"
                );
                // Every Art. 16(2) element, for each address.
                assert_eq!(
                    missing_article_16(&body, f),
                    Vec::<&str>::new(),
                    "{language}"
                );
            }
            assert_eq!(
                body.matches(built_in(*language).preserve).count(),
                1,
                "{language}"
            );
            assert!(
                body.contains("XARF v4") && !body.contains('{'),
                "{language}: {body}"
            );
        }
        // One notice is the notice as ever.
        let one = many(1);
        assert_eq!(compose_group(None, &one).unwrap(), notice_text(&one[0]));
    }

    #[test]
    fn a_template_renders_each_notice_of_the_mail() {
        let t = "Notice {{ reference }}\nAt {{ address }}: {{ statute }}. In good faith, {{ hotline_email }}";
        let (subject, body) = compose_group(Some(t), &many(3)).unwrap();
        assert_eq!(subject, "Notice XX-2026-000001 (+2)");
        for f in many(3) {
            assert!(body.contains(&format!("At {}", f.address)), "{body}");
        }
        assert!(compose_group(Some("Subject only"), &many(2)).is_err());
    }

    #[test]
    fn a_host_change_waits_for_an_analyst_until_a_trace_or_a_notice() {
        let legs = |kinds: &[&'static str]| -> Vec<(&'static str, Option<&'static str>)> {
            kinds
                .iter()
                .map(|k| (*k, (*k == "host_changed").then_some("A -> B")))
                .collect()
        };
        let changed = legs(&["traced", "referred_police", "traced", "host_changed"]);
        assert_eq!(host_change_waiting(&changed, false), Some("A -> B"));
        let retraced = legs(&["traced", "host_changed", "traced"]);
        assert_eq!(host_change_waiting(&retraced, false), None);
        assert_eq!(host_change_waiting(&retraced, true), Some("A -> B"));
        let sent = legs(&["host_changed", "traced", "notice_sent"]);
        assert_eq!(host_change_waiting(&sent, true), None);
        assert_eq!(host_change_waiting(&legs(&["traced"]), true), None);
    }
}

#[cfg(test)]
mod hosting_change_tests {
    use super::hosting_change;
    use crate::trace::{Contact, HostingAddress, StepError, Trace};

    fn traced(ip: &str, asn: u32, abuse: &str) -> Trace {
        Trace {
            host: "shop.example.test".into(),
            traced_at_ms: 0,
            untraceable: None,
            cname_chain: vec![],
            addresses: vec![HostingAddress {
                ip: ip.into(),
                asn: Some(asn),
                abuse: Some(Contact {
                    email: Some(abuse.into()),
                    ..Contact::default()
                }),
                ..HostingAddress::default()
            }],
            registrable_domain: None,
            registrar: None,
            errors: vec![],
        }
    }

    #[test]
    fn a_move_to_another_network_is_a_change_a_new_address_on_the_same_is_not() {
        let before = traced("192.0.2.70", 64500, "abuse@one.example");
        assert_eq!(
            hosting_change(&before, &traced("192.0.2.71", 64500, "abuse@one.example")),
            None
        );
        assert_eq!(
            hosting_change(&before, &traced("198.51.100.9", 64501, "abuse@two.example")).as_deref(),
            Some("AS64500, abuse@one.example -> AS64501, abuse@two.example")
        );
    }

    #[test]
    fn an_incomplete_fresh_trace_tells_nothing() {
        let before = traced("192.0.2.70", 64500, "abuse@one.example");
        let mut failed = traced("198.51.100.9", 64501, "abuse@two.example");
        failed.errors.push(StepError {
            step: "rdap-ip".into(),
            subject: "198.51.100.9".into(),
            error: "timed out".into(),
        });
        assert_eq!(hosting_change(&before, &failed), None);
        let mut gone = before.clone();
        gone.addresses.clear();
        assert_eq!(hosting_change(&before, &gone), None);
    }

    #[test]
    fn the_registrar_says_nothing_about_the_hosting() {
        let before = traced("192.0.2.70", 64500, "abuse@one.example");
        let mut after = traced("192.0.2.71", 64500, "abuse@one.example");
        after.errors.push(StepError {
            step: "rdap-domain".into(),
            subject: "example.test".into(),
            error: "no RDAP server".into(),
        });
        after.registrar = Some(crate::trace::Registrar {
            abuse: Some(Contact {
                email: Some("abuse@registrar.example".into()),
                ..Contact::default()
            }),
            ..crate::trace::Registrar::default()
        });
        assert_eq!(hosting_change(&before, &after), None);
        let mut moved = traced("198.51.100.9", 64501, "abuse@two.example");
        moved.errors = after.errors.clone();
        assert!(hosting_change(&before, &moved).is_some());
    }
}
