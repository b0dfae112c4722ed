//! A mentor's fit scorecard in the Markdown export: under the mentor, each criterion rated
//! with its note, the total and the average (the same figures as `mentee candidates`).

use std::fmt::Write as _;

use super::json::field;
use super::read::Fields;
use crate::domain::FitCriterion;
use crate::domain::text::{clean_line, clean_multiline};
use crate::i18n::Lang;

/// Appends the scorecard `fit` (a `mentor_fit` record) to `out`; `mark` follows its title
/// (the "private" mark, or nothing). A scorecard with no rating adds nothing.
pub fn scorecard(fit: &Fields, mark: &str, lang: Lang, out: &mut String) {
    let t = &lang.text().fit;
    let ratings: Vec<(FitCriterion, u64, String)> = field(fit, "ratings")
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|r| {
            let criterion = r["criterion"].as_str()?.parse::<FitCriterion>().ok()?;
            let rating = r["rating"].as_u64()?;
            let note = r["note"].as_str().unwrap_or_default();
            Some((criterion, rating, note.to_string()))
        })
        .collect();
    if ratings.is_empty() {
        return;
    }
    let total: u64 = ratings.iter().map(|(_, r, _)| r).sum();
    let average = total as f64 / ratings.len() as f64;
    let average = format!("{average:.1}")
        .trim_end_matches(".0")
        .replace('.', lang.text().common.decimal_separator);
    let _ = writeln!(
        out,
        "\n**{}**{mark} — {} {total} · {} {average}/5\n",
        t.detail_fit, t.total, t.average
    );
    for (criterion, rating, note) in ratings {
        let note = clean_multiline(&note).trim().replace('\n', "\n  ");
        let note = if note.is_empty() {
            String::new()
        } else {
            format!(" — {note}")
        };
        let _ = writeln!(
            out,
            "- {}: {rating}/5{note}",
            clean_line(t.criterion(criterion))
        );
    }
}
