//! Sending notices by e-mail with lettre over SMTP: a plain-text body for people and the XARF
//! v4 report attached as JSON for machines. The Message-ID is the notice's own, so a resend
//! after a crash is recognisable as the same notice.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::NetworkPolicy;

/// Why a notice could not be sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    #[error("the hotline is configured offline (network.offline = true): the notice waits")]
    Offline,
    #[error("no SMTP server is configured (notices.smtp_url): the notice waits")]
    NotConfigured,
    #[error("\"{0}\" is not a usable e-mail address")]
    BadAddress(String),
    #[error("the SMTP address \"{url}\" is not usable: {why}")]
    BadSmtpUrl { url: String, why: String },
    #[error("the message could not be built: {0}")]
    Build(String),
    #[error("the SMTP server refused or failed: {0}")]
    Smtp(String),
}

/// One mail to one recipient, ready to send: one notice, or several notices of one run
/// grouped (issue 17), with one XARF report per address, as XARF asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingNotice {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// One XARF JSON document per address, attached as `xarf.json` when there is one,
    /// `xarf-1.json`, `xarf-2.json`, … in the order of the text's list otherwise.
    pub xarf_json: Vec<String>,
    /// Without angle brackets, e.g. `notice-12-1@hotline.example`.
    pub message_id: String,
}

/// A plain-text message (a referral to a partner hotline by e-mail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// Without angle brackets.
    pub message_id: String,
}

/// Checks that `address` is one e-mail address (`name@domain`), as registered for a partner.
pub fn check_address(address: &str) -> Result<(), MailError> {
    address
        .parse::<lettre::Address>()
        .map(|_| ())
        .map_err(|_| MailError::BadAddress(address.to_owned()))
}

/// An SMTP connection setting and the sender address.
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
    /// Whom the process may contact: the SMTP server's address passes the same policy as
    /// every other outbound target before each connection ([`NetworkPolicy::admit_url`]).
    /// Offline, mail may still go to an SMTP server on this machine when the policy allows
    /// loopback targets (tests); nothing leaves the machine.
    policy: NetworkPolicy,
    smtp_url: String,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("configured", &self.transport.is_some())
            .field("offline", &self.policy.offline)
            .finish()
    }
}

impl Mailer {
    /// `smtp_url` as lettre reads it (`smtp://host:port`, `smtps://…`,
    /// `smtp://host?tls=required`); empty means no sending. `from` is the hotline's address.
    pub fn new(policy: &NetworkPolicy, smtp_url: &str, from: &str) -> Result<Mailer, MailError> {
        let from: Mailbox = from
            .parse()
            .map_err(|_| MailError::BadAddress(from.to_owned()))?;
        let transport = if smtp_url.trim().is_empty() {
            None
        } else {
            let builder =
                AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url).map_err(|e| {
                    MailError::BadSmtpUrl {
                        url: crate::redacted(smtp_url),
                        why: e.to_string(),
                    }
                })?;
            Some(builder.timeout(Some(Duration::from_secs(30))).build())
        };
        Ok(Mailer {
            transport,
            from,
            policy: policy.clone(),
            smtp_url: smtp_url.trim().to_owned(),
        })
    }

    /// The envelope every message shares: from the hotline, to one recipient, with its own
    /// Message-ID.
    fn builder(
        &self,
        to: &str,
        subject: &str,
        message_id: &str,
    ) -> Result<lettre::message::MessageBuilder, MailError> {
        let to: Mailbox = to
            .parse()
            .map_err(|_| MailError::BadAddress(to.to_owned()))?;
        Ok(Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(format!("<{message_id}>"))))
    }

    /// Builds the message: text for people, XARF for machines (one part per address).
    pub fn message(&self, n: &OutgoingNotice) -> Result<Message, MailError> {
        let json =
            ContentType::parse("application/json").map_err(|e| MailError::Build(e.to_string()))?;
        let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(n.body.clone()));
        for (i, doc) in n.xarf_json.iter().enumerate() {
            let name = if n.xarf_json.len() == 1 {
                "xarf.json".to_owned()
            } else {
                format!("xarf-{}.json", i + 1)
            };
            parts = parts.singlepart(Attachment::new(name).body(doc.clone(), json.clone()));
        }
        self.builder(&n.to, &n.subject, &n.message_id)?
            .multipart(parts)
            .map_err(|e| MailError::Build(e.to_string()))
    }

    /// Sends one notice.
    pub async fn send(&self, n: &OutgoingNotice) -> Result<(), MailError> {
        let message = self.message(n)?;
        self.deliver(message).await
    }

    /// Sends one plain-text message.
    pub async fn send_mail(&self, m: &OutgoingMail) -> Result<(), MailError> {
        let message = self
            .builder(&m.to, &m.subject, &m.message_id)?
            .singlepart(SinglePart::plain(m.body.clone()))
            .map_err(|e| MailError::Build(e.to_string()))?;
        self.deliver(message).await
    }

    /// Whether the SMTP server answers (a connection and `EHLO`/`NOOP`, nothing sent).
    pub async fn check(&self) -> Result<(), MailError> {
        let transport = self.admitted().await?;
        match transport.test_connection().await {
            Ok(true) => Ok(()),
            Ok(false) => Err(MailError::Smtp("the server did not answer NOOP".into())),
            Err(e) => Err(MailError::Smtp(e.to_string())),
        }
    }

    /// The transport, once the SMTP server's address passes the policy.
    async fn admitted(&self) -> Result<&AsyncSmtpTransport<Tokio1Executor>, MailError> {
        let transport = self.transport.as_ref().ok_or(MailError::NotConfigured)?;
        self.policy
            .admit_url(&self.smtp_url)
            .await
            .map_err(|refused| match refused {
                crate::Refused::Offline => MailError::Offline,
                other => MailError::BadSmtpUrl {
                    url: crate::redacted(&self.smtp_url),
                    why: other.to_string(),
                },
            })?;
        Ok(transport)
    }

    async fn deliver(&self, message: Message) -> Result<(), MailError> {
        let transport = self.admitted().await?;
        transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| MailError::Smtp(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::smtp_sink;
    use hotline_domain::notice::{NoticeFacts, notice_text, xarf};

    fn notice() -> OutgoingNotice {
        let facts = NoticeFacts {
            reference: "BE-2026-000042".into(),
            address: "http://example.com/gallery/42".into(),
            statute: "Belgian Criminal Code, art. 417/43".into(),
            hotline_name: "Hotline".into(),
            hotline_email: "notices@hotline.example.com".into(),
            reported_at: "2026-11-28T10:00:00Z".into(),
            preserve_evidence: false,
            report_id: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f".into(),
            national_only: false,
            from_public_report: true,
            assessed_at: None,
            language: hotline_domain::report::Language::En,
            answer_link: None,
        };
        let (subject, body) = notice_text(&facts);
        OutgoingNotice {
            to: "abuse@host.example.com".into(),
            subject,
            body,
            xarf_json: vec![xarf(&facts).to_string()],
            message_id: "notice-42-1@hotline.example.com".into(),
        }
    }

    #[tokio::test]
    async fn a_notice_reaches_the_smtp_server_with_its_xarf_part() {
        let (port, inbox) = smtp_sink().await;
        // The test's SMTP sink is on loopback, which only this policy lets through.
        let loopback = NetworkPolicy {
            allow_loopback_targets: true,
            ..NetworkPolicy::default()
        };
        let mailer = Mailer::new(
            &loopback,
            &format!("smtp://127.0.0.1:{port}"),
            "Hotline <notices@hotline.example.com>",
        )
        .unwrap();
        mailer.send(&notice()).await.unwrap();
        let got = inbox.lock().unwrap().clone();
        assert_eq!(got.len(), 1);
        let m = &got[0];
        assert_eq!(m.to, ["<abuse@host.example.com>"]);
        let data = &m.data;
        assert!(
            data.contains("Message-ID: <notice-42-1@hotline.example.com>"),
            "{data}"
        );
        assert!(data.contains("http://example.com/gallery/42"));
        assert!(data.contains("417/43"));
        assert!(data.contains("filename=\"xarf.json\""), "{data}");
        // The XARF part, as it travelled (quoted-printable): its JSON parses and has the
        // required fields.
        let part = &data[data.find("filename=\"xarf.json\"").unwrap()..];
        let body_start = part.find("\n\n").unwrap() + 2;
        let body = &part[body_start..part.find("\n--").unwrap()];
        let decoded = quoted_printable::decode(
            body.replace('\n', "\r\n"),
            quoted_printable::ParseMode::Robust,
        )
        .unwrap();
        crate::testing::keep_xarf("mailer", std::str::from_utf8(&decoded).unwrap());
        let json: serde_json::Value = serde_json::from_slice(&decoded).unwrap();
        assert!(!data.contains("reporter@"), "no reporter data");
        assert_eq!(json["type"], "csam");
        assert_eq!(json["category"], "content");
        assert_eq!(json["url"], "http://example.com/gallery/42");
    }

    #[tokio::test]
    async fn offline_and_unconfigured_mailers_say_why() {
        let offline = NetworkPolicy {
            offline: true,
            ..Default::default()
        };
        let m = Mailer::new(
            &offline,
            "smtp://127.0.0.1:9",
            "notices@hotline.example.com",
        )
        .unwrap();
        assert_eq!(m.send(&notice()).await, Err(MailError::Offline));
        // Online, an SMTP server on this machine or a private network is refused like any
        // other outbound target, however its address is spelt; its credentials never shown.
        for url in [
            "smtp://user:pw@127.1:9",
            "smtps://[::ffff:10.0.0.1]",
            "smtp://localhost.:25",
        ] {
            let m = Mailer::new(
                &NetworkPolicy::default(),
                url,
                "notices@hotline.example.com",
            )
            .unwrap();
            let e = m.send(&notice()).await.unwrap_err();
            assert!(matches!(e, MailError::BadSmtpUrl { .. }), "{url}: {e}");
            assert!(!e.to_string().contains("pw"), "{e}");
        }
        let m = Mailer::new(&NetworkPolicy::default(), "", "notices@hotline.example.com").unwrap();
        assert_eq!(m.send(&notice()).await, Err(MailError::NotConfigured));
        assert!(matches!(
            Mailer::new(&NetworkPolicy::default(), "", "not an address"),
            Err(MailError::BadAddress(_))
        ));
        assert!(matches!(
            Mailer::new(&NetworkPolicy::default(), "gopher://x", "a@example.com"),
            Err(MailError::BadSmtpUrl { .. })
        ));
    }
}
