//! Text of the app's promises about the journal (issue 12, "trust"): the one set of limits
//! every entry point applies, and the app's own words for what goes wrong around files —
//! outputs that would overwrite the journal, a journal that is not there, a full disk, an
//! argument that is not text. Paths and values quoted in these messages are neutralised.

use super::catalog;
use crate::domain::limits::{Breach, LimitError, MAX_DATE, MAX_NUMBER, MIN_DATE};
use crate::domain::text::clean_line;

catalog! {
    /// Limits and file-safety messages.
    pub struct TrustText {
        limit_too_long,
        limit_blank,
        limit_date,
        limit_range,
        limit_number,
        limit_field,
        found_number_value,
        out_is_journal,
        out_is_journal_file,
        out_not_regular,
    }
}

pub const EN: TrustText = TrustText {
    limit_too_long: "text of {} characters is over the limit of {}",
    limit_blank: "must not be empty",
    limit_date: "{} is outside the supported dates ({} to {})",
    limit_range: "{} is outside the accepted range {} to {}",
    limit_number: "{} is outside the accepted range -{} to {}",
    limit_field: "{}: {}",
    found_number_value: "the number {}",
    out_is_journal: "{} is the journal itself; choose another file for the output (the journal was left untouched)",
    out_is_journal_file: "{} belongs to the journal {} (its log, lock or migration backup); choose another file for the output",
    out_not_regular: "{} is not a regular file; give a new file name, or an existing file to replace",
};

pub const ID: TrustText = TrustText {
    limit_too_long: "teks {} karakter melebihi batas {}",
    limit_blank: "tidak boleh kosong",
    limit_date: "{} di luar rentang tanggal yang didukung ({} sampai {})",
    limit_range: "{} di luar rentang yang diterima, {} sampai {}",
    limit_number: "{} di luar rentang yang diterima, -{} sampai {}",
    limit_field: "{}: {}",
    found_number_value: "angka {}",
    out_is_journal: "{} adalah jurnal itu sendiri; pilih berkas lain untuk keluaran (jurnal tidak diubah)",
    out_is_journal_file: "{} adalah bagian dari jurnal {} (log, kunci, atau cadangan migrasinya); pilih berkas lain untuk keluaran",
    out_not_regular: "{} bukan berkas biasa; berikan nama berkas baru, atau berkas yang sudah ada untuk diganti",
};

impl TrustText {
    /// What is wrong with a value, in this language (the field is not named: a form shows it
    /// beside the field, the import after the JSON path).
    pub fn breach(&self, breach: &Breach) -> String {
        use super::fill;
        match breach {
            Breach::TooLong { chars, max } => fill(self.limit_too_long, &[chars, max]),
            Breach::Blank => self.limit_blank.to_string(),
            Breach::DateOutOfRange(date) => {
                fill(self.limit_date, &[&clean_line(date), &MIN_DATE, &MAX_DATE])
            }
            Breach::OutOfRange { value, min, max } => {
                fill(self.limit_range, &[&clean_line(value), min, max])
            }
            Breach::NumberOutOfRange(value) => fill(
                self.limit_number,
                &[
                    &clean_line(value),
                    &format!("{MAX_NUMBER:e}"),
                    &format!("{MAX_NUMBER:e}"),
                ],
            ),
        }
    }

    /// `field: what is wrong`, in this language.
    pub fn limit(&self, err: &LimitError) -> String {
        super::fill(self.limit_field, &[&err.field, &self.breach(&err.breach)])
    }
}

/// A store error in `lang`: the variants this catalog words, then the rest from the errors
/// catalog.
pub fn store_error(lang: super::Lang, err: &crate::store::StoreError) -> String {
    use crate::store::StoreError;
    let t = &lang.text().trust;
    match err {
        StoreError::Limit(e) => t.limit(e),
        other => lang.text().errors.store(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_matches_the_domain_display_and_indonesian_differs() {
        let breaches = [
            Breach::TooLong {
                chars: 100_001,
                max: 100_000,
            },
            Breach::Blank,
            Breach::DateOutOfRange("+262142-12-30".into()),
            Breach::OutOfRange {
                value: "4294967295".into(),
                min: 0,
                max: 1440,
            },
            Breach::NumberOutOfRange("1e300".into()),
        ];
        for b in &breaches {
            assert_eq!(EN.breach(b), b.to_string());
            assert_ne!(ID.breach(b), b.to_string());
        }
        let err = LimitError {
            field: "text",
            breach: Breach::Blank,
        };
        assert_eq!(EN.limit(&err), err.to_string());
    }
}
