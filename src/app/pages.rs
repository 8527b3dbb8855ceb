//! Pages other than the timeline: entity pages, trade figures, sources and method, not found.
//! Their content is built by `html`; this module only supplies the data and links.

use leptos::prelude::*;

use super::Ctx;
use crate::html::{self, Links};
use crate::route::Page;

/// The page's content as one region (see `app::region`), following the data and the query.
/// `page` is not the timeline (nor an event, which the timeline shows).
pub fn page(page: Page) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let class = match page {
        Page::Entity(..) => "page entity",
        Page::Trade => "page trade",
        Page::About => "page about",
        _ => "page",
    };
    let markup = move || {
        let d = ctx.data.get();
        let query = ctx.query.get();
        let base = ctx.base.get_value();
        let links = Links {
            base: &base,
            query: &query,
        };
        let body = match &page {
            Page::Entity(kind, id) => html::entity_page(&d.ds, *kind, id, &d.origin, links),
            Page::Trade => html::trade_page(&d.ds, links),
            Page::About => html::about_page(&d.ds, links.base),
            Page::NotFound(path) => html::not_found_page(path, links),
            Page::Timeline | Page::Event(_) => String::new(),
        };
        format!("<article>{body}</article>")
    };
    super::region(class, markup, |_, _, _| {})
}
