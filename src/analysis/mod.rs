//! The analysis of one article: its paragraphs, sentences and tokens, the people named in it,
//! and every statement attributed to someone. Computed once per article; the reader and the
//! export both read this model.

pub mod lexicon;
mod model_io;
pub mod people;
pub mod person_model;
pub mod segment;
pub mod statements;
pub mod tagger;

use serde::Serialize;

use crate::article::Article;
use crate::span::Span;

pub use segment::{Paragraph, Sentence, Token, TokenKind};

/// Index of a person in [`Analysis::people`].
pub type PersonId = usize;

/// A named person of one article, with every form the text uses for them merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: PersonId,
    /// The fullest form of the name the article gives ("Sergey Lavrov").
    pub name: String,
    /// Titles and roles the article gives them ("Foreign Minister"), in order of appearance.
    pub titles: Vec<String>,
    /// Other forms of the name used in the article ("Lavrov"), without the full name.
    pub aliases: Vec<String>,
    /// Every mention by name, in text order. The span covers the name, not its titles or a
    /// possessive `'s`.
    pub mentions: Vec<Span>,
}

/// How a statement reports what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// The content is a quotation.
    Direct,
    /// Reported speech with no quotation marks.
    Indirect,
    /// Reported speech that quotes some of the words ("the \"real intentions\" of ...").
    Mixed,
}

impl StatementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Mixed => "mixed",
        }
    }
}

/// Something a person (or an unnamed source) is reported to have said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub id: usize,
    /// The person who said it; `None` for unnamed sources ("officials said") and statements
    /// whose source could not be resolved to a person.
    pub speaker: Option<PersonId>,
    /// The words naming the source ("Lavrov", "he", "officials"), when the text has them.
    pub source: Option<Span>,
    /// The words that mark the attribution ("says", "according to").
    pub cue: Option<Span>,
    /// What was said: a quotation with its marks, reported speech with its "that".
    pub content: Span,
    pub kind: StatementKind,
}

/// Everything hearsay knows about one article.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub article: Article,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub people: Vec<Person>,
    /// In text order of their content.
    pub statements: Vec<Statement>,
}

impl Analysis {
    /// Analyses an article. Linear in the length of its text.
    pub fn new(article: Article) -> Self {
        let seg = segment::segment(&article.text);
        let lower = people::lowercase_tokens(&article.text, &seg);
        let people = people::find(&article.text, &seg, &lower);
        let statements = statements::find(&article.text, &seg, &lower, &people);
        Analysis {
            paragraphs: seg.paragraphs,
            sentences: seg.sentences,
            tokens: seg.tokens,
            people: people.people,
            statements,
            article,
        }
    }

    pub fn text(&self) -> &str {
        &self.article.text
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.article.text)
    }

    /// The source words of a statement, as the reader shows them for unnamed sources.
    pub fn source_text(&self, statement: &Statement) -> Option<&str> {
        statement.source.map(|s| self.slice(s))
    }

    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.get(id)
    }

    /// Statements by one person (or, with `None`, by unnamed sources), in text order.
    pub fn statements_by(&self, speaker: Option<PersonId>) -> impl Iterator<Item = &Statement> {
        self.statements.iter().filter(move |s| s.speaker == speaker)
    }

    /// The sentence that holds a byte offset.
    pub fn sentence_at(&self, offset: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        self.sentences.get(i).filter(|s| s.span.start <= offset)
    }

    /// People ordered as the speakers pane and `speakers` table show them: most statements
    /// first, then most mentions, then first appearance.
    pub fn people_by_prominence(&self) -> Vec<PersonId> {
        let mut counts = vec![0usize; self.people.len()];
        for s in &self.statements {
            if let Some(p) = s.speaker {
                counts[p] += 1;
            }
        }
        let mut ids: Vec<PersonId> = (0..self.people.len()).collect();
        ids.sort_by_key(|&p| {
            let person = &self.people[p];
            let first = person.mentions.first().map_or(usize::MAX, |m| m.start);
            (
                std::cmp::Reverse(counts[p]),
                std::cmp::Reverse(person.mentions.len()),
                first,
            )
        });
        ids
    }
}
