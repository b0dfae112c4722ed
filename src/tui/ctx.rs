//! What a view is given to load, update and build its forms: the journal, the time, the
//! language, the settings and what is on screen. The app builds one for each call; a view
//! keeps none, and answers with an [`super::effect::Effect`] for the app to apply.

use chrono::{NaiveDate, NaiveDateTime};

use super::theme::Theme;
use super::view::View;
use crate::config::Config;
use crate::i18n::{Lang, Text};
use crate::store::Store;

/// The context of one call into a view.
pub struct Ctx<'a> {
    /// The journal. Only calls made from `App::update` get it to write.
    pub store: &'a mut Store,
    /// "Now" from the app's clock.
    pub now: NaiveDateTime,
    pub lang: Lang,
    pub config: &'a Config,
    pub theme: &'a Theme,
    /// `Ctrl-P`: private text is hidden on screen.
    pub hide_private: bool,
    /// The view on screen (`None` on the welcome screen).
    pub showing: Option<View>,
}

impl Ctx<'_> {
    /// Today's date.
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// The interface text.
    pub fn text(&self) -> &'static Text {
        self.lang.text()
    }
}

/// A record read for a form: `None` when it no longer exists (deleted elsewhere, or a draft
/// outlived it), any other failure as it is.
pub fn existing<T>(result: crate::store::Result<T>) -> crate::store::Result<Option<T>> {
    match result {
        Ok(record) => Ok(Some(record)),
        Err(crate::store::StoreError::NotFound { .. }) => Ok(None),
        Err(err) => Err(err),
    }
}
