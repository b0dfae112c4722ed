//! Issue 18 on the command line: reviews of the period that just ended or of chosen days,
//! mentors by kind of relationship, and candidates side by side, in both languages.

use std::path::Path;

use assert_cmd::Command;

/// `mentee --demo` on Monday 30 November 2026, with the test environment.
fn demo(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_NOW", "2026-11-30T09:00")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MENTEE_DB")
        .env("MENTEE_CONFIG", dir.join("no-such-config.toml"))
        .arg("--demo");
    cmd
}

fn ok(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = demo(dir.path()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = demo(dir.path()).args(args).output().unwrap();
    assert!(!out.status.success(), "{args:?} should fail");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn on_a_monday_the_previous_review_is_last_week_not_an_empty_one() {
    let out = ok(&["review", "--previous"]);
    assert!(
        out.starts_with("# Review of the week 2026-11-23 to 2026-11-29"),
        "{out}"
    );
    let out = ok(&["--lang", "id", "review", "--previous"]);
    assert!(
        out.starts_with("# Tinjauan mingguan 2026-11-23 sampai 2026-11-29"),
        "{out}"
    );
    let out = ok(&["review", "--previous", "--period", "month"]);
    assert!(out.contains("2026-10-01 to 2026-10-31"), "{out}");
    let json = ok(&["review", "--previous", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["start"], "2026-11-23", "{json}");
}

#[test]
fn chosen_days_in_either_language_and_a_backwards_range_refused() {
    let out = ok(&["review", "--from", "2026-11-01", "--to", "2026-11-15"]);
    assert!(out.contains("2026-11-01 to 2026-11-15"), "{out}");
    let out = ok(&[
        "--lang",
        "id",
        "review",
        "--from",
        "1 nov 2026",
        "--to",
        "15 Nov 2026",
    ]);
    assert!(out.contains("2026-11-01 sampai 2026-11-15"), "{out}");
    let err = fails(&["review", "--from", "2026-11-15", "--to", "2026-11-01"]);
    assert!(err.contains("before --from"), "{err}");
    let err = fails(&[
        "--lang",
        "id",
        "review",
        "--from",
        "2026-11-15",
        "--to",
        "2026-11-01",
    ]);
    assert!(err.contains("lebih awal dari --from"), "{err}");
    let err = fails(&["review", "--from", "2026-11-15"]);
    assert!(err.contains("--to"), "both ends are needed: {err}");
    // A date that cannot be read is named with its option, in either language.
    let err = fails(&["review", "--from", "someday", "--to", "2026-11-01"]);
    assert!(
        err.contains("--from: ") && err.contains("\"someday\""),
        "{err}"
    );
    let err = fails(&[
        "--lang",
        "id",
        "review",
        "--from",
        "2026-11-01",
        "--to",
        "kapan",
    ]);
    assert!(err.contains("--to: ") && err.contains("\"kapan\""), "{err}");
}

#[test]
fn mentors_by_kind_of_relationship_in_both_languages() {
    let all = ok(&["mentors"]);
    assert!(
        all.contains("Daniel Okafor") && all.contains("(coach, candidate)"),
        "{all}"
    );
    let coaches = ok(&["mentors", "--relationship", "coach"]);
    assert!(
        !coaches.contains("Daniel Okafor") && coaches.contains("coach"),
        "{coaches}"
    );
    let pelatih = ok(&["--lang", "id", "mentors", "--relationship", "pelatih"]);
    assert!(pelatih.contains("(pelatih, calon)"), "{pelatih}");
    let err = fails(&["mentors", "--relationship", "boss"]);
    assert!(err.contains("boss"), "{err}");
}

#[test]
fn candidates_side_by_side() {
    let out = ok(&["candidates"]);
    assert!(out.contains("Match with my goals"), "{out}");
    assert!(out.contains("Total") && out.contains("Average"), "{out}");
    let out = ok(&["--lang", "id", "candidates"]);
    assert!(!out.contains("4.2") || out.contains("4,2"), "{out}");
    let json = ok(&["candidates", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        v["candidates"].as_array().is_some_and(|c| !c.is_empty()),
        "{json}"
    );
}

#[test]
fn a_review_counts_the_wins_of_its_period() {
    let out = ok(&["review", "--from", "2026-01-01", "--to", "2026-12-31"]);
    assert!(out.contains("## Wins"), "{out}");
    assert!(
        out.contains("wins noted") && !out.contains("0 wins noted"),
        "{out}"
    );
    let out = ok(&[
        "--lang",
        "id",
        "review",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
    ]);
    assert!(
        out.contains("## Pencapaian") && out.contains("pencapaian dicatat"),
        "{out}"
    );
    let json = ok(&[
        "review",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["wins"].as_u64().is_some_and(|n| n > 0), "{json}");
}
