//! [`FrameBackend`] against ratatui's `CrosstermBackend`: the same changed cells drawn
//! through each into a terminal emulator (vt100) leave the same screen, character by
//! character and attribute by attribute (a blank erased is a blank written), over frames of random cells (every colour kind,
//! every modifier, wide and accented characters, partial changes) and over the app's own
//! views; and the app's frames take fewer bytes.

use super::*;

use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// What crossterm's backend writes (its writer is not reachable once given).
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A small deterministic generator (xorshift), so a failure repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SYMBOLS: &[&str] = &["a", "Z", " ", "~", "é", "─", "│", "…", "日", "ñ", "•", "0"];

fn color(rng: &mut Rng) -> Color {
    match rng.below(6) {
        0 => Color::Reset,
        1 => [
            Color::Black,
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::Gray,
            Color::DarkGray,
            Color::LightRed,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightMagenta,
            Color::LightCyan,
            Color::White,
        ][rng.below(16) as usize],
        2 | 3 => Color::Indexed(rng.below(256) as u8),
        _ => Color::Rgb(
            rng.below(256) as u8,
            rng.below(256) as u8,
            rng.below(256) as u8,
        ),
    }
}

/// Changes some cells of `buf` at random (a run of cells with one style, like a span).
fn scribble(buf: &mut Buffer, rng: &mut Rng, runs: usize) {
    let area = buf.area;
    for _ in 0..runs {
        let y = rng.below(u64::from(area.height)) as u16;
        let mut x = rng.below(u64::from(area.width)) as u16;
        let len = 1 + rng.below(12) as u16;
        let style = ratatui::style::Style::default()
            .fg(color(rng))
            .bg(color(rng))
            .add_modifier(Modifier::from_bits_truncate(rng.next() as u16));
        let style = if rng.below(3) == 0 {
            style.remove_modifier(Modifier::all())
        } else {
            style
        };
        if rng.below(3) == 0 {
            // A run of blanks in one style, as a line shorter than the last frame's leaves.
            let len = 1 + rng.below(40) as usize;
            buf.set_stringn(x, y, " ".repeat(len), usize::from(area.width - x), style);
            continue;
        }
        for _ in 0..len {
            if x >= area.width {
                break;
            }
            let symbol = SYMBOLS[rng.below(SYMBOLS.len() as u64) as usize];
            buf.set_stringn(x, y, symbol, usize::from(area.width - x), style);
            x += symbol.width() as u16;
        }
    }
}

/// The screens two emulators show after each frame's changed cells, drawn through each
/// backend; panics at the first difference. Returns the bytes each backend wrote.
fn same_screens(frames: &[Buffer]) -> (usize, usize) {
    let area = frames[0].area;
    let mut ours = FrameBackend::new(Vec::new());
    let sink = Shared::default();
    let mut theirs = CrosstermBackend::new(sink.clone());
    let mut seen_ours = vt100::Parser::new(area.height, area.width, 0);
    let mut seen_theirs = vt100::Parser::new(area.height, area.width, 0);
    let mut shown = Buffer::empty(area);
    let (mut sent_ours, mut sent_theirs) = (0, 0);
    for (i, frame) in frames.iter().enumerate() {
        ours.draw(shown.diff(frame).into_iter()).unwrap();
        theirs.draw(shown.diff(frame).into_iter()).unwrap();
        let a = std::mem::take(&mut ours.out);
        let b = std::mem::take(&mut *sink.0.borrow_mut());
        sent_ours += a.len();
        sent_theirs += b.len();
        seen_ours.process(&a);
        seen_theirs.process(&b);
        let (sa, sb) = (seen_ours.screen(), seen_theirs.screen());
        for y in 0..area.height {
            for x in 0..area.width {
                let (ca, cb) = (sa.cell(y, x).unwrap(), sb.cell(y, x).unwrap());
                // An erased cell holds nothing where a written one holds a blank.
                fn shows(c: &vt100::Cell) -> &str {
                    match c.contents() {
                        "" => " ",
                        s => s,
                    }
                }
                assert!(
                    shows(ca) == shows(cb)
                        && ca.fgcolor() == cb.fgcolor()
                        && ca.bgcolor() == cb.bgcolor()
                        && ca.bold() == cb.bold()
                        && ca.italic() == cb.italic()
                        && ca.underline() == cb.underline()
                        && ca.inverse() == cb.inverse(),
                    "frame {i}, cell ({x}, {y}): {:?} {:?} {:?} against crossterm's {:?} {:?} {:?}\n\
                     ours: {:?}",
                    ca.contents(),
                    ca.fgcolor(),
                    ca.bgcolor(),
                    cb.contents(),
                    cb.fgcolor(),
                    cb.bgcolor(),
                    String::from_utf8_lossy(&a),
                );
            }
        }
        // Both leave the pen reset, so text written after a frame is plain.
        assert_eq!(
            sa.attributes_formatted(),
            sb.attributes_formatted(),
            "frame {i}"
        );
        shown = frame.clone();
    }
    (sent_ours, sent_theirs)
}

#[test]
fn random_frames_leave_the_screen_crossterms_backend_leaves() {
    for seed in 1..=40u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let area = Rect::new(0, 0, 20 + rng.below(60) as u16, 3 + rng.below(20) as u16);
        let mut frames = Vec::new();
        let mut buf = Buffer::empty(area);
        for _ in 0..8 {
            let runs = 1 + rng.below(u64::from(area.height) * 3) as usize;
            scribble(&mut buf, &mut rng, runs);
            frames.push(buf.clone());
            if rng.below(4) == 0 {
                // A whole new screen now and then, like a view switch.
                buf = Buffer::empty(area);
            }
        }
        same_screens(&frames);
    }
}

#[test]
fn numbers_are_written_in_decimal() {
    for n in [0u16, 1, 9, 10, 99, 100, 255, 1000, 9999, 10000, u16::MAX] {
        let mut seq = Vec::new();
        push_number(&mut seq, n);
        assert_eq!(seq, n.to_string().into_bytes());
    }
}

#[test]
fn the_apps_views_look_the_same_and_take_fewer_bytes() {
    use crate::config::{Config, Theme as Choice};
    use crate::domain::Clock;
    use crate::i18n::Lang;
    use crate::tui::App;
    use crate::tui::theme::Theme;
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    for lang in [Lang::En, Lang::Id] {
        for (w, h) in [(80, 24), (200, 60)] {
            let store = crate::demo::demo_store(now).unwrap();
            let theme = Theme::new(Choice::Dark, false);
            let mut app = App::new(
                store,
                Config::default(),
                lang,
                Clock::Fixed(now),
                theme,
                true,
            )
            .unwrap();
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            let mut frames = Vec::new();
            for key in "12345678j5k1".chars() {
                app.handle_event(&Event::Key(KeyEvent::new(
                    KeyCode::Char(key),
                    KeyModifiers::NONE,
                )));
                term.draw(|f| app.render(f)).unwrap();
                frames.push(term.backend().buffer().clone());
            }
            let (ours, theirs) = same_screens(&frames);
            assert!(
                ours * 10 < theirs * 9,
                "{w}x{h} {lang:?}: {ours} bytes against crossterm's {theirs}"
            );
        }
    }
}

#[test]
fn blanks_are_erased_only_where_erasing_looks_the_same_on_every_terminal() {
    let area = Rect::new(0, 0, 50, 1);
    let plain = ratatui::style::Style::default().fg(Color::Cyan);
    let cases = [
        (plain, true),
        (plain.bg(Color::Blue), false),
        (plain.add_modifier(Modifier::UNDERLINED), false),
        (plain.add_modifier(Modifier::REVERSED), false),
        (plain.add_modifier(Modifier::CROSSED_OUT), false),
        (plain.add_modifier(Modifier::BOLD), true),
    ];
    for (style, erased) in cases {
        let mut before = Buffer::empty(area);
        before.set_string(0, 0, "x".repeat(50), ratatui::style::Style::default());
        let mut after = Buffer::empty(area);
        after.set_string(0, 0, " ".repeat(30), style);
        let mut ours = FrameBackend::new(Vec::new());
        ours.draw(before.diff(&after).into_iter()).unwrap();
        let out = String::from_utf8(ours.out).unwrap();
        // Thirty blanks in the style, then twenty reset blanks.
        assert_eq!(out.contains("\x1b[30X"), erased, "{style:?}: {out:?}");
        assert!(out.contains("\x1b[20X"), "reset blanks are erased: {out:?}");
    }
}
