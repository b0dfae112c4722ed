//! An encrypted journal's key checked on the file's first page, without SQLite.
//!
//! Checking a passphrase used to open a second SQLite connection on the file (immutable),
//! key it and read two pragmas: a codec context set up and torn down, the schema looked at,
//! for 16 bytes of header. Every open of an encrypted journal pays the check, so on a small
//! command such as `mentee status` it was a visible share of the cipher's cost (issue 14).
//!
//! Here page 1 is checked as SQLCipher 4 checks it with its default settings: the HMAC key is
//! PBKDF2-HMAC-SHA512 of the page key with the file's salt XOR 0x3a (2 rounds); the page's
//! HMAC-SHA512 covers its encrypted bytes after the salt, its IV, and the page number (1,
//! little-endian); the bytes are AES-256-CBC with that IV. A page that passes is decrypted and
//! its SQLite header read for the identity. A page that does not pass (a wrong key, another
//! page size or other settings) gives None, and the caller asks SQLite, which knows every
//! setting: this is a faster path, never the only one. Tests compare it with SQLite's answer.

use super::cipher::{Identity, wipe};
use super::hmac_sha512::{DIGEST, HmacSha512, pbkdf2};
use super::page_crypto::{AES_KEY, decrypt};

/// The page size the fast check knows (SQLCipher 4's default, every mentee journal's).
pub(super) const PAGE: usize = 4096;
const SALT: usize = 16;
const IV: usize = 16;
/// The reserve at the end of each page: the IV and the HMAC-SHA512.
const RESERVE: usize = IV + DIGEST;
/// SQLCipher's HMAC key derivation: rounds and the salt's mask.
const FAST_KDF_ROUNDS: u32 = 2;
const HMAC_SALT_MASK: u8 = 0x3a;
/// Where the encrypted bytes of page 1 end and its IV starts.
const DATA_END: usize = PAGE - RESERVE;

/// The identity in `page` (the file's first [`PAGE`] bytes) if `key` opens it with SQLCipher
/// 4's default settings; None otherwise (see the module's comment).
pub(super) fn identity(page: &[u8], key: &[u8; AES_KEY]) -> Option<Identity> {
    let page: &[u8; PAGE] = page.try_into().ok()?;
    let mut salt = [0u8; SALT];
    for (s, b) in salt.iter_mut().zip(&page[..SALT]) {
        *s = b ^ HMAC_SALT_MASK;
    }
    let mut hmac_key = [0u8; AES_KEY];
    let derived = pbkdf2(key, &salt, FAST_KDF_ROUNDS, &mut hmac_key);
    let mac = derived.then(|| HmacSha512::new(&hmac_key)).flatten();
    wipe(&mut hmac_key);
    let mut expected = [0u8; DIGEST];
    let computed = mac?.mac(
        &[&page[SALT..DATA_END + IV], &1u32.to_le_bytes()],
        &mut expected,
    );
    if !computed || !same(&expected, &page[DATA_END + IV..]) {
        return None;
    }
    let iv: &[u8; IV] = page[DATA_END..DATA_END + IV].try_into().ok()?;
    let mut header = [0u8; DATA_END - SALT];
    let found = decrypt(key, iv, &page[SALT..DATA_END], &mut header).then(|| read(&header));
    // Page 1 holds the start of the schema as well as the header.
    wipe(&mut header);
    found.flatten()
}

/// The identity in a decrypted page 1 from byte 16 of the SQLite header on, if the header is
/// the one SQLCipher writes (the page size, the reserve and the fixed payload fractions).
fn read(header: &[u8]) -> Option<Identity> {
    let at = |offset: usize| -> Option<[u8; 4]> {
        header
            .get(offset - SALT..offset - SALT + 4)?
            .try_into()
            .ok()
    };
    let page_size = u16::from_be_bytes([header[0], header[1]]);
    let sane = usize::from(page_size) == PAGE
        && usize::from(header[20 - SALT]) == RESERVE
        && header[21 - SALT..24 - SALT] == [64, 32, 32];
    sane.then_some(())?;
    Some(Identity {
        user_version: i64::from(i32::from_be_bytes(at(60)?)),
        application_id: u32::from_be_bytes(at(68)?),
    })
}

/// `a == b`, in a time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
