//! A source-grounded timeline of relations between Azerbaijan and Belarus.
//!
//! The pure core (`model`, `dataset`, `route`, `search`, `layout`, `export`, `offload`) has no DOM and is
//! tested natively; `app` is the thin Leptos layer that runs in the browser.

pub mod dataset;
pub mod embedded;
pub mod export;
pub mod html;
pub mod layout;
pub mod model;
pub mod offload;
pub mod route;
pub mod rows;
pub mod search;
pub mod static_pages;

#[cfg(target_arch = "wasm32")]
pub mod app;
