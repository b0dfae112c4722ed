//! Text of how mentee fits the shell and the system: the version line, the exit codes after
//! `--help` and in the man page, and `mentee paths`. No entry has a placeholder: each is a
//! label or a whole sentence, and the code puts the values (paths, numbers) beside it.

use super::catalog;

catalog! {
    /// Shell integration text.
    pub struct ShellText {
        schema,
    }
}

pub const EN: ShellText = ShellText {
    schema: "journal schema",
};

pub const ID: ShellText = ShellText {
    schema: "skema jurnal",
};
