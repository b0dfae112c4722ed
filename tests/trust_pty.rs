//! Issue 12 in a real pseudo-terminal: a panic's message is printed after the terminal is
//! back to normal, on a fresh line, and nothing moves the cursor back over it afterwards (the
//! next shell prompt would overwrite its first line).

mod common;

use common::pty::{Session, find};

#[test]
fn a_panic_message_keeps_its_first_line() {
    let mut s = Session::start_with(&["--demo"], 24, 80, &[("MENTEE_TEST_PANIC", "1")]);
    let status = s.wait_exit();
    assert!(!status.success());
    let message = find(&s.raw, b"mentee crashed").expect("the message is printed");
    let leave = s
        .raw
        .windows(8)
        .rposition(|w| w == b"\x1b[?1049l")
        .expect("the alternate screen was left");
    assert!(
        leave < message,
        "the alternate screen is left once, before the message — leaving it again would move \
         the cursor back above the message"
    );
    // What the user sees: the message's first line, with the cursor below it (where the
    // shell's next prompt goes).
    let screen = s.parser.screen();
    let row = (0..24)
        .find(|r| {
            screen
                .contents_between(*r, 0, *r, 80)
                .contains("mentee crashed")
        })
        .expect("the first line is on screen");
    assert!(
        screen.cursor_position().0 > row,
        "the cursor is below the message"
    );
}
