//! Where "now" comes from. The app is given a clock, so tests and snapshots are deterministic
//! and the demo's relative dates can be pinned.

use chrono::{Local, NaiveDate, NaiveDateTime};

/// The source of the current local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system's local time.
    System,
    /// A fixed instant (tests, snapshots, `MENTEE_NOW`).
    Fixed(NaiveDateTime),
}

impl Clock {
    /// The current local wall-clock time.
    pub fn now(&self) -> NaiveDateTime {
        match self {
            Clock::System => Local::now().naive_local(),
            Clock::Fixed(at) => *at,
        }
    }

    /// Today's date.
    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// Reads a fixed clock from `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM` (or a bare date at 09:00).
    /// A day outside the supported dates is not a clock (today's arithmetic must not overflow).
    pub fn fixed_from_str(text: &str) -> Option<Clock> {
        Self::parse_fixed(text).filter(|c| super::limits::date_in_range(c.today()))
    }

    fn parse_fixed(text: &str) -> Option<Clock> {
        let text = text.trim();
        for fmt in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"] {
            if let Ok(at) = NaiveDateTime::parse_from_str(text, fmt) {
                return Some(Clock::Fixed(at));
            }
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .map(Clock::Fixed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_parses_common_forms() {
        let c = Clock::fixed_from_str("2026-11-27T09:30").unwrap();
        assert_eq!(c.now().to_string(), "2026-11-27 09:30:00");
        assert_eq!(
            Clock::fixed_from_str("2026-11-27")
                .unwrap()
                .now()
                .to_string(),
            "2026-11-27 09:00:00"
        );
        assert!(Clock::fixed_from_str("soon").is_none());
        assert!(Clock::fixed_from_str("+262142-12-30").is_none());
        assert!(Clock::fixed_from_str("9999-12-31").is_some());
    }
}
