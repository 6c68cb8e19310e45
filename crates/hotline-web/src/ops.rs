//! Operations endpoints: liveness and readiness.

use axum::extract::State;
use axum::response::{IntoResponse, Response};

use crate::{AppState, WebError};

/// The process is up.
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// The database answers and every migration is applied.
pub async fn readyz(State(state): State<AppState>) -> Response {
    match state.store.ready().await {
        Ok(true) => "ready\n".into_response(),
        Ok(false) => WebError::unavailable("migrations are not all applied").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            WebError::unavailable("the database does not answer").into_response()
        }
    }
}
