//! What a view is given to load, update and build its forms: the journal, the time, the
//! language and the settings. The app builds one for each call; a view holds none.

use chrono::{NaiveDate, NaiveDateTime};

use crate::config::Config;
use crate::i18n::{Lang, Text};
use crate::store::Store;

/// The context of one call into a view.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub store: &'a Store,
    /// "Now" from the app's clock.
    pub now: NaiveDateTime,
    pub lang: Lang,
    pub config: &'a Config,
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
