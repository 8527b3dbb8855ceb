//! Property tests (proptest, stable Rust, part of the normal run): the validator and the URL
//! parser never panic, whatever they are given, and routes round-trip through their URLs.
#![cfg(not(target_arch = "wasm32"))]

use az_by_timeline::dataset::load_str;
use az_by_timeline::model::{EntityKind, Kind};
use az_by_timeline::route::{Page, Query, Route};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Arbitrary JSON values, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        prop_oneof![
            Just("2021-02-30"),
            Just("2021-04-14"),
            Just("2021"),
            Just("visit"),
            Just("e1")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("id".to_string()),
                    Just("kind".to_string()),
                    Just("title".to_string()),
                    Just("date".to_string()),
                    Just("end_date".to_string()),
                    Just("sources".to_string()),
                    Just("related".to_string()),
                    Just("part_of".to_string()),
                    Just("quotes".to_string()),
                    "[a-z_]{1,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn validator_never_panics_on_any_json(v in any_json()) {
        let _ = load_str(&v.to_string(), None);
    }

    #[test]
    fn validator_never_panics_on_event_lists(events in prop::collection::vec(any_json(), 0..8)) {
        let doc = json!({"sources": [{"id": "e1", "title": "t", "url": "https://x.org"}], "events": events});
        if let Ok(l) = load_str(&doc.to_string(), None) {
            // Whatever loaded is consistent: every reference resolves.
            for e in &l.dataset.events {
                for r in e.related.iter().chain(e.same_occasion_as.iter()) {
                    prop_assert!(l.dataset.event(r).is_some());
                }
            }
            prop_assert_eq!(l.dataset.events.len() + l.rejected, l.declared);
        }
    }

    #[test]
    fn validator_never_panics_on_any_text(s in ".{0,200}") {
        let _ = load_str(&s, None);
    }

    #[test]
    fn compact_form_round_trips_and_damage_never_panics(
        events in prop::collection::vec(any_json(), 0..8),
        cut in any::<prop::sample::Index>(),
        byte in any::<prop::sample::Index>(),
        with in any::<u8>(),
    ) {
        use az_by_timeline::dataset::codec;
        let doc = json!({"sources": [{"id": "e1", "title": "t", "url": "https://x.org"}], "events": events});
        let loaded = load_str(&doc.to_string(), None);
        let text = codec::encode(&loaded);
        match (codec::decode(&text), &loaded) {
            (Ok(Ok(a)), Ok(b)) => {
                prop_assert_eq!(&a.dataset, &b.dataset);
                prop_assert_eq!(&a.problems, &b.problems);
            }
            (Ok(Err(a)), Err(b)) => prop_assert_eq!(&a, b),
            (other, _) => prop_assert!(false, "did not round-trip: {:?}", other.err()),
        }
        // Truncated or with one byte changed, it decodes to something or names the damage.
        let _ = codec::decode(&text[..text.floor_char_boundary(cut.index(text.len() + 1))]);
        let mut bytes = text.into_bytes();
        if !bytes.is_empty() {
            let i = byte.index(bytes.len());
            bytes[i] = with;
        }
        let _ = codec::decode(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn url_parser_never_panics(path in "/?[ -~]{0,80}", search in "[ -~]{0,80}", base in prop_oneof![Just("/"), Just("/sub/path/")]) {
        let r = Route::parse(base, &path, &search);
        // Parsing the canonical form of what was parsed gives the same route.
        if !matches!(r.page, Page::NotFound(_)) {
            let href = r.href(base);
            let (p, q) = href.split_once('?').unwrap_or((&href, ""));
            prop_assert_eq!(Route::parse(base, p, q), r);
        }
    }

    #[test]
    fn routes_round_trip(
        id in "[a-z0-9][a-z0-9._-]{0,30}",
        q in ".{0,30}",
        kinds in prop::collection::vec(0usize..6, 0..4),
        from in prop::option::of(1i32..3000),
        which in 0usize..4,
    ) {
        let mut kinds: Vec<Kind> = kinds.into_iter().map(|i| Kind::ALL[i]).collect();
        kinds.sort();
        kinds.dedup();
        if kinds.len() == Kind::ALL.len() { kinds.clear(); }
        let query = Query { kinds, q: q.trim().to_string(), from, ..Query::default() };
        let page = match which {
            0 => Page::Event(id),
            1 => Page::Entity(EntityKind::Person, id),
            2 => Page::Timeline,
            _ => Page::Trade,
        };
        let r = Route::new(page, query);
        let href = r.href("/b/");
        let (p, s) = href.split_once('?').unwrap_or((&href, ""));
        prop_assert_eq!(Route::parse("/b/", p, s), r);
    }
}

/// The seed dataset and its search index.
fn seed_with_index() -> (
    az_by_timeline::model::Dataset,
    az_by_timeline::search::Index,
) {
    let ds = load_str(az_by_timeline::embedded::JSON, None)
        .expect("seed")
        .dataset;
    let index = az_by_timeline::search::Index::build(&ds);
    (ds, index)
}

/// A query that only searches for `text`.
fn q(text: &str) -> Query {
    Query {
        q: text.to_string(),
        ..Query::default()
    }
}

/// Search text made of words from the seed dataset (names with variants among them), cut at
/// random places, with stray letters and spaces.
fn search_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("lukashenko"),
        Just("lukashenka"),
        Just("aliyev"),
        Just("baku"),
        Just("minsk"),
        Just("karabakh"),
        Just("nagorno karabakh"),
        Just("garabagh"),
        Just("visit"),
        Just("protocol"),
        Just("trade"),
        Just("a"),
        Just(" "),
    ];
    prop::collection::vec((word, 1usize..12), 0..4).prop_map(|ws| {
        ws.into_iter()
            .map(|(w, cut)| w.chars().take(cut).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Typing on (or deleting, or changing filters) after any query gives exactly what a fresh
    /// search gives: `refine` never drops or adds an event.
    #[test]
    fn refining_a_search_equals_searching_afresh(
        q1 in search_text(),
        extra in search_text(),
        shrink in 0usize..6,
        kinds in prop::collection::vec(0usize..6, 0..3),
        from in prop::option::of(1990i32..2025),
    ) {
        use az_by_timeline::search::{apply, refine};
        let (ds, index) = seed_with_index();
        let first = q(&q1);
        let prev = apply(&ds, &index, &first);
        let longer: String = format!("{q1}{extra}");
        let shorter: String = q1.chars().take(q1.chars().count().saturating_sub(shrink)).collect();
        for text in [longer, shorter] {
            let mut q = Query { q: text, from, ..Query::default() };
            q.kinds = kinds.iter().map(|&k| Kind::ALL[k]).collect();
            let fresh = apply(&ds, &index, &q);
            let refined = refine(&ds, &index, &q, &prev).unwrap_or_else(|| apply(&ds, &index, &q));
            prop_assert_eq!(&refined.visible, &fresh.visible, "query {:?} after {:?}", q.q, q1);
            prop_assert_eq!(&refined.kind_counts, &fresh.kind_counts);
            // And refining again from the refined result still holds.
            let again = refine(&ds, &index, &q, &refined).unwrap_or_else(|| apply(&ds, &index, &q));
            prop_assert_eq!(&again.visible, &fresh.visible);
        }
    }
}

/// Typing on after a search is refined from it, not searched afresh; widening or changing a
/// filter is not.
#[test]
fn typing_on_refines_and_widening_does_not() {
    use az_by_timeline::search::{apply, refine};
    let (ds, index) = seed_with_index();
    let baku = apply(&ds, &index, &q("baku"));
    assert!(refine(&ds, &index, &q("baku v"), &baku).is_some());
    assert!(refine(&ds, &index, &q("lukashenk"), &apply(&ds, &index, &q("luk"))).is_some());
    assert!(refine(&ds, &index, &q("bak"), &baku).is_none());
    let mut later = q("baku v");
    later.from = Some(2021);
    assert!(refine(&ds, &index, &later, &baku).is_none());
}

/// Recent results: going back to a query reuses its result; every answer equals a fresh search.
#[test]
fn recent_results_are_reused_and_equal_a_fresh_search() {
    use az_by_timeline::search::{apply, Recent};
    let (ds, index) = seed_with_index();
    let mut recent = Recent::default();
    let first = recent.search(&ds, &index, &q("baku"));
    for text in [
        "baku v",
        "baku vi",
        "baku vis",
        "baku vi",
        "baku v",
        "lukashenka",
        "baku",
    ] {
        let got = recent.search(&ds, &index, &q(text));
        assert_eq!(got.visible, apply(&ds, &index, &q(text)).visible, "{text}");
    }
    let again = recent.search(&ds, &index, &q("baku"));
    assert!(
        std::sync::Arc::ptr_eq(&first, &again),
        "the result of \"baku\" is reused"
    );
    recent.clear();
    assert!(!std::sync::Arc::ptr_eq(
        &first,
        &recent.search(&ds, &index, &q("baku"))
    ));
}
