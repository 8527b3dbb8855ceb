//! The browser app: shared state (URL route, dataset, visible window), the one route table and
//! the shell. The views live in `app/`, plain DOM (`dom`) updated by effects; they read state
//! from `Ctx` and build every URL with `route`.

mod card;
mod chrome;
mod dom;
mod list;
mod loader;
mod pages;
mod timeline;

use std::borrow::Cow;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::dataset::{LoadError, Loaded, Problem};
use crate::layout::View;
use crate::model::Dataset;
use crate::route::{Page, Query, Route};
use crate::search::{self, Filtered, Index};

/// A loaded dataset with its search index: replaced whole, never edited.
pub struct Data {
    pub ds: Dataset,
    pub index: Index,
    pub problems: Vec<Problem>,
    pub rejected: usize,
    pub declared: usize,
    /// Where it came from: "the embedded dataset", a file name or a URL.
    pub origin: String,
    /// The window showing every event.
    pub all: View,
    /// The compact form it was decoded from (`dataset::codec`): the loader worker makes the
    /// JSON export from it, so the app carries no JSON writer.
    pub coded: Cow<'static, str>,
}

impl Data {
    pub fn new(loaded: Loaded, origin: String, coded: Cow<'static, str>) -> Data {
        let all = View::all(&loaded.dataset);
        Data {
            // Built by the first search with words (the idle warm-up makes one).
            index: Index::default(),
            all,
            coded,
            ds: loaded.dataset,
            problems: loaded.problems,
            rejected: loaded.rejected,
            declared: loaded.declared,
            origin,
        }
    }
}

/// The origin label of the dataset embedded at build time.
pub const EMBEDDED: &str = "the embedded dataset";

/// App-wide state, made once by `app` and handed to every view (it is `Copy`).
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The base path, ending in `/` (from `<base href>`).
    pub base: StoredValue<String>,
    /// The current URL, parsed. Only `navigate` and the popstate listener write it.
    pub route: RwSignal<Route>,
    /// The query part of the route alone: opening a card does not re-run what depends on it.
    pub query: Memo<Query>,
    pub data: RwSignal<Arc<Data>>,
    /// The filtered events and counts for the current query.
    pub filtered: Memo<Arc<Filtered>>,
    /// The dataset, the filter result and the query, one paint after they change (`after_paint`):
    /// the list follows `filtered` at once, and everything else that shows results (counts, the
    /// axis, links that carry the query, the title) follows this.
    pub settled: ReadSignal<Shown>,
    /// The event whose card is open (position in the dataset), if any.
    pub open: Memo<Option<usize>>,
    /// The visible time window of the axis.
    pub view: RwSignal<View>,
    /// The event that has the roving focus in the list (position in the dataset).
    pub focus: RwSignal<Option<usize>>,
    /// A message for the polite live region.
    pub announce: RwSignal<String>,
    /// How far the list has scrolled above the viewport (CSS px), for the windowed list.
    pub scroll: RwSignal<f64>,
    /// A load error to show, with the problems of a file whose events were all rejected
    /// (the current dataset stays).
    pub load_error: RwSignal<Option<LoadError>>,
}

impl Ctx {
    /// The href of a route under the base.
    pub fn href(&self, route: &Route) -> String {
        route.href(&self.base.get_value())
    }

    /// Goes to a route: updates state, then pushes (or replaces) history. No reload.
    ///
    /// The history entry is written after the next paint (`History.pushState` took about 1 ms of
    /// a click's 4-5 ms): navigations in between are written as one entry, a push if any of
    /// them was one, with the last URL. Back or forward before then drops the pending entry.
    pub fn navigate(&self, route: Route, replace: bool) {
        let href = self.href(&route);
        self.route.set(route);
        let first = PENDING_HISTORY.with(|p| {
            let mut p = p.borrow_mut();
            let push = !replace || p.as_ref().is_some_and(|(_, push)| *push);
            p.replace((href, push)).is_none()
        });
        if first {
            after_next_paint(Box::new(write_history));
        }
    }

    /// Replaces the query, keeping the page; filter changes replace history.
    pub fn set_query(&self, query: Query) {
        let page = self.route.with_untracked(|r| r.page.clone());
        self.navigate(Route::new(page, query), true);
    }
}

thread_local! {
    /// The history entry `Ctx::navigate` has yet to write: its URL, and whether it is a push.
    static PENDING_HISTORY: std::cell::RefCell<Option<(String, bool)>> = const { std::cell::RefCell::new(None) };
}

/// Writes the pending history entry, if any (see `Ctx::navigate`).
fn write_history() {
    let Some((href, push)) = PENDING_HISTORY.with(|p| p.borrow_mut().take()) else {
        return;
    };
    if let Ok(history) = window().history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href))
        };
    }
}

/// `Effect::new` through one boxed closure type: every effect shares one copy of Leptos's generic
/// effect code in the bundle instead of one per closure.
pub fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    Effect::new(move |_| f());
}

/// `Memo::new` through one boxed closure type per value type (see `effect`).
pub fn memo<T: PartialEq + Send + Sync + 'static>(
    f: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<T> {
    let f: Box<dyn Fn() -> T + Send + Sync> = Box::new(f);
    Memo::new(move |_| f())
}

/// A region of the page drawn from an escaped HTML string (`html`), redrawn whenever what
/// `markup` reads changes, with delegated events: a click on a `button[data-act]` or a change of
/// an element with `data-act` calls `act(name, element, event)`. Every region shares one view
/// type (a boxed closure), so each adds only its own markup code to the bundle, not a copy of
/// Leptos's generic view code. Focus on an element with an `id` survives a redraw; while the
/// focus is in the region, a redraw waits for the end of the current task (see `region_boxed`).
pub fn region(
    class: &'static str,
    markup: impl Fn() -> String + Send + Sync + 'static,
    act: impl Fn(&str, &web_sys::Element, &web_sys::Event) + 'static,
) -> web_sys::HtmlElement {
    region_boxed(class, false, Box::new(markup), std::rc::Rc::new(act))
}

/// A `region` that is also a polite live region: screen readers read out what it changes to.
pub fn region_live(
    class: &'static str,
    markup: impl Fn() -> String + Send + Sync + 'static,
    act: impl Fn(&str, &web_sys::Element, &web_sys::Event) + 'static,
) -> web_sys::HtmlElement {
    region_boxed(class, true, Box::new(markup), std::rc::Rc::new(act))
}

type Act = std::rc::Rc<dyn Fn(&str, &web_sys::Element, &web_sys::Event)>;

fn region_boxed(
    class: &'static str,
    live: bool,
    markup: Box<dyn Fn() -> String + Send + Sync>,
    act: Act,
) -> web_sys::HtmlElement {
    let node = dom::el("div", class);
    if live {
        let _ = node.set_attribute("aria-live", "polite");
    }
    // The markup waiting to be written. While the focus is in the region, or right after one of
    // its controls acted, the write waits for the end of the current task: a change that Tab
    // commits is handled before the focus moves on (with the focus on no element), and redrawing
    // then would remove the element Tab is moving to.
    let pending = std::rc::Rc::new(std::cell::RefCell::new(None::<String>));
    // What the region shows: markup equal to it is not written again (the axis bar's range
    // changes far less often than the view it is made from).
    let written = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    let acted = std::rc::Rc::new(std::cell::Cell::new(false));
    let acted_in_effect = acted.clone();
    let el = node.clone();
    effect(move || {
        let acted = &acted_in_effect;
        let html = markup();
        let deferred = pending.borrow_mut().replace(html).is_some();
        if deferred {
            return;
        }
        let write = {
            let (pending, acted, el) = (pending.clone(), acted.clone(), el.clone());
            let written = written.clone();
            move || {
                acted.set(false);
                let html = pending.borrow_mut().take();
                if let Some(html) = html.filter(|h| *h != *written.borrow()) {
                    write_region(&el, &html);
                    *written.borrow_mut() = html;
                }
            }
        };
        if acted.get() || focus_within(&el) {
            set_timeout(write, std::time::Duration::ZERO);
        } else {
            write();
        }
    });
    let dispatch = std::rc::Rc::new(move |ev: web_sys::Event, selector: &str| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Ok(Some(el)) = target.closest(selector) else {
            return;
        };
        if let Some(name) = el.get_attribute("data-act") {
            acted.set(true);
            act(&name, &el, &ev);
        }
    });
    let on_click = dispatch.clone();
    dom::on(&node, "click", move |ev| on_click(ev, "button[data-act]"));
    dom::on(&node, "change", move |ev| {
        dispatch(ev, "[data-act]:not(button)")
    });
    node
}

/// Whether the focused element is in the region.
fn focus_within(el: &web_sys::Element) -> bool {
    let Some(active) = document().active_element() else {
        return false;
    };
    el.contains(Some(active.unchecked_ref()))
}

/// Writes a region's markup; the focused element, if it was in the region and has an id, is
/// focused again in the new markup.
fn write_region(el: &web_sys::Element, html: &str) {
    let focused = document()
        .active_element()
        .filter(|a| !a.id().is_empty() && el.contains(Some(a.unchecked_ref())))
        .map(|a| a.id());
    el.set_inner_html(html);
    if let Some(again) = focused
        .and_then(|id| document().get_element_by_id(&id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = again.focus();
    }
}

/// A dataset, the query and its result, moving together; the dataset and the result are compared
/// by identity (both are replaced whole, never edited).
#[derive(Clone)]
pub struct Shown(pub Arc<Data>, pub Arc<Filtered>, pub Query);

impl PartialEq for Shown {
    fn eq(&self, other: &Shown) -> bool {
        Arc::ptr_eq(&self.0, &other.0) && Arc::ptr_eq(&self.1, &other.1) && self.2 == other.2
    }
}

/// A copy of `source` that follows it after the next paint, coalescing changes in between. The
/// axis and the overview follow the filter this way, so a keystroke repaints the list of results
/// first and the (heavier) axis one frame later, instead of both in a slower frame.
pub fn after_paint<T: Clone + Send + Sync + 'static>(source: Memo<T>) -> ReadSignal<T> {
    let (shown, set_shown) = signal(source.get_untracked());
    let pending = StoredValue::new(false);
    Effect::new(move |first: Option<()>| {
        source.track();
        if first.is_none() || pending.get_value() {
            return;
        }
        pending.set_value(true);
        after_next_paint(Box::new(move || {
            pending.set_value(false);
            set_shown.set(source.get_untracked());
        }));
    });
    shown
}

/// Runs `f` in a task queued from the next animation frame: after the browser has painted what
/// the current task changed. One boxed type, so every caller shares one copy of the timer code.
pub fn after_next_paint(f: Box<dyn FnOnce()>) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// Reads the base path from the document (`<base href>`), ending in `/`.
fn base_path() -> String {
    let base = document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|u| web_sys::Url::new(&u).ok())
        .map(|u| u.pathname())
        .unwrap_or_else(|| "/".into());
    if base.ends_with('/') {
        base
    } else {
        match base.rfind('/') {
            Some(i) => base[..=i].to_string(),
            None => "/".into(),
        }
    }
}

fn current_route(base: &str) -> Route {
    let loc = window().location();
    Route::parse(
        base,
        &loc.pathname().unwrap_or_default(),
        &loc.search().unwrap_or_default(),
    )
}

/// The page's site header (`static_pages::site_header`), which the app keeps and fills in.
fn site_header() -> Option<web_sys::HtmlElement> {
    document()
        .query_selector("body > header.site")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Starts the app: a panic hook that shows a recovery message, then mounts.
pub fn start() {
    // The module is compiled and running: with `timeline_ready` below, this splits the first
    // load into fetching and compiling, and the app's own start-up (seen in a performance trace).
    if let Some(p) = window().performance() {
        let _ = p.mark("app_start");
    }
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("The app stopped: {info}").into());
        show_crash();
    }));
    on_trap_show_crash();
    // The static copy of the page (for crawlers and readers without JavaScript) gives way; its
    // site header stays (a page without one, as under `trunk serve`, gets an empty one) and the
    // app fills it in. Keeping it keeps its paint: the largest one, before the app started.
    let doc = document();
    if let Some(el) = doc.get_element_by_id("static") {
        // An entity, trade or about page shows its static content until the worker remakes it.
        if let Ok(Some(article)) = el.query_selector("article.page") {
            pages::keep_static_copy(article.inner_html());
        }
        el.remove();
    }
    let header = site_header().or_else(|| {
        let html = crate::static_pages::site_header("", &base_path());
        doc.body()?.insert_adjacent_html("afterbegin", &html).ok()?;
        site_header()
    });
    if let Some(header) = &header {
        let skip = "<a class=\"skip\" href=\"#events\">Skip to the events</a>";
        let _ = header.insert_adjacent_html("beforebegin", skip);
    }
    // The app's views are plain DOM (`dom`); Leptos gives the reactive owner they live in.
    if let Some(body) = doc.body() {
        leptos::mount::mount_to(body.clone(), move || app(&body)).forget();
    }
    // A hook for the benchmark and tests, the same as the benchmark's other timelines publish:
    // `__ready` is the time (`performance.now()`) of the second animation frame after the mount,
    // when the first frame showing the timeline has been drawn. The mark `timeline_ready` is the
    // first one, where that frame starts.
    request_animation_frame(|| {
        if let Some(p) = window().performance() {
            let _ = p.mark("timeline_ready");
        }
        request_animation_frame(|| {
            let now = window().performance().map_or(1.0, |p| p.now().max(1.0));
            let _ = js_sys::Reflect::set(&window(), &"__ready".into(), &now.into());
        });
    });
    register_service_worker();
}

/// The release build (scripts/build.sh) aborts on a panic at once: the hook above never runs and
/// the panic reaches the page as an uncaught `WebAssembly.RuntimeError` (from an event handler,
/// or from a task as an unhandled rejection). Either shows the same recovery message.
fn on_trap_show_crash() {
    for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
            move |e: web_sys::Event| {
                let cause = js_sys::Reflect::get(&e, &field.into()).unwrap_or_default();
                if cause.is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
                    show_crash();
                }
            },
        );
        let _ = window().add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        listener.forget();
    }
}

/// Registers `sw.js` (release builds write it) so the app keeps working offline.
fn register_service_worker() {
    let nav = window().navigator();
    let Ok(sw) = js_sys::Reflect::get(&nav, &"serviceWorker".into()) else {
        return;
    };
    if sw.is_undefined() || cfg!(debug_assertions) {
        return;
    }
    let url = format!("{}sw.js", base_path());
    if let Ok(register) = js_sys::Reflect::get(&sw, &"register".into()) {
        if let Ok(f) = register.dyn_into::<js_sys::Function>() {
            if let Ok(p) = f.call1(&sw, &url.into()) {
                if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                    // A failed registration only means no offline copy; say so in the console.
                    let on_err = wasm_bindgen::closure::Closure::new(|_: wasm_bindgen::JsValue| {
                        web_sys::console::info_1(&"Offline copy unavailable.".into());
                    });
                    let _ = p.catch(&on_err);
                    on_err.forget();
                }
            }
        }
    }
}

/// Replaces the page with a message and a reload link (the app's state cannot be trusted now).
pub fn show_crash() {
    let doc = document();
    if doc.get_element_by_id("crash").is_some() {
        return;
    }
    if let Ok(div) = doc.create_element("div") {
        div.set_id("crash");
        div.set_attribute("role", "alert").ok();
        div.set_text_content(Some(
            "Something went wrong and the timeline stopped. Your data is not lost: ",
        ));
        if let Ok(a) = doc.create_element("a") {
            a.set_attribute("href", &window().location().href().unwrap_or_default())
                .ok();
            a.set_text_content(Some("reload the page"));
            div.append_child(&a).ok();
        }
        if let Some(body) = doc.body() {
            body.prepend_with_node_1(&div).ok();
        }
    }
}

/// The root: state, listeners, the route table; builds the page into `root` (the body). Call it
/// under a reactive owner (`leptos::mount::mount_to`).
pub fn app(root: &web_sys::HtmlElement) {
    let base = base_path();
    let route = RwSignal::new(current_route(&base));
    let (data, first_error) = match crate::embedded::loaded() {
        Ok(l) => (
            Data::new(l, EMBEDDED.into(), crate::embedded::CODED.into()),
            None,
        ),
        Err(e) => (
            Data::new(
                Loaded {
                    dataset: Dataset::default(),
                    problems: Vec::new(),
                    rejected: 0,
                    declared: 0,
                },
                "nothing".into(),
                crate::dataset::codec::EMPTY.into(),
            ),
            Some(LoadError {
                message: format!("The embedded dataset could not be loaded: {e}"),
                problems: e.problems,
            }),
        ),
    };
    let all = data.all;
    let data = RwSignal::new(Arc::new(data));
    let query = memo(move || route.with(|r| r.query.clone()));
    // Recent results of the current dataset (see `search::Recent`).
    let recent = StoredValue::new((None::<Arc<Data>>, search::Recent::default()));
    let filtered = memo(move || {
        let d = data.get();
        recent.update_value(|(rd, recent)| {
            if !rd.as_ref().is_some_and(|rd| Arc::ptr_eq(rd, &d)) {
                *rd = Some(d.clone());
                recent.clear();
            }
        });
        query.with(|q| {
            let mut f = None;
            recent.update_value(|(_, recent)| f = Some(recent.search(&d.ds, &d.index, q)));
            f.unwrap_or_else(|| Arc::new(search::apply(&d.ds, &d.index, q)))
        })
    });
    let open = memo(move || {
        route.with(|r| match &r.page {
            Page::Event(id) => data.with(|d| d.ds.position(id)),
            _ => None,
        })
    });
    let settled = after_paint(memo(move || Shown(data.get(), filtered.get(), query.get())));
    let ctx = Ctx {
        base: StoredValue::new(base),
        route,
        query,
        data,
        filtered,
        settled,
        open,
        view: RwSignal::new(all),
        focus: RwSignal::new(None),
        announce: RwSignal::new(String::new()),
        scroll: RwSignal::new(0.0),
        load_error: RwSignal::new(first_error),
    };

    // Back and forward.
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        PENDING_HISTORY.with(|p| p.borrow_mut().take());
        route.set(current_route(&ctx.base.get_value()));
    });
    on_cleanup(move || handle.remove());
    intercept_links(ctx);
    print_every_card(ctx);
    // A dataset named by `?data=` warms up once it has loaded (`loader::accept`) instead.
    if query.with_untracked(|q| q.data.is_none()) {
        when_idle(move || warm_up(ctx));
    }
    loader::open_from_query(ctx);
    chrome::follow_route_in_head(ctx);

    // Opening a card (by link, deep link, back or forward) brings its event into view: the card
    // comes first, the row scrolls into view in the next frame, the axis follows after its paint.
    effect(move || {
        if let Some(pos) = open.get() {
            request_animation_frame(move || {
                list::scroll_into_view(pos);
                set_timeout(
                    move || list::reveal_on_axis(ctx, pos, true),
                    std::time::Duration::ZERO,
                );
            });
        }
    });

    // The page's shell changes only between pages: the timeline stays mounted while cards open
    // and close and while the query changes.
    let page = memo(move || {
        route.with(|r| match &r.page {
            Page::Event(_) => Page::Timeline,
            p => p.clone(),
        })
    });
    if let Some(header) = site_header() {
        chrome::header(ctx, &header);
    }
    let main = dom::el_with("main", "", &[("id", "main")]);
    dom::append(root, &main);
    // Each page is built in this effect, so its effects and listeners end with it (an effect
    // cleans up what its previous run made) when the next page replaces it.
    effect(move || {
        let page = page.get();
        untrack(|| {
            main.set_inner_html("");
            let content = match page {
                Page::Timeline | Page::Event(_) => timeline_page(ctx),
                other => pages::page(ctx, other),
            };
            dom::append(&main, &content);
        });
    });
    let print = dom::el_with(
        "section",
        "print-only",
        &[("id", "print"), ("aria-hidden", "true")],
    );
    dom::append(root, &print);
    dom::append(root, &chrome::footer(ctx));
    let status = dom::el_with(
        "p",
        "visually-hidden",
        &[("aria-live", "polite"), ("role", "status")],
    );
    dom::append(root, &status);
    effect(move || status.set_text_content(Some(&ctx.announce.get())));
}

/// The timeline with its filters, list and (when the route names one) the open card.
fn timeline_page(ctx: Ctx) -> web_sys::HtmlElement {
    let open = memo(move || {
        ctx.route.with(|r| match &r.page {
            Page::Event(id) => Some(id.clone()),
            _ => None,
        })
    });
    let page = dom::el("div", "timeline-page");
    dom::append(&page, &loader::problems(ctx));
    dom::append(&page, &chrome::filters(ctx));
    dom::append(&page, &timeline::timeline(ctx));
    let body = dom::el("div", "body");
    dom::bind_class(&body, "with-card", move || open.with(Option::is_some));
    dom::append(&body, &list::event_list(ctx));
    page.append_child(&body).ok();
    // The card is built in this effect, so the previous card's effects end with it.
    effect(move || {
        let id = open.get();
        untrack(|| {
            if let Ok(Some(old)) = body.query_selector(":scope > aside.card") {
                old.remove();
            }
            if let Some(id) = id {
                dom::append(&body, &card::card(ctx, id));
            }
        });
    });
    page
}

/// Before printing, fills `#print` with the card of every event in the filtered view (the
/// screen list may be windowed); after printing, empties it.
fn print_every_card(ctx: Ctx) {
    let before = window_event_listener(leptos::ev::beforeprint, move |_| {
        let Some(target) = document().get_element_by_id("print") else {
            return;
        };
        let d = ctx.data.get_untracked();
        let f = ctx.filtered.get_untracked();
        let query = ctx.route.with_untracked(|r| r.query.clone());
        let base = ctx.base.get_value();
        let links = crate::html::Links {
            base: &base,
            query: &query,
        };
        let origin = site_origin();
        let mut out = String::new();
        for &pos in &f.visible {
            let e = &d.ds.events[pos];
            let permalink = crate::route::absolute(
                &origin,
                &crate::route::event_href(&base, &e.id, &Query::default()),
            );
            out.push_str(&format!(
                "<article class=\"card kind-{}\">{}</article>",
                e.kind.slug(),
                crate::html::card(&d.ds, e, links, &permalink, &f.visible, false)
            ));
        }
        target.set_inner_html(&out);
    });
    let after = window_event_listener(leptos::ev::afterprint, |_| {
        if let Some(t) = document().get_element_by_id("print") {
            t.set_inner_html("");
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}

/// Runs `f` when the browser is idle (`requestIdleCallback`; where there is none, a little later).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let w = window();
    let idle = js_sys::Reflect::get(&w, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(idle) => {
            let _ = idle.call1(&w, &wasm_bindgen::closure::Closure::once_into_js(f));
        }
        None => set_timeout(f, std::time::Duration::from_millis(300)),
    }
}

/// Runs the card and the search once while the page is idle after it is shown: the browser
/// compiles WebAssembly functions on their first call, and lays out a face and a size of a font
/// slower the first time, so the reader's first click and first keystroke do not pay for either.
/// Each step is its own idle task, short enough not to hold up input that arrives meanwhile. The
/// search also builds the dataset's search index, which the first screen does not need.
pub fn warm_up(ctx: Ctx) {
    // While a card is open its code is warm already (and a second card could take its focus).
    if ctx.open.get_untracked().is_none() {
        warm_card(ctx);
    }
    when_idle(move || {
        let d = ctx.data.get_untracked();
        let typed = Query {
            q: "a".into(),
            ..Query::default()
        };
        std::hint::black_box(search::apply(&d.ds, &d.index, &typed));
    });
}

/// Builds the card component for the first event in an owner of its own, off screen and hidden
/// from everyone; lays it out once its effects have drawn it, then removes and disposes of it,
/// all in this task (before the card's next-frame focus step could find it).
fn warm_card(ctx: Ctx) {
    let Some(id) = ctx
        .data
        .with_untracked(|d| d.ds.events.first().map(|e| e.id.clone()))
    else {
        return;
    };
    let doc = document();
    let (Some(body), Ok(shelf)) = (doc.body(), doc.create_element("div")) else {
        return;
    };
    shelf.set_class_name("warm-up");
    let _ = shelf.set_attribute("aria-hidden", "true");
    let owner = Owner::new();
    let aside = owner.with(|| card::card(ctx, id));
    if shelf.append_child(&aside).is_err() || body.append_child(&shelf).is_err() {
        owner.cleanup();
        return;
    }
    // The card's effects run on the executor's next tick, still within this task.
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        aside.get_bounding_client_rect();
        shelf.remove();
        owner.cleanup();
    });
}

/// Whether a press or click is of the primary button with no modifier key (one that would open
/// a link in a new tab or window, or select).
pub fn plain_primary(ev: &web_sys::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key())
}

/// Turns clicks on same-origin links under the base into history navigation (no reload).
fn intercept_links(ctx: Ctx) {
    let handle = window_event_listener(leptos::ev::click, move |ev| {
        if ev.default_prevented() || !plain_primary(&ev) {
            return;
        }
        let Some(target) = ev.target() else { return };
        let Ok(el) = target.dyn_into::<web_sys::Element>() else {
            return;
        };
        let Ok(Some(a)) = el.closest("a[href]") else {
            return;
        };
        // In-page links (`#events`): with `<base href>` the browser would resolve them against
        // the base and leave the page, so move focus to the target here instead.
        if let Some(hash) = a.get_attribute("href").filter(|h| h.starts_with('#')) {
            ev.prevent_default();
            focus_target(&hash[1..]);
            return;
        }
        if a.has_attribute("download")
            || a.get_attribute("target").is_some_and(|t| t != "_self")
            || a.get_attribute("rel")
                .is_some_and(|r| r.contains("external"))
        {
            return;
        }
        let Ok(anchor) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
            return;
        };
        let loc = window().location();
        if anchor.origin() != loc.origin().unwrap_or_default() {
            return;
        }
        let base = ctx.base.get_value();
        let path = anchor.pathname();
        if !path.starts_with(&base) && path != base.trim_end_matches('/') {
            return;
        }
        if path.contains("/schema/") || path.contains("/data/") || path.ends_with(".json") {
            return;
        }
        // In-page anchors (`#events`) stay with the browser.
        if !anchor.hash().is_empty() && path == loc.pathname().unwrap_or_default() {
            return;
        }
        ev.prevent_default();
        let mut route = Route::parse(&base, &path, &anchor.search());
        // A list row links to the bare event (`list`): opening it keeps the current query.
        if anchor.has_attribute("data-pos") {
            route.query = ctx.route.with_untracked(|r| r.query.clone());
        }
        let same = ctx.route.with_untracked(|r| *r == route);
        ctx.navigate(route, same);
    });
    on_cleanup(move || handle.remove());
}

/// Scrolls to an element by id and focuses it (or, for the list, its roving tab stop).
fn focus_target(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    let target = el
        .query_selector("[tabindex=\"0\"]")
        .ok()
        .flatten()
        .unwrap_or(el);
    target.scroll_into_view();
    if let Ok(h) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}

/// Reads an attribute-safe string of the current location (for sharing).
pub fn site_origin() -> String {
    window().location().origin().unwrap_or_default()
}
