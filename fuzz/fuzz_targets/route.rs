//! Fuzz target: any path and query through the URL parser must not panic, and what parses
//! round-trips through its canonical URL.
#![no_main]

use az_by_timeline::route::{Page, Route};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (path, search) = text.split_once('?').unwrap_or((&text, ""));
    for base in ["/", "/sub/path/"] {
        let r = Route::parse(base, path, search);
        if !matches!(r.page, Page::NotFound(_)) {
            let href = r.href(base);
            let (p, q) = href.split_once('?').unwrap_or((&href, ""));
            assert_eq!(Route::parse(base, p, q), r);
        }
    }
});
