//! `mentee check [--format text|json]`: integrity check, schema version, whether the journal
//! is encrypted, and record counts.
//! The JSON object (shape `mentee-check`) is documented in `docs/json-output.md`; a damaged
//! journal still prints its report, then exits with 1.

use std::io::Write;

use serde::Serialize;

use super::fmt::{TextFormat, json};
use super::{CliError, Context};
use crate::domain::text::clean_line;
use crate::i18n::fill;
use crate::store::HealthReport;

/// Prints the report; fails (non-zero exit) when the journal has problems.
pub fn run(ctx: &Context, format: TextFormat, out: &mut dyn Write) -> Result<(), CliError> {
    let store = ctx.open_store()?;
    let report = store.check()?;
    let path = store.path().map(|p| p.display().to_string());
    let ok = report.integrity == ["ok"] && report.foreign_key_problems == 0;
    let t = &ctx.lang.text().cipher;
    let encryption = if store.is_encrypted() {
        fill!(
            t.check_encrypted,
            version = crate::store::cipher::version(store.conn()),
            iterations = crate::store::cipher::KDF_ITERATIONS,
        )
    } else {
        t.check_plain.to_string()
    };
    match format {
        TextFormat::Text => text(&report, path.as_deref(), &encryption, out)?,
        TextFormat::Json => {
            let shape = to_json(&report, path, store.is_encrypted(), ok);
            out.write_all(json(&shape).as_bytes())?
        }
    }
    if ok {
        Ok(())
    } else {
        Err(CliError::Message(
            "the journal is damaged; restore it from a backup".into(),
        ))
    }
}

fn text(
    report: &HealthReport,
    path: Option<&str>,
    encryption: &str,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let path = path.map(clean_line).unwrap_or("(demo, in memory)".into());
    writeln!(out, "journal: {path}")?;
    writeln!(out, "{encryption}")?;
    writeln!(
        out,
        "schema version: {} (this mentee: {})",
        report.schema_version, report.latest_version
    )?;
    if report.integrity == ["ok"] {
        writeln!(out, "integrity: ok")?;
    } else {
        writeln!(out, "integrity: {} problem(s)", report.integrity.len())?;
        for line in report.integrity.iter().take(20) {
            writeln!(out, "  {}", clean_line(line))?;
        }
    }
    writeln!(out, "broken references: {}", report.foreign_key_problems)?;
    writeln!(out, "records: {}", report.counts.total())?;
    for (kind, n) in &report.counts.0 {
        writeln!(out, "  {kind:<17} {n}")?;
    }
    Ok(())
}

/// The documented `mentee-check` object.
#[derive(Serialize)]
struct CheckJson {
    format: &'static str,
    version: u32,
    journal: Option<String>,
    encrypted: bool,
    ok: bool,
    schema_version: i64,
    latest_version: i64,
    integrity: Vec<String>,
    broken_references: usize,
    total_records: i64,
    /// Per kind, keyed by its name in snake case (`health_checks`, `progress_updates`…).
    records: serde_json::Map<String, serde_json::Value>,
}

fn to_json(report: &HealthReport, journal: Option<String>, encrypted: bool, ok: bool) -> CheckJson {
    CheckJson {
        format: "mentee-check",
        version: 1,
        journal,
        encrypted,
        ok,
        schema_version: report.schema_version,
        latest_version: report.latest_version,
        integrity: report.integrity.clone(),
        broken_references: report.foreign_key_problems,
        total_records: report.counts.total(),
        records: report
            .counts
            .0
            .iter()
            .map(|(kind, n)| (kind.replace(' ', "_"), (*n).into()))
            .collect(),
    }
}
