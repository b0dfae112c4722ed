//! The follow-up questions of the live SMART check (`assets/smart-questions.toml`), one per
//! reason the check can give, in English and Bahasa Indonesia. Parsed once.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::domain::smart::Reason;
use crate::i18n::Lang;

/// One shipped question, in both languages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    en: String,
    id: String,
}

const QUESTIONS_TOML: &str = include_str!("../../assets/smart-questions.toml");

fn parse_questions(text: &str) -> Result<HashMap<String, Question>, toml::de::Error> {
    toml::from_str(text)
}

/// The shipped questions by reason code, parsed once.
fn questions() -> &'static HashMap<String, Question> {
    static QUESTIONS: OnceLock<HashMap<String, Question>> = OnceLock::new();
    QUESTIONS.get_or_init(|| parse_questions(QUESTIONS_TOML).unwrap_or_default())
}

/// The question to ask next about `reason`, in `lang`; `None` only if the shipped file
/// lacked it (a test checks it covers every reason; the form then shows the reason alone).
pub fn question(reason: &Reason, lang: Lang) -> Option<&'static str> {
    let q = questions().get(reason.code())?;
    Some(match lang {
        Lang::En => &q.en,
        Lang::Id => &q.id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_questions_parse_and_cover_every_reason() {
        let parsed = parse_questions(QUESTIONS_TOML).expect("assets/smart-questions.toml parses");
        let mut codes: Vec<&str> = Reason::examples().iter().map(Reason::code).collect();
        let mut keys: Vec<&str> = parsed.keys().map(String::as_str).collect();
        codes.sort_unstable();
        keys.sort_unstable();
        assert_eq!(keys, codes, "one table per reason, no strays");
        for reason in Reason::examples() {
            let (en, id) = (question(&reason, Lang::En), question(&reason, Lang::Id));
            assert!(en.is_some_and(|q| !q.trim().is_empty()), "{reason:?}");
            assert!(id.is_some_and(|q| !q.trim().is_empty()), "{reason:?}");
            assert_ne!(en, id, "{reason:?} question is not translated");
        }
        // The lazily parsed copy is the same file.
        assert_eq!(questions().len(), parsed.len());
    }
}
