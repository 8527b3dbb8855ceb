//! Component tests in headless Chromium (wasm-bindgen-test): mount the app and check what a
//! user would see, by roles and text.
#![cfg(target_arch = "wasm32")]

use az_by_timeline::app::app;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// Mounts the app in a fresh container (removed with the returned guard's drop).
fn mount() -> Mounted {
    let el: web_sys::HtmlElement = doc()
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("html element");
    doc()
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    let root = el.clone();
    let handle = leptos::mount::mount_to(el.clone(), move || app(&root));
    // Keep the app alive for the test; the container's removal takes it off the page.
    std::mem::forget(handle);
    Mounted { el }
}

struct Mounted {
    el: web_sys::HtmlElement,
}

impl Mounted {
    fn all(&self, selector: &str) -> web_sys::NodeList {
        self.el.query_selector_all(selector).expect("query")
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.el.remove();
    }
}

async fn tick() {
    let p = js_sys::Promise::new(&mut |r, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&r, 50)
            .expect("timeout");
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

#[wasm_bindgen_test]
async fn lists_every_embedded_event_in_an_ordered_list() {
    let expected = az_by_timeline::embedded::loaded()
        .expect("embedded dataset")
        .dataset
        .events
        .len();
    let m = mount();
    tick().await;
    let items = m.all("ol#events > li");
    assert_eq!(items.length() as usize, expected);
    // One tab stop: exactly one link in the list is tabbable.
    let tabbable = m.all("ol#events a[tabindex='0']");
    assert_eq!(tabbable.length(), 1);
}

#[wasm_bindgen_test]
async fn event_links_have_concise_names_and_card_urls() {
    let ds = az_by_timeline::embedded::loaded()
        .expect("embedded dataset")
        .dataset;
    let first = &ds.events[0];
    let m = mount();
    tick().await;
    let a = m
        .all(&format!("ol#events a[data-id='{}']", first.id))
        .get(0)
        .expect("first event link")
        .dyn_into::<web_sys::Element>()
        .expect("element");
    // The link's text is its accessible name: kind, date, (inferred), title, in that order.
    let name = a.text_content().unwrap_or_default();
    assert!(name.ends_with(&first.title), "{name}");
    assert!(name.starts_with(first.kind.label()), "{name}");
    assert_eq!(
        name.contains("inferred"),
        first.basis.is_inferred(),
        "{name}"
    );
    let href = a
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .expect("anchor")
        .get_attribute("href")
        .unwrap_or_default();
    assert!(href.ends_with(&format!("events/{}", first.id)), "{href}");
}

#[wasm_bindgen_test]
async fn kind_filters_show_live_counts() {
    let m = mount();
    tick().await;
    let labels = m.all("fieldset.kinds label");
    assert_eq!(labels.length(), 6);
    let text = labels
        .get(0)
        .and_then(|n| n.text_content())
        .unwrap_or_default();
    assert!(text.contains('(') && text.contains(')'), "{text}");
}

#[wasm_bindgen_test]
fn a_panic_shows_a_recovery_message_with_a_reload_link() {
    // `start()` installs a panic hook that calls this; a panic cannot be caught in a test run
    // (wasm aborts), so the message itself is checked.
    az_by_timeline::app::show_crash();
    let crash = doc().get_element_by_id("crash").expect("recovery message");
    assert_eq!(crash.get_attribute("role").as_deref(), Some("alert"));
    assert!(crash
        .text_content()
        .unwrap_or_default()
        .contains("reload the page"));
    let link = crash
        .query_selector("a[href]")
        .expect("query")
        .expect("reload link");
    assert!(!link.get_attribute("href").unwrap_or_default().is_empty());
    // Showing it twice does not stack messages.
    az_by_timeline::app::show_crash();
    assert_eq!(
        doc().query_selector_all("#crash").expect("query").length(),
        1
    );
    crash.remove();
}
