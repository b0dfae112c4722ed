//! Values typed as words on the command line (`add pertanyaan`, `--kind saran`, `--owner
//! saya`, `--period minggu`), read in either language: the words come from the catalogs
//! (`i18n::CliWords`), and [`WordParser`] accepts an English or an Indonesian word whatever the
//! interface language, while `--help` and the completions list the interface language's words
//! with their descriptions.

use std::ffi::OsStr;
use std::marker::PhantomData;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::CaptureKind;
use crate::domain::{FeedbackKind, Party, Period, ResourceKind};
use crate::i18n::{CliWords, Lang, Word};

/// A closed list of values the command line names with words.
pub trait Words: Copy + Send + Sync + 'static {
    /// Every value, in the order of its words in the catalog.
    const ALL: &'static [Self];
    /// The word and description of every value, in `words`.
    fn words(words: &CliWords) -> &[Word];

    /// This value's word in `lang`.
    fn word(self, lang: Lang) -> &'static str
    where
        Self: PartialEq,
    {
        let i = Self::ALL.iter().position(|v| *v == self).unwrap_or(0);
        Self::words(&lang.text().words)
            .get(i)
            .map_or("", |(word, _)| *word)
    }

    /// The value `text` names in either language (case, spaces and `_` for `-` forgiven).
    fn from_word(text: &str) -> Option<Self> {
        let key = text.trim().to_lowercase().replace([' ', '_'], "-");
        [Lang::En, Lang::Id].into_iter().find_map(|lang| {
            Self::words(&lang.text().words)
                .iter()
                .position(|(word, _)| *word == key)
                .and_then(|i| Self::ALL.get(i).copied())
        })
    }
}

impl Words for CaptureKind {
    const ALL: &'static [Self] = &[
        CaptureKind::Question,
        CaptureKind::Goal,
        CaptureKind::Feedback,
        CaptureKind::Commitment,
        CaptureKind::Thanks,
        CaptureKind::Win,
        CaptureKind::Resource,
    ];
    fn words(words: &CliWords) -> &[Word] {
        &words.capture
    }
}

impl Words for FeedbackKind {
    const ALL: &'static [Self] = FeedbackKind::ALL;
    fn words(words: &CliWords) -> &[Word] {
        &words.kind[..FeedbackKind::ALL.len()]
    }
}

impl Words for ResourceKind {
    const ALL: &'static [Self] = ResourceKind::ALL;
    fn words(words: &CliWords) -> &[Word] {
        &words.kind[FeedbackKind::ALL.len()..]
    }
}

/// `mentee add --kind`: the kind of feedback or of a resource, one list of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindArg {
    Feedback(FeedbackKind),
    Resource(ResourceKind),
}

impl Words for KindArg {
    const ALL: &'static [Self] = &[
        KindArg::Feedback(FeedbackKind::Praise),
        KindArg::Feedback(FeedbackKind::Suggestion),
        KindArg::Feedback(FeedbackKind::Critique),
        KindArg::Resource(ResourceKind::Book),
        KindArg::Resource(ResourceKind::Article),
        KindArg::Resource(ResourceKind::Course),
        KindArg::Resource(ResourceKind::Tool),
        KindArg::Resource(ResourceKind::Event),
        KindArg::Resource(ResourceKind::Person),
        KindArg::Resource(ResourceKind::Other),
    ];
    fn words(words: &CliWords) -> &[Word] {
        &words.kind
    }
}

impl Words for Party {
    const ALL: &'static [Self] = Party::ALL;
    fn words(words: &CliWords) -> &[Word] {
        &words.owner
    }
}

impl Words for Period {
    const ALL: &'static [Self] = Period::ALL;
    fn words(words: &CliWords) -> &[Word] {
        &words.period
    }
}

/// Parses a [`Words`] value in either language; lists `lang`'s words as the possible values.
#[derive(Debug, Clone, Copy)]
pub struct WordParser<T> {
    lang: Lang,
    values: PhantomData<T>,
}

impl<T: Words> WordParser<T> {
    /// A parser listing the words of `lang`.
    pub fn new(lang: Lang) -> Self {
        WordParser {
            lang,
            values: PhantomData,
        }
    }

    /// The words of `lang`, joined with `|` (an argument's value name).
    pub fn value_name(lang: Lang) -> String {
        T::words(&lang.text().words)
            .iter()
            .map(|(w, _)| *w)
            .collect::<Vec<_>>()
            .join("|")
    }
}

impl<T: Words> TypedValueParser for WordParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let text = value.to_string_lossy();
        if let Some(found) = T::from_word(&text) {
            return Ok(found);
        }
        let mut err = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
        let name = arg.map_or_else(|| "...".to_string(), ToString::to_string);
        err.insert(ContextKind::InvalidArg, ContextValue::String(name));
        err.insert(
            ContextKind::InvalidValue,
            ContextValue::String(text.into_owned()),
        );
        let valid = T::words(&self.lang.text().words)
            .iter()
            .map(|(w, _)| w.to_string())
            .collect();
        err.insert(ContextKind::ValidValue, ContextValue::Strings(valid));
        let usage = cmd.clone().render_usage();
        err.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
        Err(err)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let own = T::words(&self.lang.text().words);
        let other = match self.lang {
            Lang::En => Lang::Id,
            Lang::Id => Lang::En,
        };
        let others = T::words(&other.text().words);
        Some(Box::new(own.iter().zip(others).map(
            |((word, help), (alias, _))| {
                let value = PossibleValue::new(*word).help(*help);
                if alias == word {
                    value
                } else {
                    value.alias(*alias)
                }
            },
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_is_read_in_both_languages() {
        let table: &[(&str, CaptureKind)] = &[
            ("question", CaptureKind::Question),
            ("pertanyaan", CaptureKind::Question),
            ("goal", CaptureKind::Goal),
            ("sasaran", CaptureKind::Goal),
            ("feedback", CaptureKind::Feedback),
            ("umpan-balik", CaptureKind::Feedback),
            ("umpan balik", CaptureKind::Feedback),
            ("commitment", CaptureKind::Commitment),
            ("komitmen", CaptureKind::Commitment),
            ("thanks", CaptureKind::Thanks),
            ("terima-kasih", CaptureKind::Thanks),
            ("Terima_Kasih", CaptureKind::Thanks),
        ];
        for (word, want) in table {
            assert_eq!(CaptureKind::from_word(word), Some(*want), "{word}");
        }
        for (word, want) in [
            ("pujian", FeedbackKind::Praise),
            ("saran", FeedbackKind::Suggestion),
            ("kritik", FeedbackKind::Critique),
            ("suggestion", FeedbackKind::Suggestion),
        ] {
            assert_eq!(FeedbackKind::from_word(word), Some(want), "{word}");
        }
        for (word, want) in [
            ("saya", Party::Me),
            ("me", Party::Me),
            ("mentor", Party::Mentor),
        ] {
            assert_eq!(Party::from_word(word), Some(want), "{word}");
        }
        for (word, want) in [
            ("minggu", Period::Week),
            ("bulan", Period::Month),
            ("kuartal", Period::Quarter),
            ("quarter", Period::Quarter),
        ] {
            assert_eq!(Period::from_word(word), Some(want), "{word}");
        }
        assert_eq!(Period::from_word("tahun"), None);
        for (word, want) in [
            ("buku", ResourceKind::Book),
            ("artikel", ResourceKind::Article),
            ("kursus", ResourceKind::Course),
            ("alat", ResourceKind::Tool),
            ("acara", ResourceKind::Event),
            ("orang", ResourceKind::Person),
            ("lainnya", ResourceKind::Other),
            ("person", ResourceKind::Person),
        ] {
            assert_eq!(ResourceKind::from_word(word), Some(want), "{word}");
            assert_eq!(KindArg::from_word(word), Some(KindArg::Resource(want)));
        }
        assert_eq!(
            KindArg::from_word("saran"),
            Some(KindArg::Feedback(FeedbackKind::Suggestion))
        );
        assert_eq!(
            CaptureKind::from_word("rekomendasi"),
            Some(CaptureKind::Resource)
        );
        assert_eq!(FeedbackKind::from_word("book"), None);
        assert_eq!(Period::Week.word(Lang::Id), "minggu");
        assert_eq!(CaptureKind::Thanks.word(Lang::En), "thanks");
    }

    #[test]
    fn the_possible_values_are_the_interface_languages() {
        let names = |lang| {
            WordParser::<FeedbackKind>::new(lang)
                .possible_values()
                .into_iter()
                .flatten()
                .map(|v| v.get_name().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(Lang::Id), ["pujian", "saran", "kritik"]);
        assert_eq!(
            WordParser::<KindArg>::value_name(Lang::En),
            "praise|suggestion|critique|book|article|course|tool|event|person|other"
        );
        assert_eq!(names(Lang::En), ["praise", "suggestion", "critique"]);
    }
}
