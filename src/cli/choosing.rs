//! `mentee mentors [--relationship KIND]` and `mentee candidates`: the mentors by kind of
//! relationship, and the fit scorecards of candidate and approached mentors side by side
//! (criteria as rows, candidates as columns, with totals and averages). Private mentors are
//! left out unless `--include-private`.
//!
//! JSON (`--format json`; keys stable, not translated):
//!
//! ```json
//! { "format": "mentee-mentors", "version": 1,
//!   "mentors": [{ "name": "Ana", "status": "active", "relationship": "coach" }] }
//! { "format": "mentee-candidates", "version": 1,
//!   "candidates": [{ "name": "Budi", "status": "candidate", "total": 9, "average": 4.5,
//!                    "ratings": [{ "criterion": "goals", "rating": 5, "note": "" }] }] }
//! ```

use std::io::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::fmt::{TextFormat, json};
use super::{CliError, Context};
use crate::domain::fit::FitRating;
use crate::domain::text::{clean_line, fit};
use crate::domain::{FitCriterion, Relationship};
use crate::i18n::{Label, Lang, fill};

/// The kind of relationship `text` names: its code or its word in either language (case,
/// spaces and `_` for `-` forgiven: `pelatih`, `rekan`, `mentor-terbalik`).
pub fn relationship_word(text: &str) -> Option<Relationship> {
    let key = text.trim().to_lowercase().replace([' ', '_'], "-");
    if let Ok(r) = key.parse::<Relationship>() {
        return Some(r);
    }
    Relationship::ALL.iter().copied().find(|r| {
        [Lang::En, Lang::Id]
            .iter()
            .any(|l| l.text().fit.relationship(*r).replace(' ', "-") == key)
    })
}

/// Prints the mentors, of one kind of relationship when `kind` is given.
pub fn mentors(
    ctx: &Context,
    kind: Option<&str>,
    format: TextFormat,
    include_private: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let t = ctx.lang.text();
    let kind = match kind {
        None => None,
        Some(word) => Some(relationship_word(word).ok_or_else(|| {
            CliError::Message(fill!(
                t.fit.cli_unknown_relationship,
                value = clean_line(word.trim())
            ))
        })?),
    };
    let store = ctx.open_store()?;
    let mut list = store.mentors_of_kind(kind)?;
    list.retain(|m| include_private || !m.private);
    let text = match format {
        TextFormat::Json => {
            #[derive(Serialize)]
            struct Row {
                name: String,
                status: &'static str,
                relationship: &'static str,
            }
            #[derive(Serialize)]
            struct Doc {
                format: &'static str,
                version: u32,
                mentors: Vec<Row>,
            }
            json(&Doc {
                format: "mentee-mentors",
                version: 1,
                mentors: list
                    .iter()
                    .map(|m| Row {
                        name: clean_line(&m.name).into_owned(),
                        status: m.status.code(),
                        relationship: m.relationship.code(),
                    })
                    .collect(),
            })
        }
        TextFormat::Text => {
            let mut s = String::new();
            for m in &list {
                s.push_str(&format!(
                    "{}  ({}, {})\n",
                    clean_line(&m.name),
                    t.fit.relationship(m.relationship),
                    m.status.label(&t.labels)
                ));
            }
            s
        }
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Width of the criterion column and of each candidate's column in the text table.
const CRITERION_WIDTH: usize = 30;
const CANDIDATE_WIDTH: usize = 14;

/// `text` cut or padded to `width` terminal cells (a CJK character takes two), so the
/// columns line up whatever the names are written in.
fn cell(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let used = fitted.width();
    format!("{fitted}{}", " ".repeat(width.saturating_sub(used)))
}

/// Prints the candidates side by side.
pub fn candidates(
    ctx: &Context,
    format: TextFormat,
    include_private: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let t = ctx.lang.text();
    let store = ctx.open_store()?;
    let mut list = store.candidates()?;
    list.retain(|c| include_private || !c.private);
    let text = match format {
        TextFormat::Json => {
            #[derive(Serialize)]
            struct Row {
                name: String,
                status: &'static str,
                total: u32,
                average: Option<f64>,
                ratings: Vec<FitRating>,
            }
            #[derive(Serialize)]
            struct Doc {
                format: &'static str,
                version: u32,
                candidates: Vec<Row>,
            }
            json(&Doc {
                format: "mentee-candidates",
                version: 1,
                candidates: list
                    .iter()
                    .map(|c| Row {
                        name: clean_line(&c.name).into_owned(),
                        status: c.status.code(),
                        total: c.fit.total(),
                        average: c.fit.average().map(|a| (a * 100.0).round() / 100.0),
                        ratings: c.fit.ratings.clone(),
                    })
                    .collect(),
            })
        }
        TextFormat::Text if list.is_empty() => format!("{}\n", t.fit.no_candidates),
        TextFormat::Text => {
            let mut lines = vec![format!("{}\n", t.fit.compare_title)];
            let mut head = cell(t.fit.criterion, CRITERION_WIDTH);
            for c in &list {
                head.push_str(&cell(&clean_line(&c.name), CANDIDATE_WIDTH));
            }
            lines.push(head.trim_end().to_string());
            for criterion in FitCriterion::ALL {
                let mut row = cell(t.fit.criterion(*criterion), CRITERION_WIDTH);
                for c in &list {
                    let v = c
                        .fit
                        .rating(*criterion)
                        .map_or("–".to_string(), |r| r.rating.to_string());
                    row.push_str(&cell(&v, CANDIDATE_WIDTH));
                }
                lines.push(row.trim_end().to_string());
            }
            let mut total = cell(t.fit.total, CRITERION_WIDTH);
            let mut average = cell(t.fit.average, CRITERION_WIDTH);
            for c in &list {
                total.push_str(&cell(&c.fit.total().to_string(), CANDIDATE_WIDTH));
                let avg = c.fit.average().map_or("–".to_string(), |a| {
                    format!("{a:.1}").replace('.', t.common.decimal_separator)
                });
                average.push_str(&cell(&avg, CANDIDATE_WIDTH));
            }
            lines.push(total.trim_end().to_string());
            lines.push(average.trim_end().to_string());
            let mut s = lines.join("\n");
            s.push('\n');
            s
        }
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_words_in_both_languages() {
        for (word, want) in [
            ("coach", Relationship::Coach),
            ("Pelatih", Relationship::Coach),
            ("rekan", Relationship::Peer),
            ("peer", Relationship::Peer),
            ("mentor-terbalik", Relationship::Reverse),
            ("mentor terbalik", Relationship::Reverse),
            ("reverse", Relationship::Reverse),
            ("reverse_mentor", Relationship::Reverse),
            ("sponsor", Relationship::Sponsor),
            ("mentor", Relationship::Mentor),
        ] {
            assert_eq!(relationship_word(word), Some(want), "{word}");
        }
        assert_eq!(relationship_word("boss"), None);
    }

    #[test]
    fn cells_cut_long_names() {
        assert_eq!(cell("Ana", 5), "Ana  ");
        assert_eq!(cell("Anastasia", 5), "Anas…");
    }

    #[test]
    fn cells_are_measured_in_terminal_cells() {
        // Two cells per CJK character: padded and cut by width, not by characters.
        assert_eq!(cell("李娜", 6), "李娜  ");
        assert_eq!(cell("李娜娜娜", 6), "李娜… ");
        assert_eq!(cell("Zoë", 5), "Zoë  ");
    }
}
