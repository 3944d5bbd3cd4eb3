//! The JSON export: one object per article with its metadata, text, people and statements.
//! Offsets count Unicode code points in `text`, end exclusive, so Python and jq users can
//! slice with them directly.

use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::{Analysis, StatementKind};
use crate::span::{CharIndex, Span};

/// How articles are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON array of articles, pretty-printed.
    Json,
    /// One article per line (JSON Lines), written as each one is ready.
    JsonLines,
}

/// One exported article, borrowing from its analysis.
#[derive(Debug, Serialize)]
pub struct ExportedArticle<'a> {
    pub source: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub author: Option<&'a str>,
    pub url: Option<&'a str>,
    pub text: &'a str,
    pub people: Vec<ExportedPerson<'a>>,
    pub statements: Vec<ExportedStatement<'a>>,
}

/// A person; `id` is the person's index in the article, and statements refer to it.
#[derive(Debug, Serialize)]
pub struct ExportedPerson<'a> {
    pub id: usize,
    pub name: &'a str,
    pub titles: &'a [String],
    pub aliases: &'a [String],
    pub mentions: Vec<ExportedSpan<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ExportedStatement<'a> {
    pub id: usize,
    /// The id of the person who said it, or null for unnamed sources.
    pub speaker: Option<usize>,
    /// The words naming the source, for unnamed sources as much as for people.
    pub source_text: Option<&'a str>,
    pub source: Option<ExportedSpan<'a>>,
    pub cue: Option<ExportedSpan<'a>>,
    pub content: Option<ExportedSpan<'a>>,
    pub kind: StatementKind,
}

/// A stretch of the text: code point offsets and the text itself, for readability and so
/// that consumers can check their slicing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExportedSpan<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// The export of one analysed article.
pub fn article(analysis: &Analysis) -> ExportedArticle<'_> {
    let text = analysis.text();
    let index = CharIndex::new(text);
    let span = |s: Span| ExportedSpan {
        start: index.chars(s.start),
        end: index.chars(s.end),
        text: s.text(text),
    };
    let a = &analysis.article;
    ExportedArticle {
        source: &a.source,
        title: a.title.as_deref(),
        date: a.date.as_deref(),
        author: a.author.as_deref(),
        url: a.url.as_deref(),
        text,
        people: analysis
            .people
            .iter()
            .map(|p| ExportedPerson {
                id: p.id,
                name: &p.name,
                titles: &p.titles,
                aliases: &p.aliases,
                mentions: p.mentions.iter().map(|&m| span(m)).collect(),
            })
            .collect(),
        statements: analysis
            .statements
            .iter()
            .map(|s| ExportedStatement {
                id: s.id,
                speaker: s.speaker,
                source_text: s.source.map(|x| x.text(text)),
                source: s.source.map(span),
                cue: s.cue.map(span),
                content: Some(span(s.content)),
                kind: s.kind,
            })
            .collect(),
    }
}

/// An article rendered for `format`, ready for [`Writer::write_rendered`]. Rendering is the
/// costly part and needs no writer, so it can run in parallel.
pub fn render(analysis: &Analysis, format: Format) -> String {
    let exported = article(analysis);
    // Serialising borrowed strings and integers cannot fail.
    match format {
        Format::JsonLines => serde_json::to_string(&exported).expect("export serialises"),
        Format::Json => serde_json::to_string_pretty(&exported)
            .expect("export serialises")
            // JSON strings hold no raw newlines, so this only indents the object's own lines.
            .replace('\n', "\n  "),
    }
}

/// Writes rendered articles as they come: a JSON array written element by element, or JSON
/// Lines. Either way nothing but the current article is held in memory.
pub struct Writer<W: Write> {
    out: W,
    format: Format,
    written: usize,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W, format: Format) -> Self {
        Writer {
            out,
            format,
            written: 0,
        }
    }

    pub fn write(&mut self, analysis: &Analysis) -> io::Result<()> {
        self.write_rendered(&render(analysis, self.format))
    }

    /// Writes an article rendered by [`render`] with this writer's format.
    pub fn write_rendered(&mut self, rendered: &str) -> io::Result<()> {
        match self.format {
            Format::JsonLines => {
                self.out.write_all(rendered.as_bytes())?;
                self.out.write_all(b"\n")?;
                // Consumers of a stream see each article as soon as it is done.
                self.out.flush()?;
            }
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[\n  " } else { b",\n  " })?;
                self.out.write_all(rendered.as_bytes())?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the array (for `json`), flushes, and gives the output back.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Person, Statement};
    use crate::article::Article;

    /// An analysis with people and statements set by hand, so the export is tested apart from
    /// the analysis that will fill them.
    fn analysis(text: &str) -> Analysis {
        let mut a = Analysis::new(Article::from_text("t.txt", text));
        let find = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        a.people = vec![Person {
            id: 0,
            name: "José Müller".into(),
            titles: vec!["Minister".into()],
            aliases: vec!["Müller".into()],
            mentions: vec![find("José Müller"), find("Müller said")],
        }];
        a.people[0].mentions[1].end -= " said".len();
        a.statements = vec![
            Statement {
                id: 0,
                speaker: Some(0),
                source: Some(a.people[0].mentions[1]),
                cue: Some(find("said")),
                content: find("“Ça va”"),
                kind: StatementKind::Direct,
            },
            Statement {
                id: 1,
                speaker: None,
                source: Some(find("officials")),
                cue: Some(find("say")),
                content: find("it is calm"),
                kind: StatementKind::Indirect,
            },
        ];
        a
    }

    const TEXT: &str = "Minister José Müller arrived. “Ça va” Müller said. Now officials say it is calm.";

    #[test]
    fn offsets_are_code_points_and_slice_back_to_the_text() {
        let a = analysis(TEXT);
        let v: serde_json::Value = serde_json::from_str(&render(&a, Format::JsonLines)).unwrap();
        let chars: Vec<char> = TEXT.chars().collect();
        let slice = |s: &serde_json::Value| -> String {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            chars[start..end].iter().collect()
        };
        let mention = &v["people"][0]["mentions"][0];
        assert_eq!(mention["start"], 9);
        assert_eq!(slice(mention), "José Müller");
        assert_eq!(mention["text"], "José Müller");
        let st = &v["statements"][0];
        assert_eq!(slice(&st["content"]), "“Ça va”");
        assert_eq!(slice(&st["source"]), "Müller");
        assert_eq!(st["speaker"], 0);
        assert_eq!(st["kind"], "direct");
        let unnamed = &v["statements"][1];
        assert_eq!(unnamed["speaker"], serde_json::Value::Null);
        assert_eq!(unnamed["source_text"], "officials");
        assert_eq!(unnamed["kind"], "indirect");
    }

    #[test]
    fn every_field_is_present_with_nulls_for_missing_metadata() {
        let v: serde_json::Value = serde_json::from_str(&render(&analysis(TEXT), Format::Json)).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected = [
            "source",
            "title",
            "date",
            "author",
            "url",
            "text",
            "people",
            "statements",
        ];
        expected.sort();
        let mut keys = keys;
        keys.sort();
        assert_eq!(keys, expected);
        assert!(v["title"].is_null() && v["date"].is_null());
        let person: Vec<&String> = v["people"][0].as_object().unwrap().keys().collect();
        assert_eq!(person.len(), 5);
        let statement = v["statements"][0].as_object().unwrap();
        for k in ["id", "speaker", "source_text", "source", "cue", "content", "kind"] {
            assert!(statement.contains_key(k), "{k}");
        }
    }

    #[test]
    fn the_json_writer_makes_one_array_and_jsonl_one_line_per_article() {
        let a = analysis(TEXT);
        let mut w = Writer::new(Vec::new(), Format::Json);
        w.write(&a).unwrap();
        w.write(&a).unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 2);

        let empty = Writer::new(Vec::new(), Format::Json).finish().unwrap();
        assert_eq!(empty, b"[]\n");

        let mut w = Writer::new(Vec::new(), Format::JsonLines);
        w.write(&a).unwrap();
        w.write(&a).unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(out.lines().count(), 2);
        for line in out.lines() {
            serde_json::from_str::<serde_json::Value>(line).unwrap();
        }
    }

    /// Records what had been written at each flush.
    #[derive(Default)]
    struct Flushes {
        buffer: Vec<u8>,
        flushed: Vec<usize>,
    }

    impl Write for Flushes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.buffer.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            self.flushed.push(self.buffer.len());
            Ok(())
        }
    }

    #[test]
    fn jsonl_hands_each_article_on_as_soon_as_it_is_written() {
        let a = analysis(TEXT);
        let mut w = Writer::new(Flushes::default(), Format::JsonLines);
        w.write(&a).unwrap();
        let first_line = w.out.buffer.len();
        assert_eq!(w.out.flushed, [first_line]);
        w.write(&a).unwrap();
        assert_eq!(w.out.flushed, [first_line, 2 * first_line]);
    }
}
