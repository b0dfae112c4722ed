//! Text of the Goals view.

use super::{catalog, fill};
use crate::domain::smart::{Letter, Reason};

catalog! {
    /// Goals view.
    pub struct GoalsText {
        list_title,
        col_goal,
        col_area,
        col_status,
        col_due,
        col_progress,
        empty,
        specific,
        measurable,
        achievable,
        relevant,
        time_bound,
        measure_line,
        mentor,
        history,
        no_updates,
        revisions,
        col_smart,
        key_new,
        key_edit,
        key_delete,
        key_progress,
        form_new,
        form_edit,
        f_title,
        f_specific,
        f_metric,
        f_baseline,
        f_target,
        f_unit,
        f_achievable,
        f_relevant,
        f_due,
        f_area,
        f_mentor,
        f_status,
        f_private,
        f_reason,
        no_mentor,
        reason_required,
        smart_title,
        smart_all_pass,
        smart_fails,
        smart_detail,
        smart_no_specific,
        smart_vague_verb,
        smart_no_metric,
        smart_no_target,
        smart_no_baseline,
        smart_target_is_baseline,
        smart_no_achievable,
        smart_no_relevant,
        smart_no_due_date,
        smart_due_in_past,
        smart_far_horizon,
        progress_title,
        f_on,
        f_value,
        f_note,
        progress_saved,
        rev_target,
        rev_due,
        rev_status,
    }
}

pub const EN: GoalsText = GoalsText {
    list_title: "Goals",
    col_goal: "Goal",
    col_area: "Area",
    col_status: "Status",
    col_due: "Due",
    col_progress: "Progress",
    empty: "No goals yet. Press n to set your first SMART goal.",
    specific: "Specific",
    measurable: "Measurable",
    achievable: "Achievable",
    relevant: "Relevant",
    time_bound: "Time-bound",
    measure_line: "{metric}: from {baseline} to {target} {unit}",
    mentor: "Mentor",
    history: "Progress history",
    no_updates: "No progress recorded yet.",
    revisions: "Revisions",
    col_smart: "SMART",
    key_new: "new goal",
    key_edit: "edit",
    key_delete: "delete",
    key_progress: "record progress",
    form_new: "New SMART goal",
    form_edit: "Edit goal",
    f_title: "Title",
    f_specific: "Specific",
    f_metric: "Metric",
    f_baseline: "Baseline",
    f_target: "Target",
    f_unit: "Unit",
    f_achievable: "Achievable",
    f_relevant: "Relevant",
    f_due: "Due date",
    f_area: "Area",
    f_mentor: "Mentor",
    f_status: "Status",
    f_private: "Private",
    f_reason: "Why the change",
    no_mentor: "none",
    reason_required: "Target, due date or status changed: say why",
    smart_title: "SMART check",
    smart_all_pass: "All five letters pass.",
    smart_fails: "Fails: {letters}. You can save it; the list marks it until fixed.",
    smart_detail: "SMART: fails {letters}",
    smart_no_specific: "Not specific yet: say what exactly you will achieve.",
    smart_vague_verb: "\"{verb}\" is vague on its own: say what exactly, and how much.",
    smart_no_metric: "No metric or number: how will you know you got there?",
    smart_no_target: "No target number: which value means done?",
    smart_no_baseline: "No baseline: progress is clearer when you know where you start.",
    smart_target_is_baseline: "The target equals the baseline: there is nothing to reach yet.",
    smart_no_achievable: "Not shown to be achievable: what makes it realistic?",
    smart_no_relevant: "Not shown to be relevant: why does it matter to you?",
    smart_no_due_date: "No due date: a goal without a date is a wish.",
    smart_due_in_past: "The due date has passed.",
    smart_far_horizon: "Due in {months} months: set a nearer milestone too.",
    progress_title: "Record progress",
    f_on: "Date",
    f_value: "Value",
    f_note: "Note",
    progress_saved: "Progress recorded",
    rev_target: "target",
    rev_due: "due date",
    rev_status: "status",
};

pub const ID: GoalsText = GoalsText {
    list_title: "Sasaran",
    col_goal: "Sasaran",
    col_area: "Bidang",
    col_status: "Status",
    col_due: "Jth tempo",
    col_progress: "Kemajuan",
    empty: "Belum ada sasaran. Tekan n untuk menetapkan sasaran SMART pertama Anda.",
    specific: "Spesifik",
    measurable: "Terukur",
    achievable: "Dapat dicapai",
    relevant: "Relevan",
    time_bound: "Berbatas waktu",
    measure_line: "{metric}: dari {baseline} ke {target} {unit}",
    mentor: "Mentor",
    history: "Riwayat kemajuan",
    no_updates: "Belum ada kemajuan tercatat.",
    revisions: "Revisi",
    col_smart: "SMART",
    key_new: "sasaran baru",
    key_edit: "ubah",
    key_delete: "hapus",
    key_progress: "catat kemajuan",
    form_new: "Sasaran SMART baru",
    form_edit: "Ubah sasaran",
    f_title: "Judul",
    f_specific: "Spesifik",
    f_metric: "Ukuran",
    f_baseline: "Titik awal",
    f_target: "Target",
    f_unit: "Satuan",
    f_achievable: "Dapat dicapai",
    f_relevant: "Relevan",
    f_due: "Jatuh tempo",
    f_area: "Bidang",
    f_mentor: "Mentor",
    f_status: "Status",
    f_private: "Pribadi",
    f_reason: "Alasan perubahan",
    no_mentor: "tidak ada",
    reason_required: "Target, jatuh tempo, atau status berubah: tuliskan alasannya",
    smart_title: "Cek SMART",
    smart_all_pass: "Kelima huruf lolos.",
    smart_fails: "Gagal: {letters}. Boleh disimpan; daftar menandainya sampai diperbaiki.",
    smart_detail: "SMART: gagal {letters}",
    smart_no_specific: "Belum spesifik: tuliskan apa persisnya yang akan Anda capai.",
    smart_vague_verb: "\"{verb}\" masih samar: sebutkan apa persisnya, dan seberapa banyak.",
    smart_no_metric: "Belum ada ukuran atau angka: bagaimana Anda tahu sudah sampai?",
    smart_no_target: "Belum ada angka target: nilai berapa yang berarti selesai?",
    smart_no_baseline: "Belum ada titik awal: kemajuan lebih jelas bila Anda tahu dari mana mulai.",
    smart_target_is_baseline: "Target sama dengan titik awal: belum ada yang perlu dicapai.",
    smart_no_achievable: "Belum jelas bisa dicapai: apa yang membuatnya realistis?",
    smart_no_relevant: "Belum jelas relevansinya: mengapa ini penting bagi Anda?",
    smart_no_due_date: "Belum ada tanggal jatuh tempo: sasaran tanpa tanggal hanyalah keinginan.",
    smart_due_in_past: "Tanggal jatuh temponya sudah lewat.",
    smart_far_horizon: "Jatuh temponya {months} bulan lagi: tetapkan juga tonggak yang lebih dekat.",
    progress_title: "Catat kemajuan",
    f_on: "Tanggal",
    f_value: "Nilai",
    f_note: "Catatan",
    progress_saved: "Kemajuan tercatat",
    rev_target: "target",
    rev_due: "jatuh tempo",
    rev_status: "status",
};

impl GoalsText {
    /// The word a SMART letter stands for ("Specific"), as the goal's detail labels it.
    pub fn letter_name(&self, letter: Letter) -> &'static str {
        match letter {
            Letter::S => self.specific,
            Letter::M => self.measurable,
            Letter::A => self.achievable,
            Letter::R => self.relevant,
            Letter::T => self.time_bound,
        }
    }

    /// Why a SMART letter fails or has advice, one line.
    pub fn smart_reason(&self, reason: &Reason) -> String {
        match reason {
            Reason::NoSpecific => self.smart_no_specific.to_string(),
            Reason::VagueVerb { verb } => fill!(self.smart_vague_verb, verb = verb),
            Reason::NoMetric => self.smart_no_metric.to_string(),
            Reason::NoTarget => self.smart_no_target.to_string(),
            Reason::NoBaseline => self.smart_no_baseline.to_string(),
            Reason::TargetIsBaseline => self.smart_target_is_baseline.to_string(),
            Reason::NoAchievable => self.smart_no_achievable.to_string(),
            Reason::NoRelevant => self.smart_no_relevant.to_string(),
            Reason::NoDueDate => self.smart_no_due_date.to_string(),
            Reason::DueInPast => self.smart_due_in_past.to_string(),
            Reason::FarHorizon { months } => fill!(self.smart_far_horizon, months = months),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_smart_reason_reads_in_both_languages() {
        for reason in Reason::examples() {
            let (en, id) = (EN.smart_reason(&reason), ID.smart_reason(&reason));
            assert!(!en.trim().is_empty() && !id.trim().is_empty(), "{reason:?}");
            assert_ne!(en, id, "{reason:?} is not translated");
        }
        assert_eq!(
            EN.smart_reason(&Reason::NoMetric),
            "No metric or number: how will you know you got there?"
        );
        let far = Reason::FarHorizon { months: 13 };
        assert!(EN.smart_reason(&far).contains("13 months"));
        assert!(ID.smart_reason(&far).contains("13 bulan"));
        let vague = Reason::VagueVerb {
            verb: "meningkatkan".into(),
        };
        assert!(ID.smart_reason(&vague).contains("\"meningkatkan\""));
        for letter in Letter::ALL {
            assert_ne!(EN.letter_name(letter), ID.letter_name(letter));
        }
    }
}
