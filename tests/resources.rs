//! Resources and introductions end to end: `mentee add resource` (and `add rekomendasi` in
//! Indonesian) on the real binary, the thanks nudge in `mentee status`, the export round trip
//! with a version-2 file, and the demo journal's recommendations.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use mentee::domain::*;
use mentee::store::{ResourceFilter, Store};
use tempfile::TempDir;

/// Friday 27 November 2026, 09:00.
const NOW: &str = "2026-11-27T09:00";

struct Journal {
    dir: TempDir,
    db: PathBuf,
}

fn base(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_NOW", NOW)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MENTEE_DB")
        .env("MENTEE_CONFIG", dir.join("no-such-config.toml"));
    cmd
}

impl Journal {
    /// A journal with Daniel and a goal.
    fn new() -> Journal {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.db");
        let s = Store::open(&db, true).unwrap();
        s.save_mentor(&Mentor::new("Daniel Okafor")).unwrap();
        s.save_goal(&Goal::new("Give a talk at the meetup"))
            .unwrap();
        drop(s);
        Journal { dir, db }
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        base(self.dir.path())
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "{args:?} should fail");
        String::from_utf8(out.stderr).unwrap()
    }

    fn store(&self) -> Store {
        Store::open(&self.db, false).unwrap()
    }
}

#[test]
fn add_resource_saves_a_recommendation_with_its_mentor_goal_and_link() {
    let j = Journal::new();
    assert_eq!(
        j.ok(&[
            "add",
            "resource",
            "--mentor",
            "daniel",
            "--goal",
            "give",
            "--link",
            "https://example.org/deep-work",
            "Deep Work"
        ]),
        "Resource noted (book, to do): Deep Work; goal: Give a talk at the meetup; \
         link: https://example.org/deep-work; mentor: Daniel Okafor\n"
    );
    assert_eq!(
        j.ok(&[
            "add",
            "resource",
            "--kind",
            "person",
            "--private",
            "Rina",
            "Hartono"
        ]),
        "Resource noted (introduction, to do): Rina Hartono; private\n"
    );
    let s = j.store();
    let rows = s.resource_list(ResourceFilter::default()).unwrap();
    assert_eq!(rows.len(), 2);
    let book = rows
        .iter()
        .find(|r| r.resource.title == "Deep Work")
        .unwrap();
    assert_eq!(book.resource.kind, ResourceKind::Book);
    assert_eq!(book.resource.status, ResourceStatus::Todo);
    assert_eq!(book.mentor_name.as_deref(), Some("Daniel Okafor"));
    assert_eq!(
        book.goal_title.as_deref(),
        Some("Give a talk at the meetup")
    );
    assert_eq!(
        book.resource.recommended_on,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    );
    let intro = rows
        .iter()
        .find(|r| r.resource.title == "Rina Hartono")
        .unwrap();
    assert_eq!(intro.resource.kind, ResourceKind::Person);
    assert!(intro.resource.private);
}

#[test]
fn flags_that_do_not_fit_are_refused_and_nothing_is_saved() {
    let j = Journal::new();
    assert!(
        j.fails(&["add", "feedback", "--kind", "book", "x"])
            .contains("--kind does not apply to feedback"),
    );
    assert!(
        j.fails(&["add", "resource", "--kind", "praise", "x"])
            .contains("--kind does not apply to resource")
    );
    assert!(
        j.fails(&["add", "thanks", "--goal", "give", "x"])
            .contains("--goal does not apply to thanks")
    );
    assert!(
        j.fails(&["add", "resource", "--goal", "nothing", "x"])
            .contains("no goal matches \"nothing\"; goals: Give a talk at the meetup")
    );
    assert!(
        j.store()
            .resource_list(ResourceFilter::default())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn indonesian_words_and_lines() {
    let j = Journal::new();
    assert_eq!(
        j.ok(&[
            "--lang",
            "id",
            "add",
            "rekomendasi",
            "--kind",
            "kursus",
            "--mentor",
            "dan",
            "Kursus SQL"
        ]),
        "Rekomendasi dicatat (kursus, belum): Kursus SQL; mentor: Daniel Okafor\n"
    );
    // Indonesian words are read whatever the interface language.
    j.ok(&["add", "rekomendasi", "--kind", "orang", "Rina"]);
    let rows = j.store().resource_list(ResourceFilter::default()).unwrap();
    let kinds: Vec<ResourceKind> = rows.iter().map(|r| r.resource.kind).collect();
    assert!(kinds.contains(&ResourceKind::Course) && kinds.contains(&ResourceKind::Person));
    let help = j.ok(&["--lang", "id", "add", "--help"]);
    assert!(help.contains("buku"), "{help}");
}

#[test]
fn a_done_introduction_is_nudged_until_thanked() {
    let j = Journal::new();
    let s = j.store();
    let mut r = Resource::new(
        "Rina Hartono",
        chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
    );
    r.kind = ResourceKind::Person;
    r.mentor_id = Some(1);
    r.status = ResourceStatus::Done;
    r.done_on = Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    let id = s.save_resource(&r).unwrap();
    let status = j.ok(&["status"]);
    assert!(
        status.contains("Thank Daniel Okafor for introducing you to Rina Hartono."),
        "{status}"
    );
    let json = j.ok(&["status", "--format", "json"]);
    assert!(json.contains("thank_for_introduction"), "{json}");
    let thanks = s
        .save_gratitude(&Gratitude::new(
            "For Rina",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        ))
        .unwrap();
    s.link_thanks_to_resource(thanks, Some(id)).unwrap();
    assert!(!j.ok(&["status"]).contains("introducing you"));
}

#[test]
fn export_and_import_keep_resources_and_the_thanks_link() {
    let j = Journal::new();
    j.ok(&[
        "add", "resource", "--mentor", "daniel", "--kind", "person", "Rina",
    ]);
    let s = j.store();
    let id = s.resource_list(ResourceFilter::default()).unwrap()[0]
        .resource
        .id;
    let thanks = s
        .save_gratitude(&Gratitude::new(
            "For Rina",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        ))
        .unwrap();
    s.link_thanks_to_resource(thanks, Some(id)).unwrap();
    drop(s);
    let json = j.ok(&["export", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["version"], mentee::transfer::schema::FORMAT_VERSION);
    assert_eq!(v["resources"][0]["kind"], "person");
    assert_eq!(v["gratitude"][0]["resource"], v["resources"][0]["uuid"]);
    let file = j.dir.path().join("out.json");
    std::fs::write(&file, &json).unwrap();
    let other = tempfile::tempdir().unwrap();
    let db = other.path().join("j.db");
    let run = |args: &[&str]| {
        let out = base(other.path())
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["import", file.to_str().unwrap()]);
    assert_eq!(run(&["export", "--format", "json"]), json, "lossless");
    let md = run(&["export", "--format", "md"]);
    assert!(md.contains("## Recommendations and introductions"), "{md}");
    assert!(
        md.contains("Rina (from Daniel Okafor) (person, todo, 2026-11-27, thanked)"),
        "{md}"
    );
}

#[test]
fn a_version_1_file_still_imports() {
    let j = Journal::new();
    let v1 = r#"{"format": "mentee-journal", "version": 1, "mentors": [], "gratitude": []}"#;
    let file = j.dir.path().join("v1.json");
    std::fs::write(&file, v1).unwrap();
    j.ok(&["import", file.to_str().unwrap()]);
}

#[test]
fn the_demo_holds_a_book_a_course_and_an_introduction() {
    for (lang, word) in [("en", "introduction"), ("id", "perkenalan")] {
        let dir = tempfile::tempdir().unwrap();
        let out = base(dir.path())
            .args(["--demo", "--lang", lang, "export", "--format", "md"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let md = String::from_utf8(out.stdout).unwrap();
        assert!(md.contains(word), "{lang}: {md}");
        assert!(md.contains("The Manager's Path"), "{lang}");
    }
    // The introduction was never thanked for: the demo shows its nudge.
    let now = chrono::NaiveDateTime::parse_from_str("2026-11-27 09:00", "%Y-%m-%d %H:%M").unwrap();
    let store = mentee::demo::demo_store(now).unwrap();
    let input = store.nudge_input(now).unwrap();
    let found = mentee::domain::nudges::nudges(&input, now)
        .into_iter()
        .filter(|n| n.kind == mentee::domain::nudges::NudgeKind::ThankForIntroduction)
        .count();
    assert_eq!(found, 1);
}

#[test]
fn a_recommendation_moves_on_with_its_status_and_takeaway_in_either_language() {
    let j = Journal::new();
    j.ok(&["add", "resource", "--mentor", "daniel", "Deep Work"]);
    j.ok(&[
        "add",
        "resource",
        "--mentor",
        "daniel",
        "Deep Learning course",
    ]);
    let err = j.fails(&["resource", "deep", "--status", "doing"]);
    assert!(err.contains("matches several recommendations"), "{err}");
    let out = j.ok(&["resource", "deep", "work", "--status", "doing"]);
    assert_eq!(out, "Updated (book, doing): Deep Work\n");
    let out = j.ok(&[
        "--lang",
        "id",
        "resource",
        "Deep Work",
        "--status",
        "selesai",
        "--takeaway",
        "Dua jam tanpa gangguan setiap pagi",
    ]);
    assert_eq!(out, "Diperbarui (buku, selesai): Deep Work\n");
    let r = j
        .store()
        .resource_list(mentee::store::ResourceFilter::default())
        .unwrap()
        .into_iter()
        .find(|r| r.resource.title == "Deep Work")
        .unwrap()
        .resource;
    assert_eq!(r.status, mentee::domain::ResourceStatus::Done);
    assert!(r.done_on.is_some(), "done has its day");
    assert_eq!(r.takeaway, "Dua jam tanpa gangguan setiap pagi");
    // Bad input changes nothing.
    let err = j.fails(&["resource", "Deep Work", "--status", "finished"]);
    assert!(err.contains("is not a status"), "{err}");
    let err = j.fails(&["resource", "Deep Work"]);
    assert!(err.contains("nothing to change"), "{err}");
    let err = j.fails(&["resource", "Clean Code", "--status", "done"]);
    assert!(err.contains("no recommendation matches"), "{err}");
    let again = j
        .store()
        .resource_list(mentee::store::ResourceFilter::default())
        .unwrap()
        .into_iter()
        .find(|r| r.resource.title == "Deep Work")
        .unwrap()
        .resource;
    assert_eq!(again.status, mentee::domain::ResourceStatus::Done);
}
