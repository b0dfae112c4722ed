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
    /// match) instead of every match of a common word. A column longer than
    /// [`LONG_COLUMN`] characters gets its snippet cut from FTS5's `highlight()` by
    /// [`window`] (linear), as `snippet()` grows with the square of the matches in it.
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
                CASE WHEN length(title) <= ?6 THEN snippet(search, 1, ?4, ?5, '…', 8)
                    ELSE highlight(search, 1, ?4, ?5) END,
                CASE WHEN length(body) <= ?6 THEN snippet(search, 2, ?4, ?5, '…', 12)
                    ELSE highlight(search, 2, ?4, ?5) END,
                length(title) > ?6, length(body) > ?6
             FROM search WHERE search MATCH ?1 AND rowid >= ?2
             ORDER BY bm25(search, 4.0, 1.0) LIMIT ?3",
        )?;
        let (start, end) = (MATCH_START.to_string(), MATCH_END.to_string());
        let params = params![query, floor, limit as i64, start, end, LONG_COLUMN];
        let rows = stmt.query_map(params, |r| {
            let (title, body): (String, String) = (r.get(2)?, r.get(3)?);
            let (long_title, long_body): (bool, bool) = (r.get(4)?, r.get(5)?);
            let title = if long_title {
                window(&title, TITLE_WORDS)
            } else {
                title
            };
            let body = if long_body {
                window(&body, BODY_WORDS)
            } else {
                body
            };
            Ok((r.get(0)?, r.get(1)?, format!("{title} — {body}")))
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
    /// item its meeting. A win opens its goal, or itself when it serves none.
    pub fn locate(&self, kind: RecordKind, id: i64) -> Result<(RecordKind, i64)> {
        if kind == RecordKind::Win {
            let goal: Option<i64> =
                self.conn
                    .query_row("SELECT goal_id FROM wins WHERE id = ?1", [id], |r| r.get(0))?;
            return Ok(goal.map_or((kind, id), |g| (RecordKind::Goal, g)));
        }
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
///
/// The entries are written in the order of their rowids, across kinds: a kind's rowids
/// (`id * 16 + kind`) fall between the other kinds', so writing one kind after the other
/// wrote into the middle of the index's tables again and again (each pass reading and
/// rewriting pages the page cache could not hold). Each kind's rows are read in id order and
/// merged, and each entry is its own statement: no statement journal, and the full-text
/// index gets its entries in rowid order, as it prefers.
pub fn resume_index(conn: &rusqlite::Connection, triggers: &[String]) -> rusqlite::Result<()> {
    empty_index(conn)?;
    write_entries(conn, triggers, &[])?;
    restore_triggers(conn, triggers)
}

/// The last row id, before a bulk write, of each table whose entries the paused `triggers`
/// write (see [`extend_index`]).
pub fn last_ids(
    conn: &rusqlite::Connection,
    triggers: &[String],
) -> rusqlite::Result<Vec<(String, i64)>> {
    triggers
        .iter()
        .filter_map(|sql| inserts_into(sql))
        .map(|table| {
            let last: i64 = conn.query_row(
                &format!("SELECT coalesce(max(rowid), 0) FROM {table}"),
                [],
                |r| r.get(0),
            )?;
            Ok((table.to_string(), last))
        })
        .collect()
}

/// Whether a bulk write that added rows to `added` (tables) and updated `updated` rows
/// changed no entry but those of the rows it added, so that [`extend_index`] may add just
/// those: no row updated (its entry is rewritten), none added to a table whose own
/// triggers, still in place, write the search index (a fit scorecard is part of its
/// mentor's entry: adding one changes an entry that exists), and every new row after the
/// `last` ids (SQLite gives a new row the last id + 1 until the largest id is taken).
pub fn only_new_entries(
    conn: &rusqlite::Connection,
    added: &[&str],
    updated: usize,
    last: &[(String, i64)],
) -> rusqlite::Result<bool> {
    if updated > 0 || last.iter().any(|(_, id)| *id > i64::MAX / 32) {
        return Ok(false);
    }
    let mut stmt = conn.prepare(
        "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%search%'",
    )?;
    let writers = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(!writers.iter().any(|t| added.contains(&t.as_str())))
}

/// Adds the entries of the rows written after the `last` ids of [`last_ids`] (those a bulk
/// write added), in rowid order, and restores the triggers [`pause_index`] removed: the
/// rest of the index stays as it was. Only when [`only_new_entries`] says so; otherwise
/// [`resume_index`] rebuilds it all.
pub fn extend_index(
    conn: &rusqlite::Connection,
    triggers: &[String],
    last: &[(String, i64)],
) -> rusqlite::Result<()> {
    write_entries(conn, triggers, last)?;
    restore_triggers(conn, triggers)
}

/// Writes the entries of every row of the tables the insert `triggers` index (only those
/// with an id after the one `after` gives for their table, when it names it), merged across
/// kinds in rowid order, each entry its own statement.
fn write_entries(
    conn: &rusqlite::Connection,
    triggers: &[String],
    after: &[(String, i64)],
) -> rusqlite::Result<()> {
    use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
    // Each kind's insert trigger says what its entry holds; the same expression over the
    // whole table is the rebuild (so a migration that changes a trigger changes the rebuild).
    let mut kinds = Vec::new();
    for sql in triggers {
        let (Some(table), Some(select)) = (inserts_into(sql), rebuild_select(sql)) else {
            continue;
        };
        let from = after
            .iter()
            .find(|(t, _)| t == table)
            .map_or(i64::MIN, |(_, id)| *id);
        kinds.push((conn.prepare(&select)?, from));
    }
    let mut rows = kinds
        .iter_mut()
        .map(|(stmt, from)| stmt.query([*from]))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Each kind's next entry stays in its statement (its text is bound from there, not
    // copied); only its rowid is kept, to merge.
    let rowid = |row: Option<&rusqlite::Row<'_>>| -> rusqlite::Result<Option<i64>> {
        Ok(match row {
            Some(r) => Some(match r.get_ref(0)? {
                rusqlite::types::ValueRef::Integer(i) => i,
                _ => i64::MIN,
            }),
            None => None,
        })
    };
    let mut heads = rows
        .iter_mut()
        .map(|r| rowid(r.next()?))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut insert =
        conn.prepare("INSERT INTO search (rowid, kind, title, body) VALUES (?1, ?2, ?3, ?4)")?;
    loop {
        let first = heads
            .iter()
            .enumerate()
            .filter_map(|(i, h)| h.map(|rowid| (rowid, i)))
            .min();
        let Some((_, i)) = first else { break };
        if let Some(row) = rows[i].get() {
            for column in 0..4 {
                let value = rusqlite::types::ToSqlOutput::Borrowed(row.get_ref(column)?);
                insert.raw_bind_parameter(column + 1, value)?;
            }
            insert.raw_execute()?;
        }
        heads[i] = rowid(rows[i].next()?)?;
    }
    Ok(())
}

/// Empties the search index before a rebuild. FTS5 deletes an entry by tokenizing its text
/// again, to take each of its words out of the index, so `DELETE FROM search` of the 100k
/// entries of a full journal was an eighth of an import into it. Dropping the table and
/// creating it again from its own statement frees its pages instead, in the same transaction.
/// A table with settings of its own in `search_config` (anything but FTS5's version, which
/// a new table writes again) is emptied row by row: a new table would not keep them.
fn empty_index(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::OptionalExtension;
    let entries: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM search)", [], |r| r.get(0))?;
    if !entries {
        return Ok(());
    }
    let settings: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM search_config WHERE k <> 'version')",
        [],
        |r| r.get(0),
    )?;
    let create: Option<String> = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    match create {
        Some(create) if !settings => conn.execute_batch(&format!("DROP TABLE search; {create}")),
        _ => conn.execute_batch("DELETE FROM search"),
    }
}

/// Puts back the triggers [`pause_index`] removed, without a rebuild: for a bulk write that
/// wrote nothing after all (an import of records the journal has, all unchanged).
pub fn restore_triggers(conn: &rusqlite::Connection, triggers: &[String]) -> rusqlite::Result<()> {
    for sql in triggers {
        conn.execute_batch(sql)?;
    }
    Ok(())
}

/// The table of an `AFTER INSERT ON <table>` trigger; None for other triggers.
fn inserts_into(trigger: &str) -> Option<&str> {
    let after_insert = trigger.find("AFTER INSERT ON ")? + "AFTER INSERT ON ".len();
    trigger[after_insert..].split_whitespace().next()
}

/// `SELECT <the trigger's values> FROM <table> AS NEW WHERE NEW.rowid > ?1 ORDER BY
/// NEW.rowid` for an `AFTER INSERT ON <table>` search trigger (its values are the entry's
/// rowid, kind, title and body); None for the update and delete triggers. The table is
/// aliased `NEW`, so the values read as in the trigger, in subqueries too.
fn rebuild_select(trigger: &str) -> Option<String> {
    let table = inserts_into(trigger)?;
    let values = trigger.find("VALUES (")? + "VALUES (".len();
    let end = trigger.rfind(");")?;
    let columns = trigger.get(values..end)?;
    Some(format!(
        "SELECT {columns} FROM {table} AS NEW WHERE NEW.rowid > ?1 ORDER BY NEW.rowid"
    ))
}

/// Longer columns (in characters) get their snippet from [`window`] instead of FTS5's
/// `snippet()`: a few hundred matches in one record are enough to make the latter slow.
const LONG_COLUMN: i64 = 1_000;

/// How many words of a title, and of a body, a snippet shows (as FTS5's `snippet()` does).
const TITLE_WORDS: usize = 8;
/// See [`TITLE_WORDS`].
const BODY_WORDS: usize = 12;

/// The `words`-word window of `marked` (a column with every match between [`MATCH_START`]
/// and [`MATCH_END`]) holding the most distinct matched words, then the most matches, the
/// earliest of equals; `…` where text was cut, markers kept balanced. No match: the start.
///
/// One pass over the words. FTS5's `snippet()` scores every window against every match,
/// which grows with the square of the matches in a record: fifty 10,000-character notes that
/// repeat the word searched for took 0.35 s a keystroke (release build).
fn window(marked: &str, words: usize) -> String {
    let all: Vec<&str> = marked.split_whitespace().collect();
    // Each word's matched text (lower case), if it holds the start of a match.
    let keys: Vec<Option<String>> = all
        .iter()
        .map(|w| {
            w.split(MATCH_START)
                .nth(1)
                .map(|m| m.split(MATCH_END).next().unwrap_or_default().to_lowercase())
        })
        .collect();
    let size = words.max(1).min(all.len());
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let (mut distinct, mut matches) = (0usize, 0usize);
    let (mut best, mut best_score) = (0usize, (0usize, 0usize));
    for (i, key) in keys.iter().enumerate() {
        if let Some(k) = key {
            let n = counts.entry(k.as_str()).or_default();
            distinct += usize::from(*n == 0);
            *n += 1;
            matches += 1;
        }
        if i >= size
            && let Some(k) = &keys[i - size]
            && let Some(n) = counts.get_mut(k.as_str())
        {
            *n -= 1;
            distinct -= usize::from(*n == 0);
            matches -= 1;
        }
        if i + 1 >= size && (distinct, matches) > best_score {
            best_score = (distinct, matches);
            best = i + 1 - size;
        }
    }
    let end = (best + size).min(all.len());
    // Whether a match is open where the window starts (a match spanning words).
    let open_before = all[..best]
        .iter()
        .flat_map(|w| w.chars())
        .fold(false, |open, c| match c {
            MATCH_START => true,
            MATCH_END => false,
            _ => open,
        });
    let mut out = String::new();
    if best > 0 {
        out.push('…');
    }
    if open_before {
        out.push(MATCH_START);
    }
    out.push_str(&all[best..end].join(" "));
    let open_after = out.chars().fold(false, |open, c| match c {
        MATCH_START => true,
        MATCH_END => false,
        _ => open,
    });
    if open_after {
        out.push(MATCH_END);
    }
    if end < all.len() {
        out.push('…');
    }
    out
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
        // Thirteen kinds, plus wins and resources (schema 8).
        assert_eq!(triggers.len(), 15 * 3);
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

    /// The rebuild over a full index (a bulk import into a journal that has records) makes
    /// the table anew: the same statement in the schema, an index FTS5 finds whole, every
    /// entry once with what it says now; settings of the index's own survive.
    #[test]
    fn a_rebuild_over_entries_leaves_the_same_table_whole_and_current() {
        let store = journal();
        let conn = store.conn();
        let schema = |what: &str| -> String {
            conn.query_row(
                &format!("SELECT group_concat(name || ':' || sql, '|') FROM (SELECT name, sql FROM sqlite_master WHERE {what} ORDER BY name)"),
                [],
                |r| r.get(0),
            )
            .unwrap()
        };
        let tables = schema("name LIKE 'search%'");
        let triggers_before = schema("type = 'trigger'");
        let entries = |conn: &rusqlite::Connection| -> Vec<(i64, String, String, String)> {
            let mut stmt = conn
                .prepare("SELECT rowid, kind, title, body FROM search ORDER BY rowid")
                .unwrap();
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let before = entries(conn);
        let triggers = pause_index(conn).unwrap();
        // A change while paused: the rebuild must show it and forget the old words.
        conn.execute_batch(
            "UPDATE goals SET title = 'Renamed while paused' WHERE title = 'Bicara di meetup kafe'",
        )
        .unwrap();
        resume_index(conn, &triggers).unwrap();
        assert_eq!(schema("name LIKE 'search%'"), tables);
        assert_eq!(schema("type = 'trigger'"), triggers_before);
        conn.execute_batch("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
            .unwrap();
        let after = entries(conn);
        assert_eq!(after.len(), before.len());
        assert!(after.iter().any(|e| e.2 == "Renamed while paused"));
        assert!(
            store.search("bicara", 5).unwrap().is_empty(),
            "old words gone"
        );
        assert_eq!(store.search("renamed", 5).unwrap().len(), 1);
        // An index with a setting of its own is emptied row by row and keeps it.
        conn.execute_batch("INSERT INTO search (search, rank) VALUES ('automerge', 8)")
            .unwrap();
        let triggers = pause_index(conn).unwrap();
        resume_index(conn, &triggers).unwrap();
        let automerge: i64 = conn
            .query_row(
                "SELECT v FROM search_config WHERE k = 'automerge'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(automerge, 8);
        assert_eq!(entries(conn), after);
        conn.execute_batch("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
            .unwrap();
    }

    #[test]
    fn a_snippet_is_the_window_with_the_most_distinct_matches() {
        let m = |w: &str| format!("{MATCH_START}{w}{MATCH_END}");
        let text = format!(
            "one {} two three four five six {} seven {} eight nine",
            m("talk"),
            m("design"),
            m("talk")
        );
        assert_eq!(
            window(&text, 4),
            format!("…six {} seven {}…", m("design"), m("talk"))
        );
        assert_eq!(
            window(&text, 2),
            format!("one {}…", m("talk")),
            "of equal windows, the earliest"
        );
        // Both words in one window beat one word twice.
        assert_eq!(
            window(&text, 6),
            format!("…four five six {} seven {}…", m("design"), m("talk"))
        );
        assert_eq!(window("no match at all here", 3), "no match at…");
        assert_eq!(window("short", 8), "short");
        assert_eq!(window("", 8), "");
        // A match spanning two words stays balanced when the window cuts it.
        let span = format!("a b {MATCH_START}design review{MATCH_END} c d");
        let cut = window(&span, 2);
        assert_eq!(
            cut.matches(MATCH_START).count(),
            cut.matches(MATCH_END).count()
        );
    }

    #[test]
    fn long_records_with_many_matches_stay_cheap_and_marked() {
        let store = Store::open_in_memory().unwrap();
        let long = "Belajar café 🚀 ".repeat(2_000);
        for _ in 0..60 {
            store
                .save_question(&Question {
                    id: 0,
                    uuid: String::new(),
                    text: long.clone(),
                    mentor_id: None,
                    agenda_item_id: None,
                    private: false,
                })
                .unwrap();
        }
        let hits = store.search("caf", 50).unwrap();
        assert_eq!(hits.len(), 50);
        for hit in &hits {
            assert!(
                hit.snippet
                    .contains(&format!("{MATCH_START}café{MATCH_END}"))
            );
            assert!(hit.snippet.chars().count() < 200, "{}", hit.snippet);
        }
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
