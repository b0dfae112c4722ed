//! Bahasa Indonesia on the command line: every subcommand and every `--help` run with
//! `--lang id` prints no English word from the app's English-only terms; every value word is
//! accepted in Indonesian; usage errors and the `--due` error are Indonesian.

use std::path::Path;

use assert_cmd::Command;

/// Friday 27 November 2026, 09:00.
const NOW: &str = "2026-11-27T09:00";

/// Words that only the English interface (or clap's English) would print.
const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Possible values",
    "possible values",
    "default:",
    "Print help",
    "Print version",
    "invalid value",
    "error:",
    "For more information",
    "schema version",
    "integrity",
    "broken references",
    "records",
    "journal:",
    "goal",
    "meeting",
    "commitment",
    "gratitude",
    "question",
    "suggestion",
    "praise",
    "critique",
    "is not a date",
    "today",
    "tomorrow",
    "week",
    "month",
    "quarter",
    "Review of",
    "due",
    "held",
    "cancelled",
    "Overdue",
    "Next meeting",
    "Feedback",
    "received",
    "private",
    "Output format",
    "Write to",
    "the journal",
    "[OPTIONS]",
    "[COMMAND]",
];

fn base(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_NOW", NOW)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MENTEE_DB")
        .env("MENTEE_CONFIG", dir.join("no-such-config.toml"))
        .arg("--lang")
        .arg("id");
    cmd
}

/// stdout and stderr of `mentee --lang id --demo ARGS`, and whether it succeeded.
fn run(args: &[&str]) -> (String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let out = base(dir.path()).arg("--demo").args(args).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (text, out.status.success())
}

fn assert_indonesian(args: &[&str], text: &str) {
    for word in ENGLISH {
        // Whole words, outside option names (`--include-private`), paths and config keys.
        let lower = text
            .split_whitespace()
            .filter(|w| {
                let w = w.trim_start_matches(['[', '(', '\'', '<', '"']);
                let w = w.trim_end_matches(['.', ',', ';', ':', ')', ']', '\'', '>', '"']);
                !w.starts_with('-') && !w.contains(['/', '_', '.'])
            })
            .collect::<Vec<_>>()
            .join(" ");
        let found = lower.match_indices(word).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + word.len()..].chars().next();
            let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            edge(before) && edge(after)
        });
        assert!(!found, "{args:?} prints the English {word:?}:\n{text}");
    }
}

#[test]
fn every_command_and_every_help_speaks_indonesian() {
    let runs: &[&[&str]] = &[
        &["--help"],
        &["-h"],
        &["check"],
        &["status"],
        &["agenda"],
        &["review"],
        &["review", "--period", "minggu"],
        &["review", "--period", "kuartal"],
        &["paths"],
        &["add", "pertanyaan", "Bagaimana Anda memulai?"],
        &[
            "add",
            "sasaran",
            "--due",
            "jumat depan",
            "Memimpin rapat tim",
        ],
        &[
            "add",
            "umpan-balik",
            "--kind",
            "pujian",
            "Presentasinya jelas",
        ],
        &[
            "add",
            "komitmen",
            "--owner",
            "mentor",
            "--due",
            "minggu depan",
            "Kirim artikel",
        ],
        &["add", "terima-kasih", "Untuk sarannya"],
        &["add", "komitmen", "--due", "2 Dex 2026", "Kirim"],
        &["review", "--period", "tahun"],
        &["add", "sesuatu", "teks"],
        &["--bogus"],
        &["import"],
    ];
    for args in runs {
        let (text, _) = run(args);
        assert_indonesian(args, &text);
    }
    let dir = tempfile::tempdir().unwrap();
    let top = base(dir.path()).arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&top.stdout).to_string();
    for sub in [
        "check",
        "export",
        "import",
        "backup",
        "status",
        "agenda",
        "review",
        "add",
        "completions",
        "man",
        "paths",
    ] {
        assert!(help.contains(sub), "{sub} missing from --help");
        for flag in ["--help", "-h"] {
            let (text, ok) = run(&[sub, flag]);
            assert!(ok, "{sub} {flag}: {text}");
            assert_indonesian(&[sub, flag], &text);
        }
    }
    let (text, ok) = run(&["help", "review"]);
    assert!(ok, "help review: {text}");
    assert_indonesian(&["help", "review"], &text);
}

#[test]
fn every_value_word_is_accepted_in_indonesian() {
    for (args, want) in [
        (&["add", "pertanyaan", "Apa?"][..], "Pertanyaan disimpan"),
        (&["add", "sasaran", "Belajar SQL"], "Sasaran ditetapkan"),
        (&["add", "umpan-balik", "Bagus"], "(saran)"),
        (&["add", "umpan-balik", "--kind", "saran", "x"], "(saran)"),
        (&["add", "umpan-balik", "--kind", "pujian", "x"], "(pujian)"),
        (&["add", "umpan-balik", "--kind", "kritik", "x"], "(kritik)"),
        (&["add", "komitmen", "--owner", "saya", "x"], "(saya)"),
        (&["add", "komitmen", "--owner", "mentor", "x"], "(mentor)"),
        (&["add", "terima-kasih", "x"], "Terima kasih dicatat"),
        (&["add", "feedback", "--kind", "suggestion", "x"], "(saran)"),
        (&["review", "--period", "minggu"], "Tinjauan mingguan"),
        (&["review", "--period", "bulan"], "Tinjauan bulanan"),
        (&["review", "--period", "kuartal"], "Tinjauan kuartalan"),
        (&["review", "--period", "week"], "Tinjauan mingguan"),
    ] {
        let (text, ok) = run(args);
        assert!(ok, "{args:?}: {text}");
        assert!(text.contains(want), "{args:?}: {text}");
    }
}

#[test]
fn due_dates_are_read_in_indonesian_and_errors_say_why_in_indonesian() {
    for (due, shown) in [
        ("jumat depan", "2026-12-04"),
        ("jumat ini", "2026-11-27"),
        ("minggu depan", "2026-12-04"),
        ("pekan depan", "2026-12-04"),
        ("2 Des 2026", "2026-12-02"),
        ("+3h", "2026-11-30"),
    ] {
        let (text, ok) = run(&["add", "komitmen", "--due", due, "x"]);
        assert!(ok && text.contains(shown), "{due}: {text}");
    }
    let (text, ok) = run(&["add", "komitmen", "--due", "2 Dex 2026", "x"]);
    assert!(!ok);
    assert!(text.contains("\"2 Dex 2026\" bukan tanggal"), "{text}");
}

#[test]
fn the_configured_date_format_is_read_and_written_with_indonesian_months() {
    let dir = tempfile::tempdir().unwrap();
    for (format, typed, shown) in [
        ("dd/mm/yyyy", "02/12/2026", "02/12/2026"),
        ("d mon yyyy", "2 Des 2026", "2 Des 2026"),
    ] {
        let config = dir.path().join("config.toml");
        std::fs::write(&config, format!("date_format = \"{format}\"\n")).unwrap();
        let out = base(dir.path())
            .arg("--demo")
            .arg("--config")
            .arg(&config)
            .args(["add", "komitmen", "--due", typed, "x"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{format}: {out:?}");
        assert!(text.contains(&format!("jatuh tempo {shown}")), "{text}");
    }
}

#[test]
fn completions_offer_the_indonesian_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = base(dir.path())
        .args(["completions", "bash"])
        .output()
        .unwrap();
    let script = String::from_utf8_lossy(&out.stdout);
    for word in [
        "pertanyaan",
        "umpan-balik",
        "terima-kasih",
        "pujian",
        "kuartal",
        "saya",
    ] {
        assert!(script.contains(word), "{word} not offered");
    }
}
