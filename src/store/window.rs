//! A window over a sorted list: [`Window`] names a stretch of the whole list (rows
//! `start..start + len`), [`Page`] is what the store gives back (the rows, where they start,
//! and how many rows the whole list has).
//!
//! A list query is one or more parts, each an indexed walk in the list's order (the goals of
//! one status, then the next…). [`paged`] reads a window of their concatenation: the first
//! page walks forward as before; any other window counts each part (an index count), skips
//! the parts before it, and walks each part it covers from the nearer end — forward with an
//! offset, or in reverse order (the `ORDER BY` flipped, [`flip`]) from the part's end and
//! then turned around — so the last page of ten thousand rows reads one page of rows, not
//! every row before it.

use super::{Result, Store};

/// A stretch of a sorted list: `len` rows from row `start` (0 is the first). A window that
/// runs past the end of the list is moved back to end with the list's last row, so
/// `Window::last(n)` is the last `n` rows whatever the list's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The first row's position in the whole list.
    pub start: usize,
    /// How many rows.
    pub len: usize,
}

impl Window {
    /// The first `len` rows.
    pub fn first(len: usize) -> Window {
        Window { start: 0, len }
    }

    /// The last `len` rows.
    pub fn last(len: usize) -> Window {
        Window {
            start: usize::MAX,
            len,
        }
    }
}

/// A window of a list as loaded: its rows, the position of the first one in the whole list,
/// and the whole list's length.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<R> {
    pub rows: Vec<R>,
    pub start: usize,
    pub total: usize,
}

/// How to read one part of a list: `limit` rows after skipping `offset`, in the list's order
/// or (`reverse`) in the reverse order from the part's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Walk {
    pub reverse: bool,
    pub offset: usize,
    pub limit: usize,
}

impl Walk {
    /// The `ORDER BY` terms for this walk: `order` itself, or flipped for a reverse walk.
    pub fn order(&self, order: &str) -> String {
        if self.reverse {
            flip(order)
        } else {
            order.to_string()
        }
    }

    /// The limit and offset as SQL integers.
    pub fn bounds(&self) -> (i64, i64) {
        let int = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        (int(self.limit), int(self.offset))
    }
}

/// Reads `window` of a list made of `parts` parts in turn. `count(i)` counts part `i`;
/// `run(i, walk)` reads part `i` as `walk` says, in the walk's order. The first page walks
/// the parts forward and counts them only when `total` is asked for and the page is full.
pub(super) fn paged<R>(
    window: Window,
    parts: usize,
    total: bool,
    mut count: impl FnMut(usize) -> Result<usize>,
    mut run: impl FnMut(usize, Walk) -> Result<Vec<R>>,
) -> Result<Page<R>> {
    let len = window.len;
    if len == 0 {
        let total = if total {
            (0..parts).map(&mut count).sum::<Result<usize>>()?
        } else {
            0
        };
        return Ok(Page {
            rows: Vec::new(),
            start: 0,
            total,
        });
    }
    if window.start == 0 {
        let mut rows = Vec::new();
        for part in 0..parts {
            let left = len.saturating_sub(rows.len());
            if left == 0 {
                break;
            }
            rows.extend(run(
                part,
                Walk {
                    reverse: false,
                    offset: 0,
                    limit: left,
                },
            )?);
        }
        let total = if rows.len() < len || !total {
            rows.len()
        } else {
            (0..parts).map(&mut count).sum::<Result<usize>>()?
        };
        return Ok(Page {
            rows,
            start: 0,
            total,
        });
    }
    let counts = (0..parts).map(&mut count).collect::<Result<Vec<usize>>>()?;
    let total: usize = counts.iter().sum();
    let start = window.start.min(total.saturating_sub(len));
    let end = start.saturating_add(len).min(total);
    let mut rows = Vec::new();
    let mut base = 0;
    for (part, &c) in counts.iter().enumerate() {
        let (a, b) = (
            start.max(base) - base,
            end.min(base + c).saturating_sub(base),
        );
        base += c;
        if a >= b {
            continue;
        }
        // From the nearer end of the part.
        if c - b < a {
            let mut got = run(
                part,
                Walk {
                    reverse: true,
                    offset: c - b,
                    limit: b - a,
                },
            )?;
            got.reverse();
            rows.extend(got);
        } else {
            rows.extend(run(
                part,
                Walk {
                    reverse: false,
                    offset: a,
                    limit: b - a,
                },
            )?);
        }
    }
    Ok(Page { rows, start, total })
}

impl Store {
    /// The count a `SELECT count(*)` statement gives (a part's length).
    pub(super) fn count_of(&self, sql: &str, params: impl rusqlite::Params) -> Result<usize> {
        let n: i64 = self
            .conn
            .prepare_cached(sql)?
            .query_row(params, |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}

/// The `ORDER BY` terms `order` in the reverse order: each term's direction turned
/// (`a, b DESC` → `a DESC, b ASC`). Commas inside parentheses (`coalesce(a, b)`) are part of
/// their term.
pub(super) fn flip(order: &str) -> String {
    let mut terms = Vec::new();
    let (mut depth, mut from) = (0usize, 0);
    for (i, ch) in order.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                terms.push(&order[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    terms.push(&order[from..]);
    terms
        .iter()
        .map(|t| {
            let t = t.trim();
            let upper = t.to_ascii_uppercase();
            if upper.ends_with(" DESC") {
                format!("{} ASC", &t[..t.len() - 5])
            } else if upper.ends_with(" ASC") {
                format!("{} DESC", &t[..t.len() - 4])
            } else {
                format!("{t} DESC")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list of parts of the given lengths; row `n` of the whole list is `n`.
    fn read(lens: &[usize], window: Window) -> (Page<usize>, Vec<Walk>) {
        let mut walks = Vec::new();
        let bases: Vec<usize> = lens
            .iter()
            .scan(0, |b, l| {
                let here = *b;
                *b += l;
                Some(here)
            })
            .collect();
        let page = paged(
            window,
            lens.len(),
            true,
            |i| Ok(lens[i]),
            |i, w| {
                walks.push(w);
                let part: Vec<usize> = (bases[i]..bases[i] + lens[i]).collect();
                let ordered: Vec<usize> = if w.reverse {
                    part.into_iter().rev().collect()
                } else {
                    part
                };
                Ok(ordered.into_iter().skip(w.offset).take(w.limit).collect())
            },
        )
        .unwrap();
        (page, walks)
    }

    #[test]
    fn every_window_is_that_stretch_of_the_whole_list() {
        let lens = [3, 0, 10, 1, 25];
        let total: usize = lens.iter().sum();
        for start in 0..total + 3 {
            for len in 1..total + 2 {
                let (page, _) = read(&lens, Window { start, len });
                let from = start.min(total.saturating_sub(len));
                let want: Vec<usize> = (from..(from + len).min(total)).collect();
                assert_eq!(page.rows, want, "start {start} len {len}");
                assert_eq!((page.start, page.total), (from, total));
            }
        }
    }

    #[test]
    fn the_last_page_walks_back_from_the_end() {
        let (page, walks) = read(&[5000, 3000], Window::last(50));
        assert_eq!(page.rows, (7950..8000).collect::<Vec<_>>());
        assert_eq!(
            walks,
            [Walk {
                reverse: true,
                offset: 0,
                limit: 50
            }],
            "one reverse walk of the last part, nothing read before it"
        );
    }

    #[test]
    fn flip_turns_every_term() {
        assert_eq!(flip("g.due_on, g.id"), "g.due_on DESC, g.id DESC");
        assert_eq!(
            flip("name COLLATE NOCASE, id"),
            "name COLLATE NOCASE DESC, id DESC"
        );
        assert_eq!(
            flip("coalesce(c.done_on, c.due_on) DESC, c.id DESC"),
            "coalesce(c.done_on, c.due_on) ASC, c.id ASC"
        );
        assert_eq!(flip("m.starts_at asc"), "m.starts_at DESC");
    }
}
