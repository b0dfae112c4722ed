//! `mentee check`: integrity check, schema version, whether the journal is encrypted, and
//! record counts.

use std::io::Write;

use super::{CliError, Context};

/// Prints the report; fails (non-zero exit) when the journal has problems.
pub fn run(ctx: &Context, out: &mut dyn Write) -> Result<(), CliError> {
    let store = ctx.open_store()?;
    let report = store.check()?;
    let path = store
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "(demo, in memory)".into());
    writeln!(out, "journal: {path}")?;
    let t = &ctx.lang.text().cipher;
    let encryption = if store.is_encrypted() {
        crate::i18n::cipher::fill(
            t.check_encrypted,
            &[
                ("version", &crate::store::cipher::version(store.conn())),
                ("iterations", &crate::store::cipher::KDF_ITERATIONS),
            ],
        )
    } else {
        t.check_plain.to_string()
    };
    writeln!(out, "{encryption}")?;
    writeln!(
        out,
        "schema version: {} (this mentee: {})",
        report.schema_version, report.latest_version
    )?;
    let ok = report.integrity == ["ok"] && report.foreign_key_problems == 0;
    if report.integrity == ["ok"] {
        writeln!(out, "integrity: ok")?;
    } else {
        writeln!(out, "integrity: {} problem(s)", report.integrity.len())?;
        for line in report.integrity.iter().take(20) {
            writeln!(out, "  {}", crate::domain::text::clean_line(line))?;
        }
    }
    writeln!(out, "broken references: {}", report.foreign_key_problems)?;
    writeln!(out, "records: {}", report.counts.total())?;
    for (kind, n) in &report.counts.0 {
        writeln!(out, "  {kind:<17} {n}")?;
    }
    if ok {
        Ok(())
    } else {
        Err(CliError::Message(
            "the journal is damaged; restore it from a backup".into(),
        ))
    }
}
