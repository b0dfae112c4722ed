//! Small formatting helpers shared by the subcommands: dates as configured, numbers without
//! noise, percentages, countdowns, the output format flags and the JSON writer.

use chrono::{NaiveDate, NaiveDateTime};

use super::Context;
use crate::i18n::{CliText, fill};

/// How `agenda` and `review` print: Markdown for people, JSON for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Markdown, ready to paste into an email or a note.
    #[default]
    Md,
    /// A JSON object (documented in docs/json-output.md).
    Json,
}

/// How `status`, `check` and `paths` print: text for people, JSON for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum TextFormat {
    /// Lines of text, in the interface language.
    #[default]
    Text,
    /// A JSON object (documented in docs/json-output.md).
    Json,
}

/// A documented JSON object as pretty-printed text with a final newline. Every object the
/// command line prints starts with `"format"` (its name) and `"version"` (its shape's
/// version; see docs/json-output.md).
pub fn json<T: serde::Serialize>(value: &T) -> String {
    // Plain structs with string keys: serialising them cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// A date in the configured format and the interface language.
pub fn date(ctx: &Context, day: NaiveDate) -> String {
    ctx.config.date_format.format(day, ctx.lang)
}

/// A local date and time in the configured date format, e.g. `2026-11-29 16:00`.
pub fn date_time(ctx: &Context, at: NaiveDateTime) -> String {
    format!("{} {}", date(ctx, at.date()), at.format("%H:%M"))
}

/// A number as people write it: `4`, `2.5`, `0.33` (at most two decimals, no trailing zeros).
pub fn number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.to_string()
    }
}

/// A signed change: `+2`, `-0.5`, `0`.
pub fn signed(value: f64) -> String {
    let text = number(value);
    if value > 0.0 && text != "0" {
        format!("+{text}")
    } else {
        text
    }
}

/// A ratio in 0..=1 as a whole percentage, or "n/a" when there is none.
pub fn percent(text: &CliText, ratio: Option<f64>) -> String {
    match ratio {
        Some(r) => format!("{:.0}%", r * 100.0),
        None => text.not_applicable.to_string(),
    }
}

/// The time until `at` from `now`: "in 2 d 7 h", "in 3 h 5 min", "in 12 min", "starting now".
pub fn countdown(text: &CliText, now: NaiveDateTime, at: NaiveDateTime) -> String {
    let minutes = (at - now).num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    if minutes == 0 {
        text.countdown_now.to_string()
    } else if days > 0 {
        fill!(text.countdown_days, days = days, hours = hours)
    } else if hours > 0 {
        fill!(text.countdown_hours, hours = hours, minutes = mins)
    } else {
        fill!(text.countdown_minutes, minutes = mins)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn numbers_lose_their_noise() {
        assert_eq!(number(4.0), "4");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(1.0 / 3.0), "0.33");
        assert_eq!(number(-0.001), "0");
        assert_eq!(signed(2.0), "+2");
        assert_eq!(signed(-1.5), "-1.5");
        assert_eq!(signed(0.0), "0");
    }

    #[test]
    fn countdowns() {
        let t = &Lang::En.text().cli;
        let now = at(27, 9, 0);
        assert_eq!(countdown(t, now, at(27, 9, 0)), "starting now");
        assert_eq!(countdown(t, now, at(27, 9, 12)), "in 12 min");
        assert_eq!(countdown(t, now, at(27, 12, 5)), "in 3 h 5 min");
        assert_eq!(countdown(t, now, at(29, 16, 0)), "in 2 d 7 h");
        assert_eq!(percent(t, Some(2.0 / 3.0)), "67%");
        assert_eq!(percent(t, None), "n/a");
    }
}
