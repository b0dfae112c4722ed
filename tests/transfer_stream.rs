//! The streamed export and import (issue 19): the file is read once, record by record, and
//! its checked records are written in the order references need whatever order the file has;
//! a kind given twice counts once (the last, as a parsed document's map has it); problems
//! keep their order and paths; the header is judged wherever it stands.

#[path = "../benches/common/generate/mod.rs"]
mod generate;

use generate::{Options, Shape, fill};
use mentee::store::Store;
use mentee::transfer::{Problem, TransferError, export_json, import_json, write_json};
use serde_json::Value;

/// A generated journal with every kind, private records and references between them.
fn journal(shape: Shape) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let opts = Options {
        records: 600,
        seed: 19,
        shape,
        ..Options::default()
    };
    fill(&mut store, &opts).unwrap();
    store
}

fn problems(err: TransferError) -> Vec<String> {
    match err {
        TransferError::Invalid(problems) => problems.iter().map(Problem::to_string).collect(),
        other => panic!("expected problems, got {other}"),
    }
}

#[test]
fn the_streamed_export_writes_what_export_json_returns() {
    let store = journal(Shape::Demo);
    for private in [true, false] {
        let mut bytes = Vec::new();
        write_json(&store, private, &mut bytes).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            export_json(&store, private).unwrap()
        );
    }
}

/// Parsed into a map and written again, the document lists its kinds alphabetically: agenda
/// items before meetings, goal revisions before reflections. The import writes them in the
/// order references need all the same, and the journal comes out the same.
#[test]
fn kinds_in_any_order_import_to_the_same_journal() {
    for shape in [Shape::Decade, Shape::Demo] {
        let source = journal(shape);
        let export = export_json(&source, true).unwrap();
        let shuffled = serde_json::from_str::<Value>(&export).unwrap().to_string();
        assert!(shuffled.find("\"agenda_items\"") < shuffled.find("\"meetings\""));
        let mut target = Store::open_in_memory().unwrap();
        let report = import_json(&mut target, &shuffled, false).unwrap();
        assert_eq!(report.total(), 600);
        assert_eq!(export_json(&target, true).unwrap(), export);
        // Idempotent: the same file again changes nothing.
        let again = import_json(&mut target, &shuffled, false).unwrap();
        assert_eq!(again.changed(), 0);
        assert_eq!(export_json(&target, true).unwrap(), export);
    }
}

const MENTOR_A: &str = r#"{"uuid": "00000000-0000-4000-8000-00000000000a",
    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "name": "Ayu"}"#;
const MENTOR_B: &str = r#"{"uuid": "00000000-0000-4000-8000-00000000000b",
    "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "name": "Budi"}"#;

#[test]
fn a_kind_given_twice_counts_once_the_last() {
    let text = format!(
        r#"{{"format": "mentee-journal", "version": 1, "mentors": [{MENTOR_A}, {{"bad": 1}}],
            "mentors": [{MENTOR_B}]}}"#
    );
    let mut store = Store::open_in_memory().unwrap();
    let report = import_json(&mut store, &text, false).unwrap();
    assert_eq!(report.total(), 1);
    let names: Vec<String> = store
        .mentors()
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(names, ["Budi"]);
}

/// References found among the records read before them are kept by place, not by uuid
/// (memory); if their kind is then given again, the first array no longer counts and a
/// reference to a record only it had is reported as pointing at nothing, in its place among
/// the other problems, as when every reference was looked up at the end.
#[test]
fn a_reference_to_a_record_of_an_array_given_again_is_looked_up_again() {
    let goal = |n: u8, mentor: &str| {
        format!(
            r#"{{"uuid": "00000000-0000-4000-8000-0000000000{n:02}",
                "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
                "title": "T{n}", "mentor": "{mentor}"}}"#
        )
    };
    let a = "00000000-0000-4000-8000-00000000000a";
    let b = "00000000-0000-4000-8000-00000000000b";
    let ghost = "00000000-0000-4000-8000-0000000000ff";
    let goals = [goal(1, a), goal(2, ghost), goal(3, b), goal(4, a)].join(", ");
    let file = |again: &str| {
        format!(
            r#"{{"format": "mentee-journal", "version": 1, "mentors": [{MENTOR_A}, {MENTOR_B}],
                "goals": [{goals}]{again}}}"#
        )
    };
    let paths_of = |text: &str| {
        let mut store = Store::open_in_memory().unwrap();
        let before = export_json(&store, true).unwrap();
        let got = problems(import_json(&mut store, text, false).unwrap_err());
        assert_eq!(
            export_json(&store, true).unwrap(),
            before,
            "nothing written"
        );
        got
    };
    let got = paths_of(&file(&format!(r#", "mentors": [{MENTOR_B}]"#)));
    let paths: Vec<&str> = got.iter().map(|p| p.split(':').next().unwrap()).collect();
    assert_eq!(
        paths,
        ["goals[0].mentor", "goals[1].mentor", "goals[3].mentor"],
        "{got:#?}"
    );
    assert!(got[0].contains(a) && got[1].contains(ghost) && got[2].contains(a));
    // Given once, every reference but the ghost's is found.
    let got = paths_of(&file(""));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].starts_with("goals[1].mentor") && got[0].contains(ghost));
}

#[test]
fn a_header_after_the_records_is_still_judged_first() {
    let text = r#"{"mentors": [{"bad": 1}], "version": 1, "format": "other"}"#;
    let mut store = Store::open_in_memory().unwrap();
    let err = import_json(&mut store, text, false).unwrap_err();
    assert_eq!(
        problems(err),
        [r#"format: "other" is not "mentee-journal"; is this a mentee export?"#]
    );
}

/// Unknown keys first (sorted), then each kind's problems in document order, then the
/// references nothing answers to, each with its path, whatever order the file has.
#[test]
fn problems_come_in_document_order_with_their_paths() {
    let ghost = "00000000-0000-4000-8000-0000000000ff";
    let text = format!(
        r#"{{"zebra": 1, "goals": [{{"uuid": "00000000-0000-4000-8000-000000000001",
              "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
              "title": "T", "mentor": "{ghost}", "due_on": "2026-02-30"}}],
            "format": "mentee-journal", "version": 1, "apple": [],
            "mentors": [{MENTOR_A}, {MENTOR_A}],
            "contacts": {{}}}}"#
    );
    let mut store = Store::open_in_memory().unwrap();
    let before = export_json(&store, true).unwrap();
    let err = import_json(&mut store, &text, false).unwrap_err();
    let got = problems(err);
    let paths: Vec<&str> = got.iter().map(|p| p.split(':').next().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "apple",
            "zebra",
            "mentors[1].uuid",
            "contacts",
            "goals[0].due_on",
            "goals[0].mentor"
        ],
        "{got:#?}"
    );
    assert!(got[5].contains(ghost), "{}", got[5]);
    assert_eq!(
        export_json(&store, true).unwrap(),
        before,
        "nothing written"
    );
}

/// With thousands of records (as many as a parser handing them over in batches, or ahead of
/// the checks, would split) every problem still has its record's index and comes in
/// document order, and a kind given twice still counts once.
#[test]
fn across_many_batches_problems_keep_their_indexes_and_order() {
    let mentor = |i: usize, name: &str| {
        format!(
            r#"{{"uuid": "00000000-0000-4000-8000-{i:012x}", "created_at": "2026-01-01T00:00:00Z",
                "updated_at": "2026-01-01T00:00:00Z", "name": "{name}"}}"#
        )
    };
    let bad = [5, 63, 64, 1_000, 2_047, 2_999];
    let first: Vec<String> = (0..3_000)
        .map(|i| mentor(i, if bad.contains(&i) { "" } else { "M" }))
        .collect();
    let second: Vec<String> = (0..2_500).map(|i| mentor(i, "N")).collect();
    let text = |arrays: &[&[String]]| {
        let kinds: Vec<String> = arrays
            .iter()
            .map(|a| format!(r#""mentors": [{}]"#, a.join(",")))
            .collect();
        format!(
            r#"{{"format": "mentee-journal", "version": 1, {}}}"#,
            kinds.join(",")
        )
    };
    let mut store = Store::open_in_memory().unwrap();
    let got = problems(import_json(&mut store, &text(&[&first]), false).unwrap_err());
    let paths: Vec<&str> = got.iter().map(|p| p.split(':').next().unwrap()).collect();
    let want: Vec<String> = bad.iter().map(|i| format!("mentors[{i}].name")).collect();
    assert_eq!(paths, want, "{got:#?}");
    // The bad array first, then a good one: the last counts.
    let report = import_json(&mut store, &text(&[&first, &second]), false).unwrap();
    assert_eq!(report.total(), 2_500);
    assert_eq!(store.mentors().unwrap().len(), 2_500);
}
