//! Encrypted journals: SQLCipher 4 with its default settings (AES-256 in CBC mode with a
//! random IV per page, an HMAC-SHA512 per page, the key stretched from the passphrase by
//! PBKDF2-HMAC-SHA512 with 256,000 iterations and a random 16-byte salt kept at the start of
//! the file). See docs/PRIVACY.md.
//!
//! The passphrase is stretched here, once per open, with the OpenSSL that SQLCipher links, and
//! SQLCipher is given the resulting raw key with the file's salt (`x'<key><salt>'`): the same
//! bytes SQLCipher would derive itself from the passphrase (a test checks it), so the file opens
//! in any SQLCipher 4 with `PRAGMA key = 'passphrase'`. Deriving once matters: a key check and
//! the real connection, a backup or a migration copy would otherwise each pay the 256,000
//! rounds again. Copies made with the same raw key and salt open with the same passphrase.
//!
//! A file that may be encrypted is recognised without a key: it is not an SQLite file (the
//! header is not `SQLite format 3`) and its length is a whole number of 4 KiB pages. Its
//! passphrase is checked on the file's first page read in Rust (`page_one`), or when that
//! cannot tell, on the file opened `immutable` in SQLite (read-only, no lock, no `-wal` or
//! `-shm` looked at or created), so a wrong passphrase changes nothing at all.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::error::{Result, StoreError};

/// The page size of every encrypted journal (SQLCipher 4's default).
pub const PAGE_SIZE: u64 = 4096;
/// PBKDF2-HMAC-SHA512 iterations (SQLCipher 4's default).
pub const KDF_ITERATIONS: u32 = 256_000;
const SALT_LEN: usize = 16;
const KEY_LEN: usize = 32;

/// Overwrites `bytes` with zeros in a way the compiler may not optimise away.
pub(super) fn wipe(bytes: &mut [u8]) {
    for b in bytes.iter_mut() {
        // SAFETY: `b` is a valid, aligned, exclusive reference to one byte.
        unsafe { std::ptr::write_volatile(b, 0) };
    }
    std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
}

/// A passphrase as typed or read from a command; its bytes are wiped when it is dropped.
pub struct Passphrase(Vec<u8>);

impl Passphrase {
    /// Takes the text of a passphrase.
    pub fn new(text: String) -> Passphrase {
        Passphrase(text.into_bytes())
    }

    /// True for an empty passphrase.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when both passphrases are the same (the "type it again" check).
    pub fn same_as(&self, other: &Passphrase) -> bool {
        self.0 == other.0
    }
}

impl Drop for Passphrase {
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// The key of an encrypted journal: the stretched passphrase and the file's salt. Wiped when
/// dropped; never printed.
#[derive(Clone)]
pub struct Key {
    key: [u8; KEY_LEN],
    salt: [u8; SALT_LEN],
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Drop for Key {
    fn drop(&mut self) {
        wipe(&mut self.key);
    }
}

impl Key {
    /// Stretches `passphrase` with `salt` (PBKDF2-HMAC-SHA512, [`KDF_ITERATIONS`]).
    pub fn derive(passphrase: &Passphrase, salt: [u8; SALT_LEN]) -> Result<Key> {
        let mut key = Key {
            key: [0; KEY_LEN],
            salt,
        };
        // The same PBKDF2 as OpenSSL's (tested), with each round's HMAC key set up once.
        if !super::hmac_sha512::pbkdf2(&passphrase.0, &key.salt, KDF_ITERATIONS, &mut key.key) {
            return Err(StoreError::Cipher("PBKDF2 failed in OpenSSL".into()));
        }
        Ok(key)
    }

    /// A key for a new encrypted file: a fresh random salt from OpenSSL's generator.
    pub fn generate(passphrase: &Passphrase) -> Result<Key> {
        let mut salt = [0u8; SALT_LEN];
        // SAFETY: `salt` is valid for SALT_LEN bytes.
        let ok = unsafe { openssl_sys::RAND_bytes(salt.as_mut_ptr(), SALT_LEN as i32) };
        if ok != 1 {
            return Err(StoreError::Cipher(
                "OpenSSL could not produce random bytes".into(),
            ));
        }
        Key::derive(passphrase, salt)
    }

    /// Keys `conn` (its main database) with this key: the first thing done on a connection.
    pub fn apply(&self, conn: &Connection) -> rusqlite::Result<()> {
        super::page_crypto::install();
        self.with_sql("PRAGMA key = ", |sql| conn.execute_batch(sql))
    }

    /// Attaches the file at `path` as `schema`, encrypted with this key (a new file is created
    /// with this key's salt, so it opens with the same passphrase).
    pub(crate) fn attach(&self, conn: &Connection, path: &Path, schema: &str) -> Result<()> {
        let path = path
            .to_str()
            .ok_or_else(|| StoreError::Invalid(format!("{} is not UTF-8", path.display())))?;
        let prefix = format!("ATTACH DATABASE ?1 AS {schema} KEY ");
        super::page_crypto::install();
        self.with_sql(&prefix, |sql| conn.execute(sql, [path]).map(|_| ()))?;
        Ok(())
    }

    /// Runs `prefix` followed by this key as an SQL string literal (`"x'<64 hex key><32 hex
    /// salt>'"`: a raw key with its salt), wiping the text after.
    fn with_sql<T>(
        &self,
        prefix: &str,
        run: impl FnOnce(&str) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        let mut sql = Vec::with_capacity(prefix.len() + 2 * (KEY_LEN + SALT_LEN) + 6);
        sql.extend_from_slice(prefix.as_bytes());
        sql.extend_from_slice(b"\"x'");
        for b in self.key.iter().chain(self.salt.iter()) {
            sql.extend_from_slice(&hex_pair(*b));
        }
        sql.extend_from_slice(b"'\"");
        let result = match std::str::from_utf8(&sql) {
            Ok(text) => run(text),
            Err(_) => Err(rusqlite::Error::InvalidQuery),
        };
        wipe(&mut sql);
        result
    }

    /// The salt, as stored at the start of the file.
    pub fn salt(&self) -> [u8; SALT_LEN] {
        self.salt
    }
}

fn hex_pair(b: u8) -> [u8; 2] {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]
}

/// The salt at the start of the file at `path`, when the file may be an encrypted journal: not
/// an SQLite file, and a whole number of pages long. None for anything else (plain journals,
/// empty files, files of the wrong size).
pub fn encrypted_salt(path: &Path) -> std::io::Result<Option<[u8; SALT_LEN]>> {
    let mut file = fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len < PAGE_SIZE || len % PAGE_SIZE != 0 {
        return Ok(None);
    }
    let mut salt = [0u8; SALT_LEN];
    file.read_exact(&mut salt)?;
    Ok((&salt != b"SQLite format 3\0").then_some(salt))
}

/// True when the file at `path` looks like an encrypted journal (see [`encrypted_salt`]).
pub fn looks_encrypted(path: &Path) -> bool {
    matches!(encrypted_salt(path), Ok(Some(_)))
}

/// Turns SQLCipher's log off: a failed key check would otherwise print its own lines on
/// stderr (over the prompt or the TUI). The setting is global to the process.
pub fn quiet(conn: &Connection) {
    let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE;");
}

/// SQLCipher's version (`PRAGMA cipher_version`), e.g. "4.10.0 community".
pub fn version(conn: &Connection) -> String {
    conn.query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .unwrap_or_else(|_| "4".into())
}

/// What a key check found in the file's first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    pub application_id: u32,
    pub user_version: i64,
}

/// Checks `key` against the file at `path` without changing anything: its first page is read
/// and checked in Rust (`page_one`); only a page that does not pass that check is asked of
/// SQLite, on the file opened `immutable` (read-only, no locks; its `-wal` and `-shm` are
/// neither read nor created). Ok(None) for a wrong key (or a file that is not encrypted with
/// SQLCipher); the identity read from the header otherwise. The file's own page 1 is read,
/// which may be older than a copy in an unmerged log: the key is the same, and the identity
/// is checked again through SQLite once the journal is opened.
pub fn check_key(path: &Path, key: &Key) -> Result<Option<Identity>> {
    let mut page = vec![0u8; super::page_one::PAGE];
    let read = fs::File::open(path).and_then(|mut f| f.read_exact(&mut page));
    let fast = read
        .ok()
        .and_then(|()| super::page_one::identity(&page, &key.key));
    wipe(&mut page);
    match fast {
        Some(identity) => Ok(Some(identity)),
        None => check_key_in_sqlite(path, key),
    }
}

/// [`check_key`] through SQLite, which knows every setting a file may have been written with.
pub(crate) fn check_key_in_sqlite(path: &Path, key: &Key) -> Result<Option<Identity>> {
    let conn = Connection::open_with_flags(
        immutable_uri(path),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )?;
    quiet(&conn);
    key.apply(&conn)?;
    let read = || -> rusqlite::Result<Identity> {
        let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(Identity {
            application_id: app as u32,
            user_version: version,
        })
    };
    match read() {
        Ok(identity) => Ok(Some(identity)),
        Err(e) if StoreError::is_corrupt(&e) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// `file:<path>?immutable=1`, the path percent-encoded as SQLite's URI parser expects.
fn immutable_uri(path: &Path) -> String {
    let bytes = path_bytes(path);
    let mut uri = String::from("file:");
    if bytes.first() == Some(&b'/') {
        uri.push_str("//");
    }
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-_.~:".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// The path's bytes: any bytes on Unix (each percent-encoded as needed).
#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

/// The path as SQLite's Windows URIs want it: forward slashes, a drive after a slash.
#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    let text = path.to_string_lossy().replace('\\', "/");
    if path.is_absolute() {
        format!("/{text}").into_bytes()
    } else {
        text.into_bytes()
    }
}

/// Where an encrypted journal's passphrase comes from. The store calls it with `attempt` 1, 2…
/// until a passphrase fits or it returns `Ok(None)` (no more tries: the open fails with
/// [`StoreError::WrongPassphrase`]). An error (no terminal to ask on, a failing command, the
/// user gave up) ends the open with [`StoreError::Unlock`].
pub trait Unlock {
    /// The passphrase to try for the journal at `path`.
    fn passphrase(
        &mut self,
        path: &Path,
        attempt: u32,
    ) -> std::result::Result<Option<Passphrase>, UnlockError>;

    /// A key derived before for a file with this salt, tried first (no asking, no stretching).
    fn known_key(&mut self, _salt: &[u8; SALT_LEN]) -> Option<Key> {
        None
    }
}

/// Opens with a key derived before: the 256,000 rounds are paid once, not at every open
/// (benches compare the cipher's own cost this way).
pub struct KnownKey(pub Key);

impl Unlock for KnownKey {
    fn passphrase(
        &mut self,
        _path: &Path,
        _attempt: u32,
    ) -> std::result::Result<Option<Passphrase>, UnlockError> {
        Ok(None)
    }

    fn known_key(&mut self, salt: &[u8; SALT_LEN]) -> Option<Key> {
        (self.0.salt == *salt).then(|| self.0.clone())
    }
}

/// Opening without any way to get a passphrase: a file that may be encrypted is refused as
/// "not an SQLite database", as before encryption existed (library callers, tests, benches).
pub struct NoUnlock;

impl Unlock for NoUnlock {
    fn passphrase(
        &mut self,
        _path: &Path,
        _attempt: u32,
    ) -> std::result::Result<Option<Passphrase>, UnlockError> {
        Err(UnlockError::NotOffered)
    }
}

/// Gives one passphrase once (tests, a key already asked for).
pub struct Given(pub Option<Passphrase>);

impl Unlock for Given {
    fn passphrase(
        &mut self,
        _path: &Path,
        _attempt: u32,
    ) -> std::result::Result<Option<Passphrase>, UnlockError> {
        Ok(self.0.take())
    }
}

/// The environment variable holding the command that prints the journal's passphrase.
pub const PASSPHRASE_COMMAND: &str = "MENTEE_PASSPHRASE_COMMAND";
/// The environment variable holding the command that prints a new passphrase (`mentee
/// encrypt`, `mentee passphrase`).
pub const NEW_PASSPHRASE_COMMAND: &str = "MENTEE_NEW_PASSPHRASE_COMMAND";

/// Why no passphrase could be had.
#[derive(Debug, thiserror::Error)]
pub enum UnlockError {
    /// The caller offers no way to ask (a library open): treated as "not an SQLite file".
    #[error("no passphrase can be asked for")]
    NotOffered,
    /// Not on a terminal, and no passphrase command.
    #[error(
        "it is encrypted (or not a mentee journal); run mentee in a terminal to type its passphrase, or set MENTEE_PASSPHRASE_COMMAND"
    )]
    NoTerminal,
    /// The passphrase command failed.
    #[error("the command in MENTEE_PASSPHRASE_COMMAND failed ({0})")]
    CommandFailed(String),
    /// The passphrase command printed nothing.
    #[error("the command in MENTEE_PASSPHRASE_COMMAND printed no passphrase")]
    CommandEmpty,
    /// The passphrase command printed bytes that are not text.
    #[error("the command in MENTEE_PASSPHRASE_COMMAND printed something that is not UTF-8 text")]
    CommandNotText,
    /// The user left the prompt (Esc, Ctrl-C, Ctrl-D).
    #[error("no passphrase was given")]
    Cancelled,
    /// The terminal could not be read.
    #[error("cannot read the passphrase: {0}")]
    Io(#[from] std::io::Error),
}

/// Asks `unlock` for the passphrase of the encrypted journal at `path` until one fits, and
/// returns its key with the identity read through it. Nothing is written anywhere.
pub fn unlock(
    path: &Path,
    salt: [u8; SALT_LEN],
    unlock: &mut dyn Unlock,
) -> Result<(Key, Identity)> {
    if let Some(key) = unlock.known_key(&salt)
        && let Some(identity) = check_key(path, &key)?
    {
        return Ok((key, identity));
    }
    let mut attempt = 1;
    loop {
        let passphrase = match unlock.passphrase(path, attempt) {
            Ok(Some(p)) => p,
            Ok(None) => return Err(wrong(path)),
            Err(UnlockError::NotOffered) => {
                return Err(StoreError::NotSqlite {
                    path: path.to_path_buf(),
                });
            }
            Err(source) => {
                return Err(StoreError::Unlock {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        let key = Key::derive(&passphrase, salt)?;
        if let Some(identity) = check_key(path, &key)? {
            return Ok((key, identity));
        }
        attempt += 1;
    }
}

fn wrong(path: &Path) -> StoreError {
    StoreError::WrongPassphrase {
        path: path.to_path_buf(),
    }
}

/// The plaintext files that belong to the journal at `path` besides itself: its migration
/// backups (`<name>.before-v<N>[.<n>].bak`) that are plain SQLite files.
pub fn migration_backups(path: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{}.before-v", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&prefix)
                && n.ends_with(".bak")
                && e.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|e| dir.join(e.file_name()))
        .collect();
    found.sort();
    found
}

#[cfg(test)]
#[path = "cipher_tests.rs"]
pub(crate) mod tests;
