//! Paragraphs, sentences and tokens with byte spans.
//!
//! One pass over the text. Sentence splitting knows abbreviations ("Sen.", "Sept."), initials
//! ("Donald J. Trump", "U.S.") and closing quotation marks after a full stop; an initialism at
//! the end of a sentence ("... from the U.S. He says ...") ends it when the next word is one
//! that commonly starts sentences.

use std::ops::Range;

use super::lexicon::Lexicon;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters or letters and digits, with inner apostrophes, hyphens and abbreviation dots.
    Word,
    Number,
    /// A quotation mark: `"` `“` `”` `'` `‘` `’` `«` `»` `„` (an apostrophe inside a word is
    /// part of the word).
    Quote,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into the token list.
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Indices into the sentence list.
    pub sentences: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '\'' | '‘' | '’' | '«' | '»' | '„' | '‟' | '‹' | '›' | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Splits a text into paragraphs (separated by blank lines), sentences and tokens.
pub fn segment(text: &str) -> Segmentation {
    let lex = Lexicon::get();
    let mut seg = Segmentation::default();
    // About one token to four or five bytes of prose: growing the list as it fills took a
    // tenth of the tokenizer's time.
    seg.tokens.reserve(text.len() / 4);
    for para in paragraph_spans(text) {
        let first_token = seg.tokens.len();
        tokenize(text, para, lex, &mut seg.tokens);
        let first_sentence = seg.sentences.len();
        split_sentences(text, first_token, seg.paragraphs.len(), lex, &mut seg);
        let sentences = first_sentence..seg.sentences.len();
        seg.paragraphs.push(Paragraph {
            span: para,
            sentences,
        });
    }
    seg
}

/// Spans of the paragraphs, trimmed of surrounding whitespace: runs of lines separated by
/// lines that are empty or blank, and, unless the text is hard-wrapped, a line that ends a
/// sentence ends its paragraph too. Much news is written one paragraph a line with no blank
/// line between ("...hatred.\n“There’s another side ...”"); a hard-wrapped text breaks its
/// lines anywhere, so there only blank lines count.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let by_line = !hard_wrapped(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, end));
            }
        } else {
            let lead = body.len() - body.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            end = pos + body.trim_end().len();
            if by_line && ends_sentence(body) {
                if let Some(s) = start.take() {
                    out.push(Span::new(s, end));
                }
            }
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(Span::new(s, end));
    }
    out
}

/// Whether a line ends with the end of a sentence: a full stop, question or exclamation
/// mark, or a closing quotation mark.
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '”' | '"' | '’'))
}

/// Whether a text is hard-wrapped: most of its lines that another line follows are short
/// (at most 100 bytes) and many end inside a sentence. One-paragraph-a-line text has long
/// lines that end sentences.
fn hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let (mut inner, mut short, mut open) = (0usize, 0usize, 0usize);
    for pair in lines.windows(2) {
        let (line, next) = (pair[0], pair[1]);
        if line.trim().is_empty() || next.trim().is_empty() {
            continue;
        }
        inner += 1;
        if line.len() <= 100 {
            short += 1;
        }
        if !ends_sentence(line) {
            open += 1;
        }
    }
    inner >= 3 && short * 5 >= inner * 4 && open * 2 >= inner
}

/// The character at byte `i` of `s`, which must be a character boundary; ASCII without
/// decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match *s.as_bytes().get(i)? {
        b @ 0..=0x7f => Some(b as char),
        _ => s[i..].chars().next(),
    }
}

fn tokenize(text: &str, para: Span, lex: &Lexicon, out: &mut Vec<Token>) {
    let s = &text[para.start..para.end];
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let kind = if c.is_alphanumeric() {
            // A word: alphanumerics joined by single inner apostrophes, hyphens, ampersands
            // or dots between initials; a possessive 's is left as a token of its own.
            let mut prev_alpha_run = 1usize;
            let mut all_digits = c.is_ascii_digit();
            loop {
                // ASCII letters and digits, most of every word, without decoding.
                while let Some(&b) = bytes.get(end).filter(|b| b.is_ascii_alphanumeric()) {
                    end += 1;
                    prev_alpha_run += 1;
                    all_digits &= b.is_ascii_digit();
                }
                let Some(d) = char_at(s, end) else { break };
                let j = end;
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    prev_alpha_run += 1;
                    all_digits = false;
                    continue;
                }
                // Only these join what follows: a word mostly ends at a space or a comma,
                // with no need to look further.
                if !(is_apostrophe(d) || is_dash(d) || matches!(d, '&' | ',' | '.')) {
                    break;
                }
                let after = j + d.len_utf8();
                if !joins_word(d, &s[after..], prev_alpha_run, all_digits) {
                    break;
                }
                end = after;
                prev_alpha_run = 0;
            }
            // The full stop of an abbreviation or initial belongs to the word.
            if bytes.get(end) == Some(&b'.') {
                let word = &s[start..end];
                if lex.is_abbreviation(word) || is_initialism(word) || is_party_state(word) {
                    end += 1;
                }
            }
            // Every letter or digit of a word clears `all_digits` unless it is an ASCII digit,
            // so a word of ASCII digits, commas and dots is exactly one with `all_digits` set.
            if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        } else if is_apostrophe(c) && is_possessive_s(&s[end..]) && i > 0 {
            end += 1;
            TokenKind::Word
        } else if is_quote(c) {
            // Two apostrophes or backticks stand for a double quotation mark.
            if matches!(c, '\'' | '`') && bytes.get(end) == Some(&(c as u8)) {
                end += 1;
            }
            TokenKind::Quote
        } else {
            // Runs of the same punctuation ("...", "--") are one token.
            while char_at(s, end) == Some(c) {
                end += c.len_utf8();
            }
            TokenKind::Punct
        };
        out.push(Token {
            span: Span::new(para.start + start, para.start + end),
            kind,
        });
        i = end;
    }
}

/// Whether the punctuation `d` inside a word joins it to what follows (`rest`, the text after
/// `d`), given how many letters the word's last run has and whether it is digits so far.
fn joins_word(d: char, rest: &str, prev_alpha_run: usize, all_digits: bool) -> bool {
    let mut chars = rest.chars();
    let next = chars.next();
    let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
    if is_apostrophe(d) {
        // "didn't" joins, "Trump's" splits.
        next_alnum && !is_possessive_s(rest)
    } else if is_dash(d) || d == '&' {
        next_alnum
    } else if (d == ',' || d == '.') && all_digits {
        next.is_some_and(|n| n.is_ascii_digit())
    } else if d == '.' {
        // "U.S", "e.g": a dot between single letters.
        next_alnum
            && prev_alpha_run == 1
            && !all_digits
            && next.is_some_and(|n| n.is_alphabetic())
            && chars.next().is_none_or(|n| !n.is_alphanumeric())
    } else {
        false
    }
}

/// Whether `rest` (what follows an apostrophe) starts with a possessive or contracted "s".
fn is_possessive_s(rest: &str) -> bool {
    let mut cs = rest.chars();
    matches!(cs.next(), Some('s' | 'S')) && cs.next().is_none_or(|c| !c.is_alphanumeric())
}

/// "R-Ky", "D-Wis": a party and a state abbreviation, as after a legislator's name.
fn is_party_state(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 4
        && b.len() <= 6
        && matches!(b[0], b'R' | b'D' | b'I')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && b[3..].iter().all(u8::is_ascii_alphabetic)
}

/// "U.S", "D.C", "J": single letters, possibly joined by dots.
fn is_initialism(word: &str) -> bool {
    let mut letters = 0;
    let mut last_dot = true;
    for c in word.chars() {
        if c == '.' {
            if last_dot {
                return false;
            }
            last_dot = true;
        } else if c.is_alphabetic() && last_dot {
            letters += 1;
            last_dot = false;
        } else {
            return false;
        }
    }
    letters >= 1 && !last_dot
}

fn split_sentences(text: &str, first_token: usize, paragraph: usize, lex: &Lexicon, seg: &mut Segmentation) {
    let tokens = &seg.tokens;
    let end_token = tokens.len();
    let mut i = first_token;
    let mut cuts = Vec::new();
    // Whether a straight double quote is open, so the next one closes it.
    let mut open_straight = false;
    while i < end_token {
        let t = tokens[i];
        let tx = t.span.text(text);
        if tx == "\"" || tx == "''" {
            open_straight = !open_straight;
        }
        let mut boundary_after = None;
        if t.kind == TokenKind::Punct && (tx.starts_with('.') || tx.starts_with('!') || tx.starts_with('?')) {
            // Closing quotes and brackets after the stop stay with this sentence.
            let mut j = i + 1;
            let mut open = open_straight;
            while j < end_token && closes(tokens[j], text, open) {
                if matches!(tokens[j].span.text(text), "\"" | "''") {
                    open = false;
                }
                j += 1;
            }
            if j < end_token
                && starts_sentence(tokens[j], text)
                && tokens[j].span.start > tokens[j - 1].span.end
            {
                boundary_after = Some(j);
                open_straight = open;
            }
        } else if t.kind == TokenKind::Word && tx.ends_with('.') && i + 1 < end_token {
            // An abbreviation swallowed the full stop; it may still end the sentence.
            let next = tokens[i + 1];
            let next_tx = next.span.text(text);
            let ends = if lex.is_title_abbreviation(tx)
                || is_initialism(tx.trim_end_matches('.')) && tx.len() <= 2
            {
                false
            } else {
                lex.is_sentence_starter(next_tx)
            };
            if ends {
                boundary_after = Some(i + 1);
            }
        }
        // A line break ends a sentence unless the line stops mid-phrase (hard-wrapped text
        // breaks after ordinary words and commas).
        if boundary_after.is_none() && i + 1 < end_token && !open_straight {
            // Only whitespace, mostly one space: searched as bytes (a slice this short is
            // scanned in place), not with the machinery of a `char` pattern.
            let gap = &text.as_bytes()[t.span.end..tokens[i + 1].span.start];
            let mid_phrase = t.kind == TokenKind::Word && tx.starts_with(char::is_lowercase)
                || t.kind == TokenKind::Punct && matches!(tx, "," | "-" | "—" | "–" | "(" | ":" | ";")
                || t.kind == TokenKind::Quote && matches!(tx, "“" | "‘" | "``");
            if gap.contains(&b'\n') && !mid_phrase && starts_sentence(tokens[i + 1], text) {
                boundary_after = Some(i + 1);
            }
        }
        if let Some(j) = boundary_after {
            cuts.push(j);
            i = j;
            continue;
        }
        i += 1;
    }
    let mut from = first_token;
    for cut in cuts.into_iter().chain(std::iter::once(end_token)) {
        if cut > from {
            let span = Span::new(tokens[from].span.start, tokens[cut - 1].span.end);
            seg.sentences.push(Sentence {
                span,
                tokens: from..cut,
                paragraph,
            });
        }
        from = cut;
    }
}

fn closes(t: Token, text: &str, open_straight: bool) -> bool {
    let tx = t.span.text(text);
    match t.kind {
        TokenKind::Quote => matches!(tx, "”" | "’" | "'" | "»") || matches!(tx, "\"" | "''") && open_straight,
        TokenKind::Punct => matches!(tx, ")" | "]" | "}"),
        _ => false,
    }
}

fn starts_sentence(t: Token, text: &str) -> bool {
    let tx = t.span.text(text);
    let c = tx.chars().next().unwrap_or(' ');
    match t.kind {
        TokenKind::Word => c.is_uppercase(),
        TokenKind::Number => true,
        TokenKind::Quote => true,
        TokenKind::Punct => matches!(c, '(' | '[' | '—' | '-' | '•' | '*'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as it was before its ASCII fast path, which must find the same tokens.
    fn tokenize_plain(text: &str, para: Span, lex: &Lexicon, out: &mut Vec<Token>) {
        let s = &text[para.start..para.end];
        let bytes = s.as_bytes();
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            let kind = if c.is_alphanumeric() {
                // A word: alphanumerics joined by single inner apostrophes, hyphens, ampersands
                // or dots between initials; a possessive 's is left as a token of its own.
                let mut prev_alpha_run = 1usize;
                let mut all_digits = c.is_ascii_digit();
                while let Some(&(j, d)) = it.peek() {
                    if d.is_alphanumeric() {
                        it.next();
                        end = j + d.len_utf8();
                        prev_alpha_run += 1;
                        all_digits &= d.is_ascii_digit();
                        continue;
                    }
                    if !joins_word(d, &s[j + d.len_utf8()..], prev_alpha_run, all_digits) {
                        break;
                    }
                    it.next();
                    end = j + d.len_utf8();
                    prev_alpha_run = 0;
                }
                // The full stop of an abbreviation or initial belongs to the word.
                if bytes.get(end) == Some(&b'.') {
                    let word = &s[start..end];
                    if lex.is_abbreviation(word) || is_initialism(word) || is_party_state(word) {
                        it.next();
                        end += 1;
                    }
                }
                if all_digits
                    || s[start..end]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                }
            } else if is_apostrophe(c) && is_possessive_s(&s[end..]) && i > 0 {
                it.next();
                end += 1;
                TokenKind::Word
            } else if is_quote(c) {
                // Two apostrophes or backticks stand for a double quotation mark.
                if matches!(c, '\'' | '`') && bytes.get(end) == Some(&(c as u8)) {
                    it.next();
                    end += 1;
                }
                TokenKind::Quote
            } else {
                // Runs of the same punctuation ("...", "--") are one token.
                while let Some(&(j, d)) = it.peek() {
                    if d != c {
                        break;
                    }
                    it.next();
                    end = j + d.len_utf8();
                }
                TokenKind::Punct
            };
            out.push(Token {
                span: Span::new(para.start + start, para.start + end),
                kind,
            });
        }
    }

    fn words(text: &str) -> Vec<&str> {
        segment(text).tokens.iter().map(|t| t.span.text(text)).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    fn both_tokenizers(text: &str) -> (Vec<Token>, Vec<Token>) {
        let lex = Lexicon::get();
        let (mut fast, mut plain) = (Vec::new(), Vec::new());
        for para in paragraph_spans(text) {
            tokenize(text, para, lex, &mut fast);
            tokenize_plain(text, para, lex, &mut plain);
        }
        (fast, plain)
    }

    #[test]
    fn the_fast_tokenizer_matches_the_plain_one_on_the_sample() {
        let (fast, plain) = both_tokenizers(crate::SAMPLE);
        assert_eq!(fast, plain);
    }

    proptest::proptest! {
        #[test]
        fn the_fast_tokenizer_matches_the_plain_one(
            text in "([a-zA-Z0-9]{1,4}|[ \t\n\r\u{b}\u{a0}\u{2009}.,;:&!?()'`\"’‘“”«»‐‑—…-]|é|Ü|ß|٣|²|Ⅻ|漢|👍|\u{301}|s|S|U[.]S|Sen|Sept|R-Ky|3[.]5|1,200){0,60}",
        ) {
            let (fast, plain) = both_tokenizers(&text);
            proptest::prop_assert_eq!(fast, plain);
        }
    }

    #[test]
    fn tokens_keep_initialisms_contractions_and_split_possessives() {
        assert_eq!(
            words("The U.S. didn't back Trump's plan, Sen. Jones said."),
            ["The", "U.S.", "didn't", "back", "Trump", "'s", "plan", ",", "Sen.", "Jones", "said", "."]
        );
        assert_eq!(words("U.S.-Russia talks"), ["U.S.", "-", "Russia", "talks"]);
        assert_eq!(words("“Hi,” he said…"), ["“", "Hi", ",", "”", "he", "said", "…"]);
        assert_eq!(words("1,200.5 votes"), ["1,200.5", "votes"]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Donald J. Trump met Sen. Ted Cruz in Sept. 2016 at the U.N. headquarters. They talked."
            ),
            [
                "Donald J. Trump met Sen. Ted Cruz in Sept. 2016 at the U.N. headquarters.",
                "They talked."
            ]
        );
    }

    #[test]
    fn an_initialism_can_end_a_sentence() {
        assert_eq!(
            sentences("Ideas coming from the U.S. He says more."),
            ["Ideas coming from the U.S.", "He says more."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("\"We won.\" She left. \"Did we?\" he asked."),
            ["\"We won.\"", "She left.", "\"Did we?\" he asked."]
        );
    }

    #[test]
    fn a_line_break_ends_a_sentence_unless_the_line_stops_mid_phrase() {
        assert_eq!(
            sentences("“We lost.” ― Ann Lee\n“We won.” ― Bo Kim"),
            ["“We lost.” ― Ann Lee", "“We won.” ― Bo Kim"]
        );
        assert_eq!(
            sentences("The council met on\nMonday to vote."),
            ["The council met on\nMonday to vote."]
        );
    }

    fn paragraphs(text: &str) -> Vec<&str> {
        let seg = segment(text);
        seg.paragraphs.iter().map(|p| p.span.text(text)).collect()
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let text = "Title\n\nFirst one, going\non.\n \r\nSecond.\n";
        assert_eq!(paragraphs(text), ["Title", "First one, going\non.", "Second."]);
        assert_eq!(segment(text).sentences.len(), 3);
    }

    #[test]
    fn a_line_that_ends_a_sentence_ends_its_paragraph() {
        // One paragraph a line, as many sites publish: the quotation left open on the first
        // line must not pair with the mark that opens the second.
        let text = "“It was hate,” Ann Lee said. “People came to vent.\n“It was obvious,” she said.\n";
        assert_eq!(
            paragraphs(text),
            [
                "“It was hate,” Ann Lee said. “People came to vent.",
                "“It was obvious,” she said."
            ]
        );
    }

    #[test]
    fn a_hard_wrapped_text_keeps_its_lines_together() {
        let text = "The council met on Monday to vote on the new budget for the\n\
                    harbour. Members said the plan was too expensive.\n\
                    The mayor disagreed and said the city could not wait any\n\
                    longer for the repairs it had promised in the spring.\n\
                    \n\
                    A second paragraph follows here, wrapped like the first\n\
                    one at about sixty characters a line.\n";
        let paras = paragraphs(text);
        assert_eq!(paras.len(), 2, "{paras:#?}");
        assert!(paras[0].ends_with("promised in the spring."));
    }
}
