//! Search and filters over a dataset: a folded text index built once per dataset (by the first
//! search with words), name-variant groups from the entities, and the filter that gives the
//! visible events with live counts.

use crate::model::{Dataset, EntityKind, Event, Kind};
use crate::route::Query;

/// Folds text for matching: lower case, diacritics removed, punctuation as spaces.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        let mapped: &str =
            match c {
                'A'..='Z' | 'a'..='z' | '0'..='9' => {
                    out.push(c.to_ascii_lowercase());
                    space = false;
                    continue;
                }
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã'
                | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "a",
                'ə' | 'Ə' => "e",
                'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
                'ď' | 'đ' | 'Ď' | 'Đ' => "d",
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē'
                | 'Ė' | 'Ę' | 'Ě' => "e",
                'ğ' | 'Ğ' => "g",
                'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī'
                | 'Į' => "i",
                'ł' | 'Ł' | 'ľ' | 'Ľ' => "l",
                'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö'
                | 'Ø' | 'Ō' | 'Ő' => "o",
                'ř' | 'Ř' => "r",
                'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
                'ß' => "ss",
                'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů'
                | 'Ű' => "u",
                'ý' | 'ÿ' | 'Ý' => "y",
                'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => "z",
                c if is_separator(c) => {
                    if !space {
                        out.push(' ');
                        space = true;
                    }
                    continue;
                }
                c if !c.is_ascii() => {
                    out.push(lower_other(c));
                    space = false;
                    continue;
                }
                _ => {
                    if !space {
                        out.push(' ');
                        space = true;
                    }
                    continue;
                }
            };
        out.push_str(mapped);
        space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Non-ASCII punctuation and spaces (Latin-1, general punctuation, CJK): word separators.
/// A small table instead of Unicode's full one, which would add ~30 KB to the wasm bundle.
fn is_separator(c: char) -> bool {
    matches!(c as u32, 0x80..=0xBF | 0xD7 | 0xF7 | 0x2000..=0x206F | 0x2190..=0x21FF | 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF01..=0xFF0F)
}

/// Lower case for the scripts the sources and likely datasets use beyond Latin (Cyrillic,
/// Greek); other characters are kept as they are.
fn lower_other(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x0410..=0x042F | 0x0391..=0x03A9 => u + 0x20,
        0x0400..=0x040F => u + 0x50,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// A search index over one dataset, built from it once, by the first search that has words to
/// look for: a search without words (every first screen) needs none, so a dataset shows without
/// waiting for its index (at 10,000 events the build takes about 80 ms in the browser). Every
/// call must pass the dataset the index was made for.
#[derive(Debug, Default)]
pub struct Index {
    built: std::sync::OnceLock<Built>,
}

#[derive(Debug)]
struct Built {
    /// Per event (dataset order): its folded text, padded with spaces at both ends.
    texts: Vec<String>,
    /// Groups of folded names that mean the same entity (name plus variants).
    groups: Vec<Vec<String>>,
}

impl Index {
    /// An index of `ds`, built now rather than on the first search.
    pub fn build(ds: &Dataset) -> Index {
        let index = Index::default();
        index.built(ds);
        index
    }

    fn built(&self, ds: &Dataset) -> &Built {
        self.built.get_or_init(|| Built::new(ds))
    }

    /// Turns a query into terms; each term is a set of alternatives: what was typed (matched
    /// anywhere, so a prefix finds as you type) and the variants of a name it equals (matched as
    /// whole words, so the variant "war" does not find "warm"). No words, no terms: the index
    /// is not needed.
    pub fn terms(&self, ds: &Dataset, q: &str) -> Vec<Vec<String>> {
        let folded = fold(q);
        if folded.is_empty() {
            return Vec::new();
        }
        self.built(ds).terms(folded)
    }

    /// Whether event `i` (dataset order) matches every term.
    pub fn matches(&self, ds: &Dataset, i: usize, terms: &[Vec<String>]) -> bool {
        if terms.is_empty() {
            return i < ds.events.len();
        }
        let Some(t) = self.built(ds).texts.get(i) else {
            return false;
        };
        terms
            .iter()
            .all(|alts| alts.iter().any(|a| t.contains(a.as_str())))
    }
}

impl Built {
    /// Titles, summaries, quotes, plans, and the names and variants of every entity an event
    /// mentions.
    fn new(ds: &Dataset) -> Built {
        let groups: Vec<Vec<String>> = ds
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Document)
            .map(|e| {
                let mut g: Vec<String> = std::iter::once(&e.name)
                    .chain(e.variants.iter())
                    .map(|s| fold(s))
                    .filter(|s| !s.is_empty())
                    .collect();
                g.dedup();
                g
            })
            .filter(|g| g.len() > 1)
            .collect();
        let texts = ds
            .events
            .iter()
            .map(|e| {
                let mut t = String::from(" ");
                let mut add = |s: &str| {
                    t.push_str(&fold(s));
                    t.push(' ');
                };
                add(&e.title);
                add(&e.summary);
                add(e.kind.label());
                for q in &e.quotes {
                    add(&q.text);
                }
                for p in &e.plans {
                    add(&p.text);
                }
                let mut names = |kind: EntityKind, id: &str| {
                    if let Some(ent) = ds.entity(kind, id) {
                        add(&ent.name);
                        for v in &ent.variants {
                            add(v);
                        }
                    }
                };
                for p in &e.participants {
                    names(EntityKind::Person, p);
                }
                if let Some(p) = &e.place {
                    names(EntityKind::Place, p);
                }
                for tp in &e.topics {
                    names(EntityKind::Topic, tp);
                }
                for d in &e.documents {
                    names(EntityKind::Document, d);
                }
                t
            })
            .collect();
        Built { texts, groups }
    }

    /// `Index::terms` of a query already folded, not empty.
    fn terms(&self, folded: String) -> Vec<Vec<String>> {
        let variants = |typed: &str, g: &[String], alts: &mut Vec<String>| {
            for n in g {
                let whole = format!(" {n} ");
                if n != typed && !alts.contains(&whole) {
                    alts.push(whole);
                }
            }
        };
        // A whole-query match on a variant group (e.g. "nagorno karabakh") is one term.
        if let Some(g) = self.groups.iter().find(|g| g.contains(&folded)) {
            let mut alts = vec![folded.clone()];
            variants(&folded, g, &mut alts);
            return vec![alts];
        }
        folded
            .split(' ')
            .map(|w| {
                let mut alts = vec![w.to_string()];
                for g in &self.groups {
                    if g.iter().any(|n| n == w || n.split(' ').any(|p| p == w)) {
                        variants(w, g, &mut alts);
                    }
                }
                alts
            })
            .collect()
    }
}

/// The result of applying a query: visible event positions and counts per filter value.
#[derive(Debug, Clone, Default)]
pub struct Filtered {
    /// Positions in `dataset.events`, in date order.
    pub visible: Vec<usize>,
    /// For each kind, how many events would show if that kind were the only kind filter.
    pub kind_counts: Vec<(Kind, usize)>,
    /// The query this is the result of, and the events it matches before the kind filter: a
    /// narrower query is applied to these only (see `refine`).
    query: Query,
    matched: Vec<usize>,
}

/// Two results are the same when they show the same: what the user sees, not how it was reached.
impl PartialEq for Filtered {
    fn eq(&self, other: &Filtered) -> bool {
        self.visible == other.visible && self.kind_counts == other.kind_counts
    }
}

/// Applies a query's filters and search to the dataset.
pub fn apply(ds: &Dataset, index: &Index, q: &Query) -> Filtered {
    filter(ds, index, q, 0..ds.events.len())
}

/// `apply` for a query that can only match fewer events than an earlier result's (the same
/// filters, and every search term of the old query implied by one of the new), searching only
/// what that result matched: typing on searches only what the last keystroke found. `None` when
/// `prev` is not such a result.
pub fn refine(ds: &Dataset, index: &Index, q: &Query, prev: &Filtered) -> Option<Filtered> {
    let p = &prev.query;
    let same_filters =
        p.from == q.from && p.to == q.to && p.person == q.person && p.topic == q.topic;
    (same_filters && implies(&index.terms(ds, &q.q), &index.terms(ds, &p.q)))
        .then(|| filter(ds, index, q, prev.matched.iter().copied()))
}

/// Recent results over one dataset, newest last, at most `Recent::KEEP`: a query seen again
/// (Backspace) reuses its result, and a new query is refined from the newest result it narrows.
#[derive(Debug, Default)]
pub struct Recent {
    results: Vec<std::sync::Arc<Filtered>>,
}

impl Recent {
    /// How many results are kept.
    pub const KEEP: usize = 24;

    /// The result of `q`, equal to `apply(ds, index, q)`. Call `clear` when the dataset changes.
    pub fn search(&mut self, ds: &Dataset, index: &Index, q: &Query) -> std::sync::Arc<Filtered> {
        let found = self.results.iter().rev().find(|f| &f.query == q).cloned();
        let f = found.unwrap_or_else(|| {
            let narrowed = self
                .results
                .iter()
                .rev()
                .find_map(|f| refine(ds, index, q, f));
            std::sync::Arc::new(narrowed.unwrap_or_else(|| apply(ds, index, q)))
        });
        self.results.retain(|r| !std::sync::Arc::ptr_eq(r, &f));
        self.results.push(f.clone());
        if self.results.len() > Self::KEEP {
            self.results.remove(0);
        }
        f
    }

    /// Forgets every result (a new dataset).
    pub fn clear(&mut self) {
        self.results.clear();
    }
}

/// Whether every text matching all of `narrow` also matches all of `wide`: each term of `wide`
/// has a term in `narrow` whose every alternative contains one of its alternatives.
fn implies(narrow: &[Vec<String>], wide: &[Vec<String>]) -> bool {
    wide.iter().all(|w| {
        narrow
            .iter()
            .any(|n| n.iter().all(|a| w.iter().any(|b| a.contains(b.as_str()))))
    })
}

fn filter(
    ds: &Dataset,
    index: &Index,
    q: &Query,
    candidates: impl Iterator<Item = usize>,
) -> Filtered {
    let terms = index.terms(ds, &q.q);
    let base = |e: &Event, i: usize| -> bool {
        let year = e.date.year();
        let end_year = e.end.map(|d| d.year()).unwrap_or(year);
        q.from.is_none_or(|f| end_year >= f)
            && q.to.is_none_or(|t| year <= t)
            && q.person.as_ref().is_none_or(|p| {
                e.participants.contains(p) || e.quotes.iter().any(|x| x.speaker.as_ref() == Some(p))
            })
            && q.topic.as_ref().is_none_or(|t| e.topics.contains(t))
            && index.matches(ds, i, &terms)
    };
    let mut visible = Vec::new();
    let mut matched = Vec::new();
    let mut counts = [0usize; 6];
    for i in candidates {
        let Some(e) = ds.events.get(i) else { continue };
        if !base(e, i) {
            continue;
        }
        matched.push(i);
        if let Some(k) = Kind::ALL.iter().position(|k| *k == e.kind) {
            counts[k] += 1;
        }
        if q.kinds.is_empty() || q.kinds.contains(&e.kind) {
            visible.push(i);
        }
    }
    Filtered {
        visible,
        kind_counts: Kind::ALL.iter().copied().zip(counts).collect(),
        query: q.clone(),
        matched,
    }
}

/// Events closest to an unknown id, by shared words of the id and title; at most `n`.
pub fn suggest(ds: &Dataset, wanted: &str, n: usize) -> Vec<usize> {
    let words: Vec<String> = fold(wanted)
        .split([' ', '-'])
        .filter(|w| w.len() > 1)
        .map(str::to_string)
        .collect();
    let mut scored: Vec<(usize, usize)> = ds
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let hay = format!("{} {}", fold(&e.id), fold(&e.title));
            let score = words.iter().filter(|w| hay.contains(w.as_str())).count();
            (score, i)
        })
        .filter(|(s, _)| *s > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(n).map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_match_whole_words_and_typing_matches_prefixes() {
        let json = r#"{"sources":[{"id":"s","title":"t","url":"https://x.org"}],
            "topics":[{"id":"k","name":"Karabakh conflict","variants":["war","Garabagh"]}],
            "people":[{"id":"l","name":"Alexander Lukashenko","variants":["Lukashenka"]}],
            "events":[
              {"id":"a","kind":"call","title":"Warm relations","date":"2021","sources":["s"]},
              {"id":"b","kind":"call","title":"After the war","date":"2021","sources":["s"]},
              {"id":"c","kind":"call","title":"Talks","date":"2021","sources":["s"],"participants":["l"]}]}"#;
        let ds = crate::dataset::load_str(json, None).expect("loads").dataset;
        let idx = Index::build(&ds);
        let hits = |q: &str| -> Vec<String> {
            let t = idx.terms(&ds, q);
            (0..ds.events.len())
                .filter(|&i| idx.matches(&ds, i, &t))
                .map(|i| ds.events[i].id.clone())
                .collect()
        };
        assert_eq!(hits("garabagh"), vec!["b"]);
        assert_eq!(hits("Lukashenka"), vec!["c"]);
        assert_eq!(hits("Luka"), vec!["c"]);
        assert_eq!(hits("war"), vec!["a", "b"]);
    }

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(fold("SİA — Lukashenka’s Gəncə!"), "sia lukashenka s gence");
        assert_eq!(fold("«Грузия» ΑΒΓ"), "грузия αβγ");
        assert_eq!(fold("  Nagorno-Karabakh "), "nagorno karabakh");
        assert_eq!(fold("Ülkə"), "ulke");
    }

    #[test]
    fn the_index_is_built_by_the_first_search_with_words_and_finds_the_same() {
        let ds = crate::dataset::load_str(crate::embedded::JSON, None)
            .expect("seed")
            .dataset;
        let lazy = Index::default();
        let all = apply(&ds, &lazy, &Query::default());
        assert_eq!(all.visible.len(), ds.events.len());
        assert!(lazy.built.get().is_none(), "no words, no index");
        let q = Query {
            q: "Lukashenka Baku".into(),
            ..Query::default()
        };
        let found = apply(&ds, &lazy, &q);
        assert!(lazy.built.get().is_some());
        assert!(!found.visible.is_empty());
        assert_eq!(found, apply(&ds, &Index::build(&ds), &q));
    }
}
