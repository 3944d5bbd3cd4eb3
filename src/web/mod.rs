//! Articles where they live: saved HTML pages, RSS/Atom/JSON feeds, and URLs.
//!
//! [`html`] turns a page into one [`Article`](crate::Article) the way a reader view does, [`feed`]
//! turns a feed into one article per entry, [`fetch`] gets either over HTTP(S) and [`cache`]
//! keeps what was fetched so that reopening it costs a conditional request at most.

pub mod cache;
mod extract;
pub mod feed;
pub mod fetch;
pub mod html;
mod jsonld;
mod nesting;
mod text;

use std::path::PathBuf;

/// Everything that can go wrong reading a page, a feed or a URL. Each message names the URL or
/// file it is about, so that a list of failures on stderr reads on its own.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("{url}: the server answered HTTP {status} {reason}")]
    Status {
        url: String,
        status: u16,
        reason: String,
    },
    #[error("{url}: timed out (no complete response within {seconds} s)")]
    Timeout { url: String, seconds: f64 },
    #[error("{url}: redirect loop (redirected back to {target})")]
    RedirectLoop { url: String, target: String },
    #[error("{url}: more than {max} redirects")]
    TooManyRedirects { url: String, max: usize },
    #[error("{url}: redirect (HTTP {status}) without a usable Location header")]
    BadRedirect { url: String, status: u16 },
    #[error("{url}: the response is larger than the {cap} byte limit")]
    TooLarge { url: String, cap: u64 },
    #[error("{url}: unsupported content type `{content_type}` (expected an HTML page or a feed)")]
    UnsupportedContentType { url: String, content_type: String },
    #[error("{url}: not a valid http(s) URL ({reason})")]
    BadUrl { url: String, reason: String },
    #[error("{url}: network access is forbidden by --offline and the page is not in the cache")]
    Offline { url: String },
    #[error("{url}: request failed: {reason}")]
    Network { url: String, reason: String },
    #[error("{input}: malformed HTML: {reason}")]
    MalformedHtml { input: String, reason: String },
    #[error("{input}: no article text found in the page")]
    NoArticleText { input: String },
    #[error("{input}: malformed feed: {reason}")]
    MalformedFeed { input: String, reason: String },
    #[error("{input}: the feed has no entries")]
    EmptyFeed { input: String },
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        error: std::io::Error,
    },
}

/// What a document turned out to be, for files whose extension does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Html,
    Feed,
}

/// How far into a document the telling root element may appear: past an XML declaration,
/// a doctype, comments and stylesheet processing instructions.
const SNIFF_WINDOW: usize = 4096;

/// Decides whether `bytes` hold an HTML page or a feed (RSS, RDF, Atom or JSON Feed), from the
/// first root-ish element; `None` when neither (plain text, other XML, other JSON).
pub fn sniff(bytes: &[u8]) -> Option<Sniffed> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &bytes[start..bytes.len().min(start + SNIFF_WINDOW)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"{") {
        return contains(&lower, b"jsonfeed.org/version").then_some(Sniffed::Feed);
    }
    if !lower.starts_with(b"<") {
        return None;
    }
    // The first markup element that is neither a declaration, a comment nor a processing
    // instruction decides: `<rss`, `<feed`, `<rdf:rdf` are feeds, `<html` and friends pages.
    let mut rest = &lower[..];
    while let Some(lt) = rest.iter().position(|&b| b == b'<') {
        rest = &rest[lt + 1..];
        match rest.first() {
            Some(b'?') | Some(b'!') => {
                if rest.starts_with(b"!doctype html") {
                    return Some(Sniffed::Html);
                }
                continue;
            }
            _ => {}
        }
        let name_len = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b':' || *b == b'-'))
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        return match name {
            b"rss" | b"feed" | b"rdf:rdf" | b"channel" => Some(Sniffed::Feed),
            b"html" | b"head" | b"body" | b"meta" | b"title" | b"article" | b"div" | b"p" | b"link"
            | b"script" | b"style" | b"main" | b"header" | b"nav" | b"h1" => Some(Sniffed::Html),
            _ => None,
        };
    }
    None
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Decodes a document to text: a byte order mark wins, then the declared charset (HTTP header,
/// `<meta charset>` or the XML declaration), then UTF-8, lossily, since a page with a few bad
/// bytes is still worth reading.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    let label = declared.map(str::to_owned).or_else(|| declared_charset(bytes));
    let encoding = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The charset a document declares about itself in its first kilobytes.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(SNIFF_WINDOW)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        if let Some(at) = lower.windows(key.len()).position(|w| w == key) {
            let value = &lower[at + key.len()..];
            let value = value
                .strip_prefix(b"\"")
                .or_else(|| value.strip_prefix(b"'"))
                .unwrap_or(value);
            let end = value
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
                .unwrap_or(value.len());
            if end > 0 {
                return Some(String::from_utf8_lossy(&value[..end]).into_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_pages_and_feeds() {
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body>x</body></html>"),
            Some(Sniffed::Html)
        );
        assert_eq!(sniff(b"\xEF\xBB\xBF  <html lang=en>"), Some(Sniffed::Html));
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">"),
            Some(Sniffed::Feed)
        );
        assert_eq!(
            sniff(b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"),
            Some(Sniffed::Feed)
        );
        assert_eq!(sniff(b"<rdf:RDF xmlns:rdf=\"x\">"), Some(Sniffed::Feed));
        assert_eq!(
            sniff(br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#),
            Some(Sniffed::Feed)
        );
        assert_eq!(sniff(br#"{"title": "an article", "text": "..."}"#), None);
        assert_eq!(sniff(b"Just some text."), None);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><svg/>"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn decodes_declared_charsets() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xE9</body></html>";
        assert!(decode(latin1, None).contains("café"));
        assert!(decode(b"caf\xC3\xA9", None).contains("café"));
        assert!(decode(b"caf\xE9", Some("windows-1252")).contains("café"));
        assert!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9", Some("iso-8859-1")).starts_with("café"));
    }
}
