//! The dataset: raw serde types, the one validator (build time and run time alike), and the
//! compact form a validated load travels in. Nothing reaches the app without passing `validate`.
//! (`build.rs` compiles this module too, to validate and encode the embedded dataset.)

pub mod codec;
pub mod raw;
pub mod validate;

pub use validate::{validate, Problem, QuoteTexts};

use crate::model::Dataset;
use raw::RawDataset;

/// The outcome of loading a dataset file: what loaded, and every problem found.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
    /// How many events were rejected.
    pub rejected: usize,
    /// How many events the file declared.
    pub declared: usize,
}

/// A file that cannot be used at all: a message, and every problem when it was a dataset whose
/// events were all rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub message: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    pub fn new(message: impl Into<String>) -> LoadError {
        LoadError {
            message: message.into(),
            problems: Vec::new(),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The largest file the app will parse, in bytes.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// Parses and validates a dataset file. Bad events are rejected one by one with problems; only
/// a file that is not a JSON dataset at all (or has no valid event) is an error.
pub fn load_bytes(bytes: &[u8], quotes: Option<&QuoteTexts>) -> Result<Loaded, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::new("The file is empty."));
    }
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::new(format!(
            "The file is {} MB; the limit is {} MB.",
            bytes.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        LoadError::new(format!(
            "The file is not valid UTF-8 text (bad byte at offset {}).",
            e.valid_up_to()
        ))
    })?;
    load_str(text, quotes)
}

/// Like `load_bytes`, for text.
pub fn load_str(text: &str, quotes: Option<&QuoteTexts>) -> Result<Loaded, LoadError> {
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| LoadError::new(format!("The file is not valid JSON: {e}.")))?;
    let (raw, mut problems, unreadable) = validate::split_raw(value)?;
    let declared = raw.events.len() + unreadable;
    let (dataset, more) = validate(&raw, quotes);
    problems.extend(more);
    let rejected = declared - dataset.events.len();
    if dataset.events.is_empty() {
        let first = problems
            .first()
            .map(|p| format!(" First problem: {p}."))
            .unwrap_or_default();
        return Err(LoadError {
            message: format!(
                "No valid event in the file ({} problem{}).{first}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ),
            problems,
        });
    }
    Ok(Loaded {
        dataset,
        problems,
        rejected,
        declared,
    })
}

/// Serialises a raw dataset as pretty JSON (used by the JSON export).
pub fn to_json(raw: &RawDataset) -> String {
    serde_json::to_string_pretty(raw).unwrap_or_default()
}
