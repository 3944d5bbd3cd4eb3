//! Markdown articles: the markup is removed, each block becomes a paragraph, the first
//! heading is the title, and a front matter block (`---` ... `---`) gives metadata.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::article::Article;

pub fn parse(source: &str, input: &str) -> Article {
    let (front, body) = split_front_matter(input);
    let mut article = Article {
        source: source.to_string(),
        ..Article::default()
    };
    for (key, value) in front {
        let slot = match key.to_ascii_lowercase().as_str() {
            "title" | "headline" => &mut article.title,
            "date" | "published" => &mut article.date,
            "author" | "authors" | "byline" => &mut article.author,
            "url" | "link" => &mut article.url,
            _ => continue,
        };
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value);
        }
    }
    let (text, heading) = render(body);
    if article.title.is_none() {
        article.title = heading;
    }
    article.text = text;
    article
}

/// Front matter `key: value` pairs and the rest of the document. Only flat scalar values are
/// read; nested YAML is skipped, since no article metadata needs it.
fn split_front_matter(input: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = input.strip_prefix("---\n") else {
        return (Vec::new(), input);
    };
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let pairs = rest[..pos]
                .lines()
                .filter(|l| !l.starts_with([' ', '\t', '-', '#']))
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim().to_string(), unquote(v.trim()).to_string()))
                .collect();
            return (pairs, &rest[pos + line.len()..]);
        }
        pos += line.len();
    }
    // No closing line: it was a thematic break, not front matter.
    (Vec::new(), input)
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// The plain text of a Markdown body, blocks separated by blank lines, and the first heading.
fn render(body: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(body.len());
    let mut block_pending = false;
    let mut heading: Option<String> = None;
    let mut in_heading: Option<usize> = None;
    let mut image_depth = 0usize;
    for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Image { .. } => image_depth += 1,
                Tag::Heading { .. } => {
                    start_block(&mut out, &mut block_pending);
                    in_heading = Some(out.len());
                }
                Tag::TableCell if !out.is_empty() && !out.ends_with(['\n', ' ']) && !block_pending => {
                    out.push(' ')
                }
                Tag::Paragraph
                | Tag::Item
                | Tag::CodeBlock(_)
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::FootnoteDefinition(_) => block_pending = true,
                Tag::TableRow | Tag::TableHead if !out.is_empty() && !block_pending => out.push('\n'),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                TagEnd::Heading(_) => {
                    if let Some(start) = in_heading.take() {
                        let h = out[start..].trim();
                        if heading.is_none() && !h.is_empty() {
                            heading = Some(h.to_string());
                        }
                    }
                    block_pending = true;
                }
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::FootnoteDefinition => block_pending = true,
                _ => {}
            },
            Event::Text(t) | Event::Code(t) if image_depth == 0 => {
                let t = if out.ends_with('\n') || block_pending {
                    t.trim_start_matches('\n')
                } else {
                    &t
                };
                if t.is_empty() {
                    continue;
                }
                start_block(&mut out, &mut block_pending);
                out.push_str(t.trim_end_matches('\n'));
                if t.ends_with('\n') {
                    out.push('\n');
                }
            }
            Event::SoftBreak | Event::HardBreak if !block_pending && !out.is_empty() => out.push('\n'),
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if !out.is_empty() {
        out.push('\n');
    }
    (out, heading)
}

/// Separates a new block from the text before it with one blank line.
fn start_block(out: &mut String, pending: &mut bool) {
    if *pending && !out.is_empty() {
        let trimmed = out.trim_end_matches(['\n', ' ']).len();
        out.truncate(trimmed);
        out.push_str("\n\n");
    }
    *pending = false;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_removed_and_blocks_become_paragraphs() {
        let a = parse(
            "a.md",
            "# Envoy *Returns*\n\nThe **envoy** said [on Monday](https://x.org) that `talks`\nwould resume.\n\n\
             - first point\n- second point\n\n> A quoted block.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Envoy Returns"));
        assert_eq!(
            a.text,
            "Envoy Returns\n\nThe envoy said on Monday that talks\nwould resume.\n\n\
             first point\n\nsecond point\n\nA quoted block.\n"
        );
    }

    #[test]
    fn front_matter_gives_metadata_and_is_not_text() {
        let a = parse(
            "a.md",
            "---\ntitle: \"Front Title\"\ndate: 2021-03-04\nauthor: Jane Roe\ntags:\n  - x\n---\n# Heading\n\nBody.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Front Title"));
        assert_eq!(a.date.as_deref(), Some("2021-03-04"));
        assert_eq!(a.author.as_deref(), Some("Jane Roe"));
        assert_eq!(a.text, "Heading\n\nBody.\n");
    }

    #[test]
    fn images_and_html_leave_no_markup() {
        let a = parse(
            "a.md",
            "Text ![alt text](x.png) and <b>bold</b> here.\n\n<div>block</div>\n\nEnd.\n",
        );
        assert!(
            !a.text.contains('<') && !a.text.contains("alt text") && !a.text.contains('!'),
            "{}",
            a.text
        );
        assert!(a.text.ends_with("End.\n"));
    }
}
