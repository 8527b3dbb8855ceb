//! Chooses the dataset file embedded in the app: `data/events.json`, or the path in the
//! `AZBY_DATASET` environment variable (used by the benchmark to embed large datasets). The
//! file is embedded without the white space between JSON tokens (strings are kept byte for byte),
//! so the app carries less; anything that is not JSON is left for the validator to report.

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
    let embedded = match (std::fs::read(&path), out) {
        (Ok(bytes), Ok(dir)) => {
            let file = dir.join("embedded.json");
            match std::fs::write(&file, compact(&bytes)) {
                Ok(()) => file,
                Err(_) => path,
            }
        }
        // A missing file fails the build at `include_str!` with its path.
        _ => path,
    };
    println!("cargo:rustc-env=AZBY_DATASET_PATH={}", embedded.display());
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
