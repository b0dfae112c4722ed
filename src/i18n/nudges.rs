//! The sentences of the nudges (Today view and `mentee status` say them the same way).

use super::{catalog, fill};
use crate::domain::nudges::{Nudge, NudgeKind};

catalog! {
    /// One sentence per kind of nudge, with the mentor (`{who}`) and a detail.
    pub struct NudgesText {
        your_mentor,
        debrief,
        thanks_pending,
        send_thanks,
        report_experiment,
        no_contact,
        no_contact_ever,
        follow_up,
        agreement_review,
        health_check,
        thank_experiment,
        thank_introduction,
        mentor_not_thanked,
        mentor_never_thanked,
        reflection,
        slipping,
        plan_meeting,
        plan_meeting_never,
    }
}

pub const EN: NudgesText = NudgesText {
    your_mentor: "your mentor",
    debrief: "Debrief the meeting with {who} on {since}.",
    thanks_pending: "Thank {who} for the meeting on {since}.",
    send_thanks: "Send the thanks you wrote to {who} on {since}.",
    report_experiment: "Report back to {who} on your experiment “{experiment}”.",
    no_contact: "No contact with {who} for {days} days.",
    no_contact_ever: "No contact with {who} yet.",
    follow_up: "Follow up with {who}: no reply for {days} days.",
    agreement_review: "Review the mentoring agreement with {who} (due {since}).",
    health_check: "Time for a relationship health check with {who}.",
    thank_experiment: "Thank {who} for the advice behind “{experiment}”.",
    thank_introduction: "Thank {who} for introducing you to {experiment}.",
    mentor_not_thanked: "You have not thanked {who} for {days} days.",
    mentor_never_thanked: "You have not thanked {who} yet.",
    reflection: "Reflect on last {period} ({range}).",
    slipping: "The health check with {who} on {since} was low: plan a meeting to talk it over.",
    plan_meeting: "No meeting planned with {who} — you agreed every {every} days; last met {since}.",
    plan_meeting_never: "No meeting planned with {who} — you agreed every {every} days; you have not met yet.",
};

pub const ID: NudgesText = NudgesText {
    your_mentor: "mentor Anda",
    debrief: "Evaluasi pertemuan dengan {who} pada {since}.",
    thanks_pending: "Ucapkan terima kasih kepada {who} atas pertemuan pada {since}.",
    send_thanks: "Kirim ucapan terima kasih yang Anda tulis untuk {who} pada {since}.",
    report_experiment: "Laporkan kepada {who} hasil eksperimen Anda “{experiment}”.",
    no_contact: "Tidak ada kontak dengan {who} selama {days} hari.",
    no_contact_ever: "Belum ada kontak dengan {who}.",
    follow_up: "Tindak lanjuti {who}: belum ada balasan selama {days} hari.",
    agreement_review: "Tinjau kesepakatan mentoring dengan {who} (jatuh tempo {since}).",
    health_check: "Saatnya memeriksa kesehatan hubungan dengan {who}.",
    thank_experiment: "Ucapkan terima kasih kepada {who} atas saran di balik “{experiment}”.",
    thank_introduction: "Ucapkan terima kasih kepada {who} karena telah mengenalkan Anda kepada {experiment}.",
    mentor_not_thanked: "Anda belum berterima kasih kepada {who} selama {days} hari.",
    mentor_never_thanked: "Anda belum pernah berterima kasih kepada {who}.",
    reflection: "Saatnya menulis refleksi {period} untuk periode yang baru lewat ({range}).",
    slipping: "Cek kesehatan hubungan dengan {who} pada {since} rendah: rencanakan pertemuan untuk membahasnya.",
    plan_meeting: "Belum ada pertemuan terjadwal dengan {who} — kesepakatannya setiap {every} hari; terakhir bertemu {since}.",
    plan_meeting_never: "Belum ada pertemuan terjadwal dengan {who} — kesepakatannya setiap {every} hari; belum pernah bertemu.",
};

impl NudgesText {
    /// The sentence for `n`: `who` is the mentor's name (already safe to print), `since` the
    /// date the nudge refers to (formatted), `experiment` the experiment's text (shortened and
    /// safe), `period` the reflection cadence's word and the days of the last complete one.
    pub fn sentence(
        &self,
        n: &Nudge,
        who: &str,
        since: &str,
        experiment: &str,
        (period, range): (&str, &str),
    ) -> String {
        let days = n.days.unwrap_or(0);
        let every = n.every.unwrap_or(0);
        match (n.kind, n.since) {
            (NudgeKind::Debrief, _) => fill!(self.debrief, who = who, since = since),
            (NudgeKind::ThanksPending, _) => fill!(self.thanks_pending, who = who, since = since),
            (NudgeKind::SendThanks, _) => fill!(self.send_thanks, who = who, since = since),
            (NudgeKind::ReportExperiment, _) => {
                fill!(self.report_experiment, who = who, experiment = experiment)
            }
            (NudgeKind::NoContact, Some(_)) => fill!(self.no_contact, who = who, days = days),
            (NudgeKind::NoContact, None) => fill!(self.no_contact_ever, who = who),
            (NudgeKind::FollowUp, _) => fill!(self.follow_up, who = who, days = days),
            (NudgeKind::AgreementReview, _) => {
                fill!(self.agreement_review, who = who, since = since)
            }
            (NudgeKind::HealthCheckDue, _) => fill!(self.health_check, who = who),
            (NudgeKind::ThankForExperiment, _) => {
                fill!(self.thank_experiment, who = who, experiment = experiment)
            }
            (NudgeKind::ThankForIntroduction, _) => {
                fill!(self.thank_introduction, who = who, experiment = experiment)
            }
            (NudgeKind::MentorNotThanked, Some(_)) => {
                fill!(self.mentor_not_thanked, who = who, days = days)
            }
            (NudgeKind::MentorNotThanked, None) => fill!(self.mentor_never_thanked, who = who),
            (NudgeKind::ReflectionDue, _) => fill!(self.reflection, period = period, range = range),
            (NudgeKind::SlippingRelationship, _) => fill!(self.slipping, who = who, since = since),
            (NudgeKind::PlanMeeting, Some(_)) => {
                fill!(self.plan_meeting, who = who, every = every, since = since)
            }
            (NudgeKind::PlanMeeting, None) => {
                fill!(self.plan_meeting_never, who = who, every = every)
            }
        }
    }
}
