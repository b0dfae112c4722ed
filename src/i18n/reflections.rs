//! Text of the Reflections view.

use super::catalog;

catalog! {
    /// Reflections view.
    pub struct ReflectionsText {
        list_title,
        col_period,
        col_start,
        col_template,
        empty,
        answers,
    }
}

pub const EN: ReflectionsText = ReflectionsText {
    list_title: "Reflections",
    col_period: "Period",
    col_start: "From",
    col_template: "Template",
    empty: "No reflections yet. Press n to start a review.",
    answers: "Answers",
};

pub const ID: ReflectionsText = ReflectionsText {
    list_title: "Refleksi",
    col_period: "Periode",
    col_start: "Mulai",
    col_template: "Templat",
    empty: "Belum ada refleksi. Tekan n untuk memulai tinjauan.",
    answers: "Jawaban",
};
