//! Axis maths for the timeline: the visible window, zoom and pan, adaptive ticks, and the
//! clustering of markers that would overlap. Pure; positions are fractions of the axis width.

use crate::model::date::{civil_from_days, day_number, month_name};
use crate::model::{Dataset, Kind};

/// The visible time window, in days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub start: f64,
    pub end: f64,
}

/// The narrowest window, in days.
pub const MIN_SPAN: f64 = 14.0;

impl View {
    /// A window showing `first..=last` with a margin on both sides.
    pub fn fit(first: i64, last: i64) -> View {
        let (a, b) = (first as f64, last as f64 + 1.0);
        let span = (b - a).max(60.0);
        let mid = (a + b) / 2.0;
        let half = span * 0.55;
        View {
            start: mid - half,
            end: mid + half,
        }
    }

    /// The window showing every event of a dataset (or a default year when it is empty).
    pub fn all(ds: &Dataset) -> View {
        let first = ds.events.iter().map(|e| e.date.first_day()).min();
        let last = ds
            .events
            .iter()
            .map(|e| e.end.unwrap_or(e.date).last_day())
            .max();
        match (first, last) {
            (Some(f), Some(l)) => View::fit(f, l),
            _ => View::fit(day_number(2024, 1, 1), day_number(2024, 12, 31)),
        }
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Zooms by `factor` (< 1 zooms in) keeping the point at fraction `anchor` of the width fixed;
    /// never narrower than `MIN_SPAN` nor wider than `limit`'s span times four.
    pub fn zoom(&self, factor: f64, anchor: f64, limit: &View) -> View {
        let anchor = anchor.clamp(0.0, 1.0);
        let span = (self.span() * factor).clamp(MIN_SPAN, limit.span() * 4.0);
        let at = self.start + self.span() * anchor;
        View {
            start: at - span * anchor,
            end: at - span * anchor + span,
        }
        .within(limit)
    }

    /// Moves by a fraction of the width (positive moves later in time).
    pub fn pan(&self, frac: f64, limit: &View) -> View {
        let d = self.span() * frac;
        View {
            start: self.start + d,
            end: self.end + d,
        }
        .within(limit)
    }

    /// Keeps the window's centre inside `limit`.
    fn within(self, limit: &View) -> View {
        let mid = (self.start + self.end) / 2.0;
        let shift = if mid < limit.start {
            limit.start - mid
        } else if mid > limit.end {
            limit.end - mid
        } else {
            0.0
        };
        View {
            start: self.start + shift,
            end: self.end + shift,
        }
    }

    /// A window centred on a day, `span` days wide.
    pub fn around(day: f64, span: f64) -> View {
        View {
            start: day - span / 2.0,
            end: day + span / 2.0,
        }
    }

    /// Where a day falls, as a fraction of the width (may be outside 0..1).
    pub fn frac(&self, day: f64) -> f64 {
        (day - self.start) / self.span()
    }
}

/// How much wider than the view the axis is drawn: half a view on each side.
pub const DRAWN_WIDTH: f64 = 2.0;
/// How far a drawing may be zoomed (made wider or narrower) before it is drawn again.
pub const ZOOM_SLACK: f64 = 1.5;

impl View {
    /// The window to draw the axis for while this view is shown: `drawn` while it still shows
    /// the view (it covers it, zoomed by at most `ZOOM_SLACK` either way: a pan or a zoom then
    /// moves or stretches the drawing and draws nothing), else the view with half a view on
    /// each side.
    pub fn drawn(&self, drawn: Option<&View>) -> View {
        let keeps = |d: &View| {
            let zoom = d.span() / (self.span() * DRAWN_WIDTH);
            (1.0 / ZOOM_SLACK..=ZOOM_SLACK).contains(&zoom)
                && d.start <= self.start
                && self.end <= d.end
        };
        match drawn {
            Some(d) if keeps(d) => *d,
            _ => {
                let margin = self.span() * (DRAWN_WIDTH - 1.0) / 2.0;
                View {
                    start: self.start - margin,
                    end: self.end + margin,
                }
            }
        }
    }

    /// Whether a drawing of `drawn` is at this view's zoom, as if just drawn for it (after a
    /// zoom it is drawn again once the zooming stops, so clusters and ticks fit the new zoom).
    pub fn drawn_to_scale(&self, drawn: &View) -> bool {
        (drawn.span() - self.span() * DRAWN_WIDTH).abs() <= drawn.span().abs() * 1e-9
    }

    /// Where a drawing of window `drawn` starts, in pixels from the left edge of an axis that
    /// shows this view `width` pixels wide (zero or negative while the view is inside it).
    pub fn offset_of(&self, drawn: &View, width: f64) -> f64 {
        self.frac(drawn.start) * width
    }

    /// How wide a drawing of window `drawn` is, in pixels, on an axis that shows this view
    /// `width` pixels wide.
    pub fn width_of(&self, drawn: &View, width: f64) -> f64 {
        drawn.span() / self.span() * width
    }
}

/// An axis tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub frac: f64,
    pub label: String,
    /// Year boundaries are major ticks.
    pub major: bool,
}

/// Ticks for a window drawn `width` pixels wide: months or years, at least ~80 px apart.
pub fn ticks(view: &View, width: f64) -> Vec<Tick> {
    let px_per_day = width.max(1.0) / view.span();
    let months_steps = [1, 3, 6];
    let year_steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];
    let min_px = 80.0;
    let (y0, _, _) = civil_from_days(view.start.floor() as i64);
    let (y1, _, _) = civil_from_days(view.end.ceil() as i64);
    let mut out = Vec::new();
    if let Some(&m) = months_steps
        .iter()
        .find(|&&m| f64::from(m) * 30.4 * px_per_day >= min_px)
    {
        for y in y0..=y1 {
            for month in (1..=12).step_by(m as usize) {
                let day = day_number(y, month, 1) as f64;
                if day >= view.start && day <= view.end {
                    out.push(Tick {
                        frac: view.frac(day),
                        label: if month == 1 {
                            y.to_string()
                        } else {
                            month_name(month)[..3].to_string()
                        },
                        major: month == 1,
                    });
                }
            }
        }
        return out;
    }
    let step = year_steps
        .iter()
        .copied()
        .find(|&s| f64::from(s) * 365.25 * px_per_day >= min_px)
        .unwrap_or(1000);
    let first = y0.div_euclid(step) * step;
    let mut y = first;
    while y <= y1 {
        let day = day_number(y, 1, 1) as f64;
        if day >= view.start && day <= view.end {
            out.push(Tick {
                frac: view.frac(day),
                label: y.to_string(),
                major: true,
            });
        }
        y += step;
    }
    out
}

/// A marker on the axis: one event, or a cluster of events that would overlap.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub lane: usize,
    pub frac: f64,
    /// Positions in `dataset.events`, in date order.
    pub events: Vec<usize>,
    /// The kind shown (the first event's; clusters show their count).
    pub kind: Kind,
}

/// The radius, in pixels, of a single event's marker: its 24 px target (the halo).
pub const SINGLE_RADIUS: f64 = 12.0;
/// The least room, in pixels, between two markers' targets in a lane.
pub const MARKER_GAP: f64 = 2.0;

/// The count a cluster of `n` events shows: exact below 1,000, then in thousands, rounded down
/// so it never overstates ("1.2k", "12k"; the marker's title gives the exact count).
pub fn count_label(n: usize) -> String {
    match n {
        0..=999 => n.to_string(),
        1000..=9999 => format!("{}.{}k", n / 1000, n % 1000 / 100),
        _ => format!("{}k", n / 1000),
    }
}

/// The radius, in pixels, of the disc of a cluster of `n` events: wide enough for its label
/// (up to two characters at 11 px; three or four at 10 px, the `long` class).
pub fn bubble_radius(n: usize) -> f64 {
    match n {
        0..=99 => 11.0,
        100..=999 | 10_000..=99_999 => 13.0,
        _ => 15.0,
    }
}

/// The radius, in pixels, of the target of a marker of `n` events: a single event's halo, or
/// a cluster's disc with the ring drawn around it when it is hovered or current.
pub fn target_radius(n: usize) -> f64 {
    if n > 1 {
        bubble_radius(n) + 3.0
    } else {
        SINGLE_RADIUS
    }
}

/// A run of one lane's events on its way to becoming a marker: `lane_events[from..to]`.
struct Run {
    from: usize,
    to: usize,
    /// The first member's first day and the members' last day.
    days: (i64, i64),
    frac: f64,
}

/// Places the visible events of the window, drawn `width` pixels wide, as markers per lane.
/// Events whose targets would overlap (nearer than their radii and `MARKER_GAP`) become one
/// cluster, centred on its members' span; a cluster that then overlaps its neighbour merges
/// with it, so no two markers in a lane overlap, however many digits their counts have.
/// `visible` must be in date order.
pub fn markers(ds: &Dataset, visible: &[usize], view: &View, width: f64) -> Vec<Marker> {
    let width = width.max(1.0);
    // The middle of a span of whole days, first to last.
    let mid = |(first, last): (i64, i64)| (first + last + 1) as f64 / 2.0;
    let mut lanes: [Vec<usize>; crate::model::LANES.len()] = Default::default();
    for &i in visible {
        let Some(e) = ds.events.get(i) else { continue };
        let days = (e.date.first_day(), e.date.last_day());
        if !(-0.02..=1.02).contains(&view.frac(mid(days))) {
            continue;
        }
        if let Some(lane) = lanes.get_mut(e.kind.lane()) {
            lane.push(i);
        }
    }
    let mut out = Vec::new();
    for (lane, evs) in lanes.iter().enumerate() {
        let mut runs: Vec<Run> = Vec::new();
        for (k, &i) in evs.iter().enumerate() {
            let d = &ds.events[i].date;
            let days = (d.first_day(), d.last_day());
            runs.push(Run {
                from: k,
                to: k + 1,
                days,
                frac: view.frac(mid(days)),
            });
            // Merge the newest run into the one before while they overlap (or are out of
            // order, as a long event's middle can be): runs stay in order and apart.
            while let [.., a, b] = runs.as_slice() {
                let room = target_radius(a.to - a.from) + target_radius(b.to - b.from);
                if (b.frac - a.frac) * width >= room + MARKER_GAP {
                    break;
                }
                let Some(b) = runs.pop() else { break };
                let Some(a) = runs.last_mut() else { break };
                a.to = b.to;
                a.days.1 = a.days.1.max(b.days.1);
                a.frac = view.frac(mid(a.days));
            }
        }
        out.extend(runs.into_iter().map(|r| Marker {
            lane,
            frac: r.frac,
            events: evs[r.from..r.to].to_vec(),
            kind: ds.events[evs[r.from]].kind,
        }));
    }
    out
}

/// The window that shows a cluster's events with some room around them.
pub fn cluster_view(ds: &Dataset, events: &[usize]) -> Option<View> {
    let first = events
        .first()
        .and_then(|&i| ds.events.get(i))?
        .date
        .first_day();
    let last = events
        .iter()
        .filter_map(|&i| ds.events.get(i))
        .map(|e| e.date.last_day())
        .max()?;
    let mut v = View::fit(first, last);
    if v.span() < MIN_SPAN * 2.0 {
        v = View::around(v.start + v.span() / 2.0, MIN_SPAN * 2.0);
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drawn_window_follows_pans_and_small_zooms_without_drawing_again() {
        let limit = View {
            start: 0.0,
            end: 10_000.0,
        };
        let v = View {
            start: 1000.0,
            end: 2000.0,
        };
        let d = v.drawn(None);
        assert_eq!((d.start, d.end), (500.0, 2500.0));
        assert!(v.drawn_to_scale(&d));
        // Drawn 2x as wide: the drawing starts half an axis to the left.
        assert_eq!(v.offset_of(&d, 800.0), -400.0);
        assert_eq!(v.width_of(&d, 800.0), 1600.0);
        // A pan of a quarter of the view keeps the drawing and moves it by a quarter width.
        let panned = v.pan(0.25, &limit);
        assert_eq!(panned.drawn(Some(&d)), d);
        assert_eq!(panned.offset_of(&d, 800.0), -600.0);
        assert!(panned.drawn_to_scale(&d));
        // Past the drawn window: drawn again around the new view.
        let far = v.pan(0.75, &limit);
        let again = far.drawn(Some(&d));
        assert_ne!(again, d);
        assert_eq!(far.offset_of(&again, 800.0), -400.0);
        // A small zoom in stretches the drawing (wider, same start day under the same pixel
        // maths) and is drawn to scale again later; a large one draws at once.
        let zoomed = v.zoom(0.8, 0.5, &limit);
        assert_eq!(zoomed.drawn(Some(&d)), d);
        assert!(!zoomed.drawn_to_scale(&d));
        assert_eq!(zoomed.width_of(&d, 800.0), 2000.0);
        let deep = v.zoom(0.5, 0.5, &limit);
        let z = deep.drawn(Some(&d));
        assert_ne!(z, d);
        assert!(deep.drawn_to_scale(&z));
        // Zooming out past the drawing's edges draws again.
        let out = v.zoom(1.8, 0.5, &limit);
        assert!(out.drawn_to_scale(&out.drawn(Some(&d))));
    }

    #[test]
    fn zoom_keeps_the_anchor_fixed() {
        let limit = View {
            start: 0.0,
            end: 1000.0,
        };
        let v = View {
            start: 0.0,
            end: 1000.0,
        };
        let z = v.zoom(0.5, 0.25, &limit);
        assert!((z.frac(250.0) - 0.25).abs() < 1e-9);
        assert!((z.span() - 500.0).abs() < 1e-9);
        assert!(v.zoom(0.000_001, 0.5, &limit).span() >= MIN_SPAN);
        assert!(v.zoom(1e9, 0.5, &limit).span() <= 4000.0);
    }

    #[test]
    fn ticks_adapt_to_zoom() {
        let wide = View {
            start: day_number(1900, 1, 1) as f64,
            end: day_number(2024, 1, 1) as f64,
        };
        let t = ticks(&wide, 1000.0);
        assert!(t.len() >= 5 && t.len() <= 13, "{}", t.len());
        let year = View {
            start: day_number(2021, 1, 1) as f64,
            end: day_number(2021, 12, 31) as f64,
        };
        let t = ticks(&year, 1000.0);
        assert!(t.iter().any(|t| t.label == "Apr"), "{t:?}");
    }

    /// Calls (all in one lane), one on each of the given days.
    fn calls_on(days: &[i64]) -> Dataset {
        let events: Vec<serde_json::Value> = days
            .iter()
            .enumerate()
            .map(|(k, &d)| {
                let (y, m, dd) = civil_from_days(d);
                serde_json::json!({"id": format!("e{k:05}"), "kind": "call", "title": "Call",
                    "date": format!("{y:04}-{m:02}-{dd:02}"), "sources": ["s"]})
            })
            .collect();
        let doc = serde_json::json!({"sources": [{"id": "s", "title": "A page", "url": "https://example.org/a"}],
            "events": events});
        crate::dataset::load_str(&doc.to_string(), None)
            .expect("loads")
            .dataset
    }

    /// A window of 1000 days from `from`, drawn 1000 px wide: a day is a pixel.
    fn one_px_a_day(from: i64) -> View {
        View {
            start: from as f64,
            end: (from + 1000) as f64,
        }
    }

    /// Every event in exactly one marker, and no two markers of a lane overlapping.
    fn assert_placed_apart(ms: &[Marker], n: usize, width: f64) {
        let mut seen: Vec<usize> = ms.iter().flat_map(|m| m.events.clone()).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..n).collect::<Vec<_>>(), "every event once");
        for w in ms.windows(2) {
            let room = (w[1].frac - w[0].frac) * width;
            let need = target_radius(w[0].events.len()) + target_radius(w[1].events.len());
            assert!(
                room >= need + MARKER_GAP - 1e-9,
                "{} and {} events {room:.1} px apart, need {need} + {MARKER_GAP}",
                w[0].events.len(),
                w[1].events.len()
            );
        }
    }

    #[test]
    fn clusters_show_a_count_that_fits_and_never_overstates() {
        let shown: Vec<String> = [2, 99, 100, 999, 1000, 1999, 9999, 12_345, 123_456]
            .map(count_label)
            .into();
        assert_eq!(
            shown,
            ["2", "99", "100", "999", "1.0k", "1.9k", "9.9k", "12k", "123k"]
        );
        // The disc grows with the label: two characters at 11 px, three or four at 10 px.
        for (n, r) in [
            (2, 11.0),
            (99, 11.0),
            (100, 13.0),
            (1999, 15.0),
            (12_345, 13.0),
        ] {
            assert_eq!(bubble_radius(n), r, "{n}");
            assert_eq!(target_radius(n), r + 3.0, "{n}");
        }
        assert_eq!(target_radius(1), SINGLE_RADIUS);
    }

    #[test]
    fn single_markers_a_target_apart_stay_apart_and_nearer_ones_merge() {
        let d0 = day_number(2000, 1, 1);
        let view = one_px_a_day(d0);
        // Targets of 24 px and 2 px between: 27 px apart stay, 24 px apart merge.
        let ds = calls_on(&[d0 + 100, d0 + 127, d0 + 300, d0 + 324]);
        let ms = markers(&ds, &[0, 1, 2, 3], &view, 1000.0);
        let sizes: Vec<usize> = ms.iter().map(|m| m.events.len()).collect();
        assert_eq!(sizes, [1, 1, 2]);
        // A cluster sits in the middle of its members' span.
        assert!((ms[2].frac * 1000.0 - 312.5).abs() < 1e-6, "{}", ms[2].frac);
        assert_placed_apart(&ms, 4, 1000.0);
    }

    #[test]
    fn dense_lanes_become_clusters_that_never_overlap_whatever_their_counts() {
        // The real-data case: thousands of events over a century in one lane, where counts
        // of three and four digits used to spill over their discs into each other.
        let d0 = day_number(1900, 1, 1);
        for (n, step, width, big) in [
            (3000, 13, 1000.0, true),
            (1000, 1, 300.0, true),
            (500, 40, 2560.0, false),
        ] {
            let days: Vec<i64> = (0..n as i64)
                .map(|k| d0 + k * step + (k * k) % 97)
                .collect();
            let ds = calls_on(&days);
            // `visible` in date order, as the app passes it.
            let visible: Vec<usize> = {
                let mut v: Vec<usize> = (0..n).collect();
                v.sort_by_key(|&i| ds.events[i].date.first_day());
                v
            };
            let (Some(&first), Some(&last)) = (days.iter().min(), days.iter().max()) else {
                panic!("no days");
            };
            let view = View::fit(first, last);
            let ms = markers(&ds, &visible, &view, width);
            assert_placed_apart(&ms, n, width);
            assert_eq!(
                ms.iter().any(|m| m.events.len() > 99),
                big,
                "{n}: big clusters"
            );
        }
    }

    #[test]
    fn clusters_keep_room_for_their_discs_and_labels() {
        let d0 = day_number(2000, 1, 1);
        let view = one_px_a_day(d0);
        // Two piles of `n` events on one day each, `apart` pixels (days) apart.
        let piles = |n: usize, apart: i64| {
            let days: Vec<i64> = (0..2 * n)
                .map(|k| d0 + 100 + if k < n { 0 } else { apart })
                .collect();
            let ds = calls_on(&days);
            let ms = markers(&ds, &(0..2 * n).collect::<Vec<_>>(), &view, 1000.0);
            assert_placed_apart(&ms, 2 * n, 1000.0);
            ms.len()
        };
        // Two-digit counts: discs of 11 px with rings of 14 px, 2 px between.
        assert_eq!(piles(5, 29), 1);
        assert_eq!(piles(5, 31), 2);
        // Three-digit counts: discs of 13 px, rings of 16 px.
        assert_eq!(piles(150, 33), 1);
        assert_eq!(piles(150, 35), 2);
    }
}
