//! Whole-process measurements of the real binary, from the outside: what a user waits for.
//!
//! - `frame`: spawn to the first full frame on screen, in a pseudo-terminal (the frame is
//!   complete when the bottom row, the status bar, has been drawn);
//! - `keys`: key press to the end of the redrawn frame (bytes on the pty) when switching
//!   views, first visits apart from later ones;
//! - `cmd`: a subcommand's wall time, spawn to exit (like `hyperfine -N`);
//! - `mem`: peak memory (max RSS, from `wait4`) of a subcommand, or of the TUI driven by keys.
//!
//! Everything after `--` goes to mentee. Examples (release build first: `cargo build
//! --release --bin mentee --examples`):
//!
//! ```sh
//! M=target/release/examples/measure
//! $M frame --runs 30 -- --db big.db
//! $M keys --runs 10 -- --db big.db
//! $M cmd --runs 50 -- --db big.db status
//! $M mem -- --db big.db export --format json -o /tmp/x.json
//! $M mem --tui --keys 1G2G3G4G5G6G7G8G -- --db big.db
//! ```
//!
//! Each run is a fresh process with `MENTEE_NOW=2026-11-27T09:00` and
//! `MENTEE_CONFIG=/nonexistent`; one unmeasured warm-up run comes first. The child's output is
//! read on a thread of its own, so a full pty never blocks it.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

type Error = Box<dyn std::error::Error>;

/// Whole-process timings and peak memory of mentee.
#[derive(Debug, Parser)]
struct Args {
    /// The mentee binary.
    #[arg(long, global = true, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/mentee"))]
    bin: PathBuf,
    /// Measured runs (after one warm-up run).
    #[arg(long, global = true, default_value_t = 20)]
    runs: usize,
    /// Terminal size, COLSxROWS.
    #[arg(long, global = true, default_value = "200x60")]
    size: String,
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, Subcommand)]
enum What {
    /// Spawn → first full frame, in a pty.
    Frame {
        /// mentee's arguments.
        #[arg(last = true)]
        mentee: Vec<String>,
    },
    /// View switch key → end of the redrawn frame, in a pty.
    Keys {
        /// The keys pressed in order each round; the first round is the first visits.
        #[arg(long, default_value = "23456781")]
        keys: String,
        /// Rounds per run.
        #[arg(long, default_value_t = 4)]
        rounds: usize,
        /// Output quiet for this long ends a frame (not counted in the latency).
        #[arg(long, default_value_t = 40)]
        quiet_ms: u64,
        #[arg(last = true)]
        mentee: Vec<String>,
    },
    /// A subcommand's wall time, spawn → exit.
    Cmd {
        #[arg(last = true)]
        mentee: Vec<String>,
    },
    /// Peak memory: a subcommand, or (`--tui`) the TUI driven by `--keys` then `q`.
    Mem {
        #[arg(long)]
        tui: bool,
        /// Keys sent one at a time once the first frame is on screen (with `--tui`).
        #[arg(long, default_value = "")]
        keys: String,
        #[arg(last = true)]
        mentee: Vec<String>,
    },
}

/// The fixed environment of every run.
const ENV: &[(&str, &str)] = &[
    ("MENTEE_NOW", "2026-11-27T09:00"),
    ("MENTEE_CONFIG", "/nonexistent/mentee-measure.toml"),
    ("TERM", "xterm-256color"),
    ("LANG", "C"),
];

/// A running mentee in a pseudo-terminal, its screen parsed by vt100.
struct Session {
    pid: i32,
    _child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<(Instant, Vec<u8>)>,
    parser: vt100::Parser,
    started: Instant,
}

impl Session {
    fn spawn(bin: &PathBuf, args: &[String], cols: u16, rows: u16) -> Result<Session, Error> {
        let pair = native_pty_system().openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        let mut cmd = CommandBuilder::new(bin);
        cmd.args(args);
        for (k, v) in ENV {
            cmd.env(k, v);
        }
        let mut reader = pair.master.try_clone_reader()?;
        let writer = pair.master.take_writer()?;
        let (tx, output) = channel();
        thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd)?;
        drop(pair.slave);
        let pid = child.process_id().ok_or("no pid")? as i32;
        Ok(Session {
            pid,
            _child: child,
            _master: pair.master,
            writer,
            output,
            parser: vt100::Parser::new(rows, cols, 0),
            started,
        })
    }

    /// Whether the bottom row (the status bar, drawn last) shows anything.
    fn bottom_row_drawn(&self) -> bool {
        let screen = self.parser.screen();
        let (rows, cols) = screen.size();
        screen
            .rows(0, cols)
            .nth(usize::from(rows.saturating_sub(1)))
            .is_some_and(|row| !row.trim().is_empty())
    }

    /// Spawn → the chunk that completed the first full frame.
    fn first_frame(&mut self) -> Result<Duration, Error> {
        let deadline = self.started + Duration::from_secs(20);
        loop {
            let wait = deadline.saturating_duration_since(Instant::now());
            let (at, bytes) = self.output.recv_timeout(wait).map_err(|_| {
                format!(
                    "no full frame within 20 s; screen:\n{}",
                    self.parser.screen().contents()
                )
            })?;
            self.parser.process(&bytes);
            if self.bottom_row_drawn() {
                return Ok(at - self.started);
            }
        }
    }

    /// Reads until the output has been quiet for `quiet`; the time of the last chunk.
    fn settle(&mut self, quiet: Duration) -> Option<Instant> {
        let mut last = None;
        while let Ok((at, bytes)) = self.output.recv_timeout(quiet) {
            self.parser.process(&bytes);
            last = Some(at);
        }
        last
    }

    /// Sends `key`; the time from sending to the last byte of the frame it caused (None if
    /// nothing was redrawn within a second).
    fn press(&mut self, key: &[u8], quiet: Duration) -> Result<Option<Duration>, Error> {
        let sent = Instant::now();
        self.writer.write_all(key)?;
        self.writer.flush()?;
        match self.output.recv_timeout(Duration::from_secs(1)) {
            Ok((at, bytes)) => {
                self.parser.process(&bytes);
                let last = self.settle(quiet).unwrap_or(at);
                Ok(Some(last - sent))
            }
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Sends `q`, waits for the exit; the peak memory in KiB.
    fn quit(mut self) -> Result<i64, Error> {
        self.writer.write_all(b"q")?;
        self.writer.flush()?;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            // Keep the pty drained while mentee restores the terminal.
            while self.output.try_recv().is_ok() {}
            if let Some(rss) = reap(self.pid, false)? {
                return Ok(rss);
            }
            if Instant::now() > deadline {
                // SAFETY: plain kill(2) on the child we spawned.
                unsafe { libc::kill(self.pid, libc::SIGKILL) };
                return Err("mentee did not quit on q".into());
            }
            thread::sleep(Duration::from_millis(5));
        }
    }
}

/// Waits for (or with `block` false, polls) the child `pid`; its max RSS in KiB once done.
fn reap(pid: i32, block: bool) -> Result<Option<i64>, Error> {
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let flags = if block { 0 } else { libc::WNOHANG };
    // SAFETY: pointers to locals that outlive the call.
    let got = unsafe { libc::wait4(pid, &mut status, flags, &mut usage) };
    match got {
        0 => Ok(None),
        p if p == pid => Ok(Some(usage.ru_maxrss)),
        _ => Err(std::io::Error::last_os_error().into()),
    }
}

/// Runs a subcommand to its end: wall time, peak memory (KiB), success.
fn run_command(bin: &PathBuf, args: &[String]) -> Result<(Duration, i64, bool), Error> {
    let mut cmd = Command::new(bin);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (k, v) in ENV {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let child = cmd.spawn()?;
    let pid = child.id() as i32;
    let mut status = 0;
    // SAFETY: as in `reap`, for the child just spawned (std never waits for it: not dropped
    // with a wait, and we do not call `wait` on it).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let took = started.elapsed();
    if got != pid {
        return Err(std::io::Error::last_os_error().into());
    }
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    Ok((took, usage.ru_maxrss, ok))
}

/// The `p`th percentile (nearest rank) of sorted values.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// One line of figures: median, min, p90, p99, max over `times` (ms).
fn summary(label: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "{label:<28} n={:<4} median {:>7} min {:>7} p90 {:>7} p99 {:>7} max {:>7}",
        times.len(),
        ms(percentile(&times, 50.0)),
        ms(*times.first().unwrap_or(&Duration::ZERO)),
        ms(percentile(&times, 90.0)),
        ms(percentile(&times, 99.0)),
        ms(*times.last().unwrap_or(&Duration::ZERO)),
    );
}

fn parse_size(s: &str) -> Result<(u16, u16), Error> {
    let (c, r) = s.split_once('x').ok_or("size is COLSxROWS, e.g. 200x60")?;
    Ok((c.parse()?, r.parse()?))
}

fn main() -> Result<(), Error> {
    let args = Args::parse();
    let (cols, rows) = parse_size(&args.size)?;
    let bin = &args.bin;
    match &args.what {
        What::Frame { mentee } => {
            let mut times = Vec::new();
            for run in 0..=args.runs {
                let mut s = Session::spawn(bin, mentee, cols, rows)?;
                let took = s.first_frame()?;
                s.quit()?;
                if run > 0 {
                    times.push(took);
                }
            }
            summary("first frame", times);
        }
        What::Keys {
            keys,
            rounds,
            quiet_ms,
            mentee,
        } => {
            let quiet = Duration::from_millis(*quiet_ms);
            let (mut first, mut later) = (Vec::new(), Vec::new());
            let mut per_key: Vec<(char, Vec<Duration>)> =
                keys.chars().map(|k| (k, Vec::new())).collect();
            let mut missed = 0;
            for run in 0..=args.runs {
                let mut s = Session::spawn(bin, mentee, cols, rows)?;
                s.first_frame()?;
                s.settle(quiet);
                for round in 0..*rounds {
                    for (i, key) in keys.chars().enumerate() {
                        let took = s.press(key.to_string().as_bytes(), quiet)?;
                        let Some(took) = took else {
                            missed += 1;
                            continue;
                        };
                        if run == 0 {
                            continue;
                        }
                        if round == 0 {
                            first.push(took);
                            per_key[i].1.push(took);
                        } else {
                            later.push(took);
                        }
                    }
                }
                s.quit()?;
            }
            for (key, times) in per_key {
                summary(&format!("first visit, key {key}"), times);
            }
            let all: Vec<Duration> = first.iter().chain(&later).copied().collect();
            summary("first visits", first);
            summary("later switches", later);
            summary("all switches", all);
            if missed > 0 {
                println!("{missed} presses redrew nothing within 1 s (not counted)");
            }
        }
        What::Cmd { mentee } => {
            let (mut times, mut failed) = (Vec::new(), 0);
            for run in 0..=args.runs {
                let (took, _, ok) = run_command(bin, mentee)?;
                failed += usize::from(!ok);
                if run > 0 {
                    times.push(took);
                }
            }
            summary(&mentee.join(" "), times);
            if failed > 0 {
                println!("{failed} runs exited with an error");
            }
        }
        What::Mem { tui, keys, mentee } => {
            let rss = if *tui {
                let mut s = Session::spawn(bin, mentee, cols, rows)?;
                s.first_frame()?;
                let quiet = Duration::from_millis(100);
                s.settle(quiet);
                for key in keys.chars() {
                    s.press(key.to_string().as_bytes(), quiet)?;
                }
                s.quit()?
            } else {
                let (_, rss, ok) = run_command(bin, mentee)?;
                if !ok {
                    println!("the command exited with an error");
                }
                rss
            };
            println!("max RSS {:.1} MB", rss as f64 / 1024.0);
        }
    }
    Ok(())
}
