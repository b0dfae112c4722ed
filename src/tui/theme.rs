//! Colours and emphasis, in one place. `NO_COLOR` keeps only bold/underline/reverse. The
//! high-contrast theme uses the terminal's own colours for text, bold and reverse for
//! emphasis, and only the 16 ANSI colours (as black-on-colour badges) for warnings: it reads
//! the same on a dark or a light background and on a 16-colour terminal.

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
            ThemeChoice::HighContrast => return Theme::high_contrast(),
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
            ThemeChoice::Light => Color::Blue,
            _ => Color::Cyan,
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

    /// High contrast: the terminal's foreground and background for all text (no grey),
    /// bold, underline and reverse for emphasis, and black or white on one of the 16 ANSI
    /// colours for the three badges that carry meaning (warning, danger, good).
    fn high_contrast() -> Theme {
        let plain = Style::default();
        let badge =
            |fg: Color, bg: Color| Style::default().fg(fg).bg(bg).add_modifier(Modifier::BOLD);
        Theme {
            base: plain,
            dim: plain,
            title: plain.add_modifier(Modifier::BOLD),
            tab: plain,
            tab_active: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            header: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            warn: badge(Color::Black, Color::Yellow),
            danger: badge(Color::White, Color::Red),
            good: badge(Color::Black, Color::Green),
            accent: plain.add_modifier(Modifier::BOLD),
            status_bar: plain.add_modifier(Modifier::REVERSED),
            gauge: plain.add_modifier(Modifier::BOLD),
        }
    }

    /// Every style, for checks over the whole theme.
    pub fn styles(&self) -> [(&'static str, Style); 13] {
        [
            ("base", self.base),
            ("dim", self.dim),
            ("title", self.title),
            ("tab", self.tab),
            ("tab_active", self.tab_active),
            ("selected", self.selected),
            ("header", self.header),
            ("warn", self.warn),
            ("danger", self.danger),
            ("good", self.good),
            ("accent", self.accent),
            ("status_bar", self.status_bar),
            ("gauge", self.gauge),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The xterm default palette for the 16 ANSI colours (what "16 colours" looks like when
    /// a terminal keeps its defaults), as sRGB.
    fn rgb(c: Color) -> Option<(u8, u8, u8)> {
        Some(match c {
            Color::Black => (0, 0, 0),
            Color::Red => (205, 0, 0),
            Color::Green => (0, 205, 0),
            Color::Yellow => (205, 205, 0),
            Color::Blue => (0, 0, 238),
            Color::Magenta => (205, 0, 205),
            Color::Cyan => (0, 205, 205),
            Color::Gray => (229, 229, 229),
            Color::DarkGray => (127, 127, 127),
            Color::LightRed => (255, 0, 0),
            Color::LightGreen => (0, 255, 0),
            Color::LightYellow => (255, 255, 0),
            Color::LightBlue => (92, 92, 255),
            Color::LightMagenta => (255, 0, 255),
            Color::LightCyan => (0, 255, 255),
            Color::White => (255, 255, 255),
            _ => return None,
        })
    }

    /// WCAG 2 contrast ratio of two sRGB colours.
    fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
        let lum = |(r, g, b): (u8, u8, u8)| {
            let lin = |c: u8| {
                let c = f64::from(c) / 255.0;
                if c <= 0.03928 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
        };
        let (x, y) = (lum(a) + 0.05, lum(b) + 0.05);
        x.max(y) / x.min(y)
    }

    #[test]
    fn high_contrast_uses_only_the_16_ansi_colours_in_readable_pairs() {
        let theme = Theme::new(ThemeChoice::HighContrast, true);
        for (name, style) in theme.styles() {
            for colour in [style.fg, style.bg].into_iter().flatten() {
                assert!(
                    colour == Color::Reset || rgb(colour).is_some(),
                    "{name}: {colour:?} is not one of the 16 ANSI colours"
                );
            }
            // A colour is only ever set with its partner: never on the user's background.
            match (style.fg, style.bg) {
                (None, None) => {}
                (Some(fg), Some(bg)) => {
                    let ratio = contrast(rgb(fg).unwrap(), rgb(bg).unwrap());
                    assert!(ratio >= 4.5, "{name}: {fg:?} on {bg:?} is {ratio:.1}:1");
                }
                other => panic!("{name}: {other:?} sets one colour against the terminal's"),
            }
        }
        // Emphasis without colour: the selection and the active tab are reversed and bold.
        for style in [theme.selected, theme.tab_active] {
            assert!(
                style
                    .add_modifier
                    .contains(Modifier::REVERSED | Modifier::BOLD)
            );
        }
    }

    #[test]
    fn the_other_themes_would_fail_that_check() {
        // The check above has teeth: the dark theme's 24-bit selection is not a 16-colour one.
        let dark = Theme::new(ThemeChoice::Dark, true);
        assert!(matches!(dark.selected.bg, Some(Color::Rgb(..))));
        assert!(rgb(Color::Rgb(40, 60, 90)).is_none());
    }

    #[test]
    fn no_color_wins_over_every_theme() {
        for choice in [
            ThemeChoice::Dark,
            ThemeChoice::Light,
            ThemeChoice::HighContrast,
        ] {
            for (name, style) in Theme::new(choice, false).styles() {
                assert_eq!((style.fg, style.bg), (None, None), "{choice:?} {name}");
            }
        }
    }
}
