//! What every view needs to draw: the catalog, the theme, the time, privacy, and small text
//! helpers that make user text safe and fit its column.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime};

use super::theme::Theme;
use crate::config::DateFormat;
use crate::domain::privacy::{Masking, Placeholder, Privacy};
use crate::domain::text::clean_line;
use crate::i18n::{Lang, Text, fill};

/// The drawing context handed to every view.
pub struct Ui<'a> {
    /// The interface language, and its catalog.
    pub lang: Lang,
    pub t: &'static Text,
    pub theme: &'a Theme,
    pub now: NaiveDateTime,
    pub date_format: DateFormat,
    /// `Ctrl-P`: private text is replaced by a placeholder while sharing the screen.
    pub hide_private: bool,
}

impl Ui<'_> {
    /// Today's date.
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// A date in the configured format.
    pub fn date(&self, date: NaiveDate) -> String {
        self.date_format.format(date, self.lang)
    }

    /// A number as [`number`] writes it, with the language's decimal separator (`4,5`).
    pub fn number(&self, v: f64) -> String {
        number(v).replace('.', self.t.common.decimal_separator)
    }

    /// An optional date, or the "no date" word.
    pub fn opt_date(&self, date: Option<NaiveDate>) -> String {
        date.map(|d| self.date(d))
            .unwrap_or_else(|| self.t.common.no_date.to_string())
    }

    /// What hiding private text hides now ([`crate::domain::privacy`], the one rule).
    pub fn masking(&self) -> Masking {
        Masking {
            hide: self.hide_private,
        }
    }

    /// User text of a record with `privacy` (its own flag, or [`Privacy`] with its links)
    /// made safe for one line, or the placeholder when private text is hidden.
    pub fn user<'s>(&self, text: &'s str, privacy: impl Into<Privacy>) -> Cow<'s, str> {
        match self.masking().text(privacy) {
            Some(p) => Cow::Borrowed(placeholder(self.t, p)),
            None => clean_line(text),
        }
    }

    /// A mentor's name made safe for one line, or the placeholder when the mentor is
    /// private and private text is hidden.
    pub fn mentor<'s>(&self, name: &'s str, private: bool) -> Cow<'s, str> {
        match self.masking().mentor_name(private) {
            Some(p) => Cow::Borrowed(placeholder(self.t, p)),
            None => clean_line(name),
        }
    }

    /// "today", "tomorrow", "in 3 days", "2 days ago".
    pub fn relative_day(&self, date: NaiveDate) -> String {
        let c = &self.t.common;
        match (date - self.today()).num_days() {
            0 => c.today_word.to_string(),
            1 => c.tomorrow_word.to_string(),
            -1 => c.yesterday_word.to_string(),
            n if n > 0 => fill!(c.in_days, days = n),
            n => fill!(c.days_ago, days = -n),
        }
    }
}

/// The words that stand for hidden text.
pub fn placeholder(t: &'static Text, p: Placeholder) -> &'static str {
    match p {
        Placeholder::Text => t.common.hidden_text,
        Placeholder::Mentor => t.common.hidden_name,
    }
}

pub use crate::domain::text::{fit, fit_middle};

/// `text` broken at spaces into lines of at most `width` terminal cells (a CJK character
/// takes two; a word wider than the line is broken), each line after the first indented by
/// `indent` spaces within that width. Side panels are wrapped with it so a form, which sizes
/// itself by its panel's line count, makes room for all of it.
pub fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent.min(width.saturating_sub(1)));
    let options = textwrap::Options::new(width.max(1))
        .subsequent_indent(&pad)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(text.trim(), options)
        .into_iter()
        .map(|line| line.trim_end().to_string())
        .filter(|line| !line.trim().is_empty())
        .collect()
}

/// A text gauge: `████░░░░  50%`, or `—` when there is nothing to measure.
pub fn gauge(ratio: Option<f64>, bar_width: usize) -> String {
    match ratio {
        None => format!("{:<width$}", "—", width = bar_width + 5),
        Some(r) => {
            let r = r.clamp(0.0, 1.0);
            let filled = (r * bar_width as f64).round() as usize;
            format!(
                "{}{} {:>3}%",
                "█".repeat(filled),
                "░".repeat(bar_width - filled),
                (r * 100.0).round() as u32
            )
        }
    }
}

/// A one-line sparkline of `values` scaled between their min and max.
pub fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let (min, max) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    values
        .iter()
        .map(|v| {
            if (max - min).abs() < f64::EPSILON {
                BARS[3]
            } else {
                BARS[(((v - min) / (max - min)) * 7.0).round() as usize]
            }
        })
        .collect()
}

/// A number without a needless `.0`.
pub fn number(v: f64) -> String {
    if v.fract().abs() < 1e-9 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}

/// The first visible row so that `cursor` is on screen in a window of `height` rows.
pub fn window_start(cursor: usize, height: usize) -> usize {
    if height == 0 {
        cursor
    } else {
        cursor.saturating_sub(height - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn fit_respects_wide_characters() {
        assert_eq!(fit("hello", 10), "hello");
        assert_eq!(fit("hello world", 6), "hello…");
        assert_eq!(fit("東京大学です", 5), "東京…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn fit_middle_keeps_both_ends() {
        assert_eq!(fit_middle("/a/b", 10), "/a/b");
        let cut = fit_middle("/home/someone/.local/share/mentee/journal.db", 24);
        assert_eq!(cut.width(), 24);
        assert!(
            cut.starts_with("/home/") && cut.ends_with("journal.db"),
            "{cut}"
        );
        assert!(cut.contains('…'));
    }

    #[test]
    fn wrap_counts_display_width_and_indents() {
        assert_eq!(
            wrap("What is still loose? Notes from meetings", 16, 2),
            ["What is still", "  loose? Notes", "  from meetings"]
        );
        assert!(wrap("", 10, 0).is_empty());
        let lines = wrap(
            "How will you know you got there? What will you count or measure?",
            20,
            0,
        );
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "How will you know you got there? What will you count or measure?"
        );
        // Two cells per CJK character: a line of them holds half as many.
        let cjk = wrap("東京での会議はどうでしたか 次は大阪", 10, 0);
        assert!(cjk.iter().all(|l| l.width() <= 10), "{cjk:?}");
        assert_eq!(
            cjk.concat().replace(' ', ""),
            "東京での会議はどうでしたか次は大阪"
        );
    }

    #[test]
    fn gauge_and_sparkline() {
        assert_eq!(gauge(Some(0.5), 4), "██░░  50%");
        assert_eq!(gauge(None, 4).trim(), "—");
        assert_eq!(sparkline(&[1.0, 2.0, 3.0]), "▁▅█");
        assert_eq!(sparkline(&[2.0, 2.0]), "▄▄");
        assert_eq!(number(3.0), "3");
        assert_eq!(number(2.5), "2.5");
    }
}
