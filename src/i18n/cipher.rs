//! Text of encrypted journals (issue 14): the passphrase prompts, `mentee encrypt`, `decrypt`
//! and `passphrase`, the `check` line, the export warning, and the errors of opening an
//! encrypted journal.

use super::{catalog, fill};
use crate::domain::text::clean_line;
use crate::store::StoreError;
use crate::store::cipher::UnlockError;

catalog! {
    /// Encrypted-journal text.
    pub struct CipherText {
        prompt,
        try_again,
        new_prompt,
        new_again,
        new_differ,
        new_empty,
        new_no_terminal,
        new_command_failed,
        new_command_empty,
        wrong,
        no_terminal,
        command_failed,
        command_empty,
        command_not_text,
        cancelled,
        read_failed,
        in_use,
        mismatch,
        exports_differ,
        cipher_failed,
        demo,
        already_encrypted,
        not_encrypted,
        encrypted,
        decrypted,
        changed,
        wiped,
        backup_converted,
        backup_left,
        export_plain,
        check_encrypted,
        check_plain,
    }
}

pub const EN: CipherText = CipherText {
    prompt: "Passphrase for {path}: ",
    try_again: "Wrong passphrase; try again ({n} of {max}).",
    new_prompt: "New passphrase for {path}: ",
    new_again: "Type it again: ",
    new_differ: "the two passphrases differ; nothing was changed",
    new_empty: "an empty passphrase protects nothing; nothing was changed",
    new_no_terminal: "a new passphrase is typed on a terminal (twice), or printed by the command in MENTEE_NEW_PASSPHRASE_COMMAND; nothing was changed",
    new_command_failed: "the command in {var} failed ({detail}); nothing was changed",
    new_command_empty: "the command in {var} printed no passphrase (or no UTF-8 text); nothing was changed",
    wrong: "{path}: wrong passphrase or not a mentee journal; it was left untouched",
    no_terminal: "cannot open {path}: it is encrypted (or not a mentee journal); run mentee in a terminal to type its passphrase, or set MENTEE_PASSPHRASE_COMMAND — it was left untouched",
    command_failed: "cannot open {path}: the command in {var} failed ({detail}); it was left untouched",
    command_empty: "cannot open {path}: the command in {var} printed no passphrase; it was left untouched",
    command_not_text: "cannot open {path}: the command in {var} printed something that is not UTF-8 text; it was left untouched",
    cancelled: "no passphrase was given; {path} was left untouched",
    read_failed: "cannot read the passphrase for {path} ({detail}); it was left untouched",
    in_use: "{path} is open in another mentee (or another program); close it and try again — nothing was changed",
    mismatch: "the converted copy of {path} did not match it ({detail}); the journal was left as it was",
    exports_differ: "its JSON export differs from the journal's",
    cipher_failed: "encryption failed: {detail}",
    demo: "the demo journal lives in memory; there is no file to encrypt or decrypt",
    already_encrypted: "{path} is already encrypted; mentee passphrase changes its passphrase",
    not_encrypted: "{path} is not encrypted; nothing was changed",
    encrypted: "{path} is now encrypted. Keep the passphrase safe: without it no one, you included, can read the journal.",
    decrypted: "{path} is now a plain SQLite file: whoever can read the file can read the journal.",
    changed: "The passphrase of {path} is changed; the old one no longer opens it. Copies made before (mentee backup) still open with the old one.",
    wiped: "The old plain-text file was overwritten with zeros before it was removed (docs/PRIVACY.md says what this cannot reach).",
    backup_converted: "Migration backup {path}: converted the same way.",
    backup_left: "Migration backup {path} could not be converted ({detail}); it was left as it was — delete it yourself if it holds plain text.",
    export_plain: "note: the export is plain text, not encrypted like the journal; keep it somewhere safe, or delete it after use",
    check_encrypted: "encryption: SQLCipher {version} (AES-256, PBKDF2-HMAC-SHA512 with {iterations} iterations)",
    check_plain: "encryption: none (a plain SQLite file; mentee encrypt encrypts it)",
};

pub const ID: CipherText = CipherText {
    prompt: "Frasa sandi untuk {path}: ",
    try_again: "Frasa sandi salah; coba lagi ({n} dari {max}).",
    new_prompt: "Frasa sandi baru untuk {path}: ",
    new_again: "Ketik sekali lagi: ",
    new_differ: "kedua frasa sandi berbeda; tidak ada yang diubah",
    new_empty: "frasa sandi kosong tidak melindungi apa pun; tidak ada yang diubah",
    new_no_terminal: "frasa sandi baru diketik di terminal (dua kali), atau dicetak oleh perintah di MENTEE_NEW_PASSPHRASE_COMMAND; tidak ada yang diubah",
    new_command_failed: "perintah di {var} gagal ({detail}); tidak ada yang diubah",
    new_command_empty: "perintah di {var} tidak mencetak frasa sandi (atau bukan teks UTF-8); tidak ada yang diubah",
    wrong: "{path}: frasa sandi salah atau bukan jurnal mentee; berkas tidak diubah",
    no_terminal: "tidak dapat membuka {path}: berkas ini terenkripsi (atau bukan jurnal mentee); jalankan mentee di terminal untuk mengetik frasa sandinya, atau atur MENTEE_PASSPHRASE_COMMAND — berkas tidak diubah",
    command_failed: "tidak dapat membuka {path}: perintah di {var} gagal ({detail}); berkas tidak diubah",
    command_empty: "tidak dapat membuka {path}: perintah di {var} tidak mencetak frasa sandi; berkas tidak diubah",
    command_not_text: "tidak dapat membuka {path}: perintah di {var} mencetak sesuatu yang bukan teks UTF-8; berkas tidak diubah",
    cancelled: "frasa sandi tidak diberikan; {path} tidak diubah",
    read_failed: "tidak dapat membaca frasa sandi untuk {path} ({detail}); berkas tidak diubah",
    in_use: "{path} sedang dibuka di mentee lain (atau program lain); tutup dulu lalu coba lagi — tidak ada yang diubah",
    mismatch: "salinan hasil konversi {path} tidak sama dengan aslinya ({detail}); jurnal dibiarkan seperti semula",
    exports_differ: "ekspor JSON-nya berbeda dari ekspor jurnal",
    cipher_failed: "enkripsi gagal: {detail}",
    demo: "jurnal demo hanya ada di memori; tidak ada berkas untuk dienkripsi atau didekripsi",
    already_encrypted: "{path} sudah terenkripsi; mentee passphrase mengganti frasa sandinya",
    not_encrypted: "{path} tidak terenkripsi; tidak ada yang diubah",
    encrypted: "{path} sekarang terenkripsi. Simpan frasa sandinya baik-baik: tanpa frasa sandi itu tidak seorang pun, termasuk Anda, dapat membaca jurnal ini.",
    decrypted: "{path} sekarang berkas SQLite biasa: siapa pun yang dapat membaca berkasnya dapat membaca jurnal ini.",
    changed: "Frasa sandi {path} sudah diganti; frasa sandi lama tidak lagi membukanya. Salinan yang dibuat sebelumnya (mentee backup) masih terbuka dengan frasa sandi lama.",
    wiped: "Berkas teks biasa yang lama ditimpa dengan nol sebelum dihapus (docs/PRIVACY.md menjelaskan apa yang tidak terjangkau cara ini).",
    backup_converted: "Cadangan migrasi {path}: dikonversi dengan cara yang sama.",
    backup_left: "Cadangan migrasi {path} tidak dapat dikonversi ({detail}); dibiarkan seperti semula — hapus sendiri jika isinya teks biasa.",
    export_plain: "catatan: hasil ekspor berupa teks biasa, tidak terenkripsi seperti jurnalnya; simpan di tempat aman, atau hapus setelah dipakai",
    check_encrypted: "enkripsi: SQLCipher {version} (AES-256, PBKDF2-HMAC-SHA512 dengan {iterations} iterasi)",
    check_plain: "enkripsi: tidak ada (berkas SQLite biasa; mentee encrypt mengenkripsinya)",
};

/// A path as it may be shown in a message (control characters neutralised).
fn shown(path: &std::path::Path) -> String {
    clean_line(&path.display().to_string()).into_owned()
}

/// The message for the store errors of encrypted journals in `lang`; None for the others.
pub fn store_error(lang: super::Lang, err: &StoreError) -> Option<String> {
    lang.text().cipher_store_error(err)
}

impl super::Text {
    /// The store errors of encrypted journals in this language; None for the others.
    pub(super) fn cipher_store_error(&self, err: &StoreError) -> Option<String> {
        cipher_store_error(&self.cipher, err)
    }
}

fn cipher_store_error(t: &CipherText, err: &StoreError) -> Option<String> {
    let path = |p: &std::path::Path| shown(p);
    let var = crate::store::cipher::PASSPHRASE_COMMAND;
    Some(match err {
        StoreError::WrongPassphrase { path: p } => fill(t.wrong, &[("path", &path(p))]),
        StoreError::Unlock { path: p, source } => {
            let p = path(p);
            match source {
                UnlockError::NotOffered | UnlockError::NoTerminal => {
                    fill(t.no_terminal, &[("path", &p)])
                }
                UnlockError::CommandFailed(detail) => fill(
                    t.command_failed,
                    &[("path", &p), ("var", &var), ("detail", &clean_line(detail))],
                ),
                UnlockError::CommandEmpty => fill(t.command_empty, &[("path", &p), ("var", &var)]),
                UnlockError::CommandNotText => {
                    fill(t.command_not_text, &[("path", &p), ("var", &var)])
                }
                UnlockError::Cancelled => fill(t.cancelled, &[("path", &p)]),
                UnlockError::Io(e) => fill(t.read_failed, &[("path", &p), ("detail", e)]),
            }
        }
        StoreError::InUse { path: p } => fill(t.in_use, &[("path", &path(p))]),
        StoreError::Mismatch { path: p, detail } => fill(
            t.mismatch,
            &[("path", &path(p)), ("detail", &clean_line(detail))],
        ),
        StoreError::Cipher(detail) => fill(t.cipher_failed, &[("detail", detail)]),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every placeholder of a template, in order of appearance.
    fn placeholders(template: &str) -> Vec<&str> {
        let mut found = Vec::new();
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            found.push(&rest[start + 1..start + len]);
            rest = &rest[start + len + 1..];
        }
        found.sort_unstable();
        found
    }

    #[test]
    fn both_languages_name_the_same_placeholders() {
        for ((key, en), (_, id)) in EN.entries().iter().zip(ID.entries().iter()) {
            assert_eq!(placeholders(en), placeholders(id), "{key}");
            assert_ne!(en, id, "{key} is not translated");
        }
    }

    #[test]
    fn the_english_messages_match_the_store_errors() {
        let path = std::path::PathBuf::from("/j.db");
        let errors = [
            StoreError::WrongPassphrase { path: path.clone() },
            StoreError::InUse { path: path.clone() },
            StoreError::Mismatch {
                path: path.clone(),
                detail: "x".into(),
            },
            StoreError::Unlock {
                path: path.clone(),
                source: UnlockError::Cancelled,
            },
        ];
        for err in &errors {
            let en = store_error(Lang::En, err).expect("worded here");
            let id = store_error(Lang::Id, err).expect("worded here");
            assert_ne!(en, id);
            assert!(en.contains("/j.db") && id.contains("/j.db"), "{en} / {id}");
        }
        assert_eq!(
            store_error(Lang::En, &errors[0]).unwrap(),
            errors[0].to_string()
        );
        assert!(store_error(Lang::En, &StoreError::NoJournal { path }).is_none());
    }
}
