//! The NL GOV API Design Rules (ADR 2.x, Logius) that hold for the whole document, applied
//! once to what utoipa generates from the handlers: the server address carries the major
//! version (paths are relative to it), `info.version` is the full `x.y.z`, every success
//! declares the `API-Version` header, every error is `application/problem+json`, and every
//! operation that takes input documents its 400. CI lints the served document with Logius's
//! own Spectral ruleset (`api/adr-ruleset.yaml`).

use serde_json::{Map, Value, json};

/// Where the API lives; the document's paths are relative to it.
pub const BASE: &str = "/api/v1";

/// The document, conforming.
pub fn apply(doc: utoipa::openapi::OpenApi) -> Value {
    let mut doc = serde_json::to_value(doc).unwrap_or_else(|_| json!({}));
    doc["info"]["version"] = json!(super::API_VERSION);
    doc["info"]["contact"] = json!({
        "name": "crisismap",
        "url": env!("CARGO_PKG_REPOSITORY"),
        "email": "beheer@crisismap.invalid",
        "x-note": "The product's maintainers. A municipality that publishes this API names its own service desk here."
    });
    doc["servers"] = json!([{
        "url": BASE,
        "description": "This instance",
        "x-note": "Relative, so the document holds for every instance at its own address; production serves it over HTTPS only. The pinned ruleset warns about a relative server address; Logius's newer working version no longer does."
    }]);
    let problem = json!({ "$ref": "#/components/schemas/Problem" });
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        let old = std::mem::take(paths);
        let mut seen = std::collections::HashMap::<String, usize>::new();
        for (path, mut item) in old {
            let path = path.strip_prefix(BASE).unwrap_or(&path).to_owned();
            if let Some(ops) = item.as_object_mut() {
                for (method, op) in ops.iter_mut() {
                    conform(method, op, &problem, &mut seen);
                }
            }
            paths.insert(if path.is_empty() { "/".into() } else { path }, item);
        }
        // Operation ids used twice (`list` in two modules) get their tag in front.
        for item in paths.values_mut() {
            if let Some(ops) = item.as_object_mut() {
                for op in ops.values_mut() {
                    let id = op["operationId"].as_str().unwrap_or("").to_owned();
                    if seen.get(&id).copied().unwrap_or(0) > 1 {
                        let tag = op["tags"][0].as_str().unwrap_or("api").to_owned();
                        op["operationId"] = json!(format!("{tag}_{id}"));
                    }
                }
            }
        }
    }
    doc["components"]["headers"]["API-Version"] = json!({
        "description": "The API's full version (x.y.z).",
        "schema": { "type": "string", "example": super::API_VERSION }
    });
    doc
}

fn conform(
    method: &str,
    op: &mut Value,
    problem: &Value,
    seen: &mut std::collections::HashMap<String, usize>,
) {
    if let Some(id) = op["operationId"].as_str() {
        *seen.entry(id.to_owned()).or_default() += 1;
    }
    let takes_input = matches!(method, "post" | "put" | "patch")
        || op["parameters"].as_array().is_some_and(|p| !p.is_empty());
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return;
    };
    if takes_input && !responses.contains_key("400") {
        responses.insert(
            "400".into(),
            json!({ "description": "The input cannot be read: a malformed body, parameter or address." }),
        );
    }
    for (status, response) in responses.iter_mut() {
        let error = status.starts_with('4') || status.starts_with('5');
        let Some(r) = response.as_object_mut() else {
            continue;
        };
        if error {
            let description = r
                .get("description")
                .and_then(Value::as_str)
                .filter(|d| !d.is_empty())
                .unwrap_or("An error, as a problem report (RFC 9457).")
                .to_owned();
            r.insert("description".into(), json!(description));
            r.insert(
                "content".into(),
                json!({ "application/problem+json": { "schema": problem } }),
            );
        } else {
            let headers = r
                .entry("headers")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Some(h) = headers.as_object_mut() {
                h.insert(
                    "API-Version".into(),
                    json!({ "$ref": "#/components/headers/API-Version" }),
                );
            }
        }
    }
}
