//! Conversions: encrypt → decrypt gives the same journal; a new passphrase replaces the old
//! one; a failure at any step leaves the journal byte-identical with nothing left beside it;
//! another open connection makes the conversion refuse; migration backups follow the journal.

use std::fs;
use std::path::Path;

use rusqlite::Connection;

use super::*;
use crate::store::cipher::tests::{
    QUESTION, SECRET, bytes_contain, encrypted_journal, open_with, plain_journal,
};
use crate::store::cipher::{Given, Passphrase, looks_encrypted};
use crate::store::open::IfMissing;

fn key(text: &str) -> Key {
    Key::generate(&Passphrase::new(text.into())).unwrap()
}

/// Every table's rows, in order: the whole content of a journal, to compare two of them.
fn content(store: &Store) -> Vec<(String, Vec<String>)> {
    let conn = store.conn();
    let tables: Vec<String> = rows(
        conn,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY name",
    )
    .unwrap();
    tables
        .into_iter()
        .map(|t| {
            let sql = format!("SELECT quote(t.rowid) || ':' || json_array(t.*) FROM \"{t}\" AS t");
            // Tables without a rowid or with unusual columns fall back to a row count.
            let data = rows(conn, &sql).unwrap_or_else(|_| {
                let n: i64 = conn
                    .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                    .unwrap();
                vec![n.to_string()]
            });
            (t, data)
        })
        .collect()
}

/// The names in the journal's folder.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn encrypt_then_decrypt_gives_the_same_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = plain_journal(dir.path());
    let before = content(&Store::open(&path, false).unwrap());
    let done = Store::open(&path, false)
        .unwrap()
        .convert(Target::Encrypted(key("pw")), |_, _| Ok(()))
        .unwrap();
    assert!(done.wiped.contains(&path), "the old plain file was wiped");
    assert!(looks_encrypted(&path));
    assert!(!bytes_contain(&path, SECRET));
    assert_eq!(
        listing(dir.path()),
        ["journal.db"],
        "nothing left beside it"
    );
    let encrypted = open_with(&path, "pw").unwrap();
    assert_eq!(content(&encrypted), before);
    encrypted.convert(Target::Plain, |_, _| Ok(())).unwrap();
    assert!(!looks_encrypted(&path));
    assert!(bytes_contain(&path, QUESTION), "plain again");
    let plain = Store::open(&path, false).unwrap();
    assert!(!plain.is_encrypted());
    assert_eq!(content(&plain), before);
    assert_eq!(plain.search("Borealis", 5).unwrap().len(), 1);
}

#[test]
fn a_new_passphrase_replaces_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_journal(dir.path(), "old");
    let old_salt = fs::read(&path).unwrap()[..16].to_vec();
    open_with(&path, "old")
        .unwrap()
        .convert(Target::Encrypted(key("new")), |_, _| Ok(()))
        .unwrap();
    assert_ne!(fs::read(&path).unwrap()[..16], old_salt[..], "a new salt");
    let err = open_with(&path, "old")
        .err()
        .expect("the old one is refused");
    assert!(matches!(err, StoreError::WrongPassphrase { .. }), "{err}");
    assert_eq!(
        open_with(&path, "new").unwrap().mentor_names().unwrap()[0].1,
        SECRET
    );
}

#[test]
fn a_failure_at_any_step_leaves_the_journal_byte_identical() {
    for step in [Step::Exported, Step::Checked] {
        for encrypted in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let path = if encrypted {
                encrypted_journal(dir.path(), "pw")
            } else {
                plain_journal(dir.path())
            };
            let before = (listing(dir.path()), fs::read(&path).unwrap());
            let store = if encrypted {
                open_with(&path, "pw").unwrap()
            } else {
                Store::open(&path, false).unwrap()
            };
            let target = if encrypted {
                Target::Plain
            } else {
                Target::Encrypted(key("pw"))
            };
            let err = store
                .convert_with(target, |_, _| Ok(()), &mut |at| {
                    if at == step {
                        Err(StoreError::Invalid(format!("injected at {at:?}")))
                    } else {
                        Ok(())
                    }
                })
                .expect_err("the conversion fails");
            assert!(err.to_string().contains("injected"), "{err}");
            assert!(
                (listing(dir.path()), fs::read(&path).unwrap()) == before,
                "{step:?}, encrypted {encrypted}: the journal changed"
            );
        }
    }
}

#[test]
fn a_copy_that_differs_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let path = plain_journal(dir.path());
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path, false)
        .unwrap()
        .convert(Target::Encrypted(key("pw")), |_, _| {
            Err("the exports differ".into())
        })
        .expect_err("refused");
    assert!(matches!(err, StoreError::Mismatch { .. }), "{err}");
    assert!(fs::read(&path).unwrap() == before, "the journal changed");
    assert_eq!(listing(dir.path()), ["journal.db"]);
}

#[test]
fn a_journal_open_elsewhere_is_not_converted() {
    let dir = tempfile::tempdir().unwrap();
    let path = plain_journal(dir.path());
    let other = Store::open(&path, false).unwrap();
    assert!(other.mentor_names().is_ok());
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path, false)
        .unwrap()
        .convert(Target::Encrypted(key("pw")), |_, _| Ok(()))
        .expect_err("refused");
    assert!(matches!(err, StoreError::InUse { .. }), "{err}");
    assert!(err.to_string().contains("close it and try again"));
    assert!(fs::read(&path).unwrap() == before, "the journal changed");
    // The other connection still works on the same journal.
    assert_eq!(other.mentor_names().unwrap()[0].1, SECRET);
}

#[test]
fn migration_backups_follow_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = plain_journal(dir.path());
    // A plain migration backup beside it, as an earlier upgrade leaves.
    let backup = dir.path().join("journal.db.before-v6.bak");
    Store::open(&path, false)
        .unwrap()
        .backup_to(&backup)
        .unwrap();
    assert!(bytes_contain(&backup, SECRET));
    let done = Store::open(&path, false)
        .unwrap()
        .convert(Target::Encrypted(key("pw")), |_, _| Ok(()))
        .unwrap();
    assert_eq!(done.backups, vec![backup.clone()]);
    assert!(done.wiped.contains(&backup));
    assert!(done.backups_left.is_empty());
    assert!(looks_encrypted(&backup));
    assert!(!bytes_contain(&backup, SECRET), "no plaintext copy left");
    let conn = Connection::open(&backup).unwrap();
    conn.execute_batch("PRAGMA key = 'pw';").unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM mentors", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "the backup opens with the journal's passphrase");
    drop(conn);
    // A new passphrase, then decrypting: the backup follows each time.
    open_with(&path, "pw")
        .unwrap()
        .convert(Target::Encrypted(key("pw2")), |_, _| Ok(()))
        .unwrap();
    let store = Store::open_unlocked(
        &backup,
        IfMissing::Refuse,
        &mut Given(Some(Passphrase::new("pw2".into()))),
    );
    // A backup has the journal's identity too: it opens as a journal with the new passphrase.
    assert!(store.is_ok(), "{:?}", store.err());
    drop(store);
    open_with(&path, "pw2")
        .unwrap()
        .convert(Target::Plain, |_, _| Ok(()))
        .unwrap();
    assert!(!looks_encrypted(&backup) && bytes_contain(&backup, SECRET));
    assert_eq!(
        listing(dir.path()),
        ["journal.db", "journal.db.before-v6.bak"]
    );
}

#[cfg(unix)]
#[test]
fn the_old_plain_file_is_overwritten_with_zeros_not_only_unlinked() {
    let dir = tempfile::tempdir().unwrap();
    let path = plain_journal(dir.path());
    // A second name for the old file's bytes, to look at them after the rename.
    let keep = dir.path().join("keep");
    fs::create_dir(&keep).unwrap();
    let old = keep.join("old-inode");
    fs::hard_link(&path, &old).unwrap();
    assert!(bytes_contain(&old, SECRET), "plain text before");
    Store::open(&path, false)
        .unwrap()
        .convert(Target::Encrypted(key("pw")), |_, _| Ok(()))
        .unwrap();
    let bytes = fs::read(&old).unwrap();
    assert!(!bytes.is_empty() && bytes.iter().all(|b| *b == 0), "wiped");
    assert!(looks_encrypted(&path) && !bytes_contain(&path, SECRET));
}
