//! `mentee encrypt`, `mentee decrypt` and `mentee passphrase`: converting the journal file
//! (see [`crate::store::convert`]). The copy must give the same JSON export as the journal,
//! private records included, before it replaces the journal.

use std::io::Write;
use std::path::Path;

use super::{CliError, Context, passphrase};
use crate::domain::text::clean_line;
use crate::i18n::fill;
use crate::store::Store;
use crate::store::cipher::Key;
use crate::store::convert::{Converted, Target};

/// What the command does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    /// Plain → encrypted.
    Encrypt,
    /// Encrypted → plain.
    Decrypt,
    /// Encrypted → encrypted with a new passphrase.
    NewPassphrase,
}

/// Runs `conversion` on the journal of `ctx`.
pub fn run(ctx: &Context, conversion: Conversion, out: &mut dyn Write) -> Result<(), CliError> {
    let t = &ctx.lang.text().cipher;
    let path = match ctx.journal_path() {
        Some(path) if !ctx.demo => path,
        _ => return Err(CliError::Message(t.demo.into())),
    };
    let shown = shown(&path);
    let store = ctx.open_store()?;
    let refuse = |template: &str| CliError::Message(fill(template, &[("path", &shown)]));
    let target = match (conversion, store.is_encrypted()) {
        (Conversion::Encrypt, true) => return Err(refuse(t.already_encrypted)),
        (Conversion::Decrypt | Conversion::NewPassphrase, false) => {
            return Err(refuse(t.not_encrypted));
        }
        (Conversion::Decrypt, true) => Target::Plain,
        (Conversion::Encrypt | Conversion::NewPassphrase, _) => {
            let new = passphrase::new_passphrase(ctx.lang, &path)?;
            Target::Encrypted(Key::generate(&new)?)
        }
    };
    let exports_differ = t.exports_differ;
    let done = store
        .convert(target, |old, new| same_export(old, new, exports_differ))
        .map_err(|e| CliError::Store(e.about(&path)))?;
    let done_text = match conversion {
        Conversion::Encrypt => t.encrypted,
        Conversion::Decrypt => t.decrypted,
        Conversion::NewPassphrase => t.changed,
    };
    report(ctx, &path, done_text, &done, out).map_err(CliError::SavedNotShown)
}

/// Both journals give the same JSON export, private records included.
fn same_export(old: &Store, new: &Store, differ: &str) -> Result<(), String> {
    let export = |s: &Store| crate::transfer::export_json(s, true).map_err(|e| e.to_string());
    if export(old)? == export(new)? {
        Ok(())
    } else {
        Err(differ.to_string())
    }
}

fn shown(path: &Path) -> String {
    clean_line(&path.display().to_string()).into_owned()
}

/// What changed, and what the conversion could not do.
fn report(
    ctx: &Context,
    path: &Path,
    done_text: &str,
    done: &Converted,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = &ctx.lang.text().cipher;
    writeln!(out, "{}", fill(done_text, &[("path", &shown(path))]))?;
    if done.wiped.iter().any(|p| p == path) {
        writeln!(out, "{}", t.wiped)?;
    }
    for backup in &done.backups {
        writeln!(
            out,
            "{}",
            fill(t.backup_converted, &[("path", &shown(backup))])
        )?;
    }
    for (backup, why) in &done.backups_left {
        let line = fill(
            t.backup_left,
            &[("path", &shown(backup)), ("detail", &clean_line(why))],
        );
        writeln!(out, "{line}")?;
    }
    out.flush()
}
