//! The page chrome: header (title, navigation, search, theme, open dataset), the filter bar with
//! live counts, the footer, and the document title and description that follow the route.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{dom, Ctx};
use crate::model::EntityKind;
use crate::offload::Verb;
use crate::route::{Page, Query};

/// The header's navigation and tools, with the search box (focused by `/`), built into the
/// page's `header.site` (see `app::start`). The search box is the one element kept across
/// keystrokes; the links (which carry the query) and the buttons are regions.
pub fn header(ctx: Ctx, header: &web_sys::HtmlElement) {
    let input: web_sys::HtmlInputElement = dom::el_with(
        "input",
        "",
        &[
            ("id", "search"),
            ("type", "search"),
            ("placeholder", "Search (press /)"),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
        ],
    )
    .unchecked_into();
    let search_input = input.clone();
    let key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "/" && !typing(&ev) {
            ev.prevent_default();
            let _ = search_input.focus();
            search_input.select();
        }
    });
    on_cleanup(move || key.remove());
    // The links carry the query (`?data=` and the filters): they follow it a paint after the
    // results (`settled`).
    let home = move || {
        ctx.href(&crate::route::Route::new(
            Page::Timeline,
            ctx.settled.with(|s| s.2.cleared()),
        ))
    };
    let typed = input.clone();
    let on_input = move |_: web_sys::Event| {
        let value = typed.value();
        let mut q = ctx.route.with_untracked(|r| r.query.clone());
        q.q = value.chars().take(200).collect();
        let page = ctx.route.with_untracked(|r| r.page.clone());
        let page = match page {
            Page::Timeline | Page::Event(_) => page,
            _ => Page::Timeline,
        };
        ctx.navigate(crate::route::Route::new(page, q), true);
    };
    // The title and tagline are the page's own (`static_pages::site_header`), painted before the
    // app started; the title follows the dataset and keeps `?data=` in its link.
    super::effect(move || {
        let Ok(Some(a)) = document().query_selector("header.site .title") else {
            return;
        };
        let title = ctx.data.with(|d| d.ds.title.clone());
        if a.text_content().as_deref() != Some(title.as_str()) {
            a.set_text_content(Some(&title));
        }
        let _ = a.set_attribute("href", &home());
    });
    let nav = move || {
        let base = ctx.base.get_value();
        ctx.settled
            .with(|s| crate::html::site_nav(&home(), &base, &s.2))
    };
    let dark = RwSignal::new(initial_theme_dark());
    super::effect(move || {
        let theme = if dark.get() { "dark" } else { "light" };
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("data-theme", theme);
        }
    });
    let tools_markup = move || crate::html::header_tools(dark.get());
    let act = move |act: &str, el: &web_sys::Element, _: &web_sys::Event| match act {
        "open" => {
            if let Ok(input) = el.clone().dyn_into::<web_sys::HtmlInputElement>() {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    super::loader::open_file(ctx, file);
                }
                input.set_value("");
            }
        }
        "theme" => {
            dark.update(|d| *d = !*d);
            if let Some(s) = window().local_storage().ok().flatten() {
                let theme = if dark.get_untracked() {
                    "dark"
                } else {
                    "light"
                };
                let _ = s.set_item("theme", theme);
            }
        }
        _ => {}
    };
    super::loader::listen_for_drops(ctx);
    dom::append(header, &super::region("nav-region", nav, |_, _, _| {}));
    let tools = dom::el("div", "tools");
    let search = dom::el("div", "search");
    let label = dom::el_with("label", "visually-hidden", &[("for", "search")]);
    label.set_text_content(Some("Search events"));
    dom::append(&search, &label);
    dom::append(&search, &input);
    dom::on(&input, "input", on_input);
    // The box follows the URL (back, forward, a link), but is not rewritten while it already
    // holds that text: that would move the caret.
    super::effect(move || {
        let q = ctx.query.with(|q| q.q.clone());
        if input.value() != q {
            input.set_value(&q);
        }
    });
    dom::append(&tools, &search);
    dom::append(&tools, &super::region("tools-region", tools_markup, act));
    dom::append(header, &tools);
}

fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}

/// The theme to start in: the remembered choice, else the system's `prefers-color-scheme`.
fn initial_theme_dark() -> bool {
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item("theme").ok().flatten());
    match stored.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// Kind, person, topic and year filters with live counts, and the exports; all state lives in
/// the URL. Three regions: the kinds (their counts follow every query), the fields (they follow
/// the dataset and their own values only) and the live "N of M events" line.
pub fn filters(ctx: Ctx) -> web_sys::HtmlElement {
    // The counts and the "N of M" line follow the results a paint after the list (`settled`).
    let kinds = move || {
        ctx.settled
            .with(|s| crate::html::kind_chips(&s.1.kind_counts, &s.2.kinds))
    };
    let options = super::memo(move || {
        ctx.data.with(|d| {
            (
                crate::html::entity_options(&d.ds, EntityKind::Person),
                crate::html::entity_options(&d.ds, EntityKind::Topic),
            )
        })
    });
    let values = super::memo(move || {
        ctx.query
            .with(|q| (q.person.clone(), q.topic.clone(), q.from, q.to))
    });
    let fields = move || {
        let (person, topic, from, to) = values.get();
        options.with(|(people, topics)| {
            crate::html::filter_fields(
                people,
                topics,
                person.as_deref(),
                topic.as_deref(),
                from,
                to,
            )
        })
    };
    let shown = move || {
        ctx.settled.with(|s| {
            crate::html::shown_line(s.1.visible.len(), s.0.ds.events.len(), s.2.is_filtered())
        })
    };
    let act = move |act: &str, el: &web_sys::Element, _: &web_sys::Event| {
        let value = js_sys::Reflect::get(el, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let mut q = ctx.route.with_untracked(|r| r.query.clone());
        match act {
            "kind" => {
                let Some(kind) = crate::model::Kind::parse(&value) else {
                    return;
                };
                if let Some(i) = q.kinds.iter().position(|k| *k == kind) {
                    q.kinds.remove(i);
                } else {
                    q.kinds.push(kind);
                    q.kinds.sort();
                }
            }
            "people" | "topics" => {
                let v = (!value.is_empty()).then_some(value);
                if act == "people" {
                    q.person = v;
                } else {
                    q.topic = v;
                }
            }
            "from" | "to" => {
                let v = value.trim().parse::<i32>().ok();
                if act == "from" {
                    q.from = v;
                } else {
                    q.to = v;
                }
                q = Query::parse(&q.to_search());
            }
            "export" => return export(ctx, &value),
            "clear" => q = q.cleared(),
            _ => return,
        }
        ctx.set_query(q);
    };
    let act = std::rc::Rc::new(act);
    let section = dom::el_with("section", "filters", &[("aria-label", "Filters")]);
    let (a1, a2) = (act.clone(), act.clone());
    let kinds = super::region("kinds-region", kinds, move |n, e, v| a1(n, e, v));
    dom::append(&section, &kinds);
    let fields = super::region("fields-region", fields, move |n, e, v| a2(n, e, v));
    dom::append(&section, &fields);
    let shown = super::region_live("shown", shown, move |n, e, v| act(n, e, v));
    dom::append(&section, &shown);
    section
}
/// The footer: provenance and the schema link.
pub fn footer(ctx: Ctx) -> web_sys::HtmlElement {
    let markup = move || {
        let opened = ctx
            .data
            .with(|d| (d.origin != super::EMBEDDED).then(|| d.origin.clone()));
        crate::html::footer(&ctx.base.get_value(), opened.as_deref())
    };
    super::region("footer-region", markup, |_, _, _| {})
}

/// Keeps `<title>` and the meta description in step with the route.
pub fn follow_route_in_head(ctx: Ctx) {
    // Both are written after the next paint (`after_next_paint`): setting `document.title` took
    // 2-3 ms of a card's opening at 10,000 events, in the press's task, before the card could be
    // drawn. The results they name are `settled`, a paint after the list.
    let page = super::memo(move || ctx.route.with(|r| r.page.clone()));
    super::effect(move || {
        let page = page.get();
        let super::Shown(d, f, query) = ctx.settled.get();
        let site = d.ds.title.clone();
        let (title, desc) = match &page {
            Page::Event(id) => match d.ds.event(id) {
                Some(e) => (
                    format!("{} \u{2014} {}", e.title, site),
                    format!(
                        "{} ({}{}). {}",
                        e.kind.label(),
                        e.date.human(),
                        if e.basis.is_inferred() {
                            ", inferred"
                        } else {
                            ""
                        },
                        e.summary
                    ),
                ),
                None => (
                    format!("Event not found \u{2014} {site}"),
                    "No event has this id.".into(),
                ),
            },
            Page::Entity(kind, id) => (
                format!("{} \u{2014} {site}", d.ds.name_of(*kind, id)),
                format!("What the sources say about {}.", d.ds.name_of(*kind, id)),
            ),
            Page::Trade => (
                format!("Trade figures \u{2014} {site}"),
                "Turnover figures from the sources, and where they disagree.".into(),
            ),
            Page::About => (
                format!("Sources and method \u{2014} {site}"),
                "The articles and how the dataset is built.".into(),
            ),
            Page::NotFound(_) => (
                format!("Page not found \u{2014} {site}"),
                "This address is not part of the timeline.".into(),
            ),
            Page::Timeline => {
                let t = if query.is_filtered() {
                    let n = f.visible.len();
                    format!("{n} event{} \u{2014} {site}", if n == 1 { "" } else { "s" })
                } else {
                    site.clone()
                };
                (
                    t,
                    format!(
                        "{} visits, meetings, calls and signings, each with its source and quote.",
                        d.ds.events.len()
                    ),
                )
            }
        };
        super::after_next_paint(Box::new(move || {
            document().set_title(&title);
            if let Ok(Some(meta)) = document().query_selector("meta[name=description]") {
                let _ = meta.set_attribute("content", &desc);
            }
        }));
    });
}

/// Export the current filtered view as CSV, JSON (the dataset schema) or iCalendar; the loader
/// worker writes the file (`offload`), so the writers are not in the app's bundle.
fn export(ctx: Ctx, format: &str) {
    let (verb, mime, ext) = match format {
        "csv" => (Verb::Csv, "text/csv;charset=utf-8", "csv"),
        "json" => (Verb::Json, "application/json", "json"),
        _ => (Verb::Ics, "text/calendar;charset=utf-8", "ics"),
    };
    let visible = ctx.filtered.get_untracked().visible.clone();
    leptos::task::spawn_local(async move {
        let label = ext.to_uppercase();
        let said = match super::loader::offload(ctx, verb, &visible).await {
            Some(text) => {
                download(&format!("az-by-timeline.{ext}"), &text, mime);
                format!("Exported {} events as {label}.", visible.len())
            }
            None => format!("The {label} export failed; please try again."),
        };
        ctx.announce.set(said);
    });
}

/// Offers text as a file download (nothing leaves the browser).
fn download(name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Some(body) = document().body() {
            let _ = body.append_child(&a);
            if let Ok(h) = a.clone().dyn_into::<web_sys::HtmlElement>() {
                h.click();
            }
            a.remove();
        }
    }
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
}
