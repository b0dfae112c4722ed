//! The names of the fields the limits check (`domain::limits`), as a message names them: the
//! store reports a breach by the field's code ("due_on"), and a reader of either language
//! should see a word ("due date", "jatuh tempo"), not the code.

/// (code, name) pairs of one language; a code not listed is shown with its underscores as
/// spaces (a test keeps every code used in `src/` listed).
#[derive(Debug)]
pub struct FieldNames(pub &'static [(&'static str, &'static str)]);

impl FieldNames {
    /// The name of the field `code`.
    pub fn name(&self, code: &str) -> String {
        self.0
            .iter()
            .find(|(c, _)| *c == code)
            .map_or_else(|| code.replace('_', " "), |(_, n)| (*n).to_string())
    }
}

/// English.
pub const EN: FieldNames = FieldNames(&[
    ("agreement_notes", "agreement notes"),
    ("answer", "answer"),
    ("baseline", "baseline"),
    ("cadence_days", "cadence"),
    ("channel", "channel"),
    ("contact", "contact"),
    ("created_at", "created"),
    ("created_on", "created on"),
    ("date", "date"),
    ("done_on", "done on"),
    ("due", "due date"),
    ("due_on", "due date"),
    ("evidence", "evidence"),
    ("expected_end", "expected end"),
    ("link", "link"),
    ("minutes", "minutes"),
    ("name", "name"),
    ("new_value", "new value"),
    ("note", "note"),
    ("notes", "notes"),
    ("number", "number"),
    ("old_value", "old value"),
    ("on_date", "date"),
    ("outcome", "outcome"),
    ("period_start", "start of the period"),
    ("position", "position"),
    ("prompt", "prompt"),
    ("question", "question"),
    ("rating", "rating"),
    ("reaction", "reaction"),
    ("reason", "reason"),
    ("received_on", "received on"),
    ("recommended_on", "recommended on"),
    ("reported_on", "reported on"),
    ("result", "result"),
    ("review_on", "review date"),
    ("source", "source"),
    ("starts_at", "start"),
    ("status_since", "status since"),
    ("takeaway", "takeaway"),
    ("target", "target"),
    ("template", "template"),
    ("text", "text"),
    ("time", "time"),
    ("title", "title"),
    ("value", "value"),
    ("what", "what happened"),
    ("what_for", "what for"),
]);

/// Bahasa Indonesia.
pub const ID: FieldNames = FieldNames(&[
    ("agreement_notes", "catatan kesepakatan"),
    ("answer", "jawaban"),
    ("baseline", "nilai awal"),
    ("cadence_days", "jarak pertemuan"),
    ("channel", "saluran"),
    ("contact", "kontak"),
    ("created_at", "waktu dibuat"),
    ("created_on", "tanggal dibuat"),
    ("date", "tanggal"),
    ("done_on", "tanggal selesai"),
    ("due", "jatuh tempo"),
    ("due_on", "jatuh tempo"),
    ("evidence", "bukti"),
    ("expected_end", "perkiraan selesai"),
    ("link", "tautan"),
    ("minutes", "menit"),
    ("name", "nama"),
    ("new_value", "nilai baru"),
    ("note", "catatan"),
    ("notes", "catatan"),
    ("number", "angka"),
    ("old_value", "nilai lama"),
    ("on_date", "tanggal"),
    ("outcome", "hasil"),
    ("period_start", "awal periode"),
    ("position", "urutan"),
    ("prompt", "pertanyaan refleksi"),
    ("question", "pertanyaan"),
    ("rating", "nilai"),
    ("reaction", "tanggapan"),
    ("reason", "alasan"),
    ("received_on", "tanggal diterima"),
    ("recommended_on", "tanggal direkomendasikan"),
    ("reported_on", "tanggal dilaporkan"),
    ("result", "hasil"),
    ("review_on", "tanggal tinjauan"),
    ("source", "sumber"),
    ("starts_at", "waktu mulai"),
    ("status_since", "status sejak"),
    ("takeaway", "pelajaran"),
    ("target", "target"),
    ("template", "templat"),
    ("text", "teks"),
    ("time", "waktu"),
    ("title", "judul"),
    ("value", "nilai"),
    ("what", "yang terjadi"),
    ("what_for", "untuk apa"),
]);

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field code given to a `check_*` limit in the sources, by reading them.
    fn codes_in_sources() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (i, _) in text.match_indices("check_") {
                        let rest = &text[i..];
                        let Some(open) = rest.find('(') else { continue };
                        let name = &rest[..open];
                        if !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                            continue;
                        }
                        let arg = rest[open + 1..].trim_start();
                        if let Some(quoted) = arg.strip_prefix('"')
                            && let Some(end) = quoted.find('"')
                        {
                            out.push(quoted[..end].to_string());
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn every_checked_field_has_a_name_in_both_languages() {
        let codes = codes_in_sources();
        assert!(codes.len() > 20, "the scan finds the limits: {codes:?}");
        for code in codes {
            for names in [&EN, &ID] {
                assert!(
                    names.0.iter().any(|(c, _)| *c == code),
                    "field {code:?} has no name in a catalog (src/i18n/fields.rs)"
                );
            }
        }
        assert_eq!(EN.0.len(), ID.0.len());
        for ((a, _), (b, _)) in EN.0.iter().zip(ID.0) {
            assert_eq!(a, b, "the two lists are in the same order");
        }
    }

    #[test]
    fn a_code_reads_as_words() {
        assert_eq!(ID.name("due_on"), "jatuh tempo");
        assert_eq!(EN.name("due_on"), "due date");
        assert_eq!(EN.name("some_new_field"), "some new field");
    }
}
