//! How mentee fits the shell (issue 20): the version line, shell completions and the man page
//! from the one clap definition, exit codes, and `mentee paths` — through the real binary.

use std::path::Path;

use assert_cmd::Command;
use mentee::store::migrate::LATEST_VERSION;

/// `mentee` with a test environment: pinned clock, English, no config, no MENTEE_DB.
fn mentee(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_NOW", "2026-11-27T09:00")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MENTEE_DB")
        .env_remove("NO_COLOR")
        .env("MENTEE_CONFIG", dir.join("no-such-config.toml"));
    cmd
}

/// Runs `cmd`, expecting success; returns its standard output.
fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_version_says_which_journal_schema_this_build_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(mentee(dir.path()).arg("--version"));
    assert_eq!(
        out,
        format!(
            "mentee {} (journal schema {LATEST_VERSION})\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    let out = ok(mentee(dir.path()).args(["--lang", "id", "-V"]));
    assert!(
        out.contains(&format!("(skema jurnal {LATEST_VERSION})")),
        "{out}"
    );
}
