//! The time axis over the list: lanes, adaptive ticks, markers and clusters, zoom (wheel, pinch,
//! buttons, + and -), pan (drag, touch, Shift+arrows in the list), "show all" and an overview
//! strip. It is an enhancement: everything it shows is also in the event list.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{dom, Ctx};
use crate::html::{self, Links};
use crate::layout::{markers, ticks, View, DRAWN_WIDTH};

#[derive(Clone, Copy, Default)]
struct Drag {
    active: bool,
    pointer: i32,
    x0: f64,
    view0: Option<View>,
    moved: bool,
    /// A second pointer for pinch: its id and the distance at its start.
    pinch: Option<(i32, f64, f64)>,
}

/// The axis with controls, legend and overview.
pub fn timeline(ctx: Ctx) -> web_sys::HtmlElement {
    let axis = dom::el_with("div", "axis", &[("aria-hidden", "true")]);
    let width = RwSignal::new(960.0_f64);
    // The axis's width comes from a ResizeObserver: it reports after the browser's own layout,
    // so starting the app forces no layout of its own, and it follows every change of the
    // axis's width (the window, a scrollbar appearing), not only window resizes.
    type Observer = (
        web_sys::ResizeObserver,
        wasm_bindgen::closure::Closure<dyn Fn(js_sys::Array)>,
    );
    let observer = StoredValue::new_local(None::<Observer>);
    {
        let el = axis.clone();
        let on_resize = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(
            move |entries: js_sys::Array| {
                let entry: web_sys::ResizeObserverEntry = entries.get(0).unchecked_into();
                let w = entry.content_rect().width();
                if w > 0.0 && w != width.get_untracked() {
                    width.set(w);
                }
            },
        );
        if let Ok(o) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            o.observe(&el);
            observer.update_value(|old| {
                if let Some((old, _)) = old.replace((o, on_resize)) {
                    old.disconnect();
                }
            });
        }
    }
    on_cleanup(move || {
        observer.update_value(|o| {
            if let Some((o, _)) = o.take() {
                o.disconnect();
            }
        })
    });

    let all = move || ctx.data.with(|d| d.all);
    let zoom_by = move |factor: f64| ctx.view.update(|v| *v = v.zoom(factor, 0.5, &all()));
    let drag = StoredValue::new(Drag::default());

    let on_wheel = move |ev: web_sys::Event| {
        let ev: web_sys::WheelEvent = ev.unchecked_into();
        ev.prevent_default();
        let w = width.get_untracked();
        // From the axis's own edge: the drawing under the pointer is offset (see `drawn`).
        let left = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map_or(0.0, |el| el.get_bounding_client_rect().left());
        let anchor = (f64::from(ev.client_x()) - left) / w;
        if ev.shift_key() || ev.delta_x().abs() > ev.delta_y().abs() {
            let d = if ev.delta_x() != 0.0 {
                ev.delta_x()
            } else {
                ev.delta_y()
            };
            ctx.view.update(|v| *v = v.pan(d / w, &all()));
        } else {
            let factor = (ev.delta_y() * 0.002).exp();
            ctx.view.update(|v| *v = v.zoom(factor, anchor, &all()));
        }
    };
    let on_down = move |ev: web_sys::Event| {
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        let x = f64::from(ev.client_x());
        drag.update_value(|d| {
            if d.active && d.pointer != ev.pointer_id() {
                d.pinch = Some((ev.pointer_id(), (x - d.x0).abs().max(1.0), x));
            } else {
                *d = Drag {
                    active: true,
                    pointer: ev.pointer_id(),
                    x0: x,
                    view0: Some(ctx.view.get_untracked()),
                    moved: false,
                    pinch: None,
                };
            }
        });
    };
    let on_move = move |ev: web_sys::Event| {
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        let d = drag.get_value();
        if !d.active {
            return;
        }
        let x = f64::from(ev.client_x());
        let w = width.get_untracked();
        let Some(v0) = d.view0 else { return };
        if let Some((pid, dist0, _)) = d.pinch {
            if ev.pointer_id() == pid {
                let dist = (x - d.x0).abs().max(1.0);
                ctx.view.set(v0.zoom(dist0 / dist, 0.5, &all()));
            }
            return;
        }
        if ev.pointer_id() != d.pointer {
            return;
        }
        let dx = x - d.x0;
        if dx.abs() > 4.0 {
            drag.update_value(|d| d.moved = true);
        }
        if d.moved || dx.abs() > 4.0 {
            ctx.view.set(v0.pan(-dx / w, &all()));
        }
    };
    let on_up = move |_: web_sys::Event| {
        drag.update_value(|d| {
            d.active = false;
            d.pinch = None;
        });
    };

    // The axis and the overview follow the data and filter a frame after the list (see
    // `after_paint`); the pair moves together, so positions always index the right dataset.
    let shown = ctx.settled;
    // The axis is drawn for a window wider than the view (`View::drawn`), its positions in
    // percentages of the drawing's width: a pan moves the drawing (a CSS transform) and a small
    // zoom changes its width, and neither draws anything. It is drawn again when the view leaves
    // the window or is zoomed further, for new results or a new axis width, and once zooming
    // stops (so clusters and ticks fit the zoom). Drawing it on every move took 10-16 ms a
    // frame at 10,000 events, most of it the browser parsing and laying out the new SVG.
    let drawn = RwSignal::new(ctx.view.get_untracked().drawn(None));
    let marks_el = dom::el("div", "marks");
    let place = {
        let el = marks_el.clone();
        move |v: &View, d: &View, w: f64| {
            let style = el.style();
            let px = |x: f64| format!("{}px", html::Fixed(x, 1));
            let _ = style.set_property("width", &px(v.width_of(d, w)));
            let _ = style.set_property(
                "transform",
                &format!("translateX({})", px(v.offset_of(d, w))),
            );
        }
    };
    // Each change of the view starts a new wait for the zooming to stop.
    let changes = std::rc::Rc::new(std::cell::Cell::new(0_u32));
    super::effect(move || {
        let (v, w) = (ctx.view.get(), width.get());
        let old = drawn.get_untracked();
        let d = v.drawn(Some(&old));
        if d != old {
            drawn.set(d);
        }
        place(&v, &d, w);
        if v.drawn_to_scale(&d) {
            return;
        }
        let n = changes.get().wrapping_add(1);
        changes.set(n);
        let (changes, place) = (changes.clone(), place.clone());
        set_timeout(
            move || {
                // The page may have gone meanwhile, and its signals with it.
                let (Some(v), Some(old), Some(w)) = (
                    ctx.view.try_get_untracked(),
                    drawn.try_get_untracked(),
                    width.try_get_untracked(),
                ) else {
                    return;
                };
                if changes.get() == n && !v.drawn_to_scale(&old) {
                    let d = v.drawn(None);
                    drawn.set(d);
                    place(&v, &d, w);
                }
            },
            std::time::Duration::from_millis(150),
        );
    });
    let marks = super::memo(move || {
        let super::Shown(d, f, _) = shown.get();
        markers(&d.ds, &f.visible, &drawn.get(), width.get() * DRAWN_WIDTH)
    });
    // The open event's marker is highlighted a frame after its card shows.
    let current = super::after_paint(ctx.open);
    let current = move || current.get();
    // Markers and ticks are plain HTML (`html::axis_markers`); clicks are delegated here.
    let on_click = move |ev: web_sys::Event| {
        if drag.get_value().moved {
            ev.prevent_default();
            return;
        }
        let Some(el) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest(".marker.cluster").ok().flatten())
        else {
            return;
        };
        ev.prevent_default();
        let num = |k: &str| el.get_attribute(k).and_then(|v| v.parse::<i64>().ok());
        if let (Some(a), Some(b)) = (num("data-from"), num("data-to")) {
            let v = View::fit(a, b);
            ctx.view.set(if v.span() < 28.0 {
                View::around((a + b) as f64 / 2.0, 28.0)
            } else {
                v
            });
        }
    };
    let axis_html = super::memo(move || {
        let super::Shown(d, _, query) = shown.get();
        let base = ctx.base.get_value();
        html::axis_svg(
            &d.ds,
            &marks.get(),
            &ticks(&drawn.get(), width.get() * DRAWN_WIDTH),
            Links {
                base: &base,
                query: &query,
            },
        )
    });
    // The open and the focused event's markers are marked on the drawn axis, not redrawn.
    let el = marks_el.clone();
    let written = StoredValue::new_local(String::new());
    super::effect(move || {
        axis_html.with(|html| {
            written.update_value(|w| {
                if w != html {
                    el.set_inner_html(html);
                    html.clone_into(w);
                }
            })
        });
        let (current, focus) = (current(), ctx.focus.get());
        marks.with(|ms| {
            for (class, pos) in [("current", current), ("focused", focus)] {
                if let Ok(Some(old)) = el.query_selector(&format!(".marker.{class}")) {
                    let _ = old.class_list().remove_1(class);
                }
                let Some(i) = pos.and_then(|p| ms.iter().position(|m| m.events.contains(&p)))
                else {
                    continue;
                };
                if let Ok(Some(m)) = el.query_selector(&format!(".marker[data-i=\"{i}\"]")) {
                    let _ = m.class_list().add_1(class);
                }
            }
        });
    });

    // Overview strip: every visible event as a tick over the whole span, the window as a box.
    // Overview strip: every visible event as a tick over the whole span (one SVG string).
    let overview_dots = move || {
        let super::Shown(d, f, _) = shown.get();
        let fracs: Vec<f64> = f
            .visible
            .iter()
            .filter_map(|&i| d.ds.events.get(i))
            .map(|e| d.all.frac(e.date.first_day() as f64))
            .collect();
        html::overview_svg(&fracs)
    };
    let window_box = move || {
        let a = all();
        let v = ctx.view.get();
        let l = a.frac(v.start).clamp(0.0, 1.0);
        let r = a.frac(v.end).clamp(0.0, 1.0);
        (
            format!("{}%", html::Fixed(l * 100.0, 2)),
            format!("{}%", html::Fixed(((r - l) * 100.0).max(0.5), 2)),
        )
    };
    let overview_click = move |ev: web_sys::Event| {
        let ev: web_sys::MouseEvent = ev.unchecked_into();
        let Some(el) = ev.current_target() else {
            return;
        };
        let el: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(el);
        let rect = el.get_bounding_client_rect();
        let frac = (f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0);
        let a = all();
        let day = a.start + a.span() * frac;
        ctx.view.update(|v| *v = View::around(day, v.span()));
    };
    // The bar above the axis (zoom buttons, the shown range, the legend) is a region.
    let bar = move || html::axis_bar(&ctx.view.get());
    let bar_act = move |act: &str, _: &web_sys::Element, _: &web_sys::Event| match act {
        "zoom-in" => zoom_by(0.5),
        "zoom-out" => zoom_by(2.0),
        "zoom-all" => ctx.view.set(all()),
        _ => {}
    };
    let section = dom::el_with("section", "timeline", &[("aria-label", "Time axis")]);
    dom::append(&section, &super::region("axis-bar", bar, bar_act));
    dom::on(&axis, "wheel", on_wheel);
    dom::on(&axis, "pointerdown", on_down);
    dom::on(&axis, "pointermove", on_move);
    for ev in ["pointerup", "pointercancel", "pointerleave"] {
        dom::on(&axis, ev, on_up);
    }
    let lanes = dom::el("div", "lanes");
    lanes.set_inner_html(&html::lane_labels());
    dom::append(&axis, &lanes);
    dom::on(&marks_el, "click", on_click);
    dom::append(&axis, &marks_el);
    dom::append(&section, &axis);
    let overview = dom::el_with("div", "overview", &[("aria-hidden", "true")]);
    dom::on(&overview, "click", overview_click);
    let dots = dom::el("div", "dots");
    dom::bind_html(&dots, overview_dots);
    dom::append(&overview, &dots);
    let window_el = dom::el("span", "window");
    let style = window_el.style();
    super::effect(move || {
        let (left, width) = window_box();
        let _ = style.set_property("left", &left);
        let _ = style.set_property("width", &width);
    });
    dom::append(&overview, &window_el);
    dom::append(&section, &overview);
    let hint = dom::el("p", "hint");
    hint.set_text_content(Some("Drag or use Shift+arrows to pan; wheel, pinch, + and \u{2212} to zoom; 0 shows all. In the list, arrows move between events and Enter opens one."));
    dom::append(&section, &hint);
    section
}
