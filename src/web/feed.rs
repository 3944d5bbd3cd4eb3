//! Feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed) to articles, one per entry.

use super::text;
use super::WebError;
use crate::Article;

/// One feed entry as an article, and whether its text is only the feed's summary of a linked
/// page (which `--fetch-links` or the reader can replace with the page itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    pub article: Article,
    pub summary_only: bool,
}

impl FeedEntry {
    /// Whether the linked page could stand in for the summary: only a summary, and a link to go to.
    pub fn wants_link(&self) -> bool {
        self.summary_only && self.article.url.is_some()
    }
}

/// Reads a feed into articles, one per entry, in feed order. An entry's source is `SOURCE#N`
/// (N counting from 1); its text is the entry's full content when the feed carries it
/// (`content:encoded`, Atom `content`, JSON Feed `content_html`/`content_text`), else its summary.
pub fn articles_from_feed(source: &str, bytes: &[u8]) -> Result<Vec<Article>, WebError> {
    Ok(entries_from_feed(source, bytes)?
        .into_iter()
        .map(|e| e.article)
        .collect())
}

/// [`articles_from_feed`], keeping track of which entries hold only a summary.
pub fn entries_from_feed(source: &str, bytes: &[u8]) -> Result<Vec<FeedEntry>, WebError> {
    let malformed = |reason: String| WebError::MalformedFeed {
        input: source.to_owned(),
        reason,
    };
    if super::nesting::xml_too_deep(bytes) {
        return Err(malformed(format!(
            "elements nested more than {} deep",
            super::nesting::MAX_XML_DEPTH
        )));
    }
    // feed-rs has panicked on odd input in the past; a bad feed must stay an error, not a crash.
    let parsed = std::panic::catch_unwind(|| feed_rs::parser::parse(bytes))
        .map_err(|_| malformed("the feed parser failed on this input".to_owned()))?;
    let feed = parsed.map_err(|error| malformed(describe_parse_error(&error)))?;
    if feed.entries.is_empty() {
        return Err(WebError::EmptyFeed {
            input: source.to_owned(),
        });
    }
    let feed_author = feed.authors.first().and_then(person_name);
    let entries: Vec<FeedEntry> = feed
        .entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| to_entry(source, index + 1, entry, feed_author.as_deref()))
        .collect();
    Ok(entries)
}

fn to_entry(
    source: &str,
    number: usize,
    entry: feed_rs::model::Entry,
    feed_author: Option<&str>,
) -> FeedEntry {
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref().map(|body| (body, c.content_type.as_str())))
        .map(|(body, kind)| body_text(body, kind))
        .filter(|t| !t.is_empty());
    let summary = entry
        .summary
        .as_ref()
        .map(|s| body_text(&s.content, s.content_type.as_str()))
        .filter(|t| !t.is_empty());
    let summary_only = content.is_none();
    let text = content.or(summary).unwrap_or_default();

    // Prefer the entry's page over its comments feed or enclosures.
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.trim().to_owned())
        .filter(|l| !l.is_empty());
    let author = entry
        .authors
        .iter()
        .filter_map(person_name)
        .collect::<Vec<_>>()
        .join(", ");
    let author = if author.is_empty() {
        feed_author.map(str::to_owned)
    } else {
        Some(author)
    };

    FeedEntry {
        article: Article {
            source: format!("{source}#{number}"),
            title: entry
                .title
                .map(|t| text::clean_inline(&t.content))
                .filter(|t| !t.is_empty()),
            date: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            author,
            url: link,
            text,
        },
        summary_only,
    }
}

/// A person's display name. RSS 2.0 `<author>` holds an address ("desk@site (Desk Name)"),
/// which feed-rs keeps as the email of a person named after the element.
fn person_name(person: &feed_rs::model::Person) -> Option<String> {
    let from_email = || {
        let email = person.email.as_deref()?.trim();
        let name = email
            .split_once('(')
            .and_then(|(_, rest)| rest.rsplit_once(')'))
            .map(|(name, _)| name)
            .unwrap_or(email);
        Some(text::clean_inline(name))
    };
    let name = text::clean_inline(&person.name);
    let name = if name.is_empty() || (name == "author" && person.email.is_some()) {
        from_email()?
    } else {
        name
    };
    (!name.is_empty()).then_some(name)
}

/// An entry's content or summary as paragraphs: HTML is converted like a page's body, plain text
/// keeps its paragraphs.
fn body_text(body: &str, content_type: &str) -> String {
    let looks_like_html = content_type.contains("html") || (body.contains('<') && body.contains('>'));
    if looks_like_html {
        return text::fragment_text(body);
    }
    body.split("\n\n")
        .map(text::clean_inline)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn describe_parse_error(error: &feed_rs::parser::ParseFeedError) -> String {
    use feed_rs::parser::{ParseErrorKind, ParseFeedError};
    match error {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            "not a feed (no <rss>, <feed>, <rdf:RDF> root or JSON Feed object)".to_owned()
        }
        other => other.to_string(),
    }
}
