//! The shipped templates and question lists in `assets/` (and the user's own copies that
//! override them), parsed once. Pure data: used by the TUI, the CLI and the exports alike.

pub mod health_questions;
pub mod reflection_templates;
pub mod smart_questions;
