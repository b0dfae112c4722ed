//! Search (`/` from any view): results appear as the user types, grouped by record kind with
//! the matching words highlighted; `Enter` opens the record in its view.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::keys::{Action, Binding, Key, bind};
use super::shell::centered;
use super::ui::{Ui, fit, window_start};
use super::views::{Cursor, View};
use crate::assets::reflection_templates::Templates;
use crate::domain::RecordKind;
use crate::domain::text::clean_line;
use crate::i18n::Lang;
use crate::store::search::{MATCH_END, MATCH_START, SearchHit};
use crate::store::{self, Store};

/// How many hits are fetched for one query.
pub const HIT_LIMIT: usize = 50;

/// Keys of the search overlay (typed characters go into the query).
pub const KEYS: &[Binding] = &[
    bind(
        &[Key::plain(KeyCode::Enter)],
        Action::Open,
        "Enter",
        |t| t.common.key_open,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::Down), Key::ctrl('n')],
        Action::MoveDown,
        "↓ ↑",
        |t| t.common.key_move,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::Up), Key::ctrl('p')],
        Action::MoveUp,
        "",
        |t| t.common.key_move,
        false,
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        Action::CloseOverlay,
        "Esc",
        |t| t.common.key_close,
        true,
    ),
    bind(
        &[Key::plain(KeyCode::F(1))],
        Action::ToggleHelp,
        "",
        |t| t.common.key_help,
        false,
    ),
    bind(
        &[Key::ctrl('c')],
        Action::Quit,
        "",
        |t| t.common.key_quit,
        false,
    ),
];

/// The open search: the query, its hits and the selected hit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<SearchHit>,
    pub cursor: Cursor,
    /// The last query failed (shown instead of results; never happens for typed text).
    pub error: Option<String>,
    /// Reflection templates' names as the reader knows them, by the code a reflection keeps
    /// (the index holds the code; a hit shows the name).
    pub template_titles: Vec<(String, String)>,
}

/// What a key did in the search overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchOutcome {
    Nothing,
    Close,
    /// Open this hit.
    Open(usize),
}

impl SearchState {
    /// An empty search that names reflections' templates as `templates` do in `lang`.
    pub fn with_templates(templates: &Templates, lang: Lang) -> Self {
        SearchState {
            template_titles: templates
                .list
                .iter()
                .map(|t| (t.name.clone(), t.title(lang).to_string()))
                .collect(),
            ..SearchState::default()
        }
    }

    /// Handles a key; re-runs the query when the text changed.
    pub fn handle_key(&mut self, key: KeyEvent, store: &Store) -> SearchOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return SearchOutcome::Close,
            KeyCode::Enter if !self.hits.is_empty() => return SearchOutcome::Open(self.cursor.pos),
            KeyCode::Down => self.cursor.step(1, self.hits.len()),
            KeyCode::Up => self.cursor.step(-1, self.hits.len()),
            KeyCode::Char('n') if ctrl => self.cursor.step(1, self.hits.len()),
            KeyCode::Char('p') if ctrl => self.cursor.step(-1, self.hits.len()),
            KeyCode::Char('u') if ctrl => {
                self.query.clear();
                self.run(store);
            }
            KeyCode::Backspace => {
                self.query.pop();
                self.run(store);
            }
            KeyCode::Char(c) if !ctrl && !c.is_control() && self.query.chars().count() < 200 => {
                self.query.push(c);
                self.run(store);
            }
            _ => {}
        }
        SearchOutcome::Nothing
    }

    /// Adds pasted text to the query (control characters dropped).
    pub fn paste(&mut self, text: &str, store: &Store) {
        self.query
            .extend(text.chars().filter(|c| !c.is_control()).take(200));
        self.run(store);
    }

    fn run(&mut self, store: &Store) {
        match store.search(&self.query, HIT_LIMIT) {
            Ok(mut hits) => {
                // Group by kind, keeping the rank order inside each group.
                let order: Vec<RecordKind> = hits.iter().fold(Vec::new(), |mut kinds, h| {
                    if !kinds.contains(&h.kind) {
                        kinds.push(h.kind);
                    }
                    kinds
                });
                hits.sort_by_key(|h| order.iter().position(|k| *k == h.kind));
                for hit in hits.iter_mut().filter(|h| h.kind == RecordKind::Reflection) {
                    self.name_template(hit);
                }
                self.hits = hits;
                self.error = None;
            }
            Err(err) => {
                self.hits.clear();
                self.error = Some(err.to_string());
            }
        }
        self.cursor = Cursor::default();
    }

    /// Draws the overlay.
    pub fn render(&self, f: &mut Frame, area: Rect, ui: &Ui) {
        let t = &ui.t.common;
        let popup = centered(area, area.width.saturating_sub(4).max(1), area.height);
        f.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ui.theme.accent)
            .title(Span::styled(
                format!(" {} ", t.search_title),
                ui.theme.title,
            ));
        let inner = block.inner(popup);
        f.render_widget(block, popup);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let mut lines = vec![Line::from(vec![
            Span::styled("/ ", ui.theme.accent),
            Span::raw(clean_line(&self.query).into_owned()),
            Span::styled("▏", ui.theme.accent),
        ])];
        if let Some(err) = &self.error {
            lines.push(Line::styled(err.clone(), ui.theme.danger));
        } else if self.query.trim().is_empty() {
            lines.push(Line::styled(t.search_hint, ui.theme.dim));
        } else if self.hits.is_empty() {
            lines.push(Line::styled(t.search_none, ui.theme.dim));
        }
        let width = inner.width as usize;
        let room = (inner.height as usize).saturating_sub(lines.len());
        let mut body: Vec<(Option<usize>, Line)> = Vec::new();
        let mut last_kind = None;
        for (i, hit) in self.hits.iter().enumerate() {
            if Some(hit.kind) != last_kind {
                body.push((
                    None,
                    Line::styled(kind_label(hit.kind, ui), ui.theme.header),
                ));
                last_kind = Some(hit.kind);
            }
            body.push((Some(i), snippet_line(hit, i == self.cursor.pos, width, ui)));
        }
        let selected_row = body
            .iter()
            .position(|(i, _)| *i == Some(self.cursor.pos))
            .unwrap_or(0);
        let start = window_start(selected_row, room);
        lines.extend(body.into_iter().skip(start).take(room).map(|(_, l)| l));
        f.render_widget(Paragraph::new(lines), inner);
    }
}

impl SearchState {
    /// A reflection's entry is titled by its template's code ("gtd-weekly"): the hit shows
    /// the template's name instead (a code matched by the query loses its highlight).
    fn name_template(&self, hit: &mut SearchHit) {
        let (title, body) = match hit.snippet.split_once(" — ") {
            Some((title, body)) => (title, Some(body)),
            None => (hit.snippet.as_str(), None),
        };
        let code: String = title
            .chars()
            .filter(|c| *c != MATCH_START && *c != MATCH_END)
            .collect();
        if let Some((_, name)) = self.template_titles.iter().find(|(c, _)| *c == code) {
            hit.snippet = match body {
                Some(body) => format!("{name} — {body}"),
                None => name.clone(),
            };
        }
    }
}

/// The heading of a group of hits: the name of the view that shows them (questions, which
/// no list shows, have their own).
fn kind_label(kind: RecordKind, ui: &Ui) -> &'static str {
    match kind {
        RecordKind::Question => ui.t.common.search_questions,
        _ => ui.t.labels.views[View::of_kind(kind).index()],
    }
}

/// One hit: its snippet with the matched words highlighted, safe to draw.
fn snippet_line(hit: &SearchHit, selected: bool, width: usize, ui: &Ui) -> Line<'static> {
    let marker = if selected { "▸ " } else { "  " };
    let base = if selected {
        ui.theme.selected
    } else {
        ui.theme.base
    };
    if hit.private && ui.hide_private {
        return Line::from(vec![Span::styled(
            format!("{marker}{}", ui.t.common.hidden_text),
            base,
        )]);
    }
    let text = fit(&clean_line(&hit.snippet), width.saturating_sub(2));
    let mut spans = vec![Span::styled(marker.to_string(), base)];
    let mut highlighted = false;
    for (i, part) in text.split([MATCH_START, MATCH_END]).enumerate() {
        // Parts alternate: outside a match, inside, outside… (split on either marker).
        let _ = i;
        if !part.is_empty() {
            let style = if highlighted {
                base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                    .patch(ui.theme.warn)
            } else {
                base
            };
            spans.push(Span::styled(part.to_string(), style));
        }
        highlighted = !highlighted;
    }
    Line::from(spans)
}

/// The view and record a hit opens.
pub fn target(store: &Store, hit: &SearchHit) -> store::Result<(View, i64)> {
    let (kind, id) = store.locate(hit.kind, hit.id)?;
    Ok((View::of_kind(kind), id))
}
