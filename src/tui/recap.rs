//! The recap overlay (`s` on a held meeting, and after a debrief is saved): the message to
//! send the mentor ([`crate::domain::recap`], in words by `i18n::RecapText`), with its
//! actions: copy it to the clipboard (OSC 52, written by the app as an effect: the terminal
//! may not support it, which the overlay says), open it in `$EDITOR` (the journal's private
//! scratch folder, like a form field), save it to a file (atomically, mode 0600, never over
//! the journal). After a copy or a save it asks whether the meeting's thanks were sent.
//!
//! Like a view: [`update`] and [`key`] change the overlay's state and return an [`Effect`]
//! for the app to carry out; drawing reads the state only.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::action::{Action, RecapAction};
use super::effect::{Confirm, ConfirmAction, Effect};
use super::keys::{Binding, Key, bind};
use super::shell::centered;
use super::ui::Ui;
use crate::domain::recap::{NoRecap, compose};
use crate::domain::text::clean_line;
use crate::i18n::{Lang, RecapFormat, fill};
use crate::store::{Result, Store};

/// The recap on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct RecapOverlay {
    pub meeting_id: i64,
    pub mentor: String,
    /// The message (as composed, or as edited in `$EDITOR`).
    pub text: String,
    /// The meeting's thanks not marked sent yet (asked about after a copy or a save).
    pub unsent_thanks: Vec<i64>,
    /// Everything but the greeting was private.
    pub bare: bool,
    pub scroll: u16,
    /// The file name being typed after `w` (`None`: not saving).
    pub saving: Option<String>,
}

const fn r(a: RecapAction) -> Action {
    Action::Recap(a)
}

/// Keys of the recap.
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::ch('c')],
        r(RecapAction::Copy),
        "c",
        |t| t.recap.key_copy,
        true,
    ),
    bind(
        &[Key::ch('e')],
        r(RecapAction::Edit),
        "e",
        |t| t.recap.key_edit,
        true,
    ),
    bind(
        &[Key::ch('w')],
        r(RecapAction::Save),
        "w",
        |t| t.recap.key_save,
        true,
    ),
    bind(
        &[Key::ch('j'), Key::plain(KeyCode::Down)],
        Action::MoveDown,
        "j k ↓ ↑",
        |t| t.common.key_scroll,
        false,
    ),
    bind(
        &[Key::ch('k'), Key::plain(KeyCode::Up)],
        Action::MoveUp,
        "",
        |t| t.common.key_scroll,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::Esc), Key::ch('q')],
        Action::CloseOverlay,
        "Esc",
        |t| t.recap.key_close,
        true,
    ),
];

/// Keys while a file name is typed (the others go into it).
pub const SAVE_KEYS: &[Binding] = &[
    bind(
        &[Key::plain(KeyCode::Enter)],
        r(RecapAction::Save),
        "Enter",
        |t| t.recap.key_save,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        Action::CloseOverlay,
        "Esc",
        |t| t.recap.key_back,
        true,
    ),
];

impl RecapOverlay {
    /// The recap of meeting `id`, or why it has none (a message in `lang`).
    pub fn open(store: &Store, lang: Lang, id: i64) -> Result<std::result::Result<Self, String>> {
        let t = &lang.text().recap;
        let records = store.recap_records(id)?;
        Ok(match compose(records.source()) {
            Ok(recap) => Ok(RecapOverlay {
                meeting_id: id,
                mentor: recap.mentor.clone(),
                text: t.render(&recap, RecapFormat::Text),
                unsent_thanks: recap.unsent_thanks.clone(),
                bare: recap.is_bare(),
                scroll: 0,
                saving: None,
            }),
            Err(NoRecap::Private) => Err(t.no_recap_private.to_string()),
            Err(NoRecap::NotHeld) => Err(t.no_recap_not_held.to_string()),
        })
    }

    /// Its keys as it is now.
    pub fn keys(&self) -> &'static [Binding] {
        if self.saving.is_some() {
            SAVE_KEYS
        } else {
            KEYS
        }
    }

    /// True while a file name is typed.
    pub fn takes_text(&self) -> bool {
        self.saving.is_some()
    }

    /// The file name offered when saving: `recap-<date>-<mentor>.md` in the current folder.
    fn default_file(&self, day: chrono::NaiveDate) -> String {
        let slug: String = self
            .mentor
            .split_whitespace()
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        match slug.is_empty() {
            true => format!("recap-{day}.txt"),
            false => format!("recap-{day}-{slug}.txt"),
        }
    }

    /// After the recap left the app: ask whether the thanks were sent, when some are not.
    fn ask_sent(&self, lang: Lang) -> Effect {
        if self.unsent_thanks.is_empty() {
            return Effect::None;
        }
        Effect::Confirm(Confirm {
            prompt: lang.text().recap.mark_sent.to_string(),
            on_yes: ConfirmAction::MarkThanksSent {
                ids: self.unsent_thanks.clone(),
            },
        })
    }

    /// Draws the overlay over `area`.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.recap;
        let popup = centered(area, area.width.saturating_sub(4).max(1), area.height);
        f.render_widget(Clear, popup);
        let title = fill!(t.title, mentor = clean_line(&self.mentor));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ui.theme.accent)
            .title(Span::styled(format!(" {title} "), ui.theme.title));
        let inner = block.inner(popup);
        f.render_widget(block, popup);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let mut lines = vec![Line::styled(t.osc52_note, ui.theme.dim)];
        if self.bare {
            lines.push(Line::styled(t.bare, ui.theme.dim));
        }
        lines.push(Line::from(""));
        if let Some(path) = &self.saving {
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", t.save_field), ui.theme.accent),
                Span::raw(clean_line(path).into_owned()),
                Span::styled("▏", ui.theme.accent),
            ]));
            lines.push(Line::from(""));
        }
        lines.extend(
            self.text
                .lines()
                .map(|l| Line::from(clean_line(l).into_owned())),
        );
        let paragraph = Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0));
        f.render_widget(paragraph, inner);
    }
}

/// The bytes that ask the terminal to put `text` on the clipboard: OSC 52
/// (`ESC ] 52 ; c ; <base64> BEL`).
pub fn osc52(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend(base64(text.as_bytes()).into_bytes());
    out.push(0x07);
    out
}

/// Standard base64 with padding (RFC 4648), enough for OSC 52.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// What the recap's keys do. `journal` is where the journal is (a saved recap never goes
/// over it or its files), `today` names the offered file.
pub fn update(
    o: &mut RecapOverlay,
    action: &Action,
    lang: Lang,
    journal: Option<&Path>,
    today: chrono::NaiveDate,
) -> Effect {
    let t = &lang.text().recap;
    match action {
        Action::MoveDown => o.scroll = o.scroll.saturating_add(1),
        Action::MoveUp => o.scroll = o.scroll.saturating_sub(1),
        Action::CloseOverlay if o.saving.is_some() => o.saving = None,
        Action::CloseOverlay => return Effect::Close,
        Action::Recap(RecapAction::Copy) => {
            return Effect::Clipboard(o.text.clone())
                .and(Effect::say(t.copied))
                .and(o.ask_sent(lang));
        }
        Action::Recap(RecapAction::Edit) => return Effect::EditRecap,
        Action::Recap(RecapAction::Save) => match o.saving.clone() {
            None => o.saving = Some(o.default_file(today)),
            Some(name) if name.trim().is_empty() => {}
            Some(name) => {
                let path = PathBuf::from(name.trim());
                return match save(&path, &o.text, journal, lang) {
                    Ok(()) => {
                        o.saving = None;
                        Effect::say(fill!(
                            t.saved,
                            path = clean_line(&path.display().to_string())
                        ))
                        .and(o.ask_sent(lang))
                    }
                    Err(message) => Effect::Message(message),
                };
            }
        },
        Action::Input(key) => typed(o, *key),
        Action::Paste(text) => {
            if let Some(name) = &mut o.saving {
                name.push_str(&clean_line(text));
            }
        }
        _ => {}
    }
    Effect::None
}

/// A key typed into the file name.
fn typed(o: &mut RecapOverlay, key: KeyEvent) {
    let Some(name) = &mut o.saving else {
        return;
    };
    match key.code {
        KeyCode::Backspace => {
            name.pop();
        }
        KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => name.clear(),
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => name.push(c),
        _ => {}
    }
}

/// Writes the recap to `path` atomically (mode 0600), refusing the journal and its files.
fn save(
    path: &Path,
    text: &str,
    journal: Option<&Path>,
    lang: Lang,
) -> std::result::Result<(), String> {
    crate::transfer::check_output(path, journal).map_err(|e| e.message_in(lang))?;
    crate::transfer::write_atomic(path, text.as_bytes()).map_err(|e| {
        fill!(
            lang.text().transfer.cannot_write,
            path = clean_line(&path.display().to_string()),
            error = e
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
    }

    #[test]
    fn osc52_wraps_the_text() {
        assert_eq!(osc52("hi"), b"\x1b]52;c;aGk=\x07".to_vec());
    }
}
