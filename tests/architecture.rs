//! The shape of `src/tui` (docs/ARCHITECTURE.md): its files import each other without a
//! cycle, and nothing under `views/` reaches for the app. The file-level graph is read from
//! the sources: an edge F → G when F names (in a `use`, or a `crate::tui::…` / `super::…`
//! path in its code) a module or an item of G. Unit-test modules are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// The module path of a source file (`tui/views/goals/mod.rs` → `tui::views::goals`).
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(SRC).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The file of a module, if it is one.
fn file_of(module: &[String]) -> Option<PathBuf> {
    let base: PathBuf = std::iter::once(SRC.to_string())
        .chain(module.iter().cloned())
        .collect();
    [base.with_extension("rs"), base.join("mod.rs")]
        .into_iter()
        .find(|p| p.is_file())
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without its unit tests, comments and string contents.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut in_string = false;
        let mut escaped = false;
        for c in line.chars() {
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                }
                continue;
            }
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// Every path a `use` tree names, with its braces expanded.
fn expand(prefix: &[String], tree: &str, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().to_string())
            .collect();
        let prefix: Vec<String> = prefix.iter().cloned().chain(head).collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let (mut depth, mut start) = (0, 0);
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&prefix, &inner[start..i], out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&prefix, &inner[start..], out);
    } else if !tree.is_empty() {
        let path = tree.split(" as ").next().unwrap_or(tree);
        let mut segs = prefix.to_vec();
        segs.extend(path.split("::").map(|s| s.trim().to_string()));
        out.push(segs);
    }
}

/// The file a path from module `here` lands in (its deepest module), inside `tui` only.
fn resolve(here: &[String], segs: &[String]) -> Option<PathBuf> {
    let mut segs = segs.iter().peekable();
    let mut module: Vec<String> = match segs.peek().map(|s| s.as_str()) {
        Some("crate") => {
            segs.next();
            Vec::new()
        }
        Some("super" | "self") => {
            let mut m = here.to_vec();
            while let Some(s) = segs.next_if(|s| *s == "super" || *s == "self") {
                if s == "super" {
                    m.pop();
                }
            }
            m
        }
        Some(first) => {
            let child: Vec<String> = here.iter().cloned().chain([first.to_string()]).collect();
            file_of(&child)?;
            here.to_vec()
        }
        None => return None,
    };
    for seg in segs {
        let next: Vec<String> = module.iter().cloned().chain([seg.clone()]).collect();
        if seg == "self" {
            continue;
        }
        if file_of(&next).is_some() {
            module = next;
        } else {
            break;
        }
    }
    (module.first().is_some_and(|m| m == "tui")).then(|| file_of(&module))?
}

fn graph() -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mut all = Vec::new();
    files(&Path::new(SRC).join("tui"), &mut all);
    let mut edges = BTreeMap::new();
    for file in &all {
        let here = module_of(file);
        let text = code(file);
        let mut paths = Vec::new();
        let mut rest = text.as_str();
        // `use` trees.
        while let Some(at) = rest.find("use ") {
            let before = rest[..at].chars().last();
            let after = &rest[at + 4..];
            rest = after;
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if let Some(end) = after.find(';') {
                expand(&[], &after[..end], &mut paths);
            }
        }
        // Paths in code.
        for start in ["crate::tui::", "super::"] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(start) {
                let tail = &rest[at..];
                let len = tail
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .unwrap_or(tail.len());
                paths.push(
                    tail[..len]
                        .trim_end_matches(':')
                        .split("::")
                        .map(str::to_string)
                        .collect(),
                );
                rest = &tail[len.max(1)..];
            }
        }
        let targets: BTreeSet<PathBuf> = paths
            .iter()
            .filter_map(|p| resolve(&here, p))
            .filter(|t| t != file)
            .collect();
        edges.insert(file.clone(), targets);
    }
    edges
}

/// Files reachable from `from`.
fn reach(edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>, from: &Path) -> BTreeSet<PathBuf> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_path_buf()];
    while let Some(f) = todo.pop() {
        for t in edges.get(&f).into_iter().flatten() {
            if seen.insert(t.clone()) {
                todo.push(t.clone());
            }
        }
    }
    seen
}

#[test]
fn the_files_of_the_tui_import_each_other_without_a_cycle() {
    let edges = graph();
    assert!(edges.len() > 40, "the sources were read: {}", edges.len());
    let mut cycles = Vec::new();
    for file in edges.keys() {
        if reach(&edges, file).contains(file) {
            cycles.push(file.strip_prefix(SRC).unwrap().display().to_string());
        }
    }
    assert!(cycles.is_empty(), "files on an import cycle: {cycles:?}");
}

#[test]
fn no_view_imports_the_app() {
    let app = Path::new(SRC).join("tui/app/mod.rs");
    for (file, targets) in graph() {
        if file.starts_with(Path::new(SRC).join("tui/views")) {
            assert!(
                !targets.contains(&app),
                "{} imports the app",
                file.display()
            );
        }
    }
}

#[test]
fn the_check_sees_a_cycle_when_there_is_one() {
    // keys.rs names the views' key tables' vocabulary; the views name keys.rs: an edge from
    // keys.rs to a view would close a cycle, and the graph has both directions' files.
    let edges = graph();
    let keys = Path::new(SRC).join("tui/keys.rs");
    let goals = Path::new(SRC).join("tui/views/goals/mod.rs");
    assert!(edges[&goals].contains(&keys), "goals/mod.rs uses keys.rs");
    let mut with_cycle = edges.clone();
    with_cycle.get_mut(&keys).unwrap().insert(goals.clone());
    assert!(reach(&with_cycle, &keys).contains(&keys));
}
