//! Wins end to end on the real binary (issue 18): `mentee add win` / `add pencapaian`, and
//! `mentee wins` as Markdown and JSON, in English and Indonesian, with a journal in a
//! temporary folder and a pinned clock.

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// Friday 27 November 2026, 09:00.
const NOW: &str = "2026-11-27T09:00";

fn cmd(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_NOW", NOW)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MENTEE_DB")
        .env("MENTEE_CONFIG", dir.join("no-such-config.toml"))
        .arg("--db")
        .arg(dir.join("journal.db"));
    cmd
}

fn ok(dir: &TempDir, args: &[&str]) -> String {
    let out = cmd(dir.path()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(dir: &TempDir, args: &[&str]) -> String {
    let out = cmd(dir.path()).args(args).output().unwrap();
    assert!(!out.status.success(), "{args:?} should fail");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn add_wins_and_print_the_brag_document_grouped_by_area_and_goal() {
    let dir = tempfile::tempdir().unwrap();
    ok(&dir, &["add", "goal", "Learn Rust"]);
    ok(&dir, &["add", "goal", "Lead the review"]);
    ok(&dir, &["add", "commitment", "x", "--owner", "me"]);
    let line = ok(
        &dir,
        &[
            "add",
            "win",
            "Shipped",
            "the",
            "parser",
            "--goal",
            "learn",
            "--on",
            "-3d",
            "--evidence",
            "https://example.com/pr/1",
        ],
    );
    assert_eq!(
        line,
        "Win noted: Shipped the parser on 2026-11-24 for goal \"Learn Rust\" (evidence kept)\n"
    );
    ok(&dir, &["add", "win", "Helped a colleague"]);
    ok(&dir, &["add", "win", "Secret raise", "--private"]);

    let md = ok(&dir, &["wins"]);
    assert!(md.starts_with("# All wins\n"), "{md}");
    assert!(md.contains("Wins: 2"), "{md}");
    assert!(md.contains("## Skills\n\n### Learn Rust\n\n- 2026-11-24: Shipped the parser (evidence: https://example.com/pr/1)"), "{md}");
    assert!(
        md.contains("## Not linked to a goal\n\n- 2026-11-27: Helped a colleague"),
        "{md}"
    );
    assert!(!md.contains("Secret raise"), "private wins stay out: {md}");
    let all = ok(&dir, &["wins", "--include-private"]);
    assert!(all.contains("Secret raise (private)"), "{all}");

    let range = ok(&dir, &["wins", "--from", "2026-11-25", "--to", "today"]);
    assert!(
        range.starts_with("# Wins from 2026-11-25 to 2026-11-27"),
        "{range}"
    );
    assert!(!range.contains("Shipped"), "{range}");

    let json: serde_json::Value =
        serde_json::from_str(&ok(&dir, &["wins", "--format", "json"])).unwrap();
    assert_eq!(json["format"], "mentee-wins");
    assert_eq!(json["version"], 1);
    assert_eq!(json["count"], 2);
    assert_eq!(json["areas"][0]["area"], "skills");
    assert_eq!(json["areas"][0]["goals"][0]["goal"], "Learn Rust");
    let win = &json["areas"][0]["goals"][0]["wins"][0];
    assert_eq!(win["on_date"], "2026-11-24");
    assert_eq!(win["evidence"], "https://example.com/pr/1");
    assert_eq!(json["areas"][1]["area"], serde_json::Value::Null);
}

#[test]
fn wrong_flags_goals_and_dates_are_one_error_and_nothing_saved() {
    let dir = tempfile::tempdir().unwrap();
    ok(&dir, &["add", "goal", "Learn Rust"]);
    ok(&dir, &["add", "goal", "Learn Go"]);
    assert!(fails(&dir, &["add", "win", "x", "--goal", "learn"]).contains("matches several goals"));
    assert!(fails(&dir, &["add", "win", "x", "--goal", "cook"]).contains("no goal matches"));
    assert!(fails(&dir, &["add", "win", "x", "--on", "someday"]).contains("--on"));
    assert!(
        fails(&dir, &["add", "thanks", "x", "--goal", "learn"]).contains("--goal does not apply")
    );
    assert!(
        fails(
            &dir,
            &["wins", "--from", "2026-11-20", "--to", "2026-11-01"]
        )
        .contains("after")
    );
    assert!(ok(&dir, &["wins"]).contains("No wins"));
}

#[test]
fn indonesian_words_and_output() {
    let dir = tempfile::tempdir().unwrap();
    ok(&dir, &["--lang", "id", "add", "sasaran", "Memperdalam SQL"]);
    let line = ok(
        &dir,
        &[
            "--lang",
            "id",
            "add",
            "pencapaian",
            "Kueri",
            "10x",
            "lebih",
            "cepat",
            "--goal",
            "mem",
        ],
    );
    assert_eq!(
        line,
        "Pencapaian dicatat: Kueri 10x lebih cepat untuk sasaran \"Memperdalam SQL\"\n"
    );
    let md = ok(&dir, &["--lang", "id", "wins"]);
    assert!(md.starts_with("# Semua pencapaian\n"), "{md}");
    assert!(md.contains("Jumlah pencapaian: 1"), "{md}");
    assert!(
        md.contains("## Keterampilan\n\n### Memperdalam SQL"),
        "{md}"
    );
    // The English word works in Indonesian too, and the other way round.
    ok(&dir, &["add", "pencapaian", "Dua"]);
    ok(&dir, &["--lang", "id", "add", "win", "Tiga"]);
    assert!(ok(&dir, &["wins"]).contains("Wins: 3"));
}

#[test]
fn the_demo_journals_have_wins() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "id"] {
        let out = cmd(dir.path())
            .args([
                "--demo",
                "--lang",
                lang,
                "wins",
                "--include-private",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(json["count"].as_u64().unwrap() >= 3, "{lang}: {json}");
    }
}

#[test]
fn wins_survive_an_export_and_an_import_and_a_version_1_file_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    ok(&dir, &["add", "goal", "Learn Rust"]);
    ok(
        &dir,
        &[
            "add",
            "win",
            "Shipped",
            "--goal",
            "learn",
            "--evidence",
            "PR 1",
            "--on",
            "2026-11-02",
        ],
    );
    let export = dir.path().join("out.json");
    ok(&dir, &["export", "-o", export.to_str().unwrap()]);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    assert_eq!(doc["version"], mentee::transfer::schema::FORMAT_VERSION);
    assert_eq!(doc["wins"][0]["what"], "Shipped");
    assert_eq!(doc["wins"][0]["goal"], doc["goals"][0]["uuid"]);

    let other = tempfile::tempdir().unwrap();
    ok(&other, &["add", "question", "seed"]);
    ok(&other, &["import", export.to_str().unwrap()]);
    let md = ok(&other, &["wins"]);
    assert!(
        md.contains("### Learn Rust\n\n- 2026-11-02: Shipped (evidence: PR 1)"),
        "{md}"
    );
    assert!(ok(&other, &["export", "--format", "md"]).contains("## Wins"));

    // A version-1 file (no wins key) imports as before.
    let mut v1 = doc.clone();
    v1["version"] = 1.into();
    v1.as_object_mut().unwrap().remove("wins");
    let old = dir.path().join("v1.json");
    std::fs::write(&old, v1.to_string()).unwrap();
    let third = tempfile::tempdir().unwrap();
    ok(&third, &["add", "question", "seed"]);
    ok(&third, &["import", old.to_str().unwrap()]);
    assert!(ok(&third, &["wins"]).contains("No wins"));
}
