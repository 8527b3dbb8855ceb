//! The URL grammar: the one place where URLs are parsed and built. Pure and round-trip tested.
//!
//! ```text
//! <base>                      the timeline            ?kind=visit,call&q=…&from=2020&to=2024
//! <base>events/<id>           an event's card over the timeline (same query)  &person=…&topic=…
//! <base>people|places|topics|documents/<id>   an entity page                    &data=<url>
//! <base>trade                 the trade figures and their disagreements
//! <base>about                 sources, method and the dataset schema
//! ```

use crate::model::{EntityKind, Kind};

/// Which page a URL shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Timeline,
    Event(String),
    Entity(EntityKind, String),
    Trade,
    About,
    /// A path that is not in the grammar; holds the path as given.
    NotFound(String),
}

/// Filters and search: the shareable state of the timeline view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Kinds shown; empty means all.
    pub kinds: Vec<Kind>,
    /// Search text.
    pub q: String,
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub person: Option<String>,
    pub topic: Option<String>,
    /// A same-origin dataset URL to open instead of the embedded one.
    pub data: Option<String>,
}

/// A page and its query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub page: Page,
    pub query: Query,
}

/// The longest query value kept, in characters; longer ones are cut.
const MAX_VALUE: usize = 200;

impl Route {
    pub fn new(page: Page, query: Query) -> Route {
        Route { page, query }
    }

    /// Parses a location's path and search (with or without `?`) under `base` (which ends in `/`).
    pub fn parse(base: &str, path: &str, search: &str) -> Route {
        let query = Query::parse(search);
        let Some(rest) = path.strip_prefix(base).or_else(|| {
            // `/base` without its trailing slash is the base itself.
            (path == base.trim_end_matches('/')).then_some("")
        }) else {
            return Route::new(Page::NotFound(path.to_string()), query);
        };
        let segments: Vec<String> = rest
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect();
        let mut segs: Vec<&str> = segments.iter().map(String::as_str).collect();
        if segs.last() == Some(&"index.html") {
            segs.pop();
        }
        let page = match segs.as_slice() {
            [] => Page::Timeline,
            [one] if one.eq_ignore_ascii_case("trade") => Page::Trade,
            [one] if one.eq_ignore_ascii_case("about") => Page::About,
            [coll, id] => {
                let id = id.to_ascii_lowercase();
                match coll.to_ascii_lowercase().as_str() {
                    "events" | "event" => Page::Event(id),
                    "people" => Page::Entity(EntityKind::Person, id),
                    "places" => Page::Entity(EntityKind::Place, id),
                    "topics" => Page::Entity(EntityKind::Topic, id),
                    "documents" => Page::Entity(EntityKind::Document, id),
                    _ => Page::NotFound(path.to_string()),
                }
            }
            _ => Page::NotFound(path.to_string()),
        };
        Route::new(page, query)
    }

    /// The path and query of this route under `base`, percent-encoded.
    pub fn href(&self, base: &str) -> String {
        let path = match &self.page {
            Page::Timeline => String::new(),
            Page::Event(id) => format!("events/{}", percent_encode(id)),
            Page::Entity(kind, id) => format!("{}/{}", kind.segment(), percent_encode(id)),
            Page::Trade => "trade".into(),
            Page::About => "about".into(),
            Page::NotFound(p) => return p.clone(),
        };
        let q = self.query.to_search();
        if q.is_empty() {
            format!("{base}{path}")
        } else {
            format!("{base}{path}?{q}")
        }
    }

    /// The same query on another page.
    pub fn with_page(&self, page: Page) -> Route {
        Route::new(page, self.query.clone())
    }
}

/// Shortcut: the href of an event's card keeping the current query.
pub fn event_href(base: &str, id: &str, query: &Query) -> String {
    Route::new(Page::Event(id.to_string()), query.clone()).href(base)
}

/// The href of an entity page (entity pages carry only the dataset parameter).
pub fn entity_href(base: &str, kind: EntityKind, id: &str, query: &Query) -> String {
    let q = Query {
        data: query.data.clone(),
        ..Query::default()
    };
    Route::new(Page::Entity(kind, id.to_string()), q).href(base)
}

/// A page with only the dataset parameter kept.
pub fn page_href(base: &str, page: Page, query: &Query) -> String {
    let q = Query {
        data: query.data.clone(),
        ..Query::default()
    };
    Route::new(page, q).href(base)
}

/// An absolute URL for sharing: `site` (scheme and host, maybe a path) plus the route's href.
pub fn absolute(site: &str, href: &str) -> String {
    format!("{}{}", site.trim_end_matches('/'), href)
}

impl Query {
    /// Parses a search string. Unknown parameters are ignored, repeated ones merge (kinds) or
    /// the last wins, values are trimmed and cut to a sane length, and junk years are dropped.
    pub fn parse(search: &str) -> Query {
        let search = search.strip_prefix('?').unwrap_or(search);
        let mut q = Query::default();
        for (k, v) in form_urlencoded::parse(search.as_bytes()) {
            // Cut to length, then trim again: a cut can end on a space (found by fuzzing).
            let v: String = v.trim().chars().take(MAX_VALUE).collect();
            let v = v.trim_end().to_string();
            match k.as_ref() {
                "kind" => {
                    for part in v.split(',') {
                        if let Some(kind) = Kind::parse(part.trim().to_ascii_lowercase().as_str()) {
                            if !q.kinds.contains(&kind) {
                                q.kinds.push(kind);
                            }
                        }
                    }
                }
                "q" => q.q = v,
                "from" => q.from = parse_year(&v),
                "to" => q.to = parse_year(&v),
                "person" => q.person = non_empty(v.to_ascii_lowercase()),
                "topic" => q.topic = non_empty(v.to_ascii_lowercase()),
                "data" => q.data = non_empty(v),
                _ => {}
            }
        }
        q.kinds.sort();
        // Every kind selected is the same view as no kind filter (found by fuzzing).
        if q.kinds.len() == Kind::ALL.len() {
            q.kinds.clear();
        }
        if let (Some(f), Some(t)) = (q.from, q.to) {
            if f > t {
                q.from = Some(t);
                q.to = Some(f);
            }
        }
        q
    }

    /// The canonical search string, without `?`; empty for the default query.
    pub fn to_search(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if !self.kinds.is_empty() && self.kinds.len() < Kind::ALL.len() {
            let kinds: Vec<&str> = self.kinds.iter().map(|k| k.slug()).collect();
            s.append_pair("kind", &kinds.join(","));
        }
        if !self.q.is_empty() {
            s.append_pair("q", &self.q);
        }
        if let Some(f) = self.from {
            s.append_pair("from", &f.to_string());
        }
        if let Some(t) = self.to {
            s.append_pair("to", &t.to_string());
        }
        if let Some(p) = &self.person {
            s.append_pair("person", p);
        }
        if let Some(t) = &self.topic {
            s.append_pair("topic", t);
        }
        if let Some(d) = &self.data {
            s.append_pair("data", d);
        }
        s.finish()
    }

    /// Whether any filter or search narrows the view.
    pub fn is_filtered(&self) -> bool {
        !self.kinds.is_empty()
            || !self.q.is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || self.person.is_some()
            || self.topic.is_some()
    }

    /// The same query with filters and search cleared (the dataset is kept).
    pub fn cleared(&self) -> Query {
        Query {
            data: self.data.clone(),
            ..Query::default()
        }
    }
}

fn parse_year(v: &str) -> Option<i32> {
    v.parse::<i32>().ok().filter(|y| (1..=9999).contains(y))
}

fn non_empty(v: String) -> Option<String> {
    (!v.is_empty()).then_some(v)
}

/// Percent-encodes a path segment (everything but unreserved characters).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes in a path segment; invalid escapes and invalid UTF-8 are kept readable.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(path: &str, search: &str, page: Page) {
        assert_eq!(
            Route::parse("/", path, search).page,
            page,
            "{path}?{search}"
        );
    }

    #[test]
    fn parses_pages() {
        check("/", "", Page::Timeline);
        check("/index.html", "", Page::Timeline);
        check("/events/a-1", "", Page::Event("a-1".into()));
        check("/events/a-1/", "", Page::Event("a-1".into()));
        check("/events/a-1/index.html", "", Page::Event("a-1".into()));
        check("/EVENTS/A-1", "", Page::Event("a-1".into()));
        check(
            "/people/ilham-aliyev",
            "",
            Page::Entity(EntityKind::Person, "ilham-aliyev".into()),
        );
        check("/trade", "", Page::Trade);
        check("/about/", "", Page::About);
        check("/events/a%2Fb", "", Page::Event("a/b".into()));
        check("/events/a/b", "", Page::NotFound("/events/a/b".into()));
        check("/nope", "", Page::NotFound("/nope".into()));
        check("/events/%E2%9C%93", "", Page::Event("\u{2713}".into()));
        check("/events/%zz", "", Page::Event("%zz".into()));
        check("/events/%", "", Page::Event("%".into()));
    }

    #[test]
    fn respects_the_base() {
        let r = Route::parse("/sub/dir/", "/sub/dir/events/x", "");
        assert_eq!(r.page, Page::Event("x".into()));
        assert_eq!(
            Route::parse("/sub/dir/", "/sub/dir", "").page,
            Page::Timeline
        );
        assert_eq!(
            Route::parse("/sub/dir/", "/other/events/x", "").page,
            Page::NotFound("/other/events/x".into())
        );
        assert_eq!(r.href("/sub/dir/"), "/sub/dir/events/x");
    }

    #[test]
    fn query_round_trips() {
        let q = Query {
            kinds: vec![Kind::Visit, Kind::Call],
            q: "Lukashenka & co/?".into(),
            from: Some(2020),
            to: Some(2024),
            person: Some("ilham-aliyev".into()),
            topic: Some("trade".into()),
            data: Some("/data/x.json".into()),
        };
        for page in [
            Page::Timeline,
            Page::Event("2021-04-14-x".into()),
            Page::Entity(EntityKind::Topic, "trade".into()),
            Page::Trade,
            Page::About,
        ] {
            let r = Route::new(page, q.clone());
            let href = r.href("/b/");
            let (path, search) = href.split_once('?').expect("has query");
            assert_eq!(Route::parse("/b/", path, search), r, "{href}");
        }
    }

    #[test]
    fn query_is_forgiving() {
        let q = Query::parse(
            "?kind=visit,bogus,VISIT&kind=call&from=abc&to=2020&from=2024&x=1&q=%20a%20",
        );
        assert_eq!(q.kinds, vec![Kind::Visit, Kind::Call]);
        assert_eq!((q.from, q.to), (Some(2020), Some(2024)));
        assert_eq!(q.q, "a");
        assert_eq!(Query::parse("q=&q=&junk&&="), Query::default());
        assert_eq!(
            Query::parse(&format!("q={}", "x".repeat(5000))).q.len(),
            MAX_VALUE
        );
        // All kinds selected is the same as none.
        let all = Query::parse("kind=visit,meeting,call,signing,statement,context");
        assert_eq!(all.to_search(), "");
    }
}
