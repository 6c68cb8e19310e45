//! The API as a contract: an OpenAPI 3.1 document generated from the handlers' annotations
//! (`#[utoipa::path]`) and the request and response types (`ToSchema`), served at
//! `GET /api/openapi.json`. A snapshot test keeps changes visible in review, and CI runs
//! schemathesis against a live instance with it.

use axum::Json;
use axum::response::IntoResponse;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// Every `/api/v1` operation.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "hotline API",
        description = "Reports of web addresses showing child sexual abuse material, the status of a report by its receipt, referrals between hotlines, and the staff's case work. Errors always have the shape {\"error\":{\"code\",\"message\",\"field\"?}}.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later")
    ),
    paths(
        crate::api::submit_report,
        crate::api::receipt_status,
        crate::federation::receive,
        crate::federation::update,
        crate::staff::api::list,
        crate::staff::api::read,
        crate::staff::api::assess,
        crate::staff::api::police_step,
        crate::exports::export_cases,
        crate::blocklist::blocklist,
    ),
    // Schemas that only query parameters name are not collected on their own.
    components(schemas(
        crate::error::ErrorBody,
        crate::blocklist::BlocklistFormatName,
        crate::exports::ExportFormatName,
        crate::exports::DayOrTime,
    )),
    modifiers(&BearerAuth),
    tags(
        (name = "public", description = "Anonymous: reporting and asking about a report"),
        (name = "partners", description = "Partner hotlines running this software"),
        (name = "staff", description = "Staff and police, with a bearer token (`hotline token create`)"),
        (name = "exports", description = "Exports for other case systems, with a token scoped to exports"),
        (name = "blocklist", description = "The blocklist for ISPs, with a token made by `hotline token create --blocklist NAME`"),
    )
)]
pub struct ApiDoc;

/// Declares the bearer token scheme the staff, partner and export operations name.
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The document, as served.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// `GET /api/openapi.json`.
pub async fn openapi_json() -> impl IntoResponse {
    Json(document())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed document: a change to the API shows up in review as a change to it.
    /// `HOTLINE_UPDATE_OPENAPI=1 cargo test -p hotline-web openapi` rewrites it.
    #[test]
    fn the_document_matches_its_snapshot() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json");
        let now = serde_json::to_string_pretty(&document()).unwrap() + "\n";
        if std::env::var_os("HOTLINE_UPDATE_OPENAPI").is_some() {
            std::fs::write(&path, &now).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == now,
            "the OpenAPI document changed; review it, then run \
             HOTLINE_UPDATE_OPENAPI=1 cargo test -p hotline-web openapi to update {}",
            path.display()
        );
    }

    #[test]
    fn every_api_route_is_documented_with_errors_and_auth() {
        let doc = serde_json::to_value(document()).unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        let paths = doc["paths"].as_object().unwrap();
        let mut documented: Vec<&str> = paths.keys().map(String::as_str).collect();
        documented.sort_unstable();
        // The routes of `router()` under /api/v1 (kept in step by this list).
        let mut routed = vec![
            "/api/v1/reports",
            "/api/v1/receipts/status",
            "/api/v1/referrals",
            "/api/v1/referrals/{id}/updates",
            "/api/v1/cases",
            "/api/v1/cases/{id}",
            "/api/v1/cases/{id}/assessment",
            "/api/v1/cases/{id}/police",
            "/api/v1/exports/cases",
            "/api/v1/blocklist",
        ];
        routed.sort_unstable();
        assert_eq!(documented, routed);
        for (path, item) in paths {
            for (method, op) in item.as_object().unwrap() {
                let responses = op["responses"].as_object().unwrap();
                let errors: Vec<&String> =
                    responses.keys().filter(|s| s.starts_with('4')).collect();
                assert!(!errors.is_empty(), "{method} {path} documents no error");
                for status in errors {
                    assert_eq!(
                        responses[status]["content"]["application/json"]["schema"]["$ref"],
                        "#/components/schemas/ErrorBody",
                        "{method} {path} {status}"
                    );
                }
                let public =
                    path.starts_with("/api/v1/reports") || path.starts_with("/api/v1/receipts");
                assert_eq!(
                    op.get("security").is_some(),
                    !public,
                    "{method} {path}: bearer auth on every non-public operation"
                );
            }
        }
        assert_eq!(
            doc["components"]["securitySchemes"]["bearer"]["scheme"],
            "bearer"
        );
    }

    /// Every `$ref` names a schema the document holds.
    #[test]
    fn every_reference_resolves() {
        fn refs<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
            match v {
                serde_json::Value::Object(m) => {
                    if let Some(serde_json::Value::String(r)) = m.get("$ref") {
                        out.push(r);
                    }
                    m.values().for_each(|v| refs(v, out));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
                _ => {}
            }
        }
        let doc = serde_json::to_value(document()).unwrap();
        let mut found = Vec::new();
        refs(&doc, &mut found);
        assert!(found.len() > 10);
        for r in found {
            let name = r.strip_prefix("#/components/schemas/").unwrap_or(r);
            assert!(
                doc["components"]["schemas"].get(name).is_some(),
                "{r} names no schema"
            );
        }
    }
}
