//! Full-text search over every text field (the FTS5 `search` table kept in sync by triggers).
//!
//! What the user types is always treated as words, never as FTS syntax: each word is quoted,
//! the last one matches as a prefix (results appear while typing), and quotes, `*`, `-`, `:`
//! or parentheses can never make a query fail. CJK text, which the tokenizer cannot split
//! into words, is found by substring instead.

use rusqlite::params;

use super::{Result, Store};
use crate::domain::RecordKind;

/// How many of the newest matches a query ranks (see [`Store::search`]).
pub const CANDIDATES: usize = 500;

/// Marks the start and end of a matched word inside [`SearchHit::snippet`].
pub const MATCH_START: char = '\u{E000}';
/// See [`MATCH_START`].
pub const MATCH_END: char = '\u{E001}';

/// One record that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The record kind.
    pub kind: RecordKind,
    /// The record's row id in its table.
    pub id: i64,
    /// Title and body text around the match, with matched words between the markers.
    pub snippet: String,
    /// Whether the record counts as private ([`Store::privacy`]).
    pub private: bool,
}

/// Turns typed text into a safe FTS5 query: every word quoted, the last one a prefix.
/// Returns `None` when there is no word to look for.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '*' | '(' | ')' | ':' | '^' | '+' | '{' | '}')
        })
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\''))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if words.is_empty() {
        return None;
    }
    let last = words.len() - 1;
    Some(
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == last {
                    format!("{w}*")
                } else {
                    w.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// True for characters of scripts written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{ff66}'..='\u{ff9f}')
}

impl Store {
    /// The best `limit` matches for what the user typed, best first.
    pub fn search(&self, input: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let input = input.trim();
        let mut hits = if input.chars().any(is_cjk) {
            self.search_substring(input, limit)?
        } else {
            let Some(query) = fts_query(input) else {
                return Ok(Vec::new());
            };
            self.search_ranked(&query, limit)?
        };
        let mut out = Vec::with_capacity(hits.len());
        for (rowid, kind, snippet) in hits.drain(..) {
            let id = rowid / 16;
            // Every entry is written by a trigger with its kind's code; one that does not
            // read (a newer version's kind) is left out rather than opened in the wrong view.
            let Ok(kind) = kind.parse::<RecordKind>() else {
                continue;
            };
            // The one rule: a progress entry of a private goal is private too.
            let private = match self.privacy(kind, id) {
                Ok(p) => p.is_private(),
                Err(super::StoreError::NotFound { .. }) => false,
                Err(err) => return Err(err),
            };
            let snippet = snippet
                .trim()
                .trim_start_matches('—')
                .trim_end_matches('—')
                .trim()
                .to_string();
            out.push(SearchHit {
                kind,
                id,
                snippet,
                private,
            });
        }
        Ok(out)
    }

    /// Ranked full-text search, bounded so a common word costs no more than a rare one: the
    /// newest [`CANDIDATES`] matches are ranked (bm25, a title match weighs four times a body
    /// match) instead of every match of a common word.
    fn search_ranked(&self, query: &str, limit: usize) -> Result<Vec<(i64, String, String)>> {
        let floor: i64 = self
            .conn
            .prepare_cached(
                "SELECT coalesce(min(rowid), 0) FROM (SELECT rowid FROM search
                 WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT ?2)",
            )?
            .query_row(params![query, CANDIDATES as i64], |r| r.get(0))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, kind,
                    snippet(search, 1, ?4, ?5, '…', 8) || ' — ' || snippet(search, 2, ?4, ?5, '…', 12)
             FROM search WHERE search MATCH ?1 AND rowid >= ?2
             ORDER BY bm25(search, 4.0, 1.0) LIMIT ?3",
        )?;
        let (start, end) = (MATCH_START.to_string(), MATCH_END.to_string());
        let rows = stmt.query_map(params![query, floor, limit as i64, start, end], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Substring search for scripts without word breaks (bounded by `limit`).
    fn search_substring(&self, input: &str, limit: usize) -> Result<Vec<(i64, String, String)>> {
        let pattern = format!(
            "%{}%",
            input
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, kind, title || ' — ' || body FROM search
             WHERE title LIKE ?1 ESCAPE '\\' OR body LIKE ?1 ESCAPE '\\' LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![pattern, limit as i64], |r| {
            let text: String = r.get(2)?;
            Ok((r.get(0)?, r.get(1)?, mark_substring(&text, input)))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The record a search hit should open: (kind shown by a view, id of that record).
    /// Children open their parent ([`RecordKind::parent`]): a contact its mentor, an agenda
    /// item its meeting.
    pub fn locate(&self, kind: RecordKind, id: i64) -> Result<(RecordKind, i64)> {
        match kind.parent() {
            Some((parent, column)) => {
                let sql = format!("SELECT {column} FROM {} WHERE id = ?1", kind.table());
                let pid: i64 = self.conn.query_row(&sql, [id], |r| r.get(0))?;
                Ok((parent, pid))
            }
            None => Ok((kind, id)),
        }
    }
}

/// Turns off the triggers that keep the search index in sync, for a bulk write; returns what
/// [`resume_index`] needs to put them back. Call both inside one transaction.
pub fn pause_index(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_search_%'",
    )?;
    let triggers: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER {name}"))?;
    }
    Ok(triggers.into_iter().map(|(_, sql)| sql).collect())
}

/// Rebuilds the whole search index from the tables in one pass, then restores the triggers
/// [`pause_index`] removed (a bulk rebuild is several times faster than a trigger per row).
pub fn resume_index(conn: &rusqlite::Connection, triggers: &[String]) -> rusqlite::Result<()> {
    conn.execute_batch("DELETE FROM search")?;
    // The rebuild statements are the backfill of the migration that created the index.
    let migration = super::migrate::MIGRATIONS[1];
    for statement in migration.split(";\n").map(str::trim) {
        // (Not the INSERTs inside the trigger bodies, which read NEW.)
        if statement.starts_with("INSERT INTO search") && !statement.contains("NEW.") {
            conn.execute_batch(statement)?;
        }
    }
    for sql in triggers {
        conn.execute_batch(sql)?;
    }
    Ok(())
}

/// A short window of `text` around the first occurrence of `needle`, with it marked.
fn mark_substring(text: &str, needle: &str) -> String {
    let Some(at) = text.find(needle) else {
        return text.chars().take(80).collect();
    };
    let before: String = text[..at]
        .chars()
        .rev()
        .take(30)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[at + needle.len()..].chars().take(50).collect();
    format!("{before}{MATCH_START}{needle}{MATCH_END}{after}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;

    #[test]
    fn typed_text_becomes_a_safe_prefix_query() {
        assert_eq!(fts_query("talk"), Some("\"talk\"*".into()));
        assert_eq!(
            fts_query("design  review"),
            Some("\"design\" \"review\"*".into())
        );
        assert_eq!(
            fts_query("\"quoted\" AND -x:y *"),
            Some("\"quoted\" \"AND\" \"x\" \"y\"*".into())
        );
        assert_eq!(fts_query("  \"*:- "), None);
        assert_eq!(fts_query("O'Brien"), Some("\"O'Brien\"*".into()));
    }

    fn journal() -> Store {
        let store = Store::open_in_memory().unwrap();
        let m = store.save_mentor(&Mentor::new("Sari Wijaya")).unwrap();
        let mut g = Goal::new("Bicara di meetup kafe");
        g.specific = "Presentasi tentang café dan komunitas".into();
        g.mentor_id = Some(m);
        store.save_goal(&g).unwrap();
        let mut private = Goal::new("Negotiate salary");
        private.private = true;
        store.save_goal(&private).unwrap();
        store
            .save_question(&Question::new("東京での会議はどうでしたか"))
            .unwrap();
        store
    }

    #[test]
    fn prefix_diacritics_and_grouping() {
        let store = journal();
        let hits = store.search("presen", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].kind, RecordKind::Goal);
        assert!(
            hits[0]
                .snippet
                .contains(&format!("{MATCH_START}Presentasi{MATCH_END}")),
            "{}",
            hits[0].snippet
        );
        assert_eq!(
            store.search("cafe", 10).unwrap().len(),
            1,
            "cafe finds café"
        );
        assert_eq!(store.search("café", 10).unwrap().len(), 1);
        assert_eq!(
            store.search("wija", 10).unwrap()[0].kind,
            RecordKind::Mentor
        );
        assert!(store.search("salary", 10).unwrap()[0].private);
    }

    #[test]
    fn fts_syntax_is_text_never_an_error() {
        let store = journal();
        for q in [
            "\"",
            "*",
            "-",
            ":",
            "kafe\"",
            "NEAR(",
            "a OR",
            "-kafe",
            "title:kafe",
            "(((",
            "\"\"\"*",
        ] {
            assert!(store.search(q, 10).is_ok(), "query {q:?}");
        }
        assert_eq!(
            store.search("-kafe", 10).unwrap().len(),
            1,
            "a leading minus is not NOT"
        );
        assert_eq!(
            store.search("meetup:kafe", 10).unwrap().len(),
            1,
            "a colon is not a column filter"
        );
    }

    #[test]
    fn cjk_by_substring() {
        let store = journal();
        let hits = store.search("会議", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].kind, RecordKind::Question);
        assert!(
            hits[0]
                .snippet
                .contains(&format!("{MATCH_START}会議{MATCH_END}"))
        );
    }

    #[test]
    fn a_title_match_ranks_above_a_body_match() {
        let store = Store::open_in_memory().unwrap();
        let mut body = Goal::new("Lead reviews");
        body.specific = "mention negotiation once in passing among many other words here".into();
        store.save_goal(&body).unwrap();
        store.save_goal(&Goal::new("Salary negotiation")).unwrap();
        let hits = store.search("negotiation", 10).unwrap();
        assert_eq!(hits.len(), 2);
        assert!(hits[0].snippet.starts_with("Salary"), "{hits:?}");
    }

    #[test]
    fn indonesian_words_and_prefixes() {
        let store = journal();
        assert_eq!(store.search("komuni", 10).unwrap().len(), 1);
        assert_eq!(
            store.search("BICARA", 10).unwrap().len(),
            1,
            "case-insensitive"
        );
        assert!(store.search("tidakada", 10).unwrap().is_empty());
    }

    #[test]
    fn a_paused_index_is_rebuilt_and_its_triggers_come_back() {
        let store = journal();
        let before: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM search", [], |r| r.get(0))
            .unwrap();
        let triggers = pause_index(store.conn()).unwrap();
        assert_eq!(triggers.len(), 13 * 3);
        store.save_goal(&Goal::new("Written while paused")).unwrap();
        resume_index(store.conn(), &triggers).unwrap();
        assert_eq!(
            store.search("paused", 5).unwrap().len(),
            1,
            "rebuilt from the tables"
        );
        let after: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM search", [], |r| r.get(0))
            .unwrap();
        assert_eq!(after, before + 1);
        store.save_goal(&Goal::new("Written after")).unwrap();
        assert_eq!(
            store.search("after", 5).unwrap().len(),
            1,
            "the triggers work again"
        );
    }

    #[test]
    fn children_open_their_parent() {
        let store = journal();
        assert_eq!(
            store.locate(RecordKind::Goal, 1).unwrap(),
            (RecordKind::Goal, 1)
        );
        let progress = store
            .save_progress(&ProgressUpdate::new(
                1,
                chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                2.0,
            ))
            .unwrap();
        assert_eq!(
            store.locate(RecordKind::GoalProgress, progress).unwrap(),
            (RecordKind::Goal, 1)
        );
    }

    #[test]
    fn the_index_triggers_write_each_kind_with_its_code() {
        let store = journal();
        for kind in RecordKind::ALL {
            let sql: String = store
                .conn()
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                    [format!("{}_search_insert", kind.table())],
                    |r| r.get(0),
                )
                .unwrap();
            let want = format!("NEW.id * 16 + {}, '{}'", kind.search_code(), kind.code());
            assert!(sql.contains(&want), "{kind}: {sql}");
        }
    }
}
