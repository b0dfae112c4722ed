//! The `mentee` binary: parse the command line, then open the TUI or run a subcommand.
//! Every error ends here as one line on stderr and a non-zero exit code.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use mentee::cli::{self, Cli, CliError, Context};
use mentee::config::Config;
use mentee::domain::Clock;
use mentee::i18n::Lang;
use mentee::tui::{self, App, theme::Theme};

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().collect();
    let command = cli::help::localize(Cli::command(), cli::help::language_before_parsing(&raw));
    let args = match Cli::from_arg_matches(&command.get_matches_from(&raw)) {
        Ok(args) => args,
        Err(err) => err.exit(),
    };
    // Until the config is read, errors speak the language of --lang or $LANG.
    let mut lang = args.lang.or_else(Lang::from_env).unwrap_or_default();
    match run(args, &mut lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let errors = &lang.text().errors;
            let text = match &err {
                CliError::Store(e) => lang.text().store_error(e),
                CliError::Config(e) => errors.config(e),
                other => other.to_string(),
            };
            eprintln!("mentee: {text}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Cli, lang_out: &mut Lang) -> Result<(), CliError> {
    let config = match args.config.clone().or_else(Config::default_path) {
        Some(path) => Config::load(&path)?,
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
        db: args.db,
        demo: args.demo,
    };
    if let Some(command) = &args.command {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        return cli::run(command, &ctx, &mut out);
    }
    // Open the journal before touching the terminal: a bad file never leaves it raw.
    let store = ctx.open_store()?;
    let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let theme = Theme::new(ctx.config.theme, colour);
    let app = App::new(store, ctx.config, ctx.lang, ctx.clock, theme, ctx.demo)?;
    tui::run(app)?;
    Ok(())
}
