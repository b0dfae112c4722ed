//! All interface text, one catalog per language.
//!
//! Each area of the interface has its own catalog struct (in its own file, with an `EN` and an
//! `ID` constant). Every field must be given in both constants, so a missing translation is a
//! compile error; [`Text::entries`] lets a test check that none is empty.
//! Templates use named placeholders (`{count}`), filled by name by [`fill`], so a translation
//! may put them in the order its language needs.

mod calendar;
pub mod cipher;
mod cli;
mod commitments;
mod common;
mod debrief;
mod errors;
mod feedback;
pub mod fields;
mod fit;
mod form;
mod goals;
mod gratitude;
mod labels;
mod meetings;
mod mentors;
mod nudges;
pub mod recap;
mod reflections;
mod resource_form;
mod resources;
mod review;
mod saving;
mod shell;
mod today;
mod transfer;
pub mod trust;
mod wins;
mod words;

pub use calendar::CalendarText;
pub use cipher::CipherText;
pub use cli::CliText;
pub use commitments::CommitmentsText;
pub use common::CommonText;
pub use debrief::DebriefText;
pub use errors::ErrorsText;
pub use feedback::FeedbackText;
pub use fit::FitText;
pub use form::FormText;
pub use goals::GoalsText;
pub use gratitude::GratitudeText;
pub use labels::{Label, Labels};
pub use meetings::MeetingsText;
pub use mentors::MentorsText;
pub use nudges::NudgesText;
pub use recap::{RecapFormat, RecapText};
pub use reflections::ReflectionsText;
pub use resource_form::ResourceFormText;
pub use resources::ResourcesText;
pub use review::{FigureLine, FigureSection, ReviewText};
pub use saving::SavingText;
pub use shell::ShellText;
pub use today::TodayText;
pub use transfer::TransferText;
pub use trust::TrustText;
pub use wins::WinsText;
pub use words::{ClapText, CliWords, Word};

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Id,
}

impl Lang {
    /// Reads `en` / `id` (also `in`, the old code for Indonesian, and locale forms like `id_ID.UTF-8`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        let base = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match base {
            "en" => Some(Lang::En),
            "id" | "in" => Some(Lang::Id),
            _ => None,
        }
    }

    /// The language from `$LC_ALL`, `$LC_MESSAGES` or `$LANG`, if it is one we speak.
    pub fn from_env() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_code(&v))
    }

    /// The catalog of this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::En => &EN,
            Lang::Id => &ID,
        }
    }

    /// The code (`en` / `id`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }
}

/// Declares a catalog struct of `&'static str` fields with an `entries()` listing for tests.
macro_rules! catalog {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* $field:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub struct $name { $($(#[$fmeta])* pub $field: &'static str),+ }

        impl $name {
            /// Every (field, text) pair, for completeness tests.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field)),+]
            }
        }
    };
}
pub(crate) use catalog;

/// The whole interface text of one language.
#[derive(Debug)]
pub struct Text {
    pub common: CommonText,
    pub labels: Labels,
    pub today: TodayText,
    pub goals: GoalsText,
    pub meetings: MeetingsText,
    pub feedback: FeedbackText,
    pub commitments: CommitmentsText,
    pub gratitude: GratitudeText,
    pub reflections: ReflectionsText,
    pub review: ReviewText,
    pub mentors: MentorsText,
    pub form: FormText,
    pub cli: CliText,
    pub errors: ErrorsText,
    pub nudges: NudgesText,
    pub debrief: DebriefText,
    pub transfer: TransferText,
    pub calendar: CalendarText,
    pub trust: TrustText,
    /// The names of the fields the limits check.
    pub fields: fields::FieldNames,
    pub cipher: CipherText,
    pub shell: ShellText,
    pub saving: SavingText,
    pub words: CliWords,
    pub clap: ClapText,
    pub resources: ResourcesText,
    pub resource_form: ResourceFormText,
    pub recap: RecapText,
    pub wins: WinsText,
    pub fit: FitText,
}

impl Text {
    /// A store error as the user reads it, in this language.
    pub fn store_error(&self, err: &crate::store::StoreError) -> String {
        self.cipher_store_error(err)
            .or_else(|| self.trust_store_error(err))
            .unwrap_or_else(|| self.errors.store(err, &self.labels))
    }

    /// Every (area.field, text) pair of the catalog.
    pub fn entries(&self) -> Vec<(String, &'static str)> {
        let areas: Vec<(&str, Vec<(&'static str, &'static str)>)> = vec![
            ("common", self.common.entries()),
            ("labels", self.labels.entries()),
            ("today", self.today.entries()),
            ("goals", self.goals.entries()),
            ("meetings", self.meetings.entries()),
            ("feedback", self.feedback.entries()),
            ("commitments", self.commitments.entries()),
            ("gratitude", self.gratitude.entries()),
            ("reflections", self.reflections.entries()),
            ("review", self.review.entries()),
            ("mentors", self.mentors.entries()),
            ("form", self.form.entries()),
            ("cli", self.cli.entries()),
            ("errors", self.errors.entries()),
            ("nudges", self.nudges.entries()),
            ("debrief", self.debrief.entries()),
            ("transfer", self.transfer.entries()),
            ("calendar", self.calendar.entries()),
            ("trust", self.trust.entries()),
            ("cipher", self.cipher.entries()),
            ("shell", self.shell.entries()),
            ("saving", self.saving.entries()),
            ("words", self.words.entries()),
            ("clap", self.clap.entries()),
            ("resources", self.resources.entries()),
            ("resource_form", self.resource_form.entries()),
            ("recap", self.recap.entries()),
            ("wins", self.wins.entries()),
            ("fit", self.fit.entries()),
        ];
        areas
            .into_iter()
            .flat_map(|(area, list)| {
                list.into_iter()
                    .map(move |(k, v)| (format!("{area}.{k}"), v))
            })
            .collect()
    }
}

/// English.
pub static EN: Text = Text {
    common: common::EN,
    labels: labels::EN,
    today: today::EN,
    goals: goals::EN,
    meetings: meetings::EN,
    feedback: feedback::EN,
    commitments: commitments::EN,
    gratitude: gratitude::EN,
    reflections: reflections::EN,
    review: review::EN,
    mentors: mentors::EN,
    form: form::EN,
    cli: cli::EN,
    errors: errors::EN,
    nudges: nudges::EN,
    debrief: debrief::EN,
    transfer: transfer::EN,
    calendar: calendar::EN,
    trust: trust::EN,
    fields: fields::EN,
    cipher: cipher::EN,
    shell: shell::EN,
    saving: saving::EN,
    words: words::EN,
    clap: words::CLAP_EN,
    resources: resources::EN,
    resource_form: resource_form::EN,
    recap: recap::EN,
    wins: wins::EN,
    fit: fit::EN,
};

/// Bahasa Indonesia.
pub static ID: Text = Text {
    common: common::ID,
    labels: labels::ID,
    today: today::ID,
    goals: goals::ID,
    meetings: meetings::ID,
    feedback: feedback::ID,
    commitments: commitments::ID,
    gratitude: gratitude::ID,
    reflections: reflections::ID,
    review: review::ID,
    mentors: mentors::ID,
    form: form::ID,
    cli: cli::ID,
    errors: errors::ID,
    nudges: nudges::ID,
    debrief: debrief::ID,
    transfer: transfer::ID,
    calendar: calendar::ID,
    trust: trust::ID,
    fields: fields::ID,
    cipher: cipher::ID,
    shell: shell::ID,
    saving: saving::ID,
    words: words::ID,
    clap: words::CLAP_ID,
    resources: resources::ID,
    resource_form: resource_form::ID,
    recap: recap::ID,
    wins: wins::ID,
    fit: fit::ID,
};

/// Fills the `{name}` placeholders of a catalog template with the named values:
/// `fill("{done} of {total}", &[("done", &1), ("total", &3)])` → `"1 of 3"`. A translation may
/// put the names in any order; every translation uses the same names as the English text
/// (a test checks). Written at call sites as `fill!(t.x, done = 1, total = 3)`.
///
/// A placeholder without a value is left as written, and a value no placeholder asks for is
/// ignored (both are programming errors, caught by a debug assertion).
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut used = vec![false; args.len()];
    let mut rest = template;
    // The number last put in: a plural choice after it (`[meeting|meetings]`) reads it.
    let mut count: Option<f64> = None;
    while let Some(open) = rest.find('{') {
        push_literal(&mut out, &rest[..open], count);
        let after = &rest[open + 1..];
        let name = after.find('}').map(|close| &after[..close]);
        match name.filter(|n| is_placeholder(n)) {
            Some(name) => {
                match args.iter().position(|(n, _)| *n == name) {
                    Some(i) => {
                        used[i] = true;
                        let value = args[i].1.to_string();
                        count = value.trim().parse::<f64>().ok().or(count);
                        out.push_str(&value);
                    }
                    None => {
                        debug_assert!(false, "no value for {{{name}}} in {template:?}");
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[name.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    push_literal(&mut out, rest, count);
    debug_assert!(
        used.iter().all(|u| *u),
        "a value is not asked for by {template:?}"
    );
    out
}

/// Template text (never a value) put into `out`, each plural choice `[one|other]` resolved
/// by `count`, the number put in before it: `one` for exactly 1, `other` otherwise. A
/// language without plural forms simply writes none.
fn push_literal(out: &mut String, text: &str, count: Option<f64>) {
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let choice = after
            .find(']')
            .map(|close| &after[..close])
            .and_then(|inner| inner.split_once('|'))
            .filter(|(one, other)| !one.contains('[') && !other.contains('|'));
        match choice {
            Some((one, other)) => {
                out.push_str(&rest[..open]);
                out.push_str(if count == Some(1.0) { one } else { other });
                rest = &after[one.len() + other.len() + 2..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// `fill!(template, name = value, …)`: [`fill`](crate::i18n::fill) with each value named as
/// its placeholder.
#[macro_export]
macro_rules! fill {
    ($template:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::fill(
            $template,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*],
        )
    };
}
pub use crate::fill;

/// True for a placeholder's name: lowercase letters, digits and `_`, starting with a letter.
fn is_placeholder(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The placeholder names of `template`, in order (a name may repeat).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}').map(|close| &after[..close]) {
            Some(name) if is_placeholder(name) => {
                names.push(name);
                rest = &after[name.len() + 1..];
            }
            _ => rest = after,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_present_and_non_empty_in_both_languages() {
        let en = EN.entries();
        let id = ID.entries();
        assert_eq!(en.len(), id.len());
        for ((key, en_text), (_, id_text)) in en.iter().zip(id.iter()) {
            assert!(!en_text.trim().is_empty(), "English {key} is empty");
            assert!(!id_text.trim().is_empty(), "Indonesian {key} is empty");
            let mut en_names = placeholders(en_text);
            let mut id_names = placeholders(id_text);
            en_names.sort_unstable();
            id_names.sort_unstable();
            assert_eq!(
                en_names, id_names,
                "{key}: the translation does not use the English text's placeholders"
            );
            for text in [en_text, id_text] {
                assert!(
                    !text.contains("{}"),
                    "{key}: a placeholder without a name in {text:?}"
                );
                // `fill` knows plain names only: `{value:?}` would panic at run time.
                for (open, _) in text.match_indices('{') {
                    let inner = text[open + 1..].split('}').next().unwrap_or_default();
                    assert!(
                        !(inner.starts_with(|c: char| c.is_ascii_lowercase())
                            && inner.contains(':')),
                        "{key}: {{{inner}}} is not a plain placeholder in {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::from_code("id_ID.UTF-8"), Some(Lang::Id));
        assert_eq!(Lang::from_code("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_code("C"), None);
    }

    #[test]
    fn fill_by_name_in_any_order() {
        assert_eq!(
            fill!("{done} of {total}", done = 1, total = "three"),
            "1 of three"
        );
        assert_eq!(fill!("{total} ({done})", done = 1, total = 3), "3 (1)");
        assert_eq!(fill!("{n} and {n}", n = 2), "2 and 2");
        assert_eq!(fill!("none"), "none");
        // A plural choice reads the number before it; brackets without a choice stay.
        assert_eq!(
            fill!(
                "{a} [meeting|meetings] · {b} [contact|contacts]",
                a = 1,
                b = 2
            ),
            "1 meeting · 2 contacts"
        );
        assert_eq!(fill!("{n} update[|s]", n = 0), "0 updates");
        assert_eq!(fill!("[x] {n} [ ]", n = 1), "[x] 1 [ ]");
        // A value is never read as a choice.
        assert_eq!(fill!("{v}", v = "[a|b]"), "[a|b]");
        // Braces that are not a placeholder stay as they are.
        assert_eq!(fill!("{ x } {} {A}"), "{ x } {} {A}");
        assert_eq!(
            placeholders("{who} met {when}, {who}"),
            ["who", "when", "who"]
        );
    }

    #[test]
    #[should_panic(expected = "no value for {total}")]
    fn a_missing_value_is_caught_in_debug_builds() {
        let _ = fill!("{done} of {total}", done = 1);
    }
}
