//! Statements: direct quotations, reported speech, and who made them.
//!
//! The passes, in order of how sure they are:
//! 1. quotations with an attribution right next to them (`"...," Putin said`,
//!    `Putin said: "..."`, `"...," he said, "..."`);
//! 2. attributions that close a sentence (`..., officials said.`, `..., said Putin.`,
//!    `..., according to X.`);
//! 3. reported speech with the cue before its content (`Lavrov says Russia thinks ...`),
//!    left to right, where a cue inside the content of an earlier statement is part of it;
//! 4. attributions the learned tagger (`super::tagger`) finds in the sentences the rules left
//!    unexplained that name someone (cues outside the lexicon, sources far from their verbs);
//! 5. quotations that stand alone as whole sentences, attributed to the speaker quoted next
//!    to them.
//!
//! Sources are resolved to people: names through the people model, `he`/`she` to the
//! most salient earlier person of that gender, `the secretary` to the person with that title.
//!
//! One file a pass (`quoted`, `closing`, `leading`, `tagged`, `standalone`), each adding to
//! the one `Finder`; what they share is in `quotes` (where quotations are), `cues` (speech
//! verbs), `sources` (who is before or after a cue), `words` (word lists), and they end in
//! `resolve` (pronouns and titles to people) and `output` (the statements handed out).

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use super::lexicon::{Gender, Lexicon};
use super::people::{Mention, People};
use super::segment::{Segmentation, Sentence, TokenKind};
use super::tagger::pos::Pos;
use super::tagger::{self, PartsOfSpeech, Tagger};
use super::{PersonId, Statement, StatementKind};
use crate::span::Span;

mod closing;
mod cues;
mod leading;
mod output;
mod quoted;
mod quotes;
mod resolve;
mod sources;
mod standalone;
mod tagged;
mod words;

#[cfg(test)]
mod tests;

/// A quotation: token indices of its marks. Quotations that run to the end of a paragraph
/// without a closing mark end at the paragraph's last token.
#[derive(Debug, Clone)]
struct Quote {
    open: usize,
    /// Index of the closing mark, or one past the last quoted token when unclosed.
    close: usize,
    closed: bool,
    /// The quotation goes on in the next paragraph (opening mark repeated, none closing).
    continues: bool,
}

impl Quote {
    /// The quoted tokens, without the marks.
    fn inner(&self) -> std::ops::Range<usize> {
        self.open + 1..self.close
    }

    /// All its tokens, marks included.
    fn outer(&self) -> std::ops::Range<usize> {
        self.open..if self.closed { self.close + 1 } else { self.close }
    }
}

/// Where a statement's source is, and who it is.
#[derive(Debug, Clone)]
struct Source {
    tokens: std::ops::Range<usize>,
    speaker: Option<PersonId>,
}

struct Finder<'a> {
    text: &'a str,
    seg: &'a Segmentation,
    lower: &'a [Cow<'a, str>],
    people: &'a People,
    lex: &'static Lexicon,
    /// For each token, the index of the top-level quotation it lies in (marks included).
    quote_of: Vec<Option<usize>>,
    quotes: Vec<Quote>,
    /// Tokens already taken by an accepted statement (source, cue or content).
    claimed: Vec<bool>,
    /// For each token, its sentence.
    sentence_of: Vec<usize>,
    found: Vec<Found>,
    /// For each sentence, the latest accepted statement with a cue ending at or before any
    /// token, as a stack of (cue end, statement index) whose cue ends rise: a statement is
    /// dropped once a later one's cue ends no later, as it can no longer be the latest. A
    /// participle finds its sentence's attribution with a binary search instead of a scan of
    /// every statement, which made long runs of attributions quadratic.
    latest_cues: Vec<Vec<(usize, usize)>>,
    /// The token ranges of accepted statements' sources.
    accepted_sources: FxHashSet<(usize, usize)>,
    /// Parts of speech, tagged a sentence at a time where a rule asks: read where a word's
    /// form alone cannot tell a verb from a noun or a clause from an object.
    pos: PartsOfSpeech<'a>,
}

#[derive(Debug, Clone)]
struct Found {
    source: Option<Source>,
    cue: Option<std::ops::Range<usize>>,
    content: std::ops::Range<usize>,
    /// Content taken from quotation marks only.
    direct: bool,
    /// Unresolved pronoun or title reference, resolved after all statements are known.
    pending: Option<Pending>,
}

#[derive(Debug, Clone, Copy)]
enum Pending {
    Pronoun(Gender),
    /// A title or a description ("the secretary", "the cardiologist"), resolved when found:
    /// the person with that title or introduced so, if any.
    Known(Option<PersonId>),
    /// A quotation with no source: the speaker is the one quoted nearby.
    Nearby,
}

pub fn find(text: &str, seg: &Segmentation, lower: &[Cow<str>], people: &People) -> Vec<Statement> {
    let mut f = Finder::new(text, seg, lower, people);
    f.find_quotes();
    f.quote_attributions();
    let cues = f.cues();
    f.closing_attributions(&cues);
    f.framed_attributions();
    f.leading_attributions(&cues);
    f.tagged_attributions();
    f.standalone_quotes();
    f.resolve();
    f.into_statements()
}

impl<'a> Finder<'a> {
    fn new(text: &'a str, seg: &'a Segmentation, lower: &'a [Cow<'a, str>], people: &'a People) -> Self {
        let n = seg.tokens.len();
        let mut sentence_of = vec![0; n];
        for (si, s) in seg.sentences.iter().enumerate() {
            for t in s.tokens.clone() {
                sentence_of[t] = si;
            }
        }
        Finder {
            text,
            seg,
            lower,
            people,
            lex: Lexicon::get(),
            quote_of: vec![None; n],
            quotes: Vec::new(),
            claimed: vec![false; n],
            sentence_of,
            found: Vec::new(),
            latest_cues: vec![Vec::new(); seg.sentences.len()],
            accepted_sources: FxHashSet::default(),
            pos: PartsOfSpeech::new(Tagger::builtin(), text, seg, lower),
        }
    }

    fn tok(&self, i: usize) -> &'a str {
        self.seg.tokens[i].span.text(self.text)
    }

    fn kind(&self, i: usize) -> TokenKind {
        self.seg.tokens[i].kind
    }

    fn l(&self, i: usize) -> &'a str {
        self.lower[i].as_ref()
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == TokenKind::Punct && self.tok(i) == p
    }

    /// Whether "according to" starts at token `i`.
    fn according_to_at(&self, i: usize) -> bool {
        self.l(i) == "according" && self.lower.get(i + 1).is_some_and(|w| w == "to")
    }

    /// Where the dateline that opens the sentence at `i` ends, past its dash: "CAIRO —",
    /// "WASHINGTON (AP) —", "LONDON, March 3 --". The place is in capitals; what the
    /// reporter's agency and date add is short.
    fn dateline_end(&self, i: usize) -> Option<usize> {
        let sentence = self.sentence_range(i);
        if sentence.start != i {
            return None;
        }
        let upper = |t: usize| {
            let w = self.tok(t);
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(|c| c.is_lowercase())
                && self.kind(t) == TokenKind::Word
        };
        if !upper(i) {
            return None;
        }
        let end = sentence.end.min(i + 12);
        let dash = (i + 1..end).find(|&t| self.kind(t) == TokenKind::Punct && words::is_dash(self.tok(t)))?;
        let mut in_parens = false;
        let dateline = (i..dash).all(|t| {
            let w = self.tok(t);
            match w {
                "(" => in_parens = true,
                ")" => in_parens = false,
                _ => {}
            }
            upper(t)
                || in_parens
                || matches!(w, "," | "." | "(" | ")")
                || self.kind(t) == TokenKind::Number
                || words::is_time_word(self.l(t))
                || w.ends_with('.') && w.starts_with(char::is_uppercase)
        });
        (dateline && dash + 1 < end && self.tok(dash + 1).starts_with(char::is_uppercase)).then_some(dash + 1)
    }

    fn sentence_range(&self, i: usize) -> std::ops::Range<usize> {
        self.seg.sentences[self.sentence_of[i]].tokens.clone()
    }

    fn paragraph_of(&self, i: usize) -> usize {
        self.seg.sentences[self.sentence_of[i]].paragraph
    }

    fn base(&self, cue: &std::ops::Range<usize>) -> &'static str {
        // The verb of "went on to say" is its last word.
        self.lex
            .speech_verb(self.l(cue.start))
            .or_else(|| self.lex.speech_verb(self.l(cue.end - 1)))
            .unwrap_or("according")
    }

    fn is_claimed(&self, range: std::ops::Range<usize>) -> bool {
        range.into_iter().any(|t| self.claimed[t])
    }

    fn accept(&mut self, f: Found) {
        let mut lo = f.content.start;
        let mut hi = f.content.end;
        if let Some(s) = &f.source {
            lo = lo.min(s.tokens.start);
            hi = hi.max(s.tokens.end);
        }
        if let Some(c) = &f.cue {
            lo = lo.min(c.start);
            hi = hi.max(c.end);
        }
        for t in lo..hi {
            self.claimed[t] = true;
        }
        if let Some(c) = &f.cue {
            let stack = &mut self.latest_cues[self.sentence_of[c.start]];
            while stack.last().is_some_and(|&(end, _)| end >= c.end) {
                stack.pop();
            }
            stack.push((c.end, self.found.len()));
        }
        if let Some(s) = &f.source {
            self.accepted_sources.insert((s.tokens.start, s.tokens.end));
        }
        self.found.push(f);
    }

    /// The pending resolution a source needs, if it is a pronoun, a title reference or a
    /// description of someone introduced before.
    fn pending_for(&self, s: &Source) -> Option<Pending> {
        if s.speaker.is_some() {
            return None;
        }
        let last = s.tokens.end - 1;
        match self.l(last) {
            // "his best response was to say ...": a possessor is a source of the tagger's.
            "he" | "his" if s.tokens.len() == 1 => return Some(Pending::Pronoun(Gender::Male)),
            "she" | "her" if s.tokens.len() == 1 => return Some(Pending::Pronoun(Gender::Female)),
            _ => {}
        }
        // "the secretary", "the Russian president": a title, with a determiner before.
        let first = s.tokens.start;
        if matches!(self.l(first), "the" | "a") && s.tokens.len() <= 4 {
            let title_word = self
                .lex
                .titles
                .longest_match(self.lower[last..last + 1].iter().map(|w| &**w));
            if title_word > 0 && self.l(first) == "the" {
                // "The lawyer said" after "Reilly's lawyer, Mark Stein": a role no one holds
                // as a title may be how someone was introduced.
                let person = self.resolve_title(last).or_else(|| self.described_person(s));
                return Some(Pending::Known(person));
            }
        }
        // "Mayor defends snow response": a bare title in the headline.
        if s.tokens.len() == 1
            && self.paragraph_of(first) == 0
            && self.lex.titles.longest_match([self.l(last)]) == 1
        {
            if let Some(p) = self.resolve_title(last) {
                return Some(Pending::Known(Some(p)));
            }
        }
        self.described_person(s).map(|p| Pending::Known(Some(p)))
    }

    fn found(
        &self,
        source: Option<Source>,
        cue: Option<std::ops::Range<usize>>,
        content: std::ops::Range<usize>,
        direct: bool,
    ) -> Found {
        let source = source.map(|s| self.relative_antecedent(s));
        let pending = source.as_ref().and_then(|s| self.pending_for(s));
        let content = match self.dateline_end(content.start) {
            Some(e) if e < content.end => e..content.end,
            _ => content,
        };
        Found {
            source,
            cue,
            content,
            direct,
            pending,
        }
    }
}
