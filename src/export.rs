//! Getting data out: the current view as CSV (RFC 4180), as JSON in the dataset schema (it
//! re-validates with our own validator), and as an iCalendar file (RFC 5545: escaping, line
//! folding at 75 octets, all-day dates, stable UIDs). Pure; hand-written after weighing the
//! `csv` and `icalendar` crates against their bytes in the wasm bundle (both formats are small).

use std::fmt::Write;

use crate::dataset::raw::{
    RawDataset, RawDocument, RawEntity, RawEvent, RawFigure, RawPlan, RawQuote, RawSource,
};
use crate::model::date::{civil_from_days, human_range};
use crate::model::{Dataset, DateBasis, EntityKind, Event, Measure, PlanKind, Quote, SourceRef};

/// One CSV field, quoted when it holds a comma, quote, or line break; formula-like leading
/// characters are neutralised so a spreadsheet never evaluates dataset text.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The events at `positions` as CSV with a header row, CRLF line ends.
pub fn csv(ds: &Dataset, positions: &[usize]) -> String {
    let mut out = String::from("id,kind,date,end_date,precision,date_basis,date_reason,title,summary,place,participants,topics,sources,quotes\r\n");
    for e in positions.iter().filter_map(|&p| ds.events.get(p)) {
        let reason = match &e.basis {
            DateBasis::Inferred { reason } => reason.as_str(),
            DateBasis::Stated => "",
        };
        let names = |kind: EntityKind, ids: &[String]| -> String {
            ids.iter()
                .map(|i| ds.name_of(kind, i))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let sources = ds.source_names(e);
        let quotes: Vec<String> = e.quotes.iter().map(|q| q.text.clone()).collect();
        let fields = [
            e.id.clone(),
            e.kind.slug().to_string(),
            e.date.iso(),
            e.end.map(|d| d.iso()).unwrap_or_default(),
            e.date.precision().slug().to_string(),
            if e.basis.is_inferred() {
                "inferred"
            } else {
                "stated"
            }
            .to_string(),
            reason.to_string(),
            e.title.clone(),
            e.summary.clone(),
            e.place
                .as_deref()
                .map(|p| ds.name_of(EntityKind::Place, p))
                .unwrap_or_default(),
            names(EntityKind::Person, &e.participants),
            names(EntityKind::Topic, &e.topics),
            sources.join("; "),
            quotes.join(" | "),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn raw_quote(q: &Quote) -> RawQuote {
    RawQuote {
        source: q.source.clone(),
        text: q.text.clone(),
        speaker: q.speaker.clone(),
    }
}

/// The events at `positions` as a dataset in the schema, with every source, entity, figure and
/// discrepancy they need (references to events outside the view are dropped).
pub fn to_raw(ds: &Dataset, positions: &[usize]) -> RawDataset {
    let events: Vec<&Event> = positions.iter().filter_map(|&p| ds.events.get(p)).collect();
    let ids: std::collections::HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let mut raw = RawDataset {
        schema_version: Some(1),
        title: Some(ds.title.clone()),
        ..RawDataset::default()
    };
    for s in &ds.sources {
        let (file, url) = match &s.reference {
            SourceRef::Seed { file } => (Some(file.clone()), None),
            SourceRef::Web { url } => (None, Some(url.clone())),
        };
        raw.sources.push(RawSource {
            id: s.id.clone(),
            file,
            outlet: s.outlet.clone(),
            title: s.title.clone(),
            url,
        });
    }
    for en in &ds.entities {
        let entity = RawEntity {
            id: en.id.clone(),
            name: en.name.clone(),
            variants: en.variants.clone(),
            role: en.role.clone(),
            description: en.description.clone(),
        };
        match en.kind {
            EntityKind::Person => raw.people.push(entity),
            EntityKind::Place => raw.places.push(entity),
            EntityKind::Topic => raw.topics.push(entity),
            EntityKind::Document => raw.documents.push(RawDocument {
                id: en.id.clone(),
                title: en.name.clone(),
                kind: en.role.clone().unwrap_or_else(|| "other".into()),
                description: en.description.clone(),
            }),
        }
    }
    let keep = |list: &[String]| -> Vec<String> {
        list.iter()
            .filter(|r| ids.contains(r.as_str()))
            .cloned()
            .collect()
    };
    for e in &events {
        let (basis, reason) = match &e.basis {
            DateBasis::Stated => ("stated", None),
            DateBasis::Inferred { reason } => ("inferred", Some(reason.clone())),
        };
        raw.events.push(RawEvent {
            id: e.id.clone(),
            kind: e.kind.slug().into(),
            title: e.title.clone(),
            summary: e.summary.clone(),
            date: e.date.iso(),
            end_date: e.end.map(|d| d.iso()),
            precision: Some(e.date.precision().slug().into()),
            date_basis: Some(basis.into()),
            date_reason: reason,
            participants: e.participants.clone(),
            place: e.place.clone(),
            topics: e.topics.clone(),
            part_of: e.part_of.clone().filter(|p| ids.contains(p.as_str())),
            documents: e.documents.clone(),
            related: keep(&e.related),
            same_occasion_as: keep(&e.same_occasion_as),
            sources: e.sources.clone(),
            quotes: e.quotes.iter().map(raw_quote).collect(),
            plans: e
                .plans
                .iter()
                .map(|p| RawPlan {
                    kind: match p.kind {
                        PlanKind::Plan => "plan",
                        PlanKind::Offer => "offer",
                        PlanKind::Agreement => "agreement",
                    }
                    .into(),
                    text: p.text.clone(),
                    by: p.by.clone(),
                    quote: p.quote.as_ref().map(raw_quote),
                })
                .collect(),
        });
    }
    for f in &ds.figures {
        let (basis, reason) = match &f.basis {
            DateBasis::Stated => ("stated", None),
            DateBasis::Inferred { reason } => ("inferred", Some(reason.clone())),
        };
        raw.figures.push(RawFigure {
            id: f.id.clone(),
            label: f.label.clone(),
            measure: match f.measure {
                Measure::Total => "total",
                Measure::BelarusToAzerbaijan => "belarus-to-azerbaijan",
                Measure::AzerbaijanToBelarus => "azerbaijan-to-belarus",
                Measure::Other => "other",
            }
            .into(),
            period: f.period.iso(),
            period_basis: Some(basis.into()),
            period_reason: reason,
            value_musd: f.value_musd,
            approximate: f.approximate,
            event: f.event.clone().filter(|e| ids.contains(e.as_str())),
            quote: raw_quote(&f.quote),
        });
    }
    for d in &ds.discrepancies {
        raw.discrepancies.push(crate::dataset::raw::RawDiscrepancy {
            id: d.id.clone(),
            title: d.title.clone(),
            figures: d.figures.clone(),
            explanation: d.explanation.clone(),
        });
    }
    raw
}

/// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks.
pub fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 sequence), CRLF-terminated.
pub fn ics_fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

fn ics_date(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}{m:02}{d:02}")
}

/// The events at `positions` as an iCalendar file. Every event is all-day (the sources give
/// dates, not times), spanning its whole precision; UIDs are `<id>@<uid_domain>`.
pub fn ics(
    ds: &Dataset,
    positions: &[usize],
    permalink: impl Fn(&str) -> String,
    uid_domain: &str,
) -> String {
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//az-by-timeline//Azerbaijan-Belarus timeline//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        out.push_str(&ics_fold(l));
    }
    out.push_str(&ics_fold(&format!("X-WR-CALNAME:{}", ics_text(&ds.title))));
    for e in positions.iter().filter_map(|&p| ds.events.get(p)) {
        let start = e.date.first_day();
        let end = e.end.unwrap_or(e.date).last_day() + 1;
        let mut desc = String::new();
        let _ = write!(
            desc,
            "{} ({}{}).\n{}",
            e.kind.label(),
            human_range(&e.date, e.end.as_ref()),
            if e.basis.is_inferred() {
                ", date inferred"
            } else {
                ""
            },
            e.summary
        );
        if let DateBasis::Inferred { reason } = &e.basis {
            let _ = write!(desc, "\nWhy the date is inferred: {reason}");
        }
        for s in e.sources.iter().filter_map(|s| ds.source(s)) {
            let _ = write!(desc, "\nSource: {}", s.display());
        }
        let url = permalink(&e.id);
        for l in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}@{}", e.id, uid_domain),
            "DTSTAMP:20260101T000000Z".to_string(),
            format!("DTSTART;VALUE=DATE:{}", ics_date(start)),
            format!("DTEND;VALUE=DATE:{}", ics_date(end)),
            format!("SUMMARY:{}", ics_text(&e.title)),
            format!("DESCRIPTION:{}", ics_text(&desc)),
            format!("CATEGORIES:{}", ics_text(e.kind.label())),
        ] {
            out.push_str(&ics_fold(&l));
        }
        if let Some(p) = &e.place {
            out.push_str(&ics_fold(&format!(
                "LOCATION:{}",
                ics_text(&ds.name_of(EntityKind::Place, p))
            )));
        }
        out.push_str(&ics_fold(&format!("URL:{url}")));
        out.push_str(&ics_fold("END:VEVENT"));
    }
    out.push_str(&ics_fold("END:VCALENDAR"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_neutralises() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }

    #[test]
    fn ics_escapes_and_folds() {
        assert_eq!(ics_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let long = format!("SUMMARY:{}", "\u{0259}".repeat(60));
        let folded = ics_fold(&long);
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), long);
    }
}
