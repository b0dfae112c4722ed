//! The pitch to a prospective mentor: a template filled with their name and why them, kept
//! only for the mentors it is for.
//!
//! The template (one per language, in `assets/pitch-*.md`) holds `{name}` and `{why_them}`.
//! The form shows it to a new mentor as it is; what is stored is decided here, on save.

use super::kinds::MentorStatus;

/// True for the statuses a pitch is written for: a candidate, or a mentor approached.
pub fn is_for(status: MentorStatus) -> bool {
    matches!(status, MentorStatus::Candidate | MentorStatus::Approached)
}

/// `text` with `{name}` and `{why_them}` filled in; an empty value leaves `when_empty` (a
/// bracketed hint like the template's others) instead of the placeholder.
pub fn fill(text: &str, name: &str, why_them: &str, when_empty: &str) -> String {
    let or_hint = |v: &str| {
        let v = v.trim();
        if v.is_empty() {
            when_empty.to_string()
        } else {
            v.to_string()
        }
    };
    let why = or_hint(why_them);
    // A sentence of mine goes on after "because": no full stop doubled.
    let why = why.strip_suffix('.').unwrap_or(&why).to_string();
    text.replace("{name}", &or_hint(name))
        .replace("{why_them}", &why)
}

/// What to store as the pitch of a mentor with `status`, given the form's `text` and the
/// `template` it was opened with: nothing when the template was left untouched for a mentor
/// it is not for (an active mentor was never pitched), else the text with its placeholders
/// filled.
pub fn to_keep(
    status: MentorStatus,
    text: &str,
    template: &str,
    name: &str,
    why_them: &str,
    when_empty: &str,
) -> String {
    let untouched = text.trim() == template.trim();
    if text.trim().is_empty() || (untouched && !is_for(status)) {
        return String::new();
    }
    fill(text, name, why_them, when_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "Hello {name},\n\nI'm reaching out because {why_them}.\n";

    #[test]
    fn an_untouched_template_is_kept_only_for_a_mentor_being_pitched() {
        let keep = |status| to_keep(status, TEMPLATE, TEMPLATE, "Ana", "you built X.", "[why]");
        assert_eq!(keep(MentorStatus::Active), "");
        assert_eq!(keep(MentorStatus::Paused), "");
        assert_eq!(keep(MentorStatus::Ended), "");
        let filled = "Hello Ana,\n\nI'm reaching out because you built X.\n";
        assert_eq!(keep(MentorStatus::Candidate), filled);
        assert_eq!(keep(MentorStatus::Approached), filled);
    }

    #[test]
    fn an_edited_pitch_is_kept_and_filled_whatever_the_status() {
        let text = "Hi {name}! Loved your talk.";
        assert_eq!(
            to_keep(MentorStatus::Active, text, TEMPLATE, "Ana", "", "[why]"),
            "Hi Ana! Loved your talk."
        );
        assert_eq!(
            to_keep(MentorStatus::Candidate, "  ", TEMPLATE, "Ana", "", "[why]"),
            ""
        );
    }

    #[test]
    fn no_placeholder_survives_an_empty_value() {
        let out = fill(TEMPLATE, "Ana", "  ", "[why them]");
        assert_eq!(out, "Hello Ana,\n\nI'm reaching out because [why them].\n");
        assert!(!out.contains('{'));
    }
}
