//! The embedded seed dataset: it validates with no problem, every quote is found in its article
//! (when `../shared/seeds/` is beside the project), and it says what the issues require of it.

use std::collections::HashMap;
use std::path::Path;

use az_by_timeline::dataset::{load_str, validate::normalize_quote, Loaded};
use az_by_timeline::embedded::JSON as EMBEDDED_JSON;
use az_by_timeline::model::{EntityKind, Kind, SourceRef};

fn seeds() -> Option<HashMap<String, String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let entries = std::fs::read_dir(&dir).ok()?;
    let mut map = HashMap::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Ok(text) = std::fs::read_to_string(e.path()) {
            map.insert(name, normalize_quote(&text));
        }
    }
    Some(map)
}

fn loaded() -> Loaded {
    match load_str(EMBEDDED_JSON, None) {
        Ok(l) => l,
        Err(e) => panic!("the embedded dataset does not load: {e}\n{:#?}", e.problems),
    }
}

#[test]
fn validates_without_any_problem() {
    let l = loaded();
    let listed: Vec<String> = l.problems.iter().map(|p| p.to_string()).collect();
    assert!(listed.is_empty(), "problems:\n{}", listed.join("\n"));
    assert_eq!(l.rejected, 0);
}

#[test]
fn every_quote_is_found_in_its_article() {
    let Some(texts) = seeds() else {
        eprintln!(
            "SKIPPED: ../shared/seeds/ is not beside the project, so quotes cannot be checked"
        );
        return;
    };
    let l = match load_str(EMBEDDED_JSON, Some(&texts)) {
        Ok(l) => l,
        Err(e) => panic!("{e}\n{:#?}", e.problems),
    };
    let listed: Vec<String> = l.problems.iter().map(|p| p.to_string()).collect();
    assert!(listed.is_empty(), "quote problems:\n{}", listed.join("\n"));
}

#[test]
fn cites_all_five_articles_and_only_them() {
    let ds = loaded().dataset;
    let mut files: Vec<&str> = ds
        .sources
        .iter()
        .filter_map(|s| match &s.reference {
            SourceRef::Seed { file } => Some(file.as_str()),
            SourceRef::Web { .. } => None,
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "{files:?}");
    for s in &ds.sources {
        assert!(
            ds.events.iter().any(|e| e.sources.contains(&s.id)),
            "source {} is cited by no event",
            s.id
        );
    }
}

#[test]
fn inferred_dates_carry_reasons_and_years_are_not_invented() {
    let ds = loaded().dataset;
    let inferred = ds.events.iter().filter(|e| e.basis.is_inferred()).count();
    // Four of the five articles give no year: most events must be inferred.
    assert!(
        inferred * 2 > ds.events.len(),
        "{inferred} of {}",
        ds.events.len()
    );
}

#[test]
fn has_every_kind_of_record_the_sources_report() {
    let ds = loaded().dataset;
    let count = |k: Kind| ds.events.iter().filter(|e| e.kind == k).count();
    assert!(count(Kind::Visit) >= 2);
    assert!(count(Kind::Call) >= 1);
    assert!(count(Kind::Context) >= 2);
    // Six documents in article 003 plus the memoranda of article 001, each its own signing.
    assert!(count(Kind::Signing) >= 6, "{}", count(Kind::Signing));
    for e in ds.events.iter().filter(|e| e.kind == Kind::Signing) {
        assert_eq!(e.documents.len(), 1, "{} signs one document", e.id);
        assert!(e.part_of.is_some(), "{} belongs to a visit", e.id);
    }
    assert!(ds.events.iter().any(|e| !e.plans.is_empty()));
}

#[test]
fn trade_disagreement_is_recorded_with_both_values() {
    let ds = loaded().dataset;
    let values: Vec<f64> = ds.figures.iter().filter_map(|f| f.value_musd).collect();
    assert!(
        values.contains(&48.0) && values.contains(&500.0),
        "{values:?}"
    );
    let gap = ds
        .discrepancies
        .iter()
        .find(|d| {
            let vals: Vec<f64> = d
                .figures
                .iter()
                .filter_map(|id| ds.figures.iter().find(|f| &f.id == id))
                .filter_map(|f| f.value_musd)
                .collect();
            vals.contains(&48.0) && vals.contains(&500.0)
        })
        .expect("a discrepancy between 48 million and half a billion");
    let sources: std::collections::HashSet<&str> = gap
        .figures
        .iter()
        .filter_map(|id| ds.figures.iter().find(|f| &f.id == id))
        .map(|f| f.quote.source.as_str())
        .collect();
    assert!(sources.len() >= 2, "both sources cited");
}

#[test]
fn name_variants_are_recorded() {
    let ds = loaded().dataset;
    let all_names: Vec<String> = ds
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::Document)
        .flat_map(|e| std::iter::once(e.name.clone()).chain(e.variants.iter().cloned()))
        .collect();
    for n in [
        "Lukashenka",
        "Aleksandr Lukashenko",
        "Ilham Heydarovich",
        "Garabagh",
        "Nagorno-Karabakh",
    ] {
        assert!(all_names.iter().any(|x| x == n), "variant {n} missing");
    }
}

#[test]
fn the_json_schema_describes_every_field_the_app_reads() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/schema/dataset.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema file")).expect("JSON");
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        k.sort();
        k
    };
    // A fully populated raw event, serialised, has exactly the schema's event properties.
    let raw: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).expect("dataset");
    let mut all: Vec<String> = raw["events"]
        .as_array()
        .expect("events")
        .iter()
        .flat_map(&keys)
        .collect();
    all.sort();
    all.dedup();
    let schema_keys = keys(&schema["properties"]["events"]["items"]["properties"]);
    for k in &all {
        assert!(
            schema_keys.contains(k),
            "event field {k} missing from the schema"
        );
    }
    let mut top = keys(&raw);
    top.push("schema_version".into());
    top.sort();
    top.dedup();
    assert_eq!(keys(&schema["properties"]), top);
}

#[test]
fn the_app_embeds_the_build_time_validation_of_the_dataset_unchanged() {
    // build.rs validated and encoded the file; the app decodes that instead of parsing JSON.
    let built = az_by_timeline::embedded::loaded().expect("the compact form decodes");
    let fresh = load_str(EMBEDDED_JSON, None).expect("the JSON loads");
    assert_eq!(built.dataset, fresh.dataset);
    assert_eq!(built.problems, fresh.problems);
    assert_eq!(
        (built.rejected, built.declared),
        (fresh.rejected, fresh.declared)
    );
}

#[test]
fn a_visit_lists_its_parts_in_date_order() {
    let ds = loaded().dataset;
    let mut visits_with_parts = 0;
    for e in &ds.events {
        let parts: Vec<&str> = ds.parts_of(&e.id).map(|p| p.id.as_str()).collect();
        let scanned: Vec<&str> = ds
            .events
            .iter()
            .filter(|p| p.part_of.as_deref() == Some(e.id.as_str()))
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(parts, scanned, "the parts of {}", e.id);
        visits_with_parts += usize::from(!parts.is_empty());
    }
    assert!(visits_with_parts > 0, "some visit has parts");
    assert_eq!(ds.parts_of("no-such-event").count(), 0);
}
