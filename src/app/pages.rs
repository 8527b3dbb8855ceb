//! Pages other than the timeline: entity pages, trade figures, sources and method, not found.
//! Their content is built by `html`; these components only supply the data and links.

use leptos::prelude::*;

use super::Ctx;
use crate::html::{self, Links};
use crate::model::EntityKind;
use crate::route::{Page, Query, Route};

/// Renders `f(dataset, links, origin)` as the page's content, following data and route.
fn page(
    class: &'static str,
    f: impl Fn(&crate::model::Dataset, Links, &str) -> String + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let body = move || {
        let d = ctx.data.get();
        let query = ctx.query.get();
        let base = ctx.base.get_value();
        f(
            &d.ds,
            Links {
                base: &base,
                query: &query,
            },
            &d.origin,
        )
    };
    view! { <article class=format!("page {class}") inner_html=body></article> }
}

/// `/people|places|topics|documents/<id>`.
#[component]
pub fn EntityPage(kind: EntityKind, id: String) -> impl IntoView {
    page("entity", move |ds, links, origin| {
        html::entity_page(ds, kind, &id, origin, links)
    })
}

/// `/trade`.
#[component]
pub fn TradePage() -> impl IntoView {
    page("trade", |ds, links, _| html::trade_page(ds, links))
}

/// `/about`.
#[component]
pub fn AboutPage() -> impl IntoView {
    page("about", |ds, links, _| html::about_page(ds, links.base))
}

/// Any path outside the grammar.
#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let home = ctx.href(&Route::new(Page::Timeline, Query::default()));
    let shown = crate::dataset::validate::truncate(&path, 120);
    view! {
        <article class="page">
            <h1>"Page not found"</h1>
            <p>"The address "<code>{shown}</code>" is not part of this timeline."</p>
            <p><a href=home>"Go to the timeline"</a></p>
        </article>
    }
}
