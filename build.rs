//! Chooses the dataset file embedded in the app: `data/events.json`, or the path in the
//! `AZBY_DATASET` environment variable (used by the benchmark to embed large datasets). It writes
//! two files for `src/embedded.rs`: the JSON without the white space between tokens (strings kept
//! byte for byte), and the compact form of its load by the crate's own validator
//! (`dataset::codec`), which is what the app embeds. A file that fails validation is encoded as
//! that error, which the app shows, as it would for an opened file.

// The crate's dataset and model modules, compiled into this script as they are into the crate.
#[path = "src"]
#[allow(dead_code, unused_imports)]
mod crate_src {
    pub mod dataset;
    pub mod model;
}
use crate_src::{dataset, model};

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let path = match std::env::var("AZBY_DATASET") {
        Ok(p) if !p.is_empty() => {
            let p = std::path::PathBuf::from(p);
            if p.is_absolute() {
                p
            } else {
                std::path::Path::new(&manifest).join(p)
            }
        }
        _ => std::path::Path::new(&manifest).join("data/events.json"),
    };
    println!("cargo:rerun-if-env-changed=AZBY_DATASET");
    println!("cargo:rerun-if-changed={}", path.display());
    let out = std::env::var("OUT_DIR").map(std::path::PathBuf::from);
    let (json, coded) = match (std::fs::read(&path), out) {
        (Ok(bytes), Ok(dir)) => {
            let compacted = compact(&bytes);
            let coded = dataset::codec::encode(&dataset::load_bytes(&compacted, None));
            let (json, azb) = (dir.join("embedded.json"), dir.join("embedded.azb"));
            if std::fs::write(&json, &compacted).is_err() || std::fs::write(&azb, coded).is_err() {
                panic!("cannot write the embedded dataset to {}", dir.display());
            }
            (json, azb)
        }
        // A missing file fails the build at `include_str!` with its path.
        _ => (path.clone(), path),
    };
    println!("cargo:rustc-env=AZBY_DATASET_PATH={}", json.display());
    println!("cargo:rustc-env=AZBY_DATASET_CODED={}", coded.display());
    println!("cargo:rerun-if-changed=src/dataset.rs");
    println!("cargo:rerun-if-changed=src/dataset");
    println!("cargo:rerun-if-changed=src/model.rs");
    println!("cargo:rerun-if-changed=src/model");
}

/// Drops the white space between JSON tokens; bytes inside strings (escapes included) are kept.
fn compact(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for &b in json {
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            out.push(b);
            in_string = b == b'"';
        }
    }
    out
}
