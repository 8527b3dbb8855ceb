//! Domain types of the timeline: valid by construction, built only by `dataset::validate`.
//! Pure: no DOM, no framework.

pub mod date;

pub use date::{DateBasis, PartialDate, Precision};

use std::collections::HashMap;

/// The closed list of event kinds. Each kind has a lane, a shape and a colour in the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A state or working visit; its parts link to it with `part_of`.
    Visit,
    /// Talks, informal meetings, ceremonies.
    Meeting,
    /// A telephone conversation.
    Call,
    /// The signing of one document.
    Signing,
    /// A statement to the press or a public position.
    Statement,
    /// A dated event the sources give as background (war, ceasefire).
    Context,
}

impl Kind {
    /// Every kind, in legend order.
    pub const ALL: [Kind; 6] = [
        Kind::Visit,
        Kind::Meeting,
        Kind::Call,
        Kind::Signing,
        Kind::Statement,
        Kind::Context,
    ];

    /// Parses the dataset spelling.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.slug() == s)
    }

    /// The dataset and URL spelling.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Visit => "visit",
            Kind::Meeting => "meeting",
            Kind::Call => "call",
            Kind::Signing => "signing",
            Kind::Statement => "statement",
            Kind::Context => "context",
        }
    }

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Visit => "Visit",
            Kind::Meeting => "Meeting",
            Kind::Call => "Phone call",
            Kind::Signing => "Signing",
            Kind::Statement => "Statement",
            Kind::Context => "Context",
        }
    }

    /// Plural label for filters and the legend.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Visit => "Visits",
            Kind::Meeting => "Meetings",
            Kind::Call => "Phone calls",
            Kind::Signing => "Signings",
            Kind::Statement => "Statements",
            Kind::Context => "Context",
        }
    }

    /// The lane on the axis: visits and meetings share one, statements join them.
    pub fn lane(self) -> usize {
        match self {
            Kind::Visit | Kind::Meeting | Kind::Statement => 0,
            Kind::Call => 1,
            Kind::Signing => 2,
            Kind::Context => 3,
        }
    }
}

/// Lane names, indexed by `Kind::lane`.
pub const LANES: [&str; 4] = ["Visits and meetings", "Calls", "Signings", "Context"];

/// Where a source comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceRef {
    /// One of the seed articles, by file name.
    Seed { file: String },
    /// Another page, by URL (always http or https).
    Web { url: String },
}

/// An article or page that events cite.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub reference: SourceRef,
    pub outlet: Option<String>,
    pub title: Option<String>,
}

impl Source {
    /// How a card names the source: outlet and title where known, else the file name or URL.
    pub fn display(&self) -> String {
        let base = match &self.reference {
            SourceRef::Seed { file } => format!("article {file}"),
            SourceRef::Web { url } => url.clone(),
        };
        match (&self.outlet, &self.title) {
            (Some(o), Some(t)) => format!("{o}: \u{201c}{t}\u{201d} ({base})"),
            (Some(o), None) => format!("{o} ({base})"),
            (None, Some(t)) => format!("\u{201c}{t}\u{201d} ({base})"),
            (None, None) => base,
        }
    }
}

/// The family an entity belongs to; each has its own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Person,
    Place,
    Topic,
    Document,
}

impl EntityKind {
    /// URL segment and label.
    pub fn segment(self) -> &'static str {
        match self {
            EntityKind::Person => "people",
            EntityKind::Place => "places",
            EntityKind::Topic => "topics",
            EntityKind::Document => "documents",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Place => "Place",
            EntityKind::Topic => "Topic",
            EntityKind::Document => "Document",
        }
    }
}

/// A person, place, topic or document.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub variants: Vec<String>,
    /// A person's role, or a document's kind.
    pub role: Option<String>,
    pub description: Option<String>,
}

/// A verbatim excerpt of a source.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub source: String,
    pub text: String,
    pub speaker: Option<String>,
}

/// What kind of forward-looking record a plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKind {
    Plan,
    Offer,
    Agreement,
}

impl PlanKind {
    pub fn parse(s: &str) -> Option<PlanKind> {
        match s {
            "plan" => Some(PlanKind::Plan),
            "offer" => Some(PlanKind::Offer),
            "agreement" => Some(PlanKind::Agreement),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            PlanKind::Plan => "Plan",
            PlanKind::Offer => "Offer",
            PlanKind::Agreement => "Agreed",
        }
    }
}

/// A plan, offer or agreement stated at an event: what was said, not what happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub kind: PlanKind,
    pub text: String,
    pub by: Option<String>,
    pub quote: Option<Quote>,
}

/// One event on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub summary: String,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub basis: DateBasis,
    pub participants: Vec<String>,
    pub place: Option<String>,
    pub topics: Vec<String>,
    pub part_of: Option<String>,
    pub documents: Vec<String>,
    pub related: Vec<String>,
    pub same_occasion_as: Vec<String>,
    pub sources: Vec<String>,
    pub quotes: Vec<Quote>,
    pub plans: Vec<Plan>,
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Total,
    BelarusToAzerbaijan,
    AzerbaijanToBelarus,
    Other,
}

impl Measure {
    pub fn parse(s: &str) -> Option<Measure> {
        match s {
            "total" => Some(Measure::Total),
            "belarus-to-azerbaijan" => Some(Measure::BelarusToAzerbaijan),
            "azerbaijan-to-belarus" => Some(Measure::AzerbaijanToBelarus),
            "other" => Some(Measure::Other),
            _ => None,
        }
    }
}

/// A trade figure dated to the period it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub id: String,
    pub label: String,
    pub measure: Measure,
    pub period: PartialDate,
    pub basis: DateBasis,
    pub value_musd: Option<f64>,
    pub approximate: bool,
    pub event: Option<String>,
    pub quote: Quote,
}

/// Figures that the sources leave unreconciled.
#[derive(Debug, Clone, PartialEq)]
pub struct Discrepancy {
    pub id: String,
    pub title: String,
    pub figures: Vec<String>,
    pub explanation: String,
}

/// A validated dataset. Events are sorted by date, then id; every reference resolves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub title: String,
    pub events: Vec<Event>,
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    pub figures: Vec<Figure>,
    pub discrepancies: Vec<Discrepancy>,
    event_index: HashMap<String, usize>,
    entity_index: HashMap<(EntityKind, String), usize>,
    source_index: HashMap<String, usize>,
    /// The parts of each visit (`part_of`), by position: the parts of the event at position `p`
    /// are `parts[parts_start[p]..parts_start[p + 1]]`, in date order.
    parts_start: Vec<usize>,
    parts: Vec<usize>,
}

/// The parts of every visit, grouped by the visit's position (a counting sort: no map, and the
/// parts stay in date order). See `Dataset::parts_start`.
fn parts_by_parent(events: &[Event], index: &HashMap<String, usize>) -> (Vec<usize>, Vec<usize>) {
    let parent = |e: &Event| e.part_of.as_deref().and_then(|p| index.get(p).copied());
    let mut start = vec![0; events.len() + 1];
    for p in events.iter().filter_map(parent) {
        start[p + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut next = start.clone();
    let mut parts = vec![0; start[events.len()]];
    for (i, p) in events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, parent(e)?)))
    {
        parts[next[p]] = i;
        next[p] += 1;
    }
    (start, parts)
}

impl Dataset {
    /// Assembles a dataset from parts that `validate` has checked; sorts events and builds indexes.
    pub(crate) fn assemble(
        title: String,
        mut events: Vec<Event>,
        sources: Vec<Source>,
        entities: Vec<Entity>,
        figures: Vec<Figure>,
        discrepancies: Vec<Discrepancy>,
    ) -> Dataset {
        events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        let event_index = events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let entity_index = entities
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.kind, e.id.clone()), i))
            .collect();
        let source_index = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let (parts_start, parts) = parts_by_parent(&events, &event_index);
        Dataset {
            title,
            events,
            sources,
            entities,
            figures,
            discrepancies,
            event_index,
            entity_index,
            source_index,
            parts_start,
            parts,
        }
    }

    /// The position of an event in date order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.event_index.get(id).copied()
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.position(id).map(|i| &self.events[i])
    }

    pub fn entity(&self, kind: EntityKind, id: &str) -> Option<&Entity> {
        self.entity_index
            .get(&(kind, id.to_string()))
            .map(|&i| &self.entities[i])
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    /// How an event's sources are named on cards, in citations and exports.
    pub fn source_names(&self, e: &Event) -> Vec<String> {
        e.sources
            .iter()
            .filter_map(|s| self.source(s))
            .map(Source::display)
            .collect()
    }

    /// The display name of an entity, or its id when unknown.
    pub fn name_of(&self, kind: EntityKind, id: &str) -> String {
        self.entity(kind, id)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    /// Entities of one family, in dataset order.
    pub fn entities_of(&self, kind: EntityKind) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.kind == kind)
    }

    /// The parts of a visit (events whose `part_of` is `id`), in date order.
    pub fn parts_of<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Event> {
        let range = self
            .position(id)
            .and_then(|p| Some(*self.parts_start.get(p)?..*self.parts_start.get(p + 1)?))
            .unwrap_or(0..0);
        self.parts[range].iter().map(|&i| &self.events[i])
    }

    /// Events that mention an entity (participant, place, topic or document).
    pub fn events_with<'a>(
        &'a self,
        kind: EntityKind,
        id: &'a str,
    ) -> impl Iterator<Item = &'a Event> {
        self.events.iter().filter(move |e| match kind {
            EntityKind::Person => {
                e.participants.iter().any(|p| p == id)
                    || e.quotes.iter().any(|q| q.speaker.as_deref() == Some(id))
            }
            EntityKind::Place => e.place.as_deref() == Some(id),
            EntityKind::Topic => e.topics.iter().any(|t| t == id),
            EntityKind::Document => e.documents.iter().any(|d| d == id),
        })
    }

    /// Every event that links to `id` or that `id` links to, except visit parts.
    pub fn related_to<'a>(&'a self, ev: &'a Event) -> Vec<&'a Event> {
        let mut out: Vec<&Event> = Vec::new();
        let mut push = |e: &'a Event| {
            if e.id != ev.id && !out.iter().any(|o| o.id == e.id) {
                out.push(e);
            }
        };
        for r in &ev.related {
            if let Some(e) = self.event(r) {
                push(e);
            }
        }
        for e in &self.events {
            if e.related.iter().any(|r| r == &ev.id) {
                push(e);
            }
        }
        out
    }
}
