//! The figures of a review period in words: one catalog, and one model of the lines, for
//! `mentee review` (which prints them as Markdown) and the Reflections view (which draws them
//! beside a review with a gauge for each ratio).

use super::{catalog, fill};
use crate::domain::figures::{CommitmentCounts, PeriodFigures};
use crate::domain::text::clean_line;

catalog! {
    /// The review's sentences.
    pub struct ReviewText {
        title,
        meetings,
        meetings_mentor,
        meetings_total,
        no_meetings,
        agenda,
        feedback,
        feedback_line,
        commitments,
        commitments_line,
        mine,
        mentors,
        goals,
        goal_line,
        no_goals,
        gratitude,
        gratitude_line,
        wins,
        wins_line,
        contacts,
        contacts_line,
        health,
        health_line,
        no_health,
        not_applicable,
    }
}

pub const EN: ReviewText = ReviewText {
    title: "Review of the {period} {start} to {end}",
    meetings: "Meetings",
    meetings_mentor: "{mentor}: {held} held, {cancelled} cancelled",
    meetings_total: "In all: {held} held, {cancelled} cancelled",
    no_meetings: "No meetings in this period.",
    agenda: "Agenda items discussed: {discussed} of {total}",
    feedback: "Feedback",
    feedback_line: "{received} received, {acted_on} acted on",
    commitments: "Commitments",
    commitments_line: "{who}: {made} made, {kept} kept on time, {late} late, {open} open; keep rate {rate}",
    mine: "Mine",
    mentors: "My mentors'",
    goals: "Goal progress",
    goal_line: "{goal}: {from} → {to} ({change}), {updates} [update|updates]",
    no_goals: "No progress recorded in this period.",
    gratitude: "Gratitude",
    gratitude_line: "{sent} sent of {noted} noted",
    wins: "Wins",
    wins_line: "{count} [win|wins] noted",
    contacts: "Contacts",
    contacts_line: "{contacts} [contact|contacts], {mine} initiated by me ({share})",
    health: "Health checks",
    health_line: "{mentor}: average rating {average} (checks: {checks})",
    no_health: "No health check in this period.",
    not_applicable: "n/a",
};

pub const ID: ReviewText = ReviewText {
    title: "Tinjauan {period} {start} sampai {end}",
    meetings: "Pertemuan",
    meetings_mentor: "{mentor}: {held} terlaksana, {cancelled} dibatalkan",
    meetings_total: "Seluruhnya: {held} terlaksana, {cancelled} dibatalkan",
    no_meetings: "Tidak ada pertemuan dalam periode ini.",
    agenda: "Butir agenda yang dibahas: {discussed} dari {total}",
    feedback: "Umpan balik",
    feedback_line: "{received} diterima, {acted_on} ditindaklanjuti",
    commitments: "Komitmen",
    commitments_line: "{who}: {made} dibuat, {kept} ditepati tepat waktu, {late} terlambat, {open} terbuka; tingkat ditepati {rate}",
    mine: "Milik saya",
    mentors: "Milik mentor",
    goals: "Kemajuan sasaran",
    goal_line: "{goal}: {from} → {to} ({change}), {updates} pembaruan",
    no_goals: "Tidak ada kemajuan yang dicatat dalam periode ini.",
    gratitude: "Terima kasih",
    gratitude_line: "{sent} terkirim dari {noted} dicatat",
    wins: "Pencapaian",
    wins_line: "{count} pencapaian dicatat",
    contacts: "Kontak",
    contacts_line: "{contacts} kontak, {mine} atas inisiatif saya ({share})",
    health: "Cek kesehatan hubungan",
    health_line: "{mentor}: rata-rata nilai {average} (pemeriksaan: {checks})",
    no_health: "Tidak ada cek kesehatan hubungan dalam periode ini.",
    not_applicable: "t/a",
};

/// One line of figures, and the ratio it stands for (a gauge on screen), if any.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureLine {
    pub text: String,
    pub ratio: Option<f64>,
}

/// A titled group of lines: meetings, feedback, commitments…
#[derive(Debug, Clone, PartialEq)]
pub struct FigureSection {
    pub title: &'static str,
    pub lines: Vec<FigureLine>,
}

fn ratio(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

fn line(text: String, ratio: Option<f64>) -> FigureLine {
    FigureLine { text, ratio }
}

/// A number as people write it: `4`, `2.5`, `0.33` (at most two decimals), with the
/// language's decimal mark (`2,5` in Indonesian).
fn number(value: f64, mark: &str) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.replace('.', mark)
    }
}

/// A signed change: `+2`, `-0.5`, `0`.
fn signed(value: f64, mark: &str) -> String {
    let text = number(value, mark);
    if value > 0.0 && text != "0" {
        format!("+{text}")
    } else {
        text
    }
}

impl ReviewText {
    /// A ratio in 0..=1 as a whole percentage, or "n/a".
    fn percent(&self, ratio: Option<f64>) -> String {
        match ratio {
            Some(r) => format!("{:.0}%", r * 100.0),
            None => self.not_applicable.to_string(),
        }
    }

    /// "Review of the month 2026-11-01 to 2026-11-30" (dates as the caller writes them).
    pub fn heading(&self, period: &str, start: &str, end: &str) -> String {
        fill!(self.title, period = period, start = start, end = end)
    }

    /// The figures of `f`, section by section, in words; numbers with `decimal_mark`.
    pub fn sections(&self, f: &PeriodFigures, decimal_mark: &str) -> Vec<FigureSection> {
        let mut meetings: Vec<FigureLine> = f
            .meetings
            .iter()
            .filter(|m| m.held + m.cancelled > 0)
            .map(|m| {
                line(
                    fill!(
                        self.meetings_mentor,
                        mentor = clean_line(&m.name),
                        held = m.held,
                        cancelled = m.cancelled
                    ),
                    ratio(m.held, m.held + m.cancelled),
                )
            })
            .collect();
        if meetings.is_empty() {
            meetings.push(line(self.no_meetings.to_string(), None));
        } else {
            meetings.push(line(
                fill!(
                    self.meetings_total,
                    held = f.meetings_held,
                    cancelled = f.meetings_cancelled
                ),
                None,
            ));
        }
        meetings.push(line(
            fill!(
                self.agenda,
                discussed = f.agenda_discussed,
                total = f.agenda_items
            ),
            ratio(f.agenda_discussed, f.agenda_items),
        ));
        let commitments = |who: &str, n: &CommitmentCounts, rate: Option<f64>| {
            line(
                fill!(
                    self.commitments_line,
                    who = who,
                    made = n.made,
                    kept = n.kept,
                    late = n.late,
                    open = n.open,
                    rate = self.percent(rate)
                ),
                rate,
            )
        };
        let mut goals: Vec<FigureLine> = f
            .goals
            .iter()
            .map(|g| {
                let mut change = signed(g.change, decimal_mark);
                if let (Some(a), Some(b)) = (g.progress_from, g.progress_to) {
                    change.push_str(&format!(
                        ", {} → {}",
                        self.percent(Some(a)),
                        self.percent(Some(b))
                    ));
                }
                line(
                    fill!(
                        self.goal_line,
                        goal = clean_line(&g.title),
                        from = number(g.from, decimal_mark),
                        to = number(g.to, decimal_mark),
                        change = change,
                        updates = g.updates
                    ),
                    g.progress_to,
                )
            })
            .collect();
        if goals.is_empty() {
            goals.push(line(self.no_goals.to_string(), None));
        }
        let mut health: Vec<FigureLine> = f
            .health
            .iter()
            .map(|h| {
                let average = h
                    .average
                    .map(|a| number(a, decimal_mark))
                    .unwrap_or_else(|| self.not_applicable.into());
                line(
                    fill!(
                        self.health_line,
                        mentor = clean_line(&h.name),
                        average = average,
                        checks = h.checks
                    ),
                    h.average.map(|a| a / 5.0),
                )
            })
            .collect();
        if health.is_empty() {
            health.push(line(self.no_health.to_string(), None));
        }
        let section = |title, lines| FigureSection { title, lines };
        vec![
            section(self.meetings, meetings),
            section(
                self.feedback,
                vec![line(
                    fill!(
                        self.feedback_line,
                        received = f.feedback_received,
                        acted_on = f.feedback_acted_on
                    ),
                    ratio(f.feedback_acted_on, f.feedback_received),
                )],
            ),
            section(
                self.commitments,
                vec![
                    commitments(self.mine, &f.my_commitments, f.my_keep_rate),
                    commitments(self.mentors, &f.mentor_commitments, f.mentor_keep_rate),
                ],
            ),
            section(self.goals, goals),
            section(
                self.wins,
                vec![line(fill!(self.wins_line, count = f.wins), None)],
            ),
            section(
                self.gratitude,
                vec![line(
                    fill!(
                        self.gratitude_line,
                        sent = f.gratitude_sent,
                        noted = f.gratitude_noted
                    ),
                    ratio(f.gratitude_sent, f.gratitude_noted),
                )],
            ),
            section(
                self.contacts,
                vec![line(
                    fill!(
                        self.contacts_line,
                        contacts = f.contacts,
                        mine = f.contacts_i_initiated,
                        share = self.percent(f.initiative_share)
                    ),
                    f.initiative_share,
                )],
            ),
            section(self.health, health),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::figures::{FigureInput, GoalChange, MentorHealth, figures};

    /// Figures with a fractional goal value and health average.
    fn sample() -> PeriodFigures {
        let mut f = figures(&FigureInput::default());
        f.goals.push(GoalChange {
            goal_id: 1,
            title: "Run 10 km".into(),
            from: 2.5,
            to: 4.25,
            change: 1.75,
            progress_from: None,
            progress_to: None,
            updates: 2,
        });
        f.health.push(MentorHealth {
            mentor_id: 1,
            name: "Ana".into(),
            checks: 2,
            average: Some(4.5),
        });
        f
    }

    fn text(t: &ReviewText, mark: &str) -> String {
        t.sections(&sample(), mark)
            .iter()
            .flat_map(|s| s.lines.iter().map(|l| l.text.clone()))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn numbers_use_the_languages_decimal_mark() {
        let en = text(&EN, super::super::EN.common.decimal_separator);
        assert!(
            en.contains("2.5") && en.contains("4.25") && en.contains("+1.75"),
            "{en}"
        );
        assert!(en.contains("4.5"), "{en}");
        let id = text(&ID, super::super::ID.common.decimal_separator);
        assert!(
            id.contains("2,5") && id.contains("4,25") && id.contains("+1,75"),
            "{id}"
        );
        assert!(id.contains("rata-rata nilai 4,5"), "{id}");
        assert!(!id.contains("4.5") && !id.contains("2.5"), "{id}");
    }
}
