//! Every screen whole at 80×24 (issue 13): in both languages, every view, every record's whole
//! detail and every form of the demo journal. Tabs are words, form labels are whole, a text
//! cut short ends in "…", and each record's detail can be read to its end by scrolling (`Enter`
//! or `v` opens it, `j`/`PgDn`/the mouse wheel scroll it, `Esc` goes back to the same record).

mod common;

use common::*;
use mentee::i18n::Lang;
use mentee::tui::App;
use mentee::tui::keys::Action;
use mentee::tui::ui::Ui;
use mentee::tui::views::View;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers, MouseEvent, MouseEventKind};

const W: u16 = 80;
const H: u16 = 24;

/// The screen's rows.
fn rows(app: &mut App) -> Vec<String> {
    draw(app, W, H)
        .lines()
        .map(|l| l.trim_matches('"').to_string())
        .collect()
}

/// Whitespace runs made one space.
fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every text of the demo journal with a few words in it (titles, notes, feedback…).
fn demo_texts() -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) if s.split_whitespace().count() >= 3 => {
                out.extend(s.lines().map(str::to_string))
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(m) => m.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = Vec::new();
    walk(&json, &mut out);
    out
}

/// A demo text shown cut in the middle of a word without "…" (e.g. "tanpa tang").
fn unmarked_cut(screen: &[String], texts: &[String]) -> Option<String> {
    for row in screen {
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            // The longest start of the text on this row (at least 12 characters).
            for len in (12..=chars.len()).rev() {
                let start: String = chars[..len].iter().collect();
                let Some(at) = row.find(&start) else {
                    continue;
                };
                if len == chars.len() {
                    break; // whole
                }
                let next = row[at + start.len()..].chars().next();
                let mid_word = chars[len - 1].is_alphanumeric() && chars[len].is_alphanumeric();
                if mid_word && next != Some('…') {
                    return Some(format!("{start:?} in {row:?}"));
                }
                break;
            }
        }
    }
    None
}

fn ui(app: &App) -> Ui<'_> {
    Ui {
        lang: app.lang,
        t: app.text(),
        theme: &app.theme,
        now: now(),
        date_format: app.config.date_format,
        hide_private: false,
    }
}

/// The selected record's whole detail, as plain text lines.
fn detail_text(app: &App, view: View) -> Option<(String, Vec<String>)> {
    let ui = ui(app);
    let (title, lines) = app.views.screen(view).detail(&ui)?;
    let lines = lines
        .iter()
        .map(|l| {
            norm(
                &l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>(),
            )
        })
        .filter(|l| !l.is_empty())
        .collect();
    Some((title, lines))
}

/// Inside the detail's border: rows 3..H-2, columns 1..W-1.
fn inner(screen: &[String]) -> Vec<String> {
    screen[3..screen.len() - 2]
        .iter()
        .map(|r| {
            let chars: Vec<char> = r.chars().collect();
            chars[1..chars.len().saturating_sub(1)].iter().collect()
        })
        .collect()
}

/// Opens the selected record's whole detail and reads it to the end by scrolling one line
/// at a time (the mouse wheel every other step); returns the text read.
fn read_whole_detail(app: &mut App) -> String {
    press(app, KeyCode::Char('v'));
    let mut read = Vec::new();
    let mut last = None;
    for step in 0..400 {
        let screen = inner(&rows(app));
        if last.as_ref() == Some(&screen) {
            read.extend(screen.into_iter().skip(1));
            break;
        }
        read.push(screen[0].clone());
        last = Some(screen);
        if step % 2 == 0 {
            press(app, KeyCode::Char('j'));
        } else {
            app.handle_event(&Event::Mouse(MouseEvent {
                kind: MouseEventKind::ScrollDown,
                column: 10,
                row: 10,
                modifiers: KeyModifiers::NONE,
            }));
        }
    }
    norm(&read.join(" "))
}

const LIST_VIEWS: [View; 7] = [
    View::Goals,
    View::Meetings,
    View::Feedback,
    View::Commitments,
    View::Gratitude,
    View::Reflections,
    View::Mentors,
];

#[test]
fn tabs_are_words_and_every_cut_is_marked_at_80_columns() {
    let texts = demo_texts();
    for lang in [Lang::En, Lang::Id] {
        let mut app = demo_app(lang);
        for view in View::ALL {
            app.update(Action::ShowView(*view));
            let screen = rows(&mut app);
            if let Some(cut) = unmarked_cut(&screen, &texts) {
                panic!("{lang:?} {view:?}: cut without …: {cut}");
            }
            let t = app.text();
            assert!(!screen[0].contains('…'), "{lang:?} {view:?}: {}", screen[0]);
            for v in View::ALL {
                let name = if v == view {
                    t.labels.views[v.index()]
                } else {
                    t.labels.views_short[v.index()]
                };
                assert!(
                    screen[0].contains(&format!("{} {name}", v.index() + 1)),
                    "{lang:?} {view:?}: {name} in {}",
                    screen[0]
                );
            }
        }
    }
}

#[test]
fn every_record_detail_is_readable_to_its_end_and_esc_keeps_the_selection() {
    let texts = demo_texts();
    for lang in [Lang::En, Lang::Id] {
        let mut app = demo_app(lang);
        for view in LIST_VIEWS {
            app.update(Action::ShowView(view));
            app.update(Action::Top);
            let mut seen = Vec::new();
            loop {
                let screen = rows(&mut app);
                if let Some(cut) = unmarked_cut(&screen, &texts) {
                    panic!("{lang:?} {view:?}: cut without …: {cut}");
                }
                let Some((title, lines)) = detail_text(&app, view) else {
                    break;
                };
                if seen.contains(&(title.clone(), lines.clone())) {
                    break; // the last row
                }
                let read = read_whole_detail(&mut app);
                for line in &lines {
                    assert!(
                        read.contains(line.as_str()),
                        "{lang:?} {view:?} “{title}”: {line:?} never shown; read {read:?}"
                    );
                }
                press(&mut app, KeyCode::Esc);
                assert!(app.overlays.is_empty(), "Esc closes the detail");
                assert_eq!(
                    detail_text(&app, view),
                    Some((title.clone(), lines.clone())),
                    "{lang:?} {view:?}: the same record is selected after Esc"
                );
                seen.push((title, lines));
                press(&mut app, KeyCode::Char('j'));
            }
            assert!(!seen.is_empty(), "{lang:?} {view:?}: the demo has records");
        }
    }
}

#[test]
fn enter_opens_the_whole_detail_where_a_list_has_no_other_use_for_it() {
    let mut app = demo_app(Lang::En);
    for view in [
        View::Goals,
        View::Feedback,
        View::Commitments,
        View::Gratitude,
        View::Reflections,
        View::Mentors,
    ] {
        app.update(Action::ShowView(view));
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.overlays.len(), 1, "{view:?}: Enter opens the detail");
        press(&mut app, KeyCode::PageDown);
        press(&mut app, KeyCode::Esc);
        assert!(app.overlays.is_empty());
    }
    // Meetings: Enter on a planned meeting builds its agenda, on a held one shows it whole.
    app.update(Action::ShowView(View::Meetings));
    app.update(Action::Top);
    press(&mut app, KeyCode::Enter);
    assert!(
        app.overlays.is_empty(),
        "the agenda builder is a screen, not an overlay"
    );
    press(&mut app, KeyCode::Esc);
    app.update(Action::ShowView(View::Meetings));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlays.len(), 1, "a held meeting's record");
}

/// The keys that open the forms of `view` (on the selected record for `e`, `p`).
fn form_keys(view: View) -> &'static [char] {
    match view {
        View::Goals => &['n', 'e', 'p'],
        View::Reflections => &['n', 'e'],
        _ => &['n', 'e'],
    }
}

#[test]
fn every_form_label_is_whole_and_no_popup_doubles_a_border() {
    for lang in [Lang::En, Lang::Id] {
        let mut app = demo_app(lang);
        for view in LIST_VIEWS {
            for key in form_keys(view) {
                app.update(Action::ShowView(view));
                app.update(Action::Top);
                press(&mut app, KeyCode::Char(*key));
                let Some(open) = app.form() else {
                    continue;
                };
                let count = open.form.fields().len();
                for _ in 0..count {
                    let screen = rows(&mut app);
                    let all = screen.join("\n");
                    for bad in ["┌┌", "└└", "┐┐", "┘┘"] {
                        assert!(!all.contains(bad), "{lang:?} {view:?} {key}: {bad}\n{all}");
                    }
                    let form = &app.form().unwrap().form;
                    let label = &form.fields()[form.focus()].label;
                    assert!(
                        all.contains(label.as_str()),
                        "{lang:?} {view:?} {key}: label {label:?} not whole\n{all}"
                    );
                    press(&mut app, KeyCode::Tab);
                }
                // Leave without saving (confirming when the form asks).
                press(&mut app, KeyCode::Esc);
                if app.form().is_some() {
                    press(&mut app, KeyCode::Char('y'));
                }
                while !app.overlays.is_empty() {
                    press(&mut app, KeyCode::Esc);
                }
            }
        }
    }
}

#[test]
fn the_smart_check_shows_all_five_letters_at_80x24() {
    for lang in [Lang::En, Lang::Id] {
        let mut app = demo_app(lang);
        app.update(Action::ShowView(View::Goals));
        press(&mut app, KeyCode::Char('n'));
        let screen = rows(&mut app).join("\n");
        for letter in ["S", "M", "A", "R", "T"] {
            assert!(
                screen.contains(&format!("✗ {letter} ")),
                "{lang:?}: {letter}\n{screen}"
            );
        }
    }
}
