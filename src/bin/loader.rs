//! The loader worker, a Web Worker that Trunk builds from `index.html` (`public/loader-worker.js`
//! starts it): it receives an opened file's bytes, parses and validates them with
//! `dataset::load_bytes`, and answers with the compact form of the outcome (`dataset::codec`).
//! Asked for an export or a page instead (a text: `offload::Request`), it answers with the file
//! or the page's HTML (`offload::answer`). Parsing, JSON writing, the other exports and the other
//! pages live here, so the app's own bundle carries none of them, nor serde or the validator, and
//! a large file never blocks the page.
//! The app starts one worker per request. Natively this does nothing.

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use az_by_timeline::dataset::{codec, load_bytes};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    /// Answers every message with a string; says `true` once it listens.
    pub fn start() {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = scope.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |m: web_sys::MessageEvent| {
                let text = match m.data().as_string() {
                    Some(request) => az_by_timeline::offload::answer(&request),
                    None => {
                        let bytes = js_sys::Uint8Array::new(&m.data()).to_vec();
                        codec::encode(&load_bytes(&bytes, None))
                    }
                };
                let _ = reply.post_message(&JsValue::from_str(&text));
            });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Messages sent before the module was ready would be lost: the app waits for this.
        let _ = scope.post_message(&JsValue::TRUE);
    }
}
