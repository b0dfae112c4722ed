//! Reflection templates: the shipped ones in `assets/reflection-templates.toml`, and the user's
//! own in `<config dir>/templates/<name>.toml`, which override a shipped template of the same
//! name or add a new one.
//!
//! A user file holds one template:
//!
//! ```toml
//! title = { en = "Monthly review", id = "Tinjauan bulanan" }   # or: title = "Monthly review"
//!
//! [[prompt]]
//! code = "wins"                      # kept with the answers: letters, digits, _ and -
//! label = { en = "Wins", id = "Keberhasilan" }  # the field's short label (optional)
//! en = "What went well this month?"
//! id = "Apa yang berjalan baik bulan ini?"
//!
//! [[prompt]]
//! code = "next"
//! text = "What will I ask my mentor?" # one text for both languages
//! ```
//!
//! A missing language falls back to the other; a missing label to the start of the question.
//!
//! A file that does not read is skipped with a message naming it and what is wrong; the
//! shipped template it would have replaced stays in use.

use std::path::Path;

use serde::Deserialize;

use crate::i18n::Lang;

/// The shipped templates.
const SHIPPED: &str = include_str!("../../assets/reflection-templates.toml");
/// A user's template file larger than this is refused (it is a handful of prompts).
const MAX_FILE_BYTES: u64 = 64 * 1024;
/// At most this many prompts in one template (each is a field of the review form).
pub const MAX_PROMPTS: usize = 20;

/// Text in both interface languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    pub en: String,
    pub id: String,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Id => &self.id,
        }
    }
}

/// One prompt: a stable code (stored with the answer), a short label and its question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub code: String,
    pub label: Localized,
    pub text: Localized,
}

/// Longest label, in characters (it sits beside the answer field).
pub const MAX_LABEL_CHARS: usize = 18;

/// A reflection template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The name stored with each review (`rolfe`, `gtd-weekly`…).
    pub name: String,
    pub title: Localized,
    pub prompts: Vec<Prompt>,
    /// Read from the user's config directory.
    pub user: bool,
}

impl Template {
    /// The question of prompt `code`, if the template has it.
    pub fn prompt(&self, code: &str, lang: Lang) -> Option<&str> {
        self.prompts
            .iter()
            .find(|p| p.code == code)
            .map(|p| p.text.get(lang))
    }

    /// The title in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }
}

/// The templates in use and any user files that could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Templates {
    pub list: Vec<Template>,
    /// One message per skipped file.
    pub problems: Vec<String>,
}

impl Templates {
    /// The template called `name`.
    pub fn find(&self, name: &str) -> Option<&Template> {
        self.list.iter().find(|t| t.name == name)
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawText {
    One(String),
    Both {
        en: Option<String>,
        id: Option<String>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrompt {
    code: String,
    label: Option<RawText>,
    text: Option<String>,
    en: Option<String>,
    id: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplate {
    name: Option<String>,
    title: RawText,
    #[serde(default)]
    prompt: Vec<RawPrompt>,
}

#[derive(Deserialize)]
struct RawShipped {
    template: Vec<RawTemplate>,
}

fn raw_localized(raw: RawText) -> Option<Localized> {
    match raw {
        RawText::One(s) => localized(Some(s), None, None),
        RawText::Both { en, id } => localized(None, en, id),
    }
}

/// `text` cut to a label's length.
fn short(text: &str) -> String {
    if text.chars().count() <= MAX_LABEL_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX_LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Both languages from what was given: a missing one falls back to the other.
fn localized(text: Option<String>, en: Option<String>, id: Option<String>) -> Option<Localized> {
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let (text, en, id) = (clean(text), clean(en), clean(id));
    let en = en.or_else(|| text.clone()).or_else(|| id.clone())?;
    let id = id.or(text).unwrap_or_else(|| en.clone());
    Some(Localized { en, id })
}

fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn convert(raw: RawTemplate, name: &str, user: bool) -> Result<Template, String> {
    if !valid_code(name) {
        return Err(format!(
            "the name {name:?} may only use letters, digits, _ and -"
        ));
    }
    let title = raw_localized(raw.title).ok_or("the title is empty")?;
    if raw.prompt.is_empty() {
        return Err("it has no [[prompt]]".into());
    }
    if raw.prompt.len() > MAX_PROMPTS {
        return Err(format!("more than {MAX_PROMPTS} prompts"));
    }
    let mut prompts: Vec<Prompt> = Vec::new();
    for p in raw.prompt {
        let code = p.code.trim().to_string();
        if !valid_code(&code) {
            return Err(format!(
                "the prompt code {code:?} may only use letters, digits, _ and -"
            ));
        }
        if prompts.iter().any(|q| q.code == code) {
            return Err(format!("the prompt code {code:?} is used twice"));
        }
        let text = localized(p.text, p.en, p.id)
            .ok_or_else(|| format!("the prompt {code:?} has no text"))?;
        let label = p
            .label
            .and_then(raw_localized)
            .unwrap_or_else(|| text.clone());
        let label = Localized {
            en: short(&label.en),
            id: short(&label.id),
        };
        prompts.push(Prompt { code, label, text });
    }
    Ok(Template {
        name: name.to_string(),
        title,
        prompts,
        user,
    })
}

/// The shipped templates.
pub fn shipped() -> Vec<Template> {
    let Ok(raw) = toml::from_str::<RawShipped>(SHIPPED) else {
        return Vec::new();
    };
    raw.template
        .into_iter()
        .filter_map(|t| {
            let name = t.name.clone().unwrap_or_default();
            convert(t, &name, false).ok()
        })
        .collect()
}

/// Reads one user template file; its name is the file name without `.toml`.
pub fn read_user_template(path: &Path) -> Result<Template, String> {
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_FILE_BYTES {
        return Err(format!("larger than {} KB", MAX_FILE_BYTES / 1024));
    }
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let raw: RawTemplate = toml::from_str(&text).map_err(|e| e.message().to_string())?;
    convert(raw, &name, true)
}

/// The shipped templates, overridden or extended by `<config_dir>/templates/*.toml`.
pub fn load(config_dir: Option<&Path>) -> Templates {
    let mut out = Templates {
        list: shipped(),
        problems: Vec::new(),
    };
    let Some(dir) = config_dir.map(|d| d.join("templates")) else {
        return out;
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return out; // No folder: nothing to override.
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    for path in paths.into_iter().take(100) {
        match read_user_template(&path) {
            Ok(t) => match out.list.iter_mut().find(|s| s.name == t.name) {
                Some(slot) => *slot = t,
                None => out.list.push(t),
            },
            Err(why) => out.problems.push(format!(
                "{}: {why}",
                crate::domain::text::clean_line(&path.display().to_string())
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_shipped_templates_read_in_both_languages() {
        let list = shipped();
        let names: Vec<&str> = list.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["gtd-weekly", "rolfe", "gibbs"]);
        let codes =
            |i: usize| -> Vec<String> { list[i].prompts.iter().map(|p| p.code.clone()).collect() };
        assert_eq!(codes(0), ["get_clear", "get_current", "get_creative"]);
        assert_eq!(codes(1), ["what", "so_what", "now_what"]);
        assert_eq!(
            codes(2),
            [
                "description",
                "feelings",
                "evaluation",
                "analysis",
                "conclusion",
                "action_plan"
            ]
        );
        for t in &list {
            assert_ne!(t.title.en, t.title.id);
            for p in &t.prompts {
                assert_ne!(p.text.en, p.text.id, "{} {} untranslated", t.name, p.code);
                assert_ne!(p.label.en, p.text.en, "{} {} has no label", t.name, p.code);
            }
        }
        assert_eq!(list[1].prompts[2].label.id, "Sekarang apa?");
    }

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::create_dir_all(dir.join("templates")).unwrap();
        std::fs::write(dir.join("templates").join(name), text).unwrap();
    }

    #[test]
    fn a_user_file_overrides_adds_or_is_skipped_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "rolfe.toml",
            "title = \"Mine\"\n[[prompt]]\ncode = \"what\"\ntext = \"What now?\"\n",
        );
        write(
            dir.path(),
            "monthly.toml",
            "title = { id = \"Bulanan\" }\n[[prompt]]\ncode = \"wins\"\nen = \"Wins?\"\n",
        );
        write(dir.path(), "broken.toml", "title = \"x\"\n");
        write(
            dir.path(),
            "bad code.toml",
            "title = \"x\"\n[[prompt]]\ncode = \"a\"\ntext = \"b\"\n",
        );
        write(
            dir.path(),
            "twice.toml",
            "title = \"x\"\n[[prompt]]\ncode = \"a\"\ntext = \"b\"\n[[prompt]]\ncode = \"a\"\ntext = \"c\"\n",
        );
        let t = load(Some(dir.path()));
        let rolfe = t.find("rolfe").unwrap();
        assert!(rolfe.user);
        assert_eq!(rolfe.prompts.len(), 1);
        assert_eq!(rolfe.prompt("what", Lang::Id), Some("What now?"));
        let monthly = t.find("monthly").unwrap();
        assert_eq!(monthly.title.en, "Bulanan");
        assert_eq!(monthly.prompt("wins", Lang::Id), Some("Wins?"));
        assert_eq!(
            monthly.prompts[0].label.id, "Wins?",
            "label from the question"
        );
        assert_eq!(t.list.len(), 4);
        assert_eq!(t.problems.len(), 3, "{:?}", t.problems);
        assert!(
            t.problems
                .iter()
                .any(|p| p.contains("broken.toml") && p.contains("no [[prompt]]"))
        );
        assert!(t.problems.iter().any(|p| p.contains("used twice")));
        // No folder at all: the shipped ones.
        assert_eq!(load(Some(&dir.path().join("nowhere"))).list, shipped());
    }
}
