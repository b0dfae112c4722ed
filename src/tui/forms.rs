//! The forms of every view, reached through what they are for ([`FormPurpose`]): building
//! one (for a new record, an edit, or a draft offered back) and saving it through the view
//! that owns it. This module only dispatches; each view defines its forms.

use super::ctx::Ctx;
use super::effect::Effect;
pub use super::effect::SaveError;
use super::form::Form;
pub use super::purpose::FormPurpose;
use super::views::{
    Views, commitments, feedback, goals, gratitude, meetings, mentors, reflections,
};
use crate::store::Result;

/// A form on screen and what it is for.
#[derive(Debug, Clone)]
pub struct OpenForm {
    pub form: Form,
    pub purpose: FormPurpose,
}

/// The form for `purpose`; `None` when the record it edits no longer exists.
pub fn build(ctx: &Ctx, views: &Views, purpose: &FormPurpose) -> Result<Option<Form>> {
    match purpose {
        FormPurpose::Mentors(p) => mentors::form::form(ctx, p),
        FormPurpose::Reflections(p) => reflections::form::form(ctx, &views.reflections, p),
        FormPurpose::Goals(p) => goals::form::form(ctx, p),
        FormPurpose::Meetings(p) => meetings::form::form(ctx, &views.meetings, p),
        FormPurpose::Feedback(p) => feedback::form(ctx, p),
        FormPurpose::Commitments(p) => commitments::form(ctx, p),
        FormPurpose::Gratitude(p) => gratitude::form::form(ctx, p),
    }
}

/// Saves the form's values through the view that owns `purpose`.
pub fn save(
    ctx: &mut Ctx,
    views: &mut Views,
    purpose: &FormPurpose,
    form: &Form,
) -> std::result::Result<Effect, SaveError> {
    match purpose {
        FormPurpose::Mentors(p) => mentors::form::save(ctx, p, form),
        FormPurpose::Reflections(p) => reflections::form::save(ctx, &views.reflections, p, form),
        FormPurpose::Goals(p) => goals::form::save(ctx, p, form),
        FormPurpose::Meetings(p) => meetings::form::save(ctx, &mut views.meetings, p, form),
        FormPurpose::Feedback(p) => feedback::save(ctx, p, form),
        FormPurpose::Commitments(p) => commitments::save(ctx, p, form),
        FormPurpose::Gratitude(p) => gratitude::form::save(ctx, &mut views.gratitude, p, form),
    }
}

/// Lets the view that owns the open form redraw what depends on its values (a live check in
/// the side panel); called when a form opens and on every change.
pub fn refresh(ctx: &Ctx, open: &mut OpenForm) {
    if let FormPurpose::Goals(p) = &open.purpose {
        goals::form::refresh_panel(ctx, p, &mut open.form);
    }
}
