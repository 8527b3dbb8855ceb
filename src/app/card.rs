//! The event card over the timeline (or the not-found card for unknown ids). Its content is
//! `html::card`; this component adds focus, Escape, closing and the share buttons.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::list::focus_event;
use super::{dom, site_origin, Ctx};
use crate::html::{self, Links};
use crate::route::{event_href, Page, Query, Route};

/// The card for `id`, an `aside` that stays until the route no longer names `id`.
pub fn card(ctx: Ctx, id: String) -> web_sys::HtmlElement {
    let kind_class = {
        let id = id.clone();
        move || {
            let kind = ctx.data.with(|d| d.ds.event(&id).map(|e| e.kind.slug()));
            format!("card kind-{}", kind.unwrap_or("none"))
        }
    };
    let body = {
        let id = id.clone();
        move || {
            let d = ctx.data.get();
            let query = ctx.query.get();
            let base = ctx.base.get_value();
            let links = Links {
                base: &base,
                query: &query,
            };
            match d.ds.event(&id) {
                Some(e) => {
                    let f = ctx.filtered.get();
                    let pos = d.ds.position(&id).unwrap_or(0);
                    let every: Vec<usize>;
                    let order: &[usize] = if f.visible.contains(&pos) {
                        &f.visible
                    } else {
                        every = (0..d.ds.events.len()).collect();
                        &every
                    };
                    let share_query = Query {
                        data: query.data.clone(),
                        ..Query::default()
                    };
                    let permalink = crate::route::absolute(
                        &site_origin(),
                        &event_href(&base, &e.id, &share_query),
                    );
                    html::card(&d.ds, e, links, &permalink, order, true)
                }
                None => html::not_found_card(&d.ds, &id, &d.origin, links),
            }
        }
    };
    // Opening a card moves focus to its title: screen readers announce the title once.
    super::effect(move || {
        request_animation_frame(|| {
            if let Some(h) = document()
                .get_element_by_id("card-title")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = h.focus();
            }
            // Bring the card into view when it opened below the fold (a click low in the list).
            if let Ok(Some(aside)) = document().query_selector("aside.card") {
                let r = aside.get_bounding_client_rect();
                let h = window()
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(800.0);
                if r.top() > h * 0.25 || r.bottom() > h {
                    aside.scroll_into_view();
                }
            }
            if js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false) {
                if let Ok(Some(b)) = document().query_selector(".card [data-action=share]") {
                    let _ = b.remove_attribute("hidden");
                }
            }
        });
    });
    let close_id = id.clone();
    let close = move || {
        let pos = ctx.data.with_untracked(|d| d.ds.position(&close_id));
        let query = ctx.route.with_untracked(|r| r.query.clone());
        // Focus goes back to the event's row before the card goes: removing the focused element
        // after the page changed made the browser recompute style at once (Escape took 7-10 ms
        // with 26 events, most of it in that removal).
        if let Some(p) = pos {
            focus_event(ctx, p);
        }
        ctx.navigate(Route::new(Page::Timeline, query), false);
    };
    let close_key = close.clone();
    let aside = dom::el_with(
        "aside",
        "",
        &[("data-id", &id), ("aria-labelledby", "card-title")],
    );
    let classed = aside.clone();
    super::effect(move || classed.set_class_name(&kind_class()));
    dom::on(&aside, "keydown", move |ev| {
        if ev.unchecked_ref::<web_sys::KeyboardEvent>().key() == "Escape" {
            ev.prevent_default();
            close_key();
        }
    });
    dom::on(&aside, "click", on_action);
    let button = dom::el_with(
        "button",
        "close",
        &[("type", "button"), ("aria-label", "Close the card")],
    );
    button.set_text_content(Some("\u{00d7}"));
    dom::on(&button, "click", move |_| close());
    dom::append(&aside, &button);
    let content = dom::el("div", "card-body");
    dom::bind_html(&content, body);
    dom::append(&aside, &content);
    aside
}

/// Handles the share box's buttons (`data-action`).
fn on_action(ev: web_sys::Event) {
    let Some(button) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-action]").ok().flatten())
    else {
        return;
    };
    let text_of = |sel: &str| {
        document()
            .query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let status = |msg: &str| {
        if let Ok(Some(s)) = document().query_selector(".card .share .status") {
            s.set_text_content(Some(msg));
        }
    };
    let link = text_of(".card .permalink a");
    match button.get_attribute("data-action").as_deref() {
        Some("copy-link") => status(&copy(&link, "Link")),
        Some("copy-citation") => status(&copy(&text_of(".card .citation"), "Citation")),
        Some("share") => {
            let data = web_sys::ShareData::new();
            data.set_url(&link);
            data.set_title(&text_of("#card-title"));
            let _ = window().navigator().share_with_data(&data);
        }
        _ => {}
    }
}

/// Writes text to the clipboard; returns the message to show.
fn copy(text: &str, what: &str) -> String {
    let nav = window().navigator();
    let ok = js_sys::Reflect::get(&nav, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined())
        .and_then(|c| {
            let f: js_sys::Function = js_sys::Reflect::get(&c, &"writeText".into())
                .ok()?
                .dyn_into()
                .ok()?;
            f.call1(&c, &text.into()).ok()
        })
        .is_some();
    if ok {
        format!("{what} copied.")
    } else {
        format!(
            "Copying is not available here: select the {} below.",
            what.to_ascii_lowercase()
        )
    }
}
