//! The one-line messages of errors a user meets (bad journal files, config), in both languages.

use super::catalog;

catalog! {
    /// Error messages; `{path}` and the details are filled by name.
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
        nothing_to_change,
        database,
        config_read,
        config_syntax,
        config_value,
    }
}

pub const EN: ErrorsText = ErrorsText {
    missing_directory: "cannot open {path}: the folder {folder} does not exist",
    not_sqlite: "{path} is not a mentee journal (it is not an SQLite database); it was left untouched",
    not_journal: "{path} is an SQLite database but not a mentee journal; it was left untouched",
    newer_schema: "{path} was written by a newer mentee (journal version {found}, this program knows up to {supported}); upgrade mentee to open it — the file was left untouched",
    corrupt: "{path} is damaged ({detail}); it was left untouched — restore it from a backup",
    read_only: "{path} is read-only ({detail}); mentee needs to write to the journal and its folder",
    locked: "{path} is locked by another program that is writing to it; try again in a moment",
    io: "cannot use {path}: {error}",
    not_found: "no such {kind} (id {id})",
    nothing_to_change: "nothing to change",
    database: "database error: {error}",
    config_read: "cannot read the config file {path}: {error}",
    config_syntax: "the config file {path} is not valid TOML: {message}",
    config_value: "in the config file {path}: {key} = {value} is not accepted; use {accepted}",
};

pub const ID: ErrorsText = ErrorsText {
    missing_directory: "tidak dapat membuka {path}: folder {folder} tidak ada",
    not_sqlite: "{path} bukan jurnal mentee (bukan basis data SQLite); berkas tidak diubah",
    not_journal: "{path} adalah basis data SQLite tetapi bukan jurnal mentee; berkas tidak diubah",
    newer_schema: "{path} ditulis oleh mentee yang lebih baru (versi jurnal {found}, program ini mengenal sampai {supported}); perbarui mentee untuk membukanya — berkas tidak diubah",
    corrupt: "{path} rusak ({detail}); berkas tidak diubah — pulihkan dari cadangan",
    read_only: "{path} hanya-baca ({detail}); mentee perlu menulis ke jurnal dan foldernya",
    locked: "{path} sedang dikunci oleh program lain yang menulis ke sana; coba lagi sebentar lagi",
    io: "tidak dapat memakai {path}: {error}",
    not_found: "{kind} tidak ditemukan (id {id})",
    nothing_to_change: "tidak ada yang diubah",
    database: "galat basis data: {error}",
    config_read: "tidak dapat membaca berkas konfigurasi {path}: {error}",
    config_syntax: "berkas konfigurasi {path} bukan TOML yang valid: {message}",
    config_value: "di berkas konfigurasi {path}: {key} = {value} tidak diterima; gunakan {accepted}",
};

use crate::config::ConfigError;
use crate::i18n::Label;
use crate::store::StoreError;

impl ErrorsText {
    /// A store error in this language, records named as `labels` names them (SQLite's own
    /// details stay as SQLite wrote them). See [`super::Text::store_error`].
    pub(super) fn store(&self, err: &StoreError, labels: &super::Labels) -> String {
        use super::fill;
        match err {
            StoreError::MissingDirectory { path, dir } => {
                fill!(
                    self.missing_directory,
                    path = path.display(),
                    folder = dir.display()
                )
            }
            StoreError::NotSqlite { path } => fill!(self.not_sqlite, path = path.display()),
            StoreError::NotJournal { path } => fill!(self.not_journal, path = path.display()),
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => fill!(
                self.newer_schema,
                path = path.display(),
                found = found,
                supported = supported
            ),
            StoreError::Corrupt { path, detail } => {
                fill!(self.corrupt, path = path.display(), detail = detail)
            }
            StoreError::ReadOnly { path, detail } => {
                fill!(self.read_only, path = path.display(), detail = detail)
            }
            StoreError::Locked { path } => fill!(self.locked, path = path.display()),
            StoreError::Io { path, source } => {
                fill!(self.io, path = path.display(), error = source)
            }
            StoreError::NotFound { kind, id } => {
                fill!(self.not_found, kind = kind.label(labels), id = id)
            }
            StoreError::NothingToChange => self.nothing_to_change.to_string(),
            StoreError::Sqlite(err) => fill!(self.database, error = err),
            StoreError::Invalid(text) => text.clone(),
            // Worded in the trust catalog, which `Text::store_error` asks first.
            StoreError::NoJournal { .. }
            | StoreError::NotRegularFile { .. }
            | StoreError::DiskFull { .. }
            | StoreError::Limit(_) => err.to_string(),
            // Worded in the cipher catalog, which `Text::store_error` asks first.
            StoreError::WrongPassphrase { .. }
            | StoreError::Unlock { .. }
            | StoreError::InUse { .. }
            | StoreError::Mismatch { .. }
            | StoreError::Cipher(_) => err.to_string(),
        }
    }

    /// A config error in this language.
    pub fn config(&self, err: &ConfigError) -> String {
        use super::fill;
        match err {
            ConfigError::Read { path, source } => {
                fill!(self.config_read, path = path.display(), error = source)
            }
            ConfigError::Syntax { path, message } => {
                fill!(self.config_syntax, path = path.display(), message = message)
            }
            ConfigError::Value {
                path,
                key,
                value,
                accepted,
            } => fill!(
                self.config_value,
                path = path.display(),
                key = key,
                value = value,
                accepted = accepted
            ),
            // Worded in the trust catalog (see `Text::config_error`).
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
            assert_eq!(EN.store(err, &super::super::labels::EN), err.to_string());
            assert_ne!(ID.store(err, &super::super::labels::ID), err.to_string());
        }
    }

    #[test]
    fn a_refused_record_is_named_in_the_interface_language() {
        use crate::domain::RecordKind;
        let (en, id) = (&super::super::labels::EN, &super::super::labels::ID);
        let missing = StoreError::NotFound {
            kind: RecordKind::Goal,
            id: 3,
        };
        assert_eq!(EN.store(&missing, en), "no such goal (id 3)");
        assert_eq!(ID.store(&missing, id), "sasaran tidak ditemukan (id 3)");
        assert_eq!(
            ID.store(&StoreError::NothingToChange, id),
            "tidak ada yang diubah"
        );
    }
}
