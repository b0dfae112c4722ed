//! What a view is given to load, update and build its forms: the journal, the time, the
//! language, the settings and what is on screen. The app builds one for each call; a view
//! keeps none, and answers with an [`super::effect::Effect`] for the app to apply.

use chrono::{NaiveDate, NaiveDateTime};

use super::theme::Theme;
use super::view::View;
use crate::config::Config;
use crate::domain::privacy::{Masking, Privacy};
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
    /// The height of the last frame drawn (0 before the first): a list loads what a screen
    /// this tall shows, plus a margin ([`super::views::list::List::fit_page`]).
    pub height: u16,
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

    /// What hiding private text hides now ([`crate::domain::privacy`], the one rule).
    pub fn masking(&self) -> Masking {
        Masking {
            hide: self.hide_private,
        }
    }

    /// A mentor's name as a form's choice or a prompt shows it: the placeholder while the
    /// mentor is private and private text is hidden.
    pub fn mentor_name(&self, name: &str, private: bool) -> String {
        match self.masking().mentor_name(private) {
            Some(p) => super::ui::placeholder(self.text(), p).to_string(),
            None => name.to_string(),
        }
    }

    /// A record's text as a prompt shows it: the placeholder while hidden.
    pub fn user_text(&self, text: &str, privacy: impl Into<Privacy>) -> String {
        match self.masking().text(privacy) {
            Some(p) => super::ui::placeholder(self.text(), p).to_string(),
            None => text.to_string(),
        }
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
