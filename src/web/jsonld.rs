//! The article metadata news sites publish as JSON-LD (`<script type="application/ld+json">`).

use serde_json::Value;

/// What an article object in JSON-LD says about the article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct JsonLdArticle {
    pub headline: Option<String>,
    pub date_published: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

/// Types whose objects describe the article itself (not the site, the breadcrumb or the logo).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "WebPage",
];

/// The best article description among the page's JSON-LD blocks: an object of an article type,
/// looked for in arrays and `@graph`s; `None` when no block parses or none describes an article.
pub(crate) fn article_from_blocks<'a>(blocks: impl IntoIterator<Item = &'a str>) -> Option<JsonLdArticle> {
    let mut best: Option<(usize, JsonLdArticle)> = None;
    for block in blocks {
        // Some sites wrap the JSON in CDATA or HTML comments for old browsers.
        let trimmed = block
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        let Ok(value) = serde_json::from_str::<Value>(trimmed) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(value) = stack.pop() {
            match value {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                    let Some(rank) = type_rank(map.get("@type")) else {
                        continue;
                    };
                    let article = describe(map);
                    if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                        best = Some((rank, article));
                    }
                }
                _ => {}
            }
        }
    }
    best.map(|(_, article)| article)
}

/// How well an `@type` names an article (lower is better): news types first, a plain web page
/// far behind, since its name is often the site's.
fn type_rank(kind: Option<&Value>) -> Option<usize> {
    let names: Vec<&str> = match kind? {
        Value::String(s) => vec![s.as_str()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    names
        .iter()
        .filter_map(|name| {
            let name = name.rsplit(['/', ':']).next().unwrap_or(name);
            ARTICLE_TYPES
                .iter()
                .position(|t| *t == name)
                .map(|p| if name == "WebPage" { 100 } else { p })
        })
        .min()
}

fn describe(map: &serde_json::Map<String, Value>) -> JsonLdArticle {
    JsonLdArticle {
        headline: map
            .get("headline")
            .or_else(|| map.get("name"))
            .and_then(first_text),
        date_published: map
            .get("datePublished")
            .or_else(|| map.get("dateCreated"))
            .and_then(first_text),
        author: map.get("author").or_else(|| map.get("creator")).and_then(names),
        url: map
            .get("url")
            .and_then(first_text)
            .or_else(|| map.get("mainEntityOfPage").and_then(id_or_text)),
    }
}

fn first_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Array(items) => items.iter().find_map(first_text),
        _ => None,
    }
}

fn id_or_text(value: &Value) -> Option<String> {
    match value {
        Value::Object(map) => map.get("@id").or_else(|| map.get("url")).and_then(first_text),
        other => first_text(other),
    }
}

/// Author names: a string, a Person object, or a list of either, joined with ", ".
fn names(value: &Value) -> Option<String> {
    let mut found = Vec::new();
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::String(s) if !s.trim().is_empty() && !s.starts_with("http") => {
                found.push(s.trim().to_owned())
            }
            Value::Object(map) => {
                if let Some(name) = map.get("name").and_then(first_text) {
                    found.push(name);
                }
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    found.dedup();
    (!found.is_empty()).then(|| found.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_news_article_in_a_graph() {
        let block = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"The Daily Example","url":"https://example.com/"},
            {"@type":"WebPage","name":"Page name","url":"https://example.com/page"},
            {"@type":"NewsArticle","headline":"Council votes","datePublished":"2024-03-01T09:00:00Z",
             "author":[{"@type":"Person","name":"Ada Quill"},{"@type":"Person","name":"Bo Reyes"}],
             "mainEntityOfPage":{"@id":"https://example.com/council"}}]}"#;
        let article = article_from_blocks([block]).unwrap();
        assert_eq!(article.headline.as_deref(), Some("Council votes"));
        assert_eq!(article.date_published.as_deref(), Some("2024-03-01T09:00:00Z"));
        assert_eq!(article.author.as_deref(), Some("Ada Quill, Bo Reyes"));
        assert_eq!(article.url.as_deref(), Some("https://example.com/council"));
    }

    #[test]
    fn skips_broken_blocks_and_other_types() {
        let article = article_from_blocks([
            "{not json",
            r#"{"@type":"Organization","name":"Org"}"#,
            r#"[{"@type":["NewsArticle"],"headline":"H","author":"Cy Doe"}]"#,
        ])
        .unwrap();
        assert_eq!(article.headline.as_deref(), Some("H"));
        assert_eq!(article.author.as_deref(), Some("Cy Doe"));
        assert_eq!(article_from_blocks([r#"{"@type":"Organization"}"#]), None);
    }
}
