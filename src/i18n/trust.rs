//! Text of the app's promises about the journal (issue 12, "trust"): the one set of limits
//! every entry point applies, and the app's own words for what goes wrong around files —
//! outputs that would overwrite the journal, a journal that is not there, a full disk, an
//! argument that is not text. Paths and values quoted in these messages are neutralised.

use super::catalog;
use crate::domain::limits::{Breach, LimitError, MAX_DATE, MAX_NUMBER, MIN_DATE};
use crate::domain::text::clean_line;

catalog! {
    /// Limits and file-safety messages.
    pub struct TrustText {
        limit_too_long,
        limit_blank,
        limit_date,
        limit_range,
        limit_number,
        limit_field,
        found_number_value,
        out_is_journal,
        out_is_journal_file,
        out_not_regular,
        no_journal,
        not_regular_file,
        disk_full,
        journal_created,
        import_too_large,
        import_not_text,
        config_missing,
        config_not_regular,
        config_too_large,
        not_utf8,
        saved_not_shown,
    }
}

pub const EN: TrustText = TrustText {
    limit_too_long: "text of {chars} characters is over the limit of {max}",
    limit_blank: "must not be empty",
    limit_date: "{value} is outside the supported dates ({min} to {max})",
    limit_range: "{value} is outside the accepted range {min} to {max}",
    limit_number: "{value} is outside the accepted range -{min} to {max}",
    limit_field: "{field}: {problem}",
    found_number_value: "the number {value}",
    out_is_journal: "{path} is the journal itself; choose another file for the output (the journal was left untouched)",
    out_is_journal_file: "{path} belongs to the journal {journal} (its log, lock or migration backup); choose another file for the output",
    out_not_regular: "{path} is not a regular file; give a new file name, or an existing file to replace",
    no_journal: "no journal at {path}; run mentee to create one there, or check the --db path",
    not_regular_file: "{path} is not a regular file, so it cannot be a journal; nothing was created beside it",
    disk_full: "the disk holding {path} is full; free some space and try again (the journal was left as it was)",
    journal_created: "created a new journal at {path}",
    import_too_large: "{path} is larger than {limit} MiB, the most an import reads; nothing was imported",
    import_not_text: "{path} is not UTF-8 text, so it cannot be a JSON export; nothing was imported",
    config_missing: "the config file {path} given with --config does not exist",
    config_not_regular: "the config file {path} is not a regular file",
    config_too_large: "the config file {path} is larger than {limit} KiB; a config file is a few lines",
    not_utf8: "the argument {arg} is not UTF-8 text; paths may be any bytes, but text must be UTF-8",
    saved_not_shown: "the change was saved, but its confirmation could not be written ({error}); do not repeat it",
};

pub const ID: TrustText = TrustText {
    limit_too_long: "teks {chars} karakter melebihi batas {max}",
    limit_blank: "tidak boleh kosong",
    limit_date: "{value} di luar rentang tanggal yang didukung ({min} sampai {max})",
    limit_range: "{value} di luar rentang yang diterima, {min} sampai {max}",
    limit_number: "{value} di luar rentang yang diterima, -{min} sampai {max}",
    limit_field: "{field}: {problem}",
    found_number_value: "angka {value}",
    out_is_journal: "{path} adalah jurnal itu sendiri; pilih berkas lain untuk keluaran (jurnal tidak diubah)",
    out_is_journal_file: "{path} adalah bagian dari jurnal {journal} (log, kunci, atau cadangan migrasinya); pilih berkas lain untuk keluaran",
    out_not_regular: "{path} bukan berkas biasa; berikan nama berkas baru, atau berkas yang sudah ada untuk diganti",
    no_journal: "tidak ada jurnal di {path}; jalankan mentee untuk membuatnya di sana, atau periksa jalur --db",
    not_regular_file: "{path} bukan berkas biasa, jadi tidak bisa menjadi jurnal; tidak ada yang dibuat di sebelahnya",
    disk_full: "disk tempat {path} penuh; kosongkan sebagian ruang lalu coba lagi (jurnal tidak diubah)",
    journal_created: "jurnal baru dibuat di {path}",
    import_too_large: "{path} lebih besar dari {limit} MiB, batas yang dibaca oleh impor; tidak ada yang diimpor",
    import_not_text: "{path} bukan teks UTF-8, jadi bukan ekspor JSON; tidak ada yang diimpor",
    config_missing: "berkas konfigurasi {path} yang diberikan dengan --config tidak ada",
    config_not_regular: "berkas konfigurasi {path} bukan berkas biasa",
    config_too_large: "berkas konfigurasi {path} lebih besar dari {limit} KiB; berkas konfigurasi hanya beberapa baris",
    not_utf8: "argumen {arg} bukan teks UTF-8; jalur boleh berisi byte apa saja, tetapi teks harus UTF-8",
    saved_not_shown: "perubahan sudah disimpan, tetapi konfirmasinya tidak dapat ditulis ({error}); jangan ulangi",
};

impl TrustText {
    /// What is wrong with a value, in this language (the field is not named: a form shows it
    /// beside the field, the import after the JSON path).
    pub fn breach(&self, breach: &Breach) -> String {
        use super::fill;
        match breach {
            Breach::TooLong { chars, max } => fill!(self.limit_too_long, chars = chars, max = max),
            Breach::Blank => self.limit_blank.to_string(),
            Breach::DateOutOfRange(date) => fill!(
                self.limit_date,
                value = clean_line(date),
                min = MIN_DATE,
                max = MAX_DATE
            ),
            Breach::OutOfRange { value, min, max } => fill!(
                self.limit_range,
                value = clean_line(value),
                min = min,
                max = max
            ),
            Breach::NumberOutOfRange(value) => fill!(
                self.limit_number,
                value = clean_line(value),
                min = format!("{MAX_NUMBER:e}"),
                max = format!("{MAX_NUMBER:e}")
            ),
        }
    }

    /// `field: what is wrong`, in this language, the field named by `field_name`.
    pub fn limit(&self, err: &LimitError, field_name: &str) -> String {
        super::fill!(
            self.limit_field,
            field = field_name,
            problem = self.breach(&err.breach)
        )
    }
}

impl super::Text {
    /// The words of the file-safety variants of a store error (see [`super::Text::store_error`]).
    pub(super) fn trust_store_error(&self, err: &crate::store::StoreError) -> Option<String> {
        use crate::store::StoreError;
        let t = &self.trust;
        Some(match err {
            StoreError::Limit(e) => t.limit(e, &self.fields.name(e.field)),
            StoreError::NoJournal { path } => super::fill!(t.no_journal, path = shown(path)),
            StoreError::NotRegularFile { path } => {
                super::fill!(t.not_regular_file, path = shown(path))
            }
            StoreError::DiskFull { path } => super::fill!(t.disk_full, path = shown(path)),
            _ => return None,
        })
    }

    /// A config error in this language: the variants this catalog words, then the rest from
    /// the errors catalog.
    pub fn config_error(&self, err: &crate::config::ConfigError) -> String {
        use crate::config::ConfigError;
        let t = &self.trust;
        match err {
            ConfigError::Missing { path } => super::fill!(t.config_missing, path = shown(path)),
            ConfigError::NotRegular { path } => {
                super::fill!(t.config_not_regular, path = shown(path))
            }
            ConfigError::TooLarge { path, limit_kib } => {
                super::fill!(t.config_too_large, path = shown(path), limit = limit_kib)
            }
            other => self.errors.config(other),
        }
    }
}

/// A path as a message shows it: neutralised.
fn shown(p: &std::path::Path) -> String {
    clean_line(&p.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_matches_the_domain_display_and_indonesian_differs() {
        let breaches = [
            Breach::TooLong {
                chars: 100_001,
                max: 100_000,
            },
            Breach::Blank,
            Breach::DateOutOfRange("+262142-12-30".into()),
            Breach::OutOfRange {
                value: "4294967295".into(),
                min: 0,
                max: 1440,
            },
            Breach::NumberOutOfRange("1e300".into()),
        ];
        for b in &breaches {
            assert_eq!(EN.breach(b), b.to_string());
            assert_ne!(ID.breach(b), b.to_string());
        }
        let err = LimitError {
            field: "text",
            breach: Breach::Blank,
        };
        assert_eq!(EN.limit(&err, "text"), err.to_string());
        assert_eq!(
            super::super::Lang::Id
                .text()
                .store_error(&crate::store::StoreError::Limit(LimitError {
                    field: "due_on",
                    breach: Breach::Blank,
                })),
            "jatuh tempo: tidak boleh kosong"
        );
        let path = std::path::PathBuf::from("/j.db");
        for err in [
            crate::store::StoreError::NoJournal { path: path.clone() },
            crate::store::StoreError::NotRegularFile { path: path.clone() },
            crate::store::StoreError::DiskFull { path },
        ] {
            assert_eq!(
                super::super::Lang::En.text().store_error(&err),
                err.to_string()
            );
            assert_ne!(
                super::super::Lang::Id.text().store_error(&err),
                err.to_string()
            );
        }
    }
}
