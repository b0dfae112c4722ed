//! Text about resources and introductions: what mentors recommended, on the command line,
//! in the Mentors view's section, in the thanks nudge and in the Markdown export.

use super::catalog;

catalog! {
    /// Resources and introductions.
    pub struct ResourcesText {
        add_saved,
        add_for_goal,
        add_link,
        add_unknown_goal,
        add_no_goals,
        add_ambiguous_goal,
        section_title,
        section_empty,
        f_takeaway,
        f_goal,
        nudge_intro,
        prefill_intro,
        md_title,
        md_from,
        md_takeaway,
        md_thanked,
    }
}

pub const EN: ResourcesText = ResourcesText {
    add_saved: "Resource noted ({kind}, {status}): {title}",
    add_for_goal: "; goal: {title}",
    add_link: "; link: {link}",
    add_unknown_goal: "no goal matches {title}; goals: {goals}",
    add_no_goals: "no goal matches {title}: the journal has no goals yet",
    add_ambiguous_goal: "{title} matches several goals: {goals}; type more of the title",
    section_title: "Recommendations & introductions",
    section_empty: "Nothing recommended yet (mentee add resource TITLE --mentor NAME notes one).",
    f_takeaway: "Takeaway",
    f_goal: "For goal",
    nudge_intro: "Thank {mentor} for introducing you to {title}",
    prefill_intro: "Thank you for introducing me to {title}",
    md_title: "Recommendations and introductions",
    md_from: "(from {mentor})",
    md_takeaway: "Takeaway",
    md_thanked: "thanked",
};

pub const ID: ResourcesText = ResourcesText {
    add_saved: "Rekomendasi dicatat ({kind}, {status}): {title}",
    add_for_goal: "; sasaran: {title}",
    add_link: "; tautan: {link}",
    add_unknown_goal: "tidak ada sasaran yang cocok dengan {title}; sasaran: {goals}",
    add_no_goals: "tidak ada sasaran yang cocok dengan {title}: jurnal belum punya sasaran",
    add_ambiguous_goal: "{title} cocok dengan beberapa sasaran: {goals}; ketik judulnya lebih lengkap",
    section_title: "Rekomendasi & perkenalan",
    section_empty: "Belum ada rekomendasi (mentee add rekomendasi JUDUL --mentor NAMA mencatatnya).",
    f_takeaway: "Pelajaran yang dipetik",
    f_goal: "Untuk sasaran",
    nudge_intro: "Ucapkan terima kasih kepada {mentor} karena telah mengenalkan Anda kepada {title}",
    prefill_intro: "Terima kasih telah mengenalkan saya kepada {title}",
    md_title: "Rekomendasi dan perkenalan",
    md_from: "(dari {mentor})",
    md_takeaway: "Pelajaran",
    md_thanked: "sudah berterima kasih",
};
