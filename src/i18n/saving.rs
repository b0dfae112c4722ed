//! Text of saving a form safely (issue 12): a text over the limit while typing, pasting or
//! coming back from `$EDITOR`; an edit that meets a change made elsewhere (keep mine / take
//! theirs); text of `$EDITOR` left by a killed run, offered back as a draft.

use super::catalog;

catalog! {
    /// Saving a form without losing a line.
    pub struct SavingText {
        limit_not_typed,
        limit_left_out,
        conflict_title,
        conflict_field,
        conflict_mine,
        conflict_theirs,
        conflict_empty,
        key_keep_mine,
        key_take_theirs,
        key_mine_for_all,
        key_theirs_for_all,
        key_back_to_form,
        conflict_saved,
        conflict_again,
        editor_leftover,
    }
}

pub const EN: SavingText = SavingText {
    limit_not_typed: "{problem}; nothing more can be typed here",
    limit_left_out: "{problem}; the last {count} characters were left out, the rest is kept",
    conflict_title: "Changed in another window",
    conflict_field: "“{field}” ({at} of {total}) was changed here and elsewhere since this form opened.",
    conflict_mine: "Mine:   {value}",
    conflict_theirs: "Theirs: {value}",
    conflict_empty: "(empty)",
    key_keep_mine: "keep mine",
    key_take_theirs: "take theirs",
    key_mine_for_all: "mine for all",
    key_theirs_for_all: "theirs for all",
    key_back_to_form: "back to the form",
    conflict_saved: "Saved, with the other window's changes kept where you chose them",
    conflict_again: "The record changed again meanwhile; choose once more",
    editor_leftover: "text from the editor, kept after an interrupted run",
};

pub const ID: SavingText = SavingText {
    limit_not_typed: "{problem}; tidak bisa mengetik lagi di sini",
    limit_left_out: "{problem}; {count} karakter terakhir tidak dimasukkan, sisanya tetap disimpan",
    conflict_title: "Diubah di jendela lain",
    conflict_field: "“{field}” ({at} dari {total}) diubah di sini dan di tempat lain sejak formulir ini dibuka.",
    conflict_mine: "Punya saya:  {value}",
    conflict_theirs: "Yang lain:   {value}",
    conflict_empty: "(kosong)",
    key_keep_mine: "pakai punya saya",
    key_take_theirs: "pakai yang lain",
    key_mine_for_all: "punya saya untuk semua",
    key_theirs_for_all: "yang lain untuk semua",
    key_back_to_form: "kembali ke formulir",
    conflict_saved: "Tersimpan, dengan perubahan dari jendela lain dipakai sesuai pilihan Anda",
    conflict_again: "Catatan ini berubah lagi sementara itu; pilih sekali lagi",
    editor_leftover: "teks dari editor, disimpan setelah program terhenti",
};
