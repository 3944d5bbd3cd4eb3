//! The terminal reader: articles with each speaker's statements highlighted, built the Elm way.
//!
//! [`state`] is plain data; keys become [`action::Action`]s through a [`keymap`] that is data;
//! [`update::update`] changes the state and returns effects (copy, open a url, save the reading
//! position, fetch a linked page) that [`app`] carries out at the edge; [`view`] draws the state,
//! and nothing else. Loading and fetching run on other threads and report back as actions.

pub mod action;
pub mod app;
pub mod config;
pub mod keymap;
pub mod layout;
pub mod memory;
pub mod sanitize;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

pub use app::{run, ReaderOptions};
