//! Static HTML for every event (`events/<id>/index.html`), the sitemap and the home page's
//! plain list: the same dataset rendered as plain HTML that crawlers, link previews and readers
//! without JavaScript can use. Each page then boots the app, which keeps the site header and
//! replaces `#static`.
//! Pure string building; every text is HTML-escaped.

use std::fmt::Write;

use crate::html::{card, esc, Links};
use crate::model::date::human_range;
use crate::model::{Dataset, Event};
use crate::route::{event_href, Query};

/// What goes into a page's `<head>`: title, description, canonical URL, Open Graph and Twitter.
pub struct Head {
    pub title: String,
    pub description: String,
    pub url: String,
    /// `website` or `article`.
    pub og_type: &'static str,
}

impl Head {
    /// The tags, escaped, one per line.
    pub fn tags(&self, site_name: &str) -> String {
        let (t, d, u) = (esc(&self.title), esc(&self.description), esc(&self.url));
        format!(
            "<title>{t}</title>\n\
             <meta name=\"description\" content=\"{d}\">\n\
             <link rel=\"canonical\" href=\"{u}\">\n\
             <meta property=\"og:type\" content=\"{}\">\n\
             <meta property=\"og:site_name\" content=\"{}\">\n\
             <meta property=\"og:title\" content=\"{t}\">\n\
             <meta property=\"og:description\" content=\"{d}\">\n\
             <meta property=\"og:url\" content=\"{u}\">\n\
             <meta name=\"twitter:card\" content=\"summary\">\n\
             <meta name=\"twitter:title\" content=\"{t}\">\n\
             <meta name=\"twitter:description\" content=\"{d}\">\n",
            self.og_type,
            esc(site_name)
        )
    }
}

/// The description of an event for previews: kind, date (with "inferred"), summary.
pub fn event_description(e: &Event) -> String {
    let mut s = format!(
        "{}, {}{}. {}",
        e.kind.label(),
        human_range(&e.date, e.end.as_ref()),
        if e.basis.is_inferred() {
            " (date inferred)"
        } else {
            ""
        },
        e.summary
    );
    if s.chars().count() > 300 {
        s = s.chars().take(297).collect::<String>() + "\u{2026}";
    }
    s
}

/// The head of an event page.
pub fn event_head(ds: &Dataset, e: &Event, site: &str, base: &str) -> Head {
    Head {
        title: format!("{} \u{2014} {}", e.title, ds.title),
        description: event_description(e),
        url: crate::route::absolute(site, &event_href(base, &e.id, &Query::default())),
        og_type: "article",
    }
}

/// The card of an event as plain HTML (inside `<div id="static">`): the same card as the app's.
pub fn event_body(ds: &Dataset, e: &Event, site: &str, base: &str) -> String {
    let q = Query::default();
    let links = Links { base, query: &q };
    let permalink = crate::route::absolute(site, &event_href(base, &e.id, &q));
    let order: Vec<usize> = (0..ds.events.len()).collect();
    format!(
        "<main class=\"static\"><p><a href=\"{}\">{}</a></p><article class=\"card kind-{}\">{}</article></main>\n",
        esc(&crate::route::Route::new(crate::route::Page::Timeline, q.clone()).href(base)),
        esc(&ds.title),
        e.kind.slug(),
        card(ds, e, links, &permalink, &order, false)
    )
}

/// The line under the title in the site header (the app's and the static pages').
pub const TAGLINE: &str = "Every fact cites its source and quote.";

/// The site header: title and tagline, in the markup the app keeps. Static pages carry it and the
/// app adopts it as it is (it adds the navigation and tools), so nothing shifts and the largest
/// paint, the title, is the one painted before the app starts.
pub fn site_header(title: &str, base: &str) -> String {
    format!(
        "<header class=\"site\"><div class=\"brand\"><a href=\"{}\" class=\"title\">{}</a><span class=\"tagline\">{}</span></div></header>\n",
        esc(base),
        esc(title),
        TAGLINE
    )
}

/// Rows per list of the static home page: a long list comes as consecutive `<ol start>` lists of
/// this many rows, and the stylesheet lets the browser skip the layout of those off screen
/// (`content-visibility`), so 10,000 events show as fast as a few hundred.
pub const HOME_CHUNK: usize = 250;

/// The plain list of every event for the home page (read without JavaScript).
pub fn home_body(ds: &Dataset, base: &str) -> String {
    let q = Query::default();
    let mut lists = String::new();
    // The lists of a long list are marked `chunk` (the stylesheet joins them up).
    let class = if ds.events.len() > HOME_CHUNK {
        "plain chunk"
    } else {
        "plain"
    };
    for (n, chunk) in ds.events.chunks(HOME_CHUNK).enumerate() {
        if n == 0 {
            let _ = write!(lists, "<ol class=\"{class}\">");
        } else {
            let _ = write!(
                lists,
                "</ol>\n<ol class=\"{class}\" start=\"{}\">",
                n * HOME_CHUNK + 1
            );
        }
        for e in chunk {
            let _ = write!(
                lists,
                "\n<li><a href=\"{}\">{} \u{2014} {}</a></li>",
                esc(&event_href(base, &e.id, &q)),
                esc(&human_range(&e.date, e.end.as_ref())),
                esc(&e.title)
            );
        }
    }
    if !ds.events.is_empty() {
        lists.push_str("</ol>");
    }
    // The site header above carries the title; the heading says what the list is.
    format!(
        "<main class=\"static\"><h1>{} events, oldest first</h1>\n{lists}</main>\n",
        ds.events.len()
    )
}

/// A sitemap listing the home page and every event page.
pub fn sitemap(ds: &Dataset, site: &str, base: &str) -> String {
    let q = Query::default();
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    s.push_str(&format!(
        "<url><loc>{}</loc></url>\n",
        esc(&crate::route::absolute(site, base))
    ));
    let mut paths: Vec<String> = ds
        .events
        .iter()
        .map(|e| event_href(base, &e.id, &q))
        .collect();
    paths.push(format!("{base}trade"));
    paths.push(format!("{base}about"));
    for en in &ds.entities {
        paths.push(crate::route::entity_href(base, en.kind, &en.id, &q));
    }
    for p in paths {
        s.push_str(&format!(
            "<url><loc>{}</loc></url>\n",
            esc(&crate::route::absolute(site, &p))
        ));
    }
    s.push_str("</urlset>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(n: usize) -> Dataset {
        if n == 0 {
            return Dataset::default();
        }
        let events: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                serde_json::json!({"id": format!("e{i:05}"), "kind": "call", "title": format!("Call <{i}>"),
                    "date": "2021-04-13", "sources": ["web"]})
            })
            .collect();
        let doc = serde_json::json!({"title": "T",
            "sources": [{"id": "web", "title": "A page", "url": "https://example.org/a"}], "events": events});
        crate::dataset::load_str(&doc.to_string(), None)
            .expect("loads")
            .dataset
    }

    #[test]
    fn a_long_home_list_comes_in_numbered_lists_of_home_chunk_rows() {
        for n in [0, 1, HOME_CHUNK, HOME_CHUNK + 1, 2 * HOME_CHUNK + 7] {
            let body = home_body(&dataset(n), "/b/");
            assert!(body.contains(&format!("<h1>{n} events, oldest first</h1>")));
            let lists = body.matches("<ol class=\"plain").count();
            let chunked = if lists > 1 { lists } else { 0 };
            assert_eq!(body.matches(" chunk\"").count(), chunked, "{n} events");
            assert_eq!(lists, n.div_ceil(HOME_CHUNK), "{n} events");
            assert_eq!(
                body.matches("</ol>").count(),
                lists,
                "{n} events: lists closed"
            );
            assert_eq!(body.matches("<li>").count(), n, "{n} events: one row each");
            for k in 1..lists {
                // Each later list goes on numbering where the one before stopped.
                assert!(body.contains(&format!("start=\"{}\">", k * HOME_CHUNK + 1)));
            }
            if n > 0 {
                assert!(body.contains("href=\"/b/events/e00000\""));
                assert!(body.contains("Call &lt;0&gt;"), "titles are escaped");
            }
        }
    }
}
