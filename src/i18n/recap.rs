//! Text of the recap sent to a mentor after a meeting (issue 17): the message itself, put
//! into words once from the domain's [`Recap`] (`mentee recap` prints it, the TUI's recap
//! overlay shows, copies and saves it), the command's messages and the overlay's words.
//! The message's dates are written out in full in the language (`Jumat, 27 November 2026`).
//! Everything the user wrote is neutralised (one line each) before it is put in.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::fill;
use crate::domain::recap::{Promise, Recap};
use crate::domain::text::clean_line;

/// How the recap is written: Markdown (bold headings) or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RecapFormat {
    #[default]
    Md,
    Text,
}

/// Recap text.
#[derive(Debug)]
pub struct RecapText {
    /// The days of the week, Monday first.
    pub weekdays: [&'static str; 7],
    /// The months' full names, January first.
    pub months: [&'static str; 12],
    pub date: &'static str,
    pub date_time: &'static str,
    /// How a time of day is written (a chrono pattern).
    pub time: &'static str,
    pub greeting: &'static str,
    pub thanks_time: &'static str,
    pub thanks_heading: &'static str,
    pub discussed_heading: &'static str,
    pub mine_heading: &'static str,
    pub offered_heading: &'static str,
    pub next_heading: &'static str,
    pub due: &'static str,
    pub closing: &'static str,
    pub cli_no_held: &'static str,
    pub cli_not_held: &'static str,
    pub cli_private: &'static str,
    pub cli_none_on_day: &'static str,
    pub cli_several_on_day: &'static str,
    pub cli_none_with: &'static str,
    pub cli_unknown: &'static str,
    pub cli_several_mentors: &'static str,
    pub title: &'static str,
    pub keys_hint: &'static str,
    pub osc52_note: &'static str,
    pub copied: &'static str,
    pub saved: &'static str,
    pub save_prompt: &'static str,
    pub save_field: &'static str,
    pub mark_sent: &'static str,
    pub marked_sent: &'static str,
    pub edited: &'static str,
    pub no_recap_private: &'static str,
    pub no_recap_not_held: &'static str,
    pub bare: &'static str,
    pub mark_sent_title: &'static str,
    pub key_copy: &'static str,
    pub key_edit: &'static str,
    pub key_save: &'static str,
    pub key_close: &'static str,
    pub key_back: &'static str,
    pub key_recap: &'static str,
    pub agreement_title: &'static str,
    pub agreement_ask: &'static str,
    pub agreement_filled: &'static str,
    pub agreement_nothing: &'static str,
}

impl RecapText {
    /// Every (field, text) pair, for completeness tests.
    pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
        let mut out: Vec<(&'static str, &'static str)> = Vec::new();
        out.extend(self.weekdays.iter().map(|w| ("weekdays", *w)));
        out.extend(self.months.iter().map(|m| ("months", *m)));
        out.extend([
            ("date", self.date),
            ("date_time", self.date_time),
            ("time", self.time),
            ("greeting", self.greeting),
            ("thanks_time", self.thanks_time),
            ("thanks_heading", self.thanks_heading),
            ("discussed_heading", self.discussed_heading),
            ("mine_heading", self.mine_heading),
            ("offered_heading", self.offered_heading),
            ("next_heading", self.next_heading),
            ("due", self.due),
            ("closing", self.closing),
            ("cli_no_held", self.cli_no_held),
            ("cli_not_held", self.cli_not_held),
            ("cli_private", self.cli_private),
            ("cli_none_on_day", self.cli_none_on_day),
            ("cli_several_on_day", self.cli_several_on_day),
            ("cli_none_with", self.cli_none_with),
            ("cli_unknown", self.cli_unknown),
            ("cli_several_mentors", self.cli_several_mentors),
            ("title", self.title),
            ("keys_hint", self.keys_hint),
            ("osc52_note", self.osc52_note),
            ("copied", self.copied),
            ("saved", self.saved),
            ("save_prompt", self.save_prompt),
            ("save_field", self.save_field),
            ("mark_sent", self.mark_sent),
            ("marked_sent", self.marked_sent),
            ("edited", self.edited),
            ("no_recap_private", self.no_recap_private),
            ("no_recap_not_held", self.no_recap_not_held),
            ("bare", self.bare),
            ("mark_sent_title", self.mark_sent_title),
            ("key_copy", self.key_copy),
            ("key_edit", self.key_edit),
            ("key_save", self.key_save),
            ("key_close", self.key_close),
            ("key_back", self.key_back),
            ("key_recap", self.key_recap),
            ("agreement_title", self.agreement_title),
            ("agreement_ask", self.agreement_ask),
            ("agreement_filled", self.agreement_filled),
            ("agreement_nothing", self.agreement_nothing),
        ]);
        out
    }

    /// A day written out in full: `Friday, 27 November 2026`.
    pub fn long_date(&self, day: NaiveDate) -> String {
        let weekday = self.weekdays[day.weekday().num_days_from_monday() as usize];
        let month = self.months[day.month0() as usize];
        fill!(
            self.date,
            weekday = weekday,
            day = day.day(),
            month = month,
            year = day.year()
        )
    }

    /// A day and time written out: `Friday, 27 November 2026 at 16:00`.
    pub fn long_date_time(&self, at: NaiveDateTime) -> String {
        fill!(
            self.date_time,
            date = self.long_date(at.date()),
            time = at.format(self.time)
        )
    }

    /// The recap as a message to the mentor, in `format`.
    pub fn render(&self, recap: &Recap, format: RecapFormat) -> String {
        let mut out = String::new();
        let mut para = |text: &str| {
            out.push_str(text);
            out.push_str("\n\n");
        };
        let first_name = recap.mentor.split_whitespace().next().unwrap_or("");
        para(&fill!(self.greeting, mentor = clean_line(first_name)));
        para(&fill!(
            self.thanks_time,
            date = self.long_date(recap.held_at.date())
        ));
        let heading = |title: &str| match format {
            RecapFormat::Md => format!("**{title}**"),
            RecapFormat::Text => format!("{title}:"),
        };
        let list = |lines: Vec<String>| {
            lines
                .iter()
                .map(|l| format!("- {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let promise = |p: &Promise| match p.due {
            Some(due) => format!(
                "{} ({})",
                clean_line(&p.text),
                fill!(self.due, date = self.long_date(due))
            ),
            None => clean_line(&p.text).into_owned(),
        };
        let mut section = |title: &str, lines: Vec<String>| {
            if !lines.is_empty() {
                para(&format!("{}\n{}", heading(title), list(lines)));
            }
        };
        section(
            self.thanks_heading,
            recap
                .thanks
                .iter()
                .map(|t| clean_line(t).into_owned())
                .collect(),
        );
        section(
            self.discussed_heading,
            recap
                .discussed
                .iter()
                .map(|d| match d.note.is_empty() {
                    true => clean_line(&d.text).into_owned(),
                    false => format!("{}: {}", clean_line(&d.text), clean_line(&d.note)),
                })
                .collect(),
        );
        section(self.mine_heading, recap.mine.iter().map(promise).collect());
        section(
            self.offered_heading,
            recap.offered.iter().map(promise).collect(),
        );
        if let Some(next) = recap.next {
            section(self.next_heading, vec![self.long_date_time(next)]);
        }
        out.push_str(self.closing);
        out.push('\n');
        out
    }
}

pub const EN: RecapText = RecapText {
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    date: "{weekday}, {day} {month} {year}",
    date_time: "{date} at {time}",
    time: "%H:%M",
    greeting: "Hi {mentor},",
    thanks_time: "Thank you for your time on {date}.",
    thanks_heading: "Thank you especially for",
    discussed_heading: "What we discussed",
    mine_heading: "What I will do",
    offered_heading: "What you offered",
    next_heading: "Our next meeting",
    due: "by {date}",
    closing: "Thanks again,",
    cli_no_held: "no held meeting yet: a recap is written after a meeting is held (debrief it first)",
    cli_not_held: "the meeting of {date} with {name} has not been held; a recap is written after a meeting is held",
    cli_private: "the meeting of {date} is private (or its mentor is): it has no recap",
    cli_none_on_day: "no held meeting on {date}",
    cli_several_on_day: "several meetings were held on {date} ({names}); give the mentor's name instead",
    cli_none_with: "no held meeting with {name} yet",
    cli_unknown: "no date or mentor matches \"{meeting}\" (give a date like 2026-11-27, a word like yesterday, or a mentor's name)",
    cli_several_mentors: "\"{name}\" matches several mentors: {names}; give more of the name",
    title: "Recap for {mentor}",
    keys_hint: "c copy · e edit in $EDITOR · w save to a file · Esc close",
    osc52_note: "Copy uses OSC 52: it works in most modern terminals, also over SSH; if nothing reaches your clipboard, your terminal does not support it — save to a file instead.",
    copied: "Sent the recap to the clipboard (OSC 52; if it is not there, your terminal does not support it).",
    saved: "Saved the recap to {path}.",
    save_prompt: "Save the recap",
    save_field: "File",
    mark_sent: "Mark the thanks for this meeting as sent?",
    marked_sent: "Marked {count} [thanks|thanks] as sent.",
    edited: "The recap is back from the editor.",
    no_recap_private: "This meeting is private (or its mentor is): it has no recap.",
    no_recap_not_held: "A recap is written after a meeting is held: debrief it first.",
    bare: "Everything else of this meeting is private: the recap has only the greeting.",
    mark_sent_title: "Thanks sent?",
    key_copy: "copy to the clipboard (OSC 52)",
    key_edit: "edit in $EDITOR",
    key_save: "save to a file",
    key_close: "close",
    key_back: "back to the recap",
    key_recap: "the recap to send the mentor (held meeting)",
    agreement_title: "Kick-off",
    agreement_ask: "This was the kick-off with {mentor}: fill the agreement from what was decided (cadence, end, channel, goals, notes)? You can change it before saving.",
    agreement_filled: "The agreement is filled in from the kick-off: check it, then Ctrl-S saves (Esc drops it).",
    agreement_nothing: "Nothing was noted on the kick-off items for the agreement; fill it in by hand.",
};

pub const ID: RecapText = RecapText {
    weekdays: [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ],
    months: [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    date: "{weekday}, {day} {month} {year}",
    date_time: "{date} pukul {time}",
    time: "%H.%M",
    greeting: "Halo {mentor},",
    thanks_time: "Terima kasih atas waktunya pada {date}.",
    thanks_heading: "Terima kasih khususnya untuk",
    discussed_heading: "Yang kita bahas",
    mine_heading: "Yang akan saya lakukan",
    offered_heading: "Yang Anda tawarkan",
    next_heading: "Pertemuan kita berikutnya",
    due: "paling lambat {date}",
    closing: "Terima kasih sekali lagi,",
    cli_no_held: "belum ada pertemuan yang sudah berlangsung: rekap ditulis setelah pertemuan berlangsung (isi evaluasinya dulu)",
    cli_not_held: "pertemuan {date} dengan {name} belum berlangsung; rekap ditulis setelah pertemuan berlangsung",
    cli_private: "pertemuan {date} bersifat pribadi (atau mentornya): tidak ada rekap",
    cli_none_on_day: "tidak ada pertemuan yang berlangsung pada {date}",
    cli_several_on_day: "ada beberapa pertemuan pada {date} ({names}); sebutkan nama mentornya",
    cli_none_with: "belum ada pertemuan yang berlangsung dengan {name}",
    cli_unknown: "tidak ada tanggal atau mentor yang cocok dengan \"{meeting}\" (beri tanggal seperti 2026-11-27, kata seperti kemarin, atau nama mentor)",
    cli_several_mentors: "\"{name}\" cocok dengan beberapa mentor: {names}; tulis namanya lebih lengkap",
    title: "Rekap untuk {mentor}",
    keys_hint: "c salin · e ubah di $EDITOR · w simpan ke berkas · Esc tutup",
    osc52_note: "Salin memakai OSC 52: berfungsi di kebanyakan terminal modern, juga lewat SSH; kalau tidak masuk ke clipboard, terminal Anda tidak mendukungnya — simpan ke berkas saja.",
    copied: "Rekap dikirim ke clipboard (OSC 52; kalau tidak ada di sana, terminal Anda tidak mendukungnya).",
    saved: "Rekap disimpan di {path}.",
    save_prompt: "Simpan rekap",
    save_field: "Berkas",
    mark_sent: "Tandai ucapan terima kasih untuk pertemuan ini sebagai terkirim?",
    marked_sent: "{count} ucapan terima kasih ditandai terkirim.",
    edited: "Rekap sudah kembali dari editor.",
    no_recap_private: "Pertemuan ini bersifat pribadi (atau mentornya): tidak ada rekap.",
    no_recap_not_held: "Rekap ditulis setelah pertemuan berlangsung: isi evaluasinya dulu.",
    bare: "Semua hal lain dari pertemuan ini bersifat pribadi: rekap hanya berisi salam.",
    mark_sent_title: "Terima kasih terkirim?",
    key_copy: "salin ke clipboard (OSC 52)",
    key_edit: "ubah di $EDITOR",
    key_save: "simpan ke berkas",
    key_close: "tutup",
    key_back: "kembali ke rekap",
    key_recap: "rekap untuk dikirim ke mentor (pertemuan yang sudah berlangsung)",
    agreement_title: "Perkenalan",
    agreement_ask: "Ini pertemuan perkenalan dengan {mentor}: isi kesepakatan dari yang diputuskan (frekuensi, tanggal selesai, saluran, sasaran, catatan)? Anda bisa mengubahnya sebelum menyimpan.",
    agreement_filled: "Kesepakatan diisi dari pertemuan perkenalan: periksa, lalu Ctrl-S menyimpan (Esc membatalkan).",
    agreement_nothing: "Tidak ada catatan pada butir perkenalan untuk kesepakatan; isi sendiri.",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::recap::Discussed;

    fn recap() -> Recap {
        let at = |d: u32, h: u32| {
            NaiveDate::from_ymd_opt(2026, 11, d)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
        };
        Recap {
            mentor: "Daniel Okafor".into(),
            held_at: at(27, 16),
            thanks: vec!["The intro to Maya".into()],
            discussed: vec![Discussed {
                text: "Conference talk".into(),
                note: "Lead with the story".into(),
            }],
            mine: vec![Promise {
                text: "Rewrite the outline".into(),
                due: NaiveDate::from_ymd_opt(2026, 12, 4),
            }],
            offered: vec![Promise {
                text: "An intro".into(),
                due: None,
            }],
            next: Some(at(30, 10)),
            unsent_thanks: vec![],
        }
    }

    #[test]
    fn the_recap_reads_as_a_message_in_each_language() {
        let en = EN.render(&recap(), RecapFormat::Md);
        assert!(
            en.starts_with("Hi Daniel,\n\nThank you for your time on Friday, 27 November 2026.")
        );
        assert!(en.contains("**What we discussed**\n- Conference talk: Lead with the story"));
        assert!(en.contains("- Rewrite the outline (by Friday, 4 December 2026)"));
        assert!(en.contains("**What you offered**\n- An intro\n"));
        assert!(en.contains("Monday, 30 November 2026 at 10:00"));
        let id = ID.render(&recap(), RecapFormat::Text);
        assert!(id.contains("Terima kasih atas waktunya pada Jumat, 27 November 2026."));
        assert!(id.contains(
            "Yang akan saya lakukan:\n- Rewrite the outline (paling lambat Jumat, 4 Desember 2026)"
        ));
        assert!(id.contains("Senin, 30 November 2026 pukul 10.00"));
        assert!(!id.contains("**"));
    }

    #[test]
    fn user_text_cannot_reach_the_terminal() {
        let mut r = recap();
        r.thanks = vec!["evil\u{1b}]52;c;AAAA\u{7}".into()];
        let text = EN.render(&r, RecapFormat::Text);
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
    }
}
