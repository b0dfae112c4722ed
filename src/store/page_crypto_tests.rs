//! The faster page functions give exactly the bytes of SQLCipher's own OpenSSL provider, and a
//! file written by stock SQLCipher opens through them.

use std::path::Path;

use proptest::prelude::*;
use rusqlite::Connection;

use super::*;

/// A context of ours (with the original's inside), freed when dropped.
struct Ours(*mut c_void);

impl Ours {
    fn new() -> Ours {
        install();
        assert!(BASE.get().is_some(), "the provider is installed");
        let mut ctx = ptr::null_mut();
        // SAFETY: a valid place for the context.
        assert_eq!(unsafe { ctx_init(&mut ctx) }, 0);
        Ours(ctx)
    }
}

impl Drop for Ours {
    fn drop(&mut self) {
        // SAFETY: the context made in new().
        unsafe { ctx_free(&mut self.0) };
    }
}

/// The original HMAC function, with the original context.
fn theirs_hmac(ctx: &Ours, algorithm: c_int, key: &[u8], a: &[u8], b: Option<&[u8]>) -> Vec<u8> {
    // SAFETY: our context, made by ctx_init.
    let theirs = unsafe { inner(ctx.0) };
    run_hmac(base().hmac.unwrap(), theirs, algorithm, key, a, b)
}

/// Ours, with our context.
fn ours_hmac(ctx: &Ours, algorithm: c_int, key: &[u8], a: &[u8], b: Option<&[u8]>) -> Vec<u8> {
    run_hmac(hmac, ctx.0, algorithm, key, a, b)
}

fn run_hmac(
    f: HmacFn,
    ctx: *mut c_void,
    algorithm: c_int,
    key: &[u8],
    a: &[u8],
    b: Option<&[u8]>,
) -> Vec<u8> {
    let mut out = vec![0u8; DIGEST];
    // SAFETY: buffers valid for their lengths; `out` holds any digest SQLCipher asks for.
    let rc = unsafe {
        f(
            ctx,
            algorithm,
            key.as_ptr(),
            key.len() as c_int,
            a.as_ptr(),
            a.len() as c_int,
            b.map_or(ptr::null(), |b| b.as_ptr()),
            b.map_or(0, |b| b.len() as c_int),
            out.as_mut_ptr(),
        )
    };
    assert_eq!(rc, 0);
    out
}

fn run_cipher(
    f: CipherFn,
    ctx: *mut c_void,
    mode: c_int,
    key: &[u8],
    iv: &[u8; 16],
    data: &[u8],
) -> Vec<u8> {
    let mut out = vec![0u8; data.len()];
    // SAFETY: buffers valid for their lengths.
    let rc = unsafe {
        f(
            ctx,
            mode,
            key.as_ptr(),
            key.len() as c_int,
            iv.as_ptr(),
            data.as_ptr(),
            data.len() as c_int,
            out.as_mut_ptr(),
        )
    };
    assert_eq!(rc, 0);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn hmac_sha512_is_the_original_for_any_key_and_page(
        keys in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 32..=32), 1..4),
        pages in proptest::collection::vec((proptest::collection::vec(any::<u8>(), 0..5000), any::<u32>(), any::<bool>()), 1..6),
    ) {
        let ctx = Ours::new();
        // Keys change between pages: the cached pad states follow the key.
        for (i, (page, pgno, with_pgno)) in pages.iter().enumerate() {
            let key = &keys[i % keys.len()];
            let second = with_pgno.then(|| pgno.to_le_bytes());
            let b = second.as_ref().map(|b| &b[..]);
            prop_assert_eq!(ours_hmac(&ctx, HMAC_SHA512, key, page, b), theirs_hmac(&ctx, HMAC_SHA512, key, page, b));
        }
    }

    #[test]
    fn aes_256_cbc_is_the_original_both_ways(
        keys in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 32..=32), 1..4),
        pages in proptest::collection::vec((proptest::collection::vec(any::<u8>(), 0..64), any::<[u8; 16]>()), 1..8),
    ) {
        let ctx = Ours::new();
        let original = base().cipher.unwrap();
        // SAFETY: our context, made by ctx_init.
        let theirs = unsafe { inner(ctx.0) };
        for (i, (blocks, iv)) in pages.iter().enumerate() {
            // Whole AES blocks, as SQLCipher gives (a page less its reserved bytes).
            let data: Vec<u8> = blocks.iter().cycle().take(blocks.len() * 64).copied().collect();
            let key = &keys[i % keys.len()];
            let sealed = run_cipher(cipher, ctx.0, 1, key, iv, &data);
            prop_assert_eq!(&sealed, &run_cipher(original, theirs, 1, key, iv, &data));
            // Directions interleave on one connection: each keeps its own keyed context.
            let opened = run_cipher(cipher, ctx.0, 0, key, iv, &sealed);
            prop_assert_eq!(&opened, &data);
            prop_assert_eq!(&opened, &run_cipher(original, theirs, 0, key, iv, &sealed));
        }
    }
}

#[test]
fn other_hmac_algorithms_are_left_to_the_original() {
    let ctx = Ours::new();
    let key = [7u8; 32];
    let page = vec![3u8; 4096];
    // SHA-256 (algorithm 1) digests are 32 bytes: the rest of the buffer stays as it was.
    assert_eq!(
        ours_hmac(&ctx, 1, &key, &page, None),
        theirs_hmac(&ctx, 1, &key, &page, None)
    );
}

/// Opens `path` keyed with `passphrase` and reads the fixture's rows.
fn read_fixture(path: &Path, passphrase: &str) -> rusqlite::Result<(i64, String, i64)> {
    install();
    let conn = Connection::open(path)?;
    conn.execute_batch(&format!("PRAGMA key = '{passphrase}';"))?;
    let (x, y) = conn.query_row("SELECT x, y FROM t ORDER BY rowid LIMIT 1", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    let n = conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0))?;
    Ok((x, y, n))
}

#[test]
fn a_file_written_by_stock_sqlcipher_reads_through_the_faster_provider() {
    // tests/fixtures/sqlcipher4-stock.db was written by SQLCipher 4.10's own OpenSSL provider
    // with its defaults, passphrase "stock sqlcipher": 5 pages of 4 KiB.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stock.db");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sqlcipher4-stock.db"),
        &path,
    )
    .unwrap();
    let (x, y, n) = read_fixture(&path, "stock sqlcipher").unwrap();
    assert_eq!(
        (x, y.as_str(), n),
        (42, "written by the stock OpenSSL provider", 301)
    );
}

#[test]
fn a_changed_byte_in_any_page_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sqlcipher4-stock.db"),
    )
    .unwrap();
    // One byte changed in the data of page 2 and of the last page (past the salt of page 1).
    for at in [4096 + 100, original.len() - 200] {
        let mut bytes = original.clone();
        bytes[at] ^= 0x01;
        let path = dir.path().join(format!("tampered-{at}.db"));
        std::fs::write(&path, &bytes).unwrap();
        let err = read_fixture(&path, "stock sqlcipher").unwrap_err();
        assert!(
            err.to_string().contains("malformed") || err.to_string().contains("not a database"),
            "{err}"
        );
    }
}
