//! People: named-person mentions, their titles, and the merging of name forms into one
//! person per article.

use super::segment::Segmentation;
use super::Person;
use crate::span::Span;

/// One mention of a person by name, with the token range it covers (titles included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub person: usize,
    /// The name itself.
    pub span: Span,
    /// Token indices of the name and any titles before it.
    pub tokens: std::ops::Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct People {
    pub people: Vec<Person>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

pub fn find(_text: &str, _seg: &Segmentation) -> People {
    People::default()
}
