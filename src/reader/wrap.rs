//! Wrapping an article to a width: paragraphs kept, words kept whole when they fit, every
//! grapheme made safe by [`sanitize`](super::sanitize::shown) and given the cells the terminal will
//! give it, and tagged with what it is (a mention, a statement, a cue). Done once per article
//! and width; drawing a frame then only reads the lines in view.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::sanitize::{self, Shown, TAB_WIDTH};
use crate::analysis::Analysis;

/// No statement / no person.
pub const NONE: u32 = u32::MAX;

/// What a grapheme of the text is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The statement whose content holds it, or [`NONE`].
    pub stmt: u32,
    /// The person it names, or [`NONE`].
    pub person: u32,
    /// Part of a statement's cue ("says").
    pub cue: bool,
}

impl Mark {
    pub const PLAIN: Mark = Mark {
        stmt: NONE,
        person: NONE,
        cue: false,
    };

    pub fn stmt(&self) -> Option<usize> {
        (self.stmt != NONE).then_some(self.stmt as usize)
    }

    pub fn person(&self) -> Option<usize> {
        (self.person != NONE).then_some(self.person as usize)
    }
}

/// What each byte of an article's text is part of. Statement contents may nest (a quotation
/// inside reported speech); the innermost, the one starting last, wins.
pub fn marks(analysis: &Analysis) -> Vec<Mark> {
    let len = analysis.text().len();
    let mut marks = vec![Mark::PLAIN; len];
    for (i, s) in analysis.statements.iter().enumerate() {
        let span = s.content;
        for m in &mut marks[span.start.min(len)..span.end.min(len)] {
            m.stmt = i as u32;
        }
        if let Some(cue) = s.cue {
            for m in &mut marks[cue.start.min(len)..cue.end.min(len)] {
                m.cue = true;
            }
        }
    }
    for p in &analysis.people {
        for span in &p.mentions {
            for m in &mut marks[span.start.min(len)..span.end.min(len)] {
                m.person = p.id as u32;
            }
        }
    }
    marks
}

/// One screen cell (or two, for wide characters) of wrapped text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    /// Byte offset in the article's text of the grapheme it shows.
    pub src: u32,
    /// Its symbol in [`Wrapped::symbols`].
    pub sym: u32,
    pub sym_len: u16,
    /// Cells taken: 1 or 2.
    pub width: u8,
    pub mark: Mark,
}

/// One screen line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte offset of the first text on the line; for the blank line between two paragraphs,
    /// the end of the first.
    pub start: usize,
    pub glyphs: Range<usize>,
    pub paragraph: usize,
    pub blank: bool,
}

/// An article wrapped to one width.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    pub width: u16,
    pub lines: Vec<Line>,
    pub glyphs: Vec<Glyph>,
    pub symbols: String,
}

impl Wrapped {
    pub fn symbol(&self, g: &Glyph) -> &str {
        &self.symbols[g.sym as usize..g.sym as usize + g.sym_len as usize]
    }

    pub fn glyphs_of(&self, line: &Line) -> &[Glyph] {
        &self.glyphs[line.glyphs.clone()]
    }

    /// The line showing a byte offset (for an offset between paragraphs, the blank line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }

    /// The last line that can be at the top of a view `height` lines high.
    pub fn max_top(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height.max(1))
    }
}

/// Wraps the analysis's paragraphs to `width` cells.
pub fn wrap(analysis: &Analysis, marks: &[Mark], width: u16) -> Wrapped {
    let width = usize::from(width.max(1));
    let text = analysis.text();
    let mut out = Wrapped {
        width: width as u16,
        ..Wrapped::default()
    };
    let whole = [crate::span::Span::new(0, text.len())];
    let paragraphs: Vec<crate::span::Span> = if analysis.paragraphs.is_empty() {
        if text.trim().is_empty() {
            Vec::new()
        } else {
            whole.to_vec()
        }
    } else {
        analysis.paragraphs.iter().map(|p| p.span).collect()
    };
    let mut prev_end = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        if let Some(end) = prev_end {
            out.lines.push(Line {
                start: end,
                glyphs: out.glyphs.len()..out.glyphs.len(),
                paragraph: pi - 1,
                blank: true,
            });
        }
        prev_end = Some(para.end);
        wrap_paragraph(text, *para, pi, marks, width, &mut out);
    }
    out
}

/// Wraps one span of the text (a sentence for the filter view) as a paragraph of its own.
pub fn wrap_span(analysis: &Analysis, marks: &[Mark], span: crate::span::Span, width: u16) -> Wrapped {
    let mut out = Wrapped {
        width: width.max(1),
        ..Wrapped::default()
    };
    let text = analysis.text();
    let span = crate::span::Span::new(span.start.min(text.len()), span.end.min(text.len()));
    if text.is_char_boundary(span.start) && text.is_char_boundary(span.end) {
        wrap_paragraph(text, span, 0, marks, usize::from(width.max(1)), &mut out);
    }
    out
}

fn wrap_paragraph(
    text: &str,
    para: crate::span::Span,
    pi: usize,
    marks: &[Mark],
    width: usize,
    out: &mut Wrapped,
) {
    let body = &text[para.start..para.end];
    let mut line_start = out.glyphs.len();
    let mut line_src = para.start;
    let mut col = 0usize;
    // Index in `out.glyphs` where the word after the last space on this line starts.
    let mut break_at: Option<usize> = None;
    let finish = |out: &mut Wrapped, from: usize, to: usize, src: usize| {
        out.lines.push(Line {
            start: src,
            glyphs: from..to,
            paragraph: pi,
            blank: false,
        });
    };
    for (i, g) in body.grapheme_indices(true) {
        let src = para.start + i;
        let mark = marks.get(src).copied().unwrap_or(Mark::PLAIN);
        // Line breaks inside a paragraph are the source's hard wrapping: they reflow as spaces.
        let is_break = g == "\n" || g == "\r\n" || g == "\r";
        let space =
            is_break || g == " " || g == "\t" || (g.chars().all(char::is_whitespace) && g != "\u{a0}");
        if space
            && col == 0
            && out.glyphs.len() == line_start
            && out.lines.last().is_some_and(|l| l.paragraph == pi && !l.blank)
        {
            // Spaces at the start of a continuation line are where the line was broken.
            continue;
        }
        let (shown, w) = if is_break {
            (Shown::Keep(1), 1)
        } else {
            match sanitize::shown(g) {
                Shown::Hidden => continue,
                // A tab never reaches past the line: on a narrow screen it is cut short.
                Shown::Tab => (
                    Shown::Tab,
                    (TAB_WIDTH - col % TAB_WIDTH)
                        .min(width.saturating_sub(col))
                        .max(1),
                ),
                s @ Shown::Picture(_) => (s, 1),
                s @ Shown::Keep(w) => (s, usize::from(w)),
            }
        };
        if col + w > width && col > 0 {
            if space {
                finish(out, line_start, out.glyphs.len(), line_src);
                line_start = out.glyphs.len();
                line_src = src + g.len();
                col = 0;
                break_at = None;
                continue;
            }
            match break_at.filter(|&b| b > line_start && b < out.glyphs.len()) {
                Some(b) => {
                    finish(out, line_start, b, line_src);
                    line_start = b;
                    line_src = out.glyphs[b].src as usize;
                    col = out.glyphs[b..].iter().map(|g| usize::from(g.width)).sum();
                }
                None => {
                    finish(out, line_start, out.glyphs.len(), line_src);
                    line_start = out.glyphs.len();
                    line_src = src;
                    col = 0;
                }
            }
            break_at = None;
            if col + w > width && col > 0 {
                // The word carried over and this character still do not fit together.
                finish(out, line_start, out.glyphs.len(), line_src);
                line_start = out.glyphs.len();
                line_src = src;
                col = 0;
            }
        }
        let sym = out.symbols.len() as u32;
        match shown {
            Shown::Picture(c) => out.symbols.push(c),
            Shown::Keep(_) if is_break => out.symbols.push(' '),
            _ => out.symbols.push_str(g),
        }
        if let Shown::Tab = shown {
            out.symbols.truncate(sym as usize);
            for _ in 0..w {
                out.glyphs.push(Glyph {
                    src: src as u32,
                    sym: out.symbols.len() as u32,
                    sym_len: 1,
                    width: 1,
                    mark,
                });
                out.symbols.push(' ');
            }
        } else {
            out.glyphs.push(Glyph {
                src: src as u32,
                sym,
                sym_len: (out.symbols.len() - sym as usize) as u16,
                width: w as u8,
                mark,
            });
        }
        col += w;
        if space {
            break_at = Some(out.glyphs.len());
        }
    }
    if out.glyphs.len() > line_start || out.lines.last().is_none_or(|l| l.paragraph != pi || l.blank) {
        finish(out, line_start, out.glyphs.len(), line_src);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn lines(text: &str, width: u16) -> Vec<String> {
        let a = Analysis::new(Article::from_text("t", text));
        let w = wrap(&a, &marks(&a), width);
        w.lines
            .iter()
            .map(|l| w.glyphs_of(l).iter().map(|g| w.symbol(g)).collect::<String>())
            .collect()
    }

    #[test]
    fn words_wrap_and_paragraphs_keep_a_blank_line() {
        assert_eq!(
            lines("The cat sat on\nthe mat.\n\nA dog.", 10),
            vec!["The cat ", "sat on the", "mat.", "", "A dog."]
        );
    }

    #[test]
    fn spaces_at_a_break_are_dropped() {
        assert_eq!(lines("aaaa   bbbb", 4), vec!["aaaa", "bbbb"]);
    }

    #[test]
    fn narrow_lines_hold_tabs_and_carried_words() {
        // Found by the property test below.
        assert_eq!(lines("\u{202e}\t,", 1), vec![" ", ","]);
        assert_eq!(lines("\u{202e} .漢👍", 2), vec![" ", ".", "漢", "👍"]);
    }

    #[test]
    fn long_words_break_hard() {
        assert_eq!(lines("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn control_characters_never_reach_the_screen() {
        let out = lines("a\u{1b}]0;x\u{7}b \u{1b}[2J", 40).join("");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'));
        assert_eq!(out, "a␛]0;x␇b ␛[2J");
    }

    #[test]
    fn tabs_expand_and_wide_characters_take_two_cells() {
        let a = Analysis::new(Article::from_text("t", "a\tb 漢字 e\u{301}"));
        let w = wrap(&a, &marks(&a), 40);
        let cells: usize = w.glyphs.iter().map(|g| usize::from(g.width)).sum();
        assert_eq!(cells, 8 + 1 + 1 + 4 + 1 + 1);
        assert!(w.symbols.contains("e\u{301}"));
    }

    #[test]
    fn offsets_find_their_line_at_any_width() {
        let text = "One two three four five six.\n\nSeven eight nine ten.";
        let a = Analysis::new(Article::from_text("t", text));
        let m = marks(&a);
        for width in [1, 3, 7, 12, 80] {
            let w = wrap(&a, &m, width);
            let seven = text.find("Seven").unwrap();
            let l = &w.lines[w.line_of(seven)];
            assert_eq!(l.start, seven, "width {width}");
            for pair in w.lines.windows(2) {
                assert!(pair[0].start <= pair[1].start);
            }
        }
    }

    #[test]
    fn zero_width_never_panics() {
        let a = Analysis::new(Article::from_text("t", "漢字 and more"));
        let w = wrap(&a, &marks(&a), 0);
        assert!(!w.lines.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_text_wraps_within_the_width_in_text_order(
            text in "[a-zé漢👍 \t\n\u{1b}\u{301}\u{202e}.,]{0,200}",
            width in 1u16..40,
        ) {
            let a = Analysis::new(Article::from_text("t", text.as_str()));
            let w = wrap(&a, &marks(&a), width);
            let mut last_src = 0;
            for (i, l) in w.lines.iter().enumerate() {
                // Every character is found on its own line from its offset alone.
                for g in w.glyphs_of(l) {
                    proptest::prop_assert_eq!(w.line_of(g.src as usize), i);
                }
                let glyphs = w.glyphs_of(l);
                let cells: usize = glyphs.iter().map(|g| usize::from(g.width)).sum();
                // A line overflows only when a single wide character cannot fit at all.
                proptest::prop_assert!(cells <= usize::from(width) || glyphs.len() == 1);
                for g in glyphs {
                    proptest::prop_assert!(g.src as usize >= last_src);
                    last_src = g.src as usize;
                    proptest::prop_assert!(!w.symbol(g).chars().any(|c| c.is_control()));
                }
            }
        }
    }
}
