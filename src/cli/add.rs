//! `mentee add question|goal|feedback|commitment|thanks|resource [--mentor NAME] [--due DATE]
//! [--kind praise|suggestion|critique|book|article|…] [--owner me|mentor] [--goal TITLE]
//! [--link URL] [--private] TEXT...`: quick capture without opening the TUI.
//!
//! Everything is checked before anything is saved: the mentor name (case-insensitive, an exact
//! name first, else a unique prefix), the due date (the date words of
//! [`crate::domain::dates`], relative to today), the text (not empty), and that each flag
//! applies to the kind. A failed check is one error line, a non-zero exit, and nothing saved.
//!
//! - `question`: parked in the question bank (for the next agenda with that mentor, if given);
//! - `goal`: an active goal with that title (`--due` sets its date); prints the SMART check's
//!   failing letters as a hint;
//! - `feedback`: received today, kind `--kind` (default suggestion), status open;
//! - `commitment`: owner `--owner` (default me), due date optional, open;
//! - `thanks`: a gratitude entry dated today, not yet sent;
//! - `win`: a win (`--on`, `--goal`, `--evidence`; see [`super::wins`]).
//! - `resource`: what the mentor recommended today (`--kind`, default book; `person` for an
//!   introduction), to do, for the goal `--goal`, found at `--link` (see [`super::resource`]).

use std::io::Write;

use chrono::NaiveDate;

use super::words::{KindArg, WordParser, Words};
use super::{CliError, Context};
use crate::domain::smart;
use crate::domain::text::clean_line;
use crate::domain::*;
use crate::i18n::{Label, Lang, fill};
use crate::store::StoreError;

/// What `mentee add` captures (its words, in both languages, are in `i18n::CliWords`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureKind {
    /// A question for the question bank.
    Question,
    /// A goal with this title.
    Goal,
    /// Feedback received today.
    Feedback,
    /// A commitment (mine by default).
    Commitment,
    /// Thanks to note (not yet sent).
    Thanks,
    /// A win: something that went well (see `cli::wins`).
    Win,
    /// A resource a mentor recommended, or a person they introduced.
    Resource,
}

/// The arguments of `mentee add`.
#[derive(Debug, Clone, clap::Args)]
pub struct AddArgs {
    /// What to add.
    #[arg(value_name = "KIND", value_parser = WordParser::<CaptureKind>::new(Lang::En))]
    pub what: CaptureKind,
    /// The mentor (case-insensitive; a unique beginning of the name is enough).
    #[arg(long, value_name = "NAME")]
    pub mentor: Option<String>,
    /// Due date (commitment, goal): 2026-12-01, today, tomorrow, +3d, +2w, next week, friday…
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// The kind of feedback (default: suggestion) or of a resource (default: book).
    #[arg(long, value_name = "praise|suggestion|critique|book|article|course|tool|event|person|other", value_parser = WordParser::<KindArg>::new(Lang::En))]
    pub kind: Option<KindArg>,
    /// Whose commitment it is (default: me).
    #[arg(long, value_name = "me|mentor", value_parser = WordParser::<Party>::new(Lang::En))]
    pub owner: Option<Party>,
    /// The day a win happened (default: today).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub on: Option<String>,
    /// The goal a win or a resource serves (case-insensitive; a unique beginning of the
    /// title is enough).
    #[arg(long, value_name = "TITLE")]
    pub goal: Option<String>,
    /// A win's evidence: a link, a document, a number.
    #[arg(long, value_name = "LINK")]
    pub evidence: Option<String>,
    /// Where to find a resource: a URL, an ISBN, the contact of the person introduced.
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    /// Mark the entry private (left out of exports unless asked for).
    #[arg(long)]
    pub private: bool,
    /// The text; the words are joined with spaces.
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,
}

/// How a typed name (a mentor's, a goal's title…) matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameMatch {
    /// Exactly one record: (row id, name).
    One(i64, String),
    /// No record matches.
    Unknown,
    /// Several records match: their names.
    Ambiguous(Vec<String>),
}

/// Matches `query` against named records (mentors, goal titles…) case-insensitively: an exact
/// name wins, else the names that start with it, else the names that contain it ("okafor"
/// finds "Daniel Okafor"). An empty query matches nobody. The one rule of the command line
/// for a name typed where a record is wanted.
pub fn match_name(query: &str, records: &[(i64, String)]) -> NameMatch {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return NameMatch::Unknown;
    }
    let lower: Vec<(i64, &str, String)> = records
        .iter()
        .map(|(id, name)| (*id, name.as_str(), name.trim().to_lowercase()))
        .collect();
    let pick = |hits: Vec<&(i64, &str, String)>| match hits.as_slice() {
        [] => NameMatch::Unknown,
        [(id, name, _)] => NameMatch::One(*id, name.to_string()),
        many => NameMatch::Ambiguous(many.iter().map(|(_, n, _)| n.to_string()).collect()),
    };
    let exact: Vec<_> = lower.iter().filter(|(_, _, l)| *l == query).collect();
    if !exact.is_empty() {
        return pick(exact);
    }
    let prefix: Vec<_> = lower
        .iter()
        .filter(|(_, _, l)| l.starts_with(&query))
        .collect();
    if !prefix.is_empty() {
        return pick(prefix);
    }
    pick(
        lower
            .iter()
            .filter(|(_, _, l)| l.contains(&query))
            .collect(),
    )
}

/// Everything checked, ready to save.
struct Capture {
    text: String,
    mentor: Option<(i64, String)>,
    due: Option<NaiveDate>,
}

/// Checks the arguments, saves one record, prints one confirmation line (two for a goal that
/// does not yet pass the SMART check).
pub fn run(ctx: &Context, args: &AddArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let t = ctx.lang.text();
    let c = &t.cli;
    check_flags(ctx, args)?;
    let text = args.text.join(" ").trim().to_string();
    if text.is_empty() {
        return Err(CliError::Message(c.add_empty_text.to_string()));
    }
    // The domain's limits, checked before the journal is opened (the store checks them too).
    crate::domain::limits::check_title("text", &text).map_err(StoreError::from)?;
    if args.what == CaptureKind::Win {
        return super::wins::add(ctx, args, text, out);
    }
    let today = ctx.clock.today();
    let due = match &args.due {
        Some(word) => Some(ctx.date_option("--due", word)?),
        None => None,
    };
    let (store, created) = ctx.open_or_create_store()?;
    if created && let Some(path) = store.path() {
        let shown = clean_line(&path.display().to_string()).into_owned();
        eprintln!("mentee: {}", fill!(t.trust.journal_created, path = shown));
    }
    let mentor = match &args.mentor {
        None => None,
        Some(name) => Some(resolve_mentor(ctx, name, &store.mentor_names()?)?),
    };
    let cap = Capture { text, mentor, due };
    let mentor_id = cap.mentor.as_ref().map(|(id, _)| *id);
    let shown = clean_line(&cap.text).into_owned();
    let private = args.private;
    let mut smart_hint = None;
    let head = match args.what {
        CaptureKind::Question => {
            store.save_question(&Question {
                id: 0,
                uuid: String::new(),
                text: cap.text.clone(),
                mentor_id,
                agenda_item_id: None,
                private,
            })?;
            fill!(c.add_question, text = shown)
        }
        CaptureKind::Goal => {
            let mut goal = Goal::new(cap.text.clone());
            goal.mentor_id = mentor_id;
            goal.due = cap.due;
            goal.private = private;
            store.save_goal(&goal)?;
            smart_hint = smart_hint_line(ctx, &goal, today);
            fill!(c.add_goal, title = shown)
        }
        CaptureKind::Feedback => {
            let kind = match args.kind {
                Some(KindArg::Feedback(kind)) => kind,
                _ => FeedbackKind::Suggestion,
            };
            store.save_feedback(&Feedback {
                id: 0,
                uuid: String::new(),
                mentor_id,
                meeting_id: None,
                received_on: today,
                kind,
                text: cap.text.clone(),
                reaction: String::new(),
                status: FeedbackStatus::Open,
                goal_id: None,
                private,
            })?;
            fill!(c.add_feedback, kind = kind.label(&t.labels), text = shown)
        }
        CaptureKind::Commitment => {
            let owner = args.owner.unwrap_or(Party::Me);
            store.save_commitment(&Commitment {
                id: 0,
                uuid: String::new(),
                owner,
                text: cap.text.clone(),
                due: cap.due,
                status: CommitmentStatus::Open,
                done_on: None,
                result: String::new(),
                mentor_id,
                meeting_id: None,
                feedback_id: None,
                reported_on: None,
                created_on: today,
                private,
            })?;
            fill!(
                c.add_commitment,
                owner = owner.label(&t.labels),
                text = shown
            )
        }
        CaptureKind::Win => unreachable!("wins are saved by cli::wins::add"),
        CaptureKind::Thanks => {
            store.save_gratitude(&Gratitude {
                id: 0,
                uuid: String::new(),
                mentor_id,
                meeting_id: None,
                commitment_id: None,
                on: today,
                what_for: cap.text.clone(),
                sent: false,
                channel: String::new(),
                private,
            })?;
            fill!(c.add_thanks, text = shown)
        }
        CaptureKind::Resource => {
            let kind = match args.kind {
                Some(KindArg::Resource(kind)) => kind,
                _ => ResourceKind::Book,
            };
            let goal = match &args.goal {
                None => None,
                Some(title) => Some(super::resource::resolve_goal(ctx, title, &store)?),
            };
            let mut r = Resource::new(cap.text.clone(), today);
            r.kind = kind;
            r.mentor_id = mentor_id;
            r.goal_id = goal.as_ref().map(|(id, _)| *id);
            r.link = args.link.clone().unwrap_or_default().trim().to_string();
            r.private = private;
            store.save_resource(&r)?;
            super::resource::saved_line(ctx, &r, goal.as_ref().map(|(_, t)| t.as_str()))
        }
    };
    let mut line = head;
    if let Some((_, name)) = &cap.mentor {
        line.push_str(&fill!(c.add_with_mentor, name = clean_line(name)));
    }
    if let Some(due) = cap.due {
        line.push_str(&fill!(c.add_due, date = super::fmt::date(ctx, due)));
    }
    if private {
        line.push_str(c.add_private);
    }
    // Saved: a failure to write now must not read as "not saved" (a retry would duplicate).
    let shown = writeln!(out, "{line}").and_then(|()| match smart_hint {
        Some(hint) => writeln!(out, "{hint}"),
        None => Ok(()),
    });
    shown
        .and_then(|()| out.flush())
        .map_err(CliError::SavedNotShown)
}

/// Refuses flags that mean nothing for this kind, rather than silently ignoring them.
fn check_flags(ctx: &Context, args: &AddArgs) -> Result<(), CliError> {
    let c = &ctx.lang.text().cli;
    let kind_fits = match args.kind {
        None => true,
        Some(KindArg::Feedback(_)) => args.what == CaptureKind::Feedback,
        Some(KindArg::Resource(_)) => args.what == CaptureKind::Resource,
    };
    let for_resource = args.what == CaptureKind::Resource;
    let for_win = args.what == CaptureKind::Win;
    let misplaced = if !kind_fits {
        Some("--kind")
    } else if args.goal.is_some() && !for_resource && !for_win {
        Some("--goal")
    } else if args.link.is_some() && !for_resource {
        Some("--link")
    } else if args.owner.is_some() && args.what != CaptureKind::Commitment {
        Some("--owner")
    } else if args.due.is_some()
        && !matches!(args.what, CaptureKind::Commitment | CaptureKind::Goal)
    {
        Some("--due")
    } else if !for_win {
        [
            ("--on", args.on.is_some()),
            ("--evidence", args.evidence.is_some()),
        ]
        .into_iter()
        .find_map(|(flag, given)| given.then_some(flag))
    } else {
        None
    };
    match misplaced {
        Some(flag) => Err(CliError::Message(fill!(
            c.add_flag_not_for,
            flag = flag,
            kind = args.what.word(ctx.lang)
        ))),
        None => Ok(()),
    }
}

/// What to say when a typed name does not pick one record, each with `{name}` (the name as
/// typed, quoted) and, but for `none`, `{list}` (the names it could be).
pub(super) struct NameMessages {
    /// Several records match.
    pub ambiguous: &'static str,
    /// There is no record of the kind at all.
    pub none: &'static str,
    /// No record matches.
    pub unknown: &'static str,
}

/// The one record of `records` that `name` names ([`match_name`]), or the message that says
/// why there is none.
pub(super) fn resolve_name(
    name: &str,
    records: &[(i64, String)],
    say: NameMessages,
) -> Result<(i64, String), CliError> {
    let list = |names: &mut dyn Iterator<Item = &String>| {
        names
            .map(|n| clean_line(n).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let shown = format!("\"{}\"", clean_line(name));
    match match_name(name, records) {
        NameMatch::One(id, found) => Ok((id, found)),
        NameMatch::Ambiguous(names) => Err(CliError::Message(fill!(
            say.ambiguous,
            name = shown,
            list = list(&mut names.iter())
        ))),
        NameMatch::Unknown if records.is_empty() => {
            Err(CliError::Message(fill!(say.none, name = shown)))
        }
        NameMatch::Unknown => Err(CliError::Message(fill!(
            say.unknown,
            name = shown,
            list = list(&mut records.iter().map(|(_, n)| n))
        ))),
    }
}

pub(super) fn resolve_mentor(
    ctx: &Context,
    name: &str,
    mentors: &[(i64, String)],
) -> Result<(i64, String), CliError> {
    let c = &ctx.lang.text().cli;
    resolve_name(
        name,
        mentors,
        NameMessages {
            ambiguous: c.add_ambiguous_mentor,
            none: c.add_no_mentors,
            unknown: c.add_unknown_mentor,
        },
    )
}

fn smart_hint_line(ctx: &Context, goal: &Goal, today: NaiveDate) -> Option<String> {
    let goals = &ctx.lang.text().goals;
    let report = smart::check(goal, today);
    let failing: Vec<String> = report
        .failing()
        .map(|l| format!("{} ({})", l.letter.code(), goals.letter_name(l.letter)))
        .collect();
    (!failing.is_empty()).then(|| {
        fill!(
            ctx.lang.text().cli.add_goal_smart,
            letters = failing.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentors() -> Vec<(i64, String)> {
        vec![
            (1, "Daniel Okafor".into()),
            (2, "Dani".into()),
            (3, "Sari Wijaya".into()),
            (4, "Sarah Lee".into()),
        ]
    }

    #[test]
    fn exact_name_wins_over_prefix() {
        assert_eq!(
            match_name("dani", &mentors()),
            NameMatch::One(2, "Dani".into())
        );
        assert_eq!(
            match_name("  DANIEL okafor ", &mentors()),
            NameMatch::One(1, "Daniel Okafor".into())
        );
    }

    #[test]
    fn unique_prefix_matches_and_shared_prefix_is_ambiguous() {
        assert_eq!(
            match_name("sari", &mentors()),
            NameMatch::One(3, "Sari Wijaya".into())
        );
        assert_eq!(
            match_name("sa", &mentors()),
            NameMatch::Ambiguous(vec!["Sari Wijaya".into(), "Sarah Lee".into()])
        );
        assert_eq!(
            match_name("Dan", &mentors()),
            NameMatch::Ambiguous(vec!["Daniel Okafor".into(), "Dani".into()])
        );
    }

    #[test]
    fn unknown_and_empty_names() {
        assert_eq!(match_name("zed", &mentors()), NameMatch::Unknown);
        assert_eq!(match_name("  ", &mentors()), NameMatch::Unknown);
        assert_eq!(match_name("ana", &[]), NameMatch::Unknown);
    }

    #[test]
    fn a_part_of_the_name_matches_when_no_name_starts_with_it() {
        assert_eq!(
            match_name("okafor", &mentors()),
            NameMatch::One(1, "Daniel Okafor".into())
        );
        assert_eq!(
            match_name("LEE", &mentors()),
            NameMatch::One(4, "Sarah Lee".into())
        );
        // A name that starts with the query wins over names that only contain it.
        assert_eq!(
            match_name("dan", &[(1, "Danu".into()), (2, "Ardani".into())]),
            NameMatch::One(1, "Danu".into())
        );
    }
}
