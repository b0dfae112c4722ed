//! Text of the Mentors view.

use super::catalog;

catalog! {
    /// Mentors view.
    pub struct MentorsText {
        list_title,
        col_name,
        col_status,
        col_expertise,
        col_cadence,
        empty,
        contact,
        why_them,
        research,
        agreement,
        cadence_days,
        review_on,
        expected_end,
        channel,
        contacts,
        initiated,
        health,
        pitch,
    }
}

pub const EN: MentorsText = MentorsText {
    list_title: "Mentors",
    col_name: "Name",
    col_status: "Status",
    col_expertise: "Expertise",
    col_cadence: "Cadence",
    empty: "No mentors yet. Press n to add your first mentor or candidate.",
    contact: "Contact",
    why_them: "Why them",
    research: "Research notes",
    agreement: "Agreement",
    cadence_days: "every {} days",
    review_on: "Review on",
    expected_end: "Until",
    channel: "Channel",
    contacts: "Contacts",
    initiated: "{}% initiated by me",
    health: "Health check",
    pitch: "Pitch draft",
};

pub const ID: MentorsText = MentorsText {
    list_title: "Mentor",
    col_name: "Nama",
    col_status: "Status",
    col_expertise: "Keahlian",
    col_cadence: "Ritme",
    empty: "Belum ada mentor. Tekan n untuk menambahkan mentor atau calon pertama Anda.",
    contact: "Kontak",
    why_them: "Mengapa dia",
    research: "Catatan riset",
    agreement: "Kesepakatan",
    cadence_days: "setiap {} hari",
    review_on: "Ditinjau pada",
    expected_end: "Hingga",
    channel: "Saluran",
    contacts: "Kontak",
    initiated: "{}% dimulai oleh saya",
    health: "Cek kesehatan hubungan",
    pitch: "Draf ajakan",
};
