//! How the rendered rows of the event list change into the rows of a new result: which rows to
//! remove and where to insert the new ones, so that rows both results show are kept (typing a
//! search narrows or widens the list; redrawing every row cost a full HTML parse per keystroke).
//! Pure; rows are event positions, and both lists are in increasing order (date order). Also which
//! rows a windowed list draws (`window`).

use std::ops::Range;

/// Row height of a windowed list, in CSS pixels (the stylesheet fixes it for `.windowed`).
pub const ROW: f64 = 64.0;
/// Rows drawn above and below the ones on screen.
pub const OVERSCAN: usize = 8;

/// The rows of a windowed list of `n` to draw: those on screen and `OVERSCAN` more on each side.
/// `scrolled` is how far the list's top is above the viewport's top (negative while below it),
/// `height` the viewport's height, both in CSS pixels. A list that starts low on the page draws
/// only the rows that reach into the viewport, not a viewport's height of them.
pub fn window(n: usize, scrolled: f64, height: f64) -> Range<usize> {
    let row = |px: f64| (px / ROW).max(0.0);
    let first = row(scrolled).floor() as usize;
    let past_last = row(scrolled + height.max(0.0)).ceil() as usize;
    let start = first.saturating_sub(OVERSCAN).min(n);
    let end = past_last.saturating_add(OVERSCAN).min(n).max(start);
    start..end
}

/// The changes that turn `old` into `new`, to apply in this order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patch {
    /// Indices in `old` of the rows to remove, in decreasing order (so removing one leaves the
    /// indices of the next valid).
    pub remove: Vec<usize>,
    /// Runs of new rows, each inserted before the kept row at that index among the kept rows
    /// (the number of kept rows means at the end), in decreasing index order (so inserting one
    /// run leaves the index of the next valid).
    pub insert: Vec<(usize, Vec<usize>)>,
}

/// The patch from `old` to `new`, or `None` when either is not strictly increasing (then the
/// rows are drawn afresh).
pub fn patch(old: &[usize], new: &[usize]) -> Option<Patch> {
    let increasing = |v: &[usize]| v.windows(2).all(|w| w[0] < w[1]);
    if !increasing(old) || !increasing(new) {
        return None;
    }
    let (mut remove, mut insert) = (Vec::new(), Vec::<(usize, Vec<usize>)>::new());
    let (mut i, mut j, mut kept) = (0, 0, 0);
    while i < old.len() || j < new.len() {
        match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) if a == b => {
                kept += 1;
                i += 1;
                j += 1;
            }
            (Some(a), b) if b.is_none_or(|b| a < b) => {
                remove.push(i);
                i += 1;
            }
            (_, Some(&b)) => {
                match insert.last_mut() {
                    Some((at, run)) if *at == kept => run.push(b),
                    _ => insert.push((kept, vec![b])),
                }
                j += 1;
            }
            (_, None) => break,
        }
    }
    remove.reverse();
    insert.reverse();
    Some(Patch { remove, insert })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies a patch the way the list does, to a vector.
    fn apply(old: &[usize], p: &Patch) -> Vec<usize> {
        let mut rows = old.to_vec();
        for &i in &p.remove {
            rows.remove(i);
        }
        for (at, run) in &p.insert {
            for (k, &r) in run.iter().enumerate() {
                rows.insert(at + k, r);
            }
        }
        rows
    }

    fn check(old: &[usize], new: &[usize], remove: &[usize], insert: &[(usize, &[usize])]) {
        let p = patch(old, new).expect("increasing");
        assert_eq!(p.remove, remove, "{old:?} -> {new:?}");
        let want: Vec<(usize, Vec<usize>)> = insert.iter().map(|(a, r)| (*a, r.to_vec())).collect();
        assert_eq!(p.insert, want, "{old:?} -> {new:?}");
        assert_eq!(apply(old, &p), new);
    }

    #[test]
    fn narrowing_removes_widening_inserts_and_kept_rows_stay() {
        check(&[1, 2, 3, 4], &[1, 2, 3, 4], &[], &[]);
        check(&[1, 2, 3, 4, 5], &[2, 4], &[4, 2, 0], &[]);
        check(
            &[2, 4],
            &[1, 2, 3, 4, 5],
            &[],
            &[(2, &[5]), (1, &[3]), (0, &[1])],
        );
        check(&[], &[7, 8], &[], &[(0, &[7, 8])]);
        check(&[7, 8], &[], &[1, 0], &[]);
        check(
            &[1, 3, 5],
            &[2, 3, 6, 7],
            &[2, 0],
            &[(1, &[6, 7]), (0, &[2])],
        );
    }

    #[test]
    fn any_two_increasing_lists_patch_into_each_other() {
        // Every pair of subsets of 0..6, as bit masks.
        let set = |m: u32| (0..6).filter(|b| m & (1 << b) != 0).collect::<Vec<usize>>();
        for a in 0..64 {
            for b in 0..64 {
                let (old, new) = (set(a), set(b));
                let p = patch(&old, &new).expect("increasing");
                assert_eq!(apply(&old, &p), new, "{old:?} -> {new:?}");
            }
        }
    }

    #[test]
    fn a_window_covers_the_rows_on_screen_and_the_overscan() {
        // At the top of the page, the list 520 px down an 800 px viewport: rows 0 to 4 show.
        assert_eq!(window(10_000, -520.0, 800.0), 0..5 + OVERSCAN);
        // Scrolled 100 rows in: rows 100 to 112 show (the 13th partly).
        assert_eq!(
            window(10_000, 100.0 * ROW + 10.0, 800.0),
            100 - OVERSCAN..113 + OVERSCAN
        );
        // Near and past the end, and a list wholly below the viewport.
        assert_eq!(window(105, 100.0 * ROW, 800.0), 92..105);
        assert_eq!(window(10, 5_000.0, 800.0), 10..10);
        assert_eq!(window(10_000, -2_000.0, 800.0), 0..OVERSCAN);
        // Nonsense in (a NaN from a detached list) draws a short window, never a panic.
        assert_eq!(window(10_000, f64::NAN, 800.0), 0..OVERSCAN);
        assert_eq!(window(0, 0.0, 800.0), 0..0);
    }

    #[test]
    fn lists_out_of_order_are_drawn_afresh() {
        assert_eq!(patch(&[2, 1], &[1]), None);
        assert_eq!(patch(&[1], &[3, 3]), None);
    }
}
