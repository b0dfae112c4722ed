//! How mentee fits the shell (issue 20): the version line, shell completions and the man page
//! from the one clap definition, exit codes, and `mentee paths` — through the real binary.

use std::path::Path;

use assert_cmd::Command;
use mentee::i18n::Lang;
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

/// The subcommands, read from the clap definition itself (a new one is covered at once).
fn subcommands() -> Vec<clap::Command> {
    mentee::cli::command(Lang::En)
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .cloned()
        .collect()
}

/// Every long option of `sub` that is its own (not a global option).
fn own_options(sub: &clap::Command) -> Vec<String> {
    const GLOBAL: &[&str] = &["db", "demo", "lang", "config", "help", "version"];
    sub.get_arguments()
        .filter(|a| !GLOBAL.contains(&a.get_id().as_str()))
        .filter_map(|a| a.get_long().map(str::to_string))
        .collect()
}

#[test]
fn every_shell_gets_a_completion_script_naming_every_subcommand_and_option() {
    let dir = tempfile::tempdir().unwrap();
    let subs = subcommands();
    assert!(subs.len() >= 10, "{}", subs.len());
    // How each script spells "this word is a subcommand".
    type Spelling = fn(&str) -> String;
    let shells: [(&str, Spelling); 5] = [
        ("bash", |n| format!("mentee,{n})")),
        ("zsh", |n| format!("'{n}:")),
        ("fish", |n| format!("-a \"{n}\"")),
        ("powershell", |n| format!("[CompletionResult]::new('{n}',")),
        ("elvish", |n| format!("cand {n} ")),
    ];
    for (shell, spelled) in shells {
        let script = ok(mentee(dir.path()).args(["completions", shell]));
        for sub in &subs {
            let name = sub.get_name();
            assert!(script.contains(&spelled(name)), "{shell}: {name}");
            for long in own_options(sub) {
                assert!(script.contains(&long), "{shell}: {name} --{long}");
            }
        }
    }
    let err = mentee(dir.path())
        .args(["completions", "cmd.exe"])
        .output()
        .unwrap();
    assert_eq!(err.status.code(), Some(2));
}

/// The bash script is valid bash and really completes: subcommands, their options, values.
#[test]
fn the_bash_completion_completes_in_bash() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no bash on this machine");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("mentee.bash");
    std::fs::write(
        &script,
        ok(mentee(dir.path()).args(["completions", "bash"])),
    )
    .unwrap();
    let complete = |words: &[&str]| -> Vec<String> {
        let line = words.join(" ");
        let program = format!(
            "set -e; source {script:?}; COMP_WORDS=({words}); COMP_CWORD={cword}; \
             COMP_LINE={line:?}; COMP_POINT={point}; \
             _mentee mentee {current:?} {previous:?}; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            words = words
                .iter()
                .map(|w| format!("{w:?}"))
                .collect::<Vec<_>>()
                .join(" "),
            cword = words.len() - 1,
            point = line.len(),
            current = words[words.len() - 1],
            previous = words[words.len() - 2],
        );
        let out = std::process::Command::new("bash")
            .args(["--norc", "--noprofile", "-c", &program])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    };
    let all = complete(&["mentee", ""]);
    for sub in subcommands() {
        assert!(all.contains(&sub.get_name().to_string()), "{all:?}");
    }
    assert_eq!(complete(&["mentee", "rev"]), ["review"]);
    let review = complete(&["mentee", "review", "--"]);
    for long in ["--period", "--format", "--output"] {
        assert!(review.contains(&long.to_string()), "{review:?}");
    }
    assert_eq!(
        complete(&["mentee", "review", "--format", ""]),
        ["md", "json"]
    );
    let shells = complete(&["mentee", "completions", ""]);
    for shell in ["bash", "zsh", "fish", "powershell"] {
        assert!(shells.contains(&shell.to_string()), "{shells:?}");
    }
}

#[test]
fn the_man_page_has_a_part_for_every_subcommand_and_option() {
    let dir = tempfile::tempdir().unwrap();
    let page = ok(mentee(dir.path()).arg("man"));
    assert!(page.starts_with(".ie"), "{}", &page[..80]);
    assert_eq!(page.matches(".TH mentee 1").count(), 1);
    assert_eq!(page.matches(".ie \\n(.g").count(), 1, "one roff preamble");
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "VERSION",
    ] {
        assert!(page.contains(&format!(".SH {section}\n")), "{section}");
    }
    // roff escapes the dashes of options.
    let roff = |s: &str| s.replace('-', "\\-");
    for sub in subcommands() {
        let name = sub.get_name();
        assert!(
            page.contains(&format!(".SS \\fBmentee {name}\\fR\n")),
            "{name}"
        );
        for long in own_options(&sub) {
            assert!(
                page.contains(&roff(&format!("--{long}"))),
                "{name} --{long}"
            );
        }
    }
    assert!(page.contains(&format!("journal schema {LATEST_VERSION}")));
    // It renders: nroff reads it and shows every part.
    if let Ok(out) = std::process::Command::new("nroff")
        .args(["-man", "-Tutf8"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(page.as_bytes())?;
            child.wait_with_output()
        })
    {
        let shown = String::from_utf8_lossy(&out.stdout);
        // nroff overstrikes bold text; strip the backspaces to read it.
        let plain: String = strip_overstrike(&shown);
        for sub in subcommands() {
            assert!(
                plain.contains(&format!("mentee {}", sub.get_name())),
                "{plain}"
            );
        }
    }
    let id = ok(mentee(dir.path()).args(["--lang", "id", "man"]));
    assert!(
        id.contains(".SH PERINTAH\n") && id.contains("skema jurnal"),
        "{id}"
    );
}

/// Text without nroff's overstriking (`X\bX` for bold, `_\bX` for underline).
fn strip_overstrike(text: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if c == '\u{8}' {
            out.pop();
        } else {
            out.push(c);
        }
    }
    out.into_iter().collect()
}

/// The exit status of `cmd`, and its standard error.
fn status(cmd: &mut Command) -> (i32, String) {
    let out = cmd.output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    (out.status.code().unwrap(), err)
}

#[test]
fn exit_statuses_are_conventional_and_documented() {
    use mentee::cli::exit;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(status(mentee(d).args(["--demo", "status"])).0, 0);
    // A failure: 1, with one line saying why.
    let (code, err) = status(mentee(d).args(["--demo", "agenda", "--meeting", "999"]));
    assert_eq!((code, err.lines().count()), (1, 1), "{err}");
    // Usage errors: 2 (clap's convention).
    for args in [
        &["--no-such-flag"][..],
        &["review", "--period", "daily"],
        &["completions"],
        &["status", "--format", "yaml"],
    ] {
        assert_eq!(status(mentee(d).args(args)).0, 2, "{args:?}");
    }
    // No journal here: 66, from every command that reads one; nothing is created.
    let missing = d.join("missing.db");
    for args in [
        &["status"][..],
        &["check"],
        &["agenda"],
        &["review"],
        &["export"],
        &["backup", "copy.db"],
    ] {
        let (code, err) = status(
            mentee(d)
                .current_dir(d)
                .arg("--db")
                .arg(&missing)
                .args(args),
        );
        assert_eq!(code, i32::from(exit::NO_JOURNAL), "{args:?}: {err}");
        assert!(err.contains("no journal at"), "{err}");
    }
    assert!(!missing.exists() && !d.join("copy.db").exists());
    // The codes are listed after --help and in the man page, with what each means.
    let help = ok(mentee(d).arg("--help"));
    let page = ok(mentee(d).arg("man"));
    assert!(help.contains("Exit status:"), "{help}");
    assert!(page.contains(".SH \"EXIT STATUS\""), "{page}");
    for code in [
        exit::SUCCESS,
        exit::FAILURE,
        exit::USAGE,
        exit::NO_JOURNAL,
        exit::LOCKED,
    ] {
        assert!(help.contains(&format!("\n  {code:<3} ")), "{code}: {help}");
        assert!(page.contains(&format!(".TP\n\\fB{code}\\fR\n")), "{code}");
    }
}

/// A journal another program holds locked: 75 (EX_TEMPFAIL), "try again", not a failure.
#[test]
fn a_locked_journal_exits_with_75() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    ok(mentee(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["add", "question", "Why?"]));
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;
         INSERT INTO questions (uuid, created_at, updated_at, text)
         VALUES ('x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'held');",
    )
    .unwrap();
    for args in [&["status"][..], &["add", "question", "Another?"]] {
        let (code, err) = status(mentee(dir.path()).arg("--db").arg(&db).args(args));
        assert_eq!(
            code,
            i32::from(mentee::cli::exit::LOCKED),
            "{args:?}: {err}"
        );
        assert!(err.contains("locked"), "{err}");
    }
    drop(conn);
    assert_eq!(
        status(mentee(dir.path()).arg("--db").arg(&db).arg("status")).0,
        0
    );
}

/// `mentee paths --format json`, parsed.
fn paths_json(cmd: &mut Command) -> serde_json::Value {
    serde_json::from_str(&ok(cmd.args(["paths", "--format", "json"]))).unwrap()
}

/// Every name under `dir`, recursively, sorted.
fn tree(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        names.push(path.display().to_string());
        if path.is_dir() {
            names.extend(tree(&path));
        }
    }
    names.sort();
    names
}

#[test]
fn paths_follows_db_mentee_db_and_config_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let config = d.join("my.toml");
    std::fs::write(&config, "language = \"en\"\n").unwrap();
    let before = tree(d);
    // A relative --db is shown absolute; the flag wins over MENTEE_DB.
    let v = paths_json(
        mentee(d)
            .current_dir(d)
            .env("MENTEE_DB", d.join("env.db"))
            .args(["--db", "rel.db", "--config"])
            .arg(&config),
    );
    let rel = d.join("rel.db");
    assert_eq!(v["journal"]["path"], rel.to_str().unwrap());
    assert_eq!(v["journal"]["source"], "flag");
    assert_eq!(v["journal"]["exists"], false);
    assert_eq!(v["config"]["path"], config.to_str().unwrap());
    assert_eq!(v["config"]["source"], "flag");
    assert_eq!(v["config"]["exists"], true);
    assert_eq!(
        v["scratch"]["path"],
        d.join(".rel.db.edit").to_str().unwrap()
    );
    assert_eq!(v["drafts"]["kept_in"], "journal");
    assert_eq!(v["drafts"]["path"], rel.to_str().unwrap());
    let pattern = d.join("rel.db.before-v*.bak");
    assert_eq!(v["backups"]["pattern"], pattern.to_str().unwrap());
    // The environment, when no flag is given.
    let v = paths_json(
        mentee(d)
            .env("MENTEE_DB", d.join("env.db"))
            .env("MENTEE_CONFIG", &config),
    );
    assert_eq!(v["journal"]["path"], d.join("env.db").to_str().unwrap());
    assert_eq!(v["journal"]["source"], "env");
    assert_eq!(v["config"]["source"], "env");
    // The demo has no files of its own.
    let v = paths_json(mentee(d).args(["--demo", "--db", "x.db"]));
    assert_eq!(v["journal"]["source"], "demo");
    assert!(v["journal"]["path"].is_null() && v["scratch"]["path"].is_null());
    assert_eq!(tree(d), before, "paths creates nothing");
}

#[cfg(target_os = "linux")]
#[test]
fn paths_shows_the_platform_folders_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let home = |cmd: &mut Command| {
        cmd.env("HOME", d)
            .env("XDG_DATA_HOME", d.join("data"))
            .env("XDG_CONFIG_HOME", d.join("conf"))
            .env_remove("MENTEE_CONFIG");
    };
    let mut cmd = mentee(d);
    home(&mut cmd);
    let v = paths_json(&mut cmd);
    let journal = d.join("data/mentee/journal.db");
    assert_eq!(v["journal"]["path"], journal.to_str().unwrap());
    assert_eq!(v["journal"]["source"], "default");
    assert_eq!(
        v["config"]["path"],
        d.join("conf/mentee/config.toml").to_str().unwrap()
    );
    assert_eq!(v["config"]["source"], "default");
    // Once mentee has made the journal (and kept a copy before an upgrade), paths says so.
    let mut cmd = mentee(d);
    home(&mut cmd);
    ok(cmd.args(["add", "question", "Where is it?"]));
    let backup = d.join("data/mentee/journal.db.before-v6.bak");
    std::fs::write(&backup, "").unwrap();
    let mut cmd = mentee(d);
    home(&mut cmd);
    let v = paths_json(&mut cmd);
    assert_eq!(v["journal"]["exists"], true);
    assert_eq!(v["backups"]["found"][0], backup.to_str().unwrap());
    // The text form: one line per location, then the copies found, in the interface language.
    let mut cmd = mentee(d);
    home(&mut cmd);
    let text = ok(cmd.arg("paths"));
    assert!(
        text.contains("journal:")
            && text.contains(&format!("{} (default location; exists)", journal.display())),
        "{text}"
    );
    assert!(
        text.contains("drafts:") && text.contains("inside the journal"),
        "{text}"
    );
    assert!(
        text.lines().last().unwrap().trim() == backup.to_str().unwrap(),
        "{text}"
    );
    let mut cmd = mentee(d);
    home(&mut cmd);
    let id = ok(cmd.args(["--lang", "id", "paths"]));
    assert!(
        id.contains("jurnal:") && id.contains("lokasi bawaan; ada"),
        "{id}"
    );
}
