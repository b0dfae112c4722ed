//! Drawing the whole screen from the app's state (never querying the store).

use super::{App, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::overlay::{Overlay, Under};
use crate::tui::shell;
use crate::tui::ui::Ui;
use crate::tui::view::View;

impl App {
    /// Draws the whole screen from state.
    pub fn render(&mut self, f: &mut Frame) {
        let area = f.area();
        self.area = area;
        let ui = Ui {
            lang: self.lang,
            t: self.text(),
            theme: &self.theme,
            now: self.clock.now(),
            date_format: self.config.date_format,
            hide_private: self.hide_private,
        };
        if area.width < shell::MIN_WIDTH || area.height < shell::MIN_HEIGHT {
            shell::draw_too_small(f, area, &ui);
            return;
        }
        let active = match self.screen {
            Screen::View(v) => Some(v),
            Screen::Welcome => None,
        };
        shell::draw_tabs(f, area, active, &ui);
        let body = Rect {
            y: area.y + 2,
            height: area.height - 3,
            ..area
        };
        match self.screen {
            Screen::Welcome => shell::draw_welcome(f, body, &ui, self.store.path()),
            Screen::View(view) => self.render_view(f, body, view, &ui),
        }
        let mut badges = Vec::new();
        if self.demo {
            badges.push(ui.t.common.demo_badge.to_string());
        }
        if self.hide_private {
            badges.push(ui.t.common.private_hidden_badge.to_string());
        }
        let status = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        shell::draw_status(
            f,
            status,
            &self.tables(),
            &badges,
            self.message.as_deref(),
            &ui,
        );
        // The whole detail is asked of the view only when it is open.
        let detail = self
            .overlays
            .iter()
            .find_map(|o| match o {
                Overlay::Detail(d) => Some(d.view),
                _ => None,
            })
            .and_then(|view| self.views.screen(view).detail(&ui));
        let under = Under {
            view: active,
            keys: active.map(|v| self.view_keys(v)),
            detail: detail.as_ref(),
        };
        for overlay in &self.overlays {
            overlay.render(f, body, &ui, &under);
        }
    }

    pub(super) fn render_view(&self, f: &mut Frame, area: Rect, view: View, ui: &Ui) {
        self.views.screen(view).render(f, area, ui);
    }
}
