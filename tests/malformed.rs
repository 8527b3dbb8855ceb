//! The malformed-input corpus (`tests/corpus/`, kept in the repo) and generated hostile inputs
//! (a 50 MB file, deep nesting): each gives a clear message or a partial load with problems,
//! never a panic.

use az_by_timeline::dataset::{load_bytes, LoadError, MAX_BYTES};

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("readable"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn corpus_has_at_least_thirty_inputs() {
    assert!(corpus().len() >= 30);
}

#[test]
fn every_malformed_input_gives_a_message_or_a_partial_load() {
    for (name, bytes) in corpus() {
        match load_bytes(&bytes, None) {
            Err(LoadError { message, problems }) => {
                assert!(message.len() > 10, "{name}: message too vague: {message}");
                for p in &problems {
                    assert!(!p.item.is_empty() && !p.field.is_empty(), "{name}: {p}");
                }
            }
            Ok(l) => {
                // A partial load always lists what it rejected; only the BOM file and the file
                // with a NUL inside a string are clean (both are valid datasets).
                let clean = name.contains("bom") || name.contains("nul");
                assert_eq!(l.problems.is_empty(), clean, "{name}: {:?}", l.problems);
                assert!(l.dataset.events.len() + l.rejected == l.declared, "{name}");
                if name.contains("mixed") {
                    assert_eq!((l.dataset.events.len(), l.rejected), (2, 1));
                    assert!(l
                        .problems
                        .iter()
                        .any(|p| p.item == "bad" && p.field == "date"));
                }
            }
        }
    }
}

#[test]
fn specific_messages_name_the_problem() {
    let by_name = |n: &str| -> String {
        let (_, bytes) = corpus()
            .into_iter()
            .find(|(f, _)| f.starts_with(n))
            .expect("file");
        match load_bytes(&bytes, None) {
            Err(e) => format!(
                "{} {}",
                e.message,
                e.problems
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join(" | ")
            ),
            Ok(l) => l
                .problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join(" | "),
        }
    };
    assert!(by_name("01-").contains("empty"));
    assert!(by_name("03-").contains("not valid JSON"));
    assert!(by_name("15-").contains("used by an earlier event"));
    assert!(by_name("16-").contains("2021-02-30"));
    assert!(by_name("19-").contains("ghost"));
    assert!(by_name("21-").contains("cannot be part of another visit"));
    assert!(by_name("25-").contains("http:// or https://"));
    assert!(by_name("28-").contains("UTF-8"));
    assert!(by_name("35-").contains("longer than"));
    assert!(by_name("37-").contains("version 1"));
}

#[test]
fn a_fifty_megabyte_file_is_refused_with_its_size() {
    let mut big = b"{\"events\": [".to_vec();
    let item = b"{\"id\": \"x\", \"kind\": \"call\", \"title\": \"padding padding padding\", \"date\": \"2021\"},";
    while big.len() < 50 * 1024 * 1024 {
        big.extend_from_slice(item);
    }
    big.extend_from_slice(b"{}]}");
    assert!(big.len() > MAX_BYTES);
    let err = load_bytes(&big, None).expect_err("too big");
    assert!(err.message.contains("50 MB"), "{}", err.message);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [200, 100_000] {
        let s = format!("{{\"events\": {}{}}}", "[".repeat(depth), "]".repeat(depth));
        let err = load_bytes(s.as_bytes(), None).expect_err("deep");
        assert!(
            err.message.contains("JSON") || err.message.contains("events"),
            "{}",
            err.message
        );
    }
}

/// What a load gives, in a form that can be compared (the dataset is compared on its own).
fn outcome(r: &Result<az_by_timeline::dataset::Loaded, LoadError>) -> String {
    match r {
        Ok(l) => format!("{:?} {} {}", l.problems, l.rejected, l.declared),
        Err(e) => format!("{e:?}"),
    }
}

#[test]
fn every_load_crosses_the_compact_form_unchanged() {
    // The worker sends an opened file's load to the app in this form, successes, partial loads
    // and errors alike; the app must see exactly what the validator produced.
    use az_by_timeline::dataset::codec;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = corpus();
    for f in [
        "e2e/fixtures/mixed.json",
        "e2e/fixtures/hostile.json",
        "data/events.json",
    ] {
        inputs.push((f.into(), std::fs::read(dir.join(f)).expect("readable")));
    }
    for (name, bytes) in inputs {
        let loaded = load_bytes(&bytes, None);
        let text = codec::encode(&loaded);
        let back = codec::decode(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(outcome(&back), outcome(&loaded), "{name}");
        if let (Ok(a), Ok(b)) = (&back, &loaded) {
            assert_eq!(a.dataset, b.dataset, "{name}");
        }
    }
}
