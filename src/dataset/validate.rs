//! The one validator: turns raw serde types into the domain `Dataset`, collecting every problem
//! (event id, field, what is wrong) instead of stopping at the first. Invalid events are left out;
//! the rest load.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::raw::{RawDataset, RawEntity, RawEvent, RawQuote};
use super::LoadError;
use crate::model::{
    Dataset, DateBasis, Discrepancy, Entity, EntityKind, Event, Figure, Kind, Measure, PartialDate,
    Plan, PlanKind, Precision, Quote, Source, SourceRef,
};

/// One problem in a dataset: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The event id (or `sources/<id>`, `people/<id>`, `events[3]` when the id is unusable).
    pub item: String,
    /// The field, e.g. `date` or `quotes[1].text`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.item, self.field, self.message)
    }
}

/// Seed article texts by file name, already passed through `normalize_quote`.
pub type QuoteTexts = HashMap<String, String>;

/// The longest title, in characters.
pub const MAX_TITLE: usize = 1_000;
/// The longest other text field, in characters.
pub const MAX_TEXT: usize = 50_000;

/// Normalises text for the quote check: all white space removed, quote marks and dashes unified.
pub fn normalize_quote(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2018}'
            | '\u{2019}' | '\'' | '`' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' | '\u{2010}' | '\u{2011}' => '-',
            c => c,
        })
        .collect()
}

/// Whether an id is usable in a URL: 1 to 120 of `a-z`, `0-9`, `-`, `_`, `.`, starting with a
/// letter or digit.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && id
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' || b == b'.'
        })
}

const TOP_FIELDS: [&str; 10] = [
    "schema_version",
    "title",
    "sources",
    "people",
    "places",
    "topics",
    "documents",
    "events",
    "figures",
    "discrepancies",
];

/// Splits a parsed JSON value into raw collections, item by item, so that one malformed item
/// is a problem and not a failed file. Returns the raw dataset, the problems, and how many event
/// items could not be read at all.
pub fn split_raw(value: Value) -> Result<(RawDataset, Vec<Problem>, usize), LoadError> {
    let Value::Object(map) = value else {
        return Err(LoadError::new(
            "The file is JSON but not a dataset: expected an object with an \"events\" list.",
        ));
    };
    if !map.contains_key("events") {
        return Err(LoadError::new(
            "The file has no \"events\" list, so it is not a timeline dataset.",
        ));
    }
    let mut problems = Vec::new();
    for key in map.keys() {
        if !TOP_FIELDS.contains(&key.as_str()) {
            problems.push(problem(
                "dataset",
                key,
                "is not a field of the dataset format",
            ));
        }
    }
    let mut raw = RawDataset::default();
    match map.get("schema_version") {
        None | Some(Value::Null) => {}
        Some(Value::Number(n)) if n.as_u64() == Some(1) => raw.schema_version = Some(1),
        Some(other) => problems.push(problem(
            "dataset",
            "schema_version",
            &format!("is {other}, but this app reads version 1"),
        )),
    }
    match map.get("title") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => raw.title = Some(s.clone()),
        Some(_) => problems.push(problem("dataset", "title", "must be a string")),
    }
    raw.sources = items(&map, "sources", &mut problems).0;
    raw.people = items(&map, "people", &mut problems).0;
    raw.places = items(&map, "places", &mut problems).0;
    raw.topics = items(&map, "topics", &mut problems).0;
    raw.documents = items(&map, "documents", &mut problems).0;
    let (events, unreadable) = items(&map, "events", &mut problems);
    raw.events = events;
    raw.figures = items(&map, "figures", &mut problems).0;
    raw.discrepancies = items(&map, "discrepancies", &mut problems).0;
    Ok((raw, problems, unreadable))
}

fn items<T: DeserializeOwned>(
    map: &serde_json::Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> (Vec<T>, usize) {
    let Some(value) = map.get(key) else {
        return (Vec::new(), 0);
    };
    let Value::Array(list) = value else {
        problems.push(problem("dataset", key, "must be a list"));
        return (Vec::new(), 0);
    };
    let mut out = Vec::with_capacity(list.len());
    let mut bad = 0;
    for (i, item) in list.iter().enumerate() {
        let label = match item.get("id").and_then(Value::as_str) {
            Some(id) if valid_id(id) => id.to_string(),
            _ => format!("{key}[{i}]"),
        };
        match serde_path_to_error::deserialize::<_, T>(item) {
            Ok(v) => out.push(v),
            Err(e) => {
                bad += 1;
                let path = e.path().to_string();
                let field = if path == "." {
                    "(item)".to_string()
                } else {
                    path
                };
                problems.push(problem(&label, &field, &e.into_inner().to_string()));
            }
        }
    }
    (out, bad)
}

fn problem(item: &str, field: &str, message: &str) -> Problem {
    Problem {
        item: item.to_string(),
        field: field.to_string(),
        message: message.to_string(),
    }
}

/// Validates a raw dataset. Returns the dataset of every valid item and the problems found.
/// With `quotes`, every quote citing a seed article must be found in that article's text.
pub fn validate(raw: &RawDataset, quotes: Option<&QuoteTexts>) -> (Dataset, Vec<Problem>) {
    let mut v = Validator {
        problems: Vec::new(),
        quotes,
        sources: HashMap::new(),
        entities: HashSet::new(),
    };
    let sources = v.sources(raw);
    let mut entities = Vec::new();
    for (kind, list) in [
        (EntityKind::Person, &raw.people),
        (EntityKind::Place, &raw.places),
        (EntityKind::Topic, &raw.topics),
    ] {
        entities.extend(v.entities(kind, list));
    }
    for d in &raw.documents {
        let e = RawEntity {
            id: d.id.clone(),
            name: d.title.clone(),
            variants: Vec::new(),
            role: Some(d.kind.clone()),
            description: d.description.clone(),
        };
        if !matches!(
            d.kind.as_str(),
            "protocol" | "memorandum" | "action-plan" | "agreement" | "other"
        ) {
            v.push(
                &format!("documents/{}", d.id),
                "kind",
                "must be protocol, memorandum, action-plan, agreement or other",
            );
        }
        entities.extend(v.entities(EntityKind::Document, std::slice::from_ref(&e)));
    }

    // Pass 1: ids. The first event with an id keeps it; later duplicates are rejected.
    let mut declared: HashMap<&str, Option<Kind>> = HashMap::new();
    let mut usable = vec![false; raw.events.len()];
    for (i, e) in raw.events.iter().enumerate() {
        if !valid_id(&e.id) {
            v.push(
                &format!("events[{i}]"),
                "id",
                &format!(
                    "\"{}\" is not a usable id (1 to 120 of a-z, 0-9, '-', '_', '.')",
                    truncate(&e.id, 60)
                ),
            );
        } else if declared.contains_key(e.id.as_str()) {
            v.push(
                &e.id,
                "id",
                "is used by an earlier event (ids must be unique)",
            );
        } else {
            declared.insert(&e.id, Kind::parse(&e.kind));
            usable[i] = true;
        }
    }

    // Pass 2: each event on its own and its references.
    let mut events = Vec::new();
    for (i, e) in raw.events.iter().enumerate() {
        if !usable[i] {
            continue;
        }
        let before = v.problems.len();
        let event = v.event(e, &declared);
        if v.problems.len() == before {
            if let Some(ev) = event {
                events.push(ev);
            }
        }
    }

    // References to events rejected in pass 2 cannot be followed: drop them.
    let kept: HashSet<String> = events.iter().map(|e| e.id.clone()).collect();
    for e in &mut events {
        e.related.retain(|r| kept.contains(r));
        e.same_occasion_as.retain(|r| kept.contains(r));
        if e.part_of.as_ref().is_some_and(|p| !kept.contains(p)) {
            e.part_of = None;
        }
    }

    let figures = v.figures(raw, &kept);
    let discrepancies = v.discrepancies(raw, &figures);
    let title = raw
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .map(|t| truncate(&t, MAX_TITLE))
        .unwrap_or_else(|| "Timeline".to_string());
    let dataset = Dataset::assemble(title, events, sources, entities, figures, discrepancies);
    (dataset, v.problems)
}

struct Validator<'a> {
    problems: Vec<Problem>,
    quotes: Option<&'a QuoteTexts>,
    /// Source id to its seed file, if it has one.
    sources: HashMap<String, Option<String>>,
    entities: HashSet<(EntityKind, String)>,
}

impl Validator<'_> {
    fn push(&mut self, item: &str, field: &str, message: &str) {
        self.problems.push(problem(item, field, message));
    }

    fn sources(&mut self, raw: &RawDataset) -> Vec<Source> {
        let mut out = Vec::new();
        for (i, s) in raw.sources.iter().enumerate() {
            let item = format!(
                "sources/{}",
                if valid_id(&s.id) {
                    s.id.clone()
                } else {
                    i.to_string()
                }
            );
            let before = self.problems.len();
            if !valid_id(&s.id) {
                self.push(&item, "id", "is not a usable id (a-z, 0-9, '-', '_', '.')");
            } else if self.sources.contains_key(&s.id) {
                self.push(&item, "id", "is used by an earlier source");
            }
            let reference = match (&s.file, &s.url) {
                (Some(f), _) if !f.trim().is_empty() => Some(SourceRef::Seed { file: f.clone() }),
                (_, Some(u)) if is_http_url(u) => {
                    if s.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                        self.push(&item, "title", "is required for a web source");
                    }
                    Some(SourceRef::Web { url: u.clone() })
                }
                (_, Some(_)) => {
                    self.push(&item, "url", "must be an http:// or https:// address");
                    None
                }
                _ => {
                    self.push(&item, "file", "a source needs a seed article file or a url");
                    None
                }
            };
            for (field, text) in [("title", &s.title), ("outlet", &s.outlet)] {
                if text.as_ref().is_some_and(|t| t.chars().count() > MAX_TITLE) {
                    self.push(
                        &item,
                        field,
                        &format!("is longer than {MAX_TITLE} characters"),
                    );
                }
            }
            if self.problems.len() == before {
                if let Some(reference) = reference {
                    let file = match &reference {
                        SourceRef::Seed { file } => Some(file.clone()),
                        SourceRef::Web { .. } => None,
                    };
                    self.sources.insert(s.id.clone(), file);
                    out.push(Source {
                        id: s.id.clone(),
                        reference,
                        outlet: s.outlet.clone(),
                        title: s.title.clone(),
                    });
                }
            }
        }
        out
    }

    fn entities(&mut self, kind: EntityKind, list: &[RawEntity]) -> Vec<Entity> {
        let mut out = Vec::new();
        for (i, e) in list.iter().enumerate() {
            let seg = kind.segment();
            let item = format!(
                "{seg}/{}",
                if valid_id(&e.id) {
                    e.id.clone()
                } else {
                    i.to_string()
                }
            );
            let before = self.problems.len();
            if !valid_id(&e.id) {
                self.push(&item, "id", "is not a usable id (a-z, 0-9, '-', '_', '.')");
            } else if self.entities.contains(&(kind, e.id.clone())) {
                self.push(
                    &item,
                    "id",
                    &format!("is used by an earlier entry in {seg}"),
                );
            }
            if e.name.trim().is_empty() {
                self.push(&item, "name", "is empty");
            } else if e.name.chars().count() > MAX_TITLE {
                self.push(
                    &item,
                    "name",
                    &format!("is longer than {MAX_TITLE} characters"),
                );
            }
            if self.problems.len() == before {
                self.entities.insert((kind, e.id.clone()));
                out.push(Entity {
                    id: e.id.clone(),
                    kind,
                    name: e.name.clone(),
                    variants: e.variants.clone(),
                    role: e.role.clone(),
                    description: e.description.clone(),
                });
            }
        }
        out
    }

    fn event(&mut self, e: &RawEvent, declared: &HashMap<&str, Option<Kind>>) -> Option<Event> {
        let id = e.id.as_str();
        let kind = Kind::parse(&e.kind);
        if kind.is_none() {
            self.push(
                id,
                "kind",
                &format!(
                    "\"{}\" is not one of visit, meeting, call, signing, statement, context",
                    truncate(&e.kind, 40)
                ),
            );
        }
        if e.title.trim().is_empty() {
            self.push(id, "title", "is empty");
        } else if e.title.chars().count() > MAX_TITLE {
            self.push(
                id,
                "title",
                &format!("is longer than {MAX_TITLE} characters"),
            );
        }
        if e.summary.chars().count() > MAX_TEXT {
            self.push(
                id,
                "summary",
                &format!("is longer than {MAX_TEXT} characters"),
            );
        }
        let date = self.date(id, "date", &e.date);
        let end = e
            .end_date
            .as_ref()
            .and_then(|d| self.date(id, "end_date", d));
        if let (Some(d), Some(en)) = (date, end) {
            if en.last_day() < d.first_day() {
                self.push(
                    id,
                    "end_date",
                    &format!("{} is before the date {}", en.iso(), d.iso()),
                );
            }
        }
        if let (Some(d), Some(p)) = (date, &e.precision) {
            match Precision::parse(p) {
                None => self.push(id, "precision", "must be day, month or year"),
                Some(p) if p != d.precision() => self.push(
                    id,
                    "precision",
                    &format!(
                        "says {} but the date {} is given to the {}",
                        p.slug(),
                        d.iso(),
                        d.precision().slug()
                    ),
                ),
                Some(_) => {}
            }
        }
        let basis = self.basis(id, "date_basis", &e.date_basis, &e.date_reason);

        for p in &e.participants {
            self.entity_ref(id, "participants", EntityKind::Person, p);
        }
        if let Some(p) = &e.place {
            self.entity_ref(id, "place", EntityKind::Place, p);
        }
        for t in &e.topics {
            self.entity_ref(id, "topics", EntityKind::Topic, t);
        }
        for d in &e.documents {
            self.entity_ref(id, "documents", EntityKind::Document, d);
        }
        if kind == Some(Kind::Signing) && e.documents.is_empty() {
            self.push(id, "documents", "a signing must name the document signed");
        }
        for (field, list) in [
            ("related", &e.related),
            ("same_occasion_as", &e.same_occasion_as),
        ] {
            for r in list {
                self.event_ref(id, field, r, declared);
            }
        }
        if let Some(p) = &e.part_of {
            if self.event_ref(id, "part_of", p, declared) {
                if declared.get(p.as_str()).copied().flatten() != Some(Kind::Visit) {
                    self.push(id, "part_of", &format!("\"{p}\" is not a visit"));
                }
                if kind == Some(Kind::Visit) {
                    self.push(id, "part_of", "a visit cannot be part of another visit");
                }
            }
        }
        if e.sources.is_empty() {
            self.push(id, "sources", "every event needs at least one source");
        }
        for s in &e.sources {
            if !self.sources.contains_key(s) {
                self.push(
                    id,
                    "sources",
                    &format!("source \"{}\" is not in the sources list", truncate(s, 60)),
                );
            }
        }
        let quotes: Vec<Quote> = e
            .quotes
            .iter()
            .enumerate()
            .filter_map(|(i, q)| self.quote(id, &format!("quotes[{i}]"), q))
            .collect();
        let mut plans = Vec::new();
        for (i, p) in e.plans.iter().enumerate() {
            let field = format!("plans[{i}]");
            let pk = PlanKind::parse(&p.kind);
            if pk.is_none() {
                self.push(
                    id,
                    &format!("{field}.kind"),
                    "must be plan, offer or agreement",
                );
            }
            if p.text.trim().is_empty() {
                self.push(id, &format!("{field}.text"), "is empty");
            }
            if let Some(by) = &p.by {
                self.entity_ref(id, &format!("{field}.by"), EntityKind::Person, by);
            }
            let quote = p
                .quote
                .as_ref()
                .and_then(|q| self.quote(id, &format!("{field}.quote"), q));
            if let Some(kind) = pk {
                plans.push(Plan {
                    kind,
                    text: p.text.clone(),
                    by: p.by.clone(),
                    quote,
                });
            }
        }
        Some(Event {
            id: e.id.clone(),
            kind: kind?,
            title: e.title.trim().to_string(),
            summary: e.summary.trim().to_string(),
            date: date?,
            end,
            basis: basis?,
            participants: e.participants.clone(),
            place: e.place.clone(),
            topics: e.topics.clone(),
            part_of: e.part_of.clone(),
            documents: e.documents.clone(),
            related: e.related.clone(),
            same_occasion_as: e.same_occasion_as.clone(),
            sources: e.sources.clone(),
            quotes,
            plans,
        })
    }

    fn date(&mut self, id: &str, field: &str, s: &str) -> Option<PartialDate> {
        match PartialDate::parse(s) {
            Ok(d) => Some(d),
            Err(err) => {
                self.push(id, field, &format!("\"{}\" {err}", truncate(s, 40)));
                None
            }
        }
    }

    fn basis(
        &mut self,
        id: &str,
        field: &str,
        basis: &Option<String>,
        reason: &Option<String>,
    ) -> Option<DateBasis> {
        let reason = reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
        match basis.as_deref() {
            None | Some("stated") => Some(DateBasis::Stated),
            Some("inferred") => match reason {
                Some(r) => Some(DateBasis::Inferred {
                    reason: r.to_string(),
                }),
                None => {
                    self.push(id, "date_reason", "an inferred date needs a reason");
                    None
                }
            },
            Some(other) => {
                self.push(
                    id,
                    field,
                    &format!("\"{}\" is not stated or inferred", truncate(other, 40)),
                );
                None
            }
        }
    }

    fn entity_ref(&mut self, id: &str, field: &str, kind: EntityKind, r: &str) -> bool {
        let ok = self.entities.contains(&(kind, r.to_string()));
        if !ok {
            self.push(
                id,
                field,
                &format!(
                    "\"{}\" is not in the {} list",
                    truncate(r, 60),
                    kind.segment()
                ),
            );
        }
        ok
    }

    fn event_ref(
        &mut self,
        id: &str,
        field: &str,
        r: &str,
        declared: &HashMap<&str, Option<Kind>>,
    ) -> bool {
        if r == id {
            self.push(id, field, "refers to the event itself");
            false
        } else if !declared.contains_key(r) {
            self.push(
                id,
                field,
                &format!("event \"{}\" does not exist", truncate(r, 60)),
            );
            false
        } else {
            true
        }
    }

    fn quote(&mut self, id: &str, field: &str, q: &RawQuote) -> Option<Quote> {
        let before = self.problems.len();
        if q.text.trim().is_empty() {
            self.push(id, &format!("{field}.text"), "is empty");
        } else if q.text.chars().count() > MAX_TEXT {
            self.push(
                id,
                &format!("{field}.text"),
                &format!("is longer than {MAX_TEXT} characters"),
            );
        }
        if let Some(s) = &q.speaker {
            self.entity_ref(id, &format!("{field}.speaker"), EntityKind::Person, s);
        }
        match self.sources.get(&q.source).cloned() {
            None => self.push(
                id,
                &format!("{field}.source"),
                &format!(
                    "source \"{}\" is not in the sources list",
                    truncate(&q.source, 60)
                ),
            ),
            Some(Some(file)) => {
                if let Some(texts) = self.quotes {
                    match texts.get(&file) {
                        None => self.push(
                            id,
                            &format!("{field}.source"),
                            &format!("article \"{file}\" was not found among the seed articles"),
                        ),
                        Some(article) => {
                            if !article.contains(&normalize_quote(&q.text)) {
                                self.push(
                                    id,
                                    &format!("{field}.text"),
                                    &format!(
                                        "\"{}\" is not found in article {file}",
                                        truncate(&q.text, 80)
                                    ),
                                );
                            }
                        }
                    }
                }
            }
            Some(None) => {}
        }
        (self.problems.len() == before).then(|| Quote {
            source: q.source.clone(),
            text: q.text.trim().to_string(),
            speaker: q.speaker.clone(),
        })
    }

    fn figures(&mut self, raw: &RawDataset, events: &HashSet<String>) -> Vec<Figure> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for (i, f) in raw.figures.iter().enumerate() {
            let item = format!(
                "figures/{}",
                if valid_id(&f.id) {
                    f.id.clone()
                } else {
                    i.to_string()
                }
            );
            let before = self.problems.len();
            if !valid_id(&f.id) || !seen.insert(f.id.clone()) {
                self.push(&item, "id", "must be a usable, unique id");
            }
            let measure = Measure::parse(&f.measure);
            if measure.is_none() {
                self.push(
                    &item,
                    "measure",
                    "must be total, belarus-to-azerbaijan, azerbaijan-to-belarus or other",
                );
            }
            let period = self.date(&item, "period", &f.period);
            let basis = self.basis(&item, "period_basis", &f.period_basis, &f.period_reason);
            if f.value_musd.is_some_and(|v| !v.is_finite() || v < 0.0) {
                self.push(&item, "value_musd", "must be a non-negative number");
            }
            if let Some(ev) = &f.event {
                if !events.contains(ev) {
                    self.push(
                        &item,
                        "event",
                        &format!("event \"{}\" does not exist", truncate(ev, 60)),
                    );
                }
            }
            let quote = self.quote(&item, "quote", &f.quote);
            if self.problems.len() == before {
                if let (Some(measure), Some(period), Some(basis), Some(quote)) =
                    (measure, period, basis, quote)
                {
                    out.push(Figure {
                        id: f.id.clone(),
                        label: f.label.clone(),
                        measure,
                        period,
                        basis,
                        value_musd: f.value_musd,
                        approximate: f.approximate,
                        event: f.event.clone(),
                        quote,
                    });
                }
            }
        }
        out
    }

    fn discrepancies(&mut self, raw: &RawDataset, figures: &[Figure]) -> Vec<Discrepancy> {
        let mut out = Vec::new();
        for d in &raw.discrepancies {
            let item = format!("discrepancies/{}", d.id);
            let before = self.problems.len();
            if d.figures.len() < 2 {
                self.push(&item, "figures", "a discrepancy needs at least two figures");
            }
            for f in &d.figures {
                if !figures.iter().any(|x| &x.id == f) {
                    self.push(
                        &item,
                        "figures",
                        &format!("figure \"{}\" does not exist", truncate(f, 60)),
                    );
                }
            }
            if self.problems.len() == before {
                out.push(Discrepancy {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    figures: d.figures.clone(),
                    explanation: d.explanation.clone(),
                });
            }
        }
        out
    }
}

fn is_http_url(u: &str) -> bool {
    let lower = u.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && lower.len() > 8
}

/// Shortens text for messages, on a character boundary.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('\u{2026}');
        t
    }
}
