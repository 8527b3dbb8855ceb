//! The event card (over the timeline) and the not-found card for unknown ids.

use leptos::prelude::*;

use super::chrome::KindBadge;
use super::list::focus_event;
use super::{site_origin, Ctx};
use crate::model::date::human_range;
use crate::model::{DateBasis, EntityKind, Event, Kind, Precision};
use crate::route::{entity_href, event_href, Page, Route};
use crate::search::suggest;

/// The card for `id`, or a not-found card with suggestions.
#[component]
pub fn Card(id: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Announce by moving focus to the title once per opened card (screen readers read the heading).
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let close_id = id.clone();
    let close = move || {
        let pos = ctx.data.with_untracked(|d| d.ds.position(&close_id));
        let query = ctx.route.with_untracked(|r| r.query.clone());
        ctx.navigate(Route::new(Page::Timeline, query), false);
        if let Some(p) = pos {
            request_animation_frame(move || focus_event(ctx, p));
        }
    };
    let close2 = close.clone();
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close2();
        }
    };
    let body = {
        let id = id.clone();
        move || {
            let d = ctx.data.get();
            match d.ds.event(&id) {
                Some(e) => view! { <CardBody e=e.clone() heading=heading/> }.into_any(),
                None => view! { <NotFoundBody id=id.clone() heading=heading/> }.into_any(),
            }
        }
    };
    view! {
        <aside class="card" aria-labelledby="card-title" on:keydown=on_key>
            <button type="button" class="close" aria-label="Close the card" on:click=move |_| close()>"\u{00d7}"</button>
            {body}
        </aside>
    }
}

fn date_line(e: &Event) -> impl IntoView {
    let precision = match e.date.precision() {
        Precision::Day => "",
        Precision::Month => " (month known, day not given)",
        Precision::Year => " (year only)",
    };
    let inferred = match &e.basis {
        DateBasis::Stated => None,
        DateBasis::Inferred { reason } => Some(view! {
            <p class="inferred-note"><strong>"Date inferred: "</strong>{reason.clone()}</p>
        }),
    };
    view! {
        <p class="date">
            <time datetime=e.date.iso()>{human_range(&e.date, e.end.as_ref())}</time>
            {precision}
            {e.basis.is_inferred().then(|| view! { " \u{00b7} " <span class="inferred">"inferred"</span> })}
        </p>
        {inferred}
    }
}

#[component]
fn CardBody(e: Event, heading: NodeRef<leptos::html::H2>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let d = ctx.data.get_untracked();
    let ds = &d.ds;
    let base = ctx.base.get_value();
    let query = ctx.route.with_untracked(|r| r.query.clone());
    let ev_link = |other: &Event| {
        let href = event_href(&base, &other.id, &query);
        view! {
            <li><a href=href><KindBadge kind=other.kind/>" "{other.date.human()}" \u{2014} "{other.title.clone()}</a></li>
        }
    };
    let ent_link = |kind: EntityKind, id: &str| {
        let href = entity_href(&base, kind, id, &query);
        view! { <a href=href>{ds.name_of(kind, id)}</a> }
    };
    let place = e.place.as_deref().map(|p| view! { <p class="place"><span class="label">"Place: "</span>{ent_link(EntityKind::Place, p)}</p> });
    let people =
        (!e.participants.is_empty()).then(|| {
            let list = e
            .participants
            .iter()
            .map(|p| {
                let role = ds.entity(EntityKind::Person, p).and_then(|x| x.role.clone());
                view! { <li>{ent_link(EntityKind::Person, p)}{role.map(|r| format!(", {r}"))}</li> }
            })
            .collect_view();
            view! { <div class="people"><h3>"Participants"</h3><ul>{list}</ul></div> }
        });
    let topics = (!e.topics.is_empty()).then(|| {
        let list = e
            .topics
            .iter()
            .map(|t| view! { <li>{ent_link(EntityKind::Topic, t)}</li> })
            .collect_view();
        view! { <div class="topics"><h3>"Topics"</h3><ul class="inline">{list}</ul></div> }
    });
    let part_of = e.part_of.as_deref().and_then(|p| ds.event(p)).map(|v| {
        view! { <div><h3>"Part of"</h3><ul>{ev_link(v)}</ul></div> }
    });
    let parts: Vec<&Event> = ds.parts_of(&e.id).collect();
    let (signings, other_parts): (Vec<&Event>, Vec<&Event>) =
        parts.into_iter().partition(|p| p.kind == Kind::Signing);
    let parts_view = (!other_parts.is_empty()).then(|| {
        let list = other_parts.iter().map(|p| ev_link(p)).collect_view();
        view! { <div><h3>"Parts of this visit"</h3><ul>{list}</ul></div> }
    });
    let signed_view = (!signings.is_empty()).then(|| {
        let list = signings.iter().map(|p| ev_link(p)).collect_view();
        view! { <div><h3>"Documents signed during this visit"</h3><ul>{list}</ul></div> }
    });
    let documents = (!e.documents.is_empty()).then(|| {
        let list = e
            .documents
            .iter()
            .map(|doc| {
                let kind = ds.entity(EntityKind::Document, doc).and_then(|x| x.role.clone()).unwrap_or_default();
                view! { <li>{ent_link(EntityKind::Document, doc)}" ("{kind.replace('-', " ")}")"</li> }
            })
            .collect_view();
        view! { <div><h3>"Document"</h3><ul>{list}</ul></div> }
    });
    let quotes = (!e.quotes.is_empty()).then(|| {
        let list = e
            .quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.as_deref().map(|s| format!("{}, ", ds.name_of(EntityKind::Person, s)));
                let source = ds.source(&q.source).map(|s| s.display()).unwrap_or_default();
                view! {
                    <figure class="quote">
                        <blockquote><p>{q.text.clone()}</p></blockquote>
                        <figcaption>"\u{2014} "{speaker}"as reported in "<cite>{source}</cite></figcaption>
                    </figure>
                }
            })
            .collect_view();
        view! { <div class="quotes"><h3>"What the sources say"</h3>{list}</div> }
    });
    let plans = (!e.plans.is_empty()).then(|| {
        let list = e
            .plans
            .iter()
            .map(|p| {
                let by = p.by.as_deref().map(|b| format!(" ({})", ds.name_of(EntityKind::Person, b)));
                let quote = p.quote.as_ref().map(|q| {
                    let source = ds.source(&q.source).map(|s| s.display()).unwrap_or_default();
                    view! { <blockquote><p>{q.text.clone()}</p><footer><cite>{source}</cite></footer></blockquote> }
                });
                view! { <li><strong>{p.kind.label()}</strong>{by}": "{p.text.clone()}{quote}</li> }
            })
            .collect_view();
        view! {
            <div class="plans">
                <h3>"Plans, offers and agreements stated"</h3>
                <p class="hint">"What was said would happen, not what the sources report as done."</p>
                <ul>{list}</ul>
            </div>
        }
    });
    let same = (!e.same_occasion_as.is_empty()).then(|| {
        let list = e.same_occasion_as.iter().filter_map(|s| ds.event(s)).map(|o| ev_link(o)).collect_view();
        view! {
            <div class="same">
                <h3>"Possibly the same occasion"</h3>
                <p class="hint">"Another article may describe this occasion but does not say so; both accounts are kept."</p>
                <ul>{list}</ul>
            </div>
        }
    });
    let related = ds.related_to(&e);
    let related_view = (!related.is_empty()).then(|| {
        let list = related.iter().map(|r| ev_link(r)).collect_view();
        view! { <div><h3>"Related events"</h3><ul>{list}</ul></div> }
    });
    let sources = e
        .sources
        .iter()
        .filter_map(|s| ds.source(s))
        .map(|s| view! { <li>{s.display()}</li> })
        .collect_view();
    // Previous and next in the current (filtered) view, else in the whole dataset.
    let f = ctx.filtered.get_untracked();
    let pos = ds.position(&e.id).unwrap_or(0);
    let order: Vec<usize> = if f.visible.contains(&pos) {
        f.visible.clone()
    } else {
        (0..ds.events.len()).collect()
    };
    let at = order.iter().position(|&p| p == pos);
    let prev = at
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| order.get(i))
        .map(|&p| &ds.events[p]);
    let next = at.and_then(|i| order.get(i + 1)).map(|&p| &ds.events[p]);
    let nav_link = |label: &'static str, ev: Option<&Event>, rel: &'static str| {
        ev.map(|o| {
            let href = event_href(&base, &o.id, &query);
            view! { <a href=href rel=rel class=rel><span class="label">{label}</span>{o.title.clone()}</a> }
        })
    };
    let permalink = crate::route::absolute(
        &site_origin(),
        &event_href(
            &base,
            &e.id,
            &crate::route::Query {
                data: query.data.clone(),
                ..Default::default()
            },
        ),
    );
    let citation = citation(&e, ds, &permalink);
    view! {
        <header>
            <KindBadge kind=e.kind/>
            <h2 id="card-title" tabindex="-1" node_ref=heading>{e.title.clone()}</h2>
            {date_line(&e)}
        </header>
        {place}
        <p class="summary">{e.summary.clone()}</p>
        {people}
        {part_of}
        {documents}
        {signed_view}
        {parts_view}
        {quotes}
        {plans}
        {same}
        {related_view}
        {topics}
        <div class="sources"><h3>"Sources"</h3><ul>{sources}</ul></div>
        <ShareBox permalink=permalink citation=citation/>
        <nav class="prevnext" aria-label="Neighbouring events">
            {nav_link("\u{2190} Previous", prev, "prev")}
            {nav_link("Next \u{2192}", next, "next")}
        </nav>
    }
}

/// A ready citation: event, date, sources and permalink.
pub fn citation(e: &Event, ds: &crate::model::Dataset, permalink: &str) -> String {
    let sources: Vec<String> = e
        .sources
        .iter()
        .filter_map(|s| ds.source(s))
        .map(|s| s.display())
        .collect();
    format!(
        "\u{201c}{}\u{201d} ({}, {}{}). {}. Sources: {}. {}",
        e.title,
        e.kind.label().to_lowercase(),
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

/// Copy link, share, and cite.
#[component]
fn ShareBox(permalink: String, citation: String) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |text: String, what: &'static str| {
        let clip = js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok();
        let ok = clip
            .filter(|c| !c.is_undefined())
            .and_then(|c| {
                let f = js_sys::Reflect::get(&c, &"writeText".into()).ok()?;
                let f: js_sys::Function = wasm_bindgen::JsCast::dyn_into(f).ok()?;
                f.call1(&c, &text.into()).ok()
            })
            .is_some();
        status.set(if ok {
            format!("{what} copied.")
        } else {
            format!("Copy failed: select the {what} below and copy it.")
        });
    };
    let link = permalink.clone();
    let cite = citation.clone();
    let can_share = js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false);
    let share_link = permalink.clone();
    let share = move |_| {
        let nav = window().navigator();
        let data = web_sys::ShareData::new();
        data.set_url(&share_link);
        let _ = nav.share_with_data(&data);
    };
    view! {
        <div class="share">
            <h3>"Share and cite"</h3>
            <p class="buttons">
                <button type="button" on:click=move |_| copy(link.clone(), "Link")>"Copy link"</button>
                {can_share.then(|| view! { <button type="button" on:click=share>"Share\u{2026}"</button> })}
                <button type="button" on:click=move |_| copy(cite.clone(), "Citation")>"Copy citation"</button>
                <span class="status" role="status">{move || status.get()}</span>
            </p>
            <p class="permalink"><a href=permalink.clone()>{permalink.clone()}</a></p>
            <p class="citation">{citation}</p>
        </div>
    }
}

#[component]
fn NotFoundBody(id: String, heading: NodeRef<leptos::html::H2>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let d = ctx.data.get_untracked();
    let base = ctx.base.get_value();
    let query = ctx.route.with_untracked(|r| r.query.clone());
    let list = suggest(&d.ds, &id, 5)
        .into_iter()
        .map(|p| {
            let e = &d.ds.events[p];
            view! { <li><a href=event_href(&base, &e.id, &query)>{e.date.human()}" \u{2014} "{e.title.clone()}</a></li> }
        })
        .collect_view();
    let shown: String = crate::dataset::validate::truncate(&id, 80);
    view! {
        <header>
            <h2 id="card-title" tabindex="-1" node_ref=heading>"No event with this id"</h2>
        </header>
        <p>"There is no event "<code>{shown}</code>" in "{d.origin.clone()}". It may have been mistyped or renamed."</p>
        <h3>"Closest events"</h3>
        <ul class="suggestions">{list}</ul>
        <p><a href=ctx.href(&Route::new(Page::Timeline, query.cleared()))>"See all events"</a></p>
    }
}
