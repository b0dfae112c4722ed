//! Fit scorecards in the export (format version 3, `mentor_fit`): they round-trip, a private
//! mentor's scorecard stays out of a public export, files of earlier versions still import,
//! a second scorecard for one mentor is refused with a clear message, and the Markdown shows
//! each scorecard under its mentor.

use mentee::domain::fit::{FitRating, MentorFit};
use mentee::domain::*;
use mentee::i18n::Lang;
use mentee::store::Store;
use mentee::transfer::{Problem, TransferError, export_json, export_markdown, import_json};
use serde_json::{Value, json};

fn rating(c: FitCriterion, rating: u8, note: &str) -> FitRating {
    FitRating {
        criterion: c.code().into(),
        rating,
        note: note.into(),
    }
}

/// Two candidates with scorecards: a public one and a private mentor's.
fn journal() -> Store {
    let s = Store::open_in_memory().unwrap();
    let ana = s.save_mentor(&Mentor::new("Ana Putri")).unwrap();
    let mut secret = Mentor::new("Secret Sam");
    secret.status = MentorStatus::Approached;
    secret.private = true;
    let secret = s.save_mentor(&secret).unwrap();
    s.save_mentor_fit(&MentorFit {
        mentor_id: ana,
        ratings: vec![
            rating(FitCriterion::Goals, 5, "exactly my goals"),
            rating(FitCriterion::Availability, 2, ""),
        ],
        ..MentorFit::default()
    })
    .unwrap();
    s.save_mentor_fit(&MentorFit {
        mentor_id: secret,
        ratings: vec![rating(FitCriterion::Listening, 4, "hidden note")],
        ..MentorFit::default()
    })
    .unwrap();
    s
}

fn problems(err: TransferError) -> Vec<String> {
    match err {
        TransferError::Invalid(problems) => problems.iter().map(Problem::to_string).collect(),
        other => panic!("expected problems, got {other}"),
    }
}

#[test]
fn scorecards_round_trip_as_version_3() {
    let source = journal();
    let first = export_json(&source, true).unwrap();
    let doc: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["version"], 3);
    let at = |key: &str| first.find(&format!("\n  \"{key}\": ")).unwrap();
    assert!(
        at("resources") < at("mentor_fit"),
        "the new kind comes last"
    );
    let fits = doc["mentor_fit"].as_array().unwrap();
    assert_eq!(fits.len(), 2);
    // Written the same second, records come by uuid: find Ana's by her mentor's uuid.
    let ana = doc["mentors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Ana Putri")
        .unwrap();
    let card = fits.iter().find(|f| f["mentor"] == ana["uuid"]).unwrap();
    assert_eq!(
        card["ratings"],
        json!([
            {"criterion": "goals", "note": "exactly my goals", "rating": 5},
            {"criterion": "availability", "note": "", "rating": 2},
        ])
    );
    let mut target = Store::open_in_memory().unwrap();
    let report = import_json(&mut target, &first, false).unwrap();
    assert_eq!(report.kind("mentor_fit").unwrap().added, 2);
    assert_eq!(export_json(&target, true).unwrap(), first, "lossless");
    let again = import_json(&mut target, &first, false).unwrap();
    assert_eq!(again.changed(), 0, "{again}");
    // The scorecard reads back through the store as the TUI and `mentee candidates` see it.
    let candidates = target.candidates().unwrap();
    assert_eq!(candidates[0].name, "Secret Sam", "best average first");
    assert_eq!(candidates[1].fit.total(), 7);
}

#[test]
fn a_private_mentors_scorecard_stays_out_of_a_public_export() {
    let source = journal();
    let public = export_json(&source, false).unwrap();
    assert!(!public.contains("Secret Sam") && !public.contains("hidden note"));
    let doc: Value = serde_json::from_str(&public).unwrap();
    assert_eq!(doc["mentor_fit"].as_array().unwrap().len(), 1);
    // A private scorecard of a public mentor stays out too.
    let s = Store::open_in_memory().unwrap();
    let ana = s.save_mentor(&Mentor::new("Ana")).unwrap();
    s.save_mentor_fit(&MentorFit {
        mentor_id: ana,
        ratings: vec![rating(FitCriterion::Invested, 1, "private doubt")],
        private: true,
        ..MentorFit::default()
    })
    .unwrap();
    let public = export_json(&s, false).unwrap();
    assert!(!public.contains("private doubt"));
    assert!(export_json(&s, true).unwrap().contains("private doubt"));
    // The round trip holds for a public export as well.
    let mut target = Store::open_in_memory().unwrap();
    import_json(&mut target, &export_json(&source, false).unwrap(), false).unwrap();
    assert_eq!(
        export_json(&target, true).unwrap(),
        export_json(&source, false).unwrap()
    );
}

#[test]
fn files_of_earlier_versions_still_import() {
    let mentor = json!({
        "uuid": "360e76f5-8afa-4f54-8c2f-d361b96782c5",
        "created_at": "2026-01-05T08:00:00Z",
        "updated_at": "2026-01-05T08:00:00Z",
        "name": "Ayu Lestari",
    });
    for version in [1, 2] {
        let file = json!({"format": "mentee-journal", "version": version, "mentors": [mentor]});
        let mut store = Store::open_in_memory().unwrap();
        let report = import_json(&mut store, &file.to_string(), false).unwrap();
        assert_eq!(
            report.kind("mentors").unwrap().added,
            1,
            "version {version}"
        );
        assert_eq!(report.kind("mentor_fit").unwrap().added, 0);
        let doc: Value = serde_json::from_str(&export_json(&store, true).unwrap()).unwrap();
        assert_eq!(doc["version"], 3);
        assert_eq!(doc["mentor_fit"], json!([]));
    }
    // The shipped demo samples are version-3 files with scorecards.
    for sample in ["assets/demo.json", "assets/demo-id.json"] {
        let text = std::fs::read_to_string(sample).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(doc["version"], 3, "{sample}");
        assert_eq!(doc["mentor_fit"].as_array().unwrap().len(), 2, "{sample}");
    }
}

#[test]
fn a_second_scorecard_or_a_bad_rating_is_refused_with_its_path() {
    let mut store = journal();
    let base: Value = serde_json::from_str(&export_json(&store, true).unwrap()).unwrap();
    let before = export_json(&store, true).unwrap();
    let other = "7c0c7d2e-1111-4222-8333-944455556666";
    // The same mentor scored twice in one file.
    let mut twice = base.clone();
    let mut copy = twice["mentor_fit"][0].clone();
    copy["uuid"] = json!(other);
    twice["mentor_fit"].as_array_mut().unwrap().push(copy);
    assert_eq!(
        problems(import_json(&mut store, &twice.to_string(), false).unwrap_err()),
        [
            "mentor_fit[2].mentor: this mentor already has a scorecard at mentor_fit[0]; a mentor has one scorecard"
        ]
    );
    // Another scorecard, under another uuid, for a mentor the journal has scored.
    let mut other_uuid = base.clone();
    other_uuid["mentor_fit"] = json!([other_uuid["mentor_fit"][0].clone()]);
    other_uuid["mentor_fit"][0]["uuid"] = json!(other);
    let held = base["mentor_fit"][0]["uuid"].as_str().unwrap();
    assert_eq!(
        problems(import_json(&mut store, &other_uuid.to_string(), false).unwrap_err()),
        [format!(
            "mentor_fit[0].mentor: this mentor already has another scorecard in the journal (uuid {held:?}); a mentor has one scorecard"
        )]
    );
    // Ratings: a known criterion, once, 1 to 5, no other keys.
    let cases = [
        (
            json!([{"criterion": "charm", "rating": 3}]),
            "mentor_fit[0].ratings[0].criterion: \"charm\" is not a fit criterion; expected one of: goals, availability, communication, learning_style, experience, listening, honest_feedback, invested",
        ),
        (
            json!([{"criterion": "goals", "rating": 6}]),
            "mentor_fit[0].ratings[0].rating: 6 is outside the accepted range 1 to 5",
        ),
        (
            json!([{"criterion": "goals", "rating": 3}, {"criterion": "GOALS", "rating": 4}]),
            "mentor_fit[0].ratings[1].criterion: this criterion is already rated at mentor_fit[0].ratings[0]; rate each criterion once",
        ),
        (
            json!([{"criterion": "goals", "rating": 3, "why": "x"}]),
            "mentor_fit[0].ratings[0].why: unknown field",
        ),
    ];
    for (ratings, message) in cases {
        let mut bad = base.clone();
        bad["mentor_fit"][0]["ratings"] = ratings;
        assert_eq!(
            problems(import_json(&mut store, &bad.to_string(), false).unwrap_err()),
            [message]
        );
    }
    assert_eq!(
        export_json(&store, true).unwrap(),
        before,
        "nothing written"
    );
    // A note may be left out, and a criterion's case is forgiven.
    let mut loose = base.clone();
    loose["mentor_fit"][0]["ratings"] = json!([{"criterion": " Goals ", "rating": 2}]);
    import_json(&mut store, &loose.to_string(), false).unwrap();
    let doc: Value = serde_json::from_str(&export_json(&store, true).unwrap()).unwrap();
    assert_eq!(
        doc["mentor_fit"][0]["ratings"],
        json!([{"criterion": "goals", "note": "", "rating": 2}])
    );
}

#[test]
fn markdown_shows_each_scorecard_under_its_mentor() {
    let store = journal();
    let md = export_markdown(&store, false, Lang::En).unwrap();
    let ana = md.find("### Ana Putri").unwrap();
    let card = md
        .find("**Fit scorecard** — Total 7 · Average 3.5/5")
        .unwrap();
    assert!(card > ana, "{md}");
    assert!(
        md.contains("- Match with my goals: 5/5 — exactly my goals"),
        "{md}"
    );
    assert!(md.contains("- Availability: 2/5\n"), "{md}");
    assert!(!md.contains("hidden note") && !md.contains("Secret Sam"));
    let id = export_markdown(&store, true, Lang::Id).unwrap();
    assert!(id.contains("**Kartu kecocokan**"), "{id}");
    assert!(id.contains("Rata-rata 3,5/5"), "{id}");
    assert!(id.contains("- Cocok dengan sasaran saya: 5/5"), "{id}");
    assert!(id.contains("hidden note"), "with private records");
}
