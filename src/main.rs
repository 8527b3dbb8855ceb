//! Entry point: in the browser, mounts the app; natively, does nothing (see `src/bin/`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    az_by_timeline::app::start();
}
