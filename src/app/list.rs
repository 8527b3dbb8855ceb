//! The primary DOM: an ordered list of the visible events in time order, one tab stop with a
//! roving focus. Arrows move, Enter opens, + and - zoom, Shift+arrows pan, 0 shows all.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::chrome::KindBadge;
use super::Ctx;
use crate::layout::View;
use crate::model::date::human_range;
use crate::route::{event_href, Page};

/// The accessible name of an event link: kind, date, title.
pub fn event_label(e: &crate::model::Event) -> String {
    format!(
        "{}, {}{}: {}",
        e.kind.label(),
        human_range(&e.date, e.end.as_ref()),
        if e.basis.is_inferred() {
            " (inferred)"
        } else {
            ""
        },
        e.title
    )
}

/// Moves the roving focus to an event and keeps it on the axis.
pub fn focus_event(ctx: Ctx, pos: usize) {
    ctx.focus.set(Some(pos));
    let id = ctx
        .data
        .with_untracked(|d| d.ds.events.get(pos).map(|e| e.id.clone()));
    if let Some(id) = id {
        if let Ok(Some(el)) = document().query_selector(&format!("[data-id=\"{id}\"]")) {
            if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
        reveal_on_axis(ctx, pos);
    }
}

/// Pans the axis so that an event is inside the window.
pub fn reveal_on_axis(ctx: Ctx, pos: usize) {
    let Some((a, b)) = ctx.data.with_untracked(|d| {
        d.ds.events
            .get(pos)
            .map(|e| (e.date.first_day(), e.end.unwrap_or(e.date).last_day()))
    }) else {
        return;
    };
    let v = ctx.view.get_untracked();
    let (a, b) = (a as f64, b as f64 + 1.0);
    if a < v.start + v.span() * 0.05 || b > v.end - v.span() * 0.05 {
        let span = v.span().max(b - a);
        ctx.view.set(View::around((a + b) / 2.0, span));
    }
}

/// The list of visible events.
#[component]
pub fn EventList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open_id = move || {
        ctx.route.with(|r| match &r.page {
            Page::Event(id) => Some(id.clone()),
            _ => None,
        })
    };
    // The item that holds the tab stop: the focused one, else the open one, else the first.
    let tab_stop = Memo::new(move |_| {
        let f = ctx.filtered.get();
        let focus = ctx.focus.get().filter(|p| f.visible.contains(p));
        focus
            .or_else(|| {
                open_id()
                    .and_then(|id| ctx.data.with(|d| d.ds.position(&id)))
                    .filter(|p| f.visible.contains(p))
            })
            .or_else(|| f.visible.first().copied())
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let f = ctx.filtered.get_untracked();
        if f.visible.is_empty() {
            return;
        }
        let cur = tab_stop
            .get_untracked()
            .and_then(|p| f.visible.iter().position(|&x| x == p))
            .unwrap_or(0);
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
            "ArrowDown" | "ArrowRight" => Some((cur + 1).min(f.visible.len() - 1)),
            "ArrowUp" | "ArrowLeft" => Some(cur.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(f.visible.len() - 1),
            "PageDown" => Some((cur + 10).min(f.visible.len() - 1)),
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
    let items = move || {
        let d = ctx.data.get();
        let f = ctx.filtered.get();
        let q = ctx.route.with(|r| r.query.clone());
        let base = ctx.base.get_value();
        let stop = tab_stop.get();
        let open = open_id();
        let total = f.visible.len();
        f.visible
            .iter()
            .enumerate()
            .map(|(n, &pos)| {
                let e = &d.ds.events[pos];
                let href = event_href(&base, &e.id, &q);
                let current = (open.as_deref() == Some(e.id.as_str())).then_some("page");
                let inferred = e.basis.is_inferred();
                view! {
                    <li class=format!("item kind-{}", e.kind.slug()) aria-setsize=total aria-posinset=n + 1>
                        <a href=href data-id=e.id.clone() tabindex=if stop == Some(pos) { "0" } else { "-1" }
                            aria-current=current aria-label=event_label(e)
                            on:focus=move |_| ctx.focus.set(Some(pos))>
                            <span class="when">
                                <KindBadge kind=e.kind/>
                                <time datetime=e.date.iso()>{human_range(&e.date, e.end.as_ref())}</time>
                                {inferred.then(|| view! { <span class="inferred">"inferred"</span> })}
                            </span>
                            <span class="what">{e.title.clone()}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let empty = move || {
        ctx.filtered.with(|f| f.visible.is_empty()).then(|| {
            view! { <p class="empty">"No event matches these filters. Try fewer words or clear the filters."</p> }
        })
    };
    view! {
        <section class="list" aria-labelledby="events-heading">
            <h2 id="events-heading" class="visually-hidden">"Events in time order"</h2>
            {empty}
            <ol id="events" class="events" on:keydown=on_key>{items}</ol>
        </section>
    }
}
