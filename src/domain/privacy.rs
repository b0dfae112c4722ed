//! What a record shows while private text is hidden (`Ctrl-P`, for sharing the screen): the
//! one rule every view, detail, overlay, form and the status bar draw through.
//!
//! The rule:
//! - A record is private when it is marked private itself, when its mentor is private, when it
//!   is linked to a private goal, or when it belongs to a private record (an agenda item of a
//!   private meeting, a progress entry or revision of a private goal). [`Privacy`] gathers
//!   these links; [`Privacy::is_private`] decides.
//! - While hidden, every field the user wrote of a private record (titles, texts, notes,
//!   reactions, outcomes, channels, names, answers) shows [`Placeholder::Text`]. Dates,
//!   statuses, kinds, ratings and figures stay, so the screen is still usable.
//! - A private mentor's name shows [`Placeholder::Mentor`] everywhere it appears: on the
//!   mentor, on the records of that mentor, and as a choice in a form.
//! - A private record is never opened in an edit form while hidden without asking first
//!   ([`Masking::asks_before_edit`]): a form shows the text it edits.
//!
//! Pure: the TUI supplies the placeholders' words from the catalog.

/// Why a record counts as private: its own flag and the records it is linked to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Privacy {
    own: bool,
    mentor: bool,
    goal: bool,
    parent: bool,
}

impl Privacy {
    /// A record marked private (`true`) or not, with no private links yet.
    pub const fn own(private: bool) -> Privacy {
        Privacy {
            own: private,
            mentor: false,
            goal: false,
            parent: false,
        }
    }

    /// The record's mentor is private (or not).
    pub const fn mentor(self, private: bool) -> Privacy {
        Privacy {
            mentor: self.mentor || private,
            ..self
        }
    }

    /// The goal the record is linked to is private (or not).
    pub const fn goal(self, private: bool) -> Privacy {
        Privacy {
            goal: self.goal || private,
            ..self
        }
    }

    /// The record it belongs to (a meeting for its agenda items, a goal for its progress
    /// entries) is private, by the same rule.
    pub const fn within(self, parent: Privacy) -> Privacy {
        Privacy {
            parent: self.parent || parent.is_private(),
            ..self
        }
    }

    /// True when the record counts as private.
    pub const fn is_private(self) -> bool {
        self.own || self.mentor || self.goal || self.parent
    }
}

impl From<bool> for Privacy {
    /// A record's own flag.
    fn from(private: bool) -> Privacy {
        Privacy::own(private)
    }
}

/// What stands for a hidden field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    /// Any text the user wrote ("••• private •••").
    Text,
    /// A private mentor's name ("private mentor").
    Mentor,
}

/// Whether private text is hidden now (`Ctrl-P`), and what that hides.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Masking {
    pub hide: bool,
}

impl Masking {
    /// The placeholder for a text field of a record with `privacy`, or `None` when the
    /// text is shown.
    pub fn text(self, privacy: impl Into<Privacy>) -> Option<Placeholder> {
        (self.hide && privacy.into().is_private()).then_some(Placeholder::Text)
    }

    /// The placeholder for the name of a mentor marked `private`, or `None` when shown.
    pub fn mentor_name(self, private: bool) -> Option<Placeholder> {
        (self.hide && private).then_some(Placeholder::Mentor)
    }

    /// True when opening an edit form on a record with `privacy` must ask first.
    pub fn asks_before_edit(self, privacy: impl Into<Privacy>) -> bool {
        self.hide && privacy.into().is_private()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOWN: Masking = Masking { hide: false };
    const HIDDEN: Masking = Masking { hide: true };

    #[test]
    fn nothing_is_masked_while_shown() {
        let all = Privacy::own(true).mentor(true).goal(true);
        assert_eq!(SHOWN.text(all), None);
        assert_eq!(SHOWN.mentor_name(true), None);
        assert!(!SHOWN.asks_before_edit(all));
    }

    #[test]
    fn a_record_is_private_by_itself_or_by_any_link() {
        assert!(!Privacy::own(false).is_private());
        assert!(Privacy::own(true).is_private());
        assert!(Privacy::own(false).mentor(true).is_private());
        assert!(Privacy::own(false).goal(true).is_private());
        assert!(
            Privacy::own(false)
                .within(Privacy::own(false).mentor(true))
                .is_private()
        );
        // A later `false` never clears an earlier `true`.
        assert!(Privacy::own(false).mentor(true).mentor(false).is_private());
        assert!(
            !Privacy::own(false)
                .mentor(false)
                .goal(false)
                .within(Privacy::default())
                .is_private()
        );
    }

    #[test]
    fn hidden_text_of_private_records_and_names_of_private_mentors() {
        assert_eq!(HIDDEN.text(true), Some(Placeholder::Text));
        assert_eq!(HIDDEN.text(false), None);
        assert_eq!(
            HIDDEN.text(Privacy::own(false).goal(true)),
            Some(Placeholder::Text)
        );
        assert_eq!(HIDDEN.mentor_name(true), Some(Placeholder::Mentor));
        assert_eq!(HIDDEN.mentor_name(false), None);
        assert!(HIDDEN.asks_before_edit(Privacy::own(false).mentor(true)));
        assert!(!HIDDEN.asks_before_edit(false));
    }
}
