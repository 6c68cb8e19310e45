//! The referring hotline's work on a case a partner referred to us (docs/SPEC.md §2
//! referrals): its assessment and trace, shown on the case page, and the analyst's choice to
//! accept that assessment instead of assessing again.

use hotline_store::StaffUser;

use crate::staff::service::{self, AssessError};
use crate::{AppState, WebError};

/// Records the referring hotline's assessment as this analyst's, through the same rules and
/// permission as any assessment (a case still `new` is taken into assessment first).
pub async fn accept_referred_assessment(
    state: &AppState,
    user: &StaffUser,
    case_id: i64,
) -> Result<(), WebError> {
    let assessment = state
        .store
        .referred_work(case_id)
        .await?
        .and_then(|(_, work)| work.assessment)
        .ok_or_else(|| {
            WebError::conflict("the referring hotline sent no assessment with this case")
        })?;
    match service::record_assessment(state, user, case_id, assessment.to_input()).await {
        Ok(_) => Ok(()),
        Err(AssessError::Web(e)) => Err(e),
        Err(AssessError::Invalid(invalid)) => Err(WebError::invalid(
            invalid.errors.first().map_or("classification", |e| e.field),
            format!("the referring hotline's assessment does not meet our rules: {invalid}"),
        )),
    }
}
