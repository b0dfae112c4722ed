//! The shipped agenda template (`assets/agenda-template-*.md`): a new agenda can start from it.
//!
//! One item a line, `kind | minutes | text | outcome`; `#` lines and blank lines are notes.
//! The kick-off template (`assets/kickoff-template-*.md`, for the first meeting with a mentor)
//! adds a fifth column, the part of the agreement the item settles (`cadence`…), kept as the
//! item's `source` (`kickoff:cadence`) so that the debrief can propose the agreement from it
//! ([`crate::domain::kickoff`]).
//! Parsing is pure and strict: a line that does not read as an item is reported, not guessed.

use crate::domain::kickoff;
use crate::domain::{AgendaItem, AgendaKind};
use crate::i18n::Lang;

/// The template text shipped for `lang`.
pub fn text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../../../assets/agenda-template-en.md"),
        Lang::Id => include_str!("../../../../assets/agenda-template-id.md"),
    }
}

/// The kick-off template shipped for `lang`.
pub fn kickoff_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../../../assets/kickoff-template-en.md"),
        Lang::Id => include_str!("../../../../assets/kickoff-template-id.md"),
    }
}

/// A line of the template that is not an item: its number (1-based) and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub number: usize,
    pub line: String,
}

/// The items of a template for meeting `meeting_id`, in order (position 0: appended).
pub fn parse(template: &str, meeting_id: i64) -> Result<Vec<AgendaItem>, BadLine> {
    let mut items = Vec::new();
    for (i, line) in template.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let bad = || BadLine {
            number: i + 1,
            line: trimmed.to_string(),
        };
        let parts: Vec<&str> = trimmed.splitn(5, '|').map(str::trim).collect();
        if parts.len() < 3 || parts[2].is_empty() {
            return Err(bad());
        }
        let kind: AgendaKind = parts[0].parse().map_err(|_| bad())?;
        let minutes = match parts[1] {
            "" => None,
            n => Some(
                n.parse::<u32>()
                    .ok()
                    .filter(|m| *m <= 480)
                    .ok_or_else(bad)?,
            ),
        };
        let source = match parts.get(4).copied().unwrap_or("") {
            "" => None,
            key if kickoff::KEYS.contains(&key) => Some(format!("{}{key}", kickoff::SOURCE_PREFIX)),
            _ => return Err(bad()),
        };
        items.push(AgendaItem {
            source,
            outcome: parts.get(3).copied().unwrap_or("").to_string(),
            minutes,
            ..AgendaItem::new(meeting_id, kind, parts[2])
        });
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_templates_follow_the_article() {
        for lang in [Lang::En, Lang::Id] {
            let items = parse(text(lang), 7).expect("the shipped template parses");
            assert_eq!(items.len(), 9, "{lang:?}");
            assert!(
                items
                    .iter()
                    .all(|a| a.meeting_id == 7 && a.minutes.is_some())
            );
            let total: u32 = items.iter().filter_map(|a| a.minutes).sum();
            assert!(total <= 30, "fits the default 30 minutes: {total}");
            assert_eq!(items[0].kind, AgendaKind::Topic);
            assert_eq!(items[2].kind, AgendaKind::Ask);
            assert!(items[4].outcome.contains('…'));
        }
        assert!(text(Lang::En).contains("Traffic light per goal"));
        assert!(text(Lang::En).contains("owner and date"));
    }

    #[test]
    fn the_kickoff_template_covers_the_agreement() {
        for lang in [Lang::En, Lang::Id] {
            let items = parse(kickoff_text(lang), 7).expect("the kick-off template parses");
            let total: u32 = items.iter().filter_map(|a| a.minutes).sum();
            assert!(total <= 30, "fits the default 30 minutes: {total}");
            for key in kickoff::KEYS {
                let source = format!("{}{key}", kickoff::SOURCE_PREFIX);
                assert!(
                    items
                        .iter()
                        .any(|i| i.source.as_deref() == Some(source.as_str())),
                    "{lang:?} has no {key} item"
                );
            }
        }
        assert!(parse("topic | 3 | Hello | | nonsense", 1).is_err());
    }

    #[test]
    fn lines_that_are_not_items_are_reported() {
        assert_eq!(parse("# note\n\n", 1).unwrap(), vec![]);
        let items = parse("ask | | Who else should I talk to?", 1).unwrap();
        assert_eq!(items[0].minutes, None);
        assert_eq!(items[0].outcome, "");
        for bad in [
            "chat | 3 | Hello",
            "topic | three | Hello",
            "topic | 3",
            "topic | 3 |  ",
            "topic | 999 | Too long",
        ] {
            let err = parse(&format!("# head\n{bad}"), 1).unwrap_err();
            assert_eq!(err.number, 2, "{bad}");
        }
    }
}
