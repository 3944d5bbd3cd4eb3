//! Plain text articles: paragraphs separated by blank lines, an optional metadata header on
//! the first line, and an optional title line.

use crate::article::Article;

/// The longest first line, in characters, that is still taken for a title.
const MAX_TITLE_CHARS: usize = 200;

/// Reads a plain text article. The text is kept as given, except that a metadata header
/// (` date 2017-04-12 ` before the first sentence) is removed and its values become metadata.
pub fn parse(source: &str, text: String) -> Article {
    let mut article = Article {
        source: source.to_string(),
        ..Article::default()
    };
    match split_header(&text) {
        Some((header, body_start)) => {
            for (key, value) in header {
                match key {
                    Key::Date => article.date = Some(value.to_string()),
                    Key::Url => article.url = Some(value.to_string()),
                }
            }
            article.text = text[body_start..].to_string();
        }
        None => {
            article.title = title_line(&text).map(str::to_string);
            article.text = text;
        }
    }
    article
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Date,
    Url,
}

/// The ` key value ` pairs at the start of the first line and the byte offset where the text
/// proper begins. Only keys whose values are unmistakable (a date, a URL) are recognised, so an
/// article that merely starts with a space and the word "date" is left alone.
fn split_header(text: &str) -> Option<(Vec<(Key, &str)>, usize)> {
    let mut pos = 0;
    let mut pairs = Vec::new();
    loop {
        let rest = &text[pos..];
        let Some(after_space) = rest.strip_prefix(' ') else {
            break;
        };
        let Some((word, after_word)) = after_space.split_once(' ') else {
            break;
        };
        let key = match word {
            "date" => Key::Date,
            "url" => Key::Url,
            _ => break,
        };
        let value_len = after_word.find([' ', '\n']).unwrap_or(after_word.len());
        let value = &after_word[..value_len];
        let valid = match key {
            Key::Date => is_date(value),
            Key::Url => value.starts_with("http://") || value.starts_with("https://"),
        };
        if !valid {
            break;
        }
        pairs.push((key, value));
        pos += 1 + word.len() + 1 + value_len;
    }
    if pairs.is_empty() {
        return None;
    }
    // The single space that ends the header belongs to it, not to the first sentence.
    if text[pos..].starts_with(' ') {
        pos += 1;
    }
    Some((pairs, pos))
}

/// A date or timestamp such as `2017-04-12`, `2017/04/12`, `12.04.2017` or
/// `2017-04-12T10:00:00Z`: digits and date punctuation, starting with a digit.
fn is_date(value: &str) -> bool {
    let digits = value.bytes().filter(u8::is_ascii_digit).count();
    value.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && digits >= 4
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.' | b':' | b'T' | b'Z' | b'+'))
}

/// A short first line followed by a blank line, with more text after it.
fn title_line(text: &str) -> Option<&str> {
    let (first, rest) = text.split_once('\n')?;
    let title = first.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    let (second, after) = rest.split_once('\n').unwrap_or((rest, ""));
    if !second.trim().is_empty() || after.trim().is_empty() {
        return None;
    }
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_header_becomes_metadata_and_leaves_the_text() {
        let a = parse(
            "a.txt",
            " date 2017-04-12 The minister says talks went well.\n\nMore text.\n".into(),
        );
        assert_eq!(a.date.as_deref(), Some("2017-04-12"));
        assert_eq!(a.text, "The minister says talks went well.\n\nMore text.\n");
        assert_eq!(a.title, None);
    }

    #[test]
    fn several_header_keys_are_read_in_any_order() {
        let a = parse(
            "a.txt",
            " url https://example.org/x date 2020-01-02 Body.\n".into(),
        );
        assert_eq!(a.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(a.date.as_deref(), Some("2020-01-02"));
        assert_eq!(a.text, "Body.\n");
    }

    #[test]
    fn a_sentence_starting_with_the_word_date_is_not_a_header() {
        for text in [
            " date night was a success.\n",
            "date 2017-04-12 Body.\n",
            " date 17 Body.\n",
        ] {
            let a = parse("a.txt", text.into());
            assert_eq!(a.text, text);
            assert_eq!(a.date, None);
        }
    }

    #[test]
    fn a_short_first_line_before_a_blank_line_is_the_title_and_stays_in_the_text() {
        let text = "Talks Resume in Geneva.\n\nThe envoy said on Monday that talks would resume.\n";
        let a = parse("a.txt", text.into());
        assert_eq!(a.title.as_deref(), Some("Talks Resume in Geneva."));
        assert_eq!(a.text, text);
    }

    #[test]
    fn no_title_without_a_blank_line_or_further_text() {
        assert_eq!(parse("a", "One line\nand another\n".into()).title, None);
        assert_eq!(parse("a", "Only a title\n\n".into()).title, None);
        assert_eq!(parse("a", "x".repeat(300) + "\n\nBody.\n").title, None);
    }

    #[test]
    fn the_bundled_sample_has_a_date_and_starts_with_its_first_sentence() {
        let a = parse(crate::SAMPLE_SOURCE, crate::SAMPLE.to_string());
        assert_eq!(a.date.as_deref(), Some("2017-04-12"));
        assert!(a.text.starts_with("Secretary of State Rex Tillerson says"));
        assert!(crate::SAMPLE.ends_with(&a.text));
    }
}
