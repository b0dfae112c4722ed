//! Text of the Gratitude view.

use super::catalog;

catalog! {
    /// Gratitude view.
    pub struct GratitudeText {
        list_title,
        col_date,
        col_mentor,
        col_for,
        col_sent,
        sent_yes,
        sent_no,
        channel,
        empty,
    }
}

pub const EN: GratitudeText = GratitudeText {
    list_title: "Thanks",
    col_date: "Date",
    col_mentor: "Mentor",
    col_for: "What for",
    col_sent: "Sent",
    sent_yes: "sent",
    sent_no: "not sent",
    channel: "Channel",
    empty: "No thanks noted yet. Press n to note what you are grateful for.",
};

pub const ID: GratitudeText = GratitudeText {
    list_title: "Terima kasih",
    col_date: "Tanggal",
    col_mentor: "Mentor",
    col_for: "Untuk apa",
    col_sent: "Terkirim",
    sent_yes: "terkirim",
    sent_no: "belum",
    channel: "Saluran",
    empty: "Belum ada ucapan terima kasih. Tekan n untuk mencatat rasa terima kasih Anda.",
};
