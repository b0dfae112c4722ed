//! End to end: a whole debrief in the real binary, in a pseudo-terminal, on a journal file;
//! afterwards the file is read back through the store to see that everything landed.

mod common;

use common::pty::Session;

fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str("2026-11-27 09:00", "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn a_whole_debrief_in_a_real_terminal_lands_in_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    {
        let mut store = mentee::store::Store::open(&path, false).unwrap();
        mentee::demo::fill(&mut store, now()).unwrap();
    }
    let db = path.to_str().unwrap();
    let mut s = Session::start(&["--db", db], 24, 100);
    s.wait_for("Next meeting");
    s.send(b"3");
    s.wait_for("Prepare for meetings");
    s.send(b"j"); // the most recent past meeting, below the one upcoming
    s.send(b"D");
    s.wait_for("Tick what was discussed");
    s.send(b"\x13"); // Ctrl-S: next step
    s.wait_for("Answer the prompts");
    s.send(b"Pacing matters");
    s.send(b"\t\t\t");
    s.send(b"Practise with a timer");
    s.send(b"\t");
    s.send(b"What would you cut?");
    s.wait_for("What would you cut?");
    s.send(b"\x13");
    s.wait_for("Feedback noted (0)");
    s.send(b"\t");
    s.send(b"Cut the intro in half");
    s.send(b"\x13"); // adds it
    s.wait_for("Feedback noted (1)");
    s.send(b"\x13"); // goes on
    s.wait_for("Commitments noted (0)");
    s.send(b"\t\t+1w");
    s.send(b"\x13");
    s.wait_for("Commitments noted (1)");
    s.send(b"\x13");
    s.wait_for("Note your thanks");
    s.send(b"The timer trick");
    s.send(b"\x13");
    s.wait_for("The next meeting's date");
    s.send(b"+2w");
    s.send(b"\x13");
    s.wait_for("Debrief saved");
    // The recap to send comes up after the debrief (issue 17): q closes it, q again quits.
    s.wait_for("Recap for");
    s.send(b"q");
    s.send(b"q");
    assert!(s.wait_exit().success());

    let store = mentee::store::Store::open(&path, false).unwrap();
    let past = store.past_meetings(now(), 1).unwrap();
    let m = &past[0].meeting;
    assert_eq!(m.status, mentee::domain::MeetingStatus::Held);
    assert!(m.notes.contains("Pacing matters"), "{}", m.notes);
    let fb = store.feedback_list(10).unwrap();
    assert!(
        fb.iter()
            .any(|f| f.feedback.text == "Cut the intro in half"
                && f.feedback.meeting_id == Some(m.id))
    );
    let cs = store.commitment_list(20).unwrap();
    let c = cs
        .iter()
        .find(|c| c.commitment.text == "Practise with a timer")
        .expect("commitment");
    assert_eq!(c.commitment.meeting_id, Some(m.id));
    assert_eq!(
        c.commitment.due,
        Some(now().date() + chrono::Duration::weeks(1))
    );
    let g = store.gratitude_list(10).unwrap();
    assert!(
        g.iter()
            .any(|g| g.gratitude.what_for == "The timer trick"
                && g.gratitude.meeting_id == Some(m.id))
    );
    assert!(
        store
            .open_questions(10)
            .unwrap()
            .iter()
            .any(|q| q.text == "What would you cut?")
    );
    let next = store.upcoming_meetings(now(), 10).unwrap();
    assert!(
        next.iter()
            .any(|n| n.meeting.starts_at.date() == now().date() + chrono::Duration::weeks(2))
    );
    assert!(store.drafts().unwrap().is_empty(), "the draft is gone");
}
