//! The sentences of the nudges (Today view and `mentee status` say them the same way).

use super::{catalog, fill};
use crate::domain::nudges::{Nudge, NudgeKind};

catalog! {
    /// One sentence per kind of nudge; `{}` is filled with the mentor's name and a detail.
    pub struct NudgesText {
        your_mentor,
        debrief,
        thanks_pending,
        report_experiment,
        no_contact,
        no_contact_ever,
        follow_up,
        agreement_review,
        health_check,
        thank_experiment,
        mentor_not_thanked,
        mentor_never_thanked,
        reflection,
    }
}

pub const EN: NudgesText = NudgesText {
    your_mentor: "your mentor",
    debrief: "Debrief the meeting with {} on {}.",
    thanks_pending: "Thank {} for the meeting on {}.",
    report_experiment: "Report back to {} on your experiment “{}”.",
    no_contact: "No contact with {} for {} days.",
    no_contact_ever: "No contact with {} yet.",
    follow_up: "Follow up with {}: no reply for {} days.",
    agreement_review: "Review the mentoring agreement with {} (due {}).",
    health_check: "Time for a relationship health check with {}.",
    thank_experiment: "Thank {} for the advice behind “{}”.",
    mentor_not_thanked: "You have not thanked {} for {} days.",
    mentor_never_thanked: "You have not thanked {} yet.",
    reflection: "Time to reflect on the past {}.",
};

pub const ID: NudgesText = NudgesText {
    your_mentor: "mentor Anda",
    debrief: "Tinjau kembali pertemuan dengan {} pada {}.",
    thanks_pending: "Ucapkan terima kasih kepada {} atas pertemuan pada {}.",
    report_experiment: "Laporkan kepada {} hasil percobaan Anda “{}”.",
    no_contact: "Tidak ada kontak dengan {} selama {} hari.",
    no_contact_ever: "Belum ada kontak dengan {}.",
    follow_up: "Tindak lanjuti {}: belum ada balasan selama {} hari.",
    agreement_review: "Tinjau kesepakatan mentoring dengan {} (jatuh tempo {}).",
    health_check: "Saatnya memeriksa kesehatan hubungan dengan {}.",
    thank_experiment: "Ucapkan terima kasih kepada {} atas saran di balik “{}”.",
    mentor_not_thanked: "Anda belum berterima kasih kepada {} selama {} hari.",
    mentor_never_thanked: "Anda belum pernah berterima kasih kepada {}.",
    reflection: "Saatnya merenungkan {} terakhir.",
};

impl NudgesText {
    /// The sentence for `n`: `who` is the mentor's name (already safe to print), `since` the
    /// date the nudge refers to (formatted), `experiment` the experiment's text (shortened and
    /// safe), `period` the reflection cadence's word.
    pub fn sentence(
        &self,
        n: &Nudge,
        who: &str,
        since: &str,
        experiment: &str,
        period: &str,
    ) -> String {
        let days = n.days.unwrap_or(0);
        match (n.kind, n.since) {
            (NudgeKind::Debrief, _) => fill(self.debrief, &[&who, &since]),
            (NudgeKind::ThanksPending, _) => fill(self.thanks_pending, &[&who, &since]),
            (NudgeKind::ReportExperiment, _) => fill(self.report_experiment, &[&who, &experiment]),
            (NudgeKind::NoContact, Some(_)) => fill(self.no_contact, &[&who, &days]),
            (NudgeKind::NoContact, None) => fill(self.no_contact_ever, &[&who]),
            (NudgeKind::FollowUp, _) => fill(self.follow_up, &[&who, &days]),
            (NudgeKind::AgreementReview, _) => fill(self.agreement_review, &[&who, &since]),
            (NudgeKind::HealthCheckDue, _) => fill(self.health_check, &[&who]),
            (NudgeKind::ThankForExperiment, _) => fill(self.thank_experiment, &[&who, &experiment]),
            (NudgeKind::MentorNotThanked, Some(_)) => fill(self.mentor_not_thanked, &[&who, &days]),
            (NudgeKind::MentorNotThanked, None) => fill(self.mentor_never_thanked, &[&who]),
            (NudgeKind::ReflectionDue, _) => fill(self.reflection, &[&period]),
        }
    }
}
