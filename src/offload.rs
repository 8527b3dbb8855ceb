//! Work the app hands to the loader worker (`src/bin/loader.rs`) so that its code is not in the
//! app's first load: the exports (CSV, dataset JSON, iCalendar) and the pages other than the
//! timeline (entity, trade figures, sources and method). A request is one text: a verb, the
//! context the answer depends on, and the dataset in its compact form (`dataset::codec`, which
//! the app already holds); `answer` turns it into the file or the page's HTML. Pure, so the
//! worker's whole job is tested natively.

use crate::dataset::codec;
use crate::html::{self, Links};
use crate::route::{self, Page, Query, Route};

/// What to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Csv,
    Json,
    Ics,
    /// The HTML of the page that `path` names (an entity, trade or about page).
    Page,
}

impl Verb {
    fn name(self) -> &'static str {
        match self {
            Verb::Csv => "csv",
            Verb::Json => "json",
            Verb::Ics => "ics",
            Verb::Page => "page",
        }
    }

    fn parse(s: &str) -> Option<Verb> {
        [Verb::Csv, Verb::Json, Verb::Ics, Verb::Page]
            .into_iter()
            .find(|v| v.name() == s)
    }
}

/// A request with everything its answer depends on, apart from the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub verb: Verb,
    /// Positions of the events to export, in order (ignored by `Page`).
    pub positions: Vec<usize>,
    /// The site's origin, for absolute links (`https://example.org`).
    pub site: String,
    /// The base path, ending in `/`.
    pub base: String,
    /// The location's path and search: the page to render, and the query its links keep.
    pub path: String,
    pub search: String,
    /// The host that iCalendar UIDs are scoped to.
    pub host: String,
    /// Where the dataset came from ("the embedded dataset", a file name, a URL).
    pub origin: String,
}

/// The number of lines before the compact form in a request.
const FIELDS: usize = 8;

impl Request {
    /// The request as one text, with the dataset's compact form last.
    pub fn encode(&self, coded: &str) -> String {
        let positions: Vec<String> = self.positions.iter().map(usize::to_string).collect();
        // Line breaks cannot occur in a URL's parts or a host; in a file name they are dropped.
        let line = |s: &str| s.replace(['\n', '\r'], " ");
        [
            self.verb.name().to_string(),
            positions.join(","),
            line(&self.site),
            line(&self.base),
            line(&self.path),
            line(&self.search),
            line(&self.host),
            line(&self.origin),
            coded.to_string(),
        ]
        .join("\n")
    }

    /// Splits a request text into the request and the compact form; `None` if it is damaged.
    pub fn decode(text: &str) -> Option<(Request, &str)> {
        let mut parts = text.splitn(FIELDS + 1, '\n');
        let mut next = || parts.next();
        let verb = Verb::parse(next()?)?;
        let positions = next()?
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| p.parse().ok())
            .collect::<Option<Vec<usize>>>()?;
        let mut field = || next().map(str::to_string);
        let request = Request {
            verb,
            positions,
            site: field()?,
            base: field()?,
            path: field()?,
            search: field()?,
            host: field()?,
            origin: field()?,
        };
        Some((request, parts.next()?))
    }
}

/// The answer to a request text: the exported file or the page's HTML; empty if the request or
/// its dataset is damaged (the app then says the export or the page failed).
pub fn answer(text: &str) -> String {
    let Some((req, coded)) = Request::decode(text) else {
        return String::new();
    };
    let Ok(loaded) = codec::decode_load(coded) else {
        return String::new();
    };
    let ds = &loaded.dataset;
    let positions: Vec<usize> = req
        .positions
        .iter()
        .copied()
        .filter(|&p| p < ds.events.len())
        .collect();
    let route = Route::parse(&req.base, &req.path, &req.search);
    match req.verb {
        Verb::Csv => crate::export::csv(ds, &positions),
        Verb::Json => crate::dataset::to_json(&crate::export::to_raw(ds, &positions)),
        Verb::Ics => {
            // Event links keep only the dataset they come from, like a card's permalink.
            let keep = Query {
                data: route.query.data.clone(),
                ..Query::default()
            };
            let link =
                |id: &str| route::absolute(&req.site, &route::event_href(&req.base, id, &keep));
            crate::export::ics(ds, &positions, link, &req.host)
        }
        Verb::Page => {
            let links = Links {
                base: &req.base,
                query: &route.query,
            };
            match &route.page {
                Page::Entity(kind, id) => html::entity_page(ds, *kind, id, &req.origin, links),
                Page::Trade => html::trade_page(ds, links),
                Page::About => html::about_page(ds, &req.base),
                _ => String::new(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(verb: Verb, path: &str, search: &str) -> Request {
        Request {
            verb,
            positions: vec![0, 1],
            site: "https://example.org".into(),
            base: "/tl/".into(),
            path: path.into(),
            search: search.into(),
            host: "example.org".into(),
            origin: "the file \u{201c}a\nb.json\u{201d}".into(),
        }
    }

    #[test]
    fn requests_round_trip_with_the_compact_form_last() {
        let coded = "3:a\nb1:x";
        let r = request(Verb::Ics, "/tl/", "?kind=visit&data=%2Fd.json");
        let text = r.encode(coded);
        let (back, rest) = Request::decode(&text).expect("decodes");
        assert_eq!(rest, coded);
        assert_eq!(back.origin, "the file \u{201c}a b.json\u{201d}");
        assert_eq!(
            back,
            Request {
                origin: back.origin.clone(),
                ..r
            }
        );
    }

    #[test]
    fn answers_are_what_the_pure_functions_make_of_the_embedded_dataset() {
        let coded = crate::embedded::CODED;
        let ds = crate::embedded::loaded().expect("embedded loads").dataset;
        let answer_to = |r: &Request| answer(&r.encode(coded));
        let csv = answer_to(&request(Verb::Csv, "/tl/", ""));
        assert_eq!(csv, crate::export::csv(&ds, &[0, 1]));
        assert_eq!(csv.lines().count(), 3, "a header and two rows");
        let json = answer_to(&request(Verb::Json, "/tl/", ""));
        assert!(json.contains(&format!("\"{}\"", ds.events[1].id)));
        let ics = answer_to(&request(Verb::Ics, "/tl/", "?kind=visit&data=%2Fd.json"));
        let link = format!(
            "https://example.org/tl/events/{}?data=%2Fd.json",
            ds.events[0].id
        );
        assert!(ics.replace("\r\n ", "").contains(&link), "{ics}");
        assert!(
            !ics.contains("kind=visit"),
            "event links keep only the dataset"
        );
        let query = Query::parse("?kind=visit");
        let links = Links {
            base: "/tl/",
            query: &query,
        };
        assert_eq!(
            answer_to(&request(Verb::Page, "/tl/trade", "?kind=visit")),
            html::trade_page(&ds, links)
        );
        let person = ds
            .entities
            .iter()
            .find(|e| e.kind == crate::model::EntityKind::Person)
            .expect("a person");
        let page = answer_to(&request(
            Verb::Page,
            &format!("/tl/people/{}", person.id),
            "",
        ));
        assert!(page.contains(&html::esc(&person.name)), "{page}");
        assert_eq!(
            answer_to(&request(Verb::Page, "/tl/", "")),
            "",
            "not a page it renders"
        );
    }

    #[test]
    fn damaged_requests_answer_nothing() {
        for text in [
            "",
            "csv",
            "csv\n1,x\n\n\n\n\n\n\n",
            "pdf\n\n\n\n\n\n\n\n",
            "csv\n\n\n\n\n\n\n\nnot a stream",
        ] {
            assert_eq!(answer(text), "", "{text:?}");
        }
    }
}
