//! The compact form of a validated load: how a dataset crosses from where it was validated (the
//! build script for the embedded data, the loader worker for an opened file) to the app, which
//! then needs no JSON parser, serde or validator of its own.
//!
//! The form is a flat stream of tokens, each `<byte length>:<text>`; numbers are tokens of decimal
//! digits, an `Option` is a list of zero or one, a list is its length then its items. It is made
//! only by `encode` from a value that `validate` built, in the same build that decodes it, so
//! `decode` rebuilds without validating again. It still never panics: anything malformed is an
//! error naming the byte offset.

use super::{LoadError, Loaded, Problem};
use crate::model::{
    Dataset, DateBasis, Discrepancy, Entity, EntityKind, Event, Figure, Kind, Measure, PartialDate,
    Plan, PlanKind, Quote, Source, SourceRef,
};

/// `encode` of a load with no events and no problems (what the app holds when nothing loaded).
pub const EMPTY: &str = "1:00:1:01:01:01:01:01:01:01:0";

/// Encodes the outcome of a load (a dataset with its problems, or the error).
pub fn encode(result: &Result<Loaded, LoadError>) -> String {
    let mut w = Writer(String::new());
    match result {
        Ok(l) => {
            w.num(0);
            dataset(&mut w, &l.dataset);
            w.list(&l.problems, problem);
            w.num(l.rejected as u64);
            w.num(l.declared as u64);
        }
        Err(e) => {
            w.num(1);
            w.str(&e.message);
            w.list(&e.problems, problem);
        }
    }
    w.0
}

/// Decodes what `encode` made. The outer error means the text is not such a stream.
pub fn decode(text: &str) -> Result<Result<Loaded, LoadError>, String> {
    let mut r = Reader {
        text,
        pos: 0,
        damage: None,
    };
    let out = match r.num() {
        0 => Ok(Loaded {
            dataset: r.dataset(),
            problems: r.list(Reader::problem),
            rejected: r.num() as usize,
            declared: r.num() as usize,
        }),
        1 => Err(LoadError {
            message: r.string(),
            problems: r.list(Reader::problem),
        }),
        _ => {
            r.fail("an unknown outcome");
            Err(LoadError::new(""))
        }
    };
    if r.pos != text.len() {
        r.fail("text after the end");
    }
    match r.damage {
        Some(damage) => Err(damage),
        None => Ok(out),
    }
}

/// `decode` for the app: damage is reported as a load error, like a file that cannot be used.
pub fn decode_load(text: &str) -> Result<Loaded, LoadError> {
    decode(text).unwrap_or_else(|damage| Err(LoadError::new(damage)))
}

struct Writer(String);

impl Writer {
    fn str(&mut self, s: &str) {
        self.0.push_str(&s.len().to_string());
        self.0.push(':');
        self.0.push_str(s);
    }
    fn num(&mut self, n: u64) {
        self.str(&n.to_string());
    }
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Writer, &T)) {
        self.num(items.len() as u64);
        for t in items {
            item(self, t);
        }
    }
    fn strs(&mut self, items: &[String]) {
        self.list(items, |w, s| w.str(s));
    }
    fn opt<T>(&mut self, value: Option<&T>, item: impl FnOnce(&mut Writer, &T)) {
        self.num(value.is_some() as u64);
        if let Some(v) = value {
            item(self, v);
        }
    }
    fn opt_str(&mut self, value: &Option<String>) {
        self.opt(value.as_ref(), |w, s| w.str(s));
    }
}

fn dataset(w: &mut Writer, ds: &Dataset) {
    w.str(&ds.title);
    w.list(&ds.events, event);
    w.list(&ds.sources, |w, s| {
        w.str(&s.id);
        match &s.reference {
            SourceRef::Seed { file } => {
                w.num(0);
                w.str(file);
            }
            SourceRef::Web { url } => {
                w.num(1);
                w.str(url);
            }
        }
        w.opt_str(&s.outlet);
        w.opt_str(&s.title);
    });
    w.list(&ds.entities, |w, e| {
        w.str(&e.id);
        w.num(e.kind as u64);
        w.str(&e.name);
        w.strs(&e.variants);
        w.opt_str(&e.role);
        w.opt_str(&e.description);
    });
    w.list(&ds.figures, |w, f| {
        w.str(&f.id);
        w.str(&f.label);
        w.num(f.measure as u64);
        w.str(&f.period.iso());
        basis(w, &f.basis);
        // The exact bits: no float formatting or parsing is needed, and nothing is rounded.
        w.opt(f.value_musd.map(f64::to_bits).as_ref(), |w, b| w.num(*b));
        w.num(f.approximate as u64);
        w.opt_str(&f.event);
        quote(w, &f.quote);
    });
    w.list(&ds.discrepancies, |w, d| {
        w.str(&d.id);
        w.str(&d.title);
        w.strs(&d.figures);
        w.str(&d.explanation);
    });
}

fn event(w: &mut Writer, e: &Event) {
    w.str(&e.id);
    w.num(e.kind as u64);
    w.str(&e.title);
    w.str(&e.summary);
    w.str(&e.date.iso());
    w.opt(e.end.as_ref(), |w, d| w.str(&d.iso()));
    basis(w, &e.basis);
    w.strs(&e.participants);
    w.opt_str(&e.place);
    w.strs(&e.topics);
    w.opt_str(&e.part_of);
    w.strs(&e.documents);
    w.strs(&e.related);
    w.strs(&e.same_occasion_as);
    w.strs(&e.sources);
    w.list(&e.quotes, quote);
    w.list(&e.plans, |w, p| {
        w.num(p.kind as u64);
        w.str(&p.text);
        w.opt_str(&p.by);
        w.opt(p.quote.as_ref(), quote);
    });
}

fn basis(w: &mut Writer, b: &DateBasis) {
    w.opt(
        match b {
            DateBasis::Stated => None,
            DateBasis::Inferred { reason } => Some(reason),
        },
        |w, s| w.str(s),
    );
}

fn quote(w: &mut Writer, q: &Quote) {
    w.str(&q.source);
    w.str(&q.text);
    w.opt_str(&q.speaker);
}

fn problem(w: &mut Writer, p: &Problem) {
    w.str(&p.item);
    w.str(&p.field);
    w.str(&p.message);
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// The first damage found, if any.
    damage: Option<String>,
}

/// Picks the `n`th of a closed list (the order of the enum's variants).
fn nth<T: Copy>(all: &[T], n: u64) -> Option<T> {
    all.get(usize::try_from(n).ok()?).copied()
}

/// Reads tokens; the first damage is kept in `damage` and every later read gives an empty value,
/// so a value is built without an early return at each field (smaller code than `?` at every
/// step, which must drop every field built so far), and the caller checks `damage` once.
impl<'a> Reader<'a> {
    fn fail(&mut self, what: &str) {
        if self.damage.is_none() {
            self.damage = Some(format!(
                "The compact dataset is damaged at byte {}: {what}.",
                self.pos
            ));
        }
    }
    fn token(&mut self) -> &'a str {
        if self.damage.is_some() {
            return "";
        }
        let rest = self.text.get(self.pos..).unwrap_or_default();
        let Some(colon) = rest.find(':') else {
            self.fail("no length");
            return "";
        };
        let Some(len) = digits(&rest[..colon]) else {
            self.fail("a bad length");
            return "";
        };
        let start = colon + 1;
        let Some(body) = usize::try_from(len)
            .ok()
            .and_then(|len| rest.get(start..start.checked_add(len)?))
        else {
            self.fail("a length past the end");
            return "";
        };
        self.pos += start + body.len();
        body
    }
    fn string(&mut self) -> String {
        self.token().to_owned()
    }
    fn num(&mut self) -> u64 {
        let t = self.token();
        if self.damage.is_some() {
            return 0;
        }
        digits(t).unwrap_or_else(|| {
            self.fail("not a number");
            0
        })
    }
    fn list<T>(&mut self, item: fn(&mut Self) -> T) -> Vec<T> {
        let n = self.num();
        // Every item takes at least two bytes, so a count larger than what is left is damage
        // (and never a huge allocation).
        if n > (self.text.len() - self.pos) as u64 {
            self.fail("a count past the end");
            return Vec::new();
        }
        let mut items = Vec::with_capacity(n as usize);
        for _ in 0..n {
            if self.damage.is_some() {
                break;
            }
            items.push(item(self));
        }
        items
    }
    fn strs(&mut self) -> Vec<String> {
        self.list(Self::string)
    }
    fn opt<T>(&mut self, item: fn(&mut Self) -> T) -> Option<T> {
        match self.num() {
            0 => None,
            1 => Some(item(self)),
            _ => {
                self.fail("more than one optional value");
                None
            }
        }
    }
    fn opt_str(&mut self) -> Option<String> {
        self.opt(Self::string)
    }
    fn kind<T: Copy>(&mut self, all: &[T]) -> T {
        let n = self.num();
        match nth(all, n) {
            Some(k) => k,
            None => {
                self.fail("an unknown kind");
                all[0]
            }
        }
    }
    fn date(&mut self) -> PartialDate {
        let t = self.token();
        match PartialDate::parse(t) {
            Ok(d) => d,
            Err(_) => {
                self.fail("a bad date");
                PartialDate::YEAR_ONE
            }
        }
    }
    fn basis(&mut self) -> DateBasis {
        match self.opt_str() {
            None => DateBasis::Stated,
            Some(reason) => DateBasis::Inferred { reason },
        }
    }
    fn quote(&mut self) -> Quote {
        Quote {
            source: self.string(),
            text: self.string(),
            speaker: self.opt_str(),
        }
    }
    fn problem(&mut self) -> Problem {
        Problem {
            item: self.string(),
            field: self.string(),
            message: self.string(),
        }
    }
    fn plan(&mut self) -> Plan {
        Plan {
            kind: self.kind(&[PlanKind::Plan, PlanKind::Offer, PlanKind::Agreement]),
            text: self.string(),
            by: self.opt_str(),
            quote: self.opt(Self::quote),
        }
    }
    fn event(&mut self) -> Event {
        Event {
            id: self.string(),
            kind: self.kind(&Kind::ALL),
            title: self.string(),
            summary: self.string(),
            date: self.date(),
            end: self.opt(Self::date),
            basis: self.basis(),
            participants: self.strs(),
            place: self.opt_str(),
            topics: self.strs(),
            part_of: self.opt_str(),
            documents: self.strs(),
            related: self.strs(),
            same_occasion_as: self.strs(),
            sources: self.strs(),
            quotes: self.list(Self::quote),
            plans: self.list(Self::plan),
        }
    }
    fn source(&mut self) -> Source {
        let id = self.string();
        let reference = match self.num() {
            0 => SourceRef::Seed {
                file: self.string(),
            },
            1 => SourceRef::Web { url: self.string() },
            _ => {
                self.fail("an unknown source reference");
                SourceRef::Web { url: String::new() }
            }
        };
        Source {
            id,
            reference,
            outlet: self.opt_str(),
            title: self.opt_str(),
        }
    }
    fn entity(&mut self) -> Entity {
        Entity {
            id: self.string(),
            kind: self.kind(&ENTITY_KINDS),
            name: self.string(),
            variants: self.strs(),
            role: self.opt_str(),
            description: self.opt_str(),
        }
    }
    fn figure(&mut self) -> Figure {
        Figure {
            id: self.string(),
            label: self.string(),
            measure: self.kind(&MEASURES),
            period: self.date(),
            basis: self.basis(),
            value_musd: self.opt(Self::num).map(f64::from_bits),
            approximate: self.kind(&[false, true]),
            event: self.opt_str(),
            quote: self.quote(),
        }
    }
    fn discrepancy(&mut self) -> Discrepancy {
        Discrepancy {
            id: self.string(),
            title: self.string(),
            figures: self.strs(),
            explanation: self.string(),
        }
    }
    fn dataset(&mut self) -> Dataset {
        let title = self.string();
        let events = self.list(Self::event);
        let sources = self.list(Self::source);
        let entities = self.list(Self::entity);
        let figures = self.list(Self::figure);
        let discrepancies = self.list(Self::discrepancy);
        if self.damage.is_some() {
            return Dataset::default();
        }
        Dataset::assemble(title, events, sources, entities, figures, discrepancies)
    }
}

/// `EntityKind` and `Measure` in variant order (their `as u64` values).
const ENTITY_KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Topic,
    EntityKind::Document,
];
const MEASURES: [Measure; 4] = [
    Measure::Total,
    Measure::BelarusToAzerbaijan,
    Measure::AzerbaijanToBelarus,
    Measure::Other,
];

/// A non-empty run of ASCII digits as a number (no sign, no overflow).
fn digits(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 19 {
        return None;
    }
    s.bytes().try_fold(0u64, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_tables_follow_variant_order() {
        for (i, k) in Kind::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
        }
        for (i, k) in ENTITY_KINDS.iter().enumerate() {
            assert_eq!(*k as usize, i);
        }
        for (i, m) in MEASURES.iter().enumerate() {
            assert_eq!(*m as usize, i);
        }
        for (i, p) in [PlanKind::Plan, PlanKind::Offer, PlanKind::Agreement]
            .iter()
            .enumerate()
        {
            assert_eq!(*p as usize, i);
        }
    }

    #[test]
    fn empty_is_the_encoding_of_an_empty_load() {
        let empty = Ok(Loaded {
            dataset: Dataset::default(),
            problems: Vec::new(),
            rejected: 0,
            declared: 0,
        });
        assert_eq!(encode(&empty), EMPTY);
    }

    #[test]
    fn errors_round_trip_and_damage_is_reported_not_panicked() {
        let err: Result<Loaded, LoadError> = Err(LoadError {
            message: "No valid event in the file: \u{201c}é\u{201d} 3:4".into(),
            problems: vec![Problem {
                item: "events[0]".into(),
                field: "date".into(),
                message: "2021-02-30 is not a date".into(),
            }],
        });
        let text = encode(&err);
        let back = decode(&text).expect("decodes");
        assert_eq!(back.err(), err.err());
        for cut in 0..text.len() {
            if text.is_char_boundary(cut) {
                assert!(decode(&text[..cut]).is_err(), "cut at {cut}");
            }
        }
        assert!(decode(&format!("{text}1:0")).is_err());
        assert!(decode("").is_err());
        assert!(decode("99999999999999999999:").is_err());
        assert!(decode("1:01:x18446744073709551615:").is_err());
    }
}
