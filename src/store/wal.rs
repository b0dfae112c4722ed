//! Reading a journal's identity from a write-ahead log left beside it, without SQLite.
//!
//! After a crash (or while another instance has the journal open) the newest copy of page 1
//! — which holds the schema version and the application id — may be in `<journal>-wal`
//! rather than in the file. Asking SQLite would run its recovery: even a read-only
//! connection writes to `-shm`, and a read-write one checkpoints the log into the file and
//! deletes it when it closes. So the log is read here, as SQLite's recovery reads it (the
//! format is documented at <https://www.sqlite.org/fileformat2.html#walformat>): frames are
//! valid while their salts match the header and their cumulative checksum holds; only frames
//! up to the last commit count. The file, its `-wal` and `-shm` stay byte-identical.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

const WAL_HEADER: usize = 32;
const FRAME_HEADER: usize = 24;

/// The newest committed copy of page 1 in the log at `wal`, if the log holds one.
pub fn committed_page_one(wal: &Path) -> io::Result<Option<Vec<u8>>> {
    let file = match File::open(wal) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    read_page_one(BufReader::new(file))
}

/// [`committed_page_one`] over any reader of a log.
pub fn read_page_one(mut log: impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut header = [0u8; WAL_HEADER];
    if !read_full(&mut log, &mut header)? {
        return Ok(None);
    }
    let be = |b: &[u8], at: usize| u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    let magic = be(&header, 0);
    if magic & !1 != 0x377f_0682 || be(&header, 4) != 3_007_000 {
        return Ok(None);
    }
    let big_endian = magic & 1 == 1;
    let page_size = be(&header, 8) as usize;
    if !page_size.is_power_of_two() || !(512..=65536).contains(&page_size) {
        return Ok(None);
    }
    let mut sum = checksum((0, 0), &header[..24], big_endian);
    if sum != (be(&header, 24), be(&header, 28)) {
        return Ok(None);
    }
    let salts = (be(&header, 16), be(&header, 20));
    let mut frame = vec![0u8; FRAME_HEADER + page_size];
    let mut pending: Option<Vec<u8>> = None;
    let mut committed: Option<Vec<u8>> = None;
    while read_full(&mut log, &mut frame)? {
        let page = be(&frame, 0);
        let commit = be(&frame, 4);
        if page == 0 || (be(&frame, 8), be(&frame, 12)) != salts {
            break;
        }
        sum = checksum(sum, &frame[..8], big_endian);
        sum = checksum(sum, &frame[FRAME_HEADER..], big_endian);
        if sum != (be(&frame, 16), be(&frame, 20)) {
            break;
        }
        if page == 1 {
            pending = Some(frame[FRAME_HEADER..].to_vec());
        }
        if commit != 0 && pending.is_some() {
            committed = pending.take();
        }
    }
    Ok(committed)
}

/// Fills `buf` completely; false at a clean or partial end of the log.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<bool> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) => return Ok(false),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(true)
}

/// SQLite's WAL checksum, continued from `(s0, s1)` over `data` (a multiple of 8 bytes).
fn checksum((mut s0, mut s1): (u32, u32), data: &[u8], big_endian: bool) -> (u32, u32) {
    let word = |c: &[u8]| {
        let b = [c[0], c[1], c[2], c[3]];
        if big_endian {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        }
    };
    for pair in data.chunks_exact(8) {
        s0 = s0.wrapping_add(word(&pair[..4]).wrapping_add(s1));
        s1 = s1.wrapping_add(word(&pair[4..]).wrapping_add(s0));
    }
    (s0, s1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    /// A database whose last changes stay in its log: the connection neither checkpoints
    /// automatically nor on close.
    fn with_log(dir: &Path, sql: &str) -> std::path::PathBuf {
        let path = dir.join("x.db");
        let conn = Connection::open(&path).unwrap();
        let _: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .unwrap();
        conn.execute_batch("CREATE TABLE t (x); PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        conn.execute_batch("PRAGMA wal_autocheckpoint = 0").unwrap();
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .unwrap();
        conn.execute_batch(sql).unwrap();
        drop(conn);
        path
    }

    #[test]
    fn page_one_is_read_from_an_unmerged_log() {
        let dir = tempfile::tempdir().unwrap();
        let path = with_log(
            dir.path(),
            "PRAGMA user_version = 42; PRAGMA application_id = 7;",
        );
        let wal = dir.path().join("x.db-wal");
        let page = committed_page_one(&wal)
            .unwrap()
            .expect("page 1 in the log");
        assert_eq!(u32::from_be_bytes(page[60..64].try_into().unwrap()), 42);
        assert_eq!(u32::from_be_bytes(page[68..72].try_into().unwrap()), 7);
        // The file itself still says version 0.
        let file = std::fs::read(&path).unwrap();
        assert_eq!(u32::from_be_bytes(file[60..64].try_into().unwrap()), 0);
    }

    #[test]
    fn a_torn_or_foreign_log_gives_nothing() {
        let dir = tempfile::tempdir().unwrap();
        with_log(dir.path(), "PRAGMA user_version = 42;");
        let wal = std::fs::read(dir.path().join("x.db-wal")).unwrap();
        // A last frame cut short: the commit frame is lost, so page 1 is not committed.
        let torn = &wal[..wal.len() - 10];
        assert!(read_page_one(torn).unwrap().is_none());
        // A flipped byte in the page breaks the checksum.
        let mut bad = wal.clone();
        bad[WAL_HEADER + FRAME_HEADER + 70] ^= 0xff;
        assert!(read_page_one(bad.as_slice()).unwrap().is_none());
        assert!(read_page_one(&b"not a log"[..]).unwrap().is_none());
        assert!(
            committed_page_one(&dir.path().join("missing"))
                .unwrap()
                .is_none()
        );
    }
}
