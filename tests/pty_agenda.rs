//! End to end in a pseudo-terminal: on a journal file, open the upcoming meeting's agenda
//! builder, accept suggestions with one key each, quit, then `mentee agenda` prints them.

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

#[test]
fn accepted_suggestions_are_printed_by_mentee_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    {
        let now =
            chrono::NaiveDateTime::parse_from_str("2026-11-27 09:00", "%Y-%m-%d %H:%M").unwrap();
        let mut store = mentee::store::Store::open(&db, false).unwrap();
        mentee::demo::fill(&mut store, now).unwrap();
    }
    let db_arg = db.to_str().unwrap();
    let mut s = Session::start(&["--db", db_arg], 24, 80);
    s.wait_for("Next meeting");
    s.send(b"3");
    s.wait_for("Upcoming");
    s.send(b"\r");
    s.wait_for("Agenda builder");
    s.wait_for("Suggestions (10)");
    s.send(b"\t");
    s.wait_for("a: accept");
    s.send(b"a");
    s.wait_for("Suggestions (9)");
    s.send(b"a");
    s.wait_for("Suggestions (8)");
    s.send(b"a");
    s.wait_for("Suggestions (7)");
    s.wait_for("Agenda (5)");
    s.send(b"q");
    assert!(s.wait_exit().success());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mentee"))
        .args(["--db", db_arg, "agenda"])
        .env("MENTEE_NOW", "2026-11-27T09:00")
        .env("MENTEE_CONFIG", "/nonexistent/mentee-test-config.toml")
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    for text in [
        "Slides drafted; dry run done",
        "Dry-run feedback on the talk",
        "How to handle a review that runs over time?",
        "Rewrite the outline to open with the outage story",
        "Timebox the next design review and record decisions",
    ] {
        assert!(md.contains(text), "`mentee agenda` prints {text:?}:\n{md}");
    }
}
