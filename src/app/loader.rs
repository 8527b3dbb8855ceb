//! "Open your own dataset": file picker, drag and drop, and `?data=<same-origin URL>`. Every path
//! runs the one validator, in the loader worker (`src/bin/loader.rs`), which answers with the
//! compact form of the load; a file that fails entirely never replaces what is loaded. The same
//! worker makes the exports and the pages other than the timeline (`offload`).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{Ctx, Data};
use crate::dataset::{codec, LoadError, Loaded};
use crate::offload::{Request, Verb};

/// Sends one message to a new loader worker (`src/bin/loader.rs`) and waits for its answer, a
/// string; the worker is stopped afterwards. `None` if it could not start or stopped.
async fn ask_worker(message: wasm_bindgen::JsValue, transfer: js_sys::Array) -> Option<String> {
    use std::{cell::RefCell, rc::Rc};
    use wasm_bindgen::{closure::Closure, JsValue};
    let url = format!("{}loader-worker.js", super::base_path());
    let worker = web_sys::Worker::new(&url).ok()?;
    let settle: Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>> = Rc::default();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        *settle.borrow_mut() = Some((resolve, reject));
    });
    let (to_worker, done) = (worker.clone(), settle.clone());
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |m: web_sys::MessageEvent| {
            let data = m.data();
            if data.as_bool() == Some(true) {
                // The worker listens now: send the message (an ArrayBuffer is moved, not copied).
                let _ = to_worker.post_message_with_transfer(&message, &transfer);
            } else if let Some((resolve, _)) = done.borrow_mut().take() {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        });
    let on_error = Closure::<dyn Fn(JsValue)>::new(move |_: JsValue| {
        if let Some((_, reject)) = settle.borrow_mut().take() {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let answer = JsFuture::from(promise).await;
    worker.terminate();
    answer.ok()?.as_string()
}

/// Parses and validates a file's bytes in the loader worker; also returns the compact form.
async fn load_in_worker(bytes: js_sys::ArrayBuffer) -> (Result<Loaded, LoadError>, String) {
    let transfer = js_sys::Array::of1(&bytes);
    let Some(text) = ask_worker(bytes.into(), transfer).await else {
        let failed = "The file could not be processed (the loader stopped).";
        return (Err(LoadError::new(failed)), String::new());
    };
    (codec::decode_load(&text), text)
}

/// Asks the loader worker for an export or a page (`offload`) of the current dataset, with the
/// current route and `positions`; `None` if the worker failed or could not make it.
pub async fn offload(ctx: Ctx, verb: Verb, positions: &[usize]) -> Option<String> {
    let d = ctx.data.get_untracked();
    let href = ctx.route.with_untracked(|r| ctx.href(r));
    let (path, search) = match href.split_once('?') {
        Some((p, s)) => (p.to_string(), format!("?{s}")),
        None => (href, String::new()),
    };
    let request = Request {
        verb,
        positions: positions.to_vec(),
        site: super::site_origin(),
        base: ctx.base.get_value(),
        path,
        search,
        host: window()
            .location()
            .host()
            .unwrap_or_else(|_| "localhost".into()),
        origin: d.origin.clone(),
    };
    let text = ask_worker(request.encode(&d.coded).into(), js_sys::Array::new()).await?;
    (!text.is_empty()).then_some(text)
}

/// Makes a load the active dataset if any event in it is valid; otherwise says why not.
fn accept(ctx: Ctx, (loaded, coded): (Result<Loaded, LoadError>, String), origin: String) {
    match loaded {
        Ok(loaded) => {
            let data = Data::new(loaded, origin, coded.into());
            let msg = format!(
                "Opened {}: {} events loaded{}.",
                data.origin,
                data.ds.events.len(),
                if data.rejected > 0 {
                    format!(", {} rejected", data.rejected)
                } else {
                    String::new()
                }
            );
            ctx.view.set(data.all);
            ctx.focus.set(None);
            ctx.data.set(Arc::new(data));
            ctx.load_error.set(None);
            ctx.announce.set(msg);
            super::when_idle(move || super::warm_up(ctx));
        }
        Err(e) => {
            ctx.load_error.set(Some(LoadError {
                message: format!("Could not open {origin}: {e} The current dataset is unchanged."),
                problems: e.problems,
            }));
        }
    }
}

/// Reads a browser `File` and opens it.
pub fn open_file(ctx: Ctx, file: web_sys::File) {
    let name = file.name();
    // Refuse a file that is too large before reading it, so the tab never stalls on it.
    if file.size() > crate::dataset::MAX_BYTES as f64 {
        ctx.load_error.set(Some(LoadError::new(format!(
            "Could not open \u{201c}{name}\u{201d}: the file is {} MB; the limit is {} MB. The current dataset is unchanged.",
            crate::html::Fixed(file.size() / 1_048_576.0, 0),
            crate::dataset::MAX_BYTES / 1_048_576
        ))));
        return;
    }
    leptos::task::spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => {
                let loaded = load_in_worker(buf.unchecked_into()).await;
                accept(ctx, loaded, format!("the file \u{201c}{name}\u{201d}"));
            }
            Err(_) => ctx.load_error.set(Some(LoadError::new(format!(
                "The file \u{201c}{name}\u{201d} could not be read."
            )))),
        }
    });
}

/// If the URL has `?data=`, fetches that same-origin URL and opens it.
pub fn open_from_query(ctx: Ctx) {
    let Some(url) = ctx.route.with_untracked(|r| r.query.data.clone()) else {
        return;
    };
    let loc = window().location();
    let href = loc.href().unwrap_or_default();
    let resolved = match web_sys::Url::new_with_base(&url, &href) {
        Ok(u) if u.origin() == loc.origin().unwrap_or_default() => u.href(),
        _ => {
            ctx.load_error.set(Some(LoadError::new(format!(
                "The data link \u{201c}{url}\u{201d} is not on this site; only same-origin datasets can be opened by link. The embedded dataset is shown."
            ))));
            return;
        }
    };
    leptos::task::spawn_local(async move {
        let fail = |msg: String| ctx.load_error.set(Some(LoadError::new(msg)));
        let resp = match JsFuture::from(window().fetch_with_str(&resolved)).await {
            Ok(r) => r.unchecked_into::<web_sys::Response>(),
            Err(_) => return fail(format!("The dataset at {url} could not be fetched.")),
        };
        if !resp.ok() {
            return fail(format!(
                "The dataset at {url} could not be fetched (HTTP {}).",
                resp.status()
            ));
        }
        let Ok(promise) = resp.array_buffer() else {
            return fail(format!("The dataset at {url} could not be read."));
        };
        match JsFuture::from(promise).await {
            Ok(buf) => {
                let loaded = load_in_worker(buf.unchecked_into()).await;
                accept(ctx, loaded, url.clone());
            }
            Err(_) => fail(format!("The dataset at {url} could not be read.")),
        }
    });
}

/// Opens a file dropped anywhere on the page (the "Open dataset" control is in the header).
pub fn listen_for_drops(ctx: Ctx) {
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(ctx, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

/// The problem panel: what was rejected and why, and load errors.
pub fn problems(ctx: Ctx) -> web_sys::HtmlElement {
    let markup = move || {
        let error = ctx.load_error.get();
        let d = ctx.data.get();
        let n = d.problems.len();
        let summary = format!(
            "{} of {} events loaded from {}; {} rejected. {n} problem{} found:",
            d.ds.events.len(),
            d.declared,
            d.origin,
            d.rejected,
            if n == 1 { "" } else { "s" }
        );
        crate::html::problem_notices(error.as_ref(), &summary, &d.problems)
    };
    super::region("problems-region", markup, move |act, _, _| {
        if act == "dismiss" {
            ctx.load_error.set(None);
        }
    })
}
