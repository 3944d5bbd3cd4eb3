//! hearsay: who said what in news articles.
//!
//! The library reads articles ([`load`]), analyses them into people and statements
//! ([`analysis`]) and writes the result ([`export`]). The terminal reader ([`reader`], behind
//! the `reader` feature) is a thin shell over this model.

pub mod analysis;
pub mod article;
pub mod export;
pub mod load;
#[cfg(feature = "reader")]
pub mod reader;
pub mod span;
pub mod speakers;
#[cfg(feature = "web")]
pub mod web;

pub use analysis::{Analysis, Person, PersonId, Statement, StatementKind};
pub use article::Article;
pub use span::Span;

/// The sample article shown when the reader is started without a path.
pub const SAMPLE: &str = include_str!("../assets/sample.txt");
/// The name the sample article is shown under.
pub const SAMPLE_SOURCE: &str = "sample.txt";
