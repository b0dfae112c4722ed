//! Text of how mentee fits the shell and the system: the version line, the exit codes after
//! `--help` and in the man page, and `mentee paths`. No entry has a placeholder: each is a
//! label or a whole sentence, and the code puts the values (paths, numbers) beside it.

use super::catalog;

catalog! {
    /// Shell integration text.
    pub struct ShellText {
        schema,
        exit_heading,
        exit_ok,
        exit_failure,
        exit_usage,
        exit_no_journal,
        exit_locked,
    }
}

pub const EN: ShellText = ShellText {
    schema: "journal schema",
    exit_heading: "Exit status",
    exit_ok: "success",
    exit_failure: "failure (the message on stderr says why)",
    exit_usage: "usage error: an unknown option, a missing or bad argument",
    exit_no_journal: "no journal at the path in use (run mentee to create one, or check --db and MENTEE_DB)",
    exit_locked: "the journal is locked by another program that is writing to it; try again in a moment",
};

pub const ID: ShellText = ShellText {
    schema: "skema jurnal",
    exit_heading: "Status keluar",
    exit_ok: "berhasil",
    exit_failure: "gagal (pesan di stderr menjelaskan sebabnya)",
    exit_usage: "salah pemakaian: opsi tak dikenal, argumen yang kurang atau keliru",
    exit_no_journal: "tidak ada jurnal di path yang dipakai (jalankan mentee untuk membuatnya, atau periksa --db dan MENTEE_DB)",
    exit_locked: "jurnal sedang dikunci program lain yang sedang menulis ke dalamnya; coba lagi sebentar lagi",
};
