//! The one command-line definition everything is drawn from: `--help` (in the interface
//! language), `--version` (with the journal schema it writes), the shell completions and the
//! man page. Built from the derive in [`super::Cli`], so a new subcommand or option appears in
//! all of them without being listed anywhere else.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_mangen::Man;

use super::{Cli, exit};
use crate::i18n::Lang;
use crate::store::migrate::LATEST_VERSION;

/// The command line in `lang`: the derive's arguments, localised help, the version line
/// `mentee 0.1.0 (journal schema 7)` and the exit statuses after the help.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = Cli::command()
        .version(version(lang))
        .after_help(exit_help(lang));
    super::help::localize(cmd, lang)
}

/// The exit statuses with what each means, in `lang`.
pub fn exit_statuses(lang: Lang) -> [(u8, &'static str); 5] {
    let t = &lang.text().shell;
    [
        (exit::SUCCESS, t.exit_ok),
        (exit::FAILURE, t.exit_failure),
        (exit::USAGE, t.exit_usage),
        (exit::NO_JOURNAL, t.exit_no_journal),
        (exit::LOCKED, t.exit_locked),
    ]
}

/// The block after `--help`: "Exit status:" and one line per code.
fn exit_help(lang: Lang) -> String {
    let mut text = format!("{}:", lang.text().shell.exit_heading);
    for (code, meaning) in exit_statuses(lang) {
        text.push_str(&format!("\n  {code:<3} {meaning}"));
    }
    text
}

/// The version after the program name: the package version and the schema version of the
/// journals this build writes (`0.1.0 (journal schema 7)`).
pub fn version(lang: Lang) -> String {
    format!(
        "{} ({} {LATEST_VERSION})",
        env!("CARGO_PKG_VERSION"),
        lang.text().shell.schema
    )
}

/// The global options every subcommand inherits: listed once, at the top of the man page.
const GLOBAL: &[&str] = &["db", "demo", "lang", "config", "help", "version"];

/// Writes the completion script for `shell`. It is built in memory first: clap_complete
/// panics on a write error, and a closed pipe must end quietly.
pub fn completions(shell: clap_complete::Shell, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = command(lang);
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "mentee", &mut script);
    out.write_all(&script)
}

/// Writes the man page (roff): the top-level synopsis, description and options, then one
/// part per subcommand with its synopsis and its own options, then the exit status.
pub fn man(lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = command(lang);
    cmd.build();
    let mut page = Vec::new();
    let top = Man::new(cmd.clone())
        .source(format!("mentee {}", env!("CARGO_PKG_VERSION")))
        .manual("mentee");
    top.render_title(&mut page)?;
    top.render_name_section(&mut page)?;
    top.render_synopsis_section(&mut page)?;
    top.render_description_section(&mut page)?;
    top.render_options_section(&mut page)?;
    let heading = cmd
        .get_subcommand_help_heading()
        .unwrap_or("Commands")
        .to_uppercase();
    writeln!(page, ".SH {heading}")?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        writeln!(page, ".SS \\fBmentee {}\\fR", sub.get_name())?;
        let mut own = sub.clone();
        for id in GLOBAL {
            if own.get_arguments().any(|a| a.get_id() == *id) {
                own = own.mut_arg(*id, |a| a.hide(true));
            }
        }
        let part = Man::new(own);
        let mut body = Vec::new();
        part.render_synopsis_section(&mut body)?;
        body.extend_from_slice(b".PP\n");
        part.render_description_section(&mut body)?;
        part.render_options_section(&mut body)?;
        // The part's own section headings would end the COMMANDS section: drop them.
        let body = String::from_utf8_lossy(&body);
        for line in body.lines().filter(|l| !l.starts_with(".SH")) {
            writeln!(page, "{line}")?;
        }
    }
    writeln!(
        page,
        ".SH \"{}\"",
        lang.text().shell.exit_heading.to_uppercase()
    )?;
    for (code, meaning) in exit_statuses(lang) {
        writeln!(page, ".TP\n\\fB{code}\\fR\n{}", roff_text(meaning))?;
    }
    top.render_version_section(&mut page)?;
    out.write_all(once_preamble(&String::from_utf8_lossy(&page)).as_bytes())
}

/// `text` safe as a roff text line: dashes and backslashes escaped, no leading dot or quote.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// `page` with roff's two-line preamble (which every rendered section starts with) kept only
/// at the top.
fn once_preamble(page: &str) -> String {
    const PREAMBLE: [&str; 2] = [".ie \\n(.g .ds Aq \\(aq", ".el .ds Aq '"];
    let mut out = PREAMBLE.join("\n");
    out.push('\n');
    for line in page.lines().filter(|l| !PREAMBLE.contains(l)) {
        out.push_str(line);
        out.push('\n');
    }
    out
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
