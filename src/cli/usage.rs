//! clap's usage errors ("invalid value …", "unexpected argument …") written from the catalog,
//! in the interface language, from the facts clap attaches to each error (the argument, the
//! value, the accepted values, the usage line). Help and version output are not errors and
//! are printed as clap renders them (their text is already localised, see [`super::help`]).

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{ClapText, Lang, fill};

/// The message for a usage error, in `lang`: one or more lines, then the usage line and where
/// to find help. `None` for help and version output, which clap prints itself.
pub fn message(err: &clap::Error, lang: Lang) -> Option<String> {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    let t = &lang.text().clap;
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let list = |kind| match err.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut out = match err.kind() {
        ErrorKind::InvalidValue if value.is_empty() => fill!(t.value_required, arg = arg),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            fill!(t.invalid_value, value = value, arg = arg)
        }
        ErrorKind::UnknownArgument => fill!(t.unknown_argument, arg = arg),
        ErrorKind::InvalidSubcommand => fill!(
            t.unknown_subcommand,
            name = text(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => {
            let mut out = t.missing_arguments.to_string();
            for missing in list(ContextKind::InvalidArg) {
                out.push_str(&format!("\n  {missing}"));
            }
            out
        }
        ErrorKind::MissingSubcommand => fill!(
            t.missing_subcommand,
            name = text(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::TooManyValues => fill!(t.too_many_values, value = value, arg = arg),
        ErrorKind::ArgumentConflict => fill!(
            t.argument_conflict,
            arg = arg,
            other = text(ContextKind::PriorArg)
        ),
        ErrorKind::InvalidUtf8 => fill!(t.not_text, arg = arg),
        _ => fill!(t.other_error, error = english_cause(err)),
    };
    let valid = list(ContextKind::ValidValue);
    if !valid.is_empty() {
        out.push_str(&format!("\n  [{}: {}]", t.choices, valid.join(", ")));
    }
    suggestions(err, t, &mut out);
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let line = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
        out.push_str(&format!("\n\n{}: {line}", t.usage));
    }
    out.push_str("\n\n");
    out.push_str(&fill!(t.try_help, help = "--help"));
    Some(out)
}

/// The "a similar … exists" tips clap found.
fn suggestions(err: &clap::Error, t: &ClapText, out: &mut String) {
    for (kind, template) in [
        (ContextKind::SuggestedValue, t.similar_value),
        (ContextKind::SuggestedArg, t.similar_argument),
        (ContextKind::SuggestedSubcommand, t.similar_subcommand),
    ] {
        match err.get(kind) {
            Some(ContextValue::String(s)) => {
                out.push_str(&format!("\n  {}", fill!(template, value = s)));
            }
            Some(ContextValue::Strings(list)) if !list.is_empty() => {
                out.push_str(&format!(
                    "\n  {}",
                    fill!(template, value = list.join("', '"))
                ));
            }
            _ => {}
        }
    }
}

/// The first line of clap's own rendering, without its "error: " prefix: for the rare kinds
/// the catalog does not word (a wrong number of values, a missing `=`).
fn english_cause(err: &clap::Error) -> String {
    let rendered = err.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::command;

    fn error_of(lang: Lang, args: &[&str]) -> String {
        let err = command(lang)
            .try_get_matches_from(args)
            .expect_err("a usage error");
        message(&err, lang).expect("an error, not help")
    }

    #[test]
    fn usage_errors_speak_indonesian() {
        let msg = error_of(Lang::Id, &["mentee", "review", "--period", "tahun"]);
        assert!(
            msg.starts_with("nilai 'tahun' tidak valid untuk '--period"),
            "{msg}"
        );
        assert!(msg.contains("[pilihan: minggu, bulan, kuartal]"), "{msg}");
        assert!(msg.contains("Pemakaian: mentee review"), "{msg}");
        assert!(msg.contains("Untuk informasi lebih lanjut"), "{msg}");
        let msg = error_of(Lang::Id, &["mentee", "--bogus"]);
        assert!(msg.starts_with("argumen '--bogus' tidak dikenal"), "{msg}");
        let msg = error_of(Lang::Id, &["mentee", "statuss"]);
        assert!(msg.contains("ada perintah yang mirip: 'status'"), "{msg}");
        let msg = error_of(Lang::Id, &["mentee", "import"]);
        assert!(
            msg.starts_with("argumen wajib berikut belum diberikan"),
            "{msg}"
        );
        for english in ["Usage", "invalid", "possible", "error", "For more"] {
            for args in [
                &["mentee", "review", "--period", "tahun"][..],
                &["mentee", "--bogus"],
                &["mentee", "import"],
                &["mentee", "add", "sesuatu"],
            ] {
                let msg = error_of(Lang::Id, args);
                assert!(!msg.contains(english), "{english} in {msg}");
            }
        }
    }

    #[test]
    fn english_reads_like_clap() {
        let msg = error_of(Lang::En, &["mentee", "add", "nothing", "x"]);
        assert!(
            msg.starts_with("invalid value 'nothing' for '<KIND>'"),
            "{msg}"
        );
        assert!(
            msg.contains(
                "[possible values: question, goal, feedback, commitment, thanks, win, resource]"
            ),
            "{msg}"
        );
        assert!(msg.contains("Usage: mentee add"), "{msg}");
    }
}
