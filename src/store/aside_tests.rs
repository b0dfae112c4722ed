//! Tests of building a new journal aside.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use rusqlite::Connection;

use super::*;

/// The files in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    found
}

fn add_question(store: &Store, text: &str) {
    store
        .conn()
        .execute(
            "INSERT INTO questions (uuid, created_at, updated_at, text)
             VALUES (?1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?1)",
            [text],
        )
        .unwrap();
}

fn questions(path: &Path) -> Vec<String> {
    let store = Store::open_existing(path).unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT text FROM questions ORDER BY text")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// What a journal file is, apart from its content: the settings in its header (page size,
/// format numbers, the journal mode's read/write versions, vacuum, encoding, user version,
/// application id), its schema, its journal mode and its permissions.
fn identity(path: &Path) -> (Vec<u8>, Vec<(String, String)>, String, u32) {
    let bytes = fs::read(path).unwrap();
    let mut header = bytes[16..24].to_vec();
    header.extend_from_slice(&bytes[44..72]);
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT name, coalesce(sql, '') FROM sqlite_master ORDER BY name")
        .unwrap();
    let schema = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let perms = fs::metadata(path).unwrap().permissions().mode() & 0o777;
    (header, schema, mode, perms)
}

#[test]
fn a_journal_built_aside_is_the_journal_open_creates_and_appears_whole() {
    let dir = tempfile::tempdir().unwrap();
    let normal = dir.path().join("normal.db");
    let target = dir.path().join("journal.db");
    drop(Store::open(&normal, false).unwrap());

    let mut new = NewJournal::create(&target, false).unwrap().unwrap();
    let aside = new.aside_path().to_path_buf();
    assert_eq!(
        aside.file_name().unwrap().to_string_lossy(),
        format!(".journal.db.import-{}", std::process::id())
    );
    assert_eq!(
        fs::metadata(&aside).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let store = new.store().unwrap();
    let mode: String = store
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "memory", "written without a log while aside");
    store.conn().execute_batch("BEGIN").unwrap();
    for i in 0..2000 {
        add_question(store, &format!("q{i:04}"));
    }
    store.conn().execute_batch("COMMIT").unwrap();
    assert!(
        !target.exists(),
        "nothing at the journal's path until it is whole"
    );
    assert_eq!(names(dir.path()), [aside_name(&aside), "normal.db".into()]);

    assert_eq!(new.finish().unwrap(), Placed::Done);
    assert_eq!(names(dir.path()), ["journal.db", "normal.db"]);
    let (header, schema, mode, perms) = identity(&target);
    assert_eq!((header, schema, mode, perms), identity(&normal));
    assert_eq!(identity(&target).2, "wal");
    assert_eq!(identity(&target).3, 0o600);
    let texts = questions(&target);
    assert_eq!(texts.len(), 2000);
    assert_eq!(texts[1999], "q1999");
    let store = Store::open_existing(&target).unwrap();
    let check: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

fn aside_name(aside: &Path) -> String {
    aside.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn dropped_unfinished_the_aside_file_is_removed_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("journal.db");
    let mut new = NewJournal::create(&target, false).unwrap().unwrap();
    let store = new.store().unwrap();
    store.conn().execute_batch("BEGIN").unwrap();
    add_question(store, "half written");
    // A store error in the middle of an import: the caller gives up.
    drop(new);
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

#[test]
fn a_journal_that_appeared_meanwhile_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("journal.db");
    let mut new = NewJournal::create(&target, false).unwrap().unwrap();
    add_question(new.store().unwrap(), "imported");
    // Another program creates the journal while the import runs.
    let other = Store::open(&target, false).unwrap();
    add_question(&other, "theirs");
    drop(other);
    assert_eq!(new.finish().unwrap(), Placed::JournalAppeared);
    assert_eq!(names(dir.path()), ["journal.db"]);
    assert_eq!(questions(&target), ["theirs"]);
}

#[test]
fn a_path_taken_with_a_log_beside_it_or_too_long_is_left_to_the_usual_way() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("journal.db");
    fs::write(dir.path().join("journal.db-wal"), b"left over").unwrap();
    assert!(NewJournal::create(&target, false).unwrap().is_none());
    fs::remove_file(dir.path().join("journal.db-wal")).unwrap();
    fs::write(&target, b"").unwrap();
    assert!(NewJournal::create(&target, false).unwrap().is_none());
    assert_eq!(names(dir.path()), ["journal.db"]);
    let long = dir.path().join(format!("{}.db", "j".repeat(240)));
    assert!(NewJournal::create(&long, false).unwrap().is_none());
    assert_eq!(names(dir.path()), ["journal.db"]);
}

#[test]
fn a_killed_imports_file_with_our_process_id_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("journal.db");
    let stale = dir
        .path()
        .join(format!(".journal.db.import-{}", std::process::id()));
    fs::write(&stale, b"a killed import's half journal").unwrap();
    let new = NewJournal::create(&target, false).unwrap().unwrap();
    assert_eq!(new.finish().unwrap(), Placed::Done);
    assert_eq!(names(dir.path()), ["journal.db"]);
    assert!(questions(&target).is_empty());
}

#[test]
fn a_missing_folder_is_refused_or_created_as_for_any_new_journal() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("sub").join("journal.db");
    assert!(matches!(
        NewJournal::create(&target, false),
        Err(StoreError::MissingDirectory { .. })
    ));
    assert_eq!(names(dir.path()), Vec::<String>::new());
    let new = NewJournal::create(&target, true).unwrap().unwrap();
    assert_eq!(new.finish().unwrap(), Placed::Done);
    assert_eq!(names(&dir.path().join("sub")), ["journal.db"]);
}

#[test]
fn the_files_of_killed_imports_go_and_a_running_ones_stay() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("journal.db");
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let gone_pid = gone.id();
    gone.wait().unwrap();
    let running = std::os::unix::process::parent_id();
    let files = [
        format!(".journal.db.import-{gone_pid}"),
        format!(".journal.db.import-{gone_pid}-journal"),
        format!(".journal.db.import-{running}"),
        format!(".journal.db.import-{gone_pid}.notes"),
        format!(".other.db.import-{gone_pid}"),
    ];
    for name in &files {
        fs::write(dir.path().join(name), b"x").unwrap();
    }
    let new = NewJournal::create(&target, false).unwrap().unwrap();
    assert_eq!(new.finish().unwrap(), Placed::Done);
    let mut kept = vec![
        "journal.db".to_string(),
        files[2].clone(),
        files[3].clone(),
        files[4].clone(),
    ];
    kept.sort();
    assert_eq!(names(dir.path()), kept);
}
