//! Text of the Meetings view.

use super::catalog;

catalog! {
    /// Meetings view.
    pub struct MeetingsText {
        upcoming,
        past,
        col_when,
        col_mentor,
        col_status,
        col_length,
        col_agenda,
        empty,
        agenda_title,
        no_agenda,
        notes,
        time_box,
        over_time,
        discussed,
    }
}

pub const EN: MeetingsText = MeetingsText {
    upcoming: "Upcoming",
    past: "Past",
    col_when: "When",
    col_mentor: "Mentor",
    col_status: "Status",
    col_length: "Length",
    col_agenda: "Agenda",
    empty: "No meetings yet. Press n to plan one.",
    agenda_title: "Agenda",
    no_agenda: "No agenda yet.",
    notes: "Notes",
    time_box: "{} of {} min planned",
    over_time: "over by {} min — respect their time",
    discussed: "discussed",
};

pub const ID: MeetingsText = MeetingsText {
    upcoming: "Akan datang",
    past: "Sebelumnya",
    col_when: "Kapan",
    col_mentor: "Mentor",
    col_status: "Status",
    col_length: "Durasi",
    col_agenda: "Agenda",
    empty: "Belum ada pertemuan. Tekan n untuk merencanakannya.",
    agenda_title: "Agenda",
    no_agenda: "Belum ada agenda.",
    notes: "Catatan",
    time_box: "{} dari {} mnt direncanakan",
    over_time: "lebih {} mnt — hargai waktu mereka",
    discussed: "dibahas",
};
