//! End to end: the real binary in a pseudo-terminal. It opens on the demo's Today view,
//! switches through every view, quits, and leaves the terminal as it found it.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A running `mentee` in a pseudo-terminal, with its screen parsed by vt100.
struct Session {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    raw: Vec<u8>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str], rows: u16, cols: u16) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_mentee"));
        cmd.args(args);
        cmd.env("MENTEE_NOW", "2026-11-27T09:00");
        cmd.env("MENTEE_CONFIG", "/nonexistent/mentee-test-config.toml");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C");
        let child = pair.slave.spawn_command(cmd).expect("spawn mentee");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, output) = channel();
        // Read on a thread of its own so a full pipe never blocks the child.
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            writer,
            output,
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            _master: pair.master,
        }
    }

    fn pump(&mut self, wait: Duration) {
        while let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
            if wait.is_zero() {
                break;
            }
        }
    }

    /// Polls the screen until it shows `text` (never a fixed sleep).
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            self.pump(Duration::from_millis(50));
            if self.parser.screen().contents().contains(text) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{}",
                self.parser.screen().contents()
            );
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            self.pump(Duration::from_millis(20));
            if let Some(status) = self.child.try_wait().unwrap() {
                self.pump(Duration::from_millis(200));
                return status;
            }
            assert!(Instant::now() < deadline, "mentee did not exit");
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn demo_opens_switches_through_every_view_and_restores_the_terminal() {
    let mut s = Session::start(&["--demo"], 24, 80);
    s.wait_for("Next meeting");
    assert!(
        s.parser.screen().alternate_screen(),
        "the app draws on the alternate screen"
    );
    let views = [
        ("2", "Set clear goals"),
        ("3", "Prepare for meetings"),
        ("4", "Be receptive to feedback"),
        ("5", "Keep commitments"),
        ("6", "Express gratitude"),
        ("7", "Reflect regularly"),
        ("8", "Find the right mentor"),
        ("\t", "Be proactive"),
    ];
    for (key, checklist_item) in views {
        s.send(key.as_bytes());
        s.wait_for(checklist_item);
    }
    s.send(b"?");
    s.wait_for("This view");
    for _ in 0..30 {
        s.send(b"j");
    }
    s.wait_for("Find the right mentor");
    s.send(b"\x1b");
    s.wait_for("Next meeting");
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let enter = find(&s.raw, b"\x1b[?1049h").expect("entered the alternate screen");
    let leave = find(&s.raw, b"\x1b[?1049l").expect("left the alternate screen");
    assert!(leave > enter, "left the alternate screen after entering it");
    let shown = find(&s.raw, b"\x1b[?25h").expect("cursor shown again");
    assert!(shown > enter);
    assert!(!s.parser.screen().alternate_screen());
    assert!(
        !s.parser.screen().hide_cursor(),
        "the cursor is visible after exit"
    );
}

#[test]
fn indonesian_interface_in_a_real_terminal() {
    let mut s = Session::start(&["--demo", "--lang", "id"], 24, 80);
    s.wait_for("Pertemuan berikutnya");
    s.send(b"5");
    s.wait_for("Menepati Komitmen");
    s.send(b"\x03"); // Ctrl-C quits from anywhere
    assert!(s.wait_exit().success());
    assert!(!s.parser.screen().alternate_screen());
}
