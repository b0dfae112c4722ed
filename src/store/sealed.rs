//! A keystream for text that must reach the disk unreadable: the checked records of an
//! import into an encrypted journal, which wait in a file of the journal's scratch folder
//! (as a plain journal's do) rather than in memory (64 MB at 100k records).
//!
//! AES-256 in counter mode, from the OpenSSL that SQLCipher links, with a key and a first
//! counter drawn at random for each use and kept only in this process's memory (wiped when
//! dropped): the file is exactly as long as its text, any stretch of it is read back from
//! its offset, and a file left by a killed process cannot be read by anyone. Nothing checks
//! the bytes read back for tampering: the file is private (mode 0600 in a 0700 folder) and
//! lives only while its import runs, and whoever could change it could change the import file.

use std::ffi::c_int;

use openssl_sys::EVP_CIPHER_CTX;

use super::cipher::wipe;
use super::error::{Result, StoreError};

const KEY_LEN: usize = 32;
const BLOCK: u64 = 16;

/// A random key and first counter; the bytes of its stream are XORed with the text.
pub struct Keystream {
    key: [u8; KEY_LEN],
    counter: [u8; BLOCK as usize],
}

impl Keystream {
    /// A new key and first counter from OpenSSL's generator.
    pub fn random() -> Result<Keystream> {
        let mut stream = Keystream {
            key: [0; KEY_LEN],
            counter: [0; BLOCK as usize],
        };
        // SAFETY: both buffers are valid for the lengths given.
        let ok = unsafe {
            openssl_sys::RAND_bytes(stream.key.as_mut_ptr(), KEY_LEN as c_int) == 1
                && openssl_sys::RAND_bytes(stream.counter.as_mut_ptr(), BLOCK as c_int) == 1
        };
        if !ok {
            return Err(failed("OpenSSL could not produce random bytes"));
        }
        Ok(stream)
    }

    /// A cursor on the stream at byte `offset`: [`Cursor::apply`] then seals (or opens) the
    /// text from that byte on.
    pub fn at(&self, offset: u64) -> Result<Cursor> {
        // The counter of the block holding `offset`: the first one plus offset / 16, as a
        // 128-bit big-endian number (as OpenSSL counts).
        let first = u128::from_be_bytes(self.counter);
        let counter = first.wrapping_add(u128::from(offset / BLOCK)).to_be_bytes();
        // SAFETY: a new context is checked for null; the cipher, key and counter are valid
        // for AES-256-CTR (32 and 16 bytes).
        let ctx = unsafe { openssl_sys::EVP_CIPHER_CTX_new() };
        if ctx.is_null() {
            return Err(failed("OpenSSL could not make a cipher context"));
        }
        let mut cursor = Cursor { ctx };
        let ok = unsafe {
            openssl_sys::EVP_EncryptInit_ex(
                cursor.ctx,
                openssl_sys::EVP_aes_256_ctr(),
                std::ptr::null_mut(),
                self.key.as_ptr(),
                counter.as_ptr(),
            ) == 1
        };
        if !ok {
            return Err(failed("OpenSSL could not set up AES-256-CTR"));
        }
        // Into the block: the stream's bytes before `offset` are used up.
        let mut skip = [0u8; BLOCK as usize];
        cursor.apply(&mut skip[..(offset % BLOCK) as usize])?;
        wipe(&mut skip);
        Ok(cursor)
    }
}

impl Drop for Keystream {
    fn drop(&mut self) {
        wipe(&mut self.key);
        wipe(&mut self.counter);
    }
}

/// A place in a [`Keystream`], moving on as bytes go through it.
pub struct Cursor {
    ctx: *mut EVP_CIPHER_CTX,
}

// SAFETY: the context is owned by its cursor alone and used by one thread at a time.
unsafe impl Send for Cursor {}

impl Cursor {
    /// XORs `bytes` in place with the stream's next bytes: seals text, or opens it again.
    pub fn apply(&mut self, bytes: &mut [u8]) -> Result<()> {
        for chunk in bytes.chunks_mut(c_int::MAX as usize / 2) {
            let mut out = 0;
            // SAFETY: in place is allowed (the same pointer for input and output); the
            // chunk's length fits a c_int; CTR writes exactly as many bytes as it reads.
            let ok = unsafe {
                openssl_sys::EVP_EncryptUpdate(
                    self.ctx,
                    chunk.as_mut_ptr(),
                    &mut out,
                    chunk.as_ptr(),
                    chunk.len() as c_int,
                ) == 1
            };
            if !ok || out as usize != chunk.len() {
                return Err(failed("OpenSSL could not apply AES-256-CTR"));
            }
        }
        Ok(())
    }
}

impl Drop for Cursor {
    fn drop(&mut self) {
        // SAFETY: the context was made by EVP_CIPHER_CTX_new and is freed once (OpenSSL
        // wipes its key schedule).
        unsafe { openssl_sys::EVP_CIPHER_CTX_free(self.ctx) };
    }
}

fn failed(what: &str) -> StoreError {
    StoreError::Cipher(what.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sealing in pieces of any size from any offset gives the stream of one pass; opening
    /// any stretch from its offset gives the text back; the sealed bytes are not the text,
    /// and two streams differ.
    #[test]
    fn any_stretch_opens_from_its_offset() {
        let text: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 251) as u8).collect();
        let stream = Keystream::random().unwrap();
        let mut whole = text.clone();
        stream.at(0).unwrap().apply(&mut whole).unwrap();
        assert_ne!(whole, text);
        let mut pieces = text.clone();
        let mut cursor = stream.at(0).unwrap();
        for piece in pieces.chunks_mut(37) {
            cursor.apply(piece).unwrap();
        }
        assert_eq!(pieces, whole);
        for (start, end) in [
            (0, 5000),
            (1, 2),
            (15, 17),
            (16, 48),
            (333, 4999),
            (4096, 5000),
        ] {
            let mut stretch = whole[start..end].to_vec();
            stream
                .at(start as u64)
                .unwrap()
                .apply(&mut stretch)
                .unwrap();
            assert_eq!(stretch, text[start..end], "{start}..{end}");
        }
        let mut other = text.clone();
        Keystream::random()
            .unwrap()
            .at(0)
            .unwrap()
            .apply(&mut other)
            .unwrap();
        assert_ne!(other, whole);
    }

    /// The counter carries across its 128 bits, as OpenSSL's CTR counts.
    #[test]
    fn the_counter_carries_like_openssls() {
        let mut stream = Keystream::random().unwrap();
        stream.counter = [0xff; 16];
        stream.counter[0] = 0x7f;
        let mut whole = vec![0u8; 64];
        stream.at(0).unwrap().apply(&mut whole).unwrap();
        let mut tail = vec![0u8; 32];
        stream.at(32).unwrap().apply(&mut tail).unwrap();
        assert_eq!(tail, whole[32..]);
    }
}
