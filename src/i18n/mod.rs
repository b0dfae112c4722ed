//! All interface text, one catalog per language.
//!
//! Each area of the interface has its own catalog struct (in its own file, with an `EN` and an
//! `ID` constant). Every field must be given in both constants, so a missing translation is a
//! compile error; [`Text::entries`] lets a test check that none is empty.
//! Templates use `{}` placeholders, filled in order by [`fill`].

pub mod cipher;
mod cli;
mod commitments;
mod common;
mod debrief;
mod errors;
mod feedback;
mod form;
mod goals;
mod gratitude;
mod labels;
mod meetings;
mod mentors;
mod nudges;
mod reflections;
mod today;
mod transfer;
pub mod trust;

pub use cipher::CipherText;
pub use cli::CliText;
pub use commitments::CommitmentsText;
pub use common::CommonText;
pub use debrief::DebriefText;
pub use errors::ErrorsText;
pub use feedback::FeedbackText;
pub use form::FormText;
pub use goals::GoalsText;
pub use gratitude::GratitudeText;
pub use labels::{Label, Labels};
pub use meetings::MeetingsText;
pub use mentors::MentorsText;
pub use nudges::NudgesText;
pub use reflections::ReflectionsText;
pub use today::TodayText;
pub use transfer::TransferText;
pub use trust::TrustText;

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
    pub mentors: MentorsText,
    pub form: FormText,
    pub cli: CliText,
    pub errors: ErrorsText,
    pub nudges: NudgesText,
    pub debrief: DebriefText,
    pub transfer: TransferText,
    pub trust: TrustText,
    pub cipher: CipherText,
}

impl Text {
    /// Every (area.field, text) pair of the catalog.
    pub fn entries(&self) -> Vec<(String, &'static str)> {
        let areas: [(&str, Vec<(&'static str, &'static str)>); 18] = [
            ("common", self.common.entries()),
            ("labels", self.labels.entries()),
            ("today", self.today.entries()),
            ("goals", self.goals.entries()),
            ("meetings", self.meetings.entries()),
            ("feedback", self.feedback.entries()),
            ("commitments", self.commitments.entries()),
            ("gratitude", self.gratitude.entries()),
            ("reflections", self.reflections.entries()),
            ("mentors", self.mentors.entries()),
            ("form", self.form.entries()),
            ("cli", self.cli.entries()),
            ("errors", self.errors.entries()),
            ("nudges", self.nudges.entries()),
            ("debrief", self.debrief.entries()),
            ("transfer", self.transfer.entries()),
            ("trust", self.trust.entries()),
            ("cipher", self.cipher.entries()),
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
    mentors: mentors::EN,
    form: form::EN,
    cli: cli::EN,
    errors: errors::EN,
    nudges: nudges::EN,
    debrief: debrief::EN,
    transfer: transfer::EN,
    trust: trust::EN,
    cipher: cipher::EN,
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
    mentors: mentors::ID,
    form: form::ID,
    cli: cli::ID,
    errors: errors::ID,
    nudges: nudges::ID,
    debrief: debrief::ID,
    transfer: transfer::ID,
    trust: trust::ID,
    cipher: cipher::ID,
};

/// Fills `{}` placeholders in order: `fill("{} of {}", &[&1, &3])` → `"1 of 3"`.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        if let Some(arg) = args.next() {
            out.push_str(&arg.to_string());
        }
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
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
            assert_eq!(
                en_text.matches("{}").count(),
                id_text.matches("{}").count(),
                "{key}: placeholders differ between languages"
            );
        }
    }

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::from_code("id_ID.UTF-8"), Some(Lang::Id));
        assert_eq!(Lang::from_code("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_code("C"), None);
    }

    #[test]
    fn fill_in_order() {
        assert_eq!(fill("{} of {}", &[&1, &"three"]), "1 of three");
        assert_eq!(fill("none", &[&1]), "none");
    }
}
