//! Plain DOM building for the app's views: elements, attributes and event listeners, with
//! Leptos's reactive graph (effects, memos) for updates. The app does not use Leptos's view layer:
//! each distinct `view!` tree made its own copy of the view code in the bundle (about 65 KB of
//! 360 KB of WebAssembly), while these few functions are shared by every view.
//!
//! A listener lives as long as the reactive owner that was current when it was added (the page
//! or card that made the element); then it is removed and its closure dropped.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A new element `tag` with `class` (none when empty).
pub fn el(tag: &str, class: &str) -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document()
        .create_element(tag)
        .map(JsCast::unchecked_into)
        .unwrap_or_else(|_| unreachable_element());
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el
}

/// `create_element` fails only for a name that is not a valid tag, and every tag here is a
/// literal: a `div` stands in rather than a panic.
fn unreachable_element() -> web_sys::HtmlElement {
    document()
        .create_element("div")
        .map(JsCast::unchecked_into)
        .expect("a div can always be created")
}

/// A new element with attributes (`(name, value)` pairs).
pub fn el_with(tag: &str, class: &str, attrs: &[(&str, &str)]) -> web_sys::HtmlElement {
    let e = el(tag, class);
    for (name, value) in attrs {
        let _ = e.set_attribute(name, value);
    }
    e
}

/// Appends `child` to `parent`.
pub fn append(parent: &web_sys::Element, child: &web_sys::Element) {
    let _ = parent.append_child(child);
}

/// Calls `f` with every `event` on `target` while the current owner lives.
pub fn on(target: &web_sys::EventTarget, event: &str, f: impl Fn(web_sys::Event) + 'static) {
    on_boxed(target, event, Box::new(f));
}

fn on_boxed(target: &web_sys::EventTarget, event: &str, f: Box<dyn Fn(web_sys::Event)>) {
    let closure = Closure::wrap(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    StoredValue::new_local(Listener {
        target: target.clone(),
        event: event.to_string(),
        closure,
    });
}

/// A listener, removed from its target when its owner ends. Removing it first matters: an
/// owner can end between two listeners of one event (effects run after each listener returns,
/// e.g. a card's close button closes the card, then the click bubbles to the card), and the
/// browser then skips a removed listener instead of calling a dropped closure.
struct Listener {
    target: web_sys::EventTarget,
    event: String,
    closure: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(
            &self.event,
            self.closure.as_ref().unchecked_ref(),
        );
    }
}

/// Sets an element's inner HTML whenever what `html` reads changes (the first time right after
/// it is called, before the next paint).
pub fn bind_html(el: &web_sys::Element, html: impl Fn() -> String + 'static) {
    let el = el.clone();
    super::effect(move || el.set_inner_html(&html()));
}

/// Adds or removes `class` on an element whenever `on` changes.
pub fn bind_class(el: &web_sys::Element, class: &'static str, on: impl Fn() -> bool + 'static) {
    let el = el.clone();
    super::effect(move || {
        let _ = el.class_list().toggle_with_force(class, on());
    });
}
