//! A new journal written while its file is checked must be the journal the import that
//! checks first writes (rows, row ids, versions, search index, summaries, schema), and every
//! case it does not handle must say so instead of writing something else.

use serde_json::Value;

use super::*;
use crate::store::Store;
use crate::transfer::{TransferError, export_json, import_json, validate_json_passing};

fn demo() -> Store {
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap();
    crate::demo::demo_store(now).unwrap()
}

/// The demo's export with `extra` more mentors (each its own uuid), so that the records go
/// over in many batches; as a document to change (its keys sorted, as a map keeps them).
fn demo_doc(extra: usize) -> Value {
    let text = export_json(&demo(), true).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    // References to records later in the file: of other kinds, and of the same kind.
    let first = |doc: &Value, key: &str| doc[key][0]["uuid"].clone();
    doc["agenda_items"][0]["commitment"] = first(&doc, "commitments");
    doc["agenda_items"][0]["feedback"] = first(&doc, "feedback");
    doc["gratitude"][0]["resource"] = first(&doc, "resources");
    let last = doc["agenda_items"].as_array().unwrap().len() - 1;
    doc["agenda_items"][0]["carried_from"] = doc["agenda_items"][last]["uuid"].clone();
    let mentor = doc["mentors"][0].clone();
    let mentors = doc["mentors"].as_array_mut().unwrap();
    for i in 0..extra {
        let mut m = mentor.clone();
        m["uuid"] = Value::from(uuid::Uuid::from_u128(0x5eed_0000 + i as u128).to_string());
        m["name"] = Value::from(format!("Extra mentor {i}"));
        mentors.push(m);
    }
    doc
}

/// `doc` as a file with its kinds in `order` (the header first).
fn text_in(doc: &Value, order: &[&str]) -> String {
    let mut parts = vec![
        format!("\"format\": {}", doc["format"]),
        format!("\"version\": {}", doc["version"]),
    ];
    for key in order {
        parts.push(format!("\"{key}\": {}", doc[*key]));
    }
    format!("{{{}}}", parts.join(",\n"))
}

/// `doc` in the export's order of kinds.
fn text_of(doc: &Value) -> String {
    let order: Vec<&str> = schema::KINDS.iter().map(|k| k.key).collect();
    text_in(doc, &order)
}

/// Imports `text` into `store` while checking it: what the checks said, and the rows if the
/// writer went through (finished only when the file passed).
fn write_checking(
    store: &mut Store,
    text: &str,
) -> (Result<(), TransferError>, Option<Vec<KindReport>>) {
    let against = Store::open_in_memory().unwrap();
    let (checked, rows) = write_while_checking(store, |passed| {
        validate_json_passing(&against, text.as_bytes(), Some(passed)).map(|_| ())
    });
    let kinds = match (&checked, rows) {
        (Ok(()), Some(rows)) => {
            // The demo has references to kinds later in the file (set at the end).
            assert!(!rows.later.is_empty());
            Some(finish(store, rows).unwrap().kinds)
        }
        _ => None,
    };
    (checked, kinds)
}

/// Every row of `sql`, each as its columns' text.
fn rows_of(store: &Store, sql: &str) -> Vec<Vec<String>> {
    let mut stmt = store.conn().prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| Ok(format!("{:?}", r.get::<_, rusqlite::types::Value>(i)?)))
            .collect()
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// Everything a journal holds that an import writes: every table's rows with their row ids
/// and versions, the search index, the summaries, the indexes and triggers.
fn contents(store: &Store) -> Vec<Vec<Vec<String>>> {
    let mut all: Vec<Vec<Vec<String>>> = schema::KINDS
        .iter()
        .map(|k| rows_of(store, &format!("SELECT * FROM {} ORDER BY id", k.key)))
        .collect();
    for sql in [
        "SELECT rowid, kind, title, body FROM search ORDER BY rowid",
        "SELECT * FROM mentor_summary ORDER BY mentor_id",
        "SELECT type, name, tbl_name, sql FROM sqlite_master
         WHERE type IN ('index', 'trigger') ORDER BY name",
        "PRAGMA integrity_check",
        "PRAGMA foreign_key_check",
    ] {
        all.push(rows_of(store, sql));
    }
    all
}

#[test]
fn written_while_checking_the_journal_is_the_one_checking_first_writes() {
    let text = text_of(&demo_doc(600));
    let mut first = Store::open_in_memory().unwrap();
    let report = import_json(&mut first, &text, false).unwrap();
    let mut direct = Store::open_in_memory().unwrap();
    let (checked, kinds) = write_checking(&mut direct, &text);
    checked.unwrap();
    assert_eq!(kinds.unwrap(), report.kinds);
    assert_eq!(contents(&direct), contents(&first));
    assert_eq!(
        export_json(&direct, true).unwrap(),
        export_json(&first, true).unwrap()
    );
    assert!(!direct.search("extra mentor", 5).unwrap().is_empty());
    // The connection is left as it was found (page cache, temporary storage, foreign keys
    // enforced).
    let settings = |s: &Store| -> (i64, i64, i64) {
        let get = |p: &str| s.conn().query_row(p, [], |r| r.get(0)).unwrap();
        (
            get("PRAGMA cache_size"),
            get("PRAGMA temp_store"),
            get("PRAGMA foreign_keys"),
        )
    };
    assert_eq!(
        settings(&direct),
        settings(&Store::open_in_memory().unwrap())
    );
}

#[test]
fn a_refused_file_reports_the_problems_checking_alone_reports() {
    let mut doc = demo_doc(600);
    // Problems early, late (after hundreds of records were written) and across records.
    doc["mentors"][3]["name"] = Value::from(7);
    doc["mentors"][500]["uuid"] = doc["mentors"][1]["uuid"].clone();
    let last = doc["goals"].as_array().unwrap().len() - 1;
    doc["goals"][last]["mentor"] = Value::from("0b0e8d4c-2f6e-4a39-9d51-6a1f1f0c2a77");
    let bad = text_of(&doc);
    let alone =
        match crate::transfer::validate_json(&Store::open_in_memory().unwrap(), bad.as_bytes()) {
            Err(TransferError::Invalid(problems)) => problems,
            _ => panic!("the file has problems"),
        };
    assert!(alone.len() >= 3, "{alone:?}");
    let mut direct = Store::open_in_memory().unwrap();
    match write_checking(&mut direct, &bad) {
        (Err(TransferError::Invalid(problems)), None) => assert_eq!(problems, alone),
        _ => panic!("refused"),
    }
}

#[test]
fn what_the_writer_does_not_handle_stops_it_and_the_file_is_still_checked() {
    // Kinds given twice (the last counts), and kinds before the one their required
    // reference points at (contacts before mentors).
    let doc = demo_doc(300);
    let order: Vec<&str> = schema::KINDS.iter().map(|k| k.key).collect();
    let mut twice = vec!["mentors", "goals"];
    twice.extend(&order);
    let mut reordered: Vec<&str> = order[1..].to_vec();
    reordered.push("mentors");
    let (twice, reordered) = (text_in(&doc, &twice), text_in(&doc, &reordered));
    for (name, file) in [("twice", twice), ("reordered", reordered)] {
        let mut direct = Store::open_in_memory().unwrap();
        let (checked, kinds) = write_checking(&mut direct, &file);
        assert!(checked.is_ok(), "{name}: the file is good");
        assert_eq!(kinds, None, "{name}: the writer stopped");
    }
}
