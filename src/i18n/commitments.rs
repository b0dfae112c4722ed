//! Text of the Commitments view.

use super::catalog;

catalog! {
    /// Commitments view.
    pub struct CommitmentsText {
        list_title,
        col_owner,
        col_due,
        col_status,
        col_text,
        col_mentor,
        empty,
        result,
        experiment,
    }
}

pub const EN: CommitmentsText = CommitmentsText {
    list_title: "Commitments",
    col_owner: "Who",
    col_due: "Due",
    col_status: "Status",
    col_text: "Commitment",
    col_mentor: "With",
    empty: "No commitments yet. Press n to add one.",
    result: "Result",
    experiment: "experiment",
};

pub const ID: CommitmentsText = CommitmentsText {
    list_title: "Komitmen",
    col_owner: "Siapa",
    col_due: "Tenggat",
    col_status: "Status",
    col_text: "Komitmen",
    col_mentor: "Dengan",
    empty: "Belum ada komitmen. Tekan n untuk menambahkannya.",
    result: "Hasil",
    experiment: "eksperimen",
};
