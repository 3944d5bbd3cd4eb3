//! Statements: direct quotations, reported speech, and who made them.

use super::people::People;
use super::segment::Segmentation;
use super::Statement;

pub fn find(_text: &str, _seg: &Segmentation, _lower: &[String], _people: &People) -> Vec<Statement> {
    Vec::new()
}
