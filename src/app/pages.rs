//! Pages other than the timeline: entity pages, the trade figures with their disagreements,
//! sources and method, and the not-found page.

use leptos::prelude::*;

use super::chrome::KindBadge;
use super::Ctx;
use crate::model::{EntityKind, Measure};
use crate::route::{event_href, Page, Query, Route};

/// `/people|places|topics|documents/<id>`: what the dataset says, with its events.
#[component]
pub fn EntityPage(kind: EntityKind, id: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let d = ctx.data.get();
        let base = ctx.base.get_value();
        let query = ctx.route.with(|r| r.query.clone());
        let Some(ent) = d.ds.entity(kind, &id).cloned() else {
            return view! {
                <article class="page">
                    <h1>{format!("No {} with this id", kind.label().to_lowercase())}</h1>
                    <p>"Nothing in "{d.origin.clone()}" has the id "<code>{id.clone()}</code>"."</p>
                    <p><a href=ctx.href(&Route::new(Page::Timeline, query.cleared()))>"Back to the timeline"</a></p>
                </article>
            }
            .into_any();
        };
        let events: Vec<_> = d.ds.events_with(kind, &id).cloned().collect();
        let first = events.first().map(|e| e.date.human());
        let last = events.last().map(|e| e.date.human());
        let span = match (first, last) {
            (Some(a), Some(b)) if a != b => format!("{} events, {a} to {b}.", events.len()),
            (Some(a), _) => format!("{} event, {a}.", events.len()),
            _ => "No event mentions it.".into(),
        };
        // A small timeline: each event placed on the entity's own span.
        let (lo, hi) = match (
            events.first(),
            events.iter().map(|e| e.date.last_day()).max(),
        ) {
            (Some(f), Some(l)) => (f.date.first_day() as f64, l as f64 + 1.0),
            _ => (0.0, 1.0),
        };
        let pad = ((hi - lo) * 0.05).max(15.0);
        let strip = events
            .iter()
            .map(|e| {
                let frac = (e.date.first_day() as f64 - lo + pad) / (hi - lo + 2.0 * pad);
                view! { <a class=format!("marker kind-{}", e.kind.slug()) tabindex="-1" title=e.title.clone()
                    href=event_href(&base, &e.id, &query) style:left=format!("{:.2}%", frac * 100.0) style:top="8px"></a> }
            })
            .collect_view();
        let filter_href = {
            let mut q = query.cleared();
            match kind {
                EntityKind::Person => q.person = Some(id.clone()),
                EntityKind::Topic => q.topic = Some(id.clone()),
                _ => q.q = ent.name.clone(),
            }
            ctx.href(&Route::new(Page::Timeline, q))
        };
        let list = events
            .iter()
            .map(|e| {
                view! {
                    <li><a href=event_href(&base, &e.id, &query)><KindBadge kind=e.kind/>" "
                        <time datetime=e.date.iso()>{e.date.human()}</time>
                        {e.basis.is_inferred().then(|| view! { " " <span class="inferred">"inferred"</span> })}
                        " \u{2014} "{e.title.clone()}</a></li>
                }
            })
            .collect_view();
        let variants = (!ent.variants.is_empty()).then(|| {
            view! { <p><span class="label">"Also written: "</span>{ent.variants.join(", ")}</p> }
        });
        view! {
            <article class="page entity">
                <p class="eyebrow">{kind.label()}</p>
                <h1>{ent.name.clone()}</h1>
                {ent.role.clone().map(|r| view! { <p class="role">{r.replace('-', " ")}</p> })}
                {variants}
                {ent.description.clone().map(|t| view! { <p>{t}</p> })}
                <p>{span}" "<a href=filter_href>"Show them on the timeline"</a></p>
                <div class="mini-axis" aria-hidden="true">{strip}</div>
                <ol class="plain">{list}</ol>
            </article>
        }
        .into_any()
    }
}

/// `/trade`: every turnover figure with its quote, an SVG chart, and the disagreements.
#[component]
pub fn TradePage() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let d = ctx.data.get();
        let ds = &d.ds;
        let base = ctx.base.get_value();
        let query = ctx.route.with(|r| r.query.clone());
        let valued: Vec<_> = ds
            .figures
            .iter()
            .filter(|f| f.value_musd.is_some())
            .collect();
        let chart = chart(&valued, ds, &base, &query);
        let rows = ds
            .figures
            .iter()
            .map(|f| {
                let source = ds.source(&f.quote.source).map(|s| s.display()).unwrap_or_default();
                let value = match f.value_musd {
                    Some(v) => format!("{}{} million USD", if f.approximate { "about " } else { "" }, fmt_num(v)),
                    None => "no figure given".into(),
                };
                let event = f.event.as_deref().and_then(|e| ds.event(e)).map(|e| {
                    view! { <a href=event_href(&base, &e.id, &query)>{e.title.clone()}</a> }
                });
                let inferred = match &f.basis {
                    crate::model::DateBasis::Inferred { reason } => Some(view! { <span class="inferred" title=reason.clone()>"inferred"</span> " " <small>{reason.clone()}</small> }),
                    _ => None,
                };
                view! {
                    <tr id=format!("figure-{}", f.id)>
                        <th scope="row">{f.period.human()}" "{inferred}</th>
                        <td>{f.label.clone()}</td>
                        <td class="num">{value}</td>
                        <td><q>{f.quote.text.clone()}</q>" \u{2014} "<cite>{source}</cite>{event.map(|e| view! { <br/>"Said at: "{e} })}</td>
                    </tr>
                }
            })
            .collect_view();
        let gaps = ds
            .discrepancies
            .iter()
            .map(|g| {
                let figs = g
                    .figures
                    .iter()
                    .filter_map(|id| ds.figures.iter().find(|f| &f.id == id))
                    .map(|f| {
                        let source = ds.source(&f.quote.source).map(|s| s.display()).unwrap_or_default();
                        view! {
                            <li><strong>{f.value_musd.map(|v| format!("{}{} million USD", if f.approximate { "about " } else { "" }, fmt_num(v))).unwrap_or_else(|| "no figure".into())}</strong>
                            " ("{f.period.human()}{f.basis.is_inferred().then_some(", inferred")}"): "
                            <q>{f.quote.text.clone()}</q>" \u{2014} "<cite>{source}</cite></li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="gap" id=format!("gap-{}", g.id)>
                        <h3>{g.title.clone()}</h3>
                        <ul>{figs}</ul>
                        <p>{g.explanation.clone()}</p>
                    </section>
                }
            })
            .collect_view();
        view! {
            <article class="page trade">
                <h1>"Trade figures"</h1>
                <p>"Each figure is dated to the period it is about, not to the article. Where the sources disagree, both values are shown with their quotes; the gap is not explained by the sources and is not smoothed here."</p>
                {chart}
                <h2>"Where the sources disagree"</h2>
                {gaps}
                <h2>"All figures"</h2>
                <div class="table-wrap">
                <table>
                    <thead><tr><th scope="col">"Period"</th><th scope="col">"Measure"</th><th scope="col">"Value"</th><th scope="col">"Quote and source"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                </div>
            </article>
        }
    }
}

fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

/// The SVG chart: one point per valued figure on a log scale (the figures span 4.9 to 500),
/// linked to its row; disagreeing figures joined by a dashed line.
fn chart(
    figs: &[&crate::model::Figure],
    ds: &crate::model::Dataset,
    _base: &str,
    _query: &Query,
) -> impl IntoView {
    if figs.is_empty() {
        return None;
    }
    let (w, h, left, right, top, bottom) = (720.0, 320.0, 64.0, 16.0, 16.0, 40.0);
    let y0 = figs.iter().map(|f| f.period.year()).min().unwrap_or(2000) - 1;
    let y1 = figs.iter().map(|f| f.period.year()).max().unwrap_or(2024) + 1;
    let x = move |year: f64| {
        left + (year - f64::from(y0)) / f64::from((y1 - y0).max(1)) * (w - left - right)
    };
    let (lo, hi) = (1.0_f64, 1000.0_f64);
    let y = move |v: f64| {
        top + (1.0 - (v.max(lo).ln() - lo.ln()) / (hi.ln() - lo.ln())) * (h - top - bottom)
    };
    let grid = [1.0, 10.0, 100.0, 1000.0]
        .iter()
        .map(|&v| {
            view! {
                <line x1=left x2=w - right y1=y(v) y2=y(v) class="grid"/>
                <text x=left - 6.0 y=y(v) + 4.0 text-anchor="end">{format!("{}", v as i64)}</text>
            }
        })
        .collect_view();
    let years = (y0..=y1)
        .filter(|yr| (y1 - y0) < 12 || yr % 2 == 0)
        .map(|yr| view! { <text x=x(f64::from(yr) + 0.5) y=h - 16.0 text-anchor="middle">{yr.to_string()}</text> })
        .collect_view();
    let gap_lines = ds
        .discrepancies
        .iter()
        .flat_map(|g| {
            let pts: Vec<(f64, f64)> = g
                .figures
                .iter()
                .filter_map(|id| figs.iter().find(|f| &f.id == id))
                .filter_map(|f| {
                    f.value_musd
                        .map(|v| (x(f64::from(f.period.year()) + 0.5), y(v)))
                })
                .collect();
            pts.windows(2)
                .map(|p| view! { <line x1=p[0].0 y1=p[0].1 x2=p[1].0 y2=p[1].1 class="gap-line"/> })
                .collect::<Vec<_>>()
        })
        .collect_view();
    let points = figs
        .iter()
        .filter_map(|f| {
            let v = f.value_musd?;
            let (cx, cy) = (x(f64::from(f.period.year()) + 0.5), y(v));
            let source = ds
                .source(&f.quote.source)
                .map(|s| s.display())
                .unwrap_or_default();
            let label = format!(
                "{}: {}{} million USD ({}{}), source {}",
                f.label,
                if f.approximate { "about " } else { "" },
                fmt_num(v),
                f.period.human(),
                if f.basis.is_inferred() {
                    ", period inferred"
                } else {
                    ""
                },
                source
            );
            let class = match f.measure {
                Measure::Total => "pt total",
                _ => "pt part",
            };
            let aria = label.clone();
            Some(view! {
                <a href=format!("#figure-{}", f.id) aria-label=aria>
                    <title>{label}</title>
                    <circle cx=cx cy=cy r="7" class=class class:approx=f.approximate/>
                    <text x=cx + 10.0 y=cy + 4.0 class="pt-label">{fmt_num(v)}</text>
                </a>
            })
        })
        .collect_view();
    Some(view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {w} {h}") role="img" aria-labelledby="chart-title">
                <title id="chart-title">"Azerbaijan\u{2013}Belarus trade turnover figures from the sources, million USD, log scale"</title>
                {grid}{years}{gap_lines}{points}
            </svg>
            <figcaption>"Million US dollars, logarithmic scale. Filled: total turnover; hollow: one direction of trade; dashed lines join figures the sources leave unreconciled. Each point links to its quote below."</figcaption>
        </figure>
    })
}

/// `/about`: the sources, the method, and how to bring your own data.
#[component]
pub fn AboutPage() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let base = ctx.base.get_value();
    let sources = move || {
        ctx.data.with(|d| {
            d.ds.sources
                .iter()
                .map(|s| {
                    let n =
                        d.ds.events
                            .iter()
                            .filter(|e| e.sources.contains(&s.id))
                            .count();
                    view! { <li>{s.display()}" \u{2014} cited by "{n}" events"</li> }
                })
                .collect_view()
        })
    };
    view! {
        <article class="page about">
            <h1>"Sources and method"</h1>
            <p>"This timeline is built only from the articles listed below. Every event cites the article(s) that report it with short verbatim quotes, and every quote is checked against the article text when the dataset is built."</p>
            <h2>"Sources"</h2>
            <ul>{sources}</ul>
            <h2>"Dates"</h2>
            <p>"Several articles give a day and month but no year, or no date at all. Such dates are marked "<em>"inferred"</em>" and each card gives the reason. Where two articles may describe the same occasion without saying so, both accounts are kept and linked as possibly the same occasion."</p>
            <h2>"Your own data"</h2>
            <p>"Open a JSON file in the same format with \u{201c}Open dataset\u{201d} or by dropping it on the page; it is checked by the same validator and never leaves your browser. The format is described by the "
                <a href=format!("{base}schema/dataset.schema.json")>"JSON Schema"</a>"; the current dataset is at "
                <a href=format!("{base}data/events.json")>"data/events.json"</a>"."</p>
        </article>
    }
}

/// Any path outside the grammar.
#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let home = ctx.href(&Route::new(Page::Timeline, Query::default()));
    let shown = crate::dataset::validate::truncate(&path, 120);
    view! {
        <article class="page">
            <h1>"Page not found"</h1>
            <p>"The address "<code>{shown}</code>" is not part of this timeline."</p>
            <p><a href=home>"Go to the timeline"</a></p>
        </article>
    }
}
