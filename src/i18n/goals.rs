//! Text of the Goals view.

use super::catalog;

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
    measure_line: "{}: from {} to {} {}",
    mentor: "Mentor",
    history: "Progress history",
    no_updates: "No progress recorded yet.",
    revisions: "Revisions",
};

pub const ID: GoalsText = GoalsText {
    list_title: "Sasaran",
    col_goal: "Sasaran",
    col_area: "Bidang",
    col_status: "Status",
    col_due: "Tenggat",
    col_progress: "Kemajuan",
    empty: "Belum ada sasaran. Tekan n untuk menetapkan sasaran SMART pertama Anda.",
    specific: "Spesifik",
    measurable: "Terukur",
    achievable: "Dapat dicapai",
    relevant: "Relevan",
    time_bound: "Berbatas waktu",
    measure_line: "{}: dari {} ke {} {}",
    mentor: "Mentor",
    history: "Riwayat kemajuan",
    no_updates: "Belum ada kemajuan tercatat.",
    revisions: "Revisi",
};
