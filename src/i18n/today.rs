//! Text of the Today view.

use super::catalog;

catalog! {
    /// Today view.
    pub struct TodayText {
        next_meeting,
        no_next_meeting,
        starts_in,
        started_ago,
        agenda_is,
        items_minutes,
        overdue,
        due_soon,
        open_feedback,
        goals,
        nothing_overdue,
        nothing_due,
        no_open_feedback,
        no_goals,
        days_hours,
        hours_minutes,
        key_open_agenda,
    }
}

pub const EN: TodayText = TodayText {
    next_meeting: "Next meeting",
    no_next_meeting: "No meeting planned. Press 3 to plan one.",
    starts_in: "starts in {}",
    started_ago: "started {} ago",
    agenda_is: "agenda: {}",
    items_minutes: "{} items, {} of {} min",
    overdue: "Overdue and due this week",
    due_soon: "Due this week",
    open_feedback: "Feedback waiting for action",
    goals: "Goals",
    nothing_overdue: "Nothing overdue. Well kept!",
    nothing_due: "Nothing due this week.",
    no_open_feedback: "No feedback waiting.",
    no_goals: "No active goals. Press 2 to set one.",
    days_hours: "{} d {} h",
    hours_minutes: "{} h {} min",
    key_open_agenda: "open the next meeting",
};

pub const ID: TodayText = TodayText {
    next_meeting: "Pertemuan berikutnya",
    no_next_meeting: "Belum ada pertemuan. Tekan 3 untuk merencanakannya.",
    starts_in: "dimulai {} lagi",
    started_ago: "dimulai {} lalu",
    agenda_is: "agenda: {}",
    items_minutes: "{} butir, {} dari {} mnt",
    overdue: "Terlambat dan jatuh tempo minggu ini",
    due_soon: "Jatuh tempo minggu ini",
    open_feedback: "Umpan balik menunggu tindakan",
    goals: "Sasaran",
    nothing_overdue: "Tidak ada yang terlambat. Bagus!",
    nothing_due: "Tidak ada yang jatuh tempo minggu ini.",
    no_open_feedback: "Tidak ada umpan balik yang menunggu.",
    no_goals: "Belum ada sasaran aktif. Tekan 2 untuk menetapkannya.",
    days_hours: "{} hr {} j",
    hours_minutes: "{} j {} mnt",
    key_open_agenda: "buka pertemuan berikutnya",
};
