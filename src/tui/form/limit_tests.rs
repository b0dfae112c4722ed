//! The domain's text limit in a form (issue 12, item 2): typing stops at it, a paste keeps
//! what fits and says how much was left out, `$EDITOR`'s text and a draft are cut the same
//! way — and the message is the limit's own words, as `mentee add` and the import say them.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::domain::limits::{MAX_TEXT_CHARS, check_text};
use crate::i18n::{EN, ID};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn form() -> Form {
    Form::builder("Feedback")
        .multi("text", "Text", 3)
        .line("reaction", "Reaction")
        .build()
}

fn error_of(form: &Form, i: usize) -> String {
    form.fields()[i]
        .error()
        .expect("the field says why")
        .message(&EN)
}

#[test]
fn a_110_kb_paste_keeps_what_fits_and_says_how_much_was_left_out() {
    let mut f = form();
    f.paste("kept. ", today());
    let big = "é".repeat(110_000);
    assert_eq!(f.paste(&big, today()), FormOutcome::Changed);
    let text = f.text("text");
    assert_eq!(
        text.chars().count(),
        MAX_TEXT_CHARS,
        "filled up to the limit"
    );
    assert!(text.starts_with("kept. é"), "what was there stays");
    assert!(
        check_text("text", &text).is_ok(),
        "what the form holds can be saved"
    );
    assert_eq!(
        error_of(&f, 0),
        "text of 110006 characters is over the limit of 100000; the last 10006 characters were \
         left out, the rest is kept"
    );
    // In Indonesian too, with the limit's own Indonesian words.
    let id = f.fields()[0].error().unwrap().message(&ID);
    assert!(
        id.starts_with("teks 110006 karakter melebihi batas 100000"),
        "{id}"
    );
    // A full field takes no more, and says so again.
    assert_eq!(f.paste("more", today()), FormOutcome::Nothing);
    assert_eq!(f.text("text"), text);
    assert!(error_of(&f, 0).contains("the last 4 characters were left out"));
}

#[test]
fn typing_stops_at_the_limit() {
    let mut f = form();
    f.paste(&"x".repeat(MAX_TEXT_CHARS), today());
    let typed = f.handle_key(
        KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE),
        today(),
    );
    assert_eq!(typed, FormOutcome::Nothing, "the key is not typed");
    assert_eq!(f.text("text").chars().count(), MAX_TEXT_CHARS);
    assert!(!f.text("text").contains('y'));
    assert_eq!(
        error_of(&f, 0),
        "text of 100001 characters is over the limit of 100000; nothing more can be typed here"
    );
    // Deleting makes room again, and the message goes with the next change.
    f.handle_key(
        KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
        today(),
    );
    f.handle_key(
        KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE),
        today(),
    );
    assert!(f.text("text").ends_with('y'));
    assert_eq!(f.text("text").chars().count(), MAX_TEXT_CHARS);
}

#[test]
fn text_back_from_the_editor_or_a_draft_is_cut_to_the_limit_and_said() {
    let mut f = form();
    let long = format!("{}tail", "a".repeat(MAX_TEXT_CHARS));
    assert_eq!(f.set_field_text(1, &long, today()), FormOutcome::Changed);
    assert_eq!(f.text("reaction").chars().count(), MAX_TEXT_CHARS);
    assert!(!f.text("reaction").contains("tail"));
    assert!(error_of(&f, 1).contains("the last 4 characters were left out"));
    // A draft holding more (written by an older version) reads back the same way.
    let draft = serde_json::json!({"focus": 0, "fields": {"text": long}}).to_string();
    let mut g = form();
    g.restore_draft(&draft).unwrap();
    assert_eq!(g.text("text").chars().count(), MAX_TEXT_CHARS);
    assert!(error_of(&g, 0).contains("the last 4 characters were left out"));
    // Saving is not refused for it: what is kept is within the limit.
    assert_eq!(
        g.handle_key(
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
            today()
        ),
        FormOutcome::Save
    );
}
