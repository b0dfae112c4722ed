//! The one-line messages of errors a user meets (bad journal files, config), in both languages.

use super::catalog;

catalog! {
    /// Error messages; `{}` is filled with the path and details in order.
    pub struct ErrorsText {
        missing_directory,
        not_sqlite,
        not_journal,
        newer_schema,
        corrupt,
        read_only,
        locked,
        io,
        not_found,
        config_read,
        config_syntax,
        config_value,
    }
}

pub const EN: ErrorsText = ErrorsText {
    missing_directory: "cannot open {}: the folder {} does not exist",
    not_sqlite: "{} is not a mentee journal (it is not an SQLite database); it was left untouched",
    not_journal: "{} is an SQLite database but not a mentee journal; it was left untouched",
    newer_schema: "{} was written by a newer mentee (journal version {}, this program knows up to {}); upgrade mentee to open it — the file was left untouched",
    corrupt: "{} is damaged ({}); it was left untouched — restore it from a backup",
    read_only: "{} is read-only ({}); mentee needs to write to the journal and its folder",
    locked: "{} is locked by another program that is writing to it; try again in a moment",
    io: "cannot use {}: {}",
    not_found: "no such {} (id {})",
    config_read: "cannot read the config file {}: {}",
    config_syntax: "the config file {} is not valid TOML: {}",
    config_value: "in the config file {}: {} = {} is not accepted; use {}",
};

pub const ID: ErrorsText = ErrorsText {
    missing_directory: "tidak dapat membuka {}: folder {} tidak ada",
    not_sqlite: "{} bukan jurnal mentee (bukan basis data SQLite); berkas tidak diubah",
    not_journal: "{} adalah basis data SQLite tetapi bukan jurnal mentee; berkas tidak diubah",
    newer_schema: "{} ditulis oleh mentee yang lebih baru (versi jurnal {}, program ini mengenal sampai {}); perbarui mentee untuk membukanya — berkas tidak diubah",
    corrupt: "{} rusak ({}); berkas tidak diubah — pulihkan dari cadangan",
    read_only: "{} hanya-baca ({}); mentee perlu menulis ke jurnal dan foldernya",
    locked: "{} sedang dikunci oleh program lain yang menulis ke sana; coba lagi sebentar lagi",
    io: "tidak dapat memakai {}: {}",
    not_found: "{} tidak ditemukan (id {})",
    config_read: "tidak dapat membaca berkas konfigurasi {}: {}",
    config_syntax: "berkas konfigurasi {} bukan TOML yang valid: {}",
    config_value: "di berkas konfigurasi {}: {} = {} tidak diterima; gunakan {}",
};

use crate::config::ConfigError;
use crate::store::StoreError;

impl ErrorsText {
    /// A store error in this language (SQLite's own details stay as SQLite wrote them).
    pub fn store(&self, err: &StoreError) -> String {
        use super::fill;
        match err {
            StoreError::MissingDirectory { path, dir } => {
                fill(self.missing_directory, &[&path.display(), &dir.display()])
            }
            StoreError::NotSqlite { path } => fill(self.not_sqlite, &[&path.display()]),
            StoreError::NotJournal { path } => fill(self.not_journal, &[&path.display()]),
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => fill(self.newer_schema, &[&path.display(), found, supported]),
            StoreError::Corrupt { path, detail } => fill(self.corrupt, &[&path.display(), detail]),
            StoreError::ReadOnly { path, detail } => {
                fill(self.read_only, &[&path.display(), detail])
            }
            StoreError::Locked { path } => fill(self.locked, &[&path.display()]),
            StoreError::Io { path, source } => fill(self.io, &[&path.display(), source]),
            StoreError::NotFound { kind, id } => fill(self.not_found, &[kind, id]),
            other => other.to_string(),
        }
    }

    /// A config error in this language.
    pub fn config(&self, err: &ConfigError) -> String {
        use super::fill;
        match err {
            ConfigError::Read { path, source } => {
                fill(self.config_read, &[&path.display(), source])
            }
            ConfigError::Syntax { path, message } => {
                fill(self.config_syntax, &[&path.display(), message])
            }
            ConfigError::Value {
                path,
                key,
                value,
                accepted,
            } => fill(self.config_value, &[&path.display(), key, value, accepted]),
            // Worded in the trust catalog (see `trust::config_error`).
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn english_matches_the_error_display() {
        let errs = [
            StoreError::NotSqlite {
                path: PathBuf::from("/j.db"),
            },
            StoreError::NotJournal {
                path: PathBuf::from("/j.db"),
            },
            StoreError::NewerSchema {
                path: PathBuf::from("/j.db"),
                found: 9,
                supported: 2,
            },
            StoreError::Locked {
                path: PathBuf::from("/j.db"),
            },
            StoreError::MissingDirectory {
                path: PathBuf::from("/a/j.db"),
                dir: PathBuf::from("/a"),
            },
        ];
        for err in &errs {
            assert_eq!(EN.store(err), err.to_string());
            assert_ne!(ID.store(err), err.to_string());
        }
    }
}
