//! The validator on good and bad data: one test per rule, each checking the message names the
//! item, the field and the problem.

use az_by_timeline::dataset::{load_bytes, load_str, Problem};
use serde_json::{json, Value};

/// A small valid dataset to break one rule at a time.
fn good() -> Value {
    json!({
        "schema_version": 1,
        "title": "Test",
        "sources": [
            {"id": "web", "title": "A page", "url": "https://example.org/a"},
            {"id": "seed", "file": "000_x.txt", "outlet": "Trend"}
        ],
        "people": [{"id": "p1", "name": "Ilham Aliyev", "variants": ["Ilham Heydarovich"]}],
        "places": [{"id": "baku", "name": "Baku"}],
        "topics": [{"id": "trade", "name": "Trade"}],
        "documents": [{"id": "d1", "title": "Protocol on X", "kind": "protocol"}],
        "events": [
            {"id": "v", "kind": "visit", "title": "A visit", "date": "2021-04-13", "end_date": "2021-04-14",
             "precision": "day", "date_basis": "inferred", "date_reason": "No year in the dateline.",
             "participants": ["p1"], "place": "baku", "topics": ["trade"], "sources": ["web"]},
            {"id": "s", "kind": "signing", "title": "Signing", "date": "2021-04", "precision": "month",
             "part_of": "v", "documents": ["d1"], "related": ["c"], "sources": ["web"],
             "quotes": [{"source": "web", "text": "hello", "speaker": "p1"}],
             "plans": [{"kind": "offer", "text": "Help", "by": "p1"}]},
            {"id": "c", "kind": "call", "title": "A call", "date": "2021", "sources": ["web"]}
        ],
        "figures": [
            {"id": "f1", "label": "Turnover", "measure": "total", "period": "2020", "value_musd": 48.0,
             "quote": {"source": "web", "text": "48 million"}},
            {"id": "f2", "label": "Turnover", "measure": "total", "period": "2021", "value_musd": 500.0,
             "approximate": true, "quote": {"source": "web", "text": "half a billion"}}
        ],
        "discrepancies": [{"id": "g", "title": "Gap", "figures": ["f1", "f2"], "explanation": "Unexplained."}]
    })
}

/// Applies `edit` to the good dataset and returns the problems.
fn problems(edit: impl FnOnce(&mut Value)) -> (Vec<Problem>, usize) {
    let mut v = good();
    edit(&mut v);
    match load_str(&v.to_string(), None) {
        Ok(l) => (l.problems, l.dataset.events.len()),
        Err(e) => (e.problems, 0),
    }
}

/// Asserts exactly one problem with this item and field whose message contains `needle`.
fn check(edit: impl FnOnce(&mut Value), item: &str, field: &str, needle: &str) {
    let (ps, _) = problems(edit);
    assert!(
        ps.iter()
            .any(|p| p.item == item && p.field == field && p.message.contains(needle)),
        "wanted {item}: {field}: …{needle}…, got {ps:#?}"
    );
}

#[test]
fn good_data_loads_without_problems() {
    let (ps, n) = problems(|_| {});
    assert_eq!(ps, vec![]);
    assert_eq!(n, 3);
}

#[test]
fn ids_must_be_unique() {
    check(
        |v| v["events"][2]["id"] = json!("v"),
        "v",
        "id",
        "used by an earlier event",
    );
}

#[test]
fn ids_must_be_usable_in_urls() {
    check(
        |v| v["events"][2]["id"] = json!("Bad Id/<x>"),
        "events[2]",
        "id",
        "not a usable id",
    );
}

#[test]
fn dates_must_exist() {
    check(
        |v| v["events"][2]["date"] = json!("2021-02-30"),
        "c",
        "date",
        "only 28 days",
    );
    check(
        |v| v["events"][2]["date"] = json!("2021-13"),
        "c",
        "date",
        "month 13",
    );
    check(
        |v| v["events"][2]["date"] = json!("14 April"),
        "c",
        "date",
        "not a date",
    );
}

#[test]
fn precision_must_match_the_date() {
    check(
        |v| v["events"][2]["precision"] = json!("day"),
        "c",
        "precision",
        "given to the year",
    );
}

#[test]
fn end_date_must_not_precede_the_date() {
    check(
        |v| v["events"][0]["end_date"] = json!("2021-04-01"),
        "v",
        "end_date",
        "before the date",
    );
}

#[test]
fn inferred_dates_need_a_reason() {
    check(
        |v| v["events"][0]["date_reason"] = json!(" "),
        "v",
        "date_reason",
        "needs a reason",
    );
}

#[test]
fn kinds_are_a_closed_list() {
    check(
        |v| v["events"][2]["kind"] = json!("party"),
        "c",
        "kind",
        "not one of visit",
    );
}

#[test]
fn references_must_resolve() {
    check(
        |v| v["events"][0]["participants"] = json!(["nobody"]),
        "v",
        "participants",
        "not in the people list",
    );
    check(
        |v| v["events"][0]["place"] = json!("mars"),
        "v",
        "place",
        "not in the places list",
    );
    check(
        |v| v["events"][1]["documents"] = json!(["d9"]),
        "s",
        "documents",
        "not in the documents list",
    );
    check(
        |v| v["events"][1]["related"] = json!(["ghost"]),
        "s",
        "related",
        "does not exist",
    );
    check(
        |v| v["events"][1]["related"] = json!(["s"]),
        "s",
        "related",
        "refers to the event itself",
    );
}

#[test]
fn parts_belong_to_visits_and_cannot_cycle() {
    check(
        |v| v["events"][1]["part_of"] = json!("c"),
        "s",
        "part_of",
        "is not a visit",
    );
    check(
        |v| v["events"][0]["part_of"] = json!("s"),
        "v",
        "part_of",
        "cannot be part of another visit",
    );
}

#[test]
fn every_event_needs_a_source() {
    check(
        |v| v["events"][2]["sources"] = json!([]),
        "c",
        "sources",
        "at least one source",
    );
    check(
        |v| v["events"][2]["sources"] = json!(["nope"]),
        "c",
        "sources",
        "not in the sources list",
    );
}

#[test]
fn signings_name_their_document() {
    check(
        |v| v["events"][1]["documents"] = json!([]),
        "s",
        "documents",
        "must name the document",
    );
}

#[test]
fn web_sources_need_http_urls() {
    check(
        |v| v["sources"][0]["url"] = json!("javascript:alert(1)"),
        "sources/web",
        "url",
        "http:// or https://",
    );
}

#[test]
fn wrong_types_name_the_field() {
    check(
        |v| v["events"][2]["title"] = json!(5),
        "c",
        "title",
        "invalid type",
    );
    check(
        |v| v["events"][2]["colour"] = json!("red"),
        "c",
        "colour",
        "unknown field",
    );
}

#[test]
fn bad_events_are_rejected_and_the_rest_load() {
    let mut v = good();
    v["events"][2]["date"] = json!("2021-02-30");
    let l = load_str(&v.to_string(), None).expect("partial load");
    assert_eq!((l.dataset.events.len(), l.rejected, l.declared), (2, 1, 3));
    // The link from `s` to the rejected `c` is dropped, not left dangling.
    assert!(l.dataset.event("s").is_some_and(|e| e.related.is_empty()));
}

#[test]
fn every_problem_is_listed_at_once() {
    let (ps, n) = problems(|v| {
        v["events"][0]["date"] = json!("2021-02-30");
        v["events"][1]["kind"] = json!("x");
        v["events"][2]["sources"] = json!([]);
    });
    assert_eq!(n, 0);
    for (item, field) in [("v", "date"), ("s", "kind"), ("c", "sources")] {
        assert!(
            ps.iter().any(|p| p.item == item && p.field == field),
            "{item}.{field} missing: {ps:#?}"
        );
    }
}

#[test]
fn figures_and_discrepancies_are_checked() {
    check(
        |v| v["figures"][0]["measure"] = json!("mass"),
        "figures/f1",
        "measure",
        "must be total",
    );
    check(
        |v| v["discrepancies"][0]["figures"] = json!(["f1"]),
        "discrepancies/g",
        "figures",
        "at least two",
    );
}

#[test]
fn unusable_files_give_a_clear_error() {
    for (input, needle) in [
        (&b""[..], "empty"),
        (&b"{"[..], "not valid JSON"),
        (&b"[1,2]"[..], "not a dataset"),
        (&b"{\"title\": \"x\"}"[..], "no \"events\" list"),
        (&b"{\"events\": []}"[..], "No valid event"),
        (&b"\xff\xfe\x00"[..], "not valid UTF-8"),
    ] {
        match load_bytes(input, None) {
            Err(e) => assert!(e.message.contains(needle), "{e} should mention {needle}"),
            Ok(_) => panic!("{input:?} should not load"),
        }
    }
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(load_str(&deep, None).is_err());
}
