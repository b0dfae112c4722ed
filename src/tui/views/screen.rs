//! What every view does for the app, so the app reaches them all through one `match`
//! ([`super::Views::screen`]): load from the store, move and set the selection, draw, and
//! name its keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::store::Result;
use crate::tui::ctx::Ctx;
use crate::tui::keys::Binding;
use crate::tui::ui::Ui;

/// A record's detail: its title and its lines.
pub type Detail = (String, Vec<Line<'static>>);

/// One view's state as the app drives it.
pub trait Screen {
    /// Loads what the view shows (bounded queries; the selection stays on its record).
    fn load(&mut self, ctx: &Ctx) -> Result<()>;

    /// Moves the selection by `delta` rows (loading more rows, or the new row's detail, as
    /// needed). Views without a list ignore it.
    fn step(&mut self, ctx: &Ctx, delta: isize) -> Result<()>;

    /// Puts the selection on record `id`; false when the view does not list it.
    fn select(&mut self, ctx: &Ctx, id: i64) -> Result<bool>;

    /// Draws the view from its state (never queries).
    fn render(&self, f: &mut Frame, area: Rect, ui: &Ui);

    /// The selected record's whole detail as the view's detail pane draws it (its title and
    /// every line), `None` when nothing is selected or the view has no detail. The one
    /// place a view says what a record's detail is: a full-screen, scrollable detail can be
    /// drawn from it as the pane is.
    fn detail(&self, ui: &Ui) -> Option<Detail> {
        let _ = ui;
        None
    }

    /// True when a record is selected whose detail [`Screen::detail`] gives (checked
    /// before the whole detail opens, without building it).
    fn has_detail(&self) -> bool {
        false
    }

    /// The keys of the view as it is now (a view with several screens gives the one
    /// showing).
    fn keys(&self) -> &'static [Binding];
}
