//! Text of the Mentors view's recommendation forms (issue 18): `r` notes a recommendation
//! or an introduction from the selected mentor, `R` moves one on (status, takeaway).

use super::catalog;

catalog! {
    /// The recommendation forms and their keys.
    pub struct ResourceFormText {
        new_title,
        edit_title,
        pick_title,
        f_title,
        f_kind,
        f_link,
        f_status,
        f_private,
        f_which,
        none_yet,
        saved,
        key_new,
        key_update,
    }
}

/// English.
pub const EN: ResourceFormText = ResourceFormText {
    new_title: "New recommendation from {mentor}",
    edit_title: "Recommendation or introduction",
    pick_title: "Which recommendation?",
    f_title: "Title (or the person introduced)",
    f_kind: "Kind",
    f_link: "Link (URL, ISBN, contact)",
    f_status: "Status",
    f_private: "Private",
    f_which: "Recommendation",
    none_yet: "Nothing recommended by this mentor yet: r notes a recommendation.",
    saved: "Recommendation saved",
    key_new: "note a recommendation",
    key_update: "move a recommendation on",
};

/// Bahasa Indonesia.
pub const ID: ResourceFormText = ResourceFormText {
    new_title: "Rekomendasi baru dari {mentor}",
    edit_title: "Rekomendasi atau perkenalan",
    pick_title: "Rekomendasi yang mana?",
    f_title: "Judul (atau orang yang dikenalkan)",
    f_kind: "Jenis",
    f_link: "Tautan (URL, ISBN, kontak)",
    f_status: "Status",
    f_private: "Pribadi",
    f_which: "Rekomendasi",
    none_yet: "Mentor ini belum merekomendasikan apa pun: r mencatat rekomendasi.",
    saved: "Rekomendasi disimpan",
    key_new: "catat rekomendasi",
    key_update: "perbarui rekomendasi",
};
