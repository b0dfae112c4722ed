//! Text of the Feedback view.

use super::catalog;

catalog! {
    /// Feedback view.
    pub struct FeedbackText {
        list_title,
        col_date,
        col_mentor,
        col_kind,
        col_status,
        col_text,
        empty,
        reaction,
    }
}

pub const EN: FeedbackText = FeedbackText {
    list_title: "Feedback",
    col_date: "Date",
    col_mentor: "From",
    col_kind: "Kind",
    col_status: "Status",
    col_text: "What was said",
    empty: "No feedback yet. Press n to log what your mentor said.",
    reaction: "My reaction",
};

pub const ID: FeedbackText = FeedbackText {
    list_title: "Umpan balik",
    col_date: "Tanggal",
    col_mentor: "Dari",
    col_kind: "Jenis",
    col_status: "Status",
    col_text: "Yang disampaikan",
    empty: "Belum ada umpan balik. Tekan n untuk mencatat ucapan mentor Anda.",
    reaction: "Tanggapan saya",
};
