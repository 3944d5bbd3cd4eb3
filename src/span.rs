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
        const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        let mut extra = 0;
        let mut i = 0;
        while i < bytes.len() {
            // News is mostly ASCII: skip it eight bytes at a time (decoding every character
            // was most of the cost of this index).
            if let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_ne_bytes(chunk.try_into().expect("eight bytes"));
                if word & HIGH_BITS == 0 {
                    i += 8;
                    continue;
                }
            }
            // `i` is on a character boundary, so this is an ASCII byte or a leading byte.
            let n = match bytes[i] {
                0..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            if n > 1 {
                extra += n - 1;
                wide.push((i, extra));
            }
            i += n;
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
    fn the_index_matches_char_indices_on_mixed_text() {
        let pieces = ["a", "bcdefghij", "é", "“", "𝄞", "\n", "ünïcödé", "12345678"];
        let mut text = String::new();
        for k in 0..200usize {
            text.push_str(pieces[k * 7 % pieces.len()]);
            if k % 3 == 0 {
                text.push_str(pieces[k % pieces.len()]);
            }
            let idx = CharIndex::new(&text);
            for (chars, (byte, _)) in text.char_indices().enumerate() {
                assert_eq!(idx.chars(byte), chars, "{text:?}");
            }
            assert_eq!(idx.chars(text.len()), text.chars().count());
        }
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
