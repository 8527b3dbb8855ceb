//! The primary DOM: an ordered list of the visible events in time order, one tab stop with a
//! roving focus. Arrows move, Enter opens, + and - zoom, Shift+arrows pan, 0 shows all; a mouse
//! press on a row opens its card.
//! Above `WINDOW_FROM` events the list is windowed (fixed-height rows, `aria-setsize` and
//! `aria-posinset` on the items); printing always renders every event.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use std::sync::Arc;

use super::{dom, Ctx, Data};
use crate::html::{self, Links};
use crate::layout::View;
use crate::route::{Page, Query, Route};
use crate::rows::ROW;

/// Lists longer than this are windowed.
pub const WINDOW_FROM: usize = 500;

/// Moves the roving focus to an event, scrolling the list window to it first if needed.
pub fn focus_event(ctx: Ctx, pos: usize) {
    ctx.focus.set(Some(pos));
    reveal_on_axis(ctx, pos, false);
    let find = move || {
        document()
            .query_selector(&format!("#events a[data-pos=\"{pos}\"]"))
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    };
    if let Some(el) = find() {
        let _ = el.focus();
        return;
    }
    // Windowed and off-screen: scroll to its row, then focus once rendered.
    let n = ctx
        .filtered
        .with_untracked(|f| f.visible.iter().position(|&p| p == pos));
    if let (Some(n), Some(list)) = (n, document().get_element_by_id("events")) {
        let top = list.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
        window().scroll_to_with_x_and_y(0.0, top + n as f64 * ROW - 120.0);
        ctx.scroll.set(list_scrolled());
        request_animation_frame(move || {
            if let Some(el) = find() {
                let _ = el.focus();
            }
        });
    }
}

/// How far the list's top is above the viewport's top, in CSS pixels (negative while below it).
fn list_scrolled() -> f64 {
    document()
        .get_element_by_id("events")
        .map(|l| -l.get_bounding_client_rect().top())
        .unwrap_or(0.0)
}

/// Scrolls the list so an event's row is visible (without moving focus).
pub fn scroll_into_view(pos: usize) {
    if let Ok(Some(el)) = document().query_selector(&format!("#events a[data-pos=\"{pos}\"]")) {
        let r = el.get_bounding_client_rect();
        let h = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(900.0);
        if r.top() < 0.0 || r.bottom() > h {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }
}

/// Pans (and if needed zooms) the axis so that an event is well inside the window.
pub fn reveal_on_axis(ctx: Ctx, pos: usize, zoom: bool) {
    let Some((a, b)) = ctx.data.with_untracked(|d| {
        d.ds.events
            .get(pos)
            .map(|e| (e.date.first_day(), e.end.unwrap_or(e.date).last_day()))
    }) else {
        return;
    };
    let v = ctx.view.get_untracked();
    let (a, b) = (a as f64, b as f64 + 1.0);
    // Zoom in to at most two years around it, so a deep link shows the event, not the century.
    let span = if zoom {
        v.span().min(730.0).max((b - a) * 1.5)
    } else {
        v.span().max(b - a)
    };
    if a < v.start + v.span() * 0.05 || b > v.end - v.span() * 0.05 || span < v.span() {
        ctx.view.set(View::around((a + b) / 2.0, span));
    }
}

/// Gives the row of event `pos` (if any, and if rendered) `attr="on"`, and the row that had it
/// `attr="off"` (or no `attr` when `off` is `None`).
fn mark(ol: &web_sys::Element, attr: &str, on: &str, off: Option<&str>, pos: Option<usize>) {
    let old = ol
        .query_selector(&format!("a[{attr}=\"{on}\"]"))
        .ok()
        .flatten();
    let new = pos.and_then(|p| {
        ol.query_selector(&format!("a[data-pos=\"{p}\"]"))
            .ok()
            .flatten()
    });
    if old.is_some() && old == new {
        return;
    }
    if let Some(old) = old {
        let _ = match off {
            Some(off) => old.set_attribute(attr, off),
            None => old.remove_attribute(attr),
        };
    }
    if let Some(new) = new {
        let _ = new.set_attribute(attr, on);
    }
}

/// Applies a `rows::patch` to the list's rows; `rows` makes the markup of a run of new rows.
fn patch_rows(ol: &web_sys::Element, p: &crate::rows::Patch, rows: impl Fn(&[usize]) -> String) {
    let children = ol.children();
    for &i in &p.remove {
        if let Some(li) = children.item(i as u32) {
            li.remove();
        }
    }
    for (at, run) in &p.insert {
        let html = rows(run);
        let _ = match children.item(*at as u32) {
            Some(li) => li.insert_adjacent_html("beforebegin", &html),
            None => ol.insert_adjacent_html("beforeend", &html),
        };
    }
}

/// The list of visible events.
pub fn event_list(ctx: Ctx) -> web_sys::HtmlElement {
    let list = dom::el_with("ol", "events", &[("id", "events")]);
    // The item that holds the tab stop: the focused one, else the open one, else the first.
    let tab_stop = super::memo(move || {
        let f = ctx.filtered.get();
        let ok = |p: &usize| f.visible.binary_search(p).is_ok();
        ctx.focus
            .get()
            .filter(ok)
            .or_else(|| ctx.open.get().filter(ok))
            .or_else(|| f.visible.first().copied())
    });
    // Kept current even when not windowed, so a filter that makes the list long starts right.
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
        ctx.scroll.set(list_scrolled());
    });
    on_cleanup(move || on_scroll.remove());
    // Where the list starts on the page, once it is laid out: a list that starts low draws only
    // the rows that reach into the viewport (`rows::window`).
    super::after_next_paint(Box::new(move || {
        ctx.scroll.try_set(list_scrolled());
    }));
    // Which rows to render: all, or a window around the viewport.
    let window_range = move || {
        let n = ctx.filtered.with(|f| f.visible.len());
        if n <= WINDOW_FROM {
            return 0..n;
        }
        // Measured by the scroll listener, so no layout is forced while the rows are rebuilt.
        let scrolled = ctx.scroll.get();
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(900.0);
        crate::rows::window(n, scrolled, height)
    };
    let range = super::memo(window_range);
    // The rows are redrawn only when the data, the result or the window changes; focus and the
    // open card are marked on the existing rows (redrawing under a pointer or a keyboard focus
    // would lose the click or the focus). A list shown whole keeps the rows that the old and the
    // new result share (`rows::patch`), so typing a search adds and removes rows only. Rows link
    // to the bare event (with `?data=`), so they stay the same as the query changes; opening one
    // keeps the current query (`app::intercept_links`).
    let ol = list.clone();
    // What the rows show: the dataset, the positions drawn, and the total when windowed.
    type Drawn = (Arc<Data>, Vec<usize>, Option<usize>);
    let drawn = StoredValue::new_local(None::<Drawn>);
    super::effect(move || {
        let d = ctx.data.get();
        let f = ctx.filtered.get();
        let r = range.get();
        let total = f.visible.len();
        let numbered = (total > WINDOW_FROM).then_some((r.start, total));
        let new = f.visible.get(r).unwrap_or_default();
        let total_if_numbered = numbered.map(|n| n.1);
        drawn.update_value(|drawn| {
            let old = drawn.as_ref().filter(|(dd, ..)| Arc::ptr_eq(dd, &d));
            if old.is_some_and(|(_, old, t)| old == new && *t == total_if_numbered) {
                return;
            }
            let base = ctx.base.get_value();
            let keep = Query {
                data: ctx.query.with_untracked(|q| q.data.clone()),
                ..Query::default()
            };
            let links = Links {
                base: &base,
                query: &keep,
            };
            let rows =
                |positions: &[usize], numbered| html::list_items(&d.ds, positions, numbered, links);
            let patch = match old {
                Some((_, old, None)) if numbered.is_none() => crate::rows::patch(old, new),
                _ => None,
            };
            match patch {
                Some(p) => patch_rows(&ol, &p, |run| rows(run, None)),
                None => ol.set_inner_html(&rows(new, numbered)),
            }
            *drawn = Some((d.clone(), new.to_vec(), total_if_numbered));
        });
        // `open` is read before `tab_stop`, which reads it too: read after, a change of `open`
        // that leaves `tab_stop` as it was did not re-run this effect (seen with reactive_graph
        // 0.2 when the tab stop was the first row and that row was opened).
        let open = ctx.open.get();
        let stop = tab_stop.get();
        // Only the rows that change are touched: the one that had the mark, the one that gets it.
        mark(&ol, "tabindex", "0", Some("-1"), stop);
        mark(&ol, "aria-current", "page", None, open);
    });
    // Rows above and below the window are padding (CSSOM properties: the CSP forbids inline
    // style attributes).
    let padded = list.clone();
    super::effect(move || {
        let n = ctx.filtered.with(|f| f.visible.len());
        let r = range.get();
        let style = padded.style();
        let _ = style.set_property("padding-top", &format!("{}px", r.start * ROW as usize));
        let _ = style.set_property(
            "padding-bottom",
            &format!("{}px", n.saturating_sub(r.end) * ROW as usize),
        );
    });
    let on_key = move |ev: web_sys::Event| {
        let ev: web_sys::KeyboardEvent = ev.unchecked_into();
        let f = ctx.filtered.get_untracked();
        if f.visible.is_empty() {
            return;
        }
        // The row that has the focus (a pointer may have focused it without moving the tab
        // stop, see `on_focus`), else the tab stop.
        let focused = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.get_attribute("data-pos"))
            .and_then(|p| p.parse::<usize>().ok());
        let cur = focused
            .or_else(|| tab_stop.get_untracked())
            .and_then(|p| f.visible.binary_search(&p).ok())
            .unwrap_or(0);
        let last = f.visible.len() - 1;
        let all = ctx.data.with_untracked(|d| d.all);
        let zoom = |factor: f64| {
            let v = ctx.view.get_untracked();
            let anchor = tab_stop
                .get_untracked()
                .and_then(|p| {
                    ctx.data.with_untracked(|d| {
                        d.ds.events
                            .get(p)
                            .map(|e| v.frac(e.date.first_day() as f64))
                    })
                })
                .unwrap_or(0.5);
            ctx.view.set(v.zoom(factor, anchor, &all));
        };
        let next = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" if ev.shift_key() => {
                ctx.view.update(|v| *v = v.pan(0.2, &all));
                None
            }
            "ArrowUp" | "ArrowLeft" if ev.shift_key() => {
                ctx.view.update(|v| *v = v.pan(-0.2, &all));
                None
            }
            "ArrowDown" | "ArrowRight" => Some((cur + 1).min(last)),
            "ArrowUp" | "ArrowLeft" => Some(cur.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(last),
            "PageDown" => Some((cur + 10).min(last)),
            "PageUp" => Some(cur.saturating_sub(10)),
            "+" | "=" => {
                zoom(0.5);
                None
            }
            "-" | "_" => {
                zoom(2.0);
                None
            }
            "0" => {
                ctx.view.set(all);
                None
            }
            _ => return,
        };
        ev.prevent_default();
        if let Some(i) = next {
            focus_event(ctx, f.visible[i]);
        }
    };
    // A press on a row also focuses it; the card it opens (`on_press`, or the click for touch and
    // pen) then holds the tab stop. A focus without a visible focus ring (a pointer's) changes no
    // state of its own, so the row is not redrawn under the pointer. Keyboard focus, and the
    // focus `focus_event` moves (which sets the state first), are unaffected.
    let on_focus = move |ev: web_sys::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if !el.matches(":focus-visible").unwrap_or(true) {
            return;
        }
        let pos = el
            .get_attribute("data-pos")
            .and_then(|p| p.parse::<usize>().ok());
        if pos.is_some() && pos != ctx.focus.get_untracked() {
            ctx.focus.set(pos);
        }
    };

    let section = dom::el_with("section", "list", &[("aria-labelledby", "events-heading")]);
    let heading = dom::el_with("h2", "visually-hidden", &[("id", "events-heading")]);
    heading.set_text_content(Some("Events in time order"));
    dom::append(&section, &heading);
    let empty = dom::el("p", "empty");
    empty.set_text_content(Some(
        "No event matches these filters. Try fewer words or clear the filters.",
    ));
    empty.set_hidden(true);
    dom::append(&section, &empty);
    super::effect(move || empty.set_hidden(!ctx.filtered.with(|f| f.visible.is_empty())));
    dom::bind_class(&list, "windowed", move || {
        ctx.filtered.with(|f| f.visible.len() > WINDOW_FROM)
    });
    // A mouse press on a row opens its card at once, as selecting a row of a list does in
    // desktop apps: the card shows a click's length (some 100 ms for a person) sooner, and the
    // click that follows finds it open. Touch and pen wait for the click (a press may start a
    // scroll), and so does a press with a modifier key (open in a new tab or window).
    let on_press = move |ev: web_sys::Event| {
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        if ev.pointer_type() != "mouse" || !super::plain_primary(&ev) {
            return;
        }
        let Some(id) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[data-id]").ok().flatten())
            .and_then(|a| a.get_attribute("data-id"))
        else {
            return;
        };
        let query = ctx.route.with_untracked(|r| r.query.clone());
        let route = Route::new(Page::Event(id), query);
        if ctx.route.with_untracked(|r| *r != route) {
            ctx.navigate(route, false);
        }
    };
    dom::on(&list, "pointerdown", on_press);
    dom::on(&list, "keydown", on_key);
    dom::on(&list, "focusin", on_focus);
    dom::append(&section, &list);
    section
}
