//! Chooses the dataset file embedded in the app: `data/events.json`, or the path in the
//! `AZBY_DATASET` environment variable (used by the benchmark to embed large datasets).

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
    println!("cargo:rustc-env=AZBY_DATASET_PATH={}", path.display());
}
