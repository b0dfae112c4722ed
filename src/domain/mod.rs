//! The domain: the journal's records and the rules about them, in plain Rust.
//!
//! Nothing here knows SQLite or the terminal. The store saves and loads these types; the TUI
//! and the CLI show them. Rules (date words, text safety, and later the SMART check, agenda
//! suggestions and review figures) are pure functions tested with plain unit tests.

pub mod agenda;
pub mod cadence;
pub mod clock;
pub mod dates;
pub mod figures;
pub mod fit;
pub mod keeprate;
pub mod kickoff;
pub mod kinds;
pub mod limits;
pub mod nudge_parts;
pub mod nudges;
pub mod pitch;
pub mod privacy;
pub mod recap;
pub mod records;
pub mod resources;
pub mod slipping;
pub mod smart;
pub mod suggest;
pub mod text;
pub mod win;

pub use agenda::TimeBox;
pub use clock::Clock;
pub use dates::{
    DateError, SlashDates, parse_date, parse_date_as, parse_optional_date, parse_optional_date_as,
};
pub use kinds::*;
pub use records::*;
pub use resources::{Resource, ResourceRef};
pub use win::{Win, WinRow};
