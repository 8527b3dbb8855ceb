//! Serde types that mirror the dataset JSON one to one. Nothing here is trusted: `validate` turns
//! these into the domain types of `model`, collecting every problem on the way.

use serde::{Deserialize, Serialize};

/// A whole dataset file as written on disk (see `public/schema/dataset.schema.json`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    /// Format version; this app reads version 1.
    #[serde(default)]
    pub schema_version: Option<u32>,
    /// A short human title shown in the header.
    #[serde(default)]
    pub title: Option<String>,
    /// The articles or pages that the events cite.
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub people: Vec<RawEntity>,
    #[serde(default)]
    pub places: Vec<RawEntity>,
    #[serde(default)]
    pub topics: Vec<RawEntity>,
    #[serde(default)]
    pub documents: Vec<RawDocument>,
    #[serde(default)]
    pub events: Vec<RawEvent>,
    /// Dated trade figures, each with its quote.
    #[serde(default)]
    pub figures: Vec<RawFigure>,
    /// Figures that the sources leave unreconciled, shown side by side.
    #[serde(default)]
    pub discrepancies: Vec<RawDiscrepancy>,
}

/// A source: either one of the seed articles (`file`) or another page (`title` and `url`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    /// File name of a seed article in `shared/seeds/`, e.g. `000_a559c0d9f01d131f.txt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The outlet, only where the article names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The article's headline or a short description of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// An http(s) URL, for sources that are not seed articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A person, place or topic. `variants` are other spellings that search folds together.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    /// For people: the role the sources give (e.g. "President of Belarus").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// What the sources say about it, in our own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A signed document (protocol, memorandum, action plan...).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub id: String,
    pub title: String,
    /// One of `protocol`, `memorandum`, `action-plan`, `agreement`, `other`.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One event. Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// Stable id used in the URL `/events/<id>`: lowercase letters, digits and `-`.
    pub id: String,
    /// One of `visit`, `meeting`, `call`, `signing`, `statement`, `context`.
    pub kind: String,
    pub title: String,
    /// Our own words; never a copy of the article.
    #[serde(default)]
    pub summary: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// `day`, `month` or `year`; must match the date's form. Defaults to the date's form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<String>,
    /// `stated` (the source gives it) or `inferred` (then `date_reason` is required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_basis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_reason: Option<String>,
    /// Person ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// A place id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Topic ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// The visit this event is a part of (welcome ceremony, talks, signings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Document ids; for a signing, the document signed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    /// Other event ids this one relates to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// Events that other articles may report as the same occasion without saying so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_occasion_as: Vec<String>,
    /// Source ids; at least one.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<RawQuote>,
    /// Plans, offers and agreements stated at this event: records, not events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<RawPlan>,
}

/// A short verbatim excerpt of a source.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    /// Source id.
    pub source: String,
    pub text: String,
    /// Person id of the speaker, when the quote is someone's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// A plan, offer or agreement stated at an event.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    /// `plan`, `offer` or `agreement`.
    pub kind: String,
    pub text: String,
    /// Person id of whoever made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<RawQuote>,
}

/// A trade figure dated to the period it is about.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: String,
    /// What is measured, e.g. "Trade turnover".
    pub label: String,
    /// `total`, `belarus-to-azerbaijan`, `azerbaijan-to-belarus` or `other`.
    pub measure: String,
    /// The period the figure is about: `YYYY` or `YYYY-MM` or `YYYY-MM-DD`.
    pub period: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_basis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_reason: Option<String>,
    /// Millions of US dollars; absent for figures that are only qualitative ("has increased").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_musd: Option<f64>,
    /// True when the source gives an approximate value ("half a billion").
    #[serde(default)]
    pub approximate: bool,
    /// The event at which the figure was stated, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    pub quote: RawQuote,
}

/// Figures that the sources leave unreconciled.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDiscrepancy {
    pub id: String,
    pub title: String,
    /// Figure ids, at least two.
    pub figures: Vec<String>,
    /// What differs and what the sources do not explain, in our own words.
    pub explanation: String,
}
