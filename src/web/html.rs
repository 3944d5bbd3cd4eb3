//! A web page to an article, the way a browser's reader view does it: the story's paragraphs
//! without the page around them, and the metadata the page declares about itself.

use scraper::{Html, Selector};
use std::sync::OnceLock;

use super::extract;
use super::jsonld::{self, JsonLdArticle};
use super::nesting;
use super::text;
use super::WebError;
use crate::Article;

/// Extracts the article from an HTML page. `source` names the page in errors and becomes the
/// article's source; `url` is where the page came from, used to resolve a relative canonical link
/// and as the article's url when the page declares none.
///
/// The body is chosen with Mozilla Readability's scoring (paragraphs vote for the elements holding
/// them, link-heavy text counts less) after page furniture (navigation, share bars, related
/// links, comment threads, ads) is cut out.
/// Never panics, whatever the input; a page with no readable text is an error.
pub fn article_from_html(source: &str, html: &str, url: Option<&str>) -> Result<Article, WebError> {
    if html.contains('\0') && html.bytes().filter(|&b| b == 0).count() * 100 > html.len() {
        return Err(WebError::MalformedHtml {
            input: source.to_owned(),
            reason: "binary data, not a page".to_owned(),
        });
    }
    let document = Html::parse_document(&nesting::flatten(html));
    let meta = Metadata::read(&document);
    let body = extract::article_text(&document);
    if body.trim().is_empty() {
        return Err(WebError::NoArticleText {
            input: source.to_owned(),
        });
    }
    let base = url.and_then(|u| url::Url::parse(u).ok());
    let canonical = meta
        .canonical
        .as_deref()
        .and_then(|c| resolve(base.as_ref(), c))
        .or_else(|| base.as_ref().map(url::Url::to_string));
    Ok(Article {
        source: source.to_owned(),
        title: meta.title,
        date: meta.date,
        author: meta.author,
        url: canonical,
        text: body,
    })
}

/// Joins a possibly relative link to the page's URL; only http(s) results count.
fn resolve(base: Option<&url::Url>, link: &str) -> Option<String> {
    let joined = match base {
        Some(base) => base.join(link).ok()?,
        None => url::Url::parse(link).ok()?,
    };
    matches!(joined.scheme(), "http" | "https").then(|| joined.to_string())
}

/// What the page says about itself.
#[derive(Debug, Default)]
struct Metadata {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
    canonical: Option<String>,
}

struct Selectors {
    meta: Selector,
    jsonld: Selector,
    title: Selector,
    h1: Selector,
    canonical: Selector,
    time: Selector,
    date_published: Selector,
    author_link: Selector,
    byline: Selector,
    /// The name inside a byline or author box that also holds a role, a photo or a date.
    name: Selector,
}

fn selectors() -> &'static Selectors {
    static SELECTORS: OnceLock<Selectors> = OnceLock::new();
    SELECTORS.get_or_init(|| {
        let parse = |s: &str| Selector::parse(s).expect("static selector");
        Selectors {
            meta: parse("meta"),
            jsonld: parse(r#"script[type="application/ld+json" i]"#),
            title: parse("title"),
            h1: parse("h1"),
            canonical: parse(r#"link[rel~="canonical" i][href]"#),
            time: parse("time[datetime]"),
            date_published: parse(r#"[itemprop="datePublished"]"#),
            author_link: parse(r#"[rel~="author" i], [itemprop~="author"]"#),
            byline: parse(r#".byline, .author, .article-author, [class*="byline" i]"#),
            name: parse(r#"[itemprop~="name"], [class*="name" i], a[rel~="author" i]"#),
        }
    })
}

/// `<meta>` names that carry a publication date, best first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];

impl Metadata {
    fn read(document: &Html) -> Metadata {
        let s = selectors();
        // `<meta>` by lower-cased name or property, first one wins.
        let mut metas: Vec<(String, String)> = Vec::new();
        for meta in document.select(&s.meta) {
            let element = meta.value();
            let (Some(key), Some(content)) = (
                element
                    .attr("property")
                    .or_else(|| element.attr("name"))
                    .or_else(|| element.attr("itemprop")),
                element.attr("content"),
            ) else {
                continue;
            };
            let content = text::clean_inline(content);
            if !content.is_empty() {
                metas.push((key.trim().to_ascii_lowercase(), content));
            }
        }
        let meta = |key: &str| metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());

        let ld_blocks: Vec<String> = document.select(&s.jsonld).map(|e| e.text().collect()).collect();
        let ld = jsonld::article_from_blocks(ld_blocks.iter().map(String::as_str)).unwrap_or_default();
        let JsonLdArticle {
            headline,
            date_published,
            author: ld_author,
            url: ld_url,
        } = ld;

        let title = meta("og:title")
            .or_else(|| meta("twitter:title"))
            .or_else(|| headline.map(|h| text::clean_inline(&h)))
            .or_else(|| {
                let raw = document.select(&s.title).next().map(|t| text::inline_text(*t))?;
                Some(strip_site_name(&raw, meta("og:site_name").as_deref()))
            })
            .or_else(|| document.select(&s.h1).next().map(|h| text::inline_text(*h)))
            .filter(|t| !t.is_empty());

        let date = DATE_METAS
            .iter()
            .take(1)
            .find_map(|k| meta(k))
            .or(date_published)
            .or_else(|| DATE_METAS.iter().skip(1).find_map(|k| meta(k)))
            .or_else(|| {
                document.select(&s.date_published).find_map(|e| {
                    e.attr("datetime")
                        .or_else(|| e.attr("content"))
                        .map(str::to_owned)
                })
            })
            .or_else(|| {
                document
                    .select(&s.time)
                    .find_map(|e| e.attr("datetime").map(str::to_owned))
            })
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty());

        let author = ld_author
            .map(|a| text::clean_inline(&a))
            .or_else(|| meta("author").filter(|a| !a.starts_with("http")))
            .or_else(|| meta("article:author").filter(|a| !a.starts_with("http")))
            .or_else(|| meta("byl").or_else(|| meta("parsely-author")))
            .or_else(|| {
                document
                    .select(&s.author_link)
                    .chain(document.select(&s.byline))
                    .map(|e| {
                        e.attr("content").map(str::to_owned).unwrap_or_else(|| {
                            let name = e.select(&s.name).next().unwrap_or(e);
                            text::inline_text(*name)
                        })
                    })
                    .find(|a| !a.is_empty() && a.len() < 200)
            })
            .map(|a| strip_by(&a))
            .filter(|a| !a.is_empty());

        let canonical = document
            .select(&s.canonical)
            .find_map(|e| {
                e.attr("href")
                    .map(str::trim)
                    .filter(|h| !h.is_empty())
                    .map(str::to_owned)
            })
            .or_else(|| meta("og:url"))
            .or(ld_url);

        Metadata {
            title,
            date,
            author,
            canonical,
        }
    }
}

/// "By Ada Quill" is "Ada Quill".
fn strip_by(byline: &str) -> String {
    let byline = byline.trim();
    for prefix in ["By ", "by ", "BY "] {
        if let Some(rest) = byline.strip_prefix(prefix) {
            return rest.trim().to_owned();
        }
    }
    byline.to_owned()
}

/// "Council votes to close the pier | The Daily Example" is "Council votes to close the pier":
/// a trailing or leading part after a separator goes when it is the site's name, or when the
/// part that stays is long enough to be a headline on its own.
fn strip_site_name(title: &str, site_name: Option<&str>) -> String {
    let title = text::clean_inline(title);
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let site = |part: &str| site_name.is_some_and(|s| part.trim().eq_ignore_ascii_case(s.trim()));
            if site(tail) || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3) {
                return head.trim().to_owned();
            }
            if site(head) {
                return tail.trim().to_owned();
            }
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_leave_titles() {
        assert_eq!(
            strip_site_name("Council votes to close pier | Daily Example", None),
            "Council votes to close pier"
        );
        assert_eq!(
            strip_site_name("Example News - Pier closes", Some("Example News")),
            "Pier closes"
        );
        assert_eq!(strip_site_name("Pier - closes", None), "Pier - closes");
    }

    #[test]
    fn bylines_lose_by() {
        assert_eq!(strip_by("  By Ada Quill "), "Ada Quill");
        assert_eq!(strip_by("Ada Quill"), "Ada Quill");
    }
}
