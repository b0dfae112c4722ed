//! Text of the form popup every view uses: key hints, the discard question, inline messages.

use super::catalog;

catalog! {
    /// Form-wide text.
    pub struct FormText {
        key_next_field,
        key_save,
        key_cancel,
        key_editor,
        confirm_discard,
        fix_errors,
        required,
        bad_number,
        date_impossible,
        date_unknown,
        bad_time,
        date_out_of_range,
        date_hint,
        choice_hint,
        toggle_on,
        toggle_off,
        editor_failed,
        draft_restored,
    }
}

impl FormText {
    /// Why a typed date was not read, naming it as `shown` (already quoted and made safe).
    pub fn date_error(&self, err: &crate::domain::DateError, shown: &str) -> String {
        use crate::domain::DateError;
        match err {
            DateError::Empty => self.required.to_string(),
            DateError::Impossible(_) => super::fill!(self.date_impossible, text = shown),
            DateError::Unknown(_) => super::fill!(self.date_unknown, text = shown),
            DateError::OutOfRange(_) => super::fill!(self.date_out_of_range, text = shown),
        }
    }
}

pub const EN: FormText = FormText {
    key_next_field: "next field",
    key_save: "save",
    key_cancel: "cancel",
    key_editor: "editor",
    confirm_discard: "Discard your changes?  y discard · n keep editing",
    fix_errors: "Fix the marked fields, then save again",
    required: "This field is required",
    bad_number: "{text} is not a number; use 12, 12.5 or 12,5",
    date_impossible: "{text} is not a real calendar date",
    date_unknown: "{text} is not a date; use 2026-12-01, today, tomorrow, +3d, +2w, next week or a weekday (friday: the next one)",
    bad_time: "{text} is not a time; use 14:30, 9.30 or 9am",
    date_out_of_range: "{text} is outside the supported dates (1900-01-01 to 9999-12-31)",
    date_hint: "2026-12-01, today, tomorrow, +3d, +2w, friday",
    choice_hint: "Space ← → change",
    toggle_on: "yes",
    toggle_off: "no",
    editor_failed: "The editor did not finish cleanly, so the field is unchanged: {error}",
    draft_restored: "Unsaved text from last time was restored",
};

pub const ID: FormText = FormText {
    key_next_field: "kolom berikutnya",
    key_save: "simpan",
    key_cancel: "batal",
    key_editor: "editor",
    confirm_discard: "Buang perubahan Anda?  y buang · n lanjut mengubah",
    fix_errors: "Perbaiki kolom yang ditandai, lalu simpan lagi",
    required: "Kolom ini wajib diisi",
    bad_number: "{text} bukan angka; gunakan 12, 12.5 atau 12,5",
    date_impossible: "{text} bukan tanggal yang ada di kalender",
    date_unknown: "{text} bukan tanggal; gunakan 2026-12-01, hari ini, besok, lusa, +3h, +2mg, minggu depan, atau nama hari (jumat ini: minggu ini, jumat depan: minggu depan)",
    bad_time: "{text} bukan jam; gunakan 14:30, 9.30 atau 9am",
    date_out_of_range: "{text} di luar rentang tanggal yang didukung (1900-01-01 sampai 9999-12-31)",
    date_hint: "2026-12-01, besok, lusa, +3h, +2mg, jumat ini, jumat depan",
    choice_hint: "Spasi ← → ganti",
    toggle_on: "ya",
    toggle_off: "tidak",
    editor_failed: "Editor tidak selesai dengan baik, jadi kolom tidak berubah: {error}",
    draft_restored: "Teks yang belum disimpan dari sesi lalu dipulihkan",
};
