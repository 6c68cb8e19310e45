//! The `reporter_news` job: a reporter who left an e-mail address and asked for news gets a
//! mail saying only that there is news on their status page, never the news, and nothing of
//! the report (docs/SPEC.md §4).

use hotline_domain::Language;
use hotline_network::mailer::OutgoingMail;

use crate::worker::Workers;

/// The news mail in the report's language: that there is news, and where to read it.
pub fn news_text(language: Language, hotline: &str, status_page: &str) -> (String, String) {
    let (subject, body) = match language {
        Language::En => (
            "News on your status page",
            "There is news for you from {hotline}. To read it, open {page} and enter your receipt.\n\nThis e-mail says nothing more, on purpose. You asked for it when you made your report.",
        ),
        Language::Nl => (
            "Nieuws op uw statuspagina",
            "Er is nieuws voor u van {hotline}. Open {page} en vul uw ontvangstcode in om het te lezen.\n\nDeze e-mail zegt bewust niets meer. U hebt erom gevraagd toen u uw melding deed.",
        ),
        Language::Fr => (
            "Du nouveau sur votre page de suivi",
            "{hotline} a du nouveau pour vous. Pour le lire, ouvrez {page} et saisissez votre reçu.\n\nCe courriel n’en dit volontairement pas plus. Vous l’avez demandé lors de votre signalement.",
        ),
        Language::De => (
            "Neuigkeiten auf Ihrer Statusseite",
            "Es gibt Neuigkeiten von {hotline} für Sie. Um sie zu lesen, öffnen Sie {page} und geben Sie Ihre Quittung ein.\n\nDiese E-Mail sagt mit Absicht nichts weiter. Sie haben sie bei Ihrer Meldung gewünscht.",
        ),
    };
    (
        subject.to_owned(),
        body.replace("{hotline}", hotline)
            .replace("{page}", status_page),
    )
}

/// Runs one `reporter_news` job.
pub async fn reporter_news(
    w: &Workers,
    job: &hotline_domain::job::ReporterNews,
) -> Result<(), String> {
    let report_id = uuid::Uuid::parse_str(&job.report_id)
        .map_err(|_| format!("the report id {:?} is not a UUID", job.report_id))?;
    let Some((to, language)) = w
        .store
        .reporter_news_address(report_id)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(()); // no address, or they did not ask for news: nothing is sent
    };
    let base = w.notice.site_url.trim().trim_end_matches('/');
    let page = if base.is_empty() {
        format!("/{language}/status")
    } else {
        format!("{base}/{language}/status")
    };
    let (subject, body) = news_text(language, &w.notice.hotline_name, &page);
    let mail = OutgoingMail {
        to,
        subject,
        body,
        message_id: format!(
            "news-{}-{}@{}",
            report_id.simple(),
            uuid::Uuid::new_v4().simple(),
            crate::worker::domain_of(&w.notice.from)
        ),
    };
    w.mailer.send_mail(&mail).await.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_news_mail_names_the_page_and_nothing_else() {
        for l in Language::ALL {
            let (subject, body) = news_text(*l, "Hotline", "https://hotline.example.org/nl/status");
            assert!(!subject.is_empty());
            assert!(
                body.contains("https://hotline.example.org/nl/status") && body.contains("Hotline")
            );
            assert!(!body.contains('{'), "{l}: {body}");
        }
    }
}
