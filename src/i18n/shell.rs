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
        paths_journal,
        paths_config,
        paths_scratch,
        paths_drafts,
        paths_backups,
        paths_drafts_inside,
        paths_default,
        paths_demo,
        paths_no_home,
        paths_exists,
        paths_missing,
        paths_journal_missing,
        paths_scratch_when,
        paths_scratch_demo,
        paths_backups_none,
    }
}

pub const EN: ShellText = ShellText {
    schema: "journal schema",
    exit_heading: "Exit status",
    exit_ok: "success",
    exit_failure: "failure (the message on stderr says why)",
    exit_usage: "usage error: an unknown option, a missing or bad argument",
    exit_no_journal: "no journal at the path in use (run mentee to create one, or check --db and MENTEE_DB)",
    exit_locked: "the journal is locked by another program that is writing to it, or open elsewhere while encrypt, decrypt or passphrase needs it alone; try again in a moment",
    paths_journal: "journal",
    paths_config: "config",
    paths_scratch: "editor scratch folder",
    paths_drafts: "drafts",
    paths_backups: "copies before upgrades",
    paths_drafts_inside: "inside the journal (unsaved form text is kept in it, not in a file of its own)",
    paths_default: "default location",
    paths_demo: "the demo journal lives in memory: nothing on disk",
    paths_no_home: "no home folder found; give the path with --db or --config",
    paths_exists: "exists",
    paths_missing: "not there yet",
    paths_journal_missing: "not there yet; running mentee creates it",
    paths_scratch_when: "made when $EDITOR first edits a field or an import stages its records; empty when they are done",
    paths_scratch_demo: "the demo edits in a private folder made here, removed afterwards",
    paths_backups_none: "none yet; one is kept before each schema upgrade",
};

pub const ID: ShellText = ShellText {
    schema: "skema jurnal",
    exit_heading: "Status keluar",
    exit_ok: "berhasil",
    exit_failure: "gagal (pesan di stderr menjelaskan sebabnya)",
    exit_usage: "salah pemakaian: opsi tak dikenal, argumen yang kurang atau keliru",
    exit_no_journal: "tidak ada jurnal di path yang dipakai (jalankan mentee untuk membuatnya, atau periksa --db dan MENTEE_DB)",
    exit_locked: "jurnal sedang dikunci program lain yang sedang menulis ke dalamnya, atau masih terbuka di tempat lain saat encrypt, decrypt, atau passphrase perlu memakainya sendiri; coba lagi sebentar lagi",
    paths_journal: "jurnal",
    paths_config: "konfigurasi",
    paths_scratch: "folder kerja editor",
    paths_drafts: "draf",
    paths_backups: "salinan sebelum pembaruan",
    paths_drafts_inside: "di dalam jurnal (isian formulir yang belum disimpan tetap tersimpan di sana, bukan di berkas tersendiri)",
    paths_default: "lokasi bawaan",
    paths_demo: "jurnal demo ada di memori: tidak ada apa pun di disk",
    paths_no_home: "folder home tidak ditemukan; berikan path-nya dengan --db atau --config",
    paths_exists: "ada",
    paths_missing: "belum ada",
    paths_journal_missing: "belum ada; menjalankan mentee akan membuatnya",
    paths_scratch_when: "dibuat saat $EDITOR pertama kali mengubah isian atau saat impor menampung catatannya; kosong lagi setelah selesai",
    paths_scratch_demo: "demo: teks diubah di folder pribadi yang dibuat di sini, lalu dihapus",
    paths_backups_none: "belum ada; satu salinan disimpan sebelum setiap pembaruan skema",
};
