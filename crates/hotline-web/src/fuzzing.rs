//! Entry points for the fuzz targets in `fuzz/`: the exact decoding the handlers run on
//! untrusted bodies, without a server or a database around it.

use time::OffsetDateTime;

use hotline_domain::{Channel, Language, NewReport, ReportInput};

use crate::api::ReportBody;
use crate::extract::FormFields;
use crate::federation::fresh_at;
use crate::pages::ReportForm;
use hotline_domain::federation::{ReferralMessage as ReferralBody, UpdateMessage as UpdateBody};

/// Decodes a report form body the way `POST /{lang}/report` does and checks it.
pub fn form_report(body: &[u8], lang: Language) -> Result<NewReport, String> {
    let fields = FormFields(
        form_urlencoded::parse(body)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
    );
    let form = ReportForm::from_fields(&fields);
    NewReport::parse(form.to_input(lang), Channel::Web, lang).map_err(|e| format!("{e:?}"))
}

/// Decodes a JSON report body the way `POST /api/v1/reports` does and checks it.
pub fn json_report(body: &[u8]) -> Result<NewReport, String> {
    let parsed: ReportBody = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    NewReport::parse(ReportInput::from(parsed), Channel::Api, Language::En)
        .map_err(|e| format!("{e:?}"))
}

/// Checks a partner message as the partner endpoints do: the signature by `public_hex` over
/// the exact body, then the body's shape (a referral or an update), then its freshness at
/// `now`. `Ok` only when all three hold.
pub fn partner_message(
    public_hex: &str,
    body: &[u8],
    signature_hex: &str,
    now: OffsetDateTime,
) -> Result<(), String> {
    if !hotline_store::verify_signature(public_hex, body, signature_hex) {
        return Err("bad signature".into());
    }
    let sent_at = match serde_json::from_slice::<ReferralBody>(body) {
        Ok(r) => r.sent_at,
        Err(_) => {
            serde_json::from_slice::<UpdateBody>(body)
                .map_err(|e| e.to_string())?
                .sent_at
        }
    };
    fresh_at(&sent_at, now).map_err(|e| format!("{e:?}"))
}
