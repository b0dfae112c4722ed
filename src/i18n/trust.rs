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
    limit_too_long: "text of {} characters is over the limit of {}",
    limit_blank: "must not be empty",
    limit_date: "{} is outside the supported dates ({} to {})",
    limit_range: "{} is outside the accepted range {} to {}",
    limit_number: "{} is outside the accepted range -{} to {}",
    limit_field: "{}: {}",
    found_number_value: "the number {}",
    out_is_journal: "{} is the journal itself; choose another file for the output (the journal was left untouched)",
    out_is_journal_file: "{} belongs to the journal {} (its log, lock or migration backup); choose another file for the output",
    out_not_regular: "{} is not a regular file; give a new file name, or an existing file to replace",
    no_journal: "no journal at {}; run mentee to create one there, or check the --db path",
    not_regular_file: "{} is not a regular file, so it cannot be a journal; nothing was created beside it",
    disk_full: "the disk holding {} is full; free some space and try again (the journal was left as it was)",
    journal_created: "created a new journal at {}",
    import_too_large: "{} is larger than {} MiB, the most an import reads; nothing was imported",
    import_not_text: "{} is not UTF-8 text, so it cannot be a JSON export; nothing was imported",
    config_missing: "the config file {} given with --config does not exist",
    config_not_regular: "the config file {} is not a regular file",
    config_too_large: "the config file {} is larger than {} KiB; a config file is a few lines",
    not_utf8: "the argument {} is not UTF-8 text; paths may be any bytes, but text must be UTF-8",
    saved_not_shown: "the change was saved, but its confirmation could not be written ({}); do not repeat it",
};

pub const ID: TrustText = TrustText {
    limit_too_long: "teks {} karakter melebihi batas {}",
    limit_blank: "tidak boleh kosong",
    limit_date: "{} di luar rentang tanggal yang didukung ({} sampai {})",
    limit_range: "{} di luar rentang yang diterima, {} sampai {}",
    limit_number: "{} di luar rentang yang diterima, -{} sampai {}",
    limit_field: "{}: {}",
    found_number_value: "angka {}",
    out_is_journal: "{} adalah jurnal itu sendiri; pilih berkas lain untuk keluaran (jurnal tidak diubah)",
    out_is_journal_file: "{} adalah bagian dari jurnal {} (log, kunci, atau cadangan migrasinya); pilih berkas lain untuk keluaran",
    out_not_regular: "{} bukan berkas biasa; berikan nama berkas baru, atau berkas yang sudah ada untuk diganti",
    no_journal: "tidak ada jurnal di {}; jalankan mentee untuk membuatnya di sana, atau periksa jalur --db",
    not_regular_file: "{} bukan berkas biasa, jadi tidak bisa menjadi jurnal; tidak ada yang dibuat di sebelahnya",
    disk_full: "disk tempat {} penuh; kosongkan sebagian ruang lalu coba lagi (jurnal tidak diubah)",
    journal_created: "jurnal baru dibuat di {}",
    import_too_large: "{} lebih besar dari {} MiB, batas yang dibaca oleh impor; tidak ada yang diimpor",
    import_not_text: "{} bukan teks UTF-8, jadi bukan ekspor JSON; tidak ada yang diimpor",
    config_missing: "berkas konfigurasi {} yang diberikan dengan --config tidak ada",
    config_not_regular: "berkas konfigurasi {} bukan berkas biasa",
    config_too_large: "berkas konfigurasi {} lebih besar dari {} KiB; berkas konfigurasi hanya beberapa baris",
    not_utf8: "argumen {} bukan teks UTF-8; jalur boleh berisi byte apa saja, tetapi teks harus UTF-8",
    saved_not_shown: "perubahan sudah disimpan, tetapi konfirmasinya tidak dapat ditulis ({}); jangan ulangi",
};

impl TrustText {
    /// What is wrong with a value, in this language (the field is not named: a form shows it
    /// beside the field, the import after the JSON path).
    pub fn breach(&self, breach: &Breach) -> String {
        use super::fill;
        match breach {
            Breach::TooLong { chars, max } => fill(self.limit_too_long, &[chars, max]),
            Breach::Blank => self.limit_blank.to_string(),
            Breach::DateOutOfRange(date) => {
                fill(self.limit_date, &[&clean_line(date), &MIN_DATE, &MAX_DATE])
            }
            Breach::OutOfRange { value, min, max } => {
                fill(self.limit_range, &[&clean_line(value), min, max])
            }
            Breach::NumberOutOfRange(value) => fill(
                self.limit_number,
                &[
                    &clean_line(value),
                    &format!("{MAX_NUMBER:e}"),
                    &format!("{MAX_NUMBER:e}"),
                ],
            ),
        }
    }

    /// `field: what is wrong`, in this language.
    pub fn limit(&self, err: &LimitError) -> String {
        super::fill(self.limit_field, &[&err.field, &self.breach(&err.breach)])
    }
}

/// A store error in `lang`: the variants this catalog words, then the rest from the errors
/// catalog.
pub fn store_error(lang: super::Lang, err: &crate::store::StoreError) -> String {
    use crate::store::StoreError;
    let t = &lang.text().trust;
    let shown = |p: &std::path::Path| clean_line(&p.display().to_string()).into_owned();
    match err {
        StoreError::Limit(e) => t.limit(e),
        StoreError::NoJournal { path } => super::fill(t.no_journal, &[&shown(path)]),
        StoreError::NotRegularFile { path } => super::fill(t.not_regular_file, &[&shown(path)]),
        StoreError::DiskFull { path } => super::fill(t.disk_full, &[&shown(path)]),
        other => lang.text().errors.store(other),
    }
}

/// A config error in `lang`: the variants this catalog words, then the rest from the errors
/// catalog.
pub fn config_error(lang: super::Lang, err: &crate::config::ConfigError) -> String {
    use crate::config::ConfigError;
    let t = &lang.text().trust;
    let shown = |p: &std::path::Path| clean_line(&p.display().to_string()).into_owned();
    match err {
        ConfigError::Missing { path } => super::fill(t.config_missing, &[&shown(path)]),
        ConfigError::NotRegular { path } => super::fill(t.config_not_regular, &[&shown(path)]),
        ConfigError::TooLarge { path, limit_kib } => {
            super::fill(t.config_too_large, &[&shown(path), limit_kib])
        }
        other => lang.text().errors.config(other),
    }
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
        assert_eq!(EN.limit(&err), err.to_string());
        let path = std::path::PathBuf::from("/j.db");
        for err in [
            crate::store::StoreError::NoJournal { path: path.clone() },
            crate::store::StoreError::NotRegularFile { path: path.clone() },
            crate::store::StoreError::DiskFull { path },
        ] {
            assert_eq!(store_error(super::super::Lang::En, &err), err.to_string());
            assert_ne!(store_error(super::super::Lang::Id, &err), err.to_string());
        }
    }
}
