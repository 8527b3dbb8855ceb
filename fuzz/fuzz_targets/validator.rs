//! Fuzz target: any bytes through the loader and validator must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(l) = az_by_timeline::dataset::load_bytes(data, None) {
        assert_eq!(l.dataset.events.len() + l.rejected, l.declared);
    }
});
