//! A large import writes in bulk (indexes after the rows, one pass for the mentor summary
//! and one for the search index): it must give the same journal as writing row by row, and a
//! bulk import that fails halfway must leave the journal exactly as it was.

use serde_json::Value;

use super::import::write;
use super::{export_json, validate_json};
use crate::store::Store;

fn demo() -> Store {
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap();
    crate::demo::demo_store(now).unwrap()
}

/// Imports `text` into `store`, in bulk or row by row; how many records were written.
fn import(store: &mut Store, text: &str, bulk: bool) -> Result<usize, crate::store::StoreError> {
    let checked = validate_json(store, text.as_bytes()).unwrap();
    let bulk_from = if bulk { 0 } else { usize::MAX };
    let kinds = write(store, &checked.staging, false, bulk_from)?;
    Ok(kinds.iter().map(|k| k.added + k.updated).sum())
}

/// Every row of `sql`, each as its columns' text.
fn rows(store: &Store, sql: &str) -> Vec<Vec<String>> {
    let mut stmt = store.conn().prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| {
                let v: rusqlite::types::Value = r.get(i)?;
                Ok(format!("{v:?}"))
            })
            .collect()
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

const SCHEMA: &str = "SELECT type, name, tbl_name, sql FROM sqlite_master
                      WHERE type IN ('index', 'trigger') ORDER BY name";
const SEARCH: &str = "SELECT rowid, kind, title, body FROM search ORDER BY rowid";
const SUMMARY: &str = "SELECT * FROM mentor_summary ORDER BY mentor_id";

#[test]
fn a_bulk_import_gives_the_journal_a_row_by_row_import_gives() {
    let text = export_json(&demo(), true).unwrap();
    let mut by_row = Store::open_in_memory().unwrap();
    import(&mut by_row, &text, false).unwrap();
    let mut bulk = Store::open_in_memory().unwrap();
    import(&mut bulk, &text, true).unwrap();
    let fresh = Store::open_in_memory().unwrap();
    assert_eq!(
        rows(&bulk, SCHEMA),
        rows(&fresh, SCHEMA),
        "indexes and triggers back"
    );
    assert_eq!(export_json(&bulk, true).unwrap(), text);
    assert!(!rows(&bulk, SEARCH).is_empty());
    assert_eq!(rows(&bulk, SEARCH), rows(&by_row, SEARCH));
    assert!(!rows(&bulk, SUMMARY).is_empty());
    assert_eq!(rows(&bulk, SUMMARY), rows(&by_row, SUMMARY));
    assert_eq!(
        rows(&bulk, "PRAGMA integrity_check"),
        vec![vec!["Text(\"ok\")".to_string()]]
    );
    // The same file again: nothing written, the search index and summary as they were.
    assert_eq!(import(&mut bulk, &text, true).unwrap(), 0);
    assert_eq!(rows(&bulk, SEARCH), rows(&by_row, SEARCH));
    assert_eq!(rows(&bulk, SUMMARY), rows(&by_row, SUMMARY));
    assert_eq!(rows(&bulk, SCHEMA), rows(&fresh, SCHEMA));
    // The search works through its triggers again: a changed record is found.
    bulk.conn()
        .execute(
            "UPDATE goals SET title = 'Zanzibar harbour' WHERE id = (SELECT min(id) FROM goals)",
            [],
        )
        .unwrap();
    let found = |store: &Store| -> i64 {
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM search WHERE search MATCH 'zanzibar'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(found(&bulk), 1);
    // And the file puts the title back (one record updated, in bulk).
    assert_eq!(import(&mut bulk, &text, true).unwrap(), 1);
    assert_eq!(found(&bulk), 0);
    assert_eq!(rows(&bulk, SEARCH), rows(&by_row, SEARCH));
}

#[test]
fn a_bulk_import_that_fails_halfway_leaves_the_journal_byte_for_byte_as_it_was() {
    let text = export_json(&demo(), true).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    // The failure comes with the last kind written, when every earlier kind is in and the
    // empty tables' indexes are dropped.
    let last = super::schema::WRITE_ORDER
        .iter()
        .rev()
        .find(|k| doc[**k].as_array().is_some_and(|a| !a.is_empty()))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let store = Store::open(&path, false).unwrap();
    // (A trigger of the journal's own: the import's settings drop temporary ones.)
    store
        .conn()
        .execute_batch(&format!(
            "CREATE TRIGGER boom AFTER INSERT ON {last}
             BEGIN SELECT RAISE(ABORT, 'the disk is full'); END"
        ))
        .unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let mut store = Store::open(&path, false).unwrap();
    let schema = rows(&store, SCHEMA);
    let err = import(&mut store, &text, true).unwrap_err();
    assert!(err.to_string().contains("the disk is full"), "{err}");
    assert_eq!(
        rows(&store, SCHEMA),
        schema,
        "indexes and triggers as they were"
    );
    drop(store);
    assert!(
        std::fs::read(&path).unwrap() == before,
        "the file is unchanged"
    );
    // And the journal works: the import goes through, search included.
    let mut store = Store::open(&path, false).unwrap();
    store.conn().execute_batch("DROP TRIGGER boom").unwrap();
    let fresh_schema = rows(&store, SCHEMA);
    import(&mut store, &text, true).unwrap();
    assert_eq!(export_json(&store, true).unwrap(), text);
    assert_eq!(rows(&store, SCHEMA), fresh_schema);
    let entries: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM search", [], |r| r.get(0))
        .unwrap();
    assert!(entries > 0);
}

#[test]
fn into_a_journal_fuller_than_the_file_a_bulk_import_gives_what_a_row_by_row_import_gives() {
    let text = export_json(&demo(), true).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    let mut mentor = doc["mentors"][0].clone();
    mentor["uuid"] = Value::from("0b0e8d4c-2f6e-4a39-9d51-6a1f1f0c2a77");
    mentor["name"] = Value::from("Quetzalcoatl Rivera");
    for (key, records) in doc.as_object_mut().unwrap() {
        if let Some(records) = records.as_array_mut() {
            records.clear();
            if key == "mentors" {
                records.push(mentor.clone());
            }
        }
    }
    let small = doc.to_string();
    let mut by_row = Store::open_in_memory().unwrap();
    import(&mut by_row, &text, false).unwrap();
    import(&mut by_row, &small, false).unwrap();
    let mut bulk = Store::open_in_memory().unwrap();
    import(&mut bulk, &text, true).unwrap();
    assert_eq!(import(&mut bulk, &small, true).unwrap(), 1);
    let found: i64 = bulk
        .conn()
        .query_row(
            "SELECT count(*) FROM search WHERE search MATCH 'quetzalcoatl'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(found, 1);
    assert_eq!(rows(&bulk, SEARCH), rows(&by_row, SEARCH));
    assert_eq!(rows(&bulk, SUMMARY), rows(&by_row, SUMMARY));
    let fresh = Store::open_in_memory().unwrap();
    assert_eq!(rows(&bulk, SCHEMA), rows(&fresh, SCHEMA));
}

/// `doc` with every record's uuid replaced by another (references follow): a file of the
/// same records, all new to a journal that has `doc`'s.
fn other_uuids(doc: &Value) -> Value {
    fn uuids(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(u)) = map.get("uuid") {
                    out.push(u.clone());
                }
                map.values().for_each(|v| uuids(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| uuids(v, out)),
            _ => {}
        }
    }
    fn swap(v: &mut Value, map: &std::collections::HashMap<String, String>) {
        match v {
            Value::String(s) => {
                if let Some(new) = map.get(s.as_str()) {
                    *s = new.clone();
                }
            }
            Value::Object(m) => m.values_mut().for_each(|v| swap(v, map)),
            Value::Array(items) => items.iter_mut().for_each(|v| swap(v, map)),
            _ => {}
        }
    }
    let mut old = Vec::new();
    uuids(doc, &mut old);
    let map = old
        .into_iter()
        .enumerate()
        .map(|(i, u)| (u, format!("7e57c0de-0000-4000-8000-{i:012x}")))
        .collect();
    let mut doc = doc.clone();
    swap(&mut doc, &map);
    doc
}

/// Into a journal that has records, a bulk import that only adds records adds their search
/// entries to the index as it is (`search::extend_index`); one that also updates a record,
/// or adds fit scorecards (part of their mentor's entry), rebuilds it. Each gives the search
/// index a row-by-row import gives, whole for FTS5, and the next import works as before.
#[test]
fn into_a_journal_with_records_the_index_gets_what_a_row_by_row_import_gives() {
    let text = export_json(&demo(), true).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let mut added = other_uuids(&doc);
    let fit = crate::transfer::schema::MENTOR_FIT;
    assert!(
        added[fit].as_array().is_some_and(|a| !a.is_empty()),
        "the demo has scorecards"
    );
    let with_fit = added.to_string();
    added[fit] = Value::Array(Vec::new());
    let only_added = added.to_string();
    let mut changed = added.clone();
    let goals = doc["goals"].as_array().unwrap().clone();
    let mut goal = goals[0].clone();
    goal["title"] = Value::from("Quetzalcoatl harbour");
    changed["goals"].as_array_mut().unwrap().push(goal);
    let updated = changed.to_string();
    for (what, file, only_new) in [
        ("records only added", &only_added, true),
        ("scorecards added", &with_fit, false),
        ("a record updated", &updated, false),
    ] {
        let mut by_row = demo();
        import(&mut by_row, file, false).unwrap();
        let mut bulk = demo();
        let before = rows(&bulk, SEARCH).len();
        let n = import(&mut bulk, file, true).unwrap();
        assert!(n > 50, "{what}: {n}");
        assert!(rows(&bulk, SEARCH).len() > before, "{what}");
        assert_eq!(rows(&bulk, SEARCH), rows(&by_row, SEARCH), "{what}");
        assert_eq!(rows(&bulk, SUMMARY), rows(&by_row, SUMMARY), "{what}");
        bulk.conn()
            .execute_batch("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
            .unwrap();
        let fresh = Store::open_in_memory().unwrap();
        assert_eq!(rows(&bulk, SCHEMA), rows(&fresh, SCHEMA), "{what}");
        // The decision the import took, asked again of the same journal (a dry run counts).
        let mut journal = demo();
        let checked = validate_json(&journal, file.as_bytes()).unwrap();
        let kinds = write(&mut journal, &checked.staging, true, usize::MAX).unwrap();
        let conn = journal.conn();
        conn.execute_batch("BEGIN").unwrap();
        let triggers = crate::store::search::pause_index(conn).unwrap();
        let last = crate::store::search::last_ids(conn, &triggers).unwrap();
        assert_eq!(
            super::import::only_added(conn, &kinds, &last).unwrap(),
            only_new,
            "{what}"
        );
        conn.execute_batch("ROLLBACK").unwrap();
    }
}
