//! Byte spans into an article's text, and their conversion to the code point offsets
//! that the export uses (so Python and jq users can slice with them).

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's text, on `char` boundaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn contains_offset(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Maps byte offsets of one text to code point offsets. Built once per text; each lookup is
/// a binary search over the positions of multi-byte characters, so ASCII text costs nothing.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every character wider than one byte, with the number of extra bytes
    /// seen up to and including it.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((i, extra));
            }
        }
        CharIndex { wide }
    }

    /// The code point offset of a byte offset that lies on a character boundary.
    pub fn chars(&self, byte: usize) -> usize {
        // Characters that start before `byte` are wholly before it, since `byte` is a boundary.
        let k = self.wide.partition_point(|&(at, _)| at < byte);
        let extra = if k == 0 { 0 } else { self.wide[k - 1].1 };
        byte - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_count_multibyte_characters_once() {
        let text = "a“b”é c";
        let idx = CharIndex::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.chars(byte), chars);
        }
        assert_eq!(idx.chars(text.len()), text.chars().count());
    }

    #[test]
    fn spans_overlap_and_cover() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(b.contains(Span::new(4, 9)));
        assert!(!a.contains(b));
    }
}
