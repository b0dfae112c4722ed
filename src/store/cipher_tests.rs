//! Encrypted journals in the store: the key mentee derives is SQLCipher's own, an encrypted
//! file holds no record text and cannot be read without its key, a wrong passphrase changes
//! nothing, and every copy (backup, migration backup) stays encrypted.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::*;
use crate::domain::{Mentor, Question};
use crate::store::convert::Target;
use crate::store::open::{IfMissing, sibling};
use crate::store::{Store, StoreError, migrate};

/// Text that must never appear in an encrypted file.
pub(crate) const SECRET: &str = "Ignatius Quillfeather";
pub(crate) const QUESTION: &str = "Should I tell my manager about the offer from Borealis?";

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text.to_string())
}

/// A plain journal with a mentor and a private question.
pub(crate) fn plain_journal(dir: &Path) -> PathBuf {
    let path = dir.join("journal.db");
    let store = Store::open(&path, false).unwrap();
    fill(&store);
    path
}

pub(crate) fn fill(store: &Store) {
    store.save_mentor(&Mentor::new(SECRET)).unwrap();
    store
        .save_question(&Question {
            id: 0,
            uuid: uuid::Uuid::new_v4().to_string(),
            text: QUESTION.into(),
            mentor_id: None,
            agenda_item_id: None,
            private: true,
        })
        .unwrap();
}

/// The same journal, encrypted with `passphrase`.
pub(crate) fn encrypted_journal(dir: &Path, passphrase: &str) -> PathBuf {
    let path = plain_journal(dir);
    let key = Key::generate(&pass(passphrase)).unwrap();
    Store::open(&path, false)
        .unwrap()
        .convert(Target::Encrypted(key), |_, _| Ok(()))
        .unwrap();
    path
}

pub(crate) fn open_with(path: &Path, passphrase: &str) -> Result<Store> {
    Store::open_unlocked(path, IfMissing::Refuse, &mut Given(Some(pass(passphrase))))
}

/// True when `needle` occurs in the file's bytes (what `strings | grep` would find).
pub(crate) fn bytes_contain(path: &Path, needle: &str) -> bool {
    let bytes = fs::read(path).unwrap();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn files(path: &Path) -> Vec<Option<Vec<u8>>> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|s| fs::read(sibling(path, s)).ok())
        .collect()
}

#[test]
fn the_key_derived_here_is_the_one_sqlcipher_derives_from_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    // SQLCipher derives the key itself from a passphrase…
    let theirs = dir.path().join("theirs.db");
    {
        let conn = Connection::open(&theirs).unwrap();
        conn.execute_batch(
            "PRAGMA key = 'correct horse'; CREATE TABLE t (x); INSERT INTO t VALUES (42);",
        )
        .unwrap();
    }
    let salt = encrypted_salt(&theirs).unwrap().expect("looks encrypted");
    let key = Key::derive(&pass("correct horse"), salt).unwrap();
    let conn = Connection::open(&theirs).unwrap();
    key.apply(&conn).unwrap();
    let x: i64 = conn.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
    assert_eq!(x, 42);
    // …and a file keyed here opens in SQLCipher with the passphrase alone.
    let path = encrypted_journal(dir.path(), "tr0ub4dor");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA key = 'tr0ub4dor';").unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM mentors", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, migrate::LATEST_VERSION);
}

#[test]
fn an_encrypted_journal_holds_no_record_text_and_plain_sqlite_cannot_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("plain");
    fs::create_dir(&sub).unwrap();
    let plain = plain_journal(&sub);
    assert!(
        bytes_contain(&plain, SECRET),
        "the scan finds text in a plain file"
    );
    let path = encrypted_journal(dir.path(), "s3cret");
    assert!(looks_encrypted(&path));
    for needle in [
        SECRET,
        QUESTION,
        "SQLite format 3",
        "CREATE TABLE",
        "mentors",
    ] {
        assert!(!bytes_contain(&path, needle), "{needle:?} is in the file");
    }
    let conn = Connection::open(&path).unwrap();
    let err = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap_err();
    assert_eq!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase)
    );
    // With its passphrase it is the same journal, search included.
    let store = open_with(&path, "s3cret").unwrap();
    assert!(store.is_encrypted());
    assert_eq!(store.mentor_names().unwrap()[0].1, SECRET);
    let hits = store.search("Borealis", 10).unwrap();
    assert_eq!(hits.len(), 1);
}

#[test]
fn a_wrong_passphrase_leaves_the_journal_and_its_log_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_journal(dir.path(), "right");
    // A log left beside it, as after a crash: the last change is only there.
    {
        let store = open_with(&path, "right").unwrap();
        let conn = store.conn();
        conn.execute_batch("PRAGMA wal_autocheckpoint = 0").unwrap();
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .unwrap();
        store.save_mentor(&Mentor::new("Second")).unwrap();
    }
    let before = files(&path);
    assert!(before[1].as_ref().is_some_and(|w| !w.is_empty()));
    let err = open_with(&path, "wrong").err().expect("refused");
    assert!(matches!(err, StoreError::WrongPassphrase { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("wrong passphrase or not a mentee journal")
    );
    assert_eq!(files(&path), before, "file, -wal and -shm byte-identical");
    // Without a way to ask, it is "not an SQLite database", as before encryption existed.
    let err = Store::open_existing(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NotSqlite { .. }), "{err}");
    assert_eq!(files(&path), before);
    // With the right one, the change in the log is there.
    let store = open_with(&path, "right").unwrap();
    assert_eq!(store.mentor_names().unwrap().len(), 2);
}

#[test]
fn a_wrong_passphrase_on_a_journal_without_a_log_creates_nothing_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_journal(dir.path(), "right");
    let listing = || {
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let before = (listing(), fs::read(&path).unwrap());
    let mut tries = 0;
    let mut three = |_: &Path, attempt: u32| {
        tries = attempt;
        Ok((attempt <= 3).then(|| pass("nope")))
    };
    let err = Store::open_unlocked(&path, IfMissing::Refuse, &mut FnUnlock(&mut three))
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::WrongPassphrase { .. }));
    assert_eq!(tries, 4, "asked three times, then told to stop");
    assert_eq!((listing(), fs::read(&path).unwrap()), before);
}

type Asked = std::result::Result<Option<Passphrase>, UnlockError>;

/// An [`Unlock`] from a closure.
struct FnUnlock<'a>(&'a mut dyn FnMut(&Path, u32) -> Asked);

impl Unlock for FnUnlock<'_> {
    fn passphrase(&mut self, path: &Path, attempt: u32) -> Asked {
        (self.0)(path, attempt)
    }
}

#[test]
fn a_backup_of_an_encrypted_journal_is_encrypted_and_opens_with_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_journal(dir.path(), "pw");
    let copy = dir.path().join("copy.db");
    open_with(&path, "pw").unwrap().backup_to(&copy).unwrap();
    assert!(looks_encrypted(&copy));
    assert!(!bytes_contain(&copy, SECRET) && !bytes_contain(&copy, QUESTION));
    let store = open_with(&copy, "pw").unwrap();
    assert_eq!(store.mentor_names().unwrap()[0].1, SECRET);
}

#[test]
fn the_migration_backup_of_an_encrypted_journal_is_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    // A journal of the previous schema version, with records, then encrypted.
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate::migrate_to(&mut conn, None, migrate::LATEST_VERSION - 1).unwrap();
        conn.execute(
            "INSERT INTO mentors (uuid, created_at, updated_at, name) VALUES ('u-1', '2026-01-01', '2026-01-01', ?1)",
            [SECRET],
        )
        .unwrap();
        let key = Key::generate(&pass("pw")).unwrap();
        key.attach(&conn, &dir.path().join("enc.db"), "enc")
            .unwrap();
        conn.query_row("SELECT sqlcipher_export('enc')", [], |_| Ok(()))
            .unwrap();
        conn.pragma_update(Some("enc"), "user_version", migrate::LATEST_VERSION - 1)
            .unwrap();
        conn.pragma_update(Some("enc"), "application_id", migrate::APPLICATION_ID)
            .unwrap();
    }
    fs::rename(dir.path().join("enc.db"), &path).unwrap();
    let store = open_with(&path, "pw").unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::LATEST_VERSION);
    let backup = store
        .migrated_backup()
        .expect("a copy before migrating")
        .to_path_buf();
    assert!(looks_encrypted(&backup), "the copy is encrypted");
    assert!(!bytes_contain(&backup, SECRET));
    let conn = Connection::open(&backup).unwrap();
    conn.execute_batch("PRAGMA key = 'pw';").unwrap();
    let name: String = conn
        .query_row("SELECT name FROM mentors", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, SECRET);
}

#[test]
fn files_that_may_be_encrypted_are_told_from_the_others_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let plain = plain_journal(dir.path());
    assert!(!looks_encrypted(&plain), "a plain journal");
    let notes = dir.path().join("notes.txt");
    fs::write(&notes, "Dear diary\n".repeat(100)).unwrap();
    assert!(!looks_encrypted(&notes), "not a whole number of pages");
    let empty = dir.path().join("empty.db");
    fs::write(&empty, b"").unwrap();
    assert!(!looks_encrypted(&empty));
    let noise = dir.path().join("noise.bin");
    fs::write(&noise, vec![7u8; 8192]).unwrap();
    assert!(looks_encrypted(&noise), "it could be: only a key can tell");
    assert_eq!(
        immutable_uri(Path::new("/a b/j%1?.db")),
        "file:///a%20b/j%251%3F.db?immutable=1"
    );
}

#[test]
fn a_key_derived_before_opens_without_asking_and_a_wrong_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_journal(dir.path(), "pw");
    let salt = encrypted_salt(&path).unwrap().unwrap();
    let key = Key::derive(&pass("pw"), salt).unwrap();
    let store = Store::open_unlocked(&path, IfMissing::Refuse, &mut KnownKey(key)).unwrap();
    assert!(store.is_encrypted());
    drop(store);
    let wrong = Key::derive(&pass("not it"), salt).unwrap();
    let err = Store::open_unlocked(&path, IfMissing::Refuse, &mut KnownKey(wrong))
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::WrongPassphrase { .. }), "{err}");
}

/// What the Rust check of page 1 and SQLite say about `key` on the file at `path`.
fn both_checks(path: &Path, key: &Key) -> (Option<Identity>, Option<Identity>) {
    let page = fs::read(path).unwrap();
    let fast = crate::store::page_one::identity(&page[..crate::store::page_one::PAGE], &key.key);
    (fast, check_key_in_sqlite(path, key).unwrap())
}

#[test]
fn the_first_page_check_agrees_with_sqlite_on_every_key_and_page() {
    let dir = tempfile::tempdir().unwrap();
    let stock = dir.path().join("stock.db");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sqlcipher4-stock.db"),
        &stock,
    )
    .unwrap();
    let ours = encrypted_journal(dir.path(), "pw");
    for (path, passphrase) in [(&stock, "stock sqlcipher"), (&ours, "pw")] {
        let salt = encrypted_salt(path).unwrap().unwrap();
        let key = Key::derive(&pass(passphrase), salt).unwrap();
        let (fast, sqlite) = both_checks(path, &key);
        assert!(fast.is_some(), "{}", path.display());
        assert_eq!(fast, sqlite, "{}", path.display());
        let wrong = Key::derive(&pass("not it"), salt).unwrap();
        assert_eq!(both_checks(path, &wrong), (None, None));
        // A changed byte anywhere in page 1 after the salt: its HMAC no longer fits.
        let original = fs::read(path).unwrap();
        for at in [16, 100, 4015, 4016, 4031, 4032, 4095] {
            let mut bytes = original.clone();
            bytes[at] ^= 0x40;
            let tampered = dir.path().join(format!("tampered-{at}.db"));
            fs::write(&tampered, &bytes).unwrap();
            assert_eq!(both_checks(&tampered, &key), (None, None), "byte {at}");
            assert_eq!(check_key(&tampered, &key).unwrap(), None, "byte {at}");
        }
    }
    // Ours carries mentee's identity (the stock fixture has none).
    let salt = encrypted_salt(&ours).unwrap().unwrap();
    let key = Key::derive(&pass("pw"), salt).unwrap();
    let identity = check_key(&ours, &key).unwrap().expect("the key fits");
    assert_eq!(identity.user_version, migrate::LATEST_VERSION);
    assert_eq!(identity.application_id, migrate::APPLICATION_ID);
    // A plain journal's first page is not one: the check says None, SQLite is asked.
    let plain_dir = dir.path().join("plain");
    fs::create_dir(&plain_dir).unwrap();
    let page = fs::read(plain_journal(&plain_dir)).unwrap();
    assert_eq!(
        crate::store::page_one::identity(&page[..4096], &key.key),
        None
    );
}
