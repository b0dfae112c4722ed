//! Getting a passphrase: typed on the terminal (nothing echoed, three tries), or printed by
//! the command in `MENTEE_PASSPHRASE_COMMAND` (run through the shell; the first line of its
//! standard output) — never from the command line, where other users and the shell history
//! would see it. The TUI asks here too, before its first frame (the terminal is not set up
//! yet), so this is plain line-oriented output on stderr.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal;

use super::CliError;
use crate::domain::text::clean_line;
use crate::i18n::Lang;
use crate::i18n::fill;
use crate::store::cipher::{
    NEW_PASSPHRASE_COMMAND, PASSPHRASE_COMMAND, Passphrase, Unlock, UnlockError,
};

/// How many times the terminal asks for the passphrase of an encrypted journal.
pub const TRIES: u32 = 3;

/// Where passphrases come from in this run.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// A shell command that prints it.
    Command(String),
    /// The user types it.
    Terminal,
    /// Neither: not on a terminal and no command.
    Nowhere,
}

impl Source {
    fn from_env(var: &str) -> Source {
        match std::env::var(var) {
            Ok(cmd) if !cmd.trim().is_empty() => Source::Command(cmd),
            _ if std::io::stdin().is_terminal() => Source::Terminal,
            _ => Source::Nowhere,
        }
    }
}

/// The [`Unlock`] of the binary: the command in `MENTEE_PASSPHRASE_COMMAND` (once: a command
/// gives the same answer again), else the terminal (three tries), else a clear error.
pub struct Asker {
    lang: Lang,
    source: Source,
}

impl Asker {
    /// The asker for this process's environment.
    pub fn from_env(lang: Lang) -> Asker {
        Asker {
            lang,
            source: Source::from_env(PASSPHRASE_COMMAND),
        }
    }
}

impl Unlock for Asker {
    fn passphrase(&mut self, path: &Path, attempt: u32) -> Result<Option<Passphrase>, UnlockError> {
        let t = &self.lang.text().cipher;
        match &self.source {
            Source::Command(cmd) if attempt == 1 => run_command(cmd).map(Some),
            Source::Command(_) => Ok(None),
            Source::Terminal if attempt > TRIES => Ok(None),
            Source::Terminal => {
                if attempt > 1 {
                    eprintln!("{}", fill(t.try_again, &[("n", &attempt), ("max", &TRIES)]));
                }
                let prompt = fill(t.prompt, &[("path", &shown(path))]);
                match read_hidden(&prompt)? {
                    Some(typed) => Ok(Some(typed)),
                    None => Err(UnlockError::Cancelled),
                }
            }
            Source::Nowhere => Err(UnlockError::NoTerminal),
        }
    }
}

fn shown(path: &Path) -> String {
    clean_line(&path.display().to_string()).into_owned()
}

/// A new passphrase for the journal at `path`: from `MENTEE_NEW_PASSPHRASE_COMMAND`, or typed
/// twice on the terminal. An empty one, or two that differ, change nothing.
pub fn new_passphrase(lang: Lang, path: &Path) -> Result<Passphrase, CliError> {
    let t = &lang.text().cipher;
    let refuse = |text: &str| CliError::Message(text.to_string());
    let unlock_error = |source| {
        CliError::Store(crate::store::StoreError::Unlock {
            path: path.to_path_buf(),
            source,
        })
    };
    let new = match Source::from_env(NEW_PASSPHRASE_COMMAND) {
        Source::Command(cmd) => run_command(&cmd).map_err(|e| {
            let var = ("var", &NEW_PASSPHRASE_COMMAND as &dyn std::fmt::Display);
            CliError::Message(match e {
                UnlockError::CommandFailed(d) => {
                    fill(t.new_command_failed, &[var, ("detail", &clean_line(&d))])
                }
                _ => fill(t.new_command_empty, &[var]),
            })
        })?,
        Source::Terminal => {
            let first = read_hidden(&fill(t.new_prompt, &[("path", &shown(path))]))
                .map_err(|e| unlock_error(UnlockError::Io(e)))?
                .ok_or_else(|| unlock_error(UnlockError::Cancelled))?;
            let again = read_hidden(t.new_again)
                .map_err(|e| unlock_error(UnlockError::Io(e)))?
                .ok_or_else(|| unlock_error(UnlockError::Cancelled))?;
            if !first.same_as(&again) {
                return Err(refuse(t.new_differ));
            }
            first
        }
        Source::Nowhere => return Err(refuse(t.new_no_terminal)),
    };
    if new.is_empty() {
        return Err(refuse(t.new_empty));
    }
    Ok(new)
}

/// Runs `cmd` through the shell and takes the first line of its standard output. Its
/// standard input and error stay the terminal's (a password manager may ask for its own
/// unlock there).
fn run_command(cmd: &str) -> Result<Passphrase, UnlockError> {
    let mut shell = if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.arg("/C");
        c
    } else {
        let mut c = Command::new("sh");
        c.arg("-c");
        c
    };
    let output = shell
        .arg(cmd)
        .stdin(Stdio::inherit())
        .stderr(Stdio::inherit())
        .stdout(Stdio::piped())
        .output()
        .map_err(|e| UnlockError::CommandFailed(e.to_string()))?;
    let mut stdout = output.stdout;
    if !output.status.success() {
        wipe(&mut stdout);
        return Err(UnlockError::CommandFailed(output.status.to_string()));
    }
    let end = stdout
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(stdout.len());
    let mut line = stdout[..end].to_vec();
    wipe(&mut stdout);
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    if line.is_empty() {
        return Err(UnlockError::CommandEmpty);
    }
    match String::from_utf8(line) {
        Ok(text) => Ok(Passphrase::new(text)),
        Err(e) => {
            wipe(&mut e.into_bytes());
            Err(UnlockError::CommandNotText)
        }
    }
}

fn wipe(bytes: &mut [u8]) {
    // A plain fill is enough here: the buffer is dropped right after, and Passphrase itself
    // wipes with volatile writes.
    bytes.fill(0);
}

/// Raw mode for as long as this lives.
struct RawMode;

impl RawMode {
    fn on() -> std::io::Result<RawMode> {
        terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

/// Shows `prompt` on stderr and reads a line without echoing it. None when the user gives up
/// (Esc, Ctrl-C, Ctrl-D).
fn read_hidden(prompt: &str) -> std::io::Result<Option<Passphrase>> {
    let mut err = std::io::stderr();
    let mut text = String::with_capacity(256);
    let result = {
        // Raw mode before the prompt shows: nothing typed after it is ever echoed.
        let _raw = RawMode::on()?;
        write!(err, "{prompt}")?;
        err.flush()?;
        loop {
            let Event::Key(key) = event::read()? else {
                continue;
            };
            if key.kind == KeyEventKind::Release {
                continue;
            }
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                KeyCode::Enter => break Some(()),
                KeyCode::Esc => break None,
                KeyCode::Char('c' | 'd') if ctrl => break None,
                KeyCode::Char('u') if ctrl => text.clear(),
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Char(c) if !ctrl => text.push(c),
                _ => {}
            }
        }
    };
    // Raw mode is off again: end the prompt's line.
    writeln!(err)?;
    // Either way the text goes into a Passphrase, which wipes it when dropped.
    let typed = Passphrase::new(text);
    Ok(result.map(|()| typed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_gives_its_first_line_and_a_failing_one_is_an_error() {
        let p = run_command("printf 'open sesame\\nsecond line\\n'").unwrap();
        assert!(p.same_as(&Passphrase::new("open sesame".into())));
        let p = run_command("printf 'crlf\\r\\n'").unwrap();
        assert!(p.same_as(&Passphrase::new("crlf".into())));
        assert!(matches!(
            run_command("exit 3"),
            Err(UnlockError::CommandFailed(_))
        ));
        assert!(matches!(
            run_command("true"),
            Err(UnlockError::CommandEmpty)
        ));
        assert!(matches!(
            run_command("printf '\\377\\n'"),
            Err(UnlockError::CommandNotText)
        ));
    }

    #[test]
    fn a_command_is_asked_once_and_nowhere_is_an_error() {
        let mut asker = Asker {
            lang: Lang::En,
            source: Source::Command("echo pw".into()),
        };
        let path = Path::new("j.db");
        assert!(asker.passphrase(path, 1).unwrap().is_some());
        assert!(asker.passphrase(path, 2).unwrap().is_none(), "no retry");
        let mut nowhere = Asker {
            lang: Lang::En,
            source: Source::Nowhere,
        };
        assert!(matches!(
            nowhere.passphrase(path, 1),
            Err(UnlockError::NoTerminal)
        ));
    }
}
