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

/// Places the visible events of the window as markers per lane, merging those closer than
/// `gap` pixels into clusters. `visible` must be in date order.
pub fn markers(ds: &Dataset, visible: &[usize], view: &View, width: f64, gap: f64) -> Vec<Marker> {
    let width = width.max(1.0);
    let gap_frac = gap / width;
    let mut open: [Option<Marker>; 4] = [None, None, None, None];
    let mut out = Vec::new();
    for &i in visible {
        let Some(e) = ds.events.get(i) else { continue };
        let mid = (e.date.first_day() + e.date.last_day()) as f64 / 2.0 + 0.5;
        let f = view.frac(mid);
        if !(-0.02..=1.02).contains(&f) {
            continue;
        }
        let lane = e.kind.lane();
        match &mut open[lane] {
            Some(m) if f - m.frac < gap_frac => {
                m.events.push(i);
            }
            slot => {
                if let Some(done) = slot.take() {
                    out.push(done);
                }
                *slot = Some(Marker {
                    lane,
                    frac: f,
                    events: vec![i],
                    kind: e.kind,
                });
            }
        }
    }
    out.extend(open.into_iter().flatten());
    // Centre clusters on their members.
    for m in &mut out {
        if m.events.len() > 1 {
            let first = ds.events[m.events[0]].date.first_day() as f64;
            let last = ds.events[m.events[m.events.len() - 1]].date.last_day() as f64 + 1.0;
            m.frac = view.frac((first + last) / 2.0);
        }
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
}
