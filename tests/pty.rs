//! End to end: the real binary in a pseudo-terminal. It opens on the demo's Today view,
//! switches through every view, quits, and leaves the terminal as it found it.

mod common;

use common::pty::{Session, find};

#[test]
fn demo_opens_switches_through_every_view_and_restores_the_terminal() {
    let mut s = Session::start(&["--demo"], 24, 80);
    s.wait_for("Next meeting");
    assert!(
        s.parser.screen().alternate_screen(),
        "the app draws on the alternate screen"
    );
    let views = [
        ("2", "Set clear goals"),
        ("3", "Prepare for meetings"),
        ("4", "Be receptive to feedback"),
        ("5", "Keep commitments"),
        ("6", "Express gratitude"),
        ("7", "Reflect regularly"),
        ("8", "Find the right mentor"),
        ("\t", "Be proactive"),
    ];
    for (key, checklist_item) in views {
        s.send(key.as_bytes());
        s.wait_for(checklist_item);
    }
    s.send(b"?");
    s.wait_for("This view");
    for _ in 0..30 {
        s.send(b"j");
    }
    s.wait_for("Find the right mentor");
    s.send(b"\x1b");
    s.wait_for("Next meeting");
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let enter = find(&s.raw, b"\x1b[?1049h").expect("entered the alternate screen");
    let leave = find(&s.raw, b"\x1b[?1049l").expect("left the alternate screen");
    assert!(leave > enter, "left the alternate screen after entering it");
    let shown = find(&s.raw, b"\x1b[?25h").expect("cursor shown again");
    assert!(shown > enter);
    assert!(!s.parser.screen().alternate_screen());
    assert!(
        !s.parser.screen().hide_cursor(),
        "the cursor is visible after exit"
    );
}

#[test]
fn indonesian_interface_in_a_real_terminal() {
    let mut s = Session::start(&["--demo", "--lang", "id"], 24, 80);
    s.wait_for("Pertemuan berikutnya");
    s.send(b"5");
    s.wait_for("Menepati Komitmen");
    s.send(b"\x03"); // Ctrl-C quits from anywhere
    assert!(s.wait_exit().success());
    assert!(!s.parser.screen().alternate_screen());
}

/// Occurrences of `needle` in `haystack`.
fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

#[test]
fn a_large_frame_arrives_whole_between_update_marks_and_the_way_out_follows_it() {
    const BEGIN: &[u8] = b"\x1b[?2026h";
    const END: &[u8] = b"\x1b[?2026l";
    let mut s = Session::start(&["--demo"], 60, 200);
    s.wait_for("Next meeting");
    s.send(b"2");
    s.wait_for("Set clear goals");
    s.pump(std::time::Duration::from_millis(300));
    // The whole Goals frame is on screen, down to the status bar on the last row.
    let screen = s.parser.screen();
    let last_row = screen.rows(0, 200).nth(59).unwrap_or_default();
    assert!(
        !last_row.trim().is_empty(),
        "the bottom row is drawn:\n{}",
        screen.contents()
    );
    let frames = count(&s.raw, BEGIN);
    assert!(frames >= 2, "each frame is marked ({frames})");
    assert_eq!(count(&s.raw, END), frames, "every frame is closed");
    s.send(b"q");
    assert!(s.wait_exit().success());
    let last_end = find(&s.raw, END).expect("a frame ended");
    let last_begin = find(&s.raw, BEGIN).expect("a frame began");
    assert!(last_begin < last_end, "no frame is left open");
    let leave = find(&s.raw, b"\x1b[?1049l").expect("left the alternate screen");
    assert!(
        leave > last_end,
        "the terminal is restored after the last frame"
    );
    assert!(!s.parser.screen().alternate_screen());
    assert!(!s.parser.screen().hide_cursor());
}

/// CPU time (user + system) of process `pid` so far, in clock ticks (`/proc/<pid>/stat`).
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    // utime and stime are fields 14 and 15 of stat(5), 12 and 13 after the name and state.
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
fn once_the_views_are_loaded_ahead_the_app_sleeps_until_a_key() {
    // The run loop loads the views not on screen while no key waits, then must block again:
    // a loop that kept polling would burn a whole core while the user reads.
    let mut s = Session::start(&["--demo"], 40, 120);
    s.wait_for("Next meeting");
    let pid = s.child.process_id().unwrap();
    // Give the loading ahead time to finish, even on a slow debug build.
    s.pump(std::time::Duration::from_millis(1500));
    let before = cpu_ticks(pid);
    s.pump(std::time::Duration::from_millis(1000));
    let used = cpu_ticks(pid) - before;
    // 100 ticks are a second of CPU: a spinning loop uses nearly all of them.
    assert!(used < 30, "{used} ticks of CPU in a second of idling");
    // And the views loaded ahead show when visited.
    s.send(b"5");
    s.wait_for("Keep commitments");
    s.send(b"q");
    s.wait_exit();
}
