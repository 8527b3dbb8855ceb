//! The dataset embedded at build time by `build.rs` (`data/events.json`, or `AZBY_DATASET`): the
//! compact form of its validated load, which the app decodes at start-up without a JSON parser,
//! and the JSON it was made from (without white space), which tests and the static pages read.

use crate::dataset::{codec, LoadError, Loaded};

/// The embedded dataset file, without the white space between JSON tokens.
pub const JSON: &str = include_str!(env!("AZBY_DATASET_PATH"));

/// `codec::encode` of `dataset::load_str(JSON, None)`, made by the build script.
pub const CODED: &str = include_str!(env!("AZBY_DATASET_CODED"));

/// The embedded dataset, validated at build time. Its tests guarantee it loads without problems.
pub fn loaded() -> Result<Loaded, LoadError> {
    codec::decode_load(CODED)
}
