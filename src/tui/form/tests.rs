//! Form tests: keys, validation, drafts, neutralised text, drawing at every size.

use chrono::{NaiveDate, NaiveTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::text::Line;

use super::*;
use crate::config::{DateFormat, Theme as ThemeChoice};
use crate::i18n::EN;
use crate::tui::theme::Theme;
use crate::tui::ui::Ui;

/// 2026-11-27, a Friday.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn statuses() -> Vec<(String, String)> {
    [("active", "Active"), ("paused", "Paused"), ("done", "Done")]
        .iter()
        .map(|(c, l)| (c.to_string(), l.to_string()))
        .collect()
}

/// A goal-like form: name, notes, due, target, status, private.
fn example() -> Form {
    Form::builder("New goal")
        .line("name", "Goal")
        .required("name")
        .multi("notes", "Notes", 3)
        .date("due", "Due")
        .number("target", "Target")
        .choice("status", "Status", statuses())
        .toggle("private", "Private")
        .build()
}

fn press(form: &mut Form, code: KeyCode) -> FormOutcome {
    form.handle_key(key(code), today())
}

fn type_text(form: &mut Form, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        form.handle_key(key(code), today());
    }
}

fn focus_on(form: &mut Form, name: &str) {
    let i = form.index(name).unwrap();
    form.set_focus(i);
}

#[test]
fn tab_and_shift_tab_cycle_through_the_fields() {
    let mut form = example();
    assert_eq!(form.focus(), 0);
    assert_eq!(press(&mut form, KeyCode::Tab), FormOutcome::Nothing);
    assert_eq!(form.focus(), 1);
    press(&mut form, KeyCode::BackTab);
    assert_eq!(form.focus(), 0);
    press(&mut form, KeyCode::BackTab);
    assert_eq!(form.focus(), 5, "wraps to the last field");
    form.handle_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT), today());
    assert_eq!(form.focus(), 4, "Shift+Tab as some terminals send it");
    press(&mut form, KeyCode::Tab);
    press(&mut form, KeyCode::Tab);
    assert_eq!(form.focus(), 0, "wraps to the first field");
}

#[test]
fn key_releases_are_ignored() {
    let mut form = example();
    let mut release = key(KeyCode::Tab);
    release.kind = KeyEventKind::Release;
    assert_eq!(form.handle_key(release, today()), FormOutcome::Nothing);
    assert_eq!(form.focus(), 0);
}

#[test]
fn typing_into_line_and_multi_fields() {
    let mut form = example();
    assert_eq!(
        press(&mut form, KeyCode::Char('D')),
        FormOutcome::Changed,
        "every change asks for a draft save"
    );
    type_text(&mut form, "aniel");
    assert_eq!(form.text("name"), "Daniel");
    assert!(form.is_dirty());
    press(&mut form, KeyCode::Tab);
    type_text(&mut form, "first line\nsecond");
    assert_eq!(form.text("notes"), "first line\nsecond");
    assert_eq!(form.focus(), 1, "Enter in a multi-line field stays there");
    press(&mut form, KeyCode::Backspace);
    assert_eq!(form.text("notes"), "first line\nsecon");
}

#[test]
fn enter_in_a_single_line_field_moves_on() {
    let mut form = example();
    type_text(&mut form, "Rust");
    assert_eq!(press(&mut form, KeyCode::Enter), FormOutcome::Nothing);
    assert_eq!(form.focus(), 1);
    assert_eq!(form.text("name"), "Rust", "no line break was added");
    focus_on(&mut form, "due");
    press(&mut form, KeyCode::Down);
    assert_eq!(form.focus(), form.index("target").unwrap());
    press(&mut form, KeyCode::Up);
    assert_eq!(form.focus(), form.index("due").unwrap());
}

#[test]
fn a_bad_date_blocks_saving_and_says_why() {
    let mut form = example();
    type_text(&mut form, "Learn Rust");
    focus_on(&mut form, "due");
    type_text(&mut form, "someday");
    assert_eq!(form.handle_key(ctrl('s'), today()), FormOutcome::Nothing);
    assert_eq!(form.focus(), form.index("due").unwrap());
    let due = &form.fields()[form.focus()];
    let message = due.error().unwrap().message(&EN);
    assert!(
        message.contains("someday") && message.contains("tomorrow"),
        "{message}"
    );
    assert_eq!(form.date("due", today()), None);

    for _ in 0.."someday".len() {
        press(&mut form, KeyCode::Backspace);
    }
    type_text(&mut form, "+3d");
    assert!(
        form.fields()[form.focus()].error().is_none(),
        "fixed as typed"
    );
    assert_eq!(form.handle_key(ctrl('s'), today()), FormOutcome::Save);
    assert_eq!(
        form.date("due", today()),
        NaiveDate::from_ymd_opt(2026, 11, 30)
    );
}

#[test]
fn an_impossible_date_is_reported_when_leaving_the_field() {
    let mut form = example();
    focus_on(&mut form, "due");
    type_text(&mut form, "2026-02-30");
    press(&mut form, KeyCode::Tab);
    let due = &form.fields()[form.index("due").unwrap()];
    assert!(matches!(due.error(), Some(FieldError::BadDate(_))));
    assert!(
        due.error()
            .unwrap()
            .message(&EN)
            .contains("not a real calendar date")
    );
}

#[test]
fn required_fields_and_numbers_are_checked_on_save() {
    let mut form = example();
    focus_on(&mut form, "target");
    type_text(&mut form, "12,5");
    assert_eq!(form.handle_key(ctrl('s'), today()), FormOutcome::Nothing);
    assert_eq!(form.focus(), 0, "the empty required name gets the focus");
    assert_eq!(form.fields()[0].error(), Some(&FieldError::Required));
    type_text(&mut form, "Run");
    assert!(form.fields()[0].error().is_none());
    assert_eq!(form.handle_key(ctrl('s'), today()), FormOutcome::Save);
    assert_eq!(form.number("target"), Some(12.5));

    focus_on(&mut form, "target");
    type_text(&mut form, "kg");
    assert_eq!(form.handle_key(ctrl('s'), today()), FormOutcome::Nothing);
    assert!(matches!(
        form.fields()[form.focus()].error(),
        Some(FieldError::BadNumber(_))
    ));
    assert_eq!(form.number("target"), None);
}

#[test]
fn caller_errors_show_until_the_field_changes() {
    let mut form = example();
    type_text(&mut form, "Dup");
    press(&mut form, KeyCode::Tab);
    form.set_error("name", "a goal with this name exists");
    assert_eq!(form.focus(), 0);
    assert_eq!(
        form.fields()[0].error().unwrap().message(&EN),
        "a goal with this name exists"
    );
    type_text(&mut form, "e");
    assert!(form.fields()[0].error().is_none());
}

#[test]
fn esc_on_a_clean_form_cancels() {
    let mut form = example();
    press(&mut form, KeyCode::Tab);
    assert_eq!(press(&mut form, KeyCode::Esc), FormOutcome::Cancel);
}

#[test]
fn esc_on_a_changed_form_asks_first() {
    let mut form = example();
    type_text(&mut form, "Draft");
    assert_eq!(press(&mut form, KeyCode::Esc), FormOutcome::Nothing);
    assert!(form.is_confirming_discard());
    // Other keys do nothing while the question is open.
    assert_eq!(press(&mut form, KeyCode::Char('x')), FormOutcome::Nothing);
    assert_eq!(form.text("name"), "Draft");
    assert_eq!(press(&mut form, KeyCode::Char('n')), FormOutcome::Nothing);
    assert!(!form.is_confirming_discard());
    type_text(&mut form, "s");
    assert_eq!(form.text("name"), "Drafts", "still editing");
    press(&mut form, KeyCode::Esc);
    assert_eq!(press(&mut form, KeyCode::Esc), FormOutcome::Nothing);
    assert!(!form.is_confirming_discard(), "Esc keeps editing too");
    press(&mut form, KeyCode::Esc);
    assert_eq!(press(&mut form, KeyCode::Char('y')), FormOutcome::Cancel);
}

#[test]
fn ctrl_e_asks_for_the_editor_on_text_fields_only() {
    let mut form = example();
    press(&mut form, KeyCode::Tab);
    assert_eq!(
        form.handle_key(ctrl('e'), today()),
        FormOutcome::OpenEditor { field: 1 }
    );
    assert_eq!(
        form.set_field_text(1, "from the editor\n\u{1b}[31mred", today()),
        FormOutcome::Changed
    );
    assert_eq!(form.field_text(1), "from the editor\n\u{241b}[31mred");
    assert_eq!(
        form.set_field_text(0, "one\ntwo", today()),
        FormOutcome::Changed
    );
    assert_eq!(
        form.text("name"),
        "one two",
        "a one-line field stays one line"
    );
    focus_on(&mut form, "status");
    assert_eq!(form.handle_key(ctrl('e'), today()), FormOutcome::Nothing);
}

#[test]
fn choices_cycle_and_toggles_flip() {
    let mut form = example();
    assert_eq!(form.choice("status"), "active");
    focus_on(&mut form, "status");
    assert_eq!(press(&mut form, KeyCode::Char(' ')), FormOutcome::Changed);
    assert_eq!(form.choice("status"), "paused");
    press(&mut form, KeyCode::Right);
    assert_eq!(form.choice("status"), "done");
    press(&mut form, KeyCode::Right);
    assert_eq!(form.choice("status"), "active", "wraps around");
    press(&mut form, KeyCode::Left);
    assert_eq!(form.choice("status"), "done");

    focus_on(&mut form, "private");
    assert!(!form.toggle("private"));
    assert_eq!(press(&mut form, KeyCode::Char(' ')), FormOutcome::Changed);
    assert!(form.toggle("private"));
    press(&mut form, KeyCode::Char(' '));
    assert!(!form.toggle("private"));
    assert_eq!(press(&mut form, KeyCode::Char('x')), FormOutcome::Nothing);
}

#[test]
fn initial_values_do_not_make_the_form_dirty() {
    let form = Form::builder("Edit goal")
        .line("name", "Goal")
        .choice("status", "Status", statuses())
        .toggle("private", "Private")
        .value("name", "Daniel")
        .value("status", "done")
        .checked("private", true)
        .build();
    assert_eq!(form.text("name"), "Daniel");
    assert_eq!(form.choice("status"), "done");
    assert!(form.toggle("private"));
    assert!(!form.is_dirty());
    assert_eq!(form.text("nope"), "");
    assert_eq!(form.choice("nope"), "");
    assert!(!form.toggle("nope"));
}

#[test]
fn drafts_round_trip() {
    let mut form = example();
    type_text(&mut form, "Daniel");
    press(&mut form, KeyCode::Tab);
    type_text(&mut form, "line one\nline two");
    focus_on(&mut form, "due");
    type_text(&mut form, "besok");
    focus_on(&mut form, "target");
    type_text(&mut form, "12,5");
    focus_on(&mut form, "status");
    press(&mut form, KeyCode::Left);
    focus_on(&mut form, "private");
    press(&mut form, KeyCode::Char(' '));
    focus_on(&mut form, "due");
    let json = form.to_draft();

    let mut back = example();
    back.restore_draft(&json).unwrap();
    for name in ["name", "notes", "due", "target", "status", "private"] {
        assert_eq!(back.text(name), form.text(name), "field {name}");
    }
    assert_eq!(back.choice("status"), "done");
    assert!(back.toggle("private"));
    assert_eq!(back.number("target"), Some(12.5));
    assert_eq!(back.focus(), form.index("due").unwrap());
    assert!(back.is_dirty(), "restored text is unsaved text");
}

#[test]
fn drafts_ignore_unknown_fields_and_reject_garbage() {
    let mut form = example();
    let json =
        r#"{"focus": 99, "fields": {"name": "Kept", "gone": "x", "status": "nope", "private": 3}}"#;
    form.restore_draft(json).unwrap();
    assert_eq!(form.text("name"), "Kept");
    assert_eq!(form.choice("status"), "active", "unknown codes are ignored");
    assert_eq!(form.focus(), 5, "focus clamped");
    assert!(form.restore_draft("not json").is_err());
    assert!(form.restore_draft("[1, 2]").is_err());
    assert!(form.restore_draft(r#"{"focus": 1}"#).is_err());
}

#[test]
fn control_characters_are_neutralised_on_insert_and_restore() {
    let mut form = example();
    type_text(&mut form, "a\u{1b}[2Jb\u{7}\u{202e}c");
    let name = form.text("name");
    assert!(!name.chars().any(char::is_control), "{name:?}");
    assert!(name.contains('\u{241b}'), "ESC shows as ␛: {name:?}");
    assert!(
        name.contains('\u{fffd}'),
        "bidi override shows as �: {name:?}"
    );

    let json = r#"{"focus": 0, "fields": {"name": "x\u001b]0;pwned\u0007y\nz", "notes": "one\r\ntwo\u001b[1m"}}"#;
    form.restore_draft(json).unwrap();
    assert_eq!(form.text("name"), "x\u{241b}]0;pwned\u{2407}y z");
    assert_eq!(
        form.text("notes"),
        "one\ntwo\u{241b}[1m",
        "newlines kept in notes"
    );

    form.set_focus(1);
    assert_eq!(form.paste("p\u{1b}[0m\nq", today()), FormOutcome::Changed);
    assert!(!form.text("notes").contains('\u{1b}'));
}

fn ui_parts() -> (Theme, chrono::NaiveDateTime) {
    (
        Theme::new(ThemeChoice::Dark, true),
        today().and_time(NaiveTime::MIN),
    )
}

fn draw(form: &Form, width: u16, height: u16) -> Terminal<TestBackend> {
    let (theme, now) = ui_parts();
    let ui = Ui {
        lang: crate::i18n::Lang::En,
        t: &EN,
        theme: &theme,
        now,
        date_format: DateFormat::Iso,
        hide_private: false,
    };
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| form.render(f, f.area(), &ui)).unwrap();
    terminal
}

fn filled() -> Form {
    let mut form = example();
    type_text(&mut form, "Speak at a meetup 東京 🎤");
    press(&mut form, KeyCode::Tab);
    type_text(
        &mut form,
        "A long note that will need to wrap inside the field because it goes on and on\nsecond",
    );
    focus_on(&mut form, "due");
    type_text(&mut form, "jumat");
    focus_on(&mut form, "target");
    type_text(&mut form, "abc");
    press(&mut form, KeyCode::Tab);
    form
}

#[test]
fn renders_at_every_size_without_panic() {
    let mut with_panel = filled();
    with_panel.set_side_panel(vec![
        Line::from("S  specific ✓"),
        Line::from("M  measurable ✗ add a number"),
        Line::from("A  achievable ?"),
    ]);
    let empty = Form::builder("").build();
    let sizes = [
        (1, 1),
        (2, 2),
        (10, 3),
        (40, 12),
        (80, 24),
        (99, 30),
        (100, 30),
        (200, 60),
        (300, 4),
        (5, 80),
    ];
    for form in [example(), filled(), with_panel, empty] {
        for (w, h) in sizes {
            draw(&form, w, h);
        }
        for focus in 0..form.fields().len() {
            let mut f = form.clone();
            f.set_focus(focus);
            draw(&f, 40, 8);
        }
    }
}

#[test]
fn the_side_panel_goes_beside_when_wide_and_below_when_narrow() {
    let mut form = example();
    form.set_side_panel(vec![Line::from("PANEL-LINE")]);
    let find = |terminal: &Terminal<TestBackend>| {
        let buf = terminal.backend().buffer();
        (0..buf.area.height).find_map(|y| {
            let row: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            row.find("PANEL-LINE").map(|x| (x, y))
        })
    };
    let wide = draw(&form, 140, 30);
    let (x, _) = find(&wide).unwrap();
    assert!(x > 76, "beside the fields at 140 columns, found at x={x}");
    let narrow = draw(&form, 80, 30);
    let (x, y) = find(&narrow).unwrap();
    assert!(
        x < 20 && y > 12,
        "below the fields at 80 columns: ({x}, {y})"
    );
}

#[test]
fn the_focused_label_is_highlighted() {
    let form = example();
    let terminal = draw(&form, 80, 24);
    let buf = terminal.backend().buffer();
    let theme = ui_parts().0;
    let marker = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .find(|&(x, y)| buf[(x, y)].symbol() == "▸")
        .unwrap();
    assert_eq!(buf[marker].bg, theme.selected.bg.unwrap());
}

#[test]
fn snapshot_of_an_example_form() {
    let mut form = filled();
    form.set_side_panel(vec![
        Line::from("SMART check"),
        Line::from("S  specific ✓"),
        Line::from("M  measurable ✗"),
    ]);
    insta::assert_snapshot!("form_80x24", draw(&form, 80, 24).backend());
    insta::assert_snapshot!("form_120x24", draw(&form, 120, 24).backend());
    let mut asking = filled();
    asking.handle_key(key(KeyCode::Esc), today());
    insta::assert_snapshot!("form_discard_question", draw(&asking, 60, 20).backend());
}

#[test]
fn a_time_field_reads_times_as_people_write_them_and_checks_on_tab() {
    let mut form = Form::builder("Meeting")
        .time("time", "Time")
        .line("where", "Where")
        .build();
    for c in "9am".chars() {
        form.handle_key(key(KeyCode::Char(c)), today());
    }
    assert_eq!(form.time("time"), NaiveTime::from_hms_opt(9, 0, 0));
    form.handle_key(key(KeyCode::Tab), today());
    assert_eq!(form.fields()[0].error(), None);
    form.set_focus(0);
    for _ in 0..3 {
        form.handle_key(key(KeyCode::Backspace), today());
    }
    for c in "25.00".chars() {
        form.handle_key(key(KeyCode::Char(c)), today());
    }
    form.handle_key(key(KeyCode::Tab), today());
    assert_eq!(
        form.fields()[0].error(),
        Some(&FieldError::BadTime("25.00".into()))
    );
    assert!(
        form.fields()[0]
            .error()
            .unwrap()
            .message(&EN)
            .contains("is not a time")
    );
    assert_eq!(form.handle_key(ctrl('s'), today()), FormOutcome::Nothing);
}

#[test]
fn a_choice_brings_its_fields_forward_and_the_focus_stays() {
    let kinds = vec![
        ("new".to_string(), "New".to_string()),
        ("known".to_string(), "Known".to_string()),
    ];
    let mut form = Form::builder("Mentor")
        .line("name", "Name")
        .choice("kind", "Kind", kinds)
        .line("contact", "Contact")
        .line("pitch", "Pitch")
        .line("cadence", "Cadence")
        .line("review", "Review")
        .bring_forward("kind", &["known"], &["cadence", "review"])
        .build();
    let names = |f: &Form| -> Vec<String> { f.fields().iter().map(|f| f.name.clone()).collect() };
    assert_eq!(
        names(&form),
        ["name", "kind", "contact", "pitch", "cadence", "review"]
    );
    form.set_focus(1);
    assert_eq!(
        form.handle_key(key(KeyCode::Char(' ')), today()),
        FormOutcome::Changed
    );
    assert_eq!(
        names(&form),
        ["name", "kind", "cadence", "review", "contact", "pitch"]
    );
    assert_eq!(form.fields()[form.focus()].name, "kind");
    // A draft comes back in the same order.
    let draft = form.to_draft();
    let mut again = Form::builder("Mentor")
        .line("name", "Name")
        .choice(
            "kind",
            "Kind",
            vec![
                ("new".into(), "New".into()),
                ("known".into(), "Known".into()),
            ],
        )
        .line("contact", "Contact")
        .line("pitch", "Pitch")
        .line("cadence", "Cadence")
        .line("review", "Review")
        .bring_forward("kind", &["known"], &["cadence", "review"])
        .build();
    again.restore_draft(&draft).unwrap();
    assert_eq!(names(&again), names(&form));
    form.handle_key(key(KeyCode::Char(' ')), today());
    assert_eq!(
        names(&form),
        ["name", "kind", "contact", "pitch", "cadence", "review"]
    );
}
