//! The pages' stylesheet and script, compiled into the binary: nothing to build or install.

use axum::http::header;
use axum::response::IntoResponse;

const CSS: &str = include_str!("assets/app.css");
const JS: &str = include_str!("assets/app.js");
const CACHE: &str = "public, max-age=3600";

pub async fn css() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, CACHE)], CSS)
}

pub async fn js() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, CACHE)], JS)
}
