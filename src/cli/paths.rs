//! Where things are: the journal and config files this run uses (from `--db`/`MENTEE_DB`,
//! `--config`/`MENTEE_CONFIG`, or the platform folders), the `$EDITOR` scratch folder, and the
//! copies kept before schema upgrades. [`Locations::resolve`] is the one place these rules
//! live: the binary uses it to open the journal and read the config, and `mentee paths`
//! prints it. Nothing here creates or opens a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::fmt::{TextFormat, json};
use super::{CliError, Context};
use crate::domain::text::clean_line;

/// Where a location came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A command-line option (`--db`, `--config`).
    Flag,
    /// An environment variable (`MENTEE_DB`, `MENTEE_CONFIG`).
    Env,
    /// The platform's folder (`directories`).
    Default,
    /// The demo journal, in memory.
    Demo,
}

/// A file location and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub path: PathBuf,
    pub origin: Origin,
}

/// The journal and config files a run uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locations {
    /// The journal file: `None` for the demo (in memory) or when there is no home folder.
    pub journal: Option<Chosen>,
    /// The config file (it may not exist): `None` when there is no home folder.
    pub config: Option<Chosen>,
    /// True for `--demo`.
    pub demo: bool,
}

/// An environment variable that is set and not empty (`MENTEE_DB=""` means unset).
fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The option's path, else the environment variable's, else the default one.
fn choose(flag: Option<&Path>, env: &str, default: Option<PathBuf>) -> Option<Chosen> {
    let chosen = |path, origin| Some(Chosen { path, origin });
    match (flag, env_path(env), default) {
        (Some(path), _, _) => chosen(path.to_path_buf(), Origin::Flag),
        (None, Some(path), _) => chosen(path, Origin::Env),
        (None, None, Some(path)) => chosen(path, Origin::Default),
        (None, None, None) => None,
    }
}

impl Locations {
    /// The locations for the options given (`--db`, `--config`, `--demo`) and the
    /// environment (`MENTEE_DB`, `MENTEE_CONFIG`): the journal that will be opened — or
    /// created, the first time — and the config that will be read.
    pub fn resolve(db: Option<&Path>, config: Option<&Path>, demo: bool) -> Locations {
        let journal = if demo {
            None
        } else {
            choose(db, "MENTEE_DB", super::default_db_path())
        };
        Locations {
            journal,
            config: choose(
                config,
                "MENTEE_CONFIG",
                crate::config::Config::default_path(),
            ),
            demo,
        }
    }

    /// The journal file that will be used (`None`: the demo, or no home folder).
    pub fn journal_path(&self) -> Option<&Path> {
        self.journal.as_ref().map(|c| c.path.as_path())
    }

    /// The private folder `$EDITOR` edits in, beside the journal (see
    /// [`crate::store::scratch`]); `None` for the demo, whose folder is a fresh temporary one.
    pub fn scratch(&self) -> Option<PathBuf> {
        let journal = self.journal_path()?;
        let mut hidden = std::ffi::OsString::from(".");
        hidden.push(journal.file_name()?);
        hidden.push(".edit");
        Some(journal.with_file_name(hidden))
    }

    /// The pattern of the copies kept before a schema upgrade: `journal.db.before-v*.bak`
    /// beside the journal (see [`crate::store::migrate`]).
    pub fn backup_pattern(&self) -> Option<PathBuf> {
        let journal = self.journal_path()?;
        let mut name = journal.file_name()?.to_os_string();
        name.push(".before-v*.bak");
        Some(journal.with_file_name(name))
    }

    /// The copies kept before schema upgrades that exist now, sorted by name.
    pub fn backups(&self) -> Vec<PathBuf> {
        let Some(journal) = self.journal_path() else {
            return Vec::new();
        };
        let (Some(name), Some(dir)) = (journal.file_name(), journal.parent()) else {
            return Vec::new();
        };
        let prefix = format!("{}.before-v", name.to_string_lossy());
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| {
                let n = e.file_name().to_string_lossy().into_owned();
                n.starts_with(&prefix) && n.ends_with(".bak")
            })
            .map(|e| journal.with_file_name(e.file_name()))
            .collect();
        found.sort();
        found
    }
}

/// `mentee paths`: prints the locations, as text or as the documented JSON object.
pub fn run(ctx: &Context, format: TextFormat, out: &mut dyn Write) -> Result<(), CliError> {
    let at = &ctx.locations;
    match format {
        TextFormat::Text => {
            for line in lines(ctx, at) {
                writeln!(out, "{line}")?;
            }
        }
        TextFormat::Json => out.write_all(json(&to_json(at)).as_bytes())?,
    }
    Ok(())
}

/// A path made absolute (against the current folder), as `mentee paths` shows it.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// A path as the terminal may show it: absolute, control characters neutralised.
fn shown(path: &Path) -> String {
    clean_line(&absolute(path).display().to_string()).into_owned()
}

fn lines(ctx: &Context, at: &Locations) -> Vec<String> {
    let t = &ctx.lang.text().shell;
    let there = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    let exists = |p: &Path| {
        if there(p) {
            t.paths_exists
        } else {
            t.paths_missing
        }
    };
    let origin = |o: Origin, flag: &'static str, env: &'static str| match o {
        Origin::Flag => flag,
        Origin::Env => env,
        Origin::Default => t.paths_default,
        Origin::Demo => t.paths_demo,
    };
    let journal = match &at.journal {
        Some(c) => format!(
            "{} ({}; {})",
            shown(&c.path),
            origin(c.origin, "--db", "MENTEE_DB"),
            if there(&c.path) {
                t.paths_exists
            } else {
                t.paths_journal_missing
            }
        ),
        None if at.demo => t.paths_demo.to_string(),
        None => t.paths_no_home.to_string(),
    };
    let config = match &at.config {
        Some(c) => format!(
            "{} ({}; {})",
            shown(&c.path),
            origin(c.origin, "--config", "MENTEE_CONFIG"),
            exists(&c.path)
        ),
        None => t.paths_no_home.to_string(),
    };
    let scratch = match at.scratch() {
        Some(dir) => format!("{} ({})", shown(&dir), t.paths_scratch_when),
        None if at.demo => format!(
            "{} ({})",
            shown(&std::env::temp_dir()),
            t.paths_scratch_demo
        ),
        None => t.paths_no_home.to_string(),
    };
    let found = at.backups();
    let backups = match at.backup_pattern() {
        Some(pattern) if found.is_empty() => {
            format!("{} ({})", shown(&pattern), t.paths_backups_none)
        }
        Some(pattern) => shown(&pattern),
        None if at.demo => t.paths_demo.to_string(),
        None => t.paths_no_home.to_string(),
    };
    let rows = [
        (t.paths_journal, journal),
        (t.paths_config, config),
        (t.paths_scratch, scratch),
        (t.paths_drafts, t.paths_drafts_inside.to_string()),
        (t.paths_backups, backups),
    ];
    let width = rows
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0);
    let pad = |label: &str| {
        let fill = width - label.chars().count();
        format!("{label}:{}", " ".repeat(fill + 1))
    };
    let mut out: Vec<String> = rows
        .iter()
        .map(|(label, value)| format!("{}{value}", pad(label)))
        .collect();
    let indent = " ".repeat(width + 2);
    out.extend(found.iter().map(|b| format!("{indent}{}", shown(b))));
    out
}

/// The documented `mentee-paths` object.
#[derive(Serialize)]
struct PathsJson {
    format: &'static str,
    version: u32,
    journal: FileJson,
    config: FileJson,
    scratch: FolderJson,
    drafts: DraftsJson,
    backups: BackupsJson,
}

#[derive(Serialize)]
struct FileJson {
    path: Option<String>,
    source: Origin,
    exists: bool,
}

#[derive(Serialize)]
struct FolderJson {
    path: Option<String>,
    exists: bool,
}

#[derive(Serialize)]
struct DraftsJson {
    kept_in: &'static str,
    path: Option<String>,
}

#[derive(Serialize)]
struct BackupsJson {
    pattern: Option<String>,
    found: Vec<String>,
}

fn to_json(at: &Locations) -> PathsJson {
    let text = |p: &Path| absolute(p).to_string_lossy().into_owned();
    let there = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    let file = |c: &Option<Chosen>, none: Origin| match c {
        Some(c) => FileJson {
            path: Some(text(&c.path)),
            source: c.origin,
            exists: there(&c.path),
        },
        None => FileJson {
            path: None,
            source: none,
            exists: false,
        },
    };
    let scratch = at.scratch();
    PathsJson {
        format: "mentee-paths",
        version: 1,
        journal: file(
            &at.journal,
            if at.demo {
                Origin::Demo
            } else {
                Origin::Default
            },
        ),
        config: file(&at.config, Origin::Default),
        scratch: FolderJson {
            path: scratch.as_deref().map(text),
            exists: scratch.as_deref().is_some_and(there),
        },
        drafts: DraftsJson {
            kept_in: "journal",
            path: at.journal_path().map(text),
        },
        backups: BackupsJson {
            pattern: at.backup_pattern().as_deref().map(text),
            found: at.backups().iter().map(|p| text(p)).collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(journal: &Path) -> Locations {
        Locations {
            journal: Some(Chosen {
                path: journal.to_path_buf(),
                origin: Origin::Flag,
            }),
            config: None,
            demo: false,
        }
    }

    #[test]
    fn the_scratch_folder_is_the_one_the_store_makes() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("j.db");
        let made = crate::store::scratch::Scratch::for_journal(Some(&journal)).unwrap();
        assert_eq!(at(&journal).scratch().as_deref(), Some(made.dir()));
    }

    #[test]
    fn backups_are_the_copies_migrate_keeps_beside_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("j.db");
        for name in [
            "j.db",
            "j.db-wal",
            "j.db.before-v3.bak",
            "j.db.before-v3.1.bak",
            "other.db.before-v3.bak",
            "j.db.before-v4.bak.tmp",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let found = at(&journal).backups();
        let names: Vec<String> = found
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["j.db.before-v3.1.bak", "j.db.before-v3.bak"]);
        assert_eq!(
            at(&journal).backup_pattern().unwrap(),
            dir.path().join("j.db.before-v*.bak")
        );
    }

    #[test]
    fn the_demo_has_no_files() {
        let demo = Locations::resolve(Some(Path::new("/x/j.db")), None, true);
        assert_eq!(demo.journal, None);
        assert_eq!(demo.scratch(), None);
        assert!(demo.backups().is_empty());
        let given = Locations::resolve(Some(Path::new("/x/j.db")), None, false);
        assert_eq!(given.journal_path(), Some(Path::new("/x/j.db")));
        assert_eq!(given.journal.unwrap().origin, Origin::Flag);
    }
}
