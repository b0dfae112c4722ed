//! The JSON the command line prints for scripts matches `docs/json-output.md` (issue 20 item
//! 3): the page's key tables are read, and the real binary's output must have exactly the
//! documented keys, each with its documented type; the page's examples must too. A key added
//! to the code but not to the page (or the other way round) fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// One documented object: its example and its keys with the types each may have.
struct Shape {
    example: Value,
    keys: BTreeMap<String, Vec<String>>,
}

/// The shapes of `docs/json-output.md`, by subcommand.
fn documented() -> BTreeMap<String, Shape> {
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/json-output.md"))
        .unwrap();
    let mut shapes = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut fence: Option<String> = None;
    for line in page.lines() {
        if let Some(rest) = line.strip_prefix("## `mentee ") {
            let name = rest.split([' ', '`']).next().unwrap().to_string();
            shapes.insert(
                name.clone(),
                Shape {
                    example: Value::Null,
                    keys: BTreeMap::new(),
                },
            );
            current = Some(name);
            continue;
        }
        let Some(name) = &current else { continue };
        let shape = shapes.get_mut(name).unwrap();
        match (&mut fence, line) {
            (None, "```json") => fence = Some(String::new()),
            (Some(text), "```") => {
                if shape.example.is_null() {
                    shape.example = serde_json::from_str(text)
                        .unwrap_or_else(|e| panic!("{name}: the example is not JSON: {e}"));
                }
                fence = None;
            }
            (Some(text), _) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, _) if line.starts_with("| `") => {
                let cells: Vec<&str> = line.split('|').map(str::trim).collect();
                let key = cells[1].trim_matches('`').to_string();
                let types = cells[2].split(" or ").map(str::to_string).collect();
                assert!(
                    shape.keys.insert(key.clone(), types).is_none(),
                    "{name}: {key} twice"
                );
            }
            _ => {}
        }
    }
    shapes
}

/// The JSON type of a value, as the page names it.
fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every (path, type) in `v`: `a.b` for a key inside an object, `a[]` for each element.
fn flatten(v: &Value, prefix: &str, out: &mut Vec<(String, &'static str)>) {
    match v {
        Value::Object(map) => {
            for (key, value) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                out.push((path.clone(), type_of(value)));
                flatten(value, &path, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                let path = format!("{prefix}[]");
                out.push((path.clone(), type_of(item)));
                flatten(item, &path, out);
            }
        }
        _ => {}
    }
}

/// Checks `value` against `shape`; returns the paths it has.
fn conforms(what: &str, name: &str, shape: &Shape, value: &Value) -> BTreeSet<String> {
    assert_eq!(value["format"], format!("mentee-{name}"), "{what}");
    assert_eq!(value["version"], 1, "{what}");
    let mut found = Vec::new();
    flatten(value, "", &mut found);
    for (path, ty) in &found {
        let Some(types) = shape.keys.get(path) else {
            panic!("{what}: key {path} is not in docs/json-output.md");
        };
        // A whole number is a number too (2.0 may print as 2 in other writers).
        let fits = types
            .iter()
            .any(|t| t == ty || (t == "number" && *ty == "integer"));
        assert!(fits, "{what}: {path} is {ty}, documented as {types:?}");
    }
    found.into_iter().map(|(p, _)| p).collect()
}

/// `mentee` with a test environment: pinned clock, English, no config, no MENTEE_DB.
fn mentee(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mentee").unwrap();
    cmd.env("MENTEE_NOW", "2026-11-27T09:00")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MENTEE_DB")
        .env("MENTEE_CONFIG", dir.join("no-such-config.toml"));
    cmd
}

/// The subcommand among `args`.
fn command_of(args: &[&str]) -> String {
    const COMMANDS: [&str; 5] = ["agenda", "check", "paths", "review", "status"];
    let found = args.iter().find(|a| COMMANDS.contains(a));
    found.unwrap().to_string()
}

/// Runs `mentee ARGS --format json`; returns the object (and checks how it begins).
fn run_json(dir: &Path, args: &[&str]) -> Value {
    let out = mentee(dir)
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let name = command_of(args);
    assert!(
        text.starts_with(&format!(
            "{{\n  \"format\": \"mentee-{name}\",\n  \"version\": 1,\n"
        )),
        "{args:?}: format and version come first\n{text}"
    );
    assert!(text.ends_with("}\n"), "{args:?}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_documented_examples_have_exactly_the_documented_keys() {
    let shapes = documented();
    let names: Vec<&str> = shapes.keys().map(String::as_str).collect();
    for name in ["agenda", "check", "paths", "review", "status"] {
        assert!(names.contains(&name), "{name} is not documented: {names:?}");
    }
    for (name, shape) in &shapes {
        assert!(!shape.keys.is_empty(), "{name}: no key table");
        let seen = conforms(&format!("the {name} example"), name, shape, &shape.example);
        let documented: BTreeSet<String> = shape.keys.keys().cloned().collect();
        let missing: Vec<_> = documented.difference(&seen).collect();
        assert!(missing.is_empty(), "the {name} example lacks {missing:?}");
    }
}

#[test]
fn the_real_output_has_exactly_the_documented_keys_and_types() {
    let dir = tempfile::tempdir().unwrap();
    // An empty journal on disk, for the "nothing yet" forms.
    let empty = dir.path().join("empty.db");
    drop(mentee::store::Store::open(&empty, true).unwrap());
    // A copy kept before an upgrade, for `paths`.
    std::fs::write(dir.path().join("empty.db.before-v2.bak"), "").unwrap();
    let empty = empty.to_str().unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec!["--demo", "status"],
        vec!["--db", empty, "status"],
        vec!["--demo", "check"],
        vec!["--db", empty, "check"],
        vec!["--demo", "agenda"],
        vec!["--demo", "agenda", "--include-private"],
        vec!["--demo", "review", "--period", "week"],
        vec!["--demo", "review", "--period", "month"],
        vec!["--demo", "review", "--period", "quarter"],
        vec!["--db", empty, "review"],
        vec!["--demo", "paths"],
        vec!["--db", empty, "paths"],
    ];
    let shapes = documented();
    let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for args in &runs {
        let name = command_of(args);
        let value = run_json(dir.path(), args);
        let shape = &shapes[&name];
        let found = conforms(&format!("{args:?}"), &name, shape, &value);
        seen.entry(name).or_default().extend(found);
    }
    // Every documented key was met in some real output: the page lists nothing imaginary.
    for (name, paths) in &seen {
        let documented: BTreeSet<String> = shapes[name].keys.keys().cloned().collect();
        let never: Vec<_> = documented.difference(paths).collect();
        assert!(
            never.is_empty(),
            "{name}: documented but never printed: {never:?}"
        );
    }
    // The empty journal's status says so, with nothing planned.
    let status = run_json(dir.path(), &["--db", empty, "status"]);
    assert_eq!(status["empty"], true);
    assert!(status["next_meeting"].is_null());
    assert_eq!(
        status["lines"][0],
        "Your journal is empty. Run mentee to add your first mentor and goal."
    );
    let check = run_json(dir.path(), &["--db", empty, "check"]);
    assert_eq!(check["ok"], true);
    assert_eq!(check["journal"], empty);
}

#[test]
fn status_json_tells_the_same_as_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let value = run_json(dir.path(), &["--demo", "status"]);
    let out = mentee(dir.path())
        .args(["--demo", "status"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = value["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(lines, text.lines().collect::<Vec<_>>());
    // The text shows the top three nudges; the JSON has every one, the same first.
    let nudges = value["nudges"].as_array().unwrap();
    assert!(nudges.len() >= 3, "{nudges:?}");
    for nudge in nudges.iter().take(3) {
        assert!(text.contains(nudge["text"].as_str().unwrap()), "{nudge}");
    }
    let next = &value["next_meeting"];
    assert_eq!(next["starts_at"], "2026-11-29T16:00");
    // From Friday 09:00 to Sunday 16:00.
    assert_eq!(next["minutes_until"], 2 * 24 * 60 + 7 * 60);
    assert_eq!(next["readiness"], "draft");
    // Text meant for people speaks the interface language; keys and codes do not change.
    let id = mentee(dir.path())
        .args(["--lang", "id", "--demo", "status", "--format", "json"])
        .output()
        .unwrap();
    let id: Value = serde_json::from_slice(&id.stdout).unwrap();
    assert_eq!(id["next_meeting"]["readiness"], "draft");
    assert_ne!(id["lines"], value["lines"]);
}
