//! `mentee`: a private, local-first mentoring journal for the terminal.
//!
//! Layers, each knowing only the ones below it:
//! - [`domain`]: the records and the rules, plain Rust;
//! - [`store`]: the journal in one SQLite file, behind a typed API;
//! - [`tui`] and [`cli`]: the full-screen app and the scriptable subcommands.
//!
//! See `docs/ARCHITECTURE.md`.

pub mod assets;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod store;
pub mod transfer;
pub mod tui;
