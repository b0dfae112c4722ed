//! One idea, one word: the Indonesian catalog uses no word `docs/GLOSSARY.md` rejects for a
//! concept, and the glossary's own words are the ones the catalog uses.

use mentee::i18n::ID;

/// (rejected words, catalog keys allowed to keep them) per glossary row.
fn rejected() -> Vec<(Vec<String>, Vec<String>)> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/GLOSSARY.md"))
        .expect("docs/GLOSSARY.md");
    let split = |cell: &str| {
        cell.split(',')
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
    };
    text.lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("|---") && !l.starts_with("| concept"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').collect();
            assert_eq!(cells.len(), 5, "a glossary row has five cells: {l}");
            (split(cells[3]), split(cells[4]))
        })
        .collect()
}

/// True when `phrase` occurs in `text` as whole words.
fn has_words(text: &str, phrase: &str) -> bool {
    let text = text.to_lowercase();
    let mut from = 0;
    while let Some(at) = text[from..].find(phrase) {
        let start = from + at;
        let end = start + phrase.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if edge(before) && edge(after) {
            return true;
        }
        from = end;
    }
    false
}

#[test]
fn the_indonesian_catalog_uses_the_glossarys_words() {
    let rows = rejected();
    assert!(rows.len() > 15, "the glossary table was not read");
    let mut texts: Vec<(String, &str)> = ID.entries();
    texts.extend(mentee::cli::help::indonesian_help().map(|t| ("cli help".to_string(), t)));
    let mut wrong = Vec::new();
    for (words, allowed) in &rows {
        for word in words {
            for (key, text) in &texts {
                let area = key.rsplit_once('.').map_or(key.as_str(), |(a, _)| a);
                let kept = allowed.iter().any(|k| k == key || k == area);
                if !kept && has_words(text, word) {
                    wrong.push(format!("{key}: {word:?} in {text:?}"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "words the glossary rejects:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn whole_words_only() {
    assert!(has_words("Rapat berikutnya", "rapat"));
    assert!(!has_words("merapatkan", "rapat"));
    assert!(has_words("tanggal jatuh tempo", "jatuh tempo"));
    assert!(!has_words("dijeda", "jeda"));
}
