//! An article as loaded: where it came from, its metadata and its text.

use serde::{Deserialize, Serialize};

/// One news article. `text` is what every span in the analysis points into.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Path of the file, `-` for stdin, or a URL; with several articles in one file,
    /// the path followed by `#` and the article's index.
    pub source: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

impl Article {
    /// An article with no metadata, for tests and text given directly.
    pub fn from_text(source: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            source: source.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    /// The title, or failing that the file name of the source, for lists and status bars.
    pub fn display_title(&self) -> &str {
        match &self.title {
            Some(t) if !t.trim().is_empty() => t.trim(),
            _ => self
                .source
                .rsplit(['/', '\\'])
                .find(|s| !s.is_empty())
                .unwrap_or(&self.source),
        }
    }
}
