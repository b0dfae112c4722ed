//! The shipped relationship health-check questions (`assets/health-questions.toml`), in
//! English and Bahasa Indonesia. Used by the Mentors view and the Markdown export.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::domain::text::clean_line;
use crate::i18n::Lang;

/// At most this many questions are asked (the form has a field per question).
pub const MAX_QUESTIONS: usize = 10;

/// The shipped health-check questions (`assets/health-questions.toml`).
const QUESTIONS_TOML: &str = include_str!("../../assets/health-questions.toml");

/// One health-check question in both languages.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct HealthQuestion {
    pub code: String,
    pub label_en: String,
    pub label_id: String,
    pub en: String,
    pub id: String,
}

impl HealthQuestion {
    /// The short label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.label_en,
            Lang::Id => &self.label_id,
        }
    }

    /// The question in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Id => &self.id,
        }
    }
}

#[derive(Deserialize)]
struct QuestionFile {
    question: Vec<HealthQuestion>,
}

/// Reads a question list; `None` when the file does not parse.
pub fn parse_questions(text: &str) -> Option<Vec<HealthQuestion>> {
    let file: QuestionFile = toml::from_str(text).ok()?;
    Some(file.question.into_iter().take(MAX_QUESTIONS).collect())
}

/// The shipped questions, in the order they are asked.
pub fn questions() -> &'static [HealthQuestion] {
    static QUESTIONS: OnceLock<Vec<HealthQuestion>> = OnceLock::new();
    QUESTIONS.get_or_init(|| parse_questions(QUESTIONS_TOML).unwrap_or_default())
}

/// The label of question `code` in `lang` (the code itself for a question no longer shipped).
pub fn question_label(code: &str, lang: Lang) -> String {
    questions()
        .iter()
        .find(|q| q.code == code)
        .map(|q| q.label(lang).to_string())
        .unwrap_or_else(|| clean_line(code).into_owned())
}
