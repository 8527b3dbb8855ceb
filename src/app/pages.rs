//! Pages other than the timeline: entity pages, trade figures, sources and method, not found.
//! Their content is built by `html`; the entity, trade and about pages are made by the loader
//! worker (`offload`), so their code is not in the app's first load. A page loaded directly
//! shows its static copy (the same `html` function's output, written at build time) until the
//! worker's answer replaces it.

use std::cell::RefCell;

use leptos::prelude::*;

use super::Ctx;
use crate::html::{self, Links};
use crate::offload::Verb;
use crate::route::{Page, Query};

thread_local! {
    /// The static copy of the page the app started on (`app::start` keeps it), if it was one
    /// of these pages: shown until the worker answers.
    static STATIC_COPY: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps the static copy of the first page's content (the inner HTML of its `article.page`).
pub fn keep_static_copy(html: String) {
    STATIC_COPY.with(|s| *s.borrow_mut() = Some(html));
}

/// The page's content as one region (see `app::region`), following the data and the query.
/// `page` is not the timeline (nor an event, which the timeline shows).
pub fn page(ctx: Ctx, page: Page) -> web_sys::HtmlElement {
    let class = match page {
        Page::Entity(..) => "page entity",
        Page::Trade => "page trade",
        Page::About => "page about",
        _ => "page",
    };
    let copy = STATIC_COPY.with(|s| s.borrow_mut().take());
    // The static copy was made for the embedded dataset with no query: then it is the page, and
    // the first run of the effect below asks the worker for nothing.
    let current = std::cell::Cell::new(
        copy.is_some() && ctx.query.with_untracked(|q| *q == Query::default()),
    );
    // The body shown; `None` while the worker makes it.
    let body = RwSignal::new(copy);
    // Each request is numbered, so an answer that a newer request overtook is dropped.
    let asked = StoredValue::new(0_u32);
    let for_effect = page.clone();
    super::effect(move || {
        let page = &for_effect;
        // What the page depends on: the dataset and the query its links keep.
        ctx.data.track();
        ctx.query.track();
        if current.replace(false) {
            return;
        }
        if let Page::NotFound(path) = page {
            let base = ctx.base.get_value();
            let query = ctx.query.get_untracked();
            let links = Links {
                base: &base,
                query: &query,
            };
            body.set(Some(html::not_found_page(path, links)));
            return;
        }
        asked.update_value(|n| *n += 1);
        let n = asked.get_value();
        leptos::task::spawn_local(async move {
            let made = super::loader::offload(ctx, Verb::Page, &[]).await;
            if asked.try_get_value() != Some(n) {
                return;
            }
            body.set(Some(made.unwrap_or_else(|| {
                "<h1>This page could not be made</h1><p>Reload the page to try again; the \
                 timeline and every event page still work.</p>"
                    .into()
            })));
        });
    });
    let markup = move || match body.get() {
        Some(b) => format!("<article>{b}</article>"),
        None => {
            "<article aria-busy=\"true\"><p class=\"loading\">Loading\u{2026}</p></article>".into()
        }
    };
    super::region(class, markup, |_, _, _| {})
}
