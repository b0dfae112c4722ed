//! The one command-line definition everything is drawn from: `--help` (in the interface
//! language), `--version` (with the journal schema it writes), the shell completions and the
//! man page. Built from the derive in [`super::Cli`], so a new subcommand or option appears in
//! all of them without being listed anywhere else.

use clap::CommandFactory;

use super::Cli;
use crate::i18n::Lang;
use crate::store::migrate::LATEST_VERSION;

/// The command line in `lang`: the derive's arguments, localised help, and the version line
/// `mentee 0.1.0 (journal schema 6)`.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = Cli::command().version(version(lang));
    super::help::localize(cmd, lang)
}

/// The version after the program name: the package version and the schema version of the
/// journals this build writes (`0.1.0 (journal schema 6)`).
pub fn version(lang: Lang) -> String {
    format!(
        "{} ({} {LATEST_VERSION})",
        env!("CARGO_PKG_VERSION"),
        lang.text().shell.schema
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_names_the_journal_schema_in_both_languages() {
        for (lang, word) in [(Lang::En, "journal schema"), (Lang::Id, "skema jurnal")] {
            let cmd = command(lang);
            let shown = cmd.render_version();
            assert_eq!(
                shown.trim_end(),
                format!(
                    "mentee {} ({word} {LATEST_VERSION})",
                    env!("CARGO_PKG_VERSION")
                )
            );
        }
    }
}
