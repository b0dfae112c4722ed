//! The command line: global options, the scriptable subcommands, and where the journal is.
//! Subcommands reuse the domain and the store, never the TUI. Errors are one line on stderr
//! and a non-zero exit.

mod add;
mod agenda;
mod calendar;
mod check;
mod choosing;
mod encrypt;
pub mod fmt;
pub mod help;
pub mod passphrase;
pub mod paths;
mod recap;
mod resource;
mod review;
pub mod shell;
mod status;
mod transfer;
pub mod usage;
mod wins;
pub mod words;

pub use add::{AddArgs, CaptureKind, NameMatch, match_name};
pub use agenda::AgendaArgs;
pub use fmt::{Format, TextFormat};
pub use recap::RecapFormatArg;
pub use shell::command;
pub use wins::WinsArgs;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueHint};

use crate::config::Config;
use crate::domain::{Clock, Period};
use crate::i18n::Lang;
use crate::store::open::IfMissing;
use crate::store::{Store, StoreError};

/// A private mentoring journal for the terminal. Run without a command to open the journal.
#[derive(Debug, Parser)]
#[command(name = "mentee", version, long_about = None)]
pub struct Cli {
    /// The journal file (default: the platform data folder; also MENTEE_DB).
    #[arg(long, global = true, value_name = "PATH", value_hint = ValueHint::FilePath)]
    pub db: Option<PathBuf>,
    /// Open a throwaway demo journal with sample data (never your own file).
    #[arg(long, global = true)]
    pub demo: bool,
    /// Interface language: en or id (default: config, then $LANG).
    #[arg(long, global = true, value_name = "en|id", value_parser = parse_lang(), hide_possible_values = true)]
    pub lang: Option<Lang>,
    /// The config file (default: the platform config folder; also MENTEE_CONFIG).
    #[arg(long, global = true, value_name = "PATH", value_hint = ValueHint::FilePath)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the journal: integrity, schema version, encryption and record counts.
    Check {
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
    },
    /// Export the journal: losslessly as JSON, readable as Markdown, meetings as iCalendar.
    Export {
        /// json (lossless, for import), md (readable) or ics (meetings, for a calendar).
        #[arg(long, value_enum, default_value = "json")]
        format: transfer::ExportFormat,
        /// Write to this file (atomically, mode 0600) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = ValueHint::FilePath)]
        output: Option<PathBuf>,
        /// Include entries marked private (left out by default).
        #[arg(long)]
        include_private: bool,
    },
    /// Import a JSON export (validated first, then applied all-or-nothing; same ids merge),
    /// or calendar invites with --format ics.
    Import {
        /// The JSON file to import.
        #[arg(value_hint = ValueHint::FilePath)]
        file: PathBuf,
        /// Only validate and report what would change.
        #[arg(long)]
        dry_run: bool,
        /// json (a mentee export) or ics (calendar invites, as planned meetings).
        #[arg(long, value_enum, default_value = "json")]
        format: calendar::ImportFormat,
        /// ics: the mentor for invites that match no mentor by e-mail or name.
        #[arg(long, value_name = "NAME")]
        mentor: Option<String>,
    },
    /// Copy the journal to FILE, consistently, even while mentee is open.
    Backup {
        /// Where to write the copy (must not exist yet).
        #[arg(value_hint = ValueHint::FilePath)]
        file: PathBuf,
    },
    /// A few lines for a shell greeting: next meeting, overdue commitments, top nudges.
    Status {
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
        /// Name private mentors and show private text (hidden by default, as with Ctrl-P).
        #[arg(long)]
        include_private: bool,
    },
    /// The next planned meeting's agenda (or the given meeting's), as Markdown or JSON.
    Agenda {
        /// The meeting: its date (2026-11-29, tomorrow, friday), its mentor's name (the next
        /// meeting with them, else the latest), its number or its UUID.
        #[arg(long, value_name = "MEETING")]
        meeting: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Include agenda items marked private.
        #[arg(long)]
        include_private: bool,
        /// Write to this file (atomically, mode 0600) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = ValueHint::FilePath)]
        output: Option<PathBuf>,
    },
    /// The recap to send a mentor after a meeting: thanks, what we discussed, what I will do
    /// and by when, what they offered, the next meeting. Private records stay out.
    Recap {
        /// The held meeting: its date (2026-11-27, yesterday, friday) or its mentor's name
        /// (the latest held meeting with them); default the latest held meeting.
        #[arg(long, value_name = "WHEN")]
        meeting: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = recap::RecapFormatArg::Md)]
        format: recap::RecapFormatArg,
        /// Write to this file (atomically, mode 0600) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = ValueHint::FilePath)]
        output: Option<PathBuf>,
    },
    /// The figures of the current week, month or quarter.
    Review {
        /// The period (default: the config's reflection_cadence).
        #[arg(long, value_name = "week|month|quarter", value_parser = words::WordParser::<Period>::new(Lang::En))]
        period: Option<Period>,
        /// The last complete period instead of the current one (on a Monday: last week).
        #[arg(long, conflicts_with_all = ["from", "to"])]
        previous: bool,
        /// The first day of a period of your own (2026-11-01, 1 Nov 2026, -2w…); needs --to.
        #[arg(long, value_name = "DATE", requires = "to", conflicts_with = "period")]
        from: Option<String>,
        /// The last day (included) of a period of your own; needs --from.
        #[arg(
            long,
            value_name = "DATE",
            requires = "from",
            conflicts_with = "period"
        )]
        to: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Write to this file (atomically, mode 0600) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = ValueHint::FilePath)]
        output: Option<PathBuf>,
    },
    /// The mentors, with their kind of relationship (mentor, coach, sponsor, peer, reverse).
    /// Mentoring is long and about you and your career; coaching is shorter and about one
    /// skill or goal.
    Mentors {
        /// Only this kind: mentor, coach (pelatih), sponsor, peer (rekan), reverse (mentor-terbalik).
        #[arg(long, value_name = "KIND")]
        relationship: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
        /// Include mentors marked private.
        #[arg(long)]
        include_private: bool,
    },
    /// Candidate and approached mentors side by side: their fit scorecards, totals, averages.
    Candidates {
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
        /// Include mentors marked private.
        #[arg(long)]
        include_private: bool,
    },
    /// Quick capture: a question, goal, feedback, commitment, thanks or win.
    Add(AddArgs),
    /// Your wins as a brag document for a performance review, grouped by goal area and goal.
    Wins(WinsArgs),
    /// Move a recommendation or introduction on: its status, your takeaway.
    Resource {
        /// The recommendation: its title, or a unique beginning of it (case-insensitive).
        #[arg(required = true, num_args = 1.., value_name = "TITLE")]
        title: Vec<String>,
        /// todo, doing, done or dropped (belum, sedang, selesai, dibatalkan).
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// What you took away from it.
        #[arg(long, value_name = "TEXT")]
        takeaway: Option<String>,
    },
    /// Encrypt the journal with a passphrase, asked twice (see docs/PRIVACY.md).
    Encrypt,
    /// Turn an encrypted journal back into a plain SQLite file.
    Decrypt,
    /// Change the passphrase of an encrypted journal.
    Passphrase,
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output.
    Man,
    /// Where the journal, the config, the editor's scratch folder and the copies kept before
    /// upgrades are, for the options and environment given.
    Paths {
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
    },
}

/// `--lang`: `en` or `id`; anything else is a usage error listing the two.
fn parse_lang() -> impl clap::builder::TypedValueParser<Value = Lang> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(["en", "id"])
        .map(|code| Lang::from_code(&code).unwrap_or_default())
}

/// What every subcommand gets.
pub struct Context {
    pub config: Config,
    pub lang: Lang,
    pub clock: Clock,
    /// The journal named with `--db` or `MENTEE_DB` (`None`: the default location).
    pub db: Option<PathBuf>,
    pub demo: bool,
    /// Where the journal and the config are, and where those came from.
    pub locations: paths::Locations,
}

/// An error that ends a subcommand.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    /// The change was saved, but writing its confirmation failed: saying so keeps the user
    /// from repeating (and duplicating) it.
    #[error(
        "the change was saved, but its confirmation could not be written ({0}); do not repeat it"
    )]
    SavedNotShown(std::io::Error),
    #[error("{0}")]
    Message(String),
}

/// The exit statuses, documented after `--help`, in the man page and in the README. Scripts
/// can tell "no journal here" and "locked, try again" apart from other failures; the two codes
/// are the conventional ones of `sysexits.h`.
pub mod exit {
    /// Success.
    pub const SUCCESS: u8 = 0;
    /// Any other failure; the message on stderr says why.
    pub const FAILURE: u8 = 1;
    /// A usage error: an unknown option, a missing or bad argument (clap's own code).
    pub const USAGE: u8 = 2;
    /// No journal at the path in use (`EX_NOINPUT`).
    pub const NO_JOURNAL: u8 = 66;
    /// The journal is locked by another program beyond the busy timeout, or open elsewhere
    /// while `encrypt`, `decrypt` or `passphrase` needs it alone (`EX_TEMPFAIL`).
    pub const LOCKED: u8 = 75;
}

impl CliError {
    /// The exit status this error ends the program with (see [`exit`]).
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Store(StoreError::NoJournal { .. }) => exit::NO_JOURNAL,
            CliError::Store(StoreError::Locked { .. } | StoreError::InUse { .. }) => exit::LOCKED,
            _ => exit::FAILURE,
        }
    }

    /// This error as the user should read it about the journal at `journal` (see
    /// [`StoreError::about`]): SQLite's own codes met after opening become the app's errors.
    pub fn about_journal(self, journal: Option<&std::path::Path>) -> CliError {
        match (self, journal) {
            (CliError::Store(e), Some(path)) => CliError::Store(e.about(path)),
            (other, _) => other,
        }
    }
}

/// The default journal location: `<data dir>/journal.db`.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "mentee").map(|d| d.data_dir().join("journal.db"))
}

impl Context {
    /// The date given to `option` (`--due`, `--from`, `--on`…) in any accepted form (ISO, the
    /// configured slash order, date words relative to today); the error names the option.
    pub fn date_option(&self, option: &str, word: &str) -> Result<chrono::NaiveDate, CliError> {
        let t = self.lang.text();
        crate::domain::dates::parse_date_as(
            word,
            self.clock.today(),
            self.config.date_format.slash_dates(),
        )
        .map_err(|e| {
            let shown = format!("\"{}\"", crate::domain::text::clean_line(word.trim()));
            CliError::Message(crate::i18n::fill!(
                t.cli.bad_date_option,
                option = option,
                error = t.form.date_error(&e, &shown)
            ))
        })
    }

    /// The journal file this run uses — or will create, the first time: `--db`, else
    /// `MENTEE_DB`, else the default location (None for the demo, or when there is no home
    /// folder). The welcome screen can show it.
    pub fn journal_path(&self) -> Option<PathBuf> {
        self.locations.journal_path().map(PathBuf::from)
    }

    /// Opens the journal for a command that reads it (or adds to an existing one): the demo,
    /// the given file or the default one. A missing journal is an error ("no journal at
    /// PATH"); nothing is created.
    pub fn open_store(&self) -> Result<Store, CliError> {
        Ok(self.open(false)?.0)
    }

    /// Opens the journal, creating it when it is missing (the TUI, `mentee add`); the default
    /// location's folder is created too. Returns the store and whether it was just created.
    pub fn open_or_create_store(&self) -> Result<(Store, bool), CliError> {
        self.open(true)
    }

    /// The journal file a command opens or creates (not for the demo), and whether its
    /// folder may be created (only the default location's).
    pub fn journal_target(&self) -> Result<(PathBuf, bool), CliError> {
        Ok(match &self.db {
            Some(path) => (path.clone(), false),
            None => (
                default_db_path().ok_or_else(|| {
                    CliError::Message(
                        "cannot find a home folder for the journal; use --db PATH".into(),
                    )
                })?,
                true,
            ),
        })
    }

    fn open(&self, create: bool) -> Result<(Store, bool), CliError> {
        if self.demo {
            return Ok((
                crate::demo::demo_store_in(self.clock.now(), self.lang)?,
                false,
            ));
        }
        let (path, folder) = self.journal_target()?;
        let missing = if create {
            IfMissing::Create { folder }
        } else {
            IfMissing::Refuse
        };
        let created = create && std::fs::symlink_metadata(&path).is_err();
        // An encrypted journal's passphrase: MENTEE_PASSPHRASE_COMMAND, else the terminal.
        let mut asker = passphrase::Asker::from_env(self.lang);
        Ok((Store::open_unlocked(&path, missing, &mut asker)?, created))
    }
}

/// Runs one subcommand, writing to `out`.
pub fn run(command: &Command, ctx: &Context, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    match command {
        Command::Check { format } => check::run(ctx, *format, out),
        Command::Export {
            format,
            output,
            include_private,
        } => transfer::export(ctx, *format, output.as_deref(), *include_private, out),
        Command::Import {
            file,
            dry_run,
            format: calendar::ImportFormat::Json,
            ..
        } => transfer::import(ctx, file, *dry_run, out),
        Command::Import {
            file,
            dry_run,
            mentor,
            ..
        } => calendar::import(ctx, file, mentor.as_deref(), *dry_run, out),
        Command::Backup { file } => transfer::backup(ctx, file, out),
        Command::Status {
            format,
            include_private,
        } => status::run(ctx, *format, *include_private, out),
        Command::Agenda {
            meeting,
            format,
            include_private,
            output,
        } => {
            let args = AgendaArgs {
                meeting: meeting.clone(),
                format: *format,
                include_private: *include_private,
            };
            transfer::emit(ctx, output.as_deref(), out, |w| agenda::run(ctx, &args, w))
        }
        Command::Recap {
            meeting,
            format,
            output,
        } => transfer::emit(ctx, output.as_deref(), out, |w| {
            recap::run(ctx, meeting.as_deref(), *format, w)
        }),
        Command::Review {
            period,
            previous,
            from,
            to,
            format,
            output,
        } => {
            let span = review::Span::from_args(*previous, from.as_deref(), to.as_deref());
            transfer::emit(ctx, output.as_deref(), out, |w| {
                review::run(ctx, *period, span, *format, w)
            })
        }
        Command::Mentors {
            relationship,
            format,
            include_private,
        } => choosing::mentors(ctx, relationship.as_deref(), *format, *include_private, out),
        Command::Candidates {
            format,
            include_private,
        } => choosing::candidates(ctx, *format, *include_private, out),
        Command::Add(args) => add::run(ctx, args, out),
        Command::Wins(args) => wins::run(ctx, args, out),
        Command::Resource {
            title,
            status,
            takeaway,
        } => resource::update(
            ctx,
            &title.join(" "),
            status.as_deref(),
            takeaway.as_deref(),
            out,
        ),
        Command::Encrypt => encrypt::run(ctx, encrypt::Conversion::Encrypt, out),
        Command::Decrypt => encrypt::run(ctx, encrypt::Conversion::Decrypt, out),
        Command::Passphrase => encrypt::run(ctx, encrypt::Conversion::NewPassphrase, out),
        Command::Completions { shell } => Ok(shell::completions(*shell, ctx.lang, out)?),
        Command::Man => Ok(shell::man(ctx.lang, out)?),
        Command::Paths { format } => paths::run(ctx, *format, out),
    }
}
