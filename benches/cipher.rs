//! Encrypted against plain journals, side by side (issue 14): the first full frame, key press →
//! redrawn frame for each view's key, and what `mentee status` computes, on the same generated
//! journal as a plain file and as an SQLCipher file. The passphrase is stretched once, outside
//! the measurement (`kdf` measures that step alone: every open of an encrypted journal pays
//! it once). The first frame and `status` are measured in pairs: each run of one kind follows
//! an untimed run of the other (see [`paired`]). See docs/PERFORMANCE.md, "Encrypted journal".
//!
//! `cargo bench --bench cipher`; `MENTEE_BENCH_SIZES=100000` for one size;
//! `MENTEE_CIPHER_PAIRS=300` prints medians of alternating runs instead ([`medians_of_pairs`]).

mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Bencher, BenchmarkId, Criterion};
use mentee::config::Config;
use mentee::domain::Clock;
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::store::cipher::{Key, KnownKey, Passphrase, encrypted_salt};
use mentee::store::convert::Target;
use mentee::store::open::IfMissing;
use mentee::tui::App;
use mentee::tui::theme::Theme;

const PASSPHRASE: &str = "correct horse battery staple";

/// One journal, plain and encrypted.
struct Pair {
    n: usize,
    plain: PathBuf,
    encrypted: PathBuf,
    key: Key,
}

/// The encrypted twin of each generated journal: a backup copy, converted.
fn pairs(journals: &common::Journals) -> Vec<Pair> {
    journals
        .files
        .iter()
        .map(|(n, plain)| {
            let encrypted = plain.with_extension("encrypted.db");
            common::open(plain)
                .backup_to(&encrypted)
                .expect("copy the journal");
            let key = Key::generate(&Passphrase::new(PASSPHRASE.into())).expect("a key");
            Store::open(&encrypted, false)
                .expect("open the copy")
                .convert(Target::Encrypted(key), |_, _| Ok(()))
                .expect("encrypt the copy");
            let salt = encrypted_salt(&encrypted)
                .expect("read the salt")
                .expect("an encrypted file");
            let key = Key::derive(&Passphrase::new(PASSPHRASE.into()), salt).expect("derive");
            Pair {
                n: *n,
                plain: plain.clone(),
                encrypted,
                key,
            }
        })
        .collect()
}

impl Pair {
    /// Both files, labelled.
    fn files(&self) -> [(&'static str, &Path); 2] {
        [("plain", &self.plain), ("encrypted", &self.encrypted)]
    }

    /// Both files, labelled, each with the other one.
    fn each(&self) -> [(&'static str, &Path, &Path); 2] {
        [
            ("plain", &self.plain, &self.encrypted),
            ("encrypted", &self.encrypted, &self.plain),
        ]
    }

    /// Opens either file as the app does (the encrypted one with the key derived before).
    fn open(&self, path: &Path) -> Store {
        Store::open_unlocked(path, IfMissing::Refuse, &mut KnownKey(self.key.clone()))
            .expect("open the journal")
    }

    fn app(&self, path: &Path) -> App {
        App::new(
            self.open(path),
            Config::default(),
            Lang::En,
            Clock::Fixed(common::now()),
            Theme::new(Default::default(), true),
            false,
        )
        .expect("the app starts")
    }
}

/// Times `run(mine)` only, each time just after an untimed `run(other)`: the plain and the
/// encrypted journal are measured in turn, in the same seconds, so a shared machine's drift
/// (another job starting, the clock changing) touches both alike and their ratio keeps its
/// meaning. Measured one after the other, the same build's ratio moved from 1.07× to 1.47×
/// within minutes.
fn paired<T>(b: &mut Bencher, mine: &Path, other: &Path, run: impl Fn(&Path) -> T) {
    b.iter_custom(|iters| {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            black_box(run(other));
            let start = Instant::now();
            black_box(run(mine));
            total += start.elapsed();
        }
        total
    })
}

/// Open the file, load Today, draw one 200×60 frame.
fn first_frame(c: &mut Criterion, pairs: &[Pair]) {
    let mut group = c.benchmark_group("cipher_first_frame");
    for pair in pairs {
        for (kind, path, other) in pair.each() {
            group.bench_function(BenchmarkId::new(kind, pair.n), |b| {
                paired(b, path, other, |path| {
                    let mut app = pair.app(path);
                    let mut term = common::terminal();
                    term.draw(|f| app.render(f)).expect("draw");
                    app.quit
                })
            });
        }
    }
    group.finish();
}

/// Key → frame: each view's key (which reloads the view when the journal changed, and
/// redraws it) and `G` inside it, on an app opened once.
fn keys(c: &mut Criterion, pairs: &[Pair]) {
    let mut group = c.benchmark_group("cipher_key");
    group.measurement_time(std::time::Duration::from_secs(1));
    for pair in pairs {
        for (kind, path) in pair.files() {
            let mut app = pair.app(path);
            let mut term = common::terminal();
            term.draw(|f| app.render(f)).expect("draw");
            for view in ['1', '2', '3', '4', '5', '6', '7', '8'] {
                common::press(&mut app, &mut term, view);
                let id = format!("{kind}/{view}");
                group.bench_function(BenchmarkId::new(id, pair.n), |b| {
                    b.iter(|| {
                        common::press(&mut app, &mut term, view);
                        common::press(&mut app, &mut term, 'G');
                    })
                });
            }
        }
    }
    group.finish();
}

/// What `mentee status` does after parsing its arguments: open the journal, then read what
/// the greeting says ([`common::status`]).
fn status(c: &mut Criterion, pairs: &[Pair]) {
    let mut group = c.benchmark_group("cipher_status");
    for pair in pairs {
        for (kind, path, other) in pair.each() {
            group.bench_function(BenchmarkId::new(kind, pair.n), |b| {
                paired(b, path, other, |path| common::status(&pair.open(path)))
            });
        }
    }
    group.finish();
}

/// The passphrase stretched into a key (PBKDF2-HMAC-SHA512, 256,000 rounds): paid once by
/// every open of an encrypted journal, whatever its size.
fn kdf(c: &mut Criterion) {
    let mut group = c.benchmark_group("cipher_kdf");
    group.sample_size(10);
    group.bench_function("pbkdf2_sha512_256000", |b| {
        b.iter(|| {
            black_box(Key::derive(&Passphrase::new(PASSPHRASE.into()), [7; 16]).expect("derive"))
        })
    });
    group.finish();
}

/// With `MENTEE_CIPHER_PAIRS=N`: the first frame and `status` run N times for each kind in
/// turn, and the median of each kind and their ratio printed. Medians of pairs are what this
/// shared machine can settle; criterion's means still swing with its load (see
/// docs/PERFORMANCE.md, "Encrypted journal").
fn medians_of_pairs(pairs: &[Pair], runs: usize) {
    fn median(mut times: Vec<Duration>) -> f64 {
        times.sort();
        times
            .get(times.len() / 2)
            .map_or(0.0, |d| d.as_secs_f64() * 1e3)
    }
    for pair in pairs {
        let mut frame: [Vec<Duration>; 2] = Default::default();
        let mut status: [Vec<Duration>; 2] = Default::default();
        for _ in 0..runs {
            for (i, (_, path)) in pair.files().into_iter().enumerate() {
                let start = Instant::now();
                {
                    let mut app = pair.app(path);
                    let mut term = common::terminal();
                    term.draw(|f| app.render(f)).expect("draw");
                    black_box(app.quit);
                }
                frame[i].push(start.elapsed());
                let start = Instant::now();
                black_box(common::status(&pair.open(path)));
                status[i].push(start.elapsed());
            }
        }
        for (name, [plain, encrypted]) in [("first frame", frame), ("status", status)] {
            let (plain, encrypted) = (median(plain), median(encrypted));
            println!(
                "{} records, {name}: plain {plain:.2} ms, encrypted {encrypted:.2} ms, {:.2}x (median of {runs} pairs)",
                pair.n,
                encrypted / plain
            );
        }
    }
}

fn main() {
    let journals = common::journals();
    let pairs = pairs(&journals);
    if let Some(runs) = std::env::var("MENTEE_CIPHER_PAIRS")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        medians_of_pairs(&pairs, runs);
        return;
    }
    let mut c = common::criterion().configure_from_args();
    kdf(&mut c);
    first_frame(&mut c, &pairs);
    keys(&mut c, &pairs);
    status(&mut c, &pairs);
    c.final_summary();
}
