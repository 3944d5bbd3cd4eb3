//! A guard against pathologically deep markup.
//!
//! The HTML tree builder (html5ever) looks through the stack of open elements for many start
//! tags, so block elements nested N deep cost N² steps: 100,000 nested `<div>`s (600 KB) take
//! tens of seconds. Browsers cap the depth (Chrome at 512); here block tags beyond that depth are
//! dropped before parsing, which keeps their text and only loses paragraph breaks that deep.

use std::borrow::Cow;

/// Block elements nested deeper than this lose their tags.
pub(crate) const MAX_DEPTH: usize = 512;

/// Start tags whose handling scans the open elements, and which nest. (`<p>`, `<li>`, `<dd>`,
/// `<dt>` and headings close their open namesakes instead of nesting, so are not counted.)
const NESTING: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"center",
    b"details",
    b"dialog",
    b"dir",
    b"div",
    b"dl",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"header",
    b"hgroup",
    b"listing",
    b"main",
    b"menu",
    b"nav",
    b"ol",
    b"pre",
    b"search",
    b"section",
    b"summary",
    b"table",
    b"ul",
];

/// `html` with block tags nested deeper than [`MAX_DEPTH`] removed; borrowed when none are.
pub(crate) fn flatten(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    // Byte ranges of tags to drop, in order.
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &bytes[name_start..name_start + name_len];
        let Some(tag_end) = memchr::memchr(b'>', &bytes[name_start..]).map(|e| name_start + e + 1) else {
            break;
        };
        if !closing && (eq_ignore_case(name, b"script") || eq_ignore_case(name, b"style")) {
            // Their content is not markup; skip to the end tag.
            let end_tag: &[u8] = if name.len() == 6 { b"</script" } else { b"</style" };
            at = find_ignore_case(bytes, tag_end, end_tag).unwrap_or(bytes.len());
            continue;
        }
        if name_len > 0 && NESTING.iter().any(|n| eq_ignore_case(name, n)) {
            if closing {
                if depth > MAX_DEPTH {
                    drop.push((start, tag_end));
                }
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                if depth > MAX_DEPTH {
                    drop.push((start, tag_end));
                }
            }
        }
        at = tag_end;
    }
    if drop.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut flat = String::with_capacity(html.len());
    let mut kept_from = 0;
    for (start, end) in drop {
        flat.push_str(&html[kept_from..start]);
        // A space keeps words on either side of the tag apart.
        flat.push(' ');
        kept_from = end;
    }
    flat.push_str(&html[kept_from..]);
    Cow::Owned(flat)
}

/// XML elements nested deeper than this make a feed malformed (feeds nest a dozen deep; the XML
/// reader's depth counter overflows at 65,536).
pub(crate) const MAX_XML_DEPTH: usize = 1024;

/// Whether an XML document nests elements deeper than [`MAX_XML_DEPTH`] (comments, CDATA,
/// declarations and self-closing tags do not count).
pub(crate) fn xml_too_deep(bytes: &[u8]) -> bool {
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start + 1..];
        let skip_to = |end: &[u8]| find(bytes, start + 1, end).map_or(bytes.len(), |e| e + end.len());
        if rest.starts_with(b"!--") {
            at = skip_to(b"-->");
            continue;
        }
        if rest.starts_with(b"![CDATA[") {
            at = skip_to(b"]]>");
            continue;
        }
        let Some(end) = memchr::memchr(b'>', rest).map(|e| start + 1 + e) else {
            break;
        };
        match rest.first() {
            Some(b'?') | Some(b'!') => {}
            Some(b'/') => depth = depth.saturating_sub(1),
            _ if bytes[end - 1] == b'/' => {}
            _ => {
                depth += 1;
                if depth > MAX_XML_DEPTH {
                    return true;
                }
            }
        }
        at = end + 1;
    }
    false
}

fn eq_ignore_case(a: &[u8], b: &[u8]) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&haystack[from.min(haystack.len())..], needle).map(|i| from + i)
}

fn find_ignore_case(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(i) = find(haystack, at, b"</") {
        if haystack.len() >= i + needle.len() && haystack[i..i + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(i);
        }
        at = i + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let html = "<div><div><p>a</p></div></div><script>if (a<b) x = '<div>';</script><!-- <div> -->";
        assert!(matches!(flatten(html), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_beyond_the_limit_go_and_text_stays() {
        let depth = MAX_DEPTH + 3;
        let html = format!(
            "{}deep text{}",
            "<DIV class=x>".repeat(depth),
            "</div>".repeat(depth)
        );
        let flat = flatten(&html);
        assert_eq!(flat.matches("<DIV").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("deep text"));
    }

    #[test]
    fn script_content_does_not_count() {
        let html = format!("<script>{}</SCRIPT><div>x</div>", "<div>".repeat(MAX_DEPTH * 2));
        assert!(matches!(flatten(&html), Cow::Borrowed(_)));
    }

    #[test]
    fn xml_depth_is_measured() {
        let feed = b"<?xml version='1.0'?><!-- <a><a> --><rss><channel><item><![CDATA[<a><a>]]><br/></item></channel></rss>";
        assert!(!xml_too_deep(feed));
        let deep = format!("<rss>{}</rss>", "<x>".repeat(MAX_XML_DEPTH));
        assert!(xml_too_deep(deep.as_bytes()));
        let wide = "<x></x>".repeat(MAX_XML_DEPTH * 2);
        assert!(!xml_too_deep(wide.as_bytes()));
    }

    #[test]
    fn unterminated_markup_is_left_alone() {
        for html in ["<div", "<!-- open", "<script>never closed", "<", "</"] {
            assert_eq!(flatten(html), html);
        }
    }
}
