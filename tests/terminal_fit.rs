//! The app in terminals that are not the developer's (issue 20 item 5): the high-contrast
//! theme draws with the 16 ANSI colours only, `NO_COLOR` draws none, and `mouse = false`
//! leaves the mouse to the terminal while every view is still reached by keys.

mod common;

use common::pty::{Session, find};

/// Every colour parameter of the SGR sequences (`ESC [ … m`) in `raw`: ("38;5", n),
/// ("48;2", r) … as (kind, first value).
fn colours(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut found = Vec::new();
    for chunk in text.split("\x1b[").skip(1) {
        let Some(end) = chunk.find(|c: char| !(c.is_ascii_digit() || c == ';')) else {
            continue;
        };
        if !chunk[end..].starts_with('m') {
            continue;
        }
        let params: Vec<&str> = chunk[..end].split(';').collect();
        let mut i = 0;
        while i < params.len() {
            match params[i] {
                "38" | "48" if params.get(i + 1) == Some(&"5") => {
                    found.push(format!(
                        "{};5;{}",
                        params[i],
                        params.get(i + 2).unwrap_or(&"")
                    ));
                    i += 3;
                }
                "38" | "48" if params.get(i + 1) == Some(&"2") => {
                    found.push(format!("{};2", params[i]));
                    i += 5;
                }
                p if matches!(p.parse::<u8>(), Ok(30..=37 | 40..=47 | 90..=97 | 100..=107)) => {
                    found.push(p.to_string());
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }
    found
}

/// Opens the demo with `config` (and `env`), goes through every view and the help, quits.
fn tour(config: &str, env: &[(&str, &str)]) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, config).unwrap();
    let mut all = vec![("MENTEE_CONFIG", file.to_str().unwrap())];
    all.extend_from_slice(env);
    let mut s = Session::start_with(&["--demo"], 30, 100, &all);
    s.wait_for("Next meeting");
    for (key, title) in [
        ("2", "Set clear goals"),
        ("3", "Prepare for meetings"),
        ("4", "Be receptive to feedback"),
        ("5", "Keep commitments"),
        ("6", "Express gratitude"),
        ("7", "Reflect regularly"),
        ("8", "Find the right mentor"),
        ("1", "Be proactive"),
    ] {
        s.send(key.as_bytes());
        s.wait_for(title);
    }
    s.send(b"?");
    s.wait_for("This view");
    s.send(b"\x1b");
    s.wait_for("Next meeting");
    s.send(b"q");
    assert!(s.wait_exit().success());
    s
}

#[test]
fn the_high_contrast_theme_draws_with_the_16_ansi_colours_only() {
    let s = tour("theme = \"high-contrast\"\n", &[]);
    let used = colours(&s.raw);
    assert!(!used.is_empty(), "the warnings are coloured badges");
    for colour in &used {
        let sixteen = match colour.split(';').collect::<Vec<_>>()[..] {
            [_, "5", n] => n.parse::<u8>().is_ok_and(|n| n < 16),
            [_, "2"] => false,
            [_] => true,
            _ => false,
        };
        assert!(
            sixteen,
            "{colour} is not one of the 16 ANSI colours: {used:?}"
        );
    }
    // The check has teeth: the dark theme paints its selection in 24-bit colour.
    let dark = tour("theme = \"dark\"\n", &[]);
    assert!(colours(&dark.raw).iter().any(|c| c.ends_with(";2")));
}

#[test]
fn no_color_draws_no_colour_in_any_theme() {
    for theme in ["dark", "light", "high-contrast"] {
        let s = tour(&format!("theme = \"{theme}\"\n"), &[("NO_COLOR", "1")]);
        assert_eq!(colours(&s.raw), Vec::<String>::new(), "{theme}");
    }
}

#[test]
fn mouse_false_leaves_the_mouse_to_the_terminal() {
    // By default the app asks for mouse reports (click a tab, scroll a list)…
    let s = tour("", &[]);
    assert!(find(&s.raw, b"\x1b[?1000h").is_some());
    assert!(find(&s.raw, b"\x1b[?1006h").is_some());
    // …with `mouse = false` it never does, and the keys still reach every view (the tour).
    let s = tour("mouse = false\n", &[]);
    assert_eq!(find(&s.raw, b"\x1b[?1000h"), None);
    assert_eq!(find(&s.raw, b"\x1b[?1006h"), None);
    // Bracketed paste stays on: a pasted text is one insertion, not keystrokes.
    assert!(find(&s.raw, b"\x1b[?2004h").is_some());
}
