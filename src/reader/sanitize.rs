//! Article text is untrusted: this module decides what each grapheme becomes on screen so that
//! control characters and escape sequences never reach the terminal, while wide characters and
//! combining marks keep the cells the terminal will give them.

use ratatui::buffer::CellWidth;

/// Columns between tab stops; tabs in article text expand to the next stop.
pub const TAB_WIDTH: usize = 8;

/// What one grapheme of article text becomes on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Drawn as it is, taking this many cells (1 or 2).
    Keep(u8),
    /// A control character, drawn as this visible stand-in one cell wide.
    Picture(char),
    /// A tab: spaces up to the next tab stop.
    Tab,
    /// Nothing on screen: invisible formatting characters (bidirectional overrides that could
    /// reorder what the reader sees) and marks with nothing to combine with.
    Hidden,
}

/// Classifies one extended grapheme cluster.
pub fn shown(grapheme: &str) -> Shown {
    if grapheme == "\t" {
        return Shown::Tab;
    }
    if let Some(c) = grapheme.chars().find(|c| c.is_control()) {
        return Shown::Picture(picture(c));
    }
    if grapheme.chars().any(is_bidi_control) {
        return Shown::Hidden;
    }
    match grapheme.cell_width() {
        0 => Shown::Hidden,
        w => Shown::Keep(w.min(2) as u8),
    }
}

/// The visible stand-in for a control character: the Unicode control pictures for C0 and DEL
/// (`␛` for escape), the replacement character for C1 controls.
pub fn picture(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A one-line, terminal-safe version of a short untrusted string (a title, a name, a source):
/// line breaks and tabs become spaces, control characters their pictures, bidi controls vanish.
pub fn line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push(picture(c)),
            c if is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_pictures() {
        assert_eq!(shown("\u{1b}"), Shown::Picture('␛'));
        assert_eq!(shown("\u{7}"), Shown::Picture('␇'));
        assert_eq!(shown("\u{9b}"), Shown::Picture('\u{fffd}'));
        assert_eq!(shown("\u{7f}"), Shown::Picture('␡'));
        assert_eq!(line("a\u{1b}]0;x\u{7}b"), "a␛]0;x␇b");
        assert_eq!(line("a\u{1b}[2Jb"), "a␛[2Jb");
    }

    #[test]
    fn widths_follow_the_terminal() {
        assert_eq!(shown("a"), Shown::Keep(1));
        assert_eq!(shown("漢"), Shown::Keep(2));
        assert_eq!(shown("e\u{301}"), Shown::Keep(1));
        assert_eq!(shown("👍"), Shown::Keep(2));
        assert_eq!(shown("\u{301}"), Shown::Hidden);
        assert_eq!(shown("\u{202e}"), Shown::Hidden);
        assert_eq!(shown("\t"), Shown::Tab);
    }

    #[test]
    fn lines_lose_breaks_and_bidi_overrides() {
        assert_eq!(line("Title\r\nnext\u{202e}x\t"), "Title  nextx ");
    }
}
