//! An agenda's arithmetic: the time box (the items' minutes against the meeting's length,
//! "respect their time") and how ready the agenda is. The Meetings view, the store's meeting
//! summaries and `mentee agenda` all count with these.

use super::kinds::{AgendaKind, AgendaReadiness};
use super::records::AgendaItem;

/// The items' planned minutes against the meeting's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeBox {
    /// The sum of the items' minutes.
    pub planned: u32,
    /// The meeting's length.
    pub length: u32,
    /// Items with no minutes set.
    pub unplanned: usize,
}

impl TimeBox {
    /// The time box of `items` in a meeting of `length` minutes.
    pub fn of(items: &[AgendaItem], length: u32) -> TimeBox {
        TimeBox {
            planned: planned_minutes(items),
            length,
            unplanned: items.iter().filter(|a| a.minutes.is_none()).count(),
        }
    }

    /// Minutes over the length, if over.
    pub fn over(&self) -> Option<u32> {
        self.planned.checked_sub(self.length).filter(|n| *n > 0)
    }

    /// Minutes left unplanned.
    pub fn free(&self) -> u32 {
        self.length.saturating_sub(self.planned)
    }
}

/// The sum of the items' minutes (items without minutes count as none; never overflows).
pub fn planned_minutes(items: &[AgendaItem]) -> u32 {
    items
        .iter()
        .filter_map(|a| a.minutes)
        .fold(0, u32::saturating_add)
}

/// The minute by which item `index` should be done: the planned minutes up to and including it.
pub fn ends_by(items: &[AgendaItem], index: usize) -> u32 {
    planned_minutes(&items[..items.len().min(index.saturating_add(1))])
}

impl AgendaKind {
    /// The minutes an item of this kind gets until the user sets its own, so an accepted
    /// suggestion or an item added in a debrief counts in the time box: a topic is a
    /// conversation, a question, an update or an ask is short.
    pub fn default_minutes(self) -> u32 {
        match self {
            AgendaKind::Topic => 10,
            AgendaKind::Question | AgendaKind::Update | AgendaKind::Ask => 5,
        }
    }
}

impl AgendaReadiness {
    /// The readiness of an agenda of `items` items that the mentee has (or has not) marked
    /// ready to send: an empty agenda is never ready.
    pub fn of(items: usize, marked_ready: bool) -> AgendaReadiness {
        if items == 0 {
            AgendaReadiness::None
        } else if marked_ready {
            AgendaReadiness::Ready
        } else {
            AgendaReadiness::Draft
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AgendaKind;

    fn item(minutes: Option<u32>) -> AgendaItem {
        AgendaItem {
            minutes,
            ..AgendaItem::new(1, AgendaKind::Topic, "x")
        }
    }

    #[test]
    fn a_new_item_has_its_kinds_minutes() {
        for kind in AgendaKind::ALL {
            let a = AgendaItem::new(1, *kind, "x");
            assert_eq!(a.minutes, Some(kind.default_minutes()));
            assert!(kind.default_minutes() > 0);
        }
        // Suggestions and debrief additions are built this way: none is "without minutes".
        let tb = TimeBox::of(
            &[AgendaItem::new(1, AgendaKind::Topic, "also discussed")],
            30,
        );
        assert_eq!((tb.planned, tb.unplanned), (10, 0));
    }

    #[test]
    fn time_box_arithmetic() {
        let items = [item(Some(5)), item(Some(20)), item(None)];
        let tb = TimeBox::of(&items, 45);
        assert_eq!(
            (tb.planned, tb.unplanned, tb.free(), tb.over()),
            (25, 1, 20, None)
        );
        let exact = TimeBox::of(&[item(Some(30))], 30);
        assert_eq!((exact.over(), exact.free()), (None, 0));
        let over = TimeBox::of(&[item(Some(20)), item(Some(15))], 30);
        assert_eq!((over.over(), over.free()), (Some(5), 0));
        let huge = TimeBox::of(&[item(Some(u32::MAX)), item(Some(10))], 30);
        assert_eq!(huge.planned, u32::MAX, "no overflow");
        assert_eq!(TimeBox::of(&[], 30).planned, 0);
    }

    #[test]
    fn items_end_by_their_running_total() {
        let items = [item(Some(5)), item(None), item(Some(20))];
        assert_eq!(ends_by(&items, 0), 5);
        assert_eq!(ends_by(&items, 1), 5);
        assert_eq!(ends_by(&items, 2), 25);
        assert_eq!(ends_by(&items, 9), 25, "past the end: all of it");
        assert_eq!(ends_by(&[], 0), 0);
    }

    #[test]
    fn an_empty_agenda_is_never_ready() {
        assert_eq!(AgendaReadiness::of(0, true), AgendaReadiness::None);
        assert_eq!(AgendaReadiness::of(3, false), AgendaReadiness::Draft);
        assert_eq!(AgendaReadiness::of(3, true), AgendaReadiness::Ready);
    }
}
