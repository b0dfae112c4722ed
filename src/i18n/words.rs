//! The words the command line takes as values (`mentee add pertanyaan`, `--kind saran`,
//! `--period minggu`), with the description `--help` shows for each, one array per value list
//! in the order of the enum it names. Both languages' words are accepted whatever the
//! interface language; help and completions show the interface language's.
//!
//! The text around clap's own output is here too: the headings and the phrases of the help
//! and of the usage errors clap would otherwise write in English.

use super::catalog;

/// A value word and what it means.
pub type Word = (&'static str, &'static str);

/// The value words of the command line.
#[derive(Debug)]
pub struct CliWords {
    /// `mentee add KIND`: question, goal, feedback, commitment, thanks, win, resource.
    pub capture: [Word; 7],
    /// `--kind`: of feedback (praise, suggestion, critique), then of a resource (book,
    /// article, course, tool, event, person, other).
    pub kind: [Word; 10],
    /// `--owner`: me, mentor.
    pub owner: [Word; 2],
    /// `--period`: week, month, quarter.
    pub period: [Word; 3],
    /// The descriptions of the output formats, by their (untranslated) names.
    pub formats: [Word; 4],
    /// `mentee check`'s record kinds: (the store's name, as printed).
    pub check_kinds: [Word; 16],
}

impl CliWords {
    /// Every (field, text) pair, for completeness tests.
    pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
        let lists: [(&'static str, &[Word]); 6] = [
            ("capture", &self.capture),
            ("kind", &self.kind),
            ("owner", &self.owner),
            ("period", &self.period),
            ("formats", &self.formats),
            ("check_kinds", &self.check_kinds),
        ];
        lists
            .into_iter()
            .flat_map(|(k, list)| list.iter().flat_map(move |(w, h)| [(k, *w), (k, *h)]))
            .collect()
    }
}

pub const EN: CliWords = CliWords {
    capture: [
        ("question", "A question for the question bank"),
        ("goal", "A goal with this title"),
        ("feedback", "Feedback received today"),
        ("commitment", "A commitment (mine by default)"),
        ("thanks", "Thanks to note (not yet sent)"),
        (
            "win",
            "A win: something that went well (--on, --goal, --evidence)",
        ),
        (
            "resource",
            "What a mentor recommended, or someone they introduced you to",
        ),
    ],
    kind: [
        ("praise", "Feedback: what went well"),
        ("suggestion", "Feedback: something to try"),
        ("critique", "Feedback: something to change"),
        ("book", "Resource: a book"),
        ("article", "Resource: an article"),
        ("course", "Resource: a course"),
        ("tool", "Resource: a tool"),
        ("event", "Resource: an event"),
        ("person", "Resource: a person they introduced you to"),
        ("other", "Resource: something else"),
    ],
    owner: [
        ("me", "A commitment I made"),
        ("mentor", "A commitment my mentor made"),
    ],
    period: [
        ("week", "This week"),
        ("month", "This month"),
        ("quarter", "This quarter"),
    ],
    formats: [
        ("md", "Markdown, ready to paste into an email or a note"),
        ("json", "A JSON object (documented in docs/json-output.md)"),
        ("text", "Lines of text, in the interface language"),
        ("ics", "Meetings as iCalendar events"),
    ],
    check_kinds: [
        ("mentors", "mentors"),
        ("contacts", "contacts"),
        ("health checks", "health checks"),
        ("goals", "goals"),
        ("progress updates", "progress updates"),
        ("goal revisions", "goal revisions"),
        ("meetings", "meetings"),
        ("agenda items", "agenda items"),
        ("questions", "questions"),
        ("feedback", "feedback"),
        ("commitments", "commitments"),
        ("gratitude", "gratitude"),
        ("reflections", "reflections"),
        ("wins", "wins"),
        ("resources", "recommendations and introductions"),
        ("drafts", "drafts"),
    ],
};

pub const ID: CliWords = CliWords {
    capture: [
        ("pertanyaan", "Pertanyaan untuk bank pertanyaan"),
        ("sasaran", "Sasaran dengan judul ini"),
        ("umpan-balik", "Umpan balik yang diterima hari ini"),
        ("komitmen", "Komitmen (bawaan: komitmen saya)"),
        (
            "terima-kasih",
            "Ucapan terima kasih untuk dicatat (belum dikirim)",
        ),
        (
            "pencapaian",
            "Pencapaian: sesuatu yang berhasil (--on, --goal, --evidence)",
        ),
        (
            "rekomendasi",
            "Rekomendasi mentor, atau orang yang dikenalkannya kepada Anda",
        ),
    ],
    kind: [
        ("pujian", "Umpan balik: apa yang sudah berjalan baik"),
        ("saran", "Umpan balik: sesuatu untuk dicoba"),
        ("kritik", "Umpan balik: sesuatu yang perlu diubah"),
        ("buku", "Rekomendasi: buku"),
        ("artikel", "Rekomendasi: artikel"),
        ("kursus", "Rekomendasi: kursus"),
        ("alat", "Rekomendasi: alat"),
        ("acara", "Rekomendasi: acara"),
        ("orang", "Rekomendasi: orang yang dikenalkan kepada Anda"),
        ("lainnya", "Rekomendasi: hal lain"),
    ],
    owner: [
        ("saya", "Komitmen yang saya buat"),
        ("mentor", "Komitmen yang dibuat mentor saya"),
    ],
    period: [
        ("minggu", "Minggu ini"),
        ("bulan", "Bulan ini"),
        ("kuartal", "Kuartal ini"),
    ],
    formats: [
        ("md", "Markdown, siap ditempel ke email atau catatan"),
        ("json", "Objek JSON (dijelaskan di docs/json-output.md)"),
        ("text", "Baris teks, dalam bahasa antarmuka"),
        ("ics", "Pertemuan sebagai acara iCalendar"),
    ],
    check_kinds: [
        ("mentors", "mentor"),
        ("contacts", "kontak"),
        ("health checks", "cek kesehatan hubungan"),
        ("goals", "sasaran"),
        ("progress updates", "catatan kemajuan"),
        ("goal revisions", "revisi sasaran"),
        ("meetings", "pertemuan"),
        ("agenda items", "butir agenda"),
        ("questions", "pertanyaan"),
        ("feedback", "umpan balik"),
        ("commitments", "komitmen"),
        ("gratitude", "terima kasih"),
        ("reflections", "refleksi"),
        ("wins", "pencapaian"),
        ("resources", "rekomendasi dan perkenalan"),
        ("drafts", "draf"),
    ],
};

catalog! {
    /// clap's own phrases: help headings and usage errors.
    pub struct ClapText {
        usage,
        commands,
        arguments,
        options,
        print_help,
        print_help_long,
        print_version,
        help_subcommand,
        help_subcommand_arg,
        possible_values,
        choices,
        default_value,
        try_help,
        invalid_value,
        value_required,
        unknown_argument,
        unknown_subcommand,
        missing_arguments,
        missing_subcommand,
        too_many_values,
        argument_conflict,
        not_text,
        similar_value,
        similar_argument,
        similar_subcommand,
        other_error,
    }
}

pub const CLAP_EN: ClapText = ClapText {
    usage: "Usage",
    commands: "Commands",
    arguments: "Arguments",
    options: "Options",
    print_help: "Print help",
    print_help_long: "Print help (see a summary with '-h')",
    print_version: "Print version",
    help_subcommand: "Print this message or the help of the given subcommand(s)",
    help_subcommand_arg: "The subcommand whose help to print",
    possible_values: "Possible values",
    choices: "possible values",
    default_value: "default",
    try_help: "For more information, try '{help}'.",
    invalid_value: "invalid value '{value}' for '{arg}'",
    value_required: "a value is required for '{arg}' but none was supplied",
    unknown_argument: "unexpected argument '{arg}' found",
    unknown_subcommand: "unrecognized subcommand '{name}'",
    missing_arguments: "the following required arguments were not provided:",
    missing_subcommand: "'{name}' requires a subcommand but one was not provided",
    too_many_values: "unexpected value '{value}' for '{arg}' found; no more were expected",
    argument_conflict: "the argument '{arg}' cannot be used with '{other}'",
    not_text: "invalid value for '{arg}': not valid text",
    similar_value: "a similar value exists: '{value}'",
    similar_argument: "a similar argument exists: '{value}'",
    similar_subcommand: "a similar subcommand exists: '{value}'",
    other_error: "the command line cannot be read: {error}",
};

pub const CLAP_ID: ClapText = ClapText {
    usage: "Pemakaian",
    commands: "Perintah",
    arguments: "Argumen",
    options: "Opsi",
    print_help: "Tampilkan bantuan",
    print_help_long: "Tampilkan bantuan (ringkasannya dengan '-h')",
    print_version: "Tampilkan versi",
    help_subcommand: "Tampilkan pesan ini atau bantuan perintah yang diberikan",
    help_subcommand_arg: "Perintah yang bantuannya ditampilkan",
    possible_values: "Nilai yang bisa dipakai",
    choices: "pilihan",
    default_value: "bawaan",
    try_help: "Untuk informasi lebih lanjut, coba '{help}'.",
    invalid_value: "nilai '{value}' tidak valid untuk '{arg}'",
    value_required: "'{arg}' memerlukan nilai, tetapi tidak ada yang diberikan",
    unknown_argument: "argumen '{arg}' tidak dikenal",
    unknown_subcommand: "perintah '{name}' tidak dikenal",
    missing_arguments: "argumen wajib berikut belum diberikan:",
    missing_subcommand: "'{name}' memerlukan perintah, tetapi tidak ada yang diberikan",
    too_many_values: "nilai '{value}' untuk '{arg}' tidak diharapkan; tidak ada nilai lain yang diperlukan",
    argument_conflict: "argumen '{arg}' tidak bisa dipakai bersama '{other}'",
    not_text: "nilai untuk '{arg}' tidak valid: bukan teks yang sah",
    similar_value: "ada nilai yang mirip: '{value}'",
    similar_argument: "ada argumen yang mirip: '{value}'",
    similar_subcommand: "ada perintah yang mirip: '{value}'",
    other_error: "baris perintah tidak bisa dibaca: {error}",
};
