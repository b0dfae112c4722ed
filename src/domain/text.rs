//! Making user text safe to draw: no escape sequence, control character, bidi override or
//! invisible character from a note ever reaches the terminal raw. Each is shown as a visible
//! placeholder instead, so the user can see that something odd is in their text.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The placeholder for invisible or direction-changing characters.
pub const INVISIBLE: char = '\u{FFFD}';

/// How many combining marks may follow one base character before the rest are shown as
/// placeholders ("zalgo" text would otherwise smear over neighbouring cells).
const MAX_COMBINING: usize = 2;

/// Neutralises `text` for a single screen line: newlines and tabs become spaces.
pub fn clean_line(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

/// Neutralises `text` keeping its line breaks (tabs become spaces, CR is dropped).
pub fn clean_multiline(text: &str) -> Cow<'_, str> {
    clean(text, true)
}

fn clean(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    // Printable ASCII (most text, on every frame) is plain without a look at each character.
    if text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) || (b == b'\n' && keep_newlines))
    {
        return Cow::Borrowed(text);
    }
    if text
        .chars()
        .all(|c| is_plain(c) && (c != '\n' || keep_newlines))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut combining_run = 0usize;
    let mut after_base = false;
    for c in text.chars() {
        if is_combining(c) {
            combining_run += 1;
            if after_base && combining_run <= MAX_COMBINING {
                out.push(c);
            } else {
                out.push(INVISIBLE);
            }
            continue;
        }
        combining_run = 0;
        after_base = true;
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            '\r' => {}
            // C0 controls as the Unicode "control pictures" (ESC shows as ␛).
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or(INVISIBLE)),
            '\u{7f}' => out.push('\u{2421}'),
            _ if is_plain(c) => out.push(c),
            _ => {
                out.push(INVISIBLE);
                after_base = false;
            }
        }
    }
    Cow::Owned(out)
}

/// True for a character that is safe to draw as it is.
fn is_plain(c: char) -> bool {
    !(c.is_control() || is_format(c) || is_combining(c))
}

/// Bidi controls, zero-width characters and other invisible formatting characters.
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00ad}'                 // soft hyphen
        | '\u{061c}'               // Arabic letter mark
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'  // zero-width space/joiners, LRM, RLM
        | '\u{2028}'..='\u{202e}'  // line/para separators, bidi embeddings and overrides
        | '\u{2060}'..='\u{206f}'  // word joiner, bidi isolates, invisible operators
        | '\u{feff}'               // BOM / zero-width no-break space
        | '\u{fff9}'..='\u{fffb}'  // interlinear annotation
        | '\u{e0000}'..='\u{e007f}' // tags
    )
}

/// Combining marks (the common blocks); allowed after a base letter, in moderation.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}'
    )
}

/// Cuts `text` to at most `width` terminal cells, ending with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Cuts `text` to at most `width` terminal cells by taking out its middle (`/home/…/journal.db`),
/// for a path whose start and end both matter.
pub fn fit_middle(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width < 3 {
        return fit(text, width);
    }
    let chars: Vec<char> = text.chars().collect();
    let keep = width - 1;
    let (head_room, tail_room) = (keep - keep / 2, keep / 2);
    let mut head = String::new();
    let mut used = 0;
    for c in &chars {
        let w = c.width().unwrap_or(0);
        if used + w > head_room {
            break;
        }
        used += w;
        head.push(*c);
    }
    let mut tail = Vec::new();
    let mut used = 0;
    for c in chars.iter().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > tail_room {
            break;
        }
        used += w;
        tail.push(*c);
    }
    tail.reverse();
    format!("{head}…{}", tail.into_iter().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_untouched() {
        assert!(matches!(
            clean_line("Belajar Rust, café ☕ 東京"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn printable_ascii_and_kept_newlines_are_borrowed_untouched() {
        let every: String = (' '..='~').collect();
        assert!(matches!(clean_line(&every), Cow::Borrowed(t) if t == every));
        let lines = format!("{every}\n{every}\n");
        assert!(matches!(clean_multiline(&lines), Cow::Borrowed(t) if t == lines));
        // Not kept on one line, nor any other control character.
        assert_eq!(clean_line("a\nb"), "a b");
        assert_eq!(clean_multiline("a\u{1b}b\u{7f}"), "a\u{241b}b\u{2421}");
    }

    #[test]
    fn escape_sequences_are_neutralised() {
        let evil = "a\u{1b}[2Jb\u{1b}]0;title\u{7}c\u{9b}31md";
        let out = clean_line(evil);
        assert!(!out.chars().any(|c| c.is_control()), "{out:?}");
        assert!(
            out.contains('\u{241b}'),
            "ESC shown as a visible placeholder: {out:?}"
        );
    }

    #[test]
    fn bidi_and_zero_width_become_visible() {
        let out = clean_line("abc\u{202e}def\u{200b}g\u{2066}h");
        assert_eq!(out, "abc\u{fffd}def\u{fffd}g\u{fffd}h");
    }

    #[test]
    fn combining_marks_allowed_after_a_letter_but_not_stacked() {
        assert_eq!(clean_line("cafe\u{301}"), "cafe\u{301}");
        let zalgo = "a\u{300}\u{301}\u{302}\u{303}";
        assert_eq!(clean_line(zalgo), "a\u{300}\u{301}\u{fffd}\u{fffd}");
        assert_eq!(clean_line("\u{301}x"), "\u{fffd}x");
    }

    #[test]
    fn newlines_and_tabs() {
        assert_eq!(clean_line("a\nb\tc\r\n"), "a b c ");
        assert_eq!(clean_multiline("a\r\nb\tc"), "a\nb c");
    }
}
