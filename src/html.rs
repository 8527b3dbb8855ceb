//! HTML for the read-only views (event list items, cards, entity, trade and about pages), built
//! as strings by pure functions. The same functions render the static event pages at build time
//! and the live views in the browser, so both always agree.
//!
//! Invariant: every piece of dataset text goes through `esc`, and every URL comes from `route`
//! (its parts are percent-encoded there, then escaped here). Nothing else in the app sets
//! `innerHTML`.

use std::fmt::Write;

use crate::model::date::human_range;
use crate::model::{Dataset, DateBasis, EntityKind, Event, Figure, Kind, Measure, Precision};
use crate::route::{entity_href, event_href, page_href, Page, Query};

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Where links point: the base path and the query that event links keep.
#[derive(Clone, Copy)]
pub struct Links<'a> {
    pub base: &'a str,
    pub query: &'a Query,
}

impl Links<'_> {
    fn event(&self, id: &str) -> String {
        esc(&event_href(self.base, id, self.query))
    }
    fn entity(&self, kind: EntityKind, id: &str) -> String {
        esc(&entity_href(self.base, kind, id, self.query))
    }
    fn page(&self, page: Page) -> String {
        esc(&page_href(self.base, page, self.query))
    }
}

/// A table of load problems (item, field, what is wrong): at most `PROBLEM_ROWS` rows, then a
/// count of the rest.
pub fn problem_table(problems: &[crate::dataset::Problem]) -> String {
    let mut out = String::from(
        "<table><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Field</th>\
         <th scope=\"col\">Problem</th></tr></thead><tbody>",
    );
    for p in problems.iter().take(PROBLEM_ROWS) {
        out.push_str(&format!(
            "<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>",
            esc(&p.item),
            esc(&p.field),
            esc(&p.message)
        ));
    }
    out.push_str("</tbody></table>");
    if problems.len() > PROBLEM_ROWS {
        out.push_str(&format!(
            "<p>\u{2026} and {} more.</p>",
            problems.len() - PROBLEM_ROWS
        ));
    }
    out
}

/// How many problems a table lists.
pub const PROBLEM_ROWS: usize = 500;

/// The kind badge: shape and word (never colour alone).
pub fn badge(kind: Kind) -> String {
    format!(
        "<span class=\"badge kind-{}\"><span class=\"shape\" aria-hidden=\"true\"></span>{}</span>",
        kind.slug(),
        kind.label()
    )
}

/// List items for the events at `positions`: one `<li>` per event with its link (tab stop and
/// current row are marked by the app). `numbered` is `(index of the first, total)` for a windowed
/// list, whose items then carry their place in the whole list (`aria-posinset`, `aria-setsize`);
/// a list shown whole leaves that to the browser, so its rows do not change as it grows.
pub fn list_items(
    ds: &Dataset,
    positions: &[usize],
    numbered: Option<(usize, usize)>,
    links: Links,
) -> String {
    let mut h = String::new();
    for (n, &pos) in positions.iter().enumerate() {
        let Some(e) = ds.events.get(pos) else { break };
        let place = match numbered {
            Some((first, total)) => {
                format!(
                    " aria-setsize=\"{total}\" aria-posinset=\"{}\"",
                    first + n + 1
                )
            }
            None => String::new(),
        };
        let _ = write!(
            h,
            "<li class=\"item kind-{k}\"{place}><a href=\"{href}\" data-id=\"{id}\" data-pos=\"{pos}\" tabindex=\"-1\"><span class=\"when\">{badge}<time datetime=\"{iso}\">{date}</time>{inf}</span><span class=\"what\">{title}</span></a></li>",
            k = e.kind.slug(),
            href = links.event(&e.id),
            id = esc(&e.id),
            badge = badge(e.kind),
            iso = e.date.iso(),
            date = esc(&human_range(&e.date, e.end.as_ref())),
            inf = if e.basis.is_inferred() { "<span class=\"inferred\">inferred</span>" } else { "" },
            title = esc(&e.title),
        );
    }
    h
}

fn event_li(e: &Event, links: Links) -> String {
    format!(
        "<li><a href=\"{}\">{} {} \u{2014} {}</a></li>",
        links.event(&e.id),
        badge(e.kind),
        esc(&e.date.human()),
        esc(&e.title)
    )
}

fn section(h: &mut String, class: &str, title: &str, inner: &str) {
    let _ = write!(
        h,
        "<div class=\"{class}\"><h3>{}</h3>{inner}</div>",
        esc(title)
    );
}

/// The date line of a card: date, precision, and "inferred" with its reason.
fn date_block(e: &Event) -> String {
    let precision = match e.date.precision() {
        Precision::Day => "",
        Precision::Month => " (month known, day not given)",
        Precision::Year => " (year only)",
    };
    let mut h = format!(
        "<p class=\"date\"><time datetime=\"{}\">{}</time>{precision}",
        e.date.iso(),
        esc(&human_range(&e.date, e.end.as_ref()))
    );
    match &e.basis {
        DateBasis::Stated => h.push_str("</p>"),
        DateBasis::Inferred { reason } => {
            let _ = write!(
                h,
                " \u{b7} <span class=\"inferred\">inferred</span></p><p class=\"inferred-note\"><strong>Date inferred: </strong>{}</p>",
                esc(reason)
            );
        }
    }
    h
}

/// A ready citation: event, date, sources and permalink.
pub fn citation(e: &Event, ds: &Dataset, permalink: &str) -> String {
    let sources = ds.source_names(e);
    format!(
        "\u{201c}{}\u{201d} ({}, {}{}). In: {}. Sources: {}. {}",
        e.title,
        e.kind.label().to_ascii_lowercase(),
        human_range(&e.date, e.end.as_ref()),
        if e.basis.is_inferred() {
            ", date inferred"
        } else {
            ""
        },
        ds.title,
        sources.join("; "),
        permalink
    )
}

/// The body of an event card. `order` is the sequence for previous/next (the filtered view).
/// With `interactive`, the share box has buttons (handled by the app through `data-action`).
pub fn card(
    ds: &Dataset,
    e: &Event,
    links: Links,
    permalink: &str,
    order: &[usize],
    interactive: bool,
) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<header>{}<h2 id=\"card-title\" tabindex=\"-1\">{}</h2>{}</header>",
        badge(e.kind),
        esc(&e.title),
        date_block(e)
    );
    if let Some(p) = &e.place {
        let _ = write!(
            h,
            "<p class=\"place\"><span class=\"label\">Place: </span><a href=\"{}\">{}</a></p>",
            links.entity(EntityKind::Place, p),
            esc(&ds.name_of(EntityKind::Place, p))
        );
    }
    let _ = write!(h, "<p class=\"summary\">{}</p>", esc(&e.summary));
    if !e.participants.is_empty() {
        let mut ul = String::from("<ul>");
        for p in &e.participants {
            let role = ds
                .entity(EntityKind::Person, p)
                .and_then(|x| x.role.as_deref())
                .map(|r| format!(", {}", esc(r)))
                .unwrap_or_default();
            let _ = write!(
                ul,
                "<li><a href=\"{}\">{}</a>{role}</li>",
                links.entity(EntityKind::Person, p),
                esc(&ds.name_of(EntityKind::Person, p))
            );
        }
        ul.push_str("</ul>");
        section(&mut h, "people", "Participants", &ul);
    }
    if let Some(v) = e.part_of.as_deref().and_then(|p| ds.event(p)) {
        section(
            &mut h,
            "part-of",
            "Part of",
            &format!("<ul>{}</ul>", event_li(v, links)),
        );
    }
    if !e.documents.is_empty() {
        let mut ul = String::from("<ul>");
        for d in &e.documents {
            let kind = ds
                .entity(EntityKind::Document, d)
                .and_then(|x| x.role.clone())
                .unwrap_or_default()
                .replace('-', " ");
            let _ = write!(
                ul,
                "<li><a href=\"{}\">{}</a> ({})</li>",
                links.entity(EntityKind::Document, d),
                esc(&ds.name_of(EntityKind::Document, d)),
                esc(&kind)
            );
        }
        ul.push_str("</ul>");
        section(&mut h, "documents", "Document signed", &ul);
    }
    let parts: Vec<&Event> = ds.parts_of(&e.id).collect();
    let signed: String = parts
        .iter()
        .filter(|p| p.kind == Kind::Signing)
        .map(|p| event_li(p, links))
        .collect();
    if !signed.is_empty() {
        section(
            &mut h,
            "signed",
            "Documents signed during this visit",
            &format!("<ul>{signed}</ul>"),
        );
    }
    let other: String = parts
        .iter()
        .filter(|p| p.kind != Kind::Signing)
        .map(|p| event_li(p, links))
        .collect();
    if !other.is_empty() {
        section(
            &mut h,
            "parts",
            "Parts of this visit",
            &format!("<ul>{other}</ul>"),
        );
    }
    if !e.quotes.is_empty() {
        let mut q = String::new();
        for quote in &e.quotes {
            let speaker = quote
                .speaker
                .as_deref()
                .map(|s| format!("{}, ", esc(&ds.name_of(EntityKind::Person, s))))
                .unwrap_or_default();
            let source = ds
                .source(&quote.source)
                .map(|s| s.display())
                .unwrap_or_default();
            let _ = write!(
                q,
                "<figure class=\"quote\"><blockquote><p>{}</p></blockquote><figcaption>\u{2014} {speaker}as reported in <cite>{}</cite></figcaption></figure>",
                esc(&quote.text),
                esc(&source)
            );
        }
        section(&mut h, "quotes", "What the sources say", &q);
    }
    if !e.plans.is_empty() {
        let mut ul = String::from("<p class=\"hint\">What was said would happen, not what the sources report as done.</p><ul>");
        for p in &e.plans {
            let by =
                p.by.as_deref()
                    .map(|b| format!(" ({})", esc(&ds.name_of(EntityKind::Person, b))))
                    .unwrap_or_default();
            let quote = p
                .quote
                .as_ref()
                .map(|q| {
                    let source = ds
                        .source(&q.source)
                        .map(|s| s.display())
                        .unwrap_or_default();
                    format!(
                        "<blockquote><p>{}</p><footer><cite>{}</cite></footer></blockquote>",
                        esc(&q.text),
                        esc(&source)
                    )
                })
                .unwrap_or_default();
            let _ = write!(
                ul,
                "<li><strong>{}</strong>{by}: {}{quote}</li>",
                p.kind.label(),
                esc(&p.text)
            );
        }
        ul.push_str("</ul>");
        section(&mut h, "plans", "Plans, offers and agreements stated", &ul);
    }
    let same: String = e
        .same_occasion_as
        .iter()
        .filter_map(|s| ds.event(s))
        .map(|o| event_li(o, links))
        .collect();
    if !same.is_empty() {
        section(
            &mut h,
            "same",
            "Possibly the same occasion",
            &format!("<p class=\"hint\">Another article may describe this occasion but does not say so; both accounts are kept.</p><ul>{same}</ul>"),
        );
    }
    let related: String = ds
        .related_to(e)
        .iter()
        .map(|r| event_li(r, links))
        .collect();
    if !related.is_empty() {
        section(
            &mut h,
            "related",
            "Related events",
            &format!("<ul>{related}</ul>"),
        );
    }
    if !e.topics.is_empty() {
        let list: String = e
            .topics
            .iter()
            .map(|t| {
                format!(
                    "<li><a href=\"{}\">{}</a></li>",
                    links.entity(EntityKind::Topic, t),
                    esc(&ds.name_of(EntityKind::Topic, t))
                )
            })
            .collect();
        section(
            &mut h,
            "topics",
            "Topics",
            &format!("<ul class=\"inline\">{list}</ul>"),
        );
    }
    let sources: String = e
        .sources
        .iter()
        .filter_map(|s| ds.source(s))
        .map(|s| match &s.reference {
            // A web source (validated http or https) is a link, so a reader can check it.
            crate::model::SourceRef::Web { url } => format!(
                "<li><a href=\"{}\" rel=\"external noopener noreferrer\">{}</a></li>",
                esc(url),
                esc(&s.display())
            ),
            crate::model::SourceRef::Seed { .. } => format!("<li>{}</li>", esc(&s.display())),
        })
        .collect();
    section(&mut h, "sources", "Sources", &format!("<ul>{sources}</ul>"));
    let cite = citation(e, ds, permalink);
    let buttons = if interactive {
        "<p class=\"buttons\"><button type=\"button\" data-action=\"copy-link\">Copy link</button><button type=\"button\" data-action=\"share\" hidden>Share\u{2026}</button><button type=\"button\" data-action=\"copy-citation\">Copy citation</button><span class=\"status\" role=\"status\"></span></p>"
    } else {
        ""
    };
    section(
        &mut h,
        "share",
        "Share and cite",
        &format!(
            "{buttons}<p class=\"permalink\"><a href=\"{p}\">{p}</a></p><p class=\"citation\">{}</p>",
            esc(&cite),
            p = esc(permalink)
        ),
    );
    let at = ds
        .position(&e.id)
        .and_then(|pos| order.iter().position(|&p| p == pos));
    let prev = at
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| order.get(i))
        .map(|&p| &ds.events[p]);
    let next = at.and_then(|i| order.get(i + 1)).map(|&p| &ds.events[p]);
    h.push_str("<nav class=\"prevnext\" aria-label=\"Neighbouring events\">");
    for (label, ev, rel) in [
        ("\u{2190} Previous", prev, "prev"),
        ("Next \u{2192}", next, "next"),
    ] {
        if let Some(o) = ev {
            let _ = write!(
                h,
                "<a href=\"{}\" rel=\"{rel}\" class=\"{rel}\"><span class=\"label\">{label}</span>{}</a>",
                links.event(&o.id),
                esc(&o.title)
            );
        }
    }
    h.push_str("</nav>");
    h
}

/// The card for an id that is not in the dataset, with the closest events.
pub fn not_found_card(ds: &Dataset, id: &str, origin: &str, links: Links) -> String {
    let list: String = crate::search::suggest(ds, id, 5)
        .into_iter()
        .map(|p| event_li(&ds.events[p], links))
        .collect();
    let shown = crate::dataset::validate::truncate(id, 80);
    format!(
        "<header><h2 id=\"card-title\" tabindex=\"-1\">No event with this id</h2></header><p>There is no event <code>{}</code> in {}. It may have been mistyped or renamed.</p><h3>Closest events</h3><ul class=\"suggestions\">{}</ul><p><a href=\"{}\">See all events</a></p>",
        esc(&shown),
        esc(origin),
        if list.is_empty() { "<li>No close match.</li>".to_string() } else { list },
        esc(&crate::route::Route::new(Page::Timeline, links.query.cleared()).href(links.base))
    )
}

/// An entity page: what the dataset says, a small timeline, and the events.
pub fn entity_page(ds: &Dataset, kind: EntityKind, id: &str, origin: &str, links: Links) -> String {
    let Some(ent) = ds.entity(kind, id) else {
        return format!(
            "<h1>No {} with this id</h1><p>Nothing in {} has the id <code>{}</code>.</p><p><a href=\"{}\">Back to the timeline</a></p>",
            kind.label().to_ascii_lowercase(),
            esc(origin),
            esc(&crate::dataset::validate::truncate(id, 80)),
            links.page(Page::Timeline)
        );
    };
    let events: Vec<&Event> = ds.events_with(kind, id).collect();
    let mut h = format!(
        "<p class=\"eyebrow\">{}</p><h1>{}</h1>",
        kind.label(),
        esc(&ent.name)
    );
    if let Some(r) = &ent.role {
        let _ = write!(h, "<p class=\"role\">{}</p>", esc(&r.replace('-', " ")));
    }
    if !ent.variants.is_empty() {
        let _ = write!(
            h,
            "<p><span class=\"label\">Also written: </span>{}</p>",
            esc(&ent.variants.join(", "))
        );
    }
    if let Some(d) = &ent.description {
        let _ = write!(h, "<p>{}</p>", esc(d));
    }
    let span = match (events.first(), events.last()) {
        (Some(a), Some(b)) if a.id != b.id => format!(
            "{} events, {} to {}.",
            events.len(),
            a.date.human(),
            b.date.human()
        ),
        (Some(a), _) => format!("1 event, {}.", a.date.human()),
        _ => "No event mentions it.".into(),
    };
    let mut q = links.query.cleared();
    match kind {
        EntityKind::Person => q.person = Some(id.to_string()),
        EntityKind::Topic => q.topic = Some(id.to_string()),
        _ => q.q = ent.name.clone(),
    }
    let _ = write!(
        h,
        "<p>{} <a href=\"{}\">Show them on the timeline</a></p>",
        esc(&span),
        esc(&crate::route::Route::new(Page::Timeline, q).href(links.base))
    );
    // The small timeline: every event on the entity's own span (an SVG, no inline styles).
    if let (Some(first), Some(last)) = (
        events.first(),
        events.iter().map(|e| e.date.last_day()).max(),
    ) {
        let (lo, hi) = (first.date.first_day() as f64, last as f64 + 1.0);
        let pad = ((hi - lo) * 0.05).max(15.0);
        let _ = write!(h, "<svg class=\"mini-axis\" viewBox=\"0 0 1000 40\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><line x1=\"0\" y1=\"30\" x2=\"1000\" y2=\"30\"/>");
        for e in &events {
            let x = d1((e.date.first_day() as f64 - lo + pad) / (hi - lo + 2.0 * pad) * 1000.0);
            let _ = write!(
                h,
                "<circle class=\"kind-{}\" cx=\"{x}\" cy=\"18\" r=\"7\"/>",
                e.kind.slug()
            );
        }
        h.push_str("</svg>");
        let y0 = first.date.year();
        let y1 = events.last().map(|e| e.date.year()).unwrap_or(y0);
        let _ = write!(
            h,
            "<p class=\"mini-range\"><span>{y0}</span><span>{y1}</span></p>"
        );
    }
    h.push_str("<ol class=\"plain\">");
    for e in &events {
        let _ = write!(
            h,
            "<li><a href=\"{}\">{} <time datetime=\"{}\">{}</time>{} \u{2014} {}</a></li>",
            links.event(&e.id),
            badge(e.kind),
            e.date.iso(),
            esc(&e.date.human()),
            if e.basis.is_inferred() {
                " <span class=\"inferred\">inferred</span>"
            } else {
                ""
            },
            esc(&e.title)
        );
    }
    h.push_str("</ol>");
    h
}

fn money(f: &Figure) -> String {
    match f.value_musd {
        Some(v) => format!(
            "{}{} million USD",
            if f.approximate { "about " } else { "" },
            fmt_num(v)
        ),
        None => "no figure given".into(),
    }
}

/// A number with a fixed count of decimals, written with integer arithmetic: the app never links
/// the float formatting machinery, which is large in WebAssembly. Not-finite values print as zero.
#[derive(Clone, Copy)]
pub struct Fixed(pub f64, pub u32);

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scale = 10_i64.pow(self.1);
        let t = (self.0 * scale as f64).round();
        let t = if t.is_finite() { t as i64 } else { 0 };
        let sign = if t < 0 { "-" } else { "" };
        let (a, scale) = (t.unsigned_abs(), scale.unsigned_abs());
        if self.1 == 0 {
            write!(f, "{sign}{a}")
        } else {
            write!(
                f,
                "{sign}{}.{:0w$}",
                a / scale,
                a % scale,
                w = self.1 as usize
            )
        }
    }
}

/// One decimal (SVG coordinates).
fn d1(v: f64) -> Fixed {
    Fixed(v, 1)
}

/// No decimals.
fn d0(v: f64) -> Fixed {
    Fixed(v, 0)
}

fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        d1(v).to_string()
    }
}

/// The trade page: the chart, the disagreements, and every figure with its quote.
pub fn trade_page(ds: &Dataset, links: Links) -> String {
    let mut h = String::from("<h1>Trade figures</h1><p>Each figure is dated to the period it is about, not to the article. Where the sources disagree, both values are shown with their quotes; the sources do not explain the gap and it is not smoothed here.</p>");
    h.push_str(&chart(ds, links.base));
    h.push_str("<h2>Where the sources disagree</h2>");
    for g in &ds.discrepancies {
        let _ = write!(
            h,
            "<section class=\"gap\" id=\"gap-{}\"><h3>{}</h3><ul>",
            esc(&g.id),
            esc(&g.title)
        );
        for f in g
            .figures
            .iter()
            .filter_map(|id| ds.figures.iter().find(|f| &f.id == id))
        {
            let source = ds
                .source(&f.quote.source)
                .map(|s| s.display())
                .unwrap_or_default();
            let _ = write!(
                h,
                "<li><strong>{}</strong> ({}{}): <q>{}</q> \u{2014} <cite>{}</cite></li>",
                esc(&money(f)),
                esc(&f.period.human()),
                if f.basis.is_inferred() {
                    ", period inferred"
                } else {
                    ""
                },
                esc(&f.quote.text),
                esc(&source)
            );
        }
        let _ = write!(h, "</ul><p>{}</p></section>", esc(&g.explanation));
    }
    h.push_str("<h2>All figures</h2><div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Measure</th><th scope=\"col\">Value</th><th scope=\"col\">Quote and source</th></tr></thead><tbody>");
    for f in &ds.figures {
        let source = ds
            .source(&f.quote.source)
            .map(|s| s.display())
            .unwrap_or_default();
        let inferred = match &f.basis {
            DateBasis::Inferred { reason } => format!(
                " <span class=\"inferred\">inferred</span> <small>{}</small>",
                esc(reason)
            ),
            DateBasis::Stated => String::new(),
        };
        let at = f
            .event
            .as_deref()
            .and_then(|e| ds.event(e))
            .map(|e| {
                format!(
                    "<br>Said at: <a href=\"{}\">{}</a>",
                    links.event(&e.id),
                    esc(&e.title)
                )
            })
            .unwrap_or_default();
        let _ = write!(
            h,
            "<tr id=\"figure-{}\"><th scope=\"row\">{}{inferred}</th><td>{}</td><td class=\"num\">{}</td><td><q>{}</q> \u{2014} <cite>{}</cite>{at}</td></tr>",
            esc(&f.id),
            esc(&f.period.human()),
            esc(&f.label),
            esc(&money(f)),
            esc(&f.quote.text),
            esc(&source)
        );
    }
    h.push_str("</tbody></table></div>");
    h
}

/// The SVG chart: one point per valued figure on a log scale, each linked to its quote, with
/// dashed lines joining figures the sources leave unreconciled.
pub fn chart(ds: &Dataset, base: &str) -> String {
    let trade = esc(&page_href(base, Page::Trade, &Query::default()));
    let figs: Vec<&Figure> = ds
        .figures
        .iter()
        .filter(|f| f.value_musd.is_some())
        .collect();
    if figs.is_empty() {
        return String::new();
    }
    let (w, ht, left, right, top, bottom) = (720.0, 320.0, 64.0, 40.0, 16.0, 40.0);
    let y0 = figs.iter().map(|f| f.period.year()).min().unwrap_or(2000) - 1;
    let y1 = figs.iter().map(|f| f.period.year()).max().unwrap_or(2024) + 1;
    let x = |year: f64| {
        left + (year - f64::from(y0)) / f64::from((y1 - y0).max(1)) * (w - left - right)
    };
    let (lo, hi) = (1.0_f64, 1000.0_f64);
    let y = |v: f64| {
        top + (1.0 - (v.max(lo).ln() - lo.ln()) / (hi.ln() - lo.ln())) * (ht - top - bottom)
    };
    let mut h = format!("<figure class=\"chart\"><svg viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">Azerbaijan\u{2013}Belarus trade turnover figures from the sources, million USD, log scale</title>", d0(w), d0(ht));
    for v in [1.0, 10.0, 100.0, 1000.0] {
        let _ = write!(
            h,
            "<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            d0(left),
            d0(w - right),
            d1(y(v)),
            d1(y(v)),
            d0(left - 6.0),
            d1(y(v) + 4.0),
            v as i64
        );
    }
    for yr in (y0..=y1).filter(|yr| (y1 - y0) < 12 || yr % 2 == 0) {
        let _ = write!(
            h,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{yr}</text>",
            d1(x(f64::from(yr) + 0.5)),
            d0(ht - 16.0)
        );
    }
    // Each disagreement is drawn between its first two figures (the values it contrasts); any
    // further figures it cites are context, listed in the text below the chart.
    for g in &ds.discrepancies {
        let pts: Vec<(f64, f64)> = g
            .figures
            .iter()
            .take(2)
            .filter_map(|id| figs.iter().find(|f| &f.id == id))
            .filter_map(|f| {
                f.value_musd
                    .map(|v| (x(f64::from(f.period.year()) + 0.5), y(v)))
            })
            .collect();
        for p in pts.windows(2) {
            let _ = write!(
                h,
                "<line class=\"gap-line\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                d1(p[0].0),
                d1(p[0].1),
                d1(p[1].0),
                d1(p[1].1)
            );
        }
    }
    for f in &figs {
        let Some(v) = f.value_musd else { continue };
        let (cx, cy) = (x(f64::from(f.period.year()) + 0.5), y(v));
        let source = ds
            .source(&f.quote.source)
            .map(|s| s.display())
            .unwrap_or_default();
        let label = format!(
            "{}: {} ({}{}), source {}",
            f.label,
            money(f),
            f.period.human(),
            if f.basis.is_inferred() {
                ", period inferred"
            } else {
                ""
            },
            source
        );
        let (class, dx, anchor) = match f.measure {
            Measure::Total => ("pt total", 10.0, "start"),
            _ => ("pt part", -10.0, "end"),
        };
        let _ = write!(
            h,
            "<a href=\"{trade}#figure-{}\" class=\"point\" aria-label=\"{l}\"><title>{l}</title><circle cx=\"{}\" cy=\"{}\" r=\"7\" class=\"{class}{}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" class=\"pt-label\">{}</text></a>",
            esc(&f.id),
            d1(cx),
            d1(cy),
            if f.approximate { " approx" } else { "" },
            d1(cx + dx),
            d1(cy + 4.0),
            fmt_num(v),
            l = esc(&label)
        );
    }
    h.push_str("</svg><figcaption>Million US dollars, logarithmic scale. Filled: total turnover; hollow: part of it; dashed red lines join the values each disagreement contrasts. Each point links to its quote below.</figcaption></figure>");
    h
}

/// The about page: sources, method, and how to bring your own data.
pub fn about_page(ds: &Dataset, base: &str) -> String {
    let mut h = String::from("<h1>Sources and method</h1><p>This timeline is built only from the articles listed below. Every event cites the article(s) that report it with short verbatim quotes, and every quote is checked against the article text when the dataset is built.</p><h2>Sources</h2><ul>");
    for s in &ds.sources {
        let n = ds
            .events
            .iter()
            .filter(|e| e.sources.contains(&s.id))
            .count();
        let _ = write!(
            h,
            "<li>{} \u{2014} cited by {n} events</li>",
            esc(&s.display())
        );
    }
    let _ = write!(
        h,
        "</ul><h2>Dates</h2><p>Several articles give a day and month but no year, or no date at all. Such dates are marked <em>inferred</em> and each card gives the reason. Where two articles may describe the same occasion without saying so, both accounts are kept and linked as possibly the same occasion.</p><h2>Your own data</h2><p>Open a JSON file in the same format with \u{201c}Open dataset\u{201d} or by dropping it on the page; the same validator checks it and it never leaves your browser. The format is described by the <a href=\"{b}schema/dataset.schema.json\">JSON Schema</a>; the current dataset is at <a href=\"{b}data/events.json\">data/events.json</a>.</p>",
        b = esc(base)
    );
    h
}

/// Height of the axis drawing, in CSS pixels.
pub const AXIS_HEIGHT: f64 = 150.0;

/// The y of a lane's centre on the axis.
pub fn lane_y(lane: usize) -> f64 {
    22.0 + lane as f64 * 30.0
}

/// The shape of a kind, centred on the origin (SVG; attributes only, so the CSP allows it).
fn shape(kind: Kind) -> &'static str {
    match kind {
        Kind::Visit => "<circle r=\"7\"/>",
        Kind::Meeting => "<rect x=\"-6\" y=\"-6\" width=\"12\" height=\"12\" rx=\"1.5\"/>",
        Kind::Call => "<circle r=\"6\" class=\"ring\"/>",
        Kind::Signing => "<path d=\"M0 -8 L8 0 L0 8 L-8 0 Z\"/>",
        Kind::Statement => "<path d=\"M0 -8 L8 7 L-8 7 Z\"/>",
        Kind::Context => "<rect x=\"-6\" y=\"-6\" width=\"12\" height=\"12\" class=\"dashed\"/>",
    }
}

/// The axis as SVG: ticks, then one link per marker (a cluster shows its count; its
/// `data-from`/`data-to` days let the app zoom to it). Positions are percentages of the
/// drawing's width (the fractions of `marks` and `ticks`), so the app zooms a drawing by
/// changing its width: everything moves, no shape stretches. Markers carry their index
/// (`data-i`) so the app can mark the open and the focused event's marker (`current`,
/// `focused` classes) without redrawing the axis.
pub fn axis_svg(
    ds: &Dataset,
    marks: &[crate::layout::Marker],
    ticks: &[crate::layout::Tick],
    links: Links,
) -> String {
    let pct = |frac: f64| Fixed(frac * 100.0, 3);
    let mut h = format!(
        "<svg class=\"axis-svg\" height=\"{h}\">",
        h = d0(AXIS_HEIGHT)
    );
    for lane in 0..crate::model::LANES.len() {
        let _ = write!(
            h,
            "<line class=\"lane-line\" x1=\"0\" x2=\"100%\" y1=\"{y}\" y2=\"{y}\"/>",
            y = d0(lane_y(lane))
        );
    }
    for t in ticks {
        let _ = write!(
            h,
            "<g class=\"tick{}\"><line x1=\"{x}%\" x2=\"{x}%\" y1=\"0\" y2=\"{}\"/><text x=\"{x}%\" dx=\"3\" y=\"{}\">{}</text></g>",
            if t.major { " major" } else { "" },
            d0(AXIS_HEIGHT - 14.0),
            d0(AXIS_HEIGHT - 3.0),
            esc(&t.label),
            x = pct(t.frac),
        );
    }
    for (i, m) in marks.iter().enumerate() {
        let n = m.events.len();
        let Some(&first) = m.events.first() else {
            continue;
        };
        let class = format!(
            "marker kind-{}{}",
            m.kind.slug(),
            if n > 1 { " cluster" } else { "" },
        );
        let (x, y) = (pct(m.frac), lane_y(m.lane));
        if n == 1 {
            // The shape is drawn around the origin of a nested viewport placed at the marker.
            let e = &ds.events[first];
            let _ = write!(
                h,
                "<a class=\"{class}\" data-i=\"{i}\" href=\"{}\" tabindex=\"-1\"><title>{}</title><svg x=\"{x}%\" y=\"{}\" overflow=\"visible\"><circle class=\"halo\" r=\"{}\"/>{}</svg></a>",
                links.event(&e.id),
                esc(&format!("{} \u{2014} {}", e.date.human(), e.title)),
                d0(y),
                d0(crate::layout::SINGLE_RADIUS),
                shape(m.kind)
            );
        } else {
            // Circles and text take a percentage directly: no nested viewport for the many
            // clusters of a large dataset.
            let a = ds.events[first].date.first_day();
            let b = m
                .events
                .iter()
                .map(|&p| ds.events[p].date.last_day())
                .max()
                .unwrap_or(a);
            // Labels of three or four characters are set smaller (`bubble_radius` sizes the disc).
            let label = crate::layout::count_label(n);
            let _ = write!(
                h,
                "<a class=\"{class}\" data-i=\"{i}\" href=\"#\" tabindex=\"-1\" data-from=\"{a}\" data-to=\"{b}\"><title>{n} events: click to zoom in</title><circle class=\"halo\" cx=\"{x}%\" cy=\"{cy}\" r=\"{}\"/><circle class=\"bubble\" cx=\"{x}%\" cy=\"{cy}\" r=\"{}\"/><text x=\"{x}%\" y=\"{ty}\"{}>{}</text></a>",
                d0(crate::layout::target_radius(n)),
                d0(crate::layout::bubble_radius(n)),
                if label.len() > 2 { " class=\"long\"" } else { "" },
                label,
                cy = d0(y),
                ty = d0(y + 4.0)
            );
        }
    }
    h.push_str("</svg>");
    h
}

/// `<option>`s for a person or topic filter: "All", then each entity with its event count
/// (counted in one pass over the events).
pub fn entity_options(ds: &Dataset, kind: EntityKind) -> String {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for e in &ds.events {
        let ids: &[String] = match kind {
            EntityKind::Person => &e.participants,
            EntityKind::Topic => &e.topics,
            _ => &[],
        };
        for id in ids {
            *counts.entry(id.as_str()).or_default() += 1;
        }
    }
    let mut h = String::from("<option value=\"\">All</option>");
    for en in ds.entities_of(kind) {
        let _ = write!(
            h,
            "<option value=\"{}\">{} ({})</option>",
            esc(&en.id),
            esc(&en.name),
            counts.get(en.id.as_str()).copied().unwrap_or(0)
        );
    }
    h
}

/// The overview strip's ticks, 2 units wide in a 1000-unit-wide SVG, as one path (one element
/// however many events: cheap to parse and paint); ticks closer than 2 units merge.
pub fn overview_svg(fracs: &[f64]) -> String {
    let mut d = String::new();
    let mut last: Option<i64> = None;
    for f in fracs {
        let x = (f * 1000.0).round() as i64;
        if last.is_none_or(|l| x - l >= 2) {
            let _ = write!(d, "M{x} 1h2v8h-2z");
            last = Some(x);
        }
    }
    format!(
        "<svg viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><path d=\"{d}\"/></svg>"
    )
}

/// The content of a path outside the route grammar (shown cut to 120 characters).
pub fn not_found_page(path: &str, links: Links) -> String {
    format!(
        "<h1>Page not found</h1><p>The address <code>{}</code> is not part of this timeline.</p>\
         <p><a href=\"{}\">Go to the timeline</a></p>",
        esc(&crate::dataset::validate::truncate(path, 120)),
        esc(&page_href(links.base, Page::Timeline, &Query::default()))
    )
}

/// The header's section links; `home` is the timeline's href, the others keep `query`.
pub fn site_nav(home: &str, base: &str, query: &Query) -> String {
    format!(
        "<nav aria-label=\"Sections\"><a href=\"{}\">Timeline</a><a href=\"{}\">Trade figures</a>\
         <a href=\"{}\">Sources &amp; method</a></nav>",
        esc(home),
        esc(&page_href(base, Page::Trade, query)),
        esc(&page_href(base, Page::About, query))
    )
}

/// The header's "Open dataset…" file picker (`data-act="open"`) and the dark theme toggle
/// (`data-act="theme"`, pressed when `dark`).
pub fn header_tools(dark: bool) -> String {
    format!(
        "<label class=\"button open\">Open dataset\u{2026}<input type=\"file\" \
         accept=\".json,application/json\" class=\"visually-hidden\" data-act=\"open\"></label>\
         <button type=\"button\" class=\"theme\" id=\"theme\" data-act=\"theme\" \
         aria-pressed=\"{dark}\">Dark theme</button>"
    )
}

/// The bar above the axis: zoom buttons (`data-act` zoom-in, zoom-out, zoom-all), the range
/// `view` shows (by month), and the legend of kinds.
pub fn axis_bar(view: &crate::layout::View) -> String {
    use crate::model::date::{civil_from_days, month_name};
    let (y0, m0, _) = civil_from_days(view.start as i64);
    let (y1, m1, _) = civil_from_days(view.end as i64);
    let mut h = format!(
        "<div class=\"zoom\" role=\"group\" aria-label=\"Zoom\">\
         <button type=\"button\" id=\"zoom-in\" data-act=\"zoom-in\" aria-label=\"Zoom in\">+</button>\
         <button type=\"button\" id=\"zoom-out\" data-act=\"zoom-out\" aria-label=\"Zoom out\">\u{2212}</button>\
         <button type=\"button\" id=\"zoom-all\" data-act=\"zoom-all\">Show all</button></div>\
         <p class=\"range\">Showing {} {y0} to {} {y1}</p><ul class=\"legend\" aria-label=\"Legend\">",
        &month_name(m0)[..3],
        &month_name(m1)[..3],
    );
    for k in Kind::ALL {
        let _ = write!(
            h,
            "<li><span class=\"shape kind-{}\" aria-hidden=\"true\"></span>{}</li>",
            k.slug(),
            k.plural()
        );
    }
    h.push_str("</ul>");
    h
}

/// The site footer: where the data comes from (`opened` names an opened dataset) and links to
/// the seed dataset and its JSON Schema.
pub fn footer(base: &str, opened: Option<&str>) -> String {
    let about = match opened {
        None => "Built from five news articles; dates the articles do not give are marked inferred, with the reason. ".to_string(),
        Some(origin) => format!("Showing {}, opened in this tab only; it never leaves your browser. ", esc(origin)),
    };
    let base = esc(base);
    format!(
        "<footer class=\"site\"><p>{about}<a href=\"{base}data/events.json\">Seed dataset (JSON)</a> \u{00b7} \
         <a href=\"{base}schema/dataset.schema.json\">JSON Schema</a></p></footer>"
    )
}

/// The lane names at the left of the axis (placed by the stylesheet: `.lane-label.lane-N`,
/// at `lane_y(N)`).
pub fn lane_labels() -> String {
    let mut h = String::new();
    for (i, name) in crate::model::LANES.iter().enumerate() {
        let _ = write!(h, "<span class=\"lane-label lane-{i}\">{name}</span>");
    }
    h
}

/// The load notices above the timeline: a load error (message, its problems, a Dismiss button
/// with `data-act="dismiss"`) and the problems of the loaded dataset (`summary` above them).
pub fn problem_notices(
    error: Option<&crate::dataset::LoadError>,
    summary: &str,
    problems: &[crate::dataset::Problem],
) -> String {
    let mut h = String::new();
    if let Some(e) = error {
        let _ = write!(
            h,
            "<div class=\"notice error\" role=\"alert\"><p>{}</p>",
            esc(&e.message)
        );
        if !e.problems.is_empty() {
            let _ = write!(
                h,
                "<div class=\"problem-table\">{}</div>",
                problem_table(&e.problems)
            );
        }
        h.push_str(
            "<button type=\"button\" id=\"dismiss\" data-act=\"dismiss\">Dismiss</button></div>",
        );
    }
    if !problems.is_empty() {
        let _ = write!(
            h,
            "<details class=\"notice problems\" open><summary>{}</summary>\
             <div class=\"problem-table\">{}</div></details>",
            esc(summary),
            problem_table(problems)
        );
    }
    h
}

/// The kind filter: a checkbox per kind (`data-act="kind"`, `value` its slug) with its count.
pub fn kind_chips(counts: &[(Kind, usize)], selected: &[Kind]) -> String {
    let mut h = String::from("<fieldset class=\"kinds\"><legend>Kinds</legend>");
    for &(kind, count) in counts {
        let _ = write!(
            h,
            "<label class=\"chip kind-{s}\"><input type=\"checkbox\" id=\"kind-{s}\" \
             data-act=\"kind\" value=\"{s}\"{c}><span class=\"shape\" aria-hidden=\"true\">\
             </span>{p}<span class=\"count\">({count})</span></label>",
            s = kind.slug(),
            c = if selected.contains(&kind) {
                " checked"
            } else {
                ""
            },
            p = kind.plural()
        );
    }
    h.push_str("</fieldset>");
    h
}

/// The person, topic and year fields (`data-act` person, topic, from, to) with the current
/// values, then the export buttons (`data-act="export"`, `value` the format). `people` and
/// `topics` are `entity_options` of the dataset.
pub fn filter_fields(
    people: &str,
    topics: &str,
    person: Option<&str>,
    topic: Option<&str>,
    from: Option<i32>,
    to: Option<i32>,
) -> String {
    let mut h = String::from("<div class=\"selects\">");
    for (seg, label, options, value) in [
        ("people", "Person", people, person),
        ("topics", "Topic", topics, topic),
    ] {
        let _ = write!(
            h,
            "<span><label for=\"filter-{seg}\">{label}</label>\
             <select id=\"filter-{seg}\" data-act=\"{seg}\">{}</select></span>",
            select_option(options, value.unwrap_or(""))
        );
    }
    for (which, label, value) in [("from", "From year", from), ("to", "To year", to)] {
        let _ = write!(
            h,
            "<span><label for=\"filter-{which}\">{label}</label><input id=\"filter-{which}\" \
             type=\"number\" inputmode=\"numeric\" min=\"1\" max=\"9999\" class=\"year\" \
             data-act=\"{which}\" value=\"{}\"></span>",
            value.map(|y| y.to_string()).unwrap_or_default()
        );
    }
    h.push_str(
        "</div><div class=\"exports\" role=\"group\" aria-label=\"Export the events shown\">\
         <span class=\"label\">Export view: </span>\
         <button type=\"button\" id=\"export-csv\" data-act=\"export\" value=\"csv\">CSV</button>\
         <button type=\"button\" id=\"export-json\" data-act=\"export\" value=\"json\">JSON</button>\
         <button type=\"button\" id=\"export-ics\" data-act=\"export\" value=\"ics\">Calendar (ICS)</button></div>",
    );
    h
}

/// `options` (from `entity_options`) with the option of `value` selected.
fn select_option(options: &str, value: &str) -> String {
    let at = format!("<option value=\"{}\">", esc(value));
    match options.find(&at) {
        Some(i) => {
            let end = i + at.len() - 1;
            format!("{} selected{}", &options[..end], &options[end..])
        }
        None => options.to_string(),
    }
}

/// "N of M events", and a Clear filters button (`data-act="clear"`) when filtered.
pub fn shown_line(shown: usize, total: usize, filtered: bool) -> String {
    let mut h = format!("{shown} of {total} events");
    if filtered {
        h.push_str(
            " \u{00b7} <button type=\"button\" class=\"link\" id=\"clear-filters\" data-act=\"clear\">Clear filters</button>",
        );
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_names_an_opened_dataset_escaped() {
        assert!(footer("/b/", None).contains("five news articles"));
        let h = footer("/b/", Some("the file \u{201c}<x>.json\u{201d}"));
        assert!(h.contains("Showing the file \u{201c}&lt;x&gt;.json\u{201d}, opened"));
        assert!(h.contains("href=\"/b/schema/dataset.schema.json\""));
    }

    #[test]
    fn lane_labels_match_the_stylesheet_positions() {
        // style/main.css places `.lane-N` at `lane_y(N) - 21` px.
        let css = include_str!("../style/main.css");
        for i in 0..crate::model::LANES.len() {
            let rule = format!(".lane-{i} {{ top: {}px; }}", lane_y(i) as i32 - 21);
            assert!(css.contains(&rule), "missing {rule}");
        }
        assert_eq!(
            lane_labels().matches("lane-label").count(),
            crate::model::LANES.len()
        );
    }

    #[test]
    fn the_axis_bar_names_the_months_shown() {
        let v = crate::layout::View {
            start: crate::model::date::day_number(2020, 9, 27) as f64,
            end: crate::model::date::day_number(2024, 4, 2) as f64,
        };
        let h = axis_bar(&v);
        assert!(
            h.contains("<p class=\"range\">Showing Sep 2020 to Apr 2024</p>"),
            "{h}"
        );
        assert_eq!(h.matches("<li>").count(), Kind::ALL.len());
    }

    #[test]
    fn filter_fields_select_the_current_values_and_escape_them() {
        let opts = "<option value=\"\">All</option><option value=\"a\">A (1)</option>\
                    <option value=\"b&amp;c\">B (2)</option>";
        let h = filter_fields(opts, opts, Some("b&c"), None, Some(2020), None);
        assert!(h.contains("<option value=\"b&amp;c\" selected>B (2)</option>"));
        assert_eq!(h.matches(" selected").count(), 2, "the topic selects All");
        assert!(h.contains("data-act=\"from\" value=\"2020\""));
        assert!(h.contains("data-act=\"to\" value=\"\""));
        assert_eq!(h.matches("data-act=\"export\"").count(), 3);
    }

    #[test]
    fn kind_chips_check_the_selected_kinds_with_their_counts() {
        let h = kind_chips(&[(Kind::Visit, 3), (Kind::Call, 0)], &[Kind::Call]);
        assert!(h.contains("id=\"kind-visit\" data-act=\"kind\" value=\"visit\"><span"));
        assert!(h.contains("value=\"call\" checked>"));
        assert!(h.contains("Visits<span class=\"count\">(3)</span>"));
    }

    #[test]
    fn problem_notices_show_the_error_with_dismiss_and_escape_the_summary() {
        let p = crate::dataset::Problem {
            item: "e1".into(),
            field: "date".into(),
            message: "bad".into(),
        };
        let err = crate::dataset::LoadError::new("Could not open <x>.");
        let h = problem_notices(Some(&err), "1 of 2 & more", std::slice::from_ref(&p));
        assert!(h.starts_with(
            "<div class=\"notice error\" role=\"alert\"><p>Could not open &lt;x&gt;.</p><button"
        ));
        assert!(h.contains("data-act=\"dismiss\""));
        assert!(h.contains("<summary>1 of 2 &amp; more</summary>"));
        assert_eq!(problem_notices(None, "", &[]), "");
        assert!(shown_line(1, 2, true).contains("data-act=\"clear\""));
        assert!(!shown_line(2, 2, false).contains("button"));
    }

    #[test]
    fn problem_tables_escape_every_cell_and_count_what_they_leave_out() {
        let p = |i: usize| crate::dataset::Problem {
            item: format!("<e{i}>"),
            field: "date".into(),
            message: "\"2021-02-30\" & more".into(),
        };
        let t = problem_table(&[p(1)]);
        assert!(t.contains("<td><code>&lt;e1&gt;</code></td><td><code>date</code></td>"));
        assert!(t.contains("&quot;2021-02-30&quot; &amp; more"));
        assert!(!t.contains("more.</p>"));
        let many: Vec<_> = (0..PROBLEM_ROWS + 3).map(p).collect();
        let t = problem_table(&many);
        assert_eq!(t.matches("<tr>").count(), PROBLEM_ROWS + 1);
        assert!(t.ends_with("</table><p>\u{2026} and 3 more.</p>"));
    }

    #[test]
    fn overview_thins_out_close_ticks() {
        let svg = overview_svg(&[0.0, 0.0005, 0.5, 1.0]);
        assert_eq!(svg.matches('M').count(), 3);
        assert!(svg.contains("M500 1h2v8h-2z"));
    }

    #[test]
    fn fixed_decimals_match_the_float_formatter_except_on_ties() {
        for (v, places) in [
            (0.0, 1),
            (1.26, 1),
            (-4.56789, 2),
            (999.96, 1),
            (0.049, 1),
            (12.7, 0),
        ] {
            let want = format!("{v:.p$}", p = places as usize);
            assert_eq!(Fixed(v, places).to_string(), want, "{v} to {places} places");
        }
        assert_eq!(Fixed(f64::NAN, 1).to_string(), "0.0");
        // Ties round away from zero (the float formatter rounds them to even).
        assert_eq!(Fixed(1.25, 1).to_string(), "1.3");
        assert_eq!(Fixed(-0.5, 0).to_string(), "-1");
    }

    #[test]
    fn a_card_links_web_sources_and_names_seed_articles() {
        let json = r#"{"sources":[
              {"id":"w","title":"Visits <by> leaders","url":"https://example.org/v?a=1&b=2"},
              {"id":"s","file":"article.md","outlet":"Outlet"}],
            "events":[{"id":"a","kind":"visit","title":"T","date":"2021-04-13","sources":["w","s"]}]}"#;
        let Ok(loaded) = crate::dataset::load_str(json, None) else {
            panic!("loads");
        };
        let ds = loaded.dataset;
        let q = Query::default();
        let links = Links {
            base: "/",
            query: &q,
        };
        let h = card(
            &ds,
            &ds.events[0],
            links,
            "https://x.org/events/a",
            &[0],
            false,
        );
        let web = "<li><a href=\"https://example.org/v?a=1&amp;b=2\" rel=\"external noopener noreferrer\">\u{201c}Visits &lt;by&gt; leaders\u{201d} (https://example.org/v?a=1&amp;b=2)</a></li>";
        assert!(h.contains(web), "{h}");
        assert!(h.contains("<li>Outlet (article article.md)</li>"), "{h}");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
