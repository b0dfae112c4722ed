//! Colours and emphasis, in one place. `NO_COLOR` keeps only bold/underline/reverse.

use ratatui::style::{Color, Modifier, Style};

use crate::config::Theme as ThemeChoice;

/// The styles the views use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub selected: Style,
    pub header: Style,
    pub warn: Style,
    pub danger: Style,
    pub good: Style,
    pub accent: Style,
    pub status_bar: Style,
    pub gauge: Style,
}

impl Theme {
    /// The theme for a background, or a monochrome one when colour is off.
    pub fn new(choice: ThemeChoice, colour: bool) -> Theme {
        if !colour {
            let plain = Style::default();
            return Theme {
                base: plain,
                dim: plain,
                title: plain.add_modifier(Modifier::BOLD),
                tab: plain,
                tab_active: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                selected: plain.add_modifier(Modifier::REVERSED),
                header: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                warn: plain.add_modifier(Modifier::BOLD),
                danger: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                good: plain,
                accent: plain.add_modifier(Modifier::BOLD),
                status_bar: plain.add_modifier(Modifier::REVERSED),
                gauge: plain.add_modifier(Modifier::BOLD),
            };
        }
        let (fg, dim, sel_bg, bar_bg) = match choice {
            ThemeChoice::Dark => (
                Color::Gray,
                Color::DarkGray,
                Color::Rgb(40, 60, 90),
                Color::Rgb(30, 30, 40),
            ),
            ThemeChoice::Light => (
                Color::Black,
                Color::Gray,
                Color::Rgb(200, 220, 245),
                Color::Rgb(225, 225, 232),
            ),
        };
        let accent = match choice {
            ThemeChoice::Dark => Color::Cyan,
            ThemeChoice::Light => Color::Blue,
        };
        Theme {
            base: Style::default().fg(fg),
            dim: Style::default().fg(dim),
            title: Style::default().fg(accent).add_modifier(Modifier::BOLD),
            tab: Style::default().fg(fg),
            tab_active: Style::default()
                .fg(Color::Black)
                .bg(accent)
                .add_modifier(Modifier::BOLD),
            selected: Style::default().bg(sel_bg).add_modifier(Modifier::BOLD),
            header: Style::default().fg(accent).add_modifier(Modifier::BOLD),
            warn: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            danger: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            good: Style::default().fg(Color::Green),
            accent: Style::default().fg(accent),
            status_bar: Style::default().fg(fg).bg(bar_bg),
            gauge: Style::default().fg(Color::Green),
        }
    }
}
