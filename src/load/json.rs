//! JSON (`.json`: one article object, an array of them, or an object holding such an array)
//! and JSON Lines (`.jsonl`, `.ndjson`: one article object per line), with the field names
//! common news data sets use.

use serde_json::{Map, Value};

use super::{LoadError, Loaded};
use crate::article::Article;

const TEXT_FIELDS: &[&str] = &["text", "body", "content", "article"];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "publication_date",
    "publishedAt",
    "published_at",
];
const AUTHOR_FIELDS: &[&str] = &["author", "authors", "byline"];
const URL_FIELDS: &[&str] = &["url", "link"];
/// Fields under which a wrapping object keeps its list of articles (as news APIs return them).
const LIST_FIELDS: &[&str] = &["articles", "items", "data", "results"];

/// Reads a `.json` file: one article, an array of articles, or `{"articles": [...]}`.
pub fn parse_json(path: &str, text: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            loaded.errors.push(json_error(path, &e, 0));
            return loaded;
        }
    };
    let items = match value {
        Value::Array(items) => items,
        Value::Object(obj) if !has_any(&obj, TEXT_FIELDS) => match list_field(obj) {
            Some(items) => items,
            None => {
                loaded.errors.push(LoadError::Article {
                    path: path.to_string(),
                    message: missing_text_message(),
                });
                return loaded;
            }
        },
        single => vec![single],
    };
    let several = items.len() > 1;
    for (i, item) in items.into_iter().enumerate() {
        let source = if several {
            format!("{path}#{}", i + 1)
        } else {
            path.to_string()
        };
        match article_from_value(&source, item) {
            Ok(a) => loaded.articles.push(a),
            Err(e) => loaded.errors.push(e),
        }
    }
    loaded
}

/// Reads a JSON Lines file. A malformed line is an error naming its line; the others load.
/// With several articles, each one's source is the path and its line number.
pub fn parse_json_lines(path: &str, text: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .collect();
    let several = lines.len() > 1;
    for (line_no, line) in lines {
        let source = if several {
            format!("{path}#{line_no}")
        } else {
            path.to_string()
        };
        match serde_json::from_str::<Value>(line) {
            Ok(value) => match article_from_value(&source, value) {
                Ok(a) => loaded.articles.push(a),
                Err(e) => loaded.errors.push(e),
            },
            Err(e) => loaded.errors.push(json_error(path, &e, line_no - 1)),
        }
    }
    loaded
}

/// A malformed-JSON error at the position serde_json reports, shifted down by `line_offset`
/// lines for JSON Lines, where each line is parsed on its own.
fn json_error(path: &str, e: &serde_json::Error, line_offset: usize) -> LoadError {
    // serde_json appends " at line L column C" to its message; the error states them itself.
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message).to_string();
    LoadError::Json {
        path: path.to_string(),
        line: e.line() + line_offset,
        column: e.column(),
        message,
    }
}

fn has_any(obj: &Map<String, Value>, fields: &[&str]) -> bool {
    fields.iter().any(|f| obj.contains_key(*f))
}

fn list_field(mut obj: Map<String, Value>) -> Option<Vec<Value>> {
    LIST_FIELDS.iter().find_map(|f| match obj.remove(*f) {
        Some(Value::Array(items)) => Some(items),
        _ => None,
    })
}

fn missing_text_message() -> String {
    format!(
        "no article text (expected a string field {})",
        TEXT_FIELDS.join(", ")
    )
}

fn article_from_value(source: &str, value: Value) -> Result<Article, LoadError> {
    let Value::Object(obj) = value else {
        return Err(LoadError::Article {
            path: source.to_string(),
            message: format!("expected an article object, found {}", kind_of(&value)),
        });
    };
    let text = TEXT_FIELDS
        .iter()
        .find_map(|f| obj.get(*f).and_then(Value::as_str))
        .ok_or_else(|| LoadError::Article {
            path: source.to_string(),
            message: missing_text_message(),
        })?;
    Ok(Article {
        source: source.to_string(),
        title: first_string(&obj, TITLE_FIELDS),
        date: first_string(&obj, DATE_FIELDS),
        author: AUTHOR_FIELDS.iter().find_map(|f| obj.get(*f).and_then(author)),
        url: first_string(&obj, URL_FIELDS),
        text: text.to_string(),
    })
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The first of the fields that holds a non-empty string (or a number, for dates given as
/// timestamps).
fn first_string(obj: &Map<String, Value>, fields: &[&str]) -> Option<String> {
    fields.iter().find_map(|f| match obj.get(*f)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// An author given as a string, an object with a `name`, or a list of either; a list is
/// joined with commas.
fn author(value: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
        _ => None,
    };
    match value {
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(one).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        other => one(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object_with_common_field_names() {
        let loaded = parse_json(
            "a.json",
            r#"{"headline": "H", "body": "Text.", "published": "2020-01-01",
                "authors": [{"name": "A B"}, "C D"], "link": "https://x.org"}"#,
        );
        assert!(loaded.errors.is_empty());
        let a = &loaded.articles[0];
        assert_eq!(a.source, "a.json");
        assert_eq!(a.title.as_deref(), Some("H"));
        assert_eq!(a.text, "Text.");
        assert_eq!(a.date.as_deref(), Some("2020-01-01"));
        assert_eq!(a.author.as_deref(), Some("A B, C D"));
        assert_eq!(a.url.as_deref(), Some("https://x.org"));
    }

    #[test]
    fn an_array_gives_numbered_sources_and_a_bad_element_does_not_stop_the_rest() {
        let loaded = parse_json(
            "a.json",
            r#"[{"text": "One."}, {"title": "no text"}, {"content": "Three."}]"#,
        );
        let sources: Vec<_> = loaded.articles.iter().map(|a| a.source.as_str()).collect();
        assert_eq!(sources, ["a.json#1", "a.json#3"]);
        assert_eq!(loaded.errors.len(), 1);
        assert!(loaded.errors[0]
            .to_string()
            .starts_with("a.json#2: no article text"));
    }

    #[test]
    fn a_wrapping_object_with_an_articles_list() {
        let loaded = parse_json("a.json", r#"{"status": "ok", "articles": [{"article": "X."}]}"#);
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(loaded.articles[0].text, "X.");
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let loaded = parse_json("a.json", "{\n  \"text\": \"x\",\n  oops\n}");
        match &loaded.errors[..] {
            [LoadError::Json { line, column, .. }] => assert_eq!((*line, *column), (3, 3)),
            other => panic!("{other:?}"),
        }
        assert!(loaded.errors[0]
            .to_string()
            .starts_with("a.json: line 3, column 3: "));
    }

    #[test]
    fn json_lines_skip_a_bad_line_and_name_it() {
        let loaded = parse_json_lines(
            "a.jsonl",
            "{\"text\": \"One.\"}\n\n{\"text\": oops}\n{\"text\": \"Four.\"}\n",
        );
        let sources: Vec<_> = loaded.articles.iter().map(|a| a.source.as_str()).collect();
        assert_eq!(sources, ["a.jsonl#1", "a.jsonl#4"]);
        match &loaded.errors[..] {
            [LoadError::Json { line, column, .. }] => assert_eq!((*line, *column), (3, 10)),
            other => panic!("{other:?}"),
        }
    }
}
