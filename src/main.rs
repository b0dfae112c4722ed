//! The `mentee` binary: parse the command line, then open the TUI or run a subcommand.
//! Every error ends here as one line on stderr (neutralised: nothing from a file, a path or
//! an argument reaches the terminal raw) and a non-zero exit code: 1 for a failure, 2 for a
//! usage error, 66 when there is no journal at the path, 75 when the journal is locked (see
//! [`cli::exit`]). A closed output pipe (`mentee export | head -1`) ends quietly with 0.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::FromArgMatches;
use mentee::cli::paths::{Locations, Origin};
use mentee::cli::{self, Cli, CliError, Context};
use mentee::config::Config;
use mentee::domain::Clock;
use mentee::domain::text::{clean_line, clean_multiline};
use mentee::i18n::{Lang, fill};
use mentee::tui::{self, App, theme::Theme};

fn main() -> ExitCode {
    // Arguments may be any bytes: paths are OsStrings; text that is not UTF-8 is refused below.
    let raw: Vec<OsString> = std::env::args_os().collect();
    let early = cli::help::language_before_parsing(&raw);
    let command = cli::command(early);
    let matches = match command.try_get_matches_from(&raw) {
        Ok(matches) => matches,
        Err(err) if err.kind() == clap::error::ErrorKind::InvalidUtf8 => {
            let bad = raw.iter().find(|a| a.to_str().is_none());
            let shown = bad.map(|a| format!("\"{}\"", clean_line(&a.to_string_lossy())));
            eprintln!(
                "mentee: {}",
                fill!(early.text().trust.not_utf8, arg = shown.unwrap_or_default())
            );
            return ExitCode::from(cli::exit::USAGE);
        }
        Err(err) => return usage_error(err, early),
    };
    let args = match Cli::from_arg_matches(&matches) {
        Ok(args) => args,
        Err(err) => return usage_error(err, early),
    };
    // Until the config is read, errors speak the language of --lang or $LANG.
    let mut lang = args.lang.or_else(Lang::from_env).unwrap_or_default();
    match run(args, &mut lang) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): as standard tools do, stop quietly.
        Err(CliError::Output(e) | CliError::SavedNotShown(e))
            if e.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            let text = match &err {
                CliError::Store(e) => lang.text().store_error(e),
                CliError::Config(e) => lang.text().config_error(e),
                CliError::SavedNotShown(e) => fill!(lang.text().trust.saved_not_shown, error = e),
                other => other.to_string(),
            };
            eprintln!("mentee: {}", clean_multiline(&text));
            ExitCode::from(err.exit_code())
        }
    }
}

/// A usage error in the interface language (exit 2); help and version as clap prints them.
fn usage_error(err: clap::Error, lang: Lang) -> ExitCode {
    match cli::usage::message(&err, lang) {
        Some(text) => {
            eprintln!("mentee: {}", clean_multiline(&text));
            ExitCode::from(cli::exit::USAGE)
        }
        None => err.exit(),
    }
}

fn run(args: Cli, lang_out: &mut Lang) -> Result<(), CliError> {
    let locations = Locations::resolve(args.db.as_deref(), args.config.as_deref(), args.demo);
    // `--config PATH` must exist; MENTEE_CONFIG and the default location may be absent.
    let config = match &locations.config {
        Some(c) => Config::load_from(&c.path, c.origin == Origin::Flag)?,
        None => Config::default(),
    };
    let lang = args
        .lang
        .or(config.language)
        .or_else(Lang::from_env)
        .unwrap_or_default();
    *lang_out = lang;
    // MENTEE_NOW pins the clock (tests, screenshots): "2026-11-27T09:00".
    let clock = std::env::var("MENTEE_NOW")
        .ok()
        .and_then(|s| Clock::fixed_from_str(&s))
        .unwrap_or(Clock::System);
    let ctx = Context {
        config,
        lang,
        clock,
        db: match &locations.journal {
            Some(c) if matches!(c.origin, Origin::Flag | Origin::Env) => Some(c.path.clone()),
            _ => None,
        },
        demo: args.demo,
        locations,
    };
    let journal = ctx.journal_path();
    if let Some(command) = &args.command {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        return cli::run(command, &ctx, &mut out).map_err(|e| e.about_journal(journal.as_deref()));
    }
    // Open the journal before touching the terminal: a bad file never leaves it raw.
    let (store, _) = ctx
        .open_or_create_store()
        .map_err(|e| e.about_journal(journal.as_deref()))?;
    let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let theme = Theme::new(ctx.config.theme, colour);
    tui::terminal::capture_mouse(ctx.config.mouse);
    let app = App::new(store, ctx.config, ctx.lang, ctx.clock, theme, ctx.demo)?;
    tui::run(app)?;
    Ok(())
}
