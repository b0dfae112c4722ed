//! HMAC-SHA512 with its key set up once (RFC 2104), and PBKDF2-HMAC-SHA512 (RFC 8018) built on
//! it, over OpenSSL's SHA-512.
//!
//! Both SQLCipher's page HMAC and the passphrase stretching compute many HMACs with one key.
//! OpenSSL's HMAC sets the key up again for each (hashing the inner and outer pads, allocating
//! and freeing contexts); here the two pad states are hashed once and copied for each message,
//! so a message costs only its own hashing. The bytes are the same (tests compare both with
//! OpenSSL's HMAC and PBKDF2).

use openssl_sys::SHA512_CTX;

/// SHA-512's block and digest sizes.
pub(crate) const BLOCK: usize = 128;
pub(crate) const DIGEST: usize = 64;

/// HMAC-SHA512 keyed once: the hash states after the key's inner and outer pads. Wiped when
/// dropped.
pub(crate) struct HmacSha512 {
    inner: SHA512_CTX,
    outer: SHA512_CTX,
}

impl HmacSha512 {
    /// Sets up `key` (a key longer than a block is hashed first, as RFC 2104 says). None only
    /// if OpenSSL's SHA-512 fails.
    pub(crate) fn new(key: &[u8]) -> Option<HmacSha512> {
        let mut padded = [0u8; BLOCK];
        if key.len() > BLOCK {
            let mut state = start()?;
            let mut digest = [0u8; DIGEST];
            // SAFETY: a valid state, `key` valid for its length, `digest` for a digest.
            let ok = unsafe {
                openssl_sys::SHA512_Update(&mut state, key.as_ptr().cast(), key.len()) == 1
                    && openssl_sys::SHA512_Final(digest.as_mut_ptr(), &mut state) == 1
            };
            padded[..DIGEST].copy_from_slice(&digest);
            super::cipher::wipe(&mut digest);
            wipe_state(&mut state);
            if !ok {
                return None;
            }
        } else {
            padded[..key.len()].copy_from_slice(key);
        }
        let mut ipad = [0u8; BLOCK];
        let mut opad = [0u8; BLOCK];
        for i in 0..BLOCK {
            ipad[i] = padded[i] ^ 0x36;
            opad[i] = padded[i] ^ 0x5c;
        }
        let made = (|| {
            let mut inner = start()?;
            let mut outer = start()?;
            // SAFETY: valid states and buffers of BLOCK bytes.
            let ok = unsafe {
                openssl_sys::SHA512_Update(&mut inner, ipad.as_ptr().cast(), BLOCK) == 1
                    && openssl_sys::SHA512_Update(&mut outer, opad.as_ptr().cast(), BLOCK) == 1
            };
            ok.then_some(HmacSha512 { inner, outer })
        })();
        super::cipher::wipe(&mut ipad);
        super::cipher::wipe(&mut opad);
        super::cipher::wipe(&mut padded);
        made
    }

    /// The HMAC of the concatenated `parts` into `out`. False only if OpenSSL's SHA-512 fails.
    pub(crate) fn mac(&self, parts: &[&[u8]], out: &mut [u8; DIGEST]) -> bool {
        let mut inner = self.inner.clone();
        let mut digest = [0u8; DIGEST];
        let mut outer = self.outer.clone();
        // SAFETY: valid states; every buffer valid for the length given with it.
        let ok = unsafe {
            let mut ok = true;
            for part in parts {
                ok &= openssl_sys::SHA512_Update(&mut inner, part.as_ptr().cast(), part.len()) == 1;
            }
            ok && openssl_sys::SHA512_Final(digest.as_mut_ptr(), &mut inner) == 1
                && openssl_sys::SHA512_Update(&mut outer, digest.as_ptr().cast(), DIGEST) == 1
                && openssl_sys::SHA512_Final(out.as_mut_ptr(), &mut outer) == 1
        };
        super::cipher::wipe(&mut digest);
        wipe_state(&mut inner);
        wipe_state(&mut outer);
        ok
    }
}

impl Drop for HmacSha512 {
    fn drop(&mut self) {
        wipe_state(&mut self.inner);
        wipe_state(&mut self.outer);
    }
}

/// PBKDF2-HMAC-SHA512 of `passphrase` with `salt` and `rounds` into `out` (any length).
/// False only if OpenSSL's SHA-512 fails.
pub(crate) fn pbkdf2(passphrase: &[u8], salt: &[u8], rounds: u32, out: &mut [u8]) -> bool {
    let Some(prf) = HmacSha512::new(passphrase) else {
        return false;
    };
    let mut u = [0u8; DIGEST];
    let mut t = [0u8; DIGEST];
    let mut ok = true;
    for (i, chunk) in out.chunks_mut(DIGEST).enumerate() {
        let index = (i as u32 + 1).to_be_bytes();
        ok &= prf.mac(&[salt, &index], &mut u);
        t = u;
        for _ in 1..rounds {
            let previous = u;
            ok &= prf.mac(&[&previous], &mut u);
            for (t, u) in t.iter_mut().zip(u.iter()) {
                *t ^= u;
            }
        }
        chunk.copy_from_slice(&t[..chunk.len()]);
    }
    super::cipher::wipe(&mut u);
    super::cipher::wipe(&mut t);
    ok
}

/// A fresh SHA-512 state.
fn start() -> Option<SHA512_CTX> {
    // SAFETY: SHA512_CTX is plain data; SHA512_Init sets every field used.
    let mut state: SHA512_CTX = unsafe { std::mem::zeroed() };
    // SAFETY: `state` is a valid SHA512_CTX.
    let ok = unsafe { openssl_sys::SHA512_Init(&mut state) } == 1;
    ok.then_some(state)
}

/// Zeros a SHA-512 state (plain integers, but only Clone in openssl-sys).
fn wipe_state(state: &mut SHA512_CTX) {
    // SAFETY: a valid, exclusive SHA512_CTX of plain integers; zero is a valid value of each.
    unsafe { std::ptr::write_volatile(state, std::mem::zeroed()) };
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    unsafe extern "C" {
        /// OpenSSL's one-shot HMAC (not bound by openssl-sys).
        fn HMAC(
            md: *const openssl_sys::EVP_MD,
            key: *const std::ffi::c_void,
            key_len: i32,
            data: *const u8,
            data_len: usize,
            out: *mut u8,
            out_len: *mut u32,
        ) -> *mut u8;
    }

    fn openssl_hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
        let mut out = vec![0u8; DIGEST];
        let mut len: u32 = 0;
        // SAFETY: buffers valid for their lengths; EVP_sha512 is a static description.
        let done = unsafe {
            HMAC(
                openssl_sys::EVP_sha512(),
                key.as_ptr().cast(),
                key.len() as i32,
                data.as_ptr(),
                data.len(),
                out.as_mut_ptr(),
                &mut len,
            )
        };
        assert!(!done.is_null());
        assert_eq!(len as usize, DIGEST);
        out
    }

    fn openssl_pbkdf2(pass: &[u8], salt: &[u8], rounds: u32, len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len];
        // SAFETY: buffers valid for their lengths; EVP_sha512 is a static description.
        let ok = unsafe {
            openssl_sys::PKCS5_PBKDF2_HMAC(
                pass.as_ptr().cast(),
                pass.len() as i32,
                salt.as_ptr(),
                salt.len() as i32,
                rounds as i32,
                openssl_sys::EVP_sha512(),
                len as i32,
                out.as_mut_ptr(),
            )
        };
        assert_eq!(ok, 1);
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn hmac_is_openssls_for_any_key_and_message(
            key in proptest::collection::vec(any::<u8>(), 0..300),
            data in proptest::collection::vec(any::<u8>(), 0..600),
            split in any::<prop::sample::Index>(),
        ) {
            let h = HmacSha512::new(&key).unwrap();
            let at = split.index(data.len() + 1);
            let mut out = [0u8; DIGEST];
            // A message given in two parts is the same message.
            prop_assert!(h.mac(&[&data[..at], &data[at..]], &mut out));
            prop_assert_eq!(out.to_vec(), openssl_hmac(&key, &data));
        }

        #[test]
        fn pbkdf2_is_openssls_for_any_passphrase_salt_rounds_and_length(
            pass in proptest::collection::vec(any::<u8>(), 0..200),
            salt in proptest::collection::vec(any::<u8>(), 0..40),
            rounds in 1u32..40,
            len in 1usize..150,
        ) {
            let mut out = vec![0u8; len];
            prop_assert!(pbkdf2(&pass, &salt, rounds, &mut out));
            prop_assert_eq!(out, openssl_pbkdf2(&pass, &salt, rounds, len));
        }
    }

    #[test]
    fn pbkdf2_at_sqlciphers_rounds_is_openssls() {
        let mut out = [0u8; 32];
        assert!(pbkdf2(
            b"correct horse battery staple",
            &[7; 16],
            256_000,
            &mut out
        ));
        assert_eq!(
            out.to_vec(),
            openssl_pbkdf2(b"correct horse battery staple", &[7; 16], 256_000, 32)
        );
    }
}
