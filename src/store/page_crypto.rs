//! SQLCipher's per-page cryptography without its per-page set-up cost.
//!
//! SQLCipher checks an HMAC-SHA512 and decrypts AES-256-CBC on every page it reads. Its
//! OpenSSL provider sets both up from nothing for each page: it fetches the HMAC and the
//! cipher from OpenSSL's provider registry (name look-ups under locks), allocates contexts,
//! expands the keys, and frees it all. On a 4 KiB page that set-up costs about as much as the
//! hashing itself (issue 14: an encrypted journal's first frame was 1.7× a plain one's).
//!
//! This module registers a provider that is SQLCipher's own OpenSSL provider with two
//! functions replaced: `hmac` (for HMAC-SHA512, SQLCipher 4's default) keeps the hash states
//! of the key's inner and outer pads and copies them for each page, and `cipher` keeps one
//! AES-256-CBC context per direction, keyed once, and gives it only the page's IV. The
//! algorithms, keys and bytes are exactly SQLCipher's (tests compare both functions with the
//! original on random input, and every other function is the original one), so files stay
//! readable by any SQLCipher 4 and the other way round.
//!
//! The cached states live in SQLCipher's private heap (`sqlcipher_malloc`: locked in memory
//! where the system allows, wiped when freed), and only as long as the connection's codec
//! context; the AES contexts are OpenSSL's, wiped by OpenSSL when freed.

use std::ffi::{c_char, c_int, c_uchar, c_void};
use std::ptr;
use std::sync::{Once, OnceLock};

use openssl_sys::EVP_CIPHER_CTX;

use super::hmac_sha512::{BLOCK, DIGEST, HmacSha512};

type HmacFn = unsafe extern "C" fn(
    *mut c_void,
    c_int,
    *const c_uchar,
    c_int,
    *const c_uchar,
    c_int,
    *const c_uchar,
    c_int,
    *mut c_uchar,
) -> c_int;
type KdfFn = unsafe extern "C" fn(
    *mut c_void,
    c_int,
    *const c_uchar,
    c_int,
    *const c_uchar,
    c_int,
    c_int,
    c_int,
    *mut c_uchar,
) -> c_int;
type CipherFn = unsafe extern "C" fn(
    *mut c_void,
    c_int,
    *const c_uchar,
    c_int,
    *const c_uchar,
    *const c_uchar,
    c_int,
    *mut c_uchar,
) -> c_int;
type NameFn = unsafe extern "C" fn(*mut c_void) -> *const c_char;
type SizeFn = unsafe extern "C" fn(*mut c_void) -> c_int;
type RandomFn = unsafe extern "C" fn(*mut c_void, *mut c_void, c_int) -> c_int;
type AddRandomFn = unsafe extern "C" fn(*mut c_void, *const c_void, c_int) -> c_int;
type HmacSizeFn = unsafe extern "C" fn(*mut c_void, c_int) -> c_int;
type CtxFn = unsafe extern "C" fn(*mut *mut c_void) -> c_int;

/// SQLCipher's `sqlcipher_provider` (crypto.h of SQLCipher 4.x), field for field.
#[repr(C)]
#[derive(Clone, Copy)]
struct Provider {
    init: Option<unsafe extern "C" fn() -> c_int>,
    shutdown: Option<unsafe extern "C" fn()>,
    get_provider_name: Option<NameFn>,
    add_random: Option<AddRandomFn>,
    random: Option<RandomFn>,
    hmac: Option<HmacFn>,
    kdf: Option<KdfFn>,
    cipher: Option<CipherFn>,
    get_cipher: Option<NameFn>,
    get_key_sz: Option<SizeFn>,
    get_iv_sz: Option<SizeFn>,
    get_block_sz: Option<SizeFn>,
    get_hmac_sz: Option<HmacSizeFn>,
    ctx_init: Option<CtxFn>,
    ctx_free: Option<CtxFn>,
    fips_status: Option<SizeFn>,
    get_provider_version: Option<NameFn>,
    next: *mut Provider,
}

// SAFETY: the function pointers are SQLCipher's static functions; `next` is never followed here.
unsafe impl Send for Provider {}
// SAFETY: as above; the value is only read after it is set once.
unsafe impl Sync for Provider {}

unsafe extern "C" {
    fn sqlcipher_get_provider() -> *mut Provider;
    fn sqlcipher_register_provider(p: *mut Provider) -> c_int;
    fn sqlcipher_malloc(size: u64) -> *mut c_void;
    fn sqlcipher_free(p: *mut c_void, size: u64);
}

/// SQLCIPHER_HMAC_SHA512.
const HMAC_SHA512: c_int = 2;
/// AES-256's key size.
pub(super) const AES_KEY: usize = 32;

/// The original provider's functions, copied when ours was registered.
static BASE: OnceLock<Provider> = OnceLock::new();
static INSTALL: Once = Once::new();

/// Registers the faster provider, once per process, before the first encrypted connection.
/// Does nothing when SQLCipher's provider is not the OpenSSL one this was written against.
pub(crate) fn install() {
    INSTALL.call_once(|| {
        // SAFETY: sqlite3_initialize is safe to call at any time; it registers SQLCipher's
        // default provider, read just after. The provider struct is copied, not kept.
        unsafe {
            if rusqlite::ffi::sqlite3_initialize() != rusqlite::ffi::SQLITE_OK {
                return;
            }
            let current = sqlcipher_get_provider();
            if current.is_null() || !is_openssl(&*current) {
                return;
            }
            let base = *current;
            if BASE.set(base).is_err() {
                return;
            }
            // SQLCipher frees every registered provider with sqlcipher_free at shutdown.
            let ours = sqlcipher_malloc(std::mem::size_of::<Provider>() as u64).cast::<Provider>();
            if ours.is_null() {
                return;
            }
            ours.write(Provider {
                init: None,
                shutdown: None,
                get_provider_name: Some(get_provider_name),
                add_random: Some(add_random),
                random: Some(random),
                hmac: Some(hmac),
                kdf: Some(kdf),
                cipher: Some(cipher),
                get_cipher: Some(get_cipher),
                get_key_sz: Some(get_key_sz),
                get_iv_sz: Some(get_iv_sz),
                get_block_sz: Some(get_block_sz),
                get_hmac_sz: Some(get_hmac_sz),
                ctx_init: Some(ctx_init),
                ctx_free: Some(ctx_free),
                fips_status: Some(fips_status),
                get_provider_version: Some(get_provider_version),
                next: ptr::null_mut(),
            });
            sqlcipher_register_provider(ours);
        }
    });
}

/// True for SQLCipher's OpenSSL provider with every function this module calls.
///
/// # Safety
/// `p` must be SQLCipher's registered provider.
unsafe fn is_openssl(p: &Provider) -> bool {
    let Some(name) = p.get_provider_name else {
        return false;
    };
    // SAFETY: the OpenSSL provider's name function ignores its context and returns a static
    // string.
    let name = unsafe { std::ffi::CStr::from_ptr(name(ptr::null_mut())) };
    name.to_bytes() == b"openssl"
        && p.hmac.is_some()
        && p.cipher.is_some()
        && p.kdf.is_some()
        && p.random.is_some()
        && p.add_random.is_some()
        && p.get_cipher.is_some()
        && p.get_key_sz.is_some()
        && p.get_iv_sz.is_some()
        && p.get_block_sz.is_some()
        && p.get_hmac_sz.is_some()
        && p.ctx_init.is_some()
        && p.ctx_free.is_some()
        && p.fips_status.is_some()
        && p.get_provider_version.is_some()
}

fn base() -> &'static Provider {
    // install() sets BASE before registering the functions that call this.
    BASE.get()
        .expect("the base provider is set before ours is registered")
}

/// One codec context's state: the original provider's context and the keyed caches.
struct Ctx {
    inner: *mut c_void,
    hmac: Option<HmacKey>,
    encrypt: Option<AesKey>,
    decrypt: Option<AesKey>,
}

/// HMAC-SHA512 set up for one key, with the key to tell when SQLCipher gives another.
struct HmacKey {
    key: [u8; BLOCK],
    key_len: usize,
    mac: HmacSha512,
}

impl Drop for HmacKey {
    fn drop(&mut self) {
        // The pad states wipe themselves (HmacSha512's own Drop).
        super::cipher::wipe(&mut self.key);
    }
}

/// An AES-256-CBC context keyed for one direction.
struct AesKey {
    key: [u8; AES_KEY],
    ctx: *mut EVP_CIPHER_CTX,
}

impl Drop for AesKey {
    fn drop(&mut self) {
        // SAFETY: `ctx` was made by EVP_CIPHER_CTX_new and is freed only here; OpenSSL wipes
        // the expanded key as it frees it.
        unsafe { openssl_sys::EVP_CIPHER_CTX_free(self.ctx) };
        super::cipher::wipe(&mut self.key);
    }
}

unsafe extern "C" fn ctx_init(ctx: *mut *mut c_void) -> c_int {
    let mut inner: *mut c_void = ptr::null_mut();
    // SAFETY: the base function gets a valid place for its context.
    let rc = unsafe { (base().ctx_init.expect("checked"))(&mut inner) };
    if rc != 0 {
        return rc;
    }
    // SAFETY: sqlcipher_malloc returns zeroed memory of the size asked, or null.
    let ours = unsafe { sqlcipher_malloc(std::mem::size_of::<Ctx>() as u64) }.cast::<Ctx>();
    if ours.is_null() {
        // SAFETY: freeing the base context just made.
        unsafe { (base().ctx_free.expect("checked"))(&mut inner) };
        return rusqlite::ffi::SQLITE_NOMEM;
    }
    // SAFETY: `ours` is valid for one Ctx; `ctx` is SQLCipher's place for the context.
    unsafe {
        ours.write(Ctx {
            inner,
            hmac: None,
            encrypt: None,
            decrypt: None,
        });
        *ctx = ours.cast();
    }
    rusqlite::ffi::SQLITE_OK
}

unsafe extern "C" fn ctx_free(ctx: *mut *mut c_void) -> c_int {
    // SAFETY: SQLCipher passes the place holding a context made by ctx_init (or null).
    unsafe {
        let ours = (*ctx).cast::<Ctx>();
        if ours.is_null() {
            return (base().ctx_free.expect("checked"))(ctx);
        }
        let mut inner = (*ours).inner;
        // Frees the AES contexts and wipes the keys and states (their Drop).
        ptr::drop_in_place(ours);
        sqlcipher_free(ours.cast(), std::mem::size_of::<Ctx>() as u64);
        *ctx = ptr::null_mut();
        (base().ctx_free.expect("checked"))(&mut inner)
    }
}

/// The original provider's context inside ours.
///
/// # Safety
/// `ctx` is null or a context made by [`ctx_init`].
unsafe fn inner(ctx: *mut c_void) -> *mut c_void {
    if ctx.is_null() {
        ctx
    } else {
        // SAFETY: per the contract above.
        unsafe { (*ctx.cast::<Ctx>()).inner }
    }
}

unsafe extern "C" fn hmac(
    ctx: *mut c_void,
    algorithm: c_int,
    key: *const c_uchar,
    key_sz: c_int,
    input: *const c_uchar,
    in_sz: c_int,
    input2: *const c_uchar,
    in2_sz: c_int,
    out: *mut c_uchar,
) -> c_int {
    let fits = algorithm == HMAC_SHA512
        && !ctx.is_null()
        && !key.is_null()
        && !input.is_null()
        && (0..=BLOCK as c_int).contains(&key_sz)
        && in_sz >= 0
        && in2_sz >= 0;
    if !fits {
        // SAFETY: the original function with the original context and the same arguments.
        return unsafe {
            (base().hmac.expect("checked"))(
                inner(ctx),
                algorithm,
                key,
                key_sz,
                input,
                in_sz,
                input2,
                in2_sz,
                out,
            )
        };
    }
    // SAFETY: SQLCipher passes buffers valid for the sizes given and `out` valid for a
    // SHA-512 digest; `ctx` is ours (checked non-null, made by ctx_init).
    unsafe {
        let ours = &mut *ctx.cast::<Ctx>();
        let key = std::slice::from_raw_parts(key, key_sz as usize);
        if ours
            .hmac
            .as_ref()
            .is_none_or(|h| &h.key[..h.key_len] != key)
        {
            ours.hmac = hmac_key(key);
        }
        let Some(h) = ours.hmac.as_ref() else {
            return rusqlite::ffi::SQLITE_ERROR;
        };
        let mut parts: [&[u8]; 2] = [std::slice::from_raw_parts(input, in_sz as usize), &[]];
        if !input2.is_null() {
            parts[1] = std::slice::from_raw_parts(input2, in2_sz as usize);
        }
        if h.mac.mac(&parts, &mut *out.cast::<[u8; DIGEST]>()) {
            rusqlite::ffi::SQLITE_OK
        } else {
            rusqlite::ffi::SQLITE_ERROR
        }
    }
}

/// HMAC-SHA512 set up for `key` (at most one block long, as SQLCipher's are).
fn hmac_key(key: &[u8]) -> Option<HmacKey> {
    let mut padded = [0u8; BLOCK];
    padded[..key.len()].copy_from_slice(key);
    Some(HmacKey {
        key: padded,
        key_len: key.len(),
        mac: HmacSha512::new(key)?,
    })
}

unsafe extern "C" fn cipher(
    ctx: *mut c_void,
    mode: c_int,
    key: *const c_uchar,
    key_sz: c_int,
    iv: *const c_uchar,
    input: *const c_uchar,
    in_sz: c_int,
    out: *mut c_uchar,
) -> c_int {
    let fits = !ctx.is_null()
        && (mode == 0 || mode == 1)
        && key_sz == AES_KEY as c_int
        && !key.is_null()
        && !iv.is_null()
        && !input.is_null()
        && in_sz >= 0
        && in_sz % 16 == 0;
    if !fits {
        // SAFETY: the original function with the original context and the same arguments.
        return unsafe {
            (base().cipher.expect("checked"))(inner(ctx), mode, key, key_sz, iv, input, in_sz, out)
        };
    }
    // SAFETY: SQLCipher passes a key of key_sz bytes, an IV of 16, `in_sz` bytes in and room
    // for as many out; `ctx` is ours.
    unsafe {
        let ours = &mut *ctx.cast::<Ctx>();
        let key = &*key.cast::<[u8; AES_KEY]>();
        let slot = if mode == 1 {
            &mut ours.encrypt
        } else {
            &mut ours.decrypt
        };
        if slot.as_ref().is_none_or(|a| &a.key != key) {
            *slot = aes_key(key, mode);
        }
        match slot.as_ref() {
            Some(aes) if aes.run(iv, input, in_sz, out, mode) => rusqlite::ffi::SQLITE_OK,
            _ => rusqlite::ffi::SQLITE_ERROR,
        }
    }
}

impl AesKey {
    /// Runs the keyed cipher in `mode` over `in_sz` bytes (whole blocks) from `input` into
    /// `out` with the IV `iv`: the key stays expanded, only the IV is set.
    ///
    /// # Safety
    /// `iv` is valid for 16 bytes, `input` and `out` for `in_sz` bytes; `mode` is this key's.
    unsafe fn run(
        &self,
        iv: *const c_uchar,
        input: *const c_uchar,
        in_sz: c_int,
        out: *mut c_uchar,
        mode: c_int,
    ) -> bool {
        // SAFETY: per the contract above; `ctx` was keyed by aes_key.
        unsafe {
            let mut ok = openssl_sys::EVP_CipherInit_ex(
                self.ctx,
                ptr::null(),
                ptr::null_mut(),
                ptr::null(),
                iv,
                mode,
            ) == 1;
            let mut written: c_int = 0;
            ok &= openssl_sys::EVP_CipherUpdate(self.ctx, out, &mut written, input, in_sz) == 1;
            let mut rest: c_int = 0;
            ok &=
                openssl_sys::EVP_CipherFinal(self.ctx, out.add(written.max(0) as usize), &mut rest)
                    == 1;
            ok && written + rest == in_sz
        }
    }
}

/// AES-256-CBC decryption of whole blocks without padding, as SQLCipher decrypts a page
/// (used to check a key on page 1 without opening the file in SQLite). False if the sizes do
/// not fit or OpenSSL fails.
pub(super) fn decrypt(key: &[u8; AES_KEY], iv: &[u8; 16], input: &[u8], out: &mut [u8]) -> bool {
    let fits = input.len() == out.len()
        && input.len().is_multiple_of(16)
        && c_int::try_from(input.len()).is_ok();
    let Some(aes) = aes_key(key, 0).filter(|_| fits) else {
        return false;
    };
    // SAFETY: the IV is 16 bytes; `input` and `out` are both valid for `input.len()` bytes.
    unsafe {
        aes.run(
            iv.as_ptr(),
            input.as_ptr(),
            input.len() as c_int,
            out.as_mut_ptr(),
            0,
        )
    }
}

/// An AES-256-CBC context for `mode` (1 encrypt, 0 decrypt) keyed with `key`, no padding.
fn aes_key(key: &[u8; AES_KEY], mode: c_int) -> Option<AesKey> {
    // SAFETY: a new context is checked for null, keyed with a 32-byte key and freed on failure.
    unsafe {
        let ctx = openssl_sys::EVP_CIPHER_CTX_new();
        if ctx.is_null() {
            return None;
        }
        let ok = openssl_sys::EVP_CipherInit_ex(
            ctx,
            openssl_sys::EVP_aes_256_cbc(),
            ptr::null_mut(),
            key.as_ptr(),
            ptr::null(),
            mode,
        ) == 1
            && openssl_sys::EVP_CIPHER_CTX_set_padding(ctx, 0) == 1;
        if !ok {
            openssl_sys::EVP_CIPHER_CTX_free(ctx);
            return None;
        }
        Some(AesKey { key: *key, ctx })
    }
}

// The other functions are the original ones, given the original context.

unsafe extern "C" fn get_provider_name(ctx: *mut c_void) -> *const c_char {
    // SAFETY: the original function with the original context.
    unsafe { (base().get_provider_name.expect("checked"))(inner(ctx)) }
}

unsafe extern "C" fn add_random(ctx: *mut c_void, buffer: *const c_void, length: c_int) -> c_int {
    // SAFETY: the original function with the original context and the same arguments.
    unsafe { (base().add_random.expect("checked"))(inner(ctx), buffer, length) }
}

unsafe extern "C" fn random(ctx: *mut c_void, buffer: *mut c_void, length: c_int) -> c_int {
    // SAFETY: as above.
    unsafe { (base().random.expect("checked"))(inner(ctx), buffer, length) }
}

unsafe extern "C" fn kdf(
    ctx: *mut c_void,
    algorithm: c_int,
    pass: *const c_uchar,
    pass_sz: c_int,
    salt: *const c_uchar,
    salt_sz: c_int,
    workfactor: c_int,
    key_sz: c_int,
    key: *mut c_uchar,
) -> c_int {
    // SAFETY: as above.
    unsafe {
        (base().kdf.expect("checked"))(
            inner(ctx),
            algorithm,
            pass,
            pass_sz,
            salt,
            salt_sz,
            workfactor,
            key_sz,
            key,
        )
    }
}

unsafe extern "C" fn get_cipher(ctx: *mut c_void) -> *const c_char {
    // SAFETY: as above.
    unsafe { (base().get_cipher.expect("checked"))(inner(ctx)) }
}

unsafe extern "C" fn get_key_sz(ctx: *mut c_void) -> c_int {
    // SAFETY: as above.
    unsafe { (base().get_key_sz.expect("checked"))(inner(ctx)) }
}

unsafe extern "C" fn get_iv_sz(ctx: *mut c_void) -> c_int {
    // SAFETY: as above.
    unsafe { (base().get_iv_sz.expect("checked"))(inner(ctx)) }
}

unsafe extern "C" fn get_block_sz(ctx: *mut c_void) -> c_int {
    // SAFETY: as above.
    unsafe { (base().get_block_sz.expect("checked"))(inner(ctx)) }
}

unsafe extern "C" fn get_hmac_sz(ctx: *mut c_void, algorithm: c_int) -> c_int {
    // SAFETY: as above.
    unsafe { (base().get_hmac_sz.expect("checked"))(inner(ctx), algorithm) }
}

unsafe extern "C" fn fips_status(ctx: *mut c_void) -> c_int {
    // SAFETY: as above.
    unsafe { (base().fips_status.expect("checked"))(inner(ctx)) }
}

unsafe extern "C" fn get_provider_version(ctx: *mut c_void) -> *const c_char {
    // SAFETY: as above.
    unsafe { (base().get_provider_version.expect("checked"))(inner(ctx)) }
}

#[cfg(test)]
#[path = "page_crypto_tests.rs"]
mod tests;
