//! Screen labels for the domain's vocabularies, one array per enum in `ALL` order.
//! An array of the wrong length is a compile error.

use crate::domain::kinds::*;

/// Labels of every vocabulary.
#[derive(Debug)]
pub struct Labels {
    pub mentor_status: [&'static str; 5],
    pub party: [&'static str; 2],
    pub goal_area: [&'static str; 7],
    pub goal_status: [&'static str; 4],
    pub meeting_status: [&'static str; 3],
    pub readiness: [&'static str; 3],
    pub agenda_kind: [&'static str; 4],
    pub feedback_kind: [&'static str; 3],
    pub feedback_status: [&'static str; 4],
    pub commitment_status: [&'static str; 3],
    pub period: [&'static str; 3],
    /// What a mentor recommended (the last, a person, is an introduction).
    pub resource_kind: [&'static str; 7],
    /// How far the mentee has come with a recommendation.
    pub resource_status: [&'static str; 4],
    /// One record of each kind, as a sentence names it ("Deleted the {kind}").
    pub record_kind: [&'static str; 15],
    /// The view names, keys 1–8.
    pub views: [&'static str; 8],
    /// Each view's short name (still a word), for the other tabs when the bar is narrow.
    pub views_short: [&'static str; 8],
    /// The checklist item each view serves, keys 1–8.
    pub checklist: [&'static str; 8],
    /// The months' short names, January first (the `d mon yyyy` date format).
    pub months: [&'static str; 12],
}

/// Looks up the label of a vocabulary value.
pub trait Label {
    /// The label in `labels`.
    fn label(self, labels: &Labels) -> &'static str;
}

macro_rules! label {
    ($($t:ty => $field:ident),+ $(,)?) => {$(
        impl Label for $t {
            fn label(self, labels: &Labels) -> &'static str { labels.$field[self.index()] }
        }
    )+};
}

label!(
    MentorStatus => mentor_status, Party => party, GoalArea => goal_area,
    GoalStatus => goal_status, MeetingStatus => meeting_status, AgendaReadiness => readiness,
    AgendaKind => agenda_kind, FeedbackKind => feedback_kind, FeedbackStatus => feedback_status,
    CommitmentStatus => commitment_status, Period => period, RecordKind => record_kind,
    ResourceKind => resource_kind, ResourceStatus => resource_status,
);

impl Labels {
    /// Every (field[i], text) pair, for completeness tests.
    pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
        let arrays: [(&'static str, &[&'static str]); 18] = [
            ("mentor_status", &self.mentor_status),
            ("party", &self.party),
            ("goal_area", &self.goal_area),
            ("goal_status", &self.goal_status),
            ("meeting_status", &self.meeting_status),
            ("readiness", &self.readiness),
            ("agenda_kind", &self.agenda_kind),
            ("feedback_kind", &self.feedback_kind),
            ("feedback_status", &self.feedback_status),
            ("commitment_status", &self.commitment_status),
            ("period", &self.period),
            ("resource_kind", &self.resource_kind),
            ("resource_status", &self.resource_status),
            ("record_kind", &self.record_kind),
            ("views", &self.views),
            ("views_short", &self.views_short),
            ("checklist", &self.checklist),
            ("months", &self.months),
        ];
        arrays
            .into_iter()
            .flat_map(|(k, list)| list.iter().map(move |v| (k, *v)))
            .collect()
    }
}

pub const EN: Labels = Labels {
    mentor_status: ["candidate", "approached", "active", "paused", "ended"],
    party: ["me", "mentor"],
    goal_area: [
        "skills",
        "network",
        "confidence",
        "decision-making",
        "career",
        "job satisfaction",
        "leadership",
    ],
    goal_status: ["active", "achieved", "paused", "dropped"],
    meeting_status: ["planned", "held", "cancelled"],
    readiness: ["no agenda", "draft", "ready"],
    agenda_kind: ["topic", "question", "update", "ask"],
    feedback_kind: ["praise", "suggestion", "critique"],
    feedback_status: ["open", "trying it", "done", "parked"],
    commitment_status: ["open", "done", "dropped"],
    period: ["week", "month", "quarter"],
    resource_kind: [
        "book",
        "article",
        "course",
        "tool",
        "event",
        "introduction",
        "other",
    ],
    resource_status: ["to do", "doing", "done", "dropped"],
    record_kind: [
        "mentor",
        "contact",
        "health check",
        "goal",
        "progress update",
        "goal revision",
        "meeting",
        "agenda item",
        "question",
        "feedback",
        "commitment",
        "thanks",
        "reflection",
        "win",
        "resource",
    ],
    views: [
        "Today",
        "Goals",
        "Meetings",
        "Feedback",
        "Commitments",
        "Gratitude",
        "Reflections",
        "Mentors",
    ],
    views_short: [
        "Today", "Goals", "Meet", "Feedback", "Commit", "Thanks", "Reflect", "Mentors",
    ],
    checklist: [
        "Be proactive",
        "Set clear goals",
        "Prepare for meetings",
        "Be receptive to feedback",
        "Keep commitments",
        "Express gratitude",
        "Reflect regularly",
        "Find the right mentor",
    ],
    months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
};

pub const ID: Labels = Labels {
    mentor_status: ["calon", "dihubungi", "aktif", "dijeda", "selesai"],
    party: ["saya", "mentor"],
    goal_area: [
        "keterampilan",
        "jaringan",
        "percaya diri",
        "pengambilan keputusan",
        "karier",
        "kepuasan kerja",
        "kepemimpinan",
    ],
    goal_status: ["aktif", "tercapai", "dijeda", "dibatalkan"],
    meeting_status: ["direncanakan", "terlaksana", "dibatalkan"],
    readiness: ["belum disusun", "draf", "siap"],
    agenda_kind: ["topik", "pertanyaan", "kabar", "permintaan"],
    feedback_kind: ["pujian", "saran", "kritik"],
    feedback_status: ["terbuka", "dicoba", "selesai", "ditunda"],
    commitment_status: ["terbuka", "selesai", "dibatalkan"],
    period: ["mingguan", "bulanan", "kuartalan"],
    resource_kind: [
        "buku",
        "artikel",
        "kursus",
        "alat",
        "acara",
        "perkenalan",
        "lainnya",
    ],
    resource_status: ["belum", "sedang", "selesai", "dibatalkan"],
    record_kind: [
        "mentor",
        "kontak",
        "cek kesehatan hubungan",
        "sasaran",
        "catatan kemajuan",
        "revisi sasaran",
        "pertemuan",
        "butir agenda",
        "pertanyaan",
        "umpan balik",
        "komitmen",
        "terima kasih",
        "refleksi",
        "pencapaian",
        "rekomendasi",
    ],
    views: [
        "Hari Ini",
        "Sasaran",
        "Pertemuan",
        "Umpan Balik",
        "Komitmen",
        "Terima Kasih",
        "Refleksi",
        "Mentor",
    ],
    views_short: [
        "Kini", "Sasaran", "Temu", "Masukan", "Janji", "Trims", "Refleksi", "Mentor",
    ],
    checklist: [
        "Bersikap Proaktif",
        "Tetapkan Sasaran yang Jelas",
        "Persiapan untuk Rapat",
        "Bersikaplah Reseptif terhadap Umpan Balik",
        "Menepati Komitmen",
        "Ungkapkan rasa terima kasih",
        "Renungkan Secara Teratur",
        "Menemukan Mentor yang Tepat",
    ],
    months: [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ],
};
