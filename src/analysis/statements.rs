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

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use super::lexicon::{Gender, Lexicon};
use super::people::{Mention, People};
use super::segment::{Segmentation, Sentence, TokenKind};
use super::tagger::pos::Pos;
use super::tagger::{self, Tagger};
use super::{PersonId, Statement, StatementKind};
use crate::span::Span;

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

/// The most tokens an attribution's closing phrase may have ("in an interview on Monday").
const MAX_TAIL: usize = 12;

/// How many sentences back a pronoun may look for its person, quoted ones included.
const MAX_PRONOUN_REACH: usize = 12;

/// Words between a subject and its verb that do not end the subject ("Lavrov also says").
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "also", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did",
    "does", "do", "not", "never", "later", "then", "previously", "repeatedly", "reportedly", "recently",
    "once", "again", "already", "further", "often", "just", "even", "still", "now", "first", "initially",
    "separately", "privately", "publicly", "had", "n't", "always", "ultimately", "finally", "simply",
    "long",
];

/// Days, which both say when something was said and never name a source.
#[rustfmt::skip]
const DAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tonight",
];

/// Other words of time that never name a source ("Tuesday said" is "on Tuesday said").
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend", "time", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];

/// Words that end a subject noun phrase when walking left from a verb.
const NP_STOP: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "because", "if", "when", "while",
    "as", "after", "before", "since", "than", "so", "where", "what", "why", "how", "though", "although",
    "until", "unless", "whether", "is", "was", "are", "were", "be", "been", "being", "to", "in", "on", "at",
    "by", "for", "with", "from", "about", "into", "over", "under", "against", "during", "without", "between",
    "through", "also", "not", "has", "have", "had", "will", "would", "could", "can", "may", "might",
    "should", "must", "did", "does", "do", "said", "says", "told", "then",
];

/// Determiners: after them a speech verb's bare form, past adjectives, is a noun, and a verb
/// of thought has an object, not a clause, unless a finite verb follows.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "another", "one", "some",
    "each", "every", "any", "these", "those",
];

/// Words after a cue that begin a phrase before the content ("said on Monday that").
#[rustfmt::skip]
const PRE_CONTENT: &[&str] = &[
    "in", "on", "at", "during", "through", "via", "to", "with", "from", "after", "before", "last", "this",
    "earlier", "later", "repeatedly", "flatly", "privately", "publicly", "again", "recently", "also",
    "then", "previously", "separately", "by", "over", "about", "of", "for", "under", "while", "as", "when",
];

/// Words of the phrase between a cue and a "that" ("said in a television interview that").
#[rustfmt::skip]
const BEFORE_THAT: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "interview", "statement", "speech", "translator",
    "rally", "conference", "news", "briefing", "tweet", "post", "letter", "meeting", "television", "radio",
    "program", "show", "phone", "email", "call", "hearing", "debate", "event", "appearance", "op-ed",
    "memo", "filing", "court", "video", "podcast", "week", "month", "year", "morning", "afternoon",
    "evening", "night", "day", "weekend", "reporters", "journalists", "aboard", "spokesman", "spokeswoman",
    "written", "emailed", "televised", "broadcast", "press", "release", "recent", "separate", "brief",
    "telephone", "exclusive",
];

/// Prepositions after a cue that, without a "that" further on, show the verb reports no
/// content ("spoke with", "talked about").
const PREPOSITIONS: &[&str] = &[
    "with", "about", "of", "to", "for", "at", "on", "in", "from", "by", "over", "under",
];

/// Verbs of thought and evidence: attributions only before a clause ("Russia thinks there
/// is ...", "a poll shows Clinton ahead"), never before "to" ("hopes to win").
#[rustfmt::skip]
const WEAK_VERBS: &[&str] = &[
    "think", "believe", "feel", "expect", "hope", "fear", "worry", "know", "understand", "find", "show",
    "suspect", "wonder", "guess", "reckon", "agree", "hold", "maintain", "question", "object", "point",
    "answer", "respond", "counter", "express", "describe", "mention", "comment", "signal", "cite", "rule",
    "demand", "recommend", "propose", "promise", "pledge", "vow", "threaten", "praise", "criticize",
    "criticise", "blame", "assess", "estimate", "forecast", "predict", "charge", "dismiss", "dispute",
    "protest", "call", "ask", "report", "state", "note", "add", "repeat", "joke", "speak", "tout", "reveal",
];

/// Words that open a phrase setting the scene of a quotation rather than beginning its
/// sentence ("Still, he said, ...", "In the United States, they write, ...").
#[rustfmt::skip]
const SCENE_OPENERS: &[&str] = &[
    "but", "still", "and", "yet", "so", "however", "also", "then", "later", "meanwhile", "instead",
    "indeed", "now", "again", "in", "on", "at", "for", "with", "from", "by", "of", "to", "after",
    "before", "during", "since", "among", "under", "over", "about", "as", "despite", "including",
];

/// Weak verbs of thought, knowledge and state: what they report is a clause, never an
/// object ("holds a lead", "knew the area", "found a way").
#[rustfmt::skip]
const STATIVE_VERBS: &[&str] = &[
    "think", "believe", "feel", "expect", "hope", "fear", "worry", "know", "understand", "find", "show",
    "suspect", "wonder", "guess", "reckon", "hold", "maintain",
];

/// Verbs of judgement whose object is what the source said ("criticized the deal").
#[rustfmt::skip]
const OBJECT_CONTENT: &[&str] = &[
    "criticize", "criticise", "praise", "cite", "condemn", "blame", "dismiss", "deny", "dispute",
    "slam", "mock", "applaud", "defend", "reject", "assail", "endorse", "thank",
];

/// Verbs whose infinitive is what the source said they would or would not do ("vowed to
/// form a task force", "declined to comment").
const INFINITIVE_VERBS: &[&str] = &["decline", "refuse", "vow", "promise", "pledge", "threaten"];

/// Verbs that take an object before the content ("told reporters that", "informed him").
const OBJECT_VERBS: &[&str] = &["tell", "inform", "assure", "warn", "remind", "urge", "ask"];

/// Verbs whose object is the hearer, never the speaker: they are never inverted
/// ("told The Post" names no source).
const HEARER_VERBS: &[&str] = &["tell", "inform"];

/// Determiners that begin the noun phrase of an audience ("told the crowd", "told his
/// supporters").
const NP_START: &[&str] = &["the", "a", "an", "his", "her", "their", "its"];

/// Finite auxiliaries, the mark of a clause.
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "must",
];

const PRONOUNS_SUBJECT: &[&str] = &["he", "she", "they", "i", "we", "it"];

/// A subject pronoun that names a person ("it" names none).
fn personal_subject(w: &str) -> bool {
    w != "it" && PRONOUNS_SUBJECT.contains(&w)
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
    /// Parts of speech of the sentences that hold a verb of the lexicon (`Other` elsewhere),
    /// read where a word's form alone cannot tell a verb from a noun or a clause from an
    /// object.
    pos: Vec<Pos>,
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
    /// A title reference ("the secretary"), by the token of the title word.
    Title(usize),
    /// A quotation with no source: the speaker is the one quoted nearby.
    Nearby,
}

/// Whether a word after a cue begins a phrase saying where or when, not what.
fn pre_content(w: &str) -> bool {
    PRE_CONTENT.contains(&w) || DAYS.contains(&w)
}

/// A form of "be", the auxiliary of the passive.
fn is_be(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being")
}

/// Whether a word is a past participle: regular in "-ed", or one of the irregular ones news
/// uses of speech and thought.
fn participle(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "told"
                | "said"
                | "known"
                | "seen"
                | "thought"
                | "held"
                | "given"
                | "taken"
                | "shown"
                | "written"
                | "heard"
                | "understood"
                | "overheard"
                | "sworn"
        )
}

fn is_time_word(w: &str) -> bool {
    TIME_WORDS.contains(&w) || DAYS.contains(&w)
}

/// The full form of an abbreviated title word, so "the senator" finds "Sen. Sanders".
fn full_title_word(w: &str) -> &str {
    match w {
        "sen." => "senator",
        "rep." => "representative",
        "gov." => "governor",
        "gen." => "general",
        "lt." => "lieutenant",
        "col." => "colonel",
        "capt." => "captain",
        "sgt." => "sergeant",
        "adm." => "admiral",
        "prof." => "professor",
        "rev." => "reverend",
        "dr." => "doctor",
        "pres." => "president",
        "congressman" | "congresswoman" => "representative",
        _ => w,
    }
}

pub fn find(text: &str, seg: &Segmentation, lower: &[Cow<str>], people: &People) -> Vec<Statement> {
    let mut f = Finder::new(text, seg, lower, people);
    f.find_quotes();
    f.tag_parts_of_speech();
    f.quote_attributions();
    let cues = f.cues();
    f.closing_attributions(&cues);
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
            pos: Vec::new(),
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

    fn sentence_range(&self, i: usize) -> std::ops::Range<usize> {
        self.seg.sentences[self.sentence_of[i]].tokens.clone()
    }

    fn paragraph_of(&self, i: usize) -> usize {
        self.seg.sentences[self.sentence_of[i]].paragraph
    }

    // ----- quotations -----

    fn find_quotes(&mut self) {
        let para_tokens: Vec<std::ops::Range<usize>> = self
            .seg
            .paragraphs
            .iter()
            .map(|p| {
                let s = &self.seg.sentences[p.sentences.clone()];
                match (s.first(), s.last()) {
                    (Some(a), Some(b)) => a.tokens.start..b.tokens.end,
                    _ => 0..0,
                }
            })
            .collect();
        for (pi, range) in para_tokens.iter().enumerate() {
            let mut open: Option<usize> = None;
            // Curly marks nest ("“... what he calls “hell” ...”"); straight ones cannot.
            let mut depth = 0usize;
            for i in range.clone() {
                if self.kind(i) != TokenKind::Quote {
                    continue;
                }
                match self.tok(i) {
                    "“" | "„" | "«" | "``" => {
                        if open.is_none() {
                            open = Some(i);
                            depth = 1;
                        } else {
                            depth += 1;
                        }
                    }
                    "”" | "»" if depth > 1 => depth -= 1,
                    "”" | "»" => {
                        if let Some(o) = open.take() {
                            self.push_quote(o, i, true, false);
                            depth = 0;
                        } else if self.opens_like_a_quote(i, range.start) {
                            // A closing mark typed where an opening one belongs ("”Fear. I am
                            // afraid ...”"): nothing is open and a word follows it directly.
                            open = Some(i);
                            depth = 1;
                        }
                    }
                    "\"" | "''" => match open.take() {
                        Some(o) => self.push_quote(o, i, true, false),
                        None => open = Some(i),
                    },
                    _ => {}
                }
            }
            if let Some(o) = open {
                // Unclosed: runs to the end of the paragraph. When the next paragraph opens
                // with a quotation mark, the quotation goes on there.
                let continues = para_tokens.get(pi + 1).is_some_and(|next| {
                    !next.is_empty() && matches!(self.tok(next.start), "“" | "\"" | "''" | "``")
                });
                if range.end > o + 1 {
                    self.push_quote(o, range.end, false, continues);
                }
            }
        }
    }

    /// Whether the mark at token `i` stands where a quotation opens: at the start of its
    /// paragraph, or at the start of a line or after a space with a word right after it.
    fn opens_like_a_quote(&self, i: usize, para_start: usize) -> bool {
        let toks = &self.seg.tokens;
        let Some(next) = toks.get(i + 1) else { return false };
        // At the start of a paragraph nothing can be open: `” … he delivered ...`.
        if i == para_start {
            return true;
        }
        let attached = next.span.start == toks[i].span.end && next.kind == TokenKind::Word;
        let before = {
            let gap = &self.text[toks[i - 1].span.end..toks[i].span.start];
            gap.contains('\n') || !gap.is_empty() && matches!(toks[i - 1].kind, TokenKind::Punct)
        };
        attached && before
    }

    fn push_quote(&mut self, open: usize, close: usize, closed: bool, continues: bool) {
        let q = Quote {
            open,
            close,
            closed,
            continues,
        };
        let idx = self.quotes.len();
        for t in q.outer() {
            self.quote_of[t] = Some(idx);
        }
        self.quotes.push(q);
    }

    fn in_quote(&self, i: usize) -> bool {
        self.quote_of[i].is_some()
    }

    /// The quotation and those it continues into (a quotation over several paragraphs).
    fn quote_chain_end(&self, q: usize) -> usize {
        let mut q = q;
        while self.quotes[q].continues && q + 1 < self.quotes.len() {
            q += 1;
        }
        q
    }

    // ----- sources -----

    /// The subject noun phrase that ends at token `end` (exclusive), walking left.
    fn subject_before(&self, end: usize, floor: usize) -> Option<Source> {
        if end <= floor {
            return None;
        }
        let mut j = end;
        // "Sen. Ted Cruz (R-Texas) said"
        if let Some(k) = self.open_paren_before(j, floor).filter(|&k| k > floor) {
            j = k;
        }
        if let Some(m) = self.people.mention_ending_at(j) {
            if m.tokens.start >= floor {
                return Some(self.person_source(m));
            }
        }
        // "Cruz himself said"
        if j > floor + 1 && matches!(self.l(j - 1), "himself" | "herself") {
            if let Some(m) = self
                .people
                .mention_ending_at(j - 1)
                .filter(|m| m.tokens.start >= floor)
            {
                return Some(Source {
                    tokens: m.tokens.start..j,
                    speaker: Some(m.person),
                });
            }
        }
        let last = j - 1;
        let w = self.l(last);
        if PRONOUNS_SUBJECT.contains(&w) && self.kind(last) == TokenKind::Word {
            return Some(Source {
                tokens: last..j,
                speaker: None,
            });
        }
        if self.is_punct(last, ",") {
            return self.appositive_subject(last, floor);
        }
        // "Kall -- co-editor of a book on the debates -- said": the name before a pair of
        // dashes.
        let dash =
            |t: usize| self.kind(t) == TokenKind::Punct && matches!(self.tok(t), "--" | "—" | "–" | "―");
        if dash(last) {
            let open = (floor..last).rev().take(30).find(|&t| dash(t))?;
            return self
                .people
                .mention_ending_at(open)
                .filter(|m| m.tokens.start >= floor)
                .map(|m| self.person_source(m));
        }
        // "said Weaver, who said ...": the person the relative clause is about.
        if w == "who" && last > floor && self.is_punct(last - 1, ",") {
            if let Some(m) = self
                .people
                .mention_ending_at(last - 1)
                .filter(|m| m.tokens.start >= floor)
            {
                return Some(self.person_source(m));
            }
        }
        // A noun phrase: words back to a stop word, a determiner or punctuation.
        let mut k = j;
        while k > floor && j - k < 8 {
            let t = k - 1;
            let kind = self.kind(t);
            let w = self.l(t);
            let wordish = matches!(kind, TokenKind::Word | TokenKind::Number) || matches!(w, "-" | "&");
            if !wordish || NP_STOP.contains(&w) {
                break;
            }
            // "Clinton mentioned disparaging remarks": a verb of saying inside is no subject.
            if kind == TokenKind::Word && self.lex.speech_verb(w).is_some() && !self.noun_use(t) {
                return None;
            }
            k -= 1;
            if matches!(w, "the" | "a" | "an" | "some" | "many" | "several" | "other") {
                break;
            }
        }
        if k == j || self.kind(j - 1) != TokenKind::Word {
            return None;
        }
        // "Greg Zorn of The Nation wrote", "Greg Butterfield of Ohio said": the person, not
        // the paper or the place.
        let of = (k.saturating_sub(1).max(floor + 1)..j).find(|&o| {
            self.l(o) == "of"
                && self
                    .people
                    .mention_ending_at(o)
                    .is_some_and(|m| m.tokens.start >= floor)
        });
        if let Some(m) = of.and_then(|o| self.people.mention_ending_at(o)) {
            return Some(Source {
                tokens: m.tokens.start..j,
                speaker: Some(m.person),
            });
        }
        let head = self.l(j - 1);
        if matches!(
            head,
            "him" | "them" | "us" | "me" | "her" | "'s" | "there" | "this" | "who"
        ) || is_time_word(head)
        {
            return None;
        }
        Some(Source {
            tokens: self.head_before_preposition(k, floor).unwrap_or(k)..j,
            speaker: None,
        })
    }

    /// Where an unnamed source really starts when the words found so far (from `k`) are the
    /// object of a preposition whose noun phrase opens the clause: "A producer for Yahoo
    /// Studios told", "Republicans in the state claim", "sources close to her campaign say"
    /// are the producer, the Republicans and the sources, not what follows the preposition.
    fn head_before_preposition(&self, k: usize, floor: usize) -> Option<usize> {
        if k <= floor + 1
            || !matches!(
                self.l(k - 1),
                "for" | "of" | "in" | "to" | "from" | "at" | "with" | "on" | "among"
            )
        {
            return None;
        }
        let mut t = k - 1;
        let mut words = 0;
        while t > floor && words < 6 {
            let prev = t - 1;
            let w = self.l(prev);
            let wordish = matches!(self.kind(prev), TokenKind::Word | TokenKind::Number);
            if !wordish {
                break;
            }
            if NP_STOP.contains(&w) && !matches!(w, "in" | "to" | "of")
                || self.lex.speech_verb(w).is_some() && !self.noun_use(prev)
            {
                return None;
            }
            t = prev;
            words += 1;
        }
        // The phrase must open the sentence or follow a comma or colon, with a word of its
        // own before the preposition, and be a noun phrase: no verb in it ("Armstrong
        // huddled with other leaders"), no participle or preposition opening it ("Speaking on
        // radio", "in the middle of ...").
        let opens = t == floor
            || self.kind(t - 1) == TokenKind::Punct && matches!(self.tok(t - 1), "," | ":" | "—" | "--");
        let pos = |i: usize| self.pos.get(i).copied().unwrap_or(Pos::Other);
        let noun_phrase = !matches!(pos(t), Pos::VerbGerund | Pos::VerbParticiple | Pos::Prep)
            && !NP_STOP.contains(&self.l(t))
            && !(t..k - 1).any(|i| pos(i).is_verb() || pos(i) == Pos::Modal);
        (opens && noun_phrase && t + 1 < k).then_some(t)
    }

    /// When the token before `end` closes a short parenthesis ("(R-Texas)"), the index of its
    /// opening bracket, not before `floor`.
    fn open_paren_before(&self, end: usize, floor: usize) -> Option<usize> {
        if end <= floor || !self.is_punct(end - 1, ")") {
            return None;
        }
        (floor..end - 1).rev().take(12).find(|&k| self.is_punct(k, "("))
    }

    /// `Lavrov, Russia's foreign minister, said` and `Trump, who ..., said`: the subject
    /// before a parenthetical that ends in the comma at `comma`.
    fn appositive_subject(&self, comma: usize, floor: usize) -> Option<Source> {
        let mut k = comma;
        // Appositives may be chained ("Ayrault, the foreign minister of France, a member of
        // the council, said"); past the first, the name must start the clause.
        let mut hops = 0;
        while k > floor && comma - k < 45 {
            k -= 1;
            if self.is_punct(k, ",") {
                // "A lawyer for them, David Schulz, said": the name between the commas.
                if let Some(m) = self.people.mention_starting_at(k + 1) {
                    if m.tokens.end == comma {
                        return Some(self.person_source(m));
                    }
                }
                // "Meeks (D-N.Y.), chairman of the caucus, said"
                let end = self.open_paren_before(k, floor).unwrap_or(k);
                if let Some(m) = self.people.mention_ending_at(end) {
                    // "Ann Lee, 59, of Ashton, Md., said": a name after a preposition is a place.
                    let place = m.tokens.start > floor
                        && matches!(self.l(m.tokens.start - 1), "of" | "in" | "from" | "at" | "near");
                    if m.tokens.start >= floor
                        && !place
                        && (hops == 0 || self.starts_clause(m.tokens.start, floor))
                    {
                        return Some(self.person_source(m));
                    }
                }
                hops += 1;
                if hops > 3 || comma - k > 30 {
                    return None;
                }
                continue;
            }
            if matches!(self.kind(k), TokenKind::Punct) && matches!(self.tok(k), "." | ";" | ":") {
                return None;
            }
        }
        None
    }

    /// Whether the word at `k` ends its phrase: a comma, a full stop or a parenthesis follows
    /// ("In her home state, Clinton ..."), where a verb would go on to its object.
    fn ends_phrase(&self, k: usize) -> bool {
        k + 1 >= self.seg.tokens.len()
            || self.kind(k + 1) == TokenKind::Punct && matches!(self.tok(k + 1), "," | "." | ";" | ")" | ":")
    }

    /// Whether a determiner and one to three lowercase words without a plural ending come
    /// just before token `k`: "in her home state", "on a more conciliatory note". Only a
    /// noun stands there; a verb's subject would be a plural ("the officials state").
    fn after_adjectives(&self, k: usize) -> bool {
        let floor = self.sentence_range(k).start;
        let mut t = k;
        while t > floor && k - t < 3 {
            t -= 1;
            let w = self.l(t);
            if DETERMINERS.contains(&w) {
                return t + 1 < k;
            }
            let lowercase_word =
                self.kind(t) == TokenKind::Word && !self.tok(t).starts_with(char::is_uppercase);
            if !lowercase_word
                || w.ends_with('s')
                || NP_STOP.contains(&w)
                || matches!(w, "people" | "police" | "staff" | "public" | "media")
            {
                return false;
            }
        }
        false
    }

    /// Whether the word at `k`, a speech verb in form, is used as a noun ("one of the states",
    /// "made the following comment").
    fn noun_use(&self, k: usize) -> bool {
        if k == 0 {
            return false;
        }
        let w = self.l(k);
        if self.lex.speech_verb(w) == Some(w) && self.after_adjectives(k) && self.ends_phrase(k) {
            return true;
        }
        match self.l(k - 1) {
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "these" | "those"
            | "following" | "one" | "another" | "each" | "every" | "any" => true,
            // "Trump's remarks", but "he's said" (has said)
            "'s" | "’s" => !(k >= 2 && matches!(self.l(k - 2), "he" | "she" | "it" | "who" | "that")),
            // "acts of protest", but "accused of saying"
            "of" => !self.l(k).ends_with("ing"),
            // "Clinton restricted comments about ...", "issued statements": a plural after a
            // verb in the past is its object.
            prev => {
                prev.ends_with("ed")
                    && self.kind(k - 1) == TokenKind::Word
                    && self.l(k).ends_with('s')
                    && !self.l(k).ends_with("ss")
            }
        }
    }

    /// Whether a named person and a speech verb start at `i` ("Mr. Lee said", "Ann Ray also
    /// told").
    fn named_attribution_at(&self, i: usize) -> bool {
        let Some(m) = self.people.mention_starting_at(i) else {
            return false;
        };
        let mut k = m.tokens.end;
        while k < self.seg.tokens.len() && k < m.tokens.end + 3 && BETWEEN.contains(&self.l(k)) {
            k += 1;
        }
        k < self.seg.tokens.len()
            && self.kind(k) == TokenKind::Word
            && self.lex.speech_verb(self.l(k)).is_some()
            && !self.noun_use(k)
    }

    /// Whether a comma stands right before token `t`, not before `floor`, or closes a quotation
    /// that ends right before it (`"overblown," adding`).
    fn comma_before(&self, t: usize, floor: usize) -> bool {
        t > floor
            && (self.is_punct(t - 1, ",")
                || t > floor + 1 && self.kind(t - 1) == TokenKind::Quote && self.is_punct(t - 2, ","))
    }

    /// Whether a subject at token `i` begins its clause: at the sentence's start, or after a
    /// quotation it attributes (`"...," Smith, ...`).
    fn starts_clause(&self, i: usize, floor: usize) -> bool {
        i == floor
            || self.kind(i - 1) == TokenKind::Quote
            || i >= 2 && self.is_punct(i - 1, ",") && self.kind(i - 2) == TokenKind::Quote
    }

    /// The noun phrase that starts at token `start`, for inverted attributions ("said Putin")
    /// and "according to".
    fn subject_after(&self, start: usize, ceiling: usize) -> Option<Source> {
        if start >= ceiling {
            return None;
        }
        if let Some(m) = self.people.mention_starting_at(start) {
            if m.tokens.end <= ceiling {
                // "said Obama adviser David Axelrod": the last name is the head.
                let head = (m.tokens.end..(m.tokens.end + 5).min(ceiling))
                    .take_while(|&k| self.kind(k - 1) == TokenKind::Word)
                    .find_map(|k| self.people.mention_starting_at(k))
                    .filter(|h| h.tokens.end <= ceiling);
                return Some(match head {
                    Some(h) => Source {
                        tokens: start..h.tokens.end,
                        speaker: Some(h.person),
                    },
                    None => self.person_source(m),
                });
            }
        }
        let w = self.l(start);
        if PRONOUNS_SUBJECT.contains(&w) {
            return Some(Source {
                tokens: start..start + 1,
                speaker: None,
            });
        }
        let mut k = start;
        while k < ceiling && k - start < 8 {
            let w = self.l(k);
            let wordish = matches!(self.kind(k), TokenKind::Word | TokenKind::Number)
                || matches!(w, "-" | "&")
                || w == "/" && k > start && self.kind(k - 1) == TokenKind::Number;
            if !wordish || (k > start && (NP_STOP.contains(&w) || pre_content(w) && w != "the")) {
                break;
            }
            // "European Council President Donald Tusk", "organiser Lena Dahl": words before a
            // person describe that person.
            if k > start
                && (self.words_in(start..k) <= 3
                    || (start..k).all(|t| self.tok(t).starts_with(char::is_uppercase)))
            {
                if let Some(m) = self
                    .people
                    .mention_starting_at(k)
                    .filter(|m| m.tokens.end <= ceiling)
                {
                    return Some(Source {
                        tokens: start..m.tokens.end,
                        speaker: Some(m.person),
                    });
                }
            }
            k += 1;
        }
        if k == start {
            return None;
        }
        Some(Source {
            tokens: start..k,
            speaker: None,
        })
    }

    fn person_source(&self, m: &Mention) -> Source {
        Source {
            tokens: m.tokens.clone(),
            speaker: Some(m.person),
        }
    }

    /// Skips words that may stand between a subject and its verb, leftwards from `verb`:
    /// auxiliaries, adverbs, and time phrases ("Sanders on Tuesday said").
    fn skip_between_left(&self, verb: usize, floor: usize) -> usize {
        let mut j = verb;
        while j > floor {
            // "Prime Minister Theresa May said": a name's last word, whatever else it can be.
            if self.people.mention_ending_at(j).is_some() {
                break;
            }
            let w = self.l(j - 1);
            // "he's said": a contracted "has" after a pronoun.
            let has = matches!(w, "'s" | "’s") && j >= 2 && matches!(self.l(j - 2), "he" | "she" | "it");
            if BETWEEN.contains(&w)
                || has
                || w.len() > 4 && w.ends_with("ly") && self.kind(j - 1) == TokenKind::Word
            {
                j -= 1;
            } else if is_time_word(w)
                && j - 1 > floor
                && matches!(
                    self.l(j - 2),
                    "on" | "last" | "this" | "early" | "late" | "earlier" | "later" | "in"
                )
            {
                j -= 2;
            } else {
                break;
            }
        }
        j
    }

    // ----- cues -----

    /// Candidate cues: speech verbs and "according to", outside quotations.
    fn cues(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let n = self.seg.tokens.len();
        for i in 0..n {
            if self.kind(i) != TokenKind::Word || self.in_quote(i) {
                continue;
            }
            let w = self.l(i);
            if w == "according" && i + 1 < n && self.l(i + 1) == "to" {
                out.push(i..i + 2);
                continue;
            }
            let Some(base) = self.lex.speech_verb(w) else {
                continue;
            };
            // A capitalised verb inside a sentence is part of a name ("Secretary of State").
            let sentence_start = self.sentence_range(i).start;
            if i > sentence_start && self.tok(i).starts_with(char::is_uppercase) {
                continue;
            }
            // "to say": an infinitive is no report; "the said" is no verb.
            if i > 0 && self.l(i - 1) == "to" || self.noun_use(i) {
                continue;
            }
            // Passives ("was told", "is expected") report nothing of their subject; the
            // progressive ("is telling") does.
            if i > 0
                && matches!(
                    self.l(i - 1),
                    "was" | "were" | "been" | "being" | "is" | "are" | "be"
                )
                && !w.ends_with("ing")
            {
                continue;
            }
            // "called for a special prosecutor", "called on the president to act": a demand,
            // whose object is the content.
            if base == "call" && i + 1 < n && matches!(self.l(i + 1), "for" | "on") {
                out.push(i..i + 2);
                continue;
            }
            if self.lex.needs_quote(base) {
                let s = self.sentence_range(i);
                if !(i + 1..s.end).any(|t| self.kind(t) == TokenKind::Quote) {
                    continue;
                }
            }
            if WEAK_VERBS.contains(&base) {
                let next = if i + 1 < n { self.l(i + 1) } else { "" };
                if next == "to" && !INFINITIVE_VERBS.contains(&base) || next.is_empty() {
                    continue;
                }
            }
            out.push(i..i + 1);
        }
        self.drop_nouns(out)
    }

    /// Whether a finite verb (past, present, modal or auxiliary) follows token `c` in its
    /// sentence before a semicolon, within fifteen tokens.
    fn finite_verb_after(&self, c: usize, s1: usize) -> bool {
        (c + 1..s1.min(c + 16))
            .take_while(|&t| !self.is_punct(t, ";"))
            .any(|t| {
                matches!(
                    self.pos.get(t),
                    Some(Pos::VerbPast | Pos::VerbPresent | Pos::Modal)
                ) || AUXILIARIES.contains(&self.l(t))
            })
    }

    /// Tags the parts of speech of the sentences that hold a verb of the lexicon (the only
    /// ones the rules read them in), for [`Finder::pos`].
    fn tag_parts_of_speech(&mut self) {
        let mut wanted = vec![false; self.seg.sentences.len()];
        for (t, w) in self.lower.iter().enumerate() {
            if self.lex.speech_verb(w).is_some() {
                wanted[self.sentence_of[t]] = true;
            }
        }
        self.pos = Tagger::builtin().pos_some(self.text, self.seg, self.lower, self.people, &wanted);
    }

    /// Drops the cues the part-of-speech tagger reads as nouns. Only a verb's bare form and
    /// its form in "-s" can be nouns ("five states", "his recent remarks", "at one point"); a
    /// determiner just before is caught by [`Finder::noun_use`] without the tagger, the rest
    /// need it, as the words around them alone cannot tell "swing states" from "the report
    /// states".
    fn drop_nouns(&self, cues: Vec<std::ops::Range<usize>>) -> Vec<std::ops::Range<usize>> {
        let ambiguous = |c: &std::ops::Range<usize>| {
            let w = self.l(c.start);
            let base = self.base(c);
            c.len() == 1
                && base != "say"
                && (w == base || w.strip_suffix('s') == Some(base) || w.strip_suffix("es") == Some(base))
        };
        let pos = &self.pos;
        // After a name or a pronoun, or before "that", a colon or a quotation, the word is a
        // verb whatever the tagger reads ("Byrne states that ...", "the report states: ...").
        let verb_by_place = |c: &std::ops::Range<usize>| {
            let i = c.start;
            let after_subject = i > 0
                && (self.people.mention_ending_at(i).is_some()
                    || personal_subject(self.l(i - 1))
                    || self.l(i - 1) == "it");
            let before_content = i + 1 < self.seg.tokens.len()
                && (self.l(i + 1) == "that"
                    || self.is_punct(i + 1, ":")
                    || self.kind(i + 1) == TokenKind::Quote);
            after_subject || before_content
        };
        cues.into_iter()
            .filter(|c| !(ambiguous(c) && pos.get(c.start) == Some(&Pos::Noun) && !verb_by_place(c)))
            .collect()
    }

    fn base(&self, cue: &std::ops::Range<usize>) -> &'static str {
        self.lex.speech_verb(self.l(cue.start)).unwrap_or("according")
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

    /// The pending resolution a source needs, if it is a pronoun or a title reference.
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
                return Some(Pending::Title(last));
            }
        }
        None
    }

    fn found(
        &self,
        source: Option<Source>,
        cue: Option<std::ops::Range<usize>>,
        content: std::ops::Range<usize>,
        direct: bool,
    ) -> Found {
        let pending = source.as_ref().and_then(|s| self.pending_for(s));
        Found {
            source,
            cue,
            content,
            direct,
            pending,
        }
    }

    // ----- pass 1: quotations with their attribution beside them -----

    fn quote_attributions(&mut self) {
        let n = self.seg.tokens.len();
        let mut q = 0;
        while q < self.quotes.len() {
            let last = self.quote_chain_end(q);
            let quote = self.quotes[last].clone();
            let first = self.quotes[q].clone();
            let content = first.inner().start..quote.inner().end;
            let after = quote.outer().end;
            // `"...," Putin said` / `"...," said Putin` / `"...", he said`
            let mut done = false;
            let comma_after = after < n && self.is_punct(after, ",");
            if quote.closed
                && after < n
                && (self.ends_with_comma_like(quote.close) || comma_after)
                && self.paragraph_of(after) == self.paragraph_of(quote.close)
            {
                let start = if comma_after { after + 1 } else { after };
                let s0 = self.sentence_range(first.open).start;
                let opens_sentence = self.only_punct(s0, first.open);
                if let Some((source, cue, end)) = self.attribution_at(start, opens_sentence) {
                    // `"...," he said, "..."`: the quotation goes on after the attribution.
                    let mut content = content.clone();
                    let mut q2 = last;
                    if let Some(k) = self.resumed_quote(end) {
                        q2 = self.quote_chain_end(k);
                        content.end = self.quotes[q2].inner().end;
                    }
                    // `Not paying taxes "makes me smart," he said.`: words of the sentence
                    // before the quotation are part of what was said.
                    let lead_in = first.open > s0
                        && (s0..first.open).all(|t| {
                            !self.claimed[t]
                                && self.quote_of[t].is_none()
                                && self.lex.speech_verb(self.l(t)).is_none()
                        })
                        && self.words_in(s0..first.open) >= 2;
                    let (content, direct) = if lead_in {
                        (s0..content.end, false)
                    } else {
                        (content, true)
                    };
                    let f = self.found(Some(source), Some(cue), content, direct);
                    self.accept(f);
                    done = true;
                    q = q2 + 1;
                }
            }
            // `"..." ― Jane Doe`: a reader's comment signed with a dash at the end of its paragraph.
            if !done
                && quote.closed
                && after + 1 < n
                && matches!(self.tok(after), "―" | "—" | "–" | "-" | "--")
            {
                if let Some(m) = self.people.mention_starting_at(after + 1) {
                    let line_end = self.sentence_range(m.tokens.end - 1).end;
                    if self.only_punct(m.tokens.end, line_end) {
                        let source = self.person_source(m);
                        let f = self.found(Some(source), Some(after..after + 1), content.clone(), true);
                        self.accept(f);
                        done = true;
                        q = last + 1;
                    }
                }
            }
            if done {
                continue;
            }
            // `Putin said: "..."` / `Putin said, "..."` / `Putin said "..."`
            let open = first.open;
            if open > 0 {
                let mut c = open;
                if c > 0 && (self.is_punct(c - 1, ",") || self.is_punct(c - 1, ":")) {
                    c -= 1;
                }
                // "Limbaugh continued:", "Sanders made the following comment:"
                let colon_cue = self.is_punct(c, ":") && c > 0 && self.kind(c - 1) == TokenKind::Word;
                if colon_cue && (self.lex.speech_verb(self.l(c - 1)).is_none() || self.noun_use(c - 1)) {
                    let floor = self.sentence_range(c).start;
                    if let Some((source, cue, _)) = self
                        .attribution_at(floor, false)
                        .filter(|(s, _, _)| s.speaker.is_some() || s.tokens.len() == 1)
                    {
                        if cue.start < c {
                            // An attribution earlier in the sentence already names the cue.
                            let f = self.found(Some(source), Some(cue), content.clone(), true);
                            self.accept(f);
                            q = last + 1;
                            continue;
                        }
                    }
                    // The subject starts the sentence or follows a phrase set off by a comma
                    // ("On July 6, Sanders made the following comment:").
                    let subject = (floor..c)
                        .filter(|&t| t == floor || self.is_punct(t - 1, ","))
                        .filter_map(|t| self.people.mention_starting_at(t))
                        .find(|m| m.tokens.end + 5 >= c && !self.in_quote(m.tokens.start));
                    if let Some(m) = subject {
                        let source = self.person_source(m);
                        let f = self.found(Some(source), Some(m.tokens.end..c), content.clone(), true);
                        self.accept(f);
                        q = last + 1;
                        continue;
                    }
                }
                // "Said Ellis: "..."", "Added Ellis, "..."": the verb opens the sentence and
                // the speaker follows it.
                let floor = self.sentence_range(c).start;
                if c > floor {
                    let inverted = self.people.mention_ending_at(c).filter(|m| {
                        m.tokens.start == floor + 1 && self.lex.speech_verb(self.l(floor)).is_some()
                    });
                    if let Some(m) = inverted {
                        let source = self.person_source(m);
                        let f = self.found(Some(source), Some(floor..floor + 1), content, true);
                        self.accept(f);
                        q = last + 1;
                        continue;
                    }
                }
                if c > 0
                    && !self.in_quote(c - 1)
                    && self.lex.speech_verb(self.l(c - 1)).is_some()
                    && !self.noun_use(c - 1)
                {
                    let verb = c - 1;
                    let floor = self.sentence_range(verb).start;
                    let j = self.skip_between_left(verb, floor);
                    let source = if self.l(verb).ends_with("ing") {
                        self.sentence_subject(floor, verb)
                    } else {
                        self.subject_before(j, floor)
                    };
                    if let Some(source) = source {
                        // Only when the quotation is the whole rest of the sentence;
                        // otherwise it is part of reported speech, handled below.
                        let sentence_end = self.sentence_range(quote.close.min(n - 1)).end;
                        let rest = quote.outer().end;
                        if rest >= sentence_end
                            || self.only_punct(rest, sentence_end)
                            || first.open + 1 < quote.close && !quote.closed
                        {
                            let naming = self.lex.needs_quote(self.base(&(verb..verb + 1)));
                            let lead = self
                                .lead_in_subject(floor, &source, first.open)
                                .filter(|_| !naming);
                            let (content, direct) = match lead {
                                Some(lead) => (lead..content.end, false),
                                None => (content, true),
                            };
                            let f = self.found(Some(source), Some(verb..verb + 1), content, direct);
                            self.accept(f);
                        }
                    }
                }
            }
            q = last + 1;
        }
    }

    /// The start of the words before `, X said, "..."` that begin the sentence the quotation
    /// finishes: "An economic downturn, he said, "could be a good time to borrow."" The
    /// quotation opens in lowercase, so it goes on a sentence; a phrase that only sets the
    /// scene ("Still,", "In the United States,", "Asked about it,") stays out.
    fn lead_in_subject(&self, floor: usize, source: &Source, open: usize) -> Option<usize> {
        let start = source.tokens.start;
        // Lowercase, and no conjunction: "but people need to connect" is a clause of its own.
        let continues = self.seg.tokens.get(open + 1).is_some_and(|t| {
            t.kind == TokenKind::Word
                && self.tok(open + 1).starts_with(char::is_lowercase)
                && !matches!(self.l(open + 1), "but" | "and" | "or" | "so" | "yet")
        });
        if !continues || start <= floor + 2 || !self.is_punct(start - 1, ",") {
            return None;
        }
        let lead = floor..start - 1;
        let scene = SCENE_OPENERS.contains(&self.l(floor))
            || matches!(
                self.pos.get(floor),
                Some(Pos::VerbGerund | Pos::VerbParticiple | Pos::Adv)
            );
        let plain = lead.clone().all(|t| {
            !self.claimed[t]
                && self.quote_of[t].is_none()
                && (self.lex.speech_verb(self.l(t)).is_none() || self.noun_use(t))
        });
        // "..., and coincidentally, he said,", "including, he said,": an adverb or a
        // preposition just before the attribution leaves the lead-in unfinished.
        let open_end = matches!(
            self.pos.get(start - 2),
            Some(Pos::Adv | Pos::Prep | Pos::Conj | Pos::VerbGerund)
        );
        (!scene && !open_end && plain && self.words_in(lead) >= 2).then_some(floor)
    }

    /// The quotation that resumes after an attribution ending at `from`: at an opening mark
    /// after a comma or colon in the same sentence, past at most a short phrase of
    /// circumstance (`"...," Tester said, referring to the rule, "..."`).
    fn resumed_quote(&self, from: usize) -> Option<usize> {
        let n = self.seg.tokens.len();
        if from >= n {
            return None;
        }
        let sentence_end = self.sentence_range(from).end;
        let mut k = from;
        while k < sentence_end && k < from + 16 {
            if self.kind(k) == TokenKind::Quote {
                let after_comma = k > 0 && (self.is_punct(k - 1, ",") || self.is_punct(k - 1, ":"));
                // `"...," Jordan said, and still "..."`: a conjunction after the comma.
                let joined = (from..k).any(|t| self.is_punct(t, ","))
                    && (from..k).all(|t| {
                        self.kind(t) == TokenKind::Punct
                            || matches!(self.l(t), "and" | "but" | "still" | "yet" | "then" | "also")
                    });
                return self.quote_of[k].filter(|&q| (after_comma || joined) && self.quotes[q].open == k);
            }
            if matches!(self.tok(k), "." | ";" | "?" | "!") || self.lex.speech_verb(self.l(k)).is_some() {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whether the quotation closing at `close` ends its words with a comma, question mark,
    /// exclamation mark or dash: the mark of a quotation an attribution follows.
    fn ends_with_comma_like(&self, close: usize) -> bool {
        let mut k = close;
        // Over the closing marks of quotations inside it (`... people,’”`).
        while k > 0 && close - k < 3 && self.kind(k - 1) == TokenKind::Quote {
            k -= 1;
        }
        k > 0 && matches!(self.tok(k - 1), "," | "?" | "!" | "—" | "--" | "-" | "…" | "...")
    }

    fn only_punct(&self, from: usize, to: usize) -> bool {
        (from..to).all(|t| matches!(self.kind(t), TokenKind::Punct | TokenKind::Quote))
    }

    /// An attribution starting at token `i`: `Putin said`, `said Putin`, `he added`.
    /// Returns the source, the cue and the token after them (and after any phrase such as
    /// "in an interview" that closes the attribution). `after_opening_quote`: the
    /// attribution follows a quotation that opens its sentence.
    fn attribution_at(
        &self,
        i: usize,
        after_opening_quote: bool,
    ) -> Option<(Source, std::ops::Range<usize>, usize)> {
        let n = self.seg.tokens.len();
        if i >= n {
            return None;
        }
        let sentence = self.sentence_range(i);
        let ceiling = sentence.end;
        // `said Putin`; a participle is never inverted ("adding that ..."), nor a verb whose
        // object is its hearer ("told The Post").
        if self
            .lex
            .speech_verb(self.l(i))
            .is_some_and(|b| !HEARER_VERBS.contains(&b))
            && !self.l(i).ends_with("ing")
        {
            let s = self.subject_after(i + 1, ceiling)?;
            let end = self.attribution_tail(s.tokens.end, ceiling);
            return Some((s, i..i + 1, end));
        }
        // `Putin said`, `Putin, the president, said`, `he later told reporters`
        let mut k = i;
        while k < ceiling && k < i + 30 {
            if self.lex.speech_verb(self.l(k)).is_some()
                && self.kind(k) == TokenKind::Word
                && !self.noun_use(k)
            {
                break;
            }
            if self.is_punct(k, "(") {
                // "Rep. Gwen Moore (D-Wis.) said": skip the parenthesis.
                let open = k;
                while k < ceiling && k < open + 12 && !self.is_punct(k, ")") {
                    k += 1;
                }
                k += 1;
                continue;
            }
            if self.kind(k) == TokenKind::Quote || matches!(self.tok(k), "." | ";" | "?" | "!") {
                return None;
            }
            k += 1;
        }
        if k >= ceiling
            || k >= i + 30
            || self.kind(k) != TokenKind::Word
            || self.lex.speech_verb(self.l(k)).is_none()
            || self.noun_use(k)
        {
            return None;
        }
        let j = self.skip_between_left(k, i);
        let mut s = self.subject_before(j, i)?;
        if s.tokens.start != i {
            // "Trump lawyer Marc Kasowitz said": words before the name describe the person.
            let modifiers = i..s.tokens.start;
            // `"...," the harbor's chief engineer, Tom Walsh, said`: or a description set off
            // by a comma before the name, which the name's own comma closes.
            let described = modifiers.len() > 2
                && modifiers.len() <= 8
                && self.is_punct(s.tokens.start - 1, ",")
                && self.is_punct(s.tokens.end, ",")
                && (i..s.tokens.start - 1).all(|t| self.kind(t) == TokenKind::Word);
            if s.speaker.is_none()
                || !described
                    && (modifiers.len() > 4 || modifiers.clone().any(|t| self.kind(t) != TokenKind::Word))
            {
                return None;
            }
            s.tokens.start = i;
        }
        let end = self.attribution_tail(k + 1, ceiling);
        // `..., "Face the Nation," Paul Ryan said the ...`: a verb with content of its own
        // is not the quotation's attribution.
        let runs_on = end < ceiling && !matches!(self.kind(end), TokenKind::Punct | TokenKind::Quote);
        let object_verb = OBJECT_VERBS.contains(&self.base(&(k..k + 1)));
        // Words after the verb that begin a clause of its own: a "that", a subject pronoun, a
        // finite auxiliary, a quotation, or an infinitive after an object ("urged voters to").
        let clause_word = |t: usize| {
            let w = self.l(t);
            self.kind(t) == TokenKind::Quote
                || w == "that"
                || personal_subject(w)
                || AUXILIARIES.contains(&w)
                || w == "to" && object_verb
        };
        let mut t0 = k + 1;
        if t0 < end && object_verb {
            t0 = self.skip_object(t0, end).min(end);
            // `"...," Ms. Wahl told the station's Friday audience.`: after the quotation a
            // noun phrase to the end is the audience, unless a clause or infinitive is in it.
            let audience = t0 < end
                && NP_START.contains(&self.l(t0))
                && end - t0 <= 6
                && (t0..end).all(|t| {
                    (self.kind(t) == TokenKind::Word || matches!(self.tok(t), "'s" | "’s")) && !clause_word(t)
                });
            if audience {
                t0 = end;
            }
        }
        let named = (t0..end).all(|t| self.tok(t).starts_with(char::is_uppercase));
        let clause =
            t0 < end && (self.l(t0) == "that" || !pre_content(self.l(t0)) && !named && end - t0 >= 3);
        // "told reporters after the meeting that was held ...": a long phrase of where or when
        // is still no content of the verb's own.
        let circumstance = t0 < end && pre_content(self.l(t0)) && self.l(t0) != "that";
        if clause || runs_on && !circumstance {
            // `"...," Trump told CNN's Jake Tapper.`, `"...," she said onstage Tuesday night.`:
            // when the quotation opens the sentence it is what the verb reports, and the words
            // after the verb are its audience, time or manner, unless they hold a clause of
            // their own.
            let last = self.content_end(k + 1, ceiling);
            let own_clause = (k + 1..last).any(clause_word);
            // A capitalized "Hope" or "Will" inside the sentence is a name, not the verb.
            let verb = !self.tok(k).starts_with(char::is_uppercase);
            if after_opening_quote && verb && !own_clause && last - (k + 1) <= 2 * MAX_TAIL {
                return Some((s, k..k + 1, last));
            }
            return None;
        }
        Some((s, k..k + 1, end))
    }

    /// The end of what follows an attribution's cue up to a comma, colon or the sentence's
    /// end ("in an interview broadcast Wednesday"), without crossing a quotation.
    fn attribution_tail(&self, from: usize, ceiling: usize) -> usize {
        let mut k = from;
        // Such phrases are short; a longer run is a clause of its own.
        while k < ceiling && k < from + MAX_TAIL {
            if self.kind(k) == TokenKind::Quote || matches!(self.tok(k), "," | ":" | "." | ";" | "?" | "!") {
                break;
            }
            k += 1;
        }
        k
    }

    // ----- pass 2: attributions that close a sentence -----

    fn closing_attributions(&mut self, cues: &[std::ops::Range<usize>]) {
        for cue in cues {
            if self.is_claimed(cue.clone()) {
                continue;
            }
            let sentence = self.sentence_range(cue.start);
            let (s0, s1) = (sentence.start, sentence.end);
            let last = self.content_end(s0, s1);
            if self.base(cue) == "according" {
                // `..., according to X.` / `According to X, ...`
                let Some(source) = self.subject_after(cue.end, s1) else {
                    continue;
                };
                let tail = self.attribution_tail(source.tokens.end, s1);
                if cue.start > s0 && self.is_punct(cue.start - 1, ",") && tail >= last {
                    let content = s0..cue.start - 1;
                    if self.words_in(content.clone()) >= 2 {
                        let f = self.found(Some(source), Some(cue.clone()), content, false);
                        self.accept(f);
                    }
                } else if cue.start == s0 && tail < s1 && self.is_punct(tail, ",") {
                    let content = tail + 1..self.through_quote(tail + 1, last);
                    if self.words_in(content.clone()) >= 2 {
                        let direct = self.quote_of[content.start]
                            .is_some_and(|q| self.quotes[self.quote_chain_end(q)].inner().end == content.end);
                        let content = if direct {
                            content.start + 1..content.end
                        } else {
                            content
                        };
                        let f = self.found(Some(source), Some(cue.clone()), content, direct);
                        self.accept(f);
                    }
                }
                continue;
            }
            let verb = cue.start;
            // `..., said Putin.`, unless the comma closes an appositive of a subject before
            // it ("Megan Hale, a teacher, said parents ...").
            let appositive = verb > s0
                && self
                    .appositive_subject(verb - 1, s0)
                    .is_some_and(|s| s.speaker.is_some());
            // A verb whose object is its hearer is never inverted: in `"...," Ann Roe, a
            // director, told The Post.` the paper is no source.
            let hearer_after = HEARER_VERBS.contains(&self.base(cue));
            if verb > s0
                && self.is_punct(verb - 1, ",")
                && !appositive
                && !hearer_after
                && !self.l(verb).ends_with("ing")
            {
                if let Some(source) = self.subject_after(verb + 1, s1) {
                    let tail = self.attribution_tail(source.tokens.end, s1);
                    let fits = self.circumstantial(source.tokens.end, tail.min(last))
                        && (tail >= last
                            || self.is_punct(tail, ",") && self.appositive_to_end(tail, last, true));
                    if fits {
                        let content = s0..verb - 1;
                        if self.words_in(content.clone()) >= 3 && !self.is_claimed(content.clone()) {
                            let f = self.found(Some(source), Some(cue.clone()), content, false);
                            self.accept(f);
                        }
                        continue;
                    }
                }
            }
            // `..., officials said.` / `..., Putin said in an interview.`
            let j = self.skip_between_left(verb, s0);
            let Some(source) = self.subject_before(j, s0) else {
                continue;
            };
            let before = source.tokens.start;
            if before <= s0 || !self.is_punct(before - 1, ",") {
                continue;
            }
            // "..., Graham told The Huffington Post on Thursday.": past the object first.
            let after = if OBJECT_VERBS.contains(&self.base(cue)) && verb + 1 < last {
                self.skip_object(verb + 1, s1).min(s1)
            } else {
                verb + 1
            };
            let tail = self.attribution_tail(after, s1);
            if !self.circumstantial(after, tail)
                || tail < last && !(self.is_punct(tail, ",") && self.appositive_to_end(tail, last, false))
            {
                continue;
            }
            let content = s0..before - 1;
            if self.words_in(content.clone()) >= 3 && !self.is_claimed(content.clone()) {
                let f = self.found(Some(source), Some(cue.clone()), content, false);
                self.accept(f);
            }
        }
    }

    /// Whether the words from `from` to `to` only say where or when something was said
    /// ("in an interview on Monday"), not what.
    fn circumstantial(&self, from: usize, to: usize) -> bool {
        from >= to
            || to - from <= MAX_TAIL
                && pre_content(self.l(from))
                && self.l(from) != "to"
                && !(from..to).any(|t| self.l(t) == "that")
    }

    /// `..., said Smith, a spokesman for the campaign.`: what follows the comma at `comma`
    /// describes the source and runs to the end of the sentence. After an inverted
    /// attribution (`said Smith,`) a relative clause may close the description ("a longtime
    /// adviser to the family who oversees its campaign"): the sentence's content has ended,
    /// so only the words before the clause must have no verb.
    fn appositive_to_end(&self, comma: usize, last: usize, inverted: bool) -> bool {
        let next = comma + 1;
        if next >= last {
            return false;
        }
        match self.l(next) {
            "who" | "which" | "adding" | "referring" | "citing" => true,
            // "..., Smith said, a majority of voters have come to believe ...": a noun phrase
            // with a verb of its own, or a quotation, is the content going on.
            "and" | "but" | "or" | "so" | "then" | "because" | "if" | "when" | "while" => false,
            // "..., said Ann Lee, executive director of the fund." A phrase of a few words
            // with no verb of its own and no quotation.
            _ => {
                let relative = |t: usize| matches!(self.l(t), "who" | "which" | "that");
                let phrase_end = if inverted {
                    (next + 2..last).find(|&t| relative(t) && self.kind(t - 1) == TokenKind::Word)
                } else {
                    None
                };
                let end = phrase_end.unwrap_or(last);
                end - next <= 16
                    && last - next <= 40
                    && !(next..last).any(|t| self.kind(t) == TokenKind::Quote)
                    && !(next..end).any(|t| {
                        relative(t)
                            || AUXILIARIES.contains(&self.l(t))
                            || self.lex.speech_verb(self.l(t)).is_some() && !self.noun_use(t)
                    })
            }
        }
    }

    /// The last content token of a sentence (exclusive): before its final punctuation.
    fn content_end(&self, s0: usize, s1: usize) -> usize {
        let mut e = s1;
        while e > s0
            && matches!(self.kind(e - 1), TokenKind::Punct)
            && matches!(self.tok(e - 1), "." | "!" | "?" | ";" | ":" | "," | "...")
        {
            e -= 1;
        }
        e
    }

    fn words_in(&self, r: std::ops::Range<usize>) -> usize {
        r.filter(|&t| matches!(self.kind(t), TokenKind::Word | TokenKind::Number))
            .count()
    }

    // ----- pass 3: reported speech with the cue first -----

    fn leading_attributions(&mut self, cues: &[std::ops::Range<usize>]) {
        for cue in cues {
            if self.is_claimed(cue.clone()) {
                continue;
            }
            let base = self.base(cue);
            if base == "according" {
                continue;
            }
            let verb = cue.start;
            let sentence = self.sentence_range(verb);
            let (s0, s1) = (sentence.start, sentence.end);
            // The subject: before the verb, or the sentence's subject for "..., saying ...".
            let source = if self.l(verb).ends_with("ing") {
                if self.comma_before(verb, s0) {
                    self.sentence_subject(s0, verb)
                } else if verb > s0 && matches!(self.l(verb - 1), "is" | "was" | "are" | "were" | "been") {
                    // "Trump is telling veterans that ..."
                    let j = self.skip_between_left(verb - 1, s0);
                    self.subject_before(j, s0)
                } else {
                    None
                }
            } else {
                let j = self.skip_between_left(verb, s0);
                if j > s0 && matches!(self.l(j - 1), "and" | "but") {
                    // "Trump is telling veterans ... and says he will ...": the first verb's subject.
                    self.sentence_subject(s0, verb)
                } else {
                    self.subject_before(j, s0)
                }
            };
            let Some(source) = source else { continue };
            // "the campaign calls for ...": a noun as often as a verb, so only a person's.
            if cue.len() == 2 && source.speaker.is_none() && self.pending_for(&source).is_none() {
                continue;
            }
            // Words another statement took are no source, unless they are that statement's
            // own source ("he said, noting ...").
            let shared = self
                .accepted_sources
                .contains(&(source.tokens.start, source.tokens.end));
            if self.is_claimed(source.tokens.clone()) && source.speaker.is_none() && !shared {
                continue;
            }
            // Where the content starts.
            let mut c = cue.end;
            if c >= s1 {
                continue;
            }
            // "urged Congress to act": what a request asks for is its object doing something,
            // so the object stays in the content; the hearer of "told him to" does not.
            let mut requested = false;
            if OBJECT_VERBS.contains(&base) {
                let object = c;
                c = self.skip_object(c, s1);
                if matches!(base, "urge" | "ask")
                    && c > object
                    && c + 1 < s1
                    && self.l(c) == "to"
                    && self.kind(c + 1) == TokenKind::Word
                {
                    c = object;
                    requested = true;
                }
            }
            if let Some(q) = self.quote_after_phrase(c, s1) {
                c = q;
            }
            // "declined to comment": the infinitive is the content.
            let infinitive = INFINITIVE_VERBS.contains(&base) && c < s1 && self.l(c) == "to" || requested;
            if c < s1 && pre_content(self.l(c)) && self.kind(c) == TokenKind::Word && !infinitive {
                // "said on Monday that ...": find the "that".
                let mut k = c;
                // After a preposition any short phrase may come ("through an interpreter").
                let prepositional = PREPOSITIONS.contains(&self.l(c)) || self.l(c) == "through";
                while k < s1 && k < c + 10 && self.l(k) != "that" {
                    let w = self.l(k);
                    if k > c && self.determiner_out_of_place(k) {
                        break;
                    }
                    let fits = prepositional && k < c + 6 && self.kind(k) == TokenKind::Word
                        || pre_content(w)
                        || BEFORE_THAT.contains(&w)
                        || self.kind(k) == TokenKind::Number
                        || self.kind(k) == TokenKind::Word && self.tok(k).starts_with(char::is_uppercase);
                    if !fits {
                        break;
                    }
                    k += 1;
                }
                if k >= s1 || self.l(k) != "that" {
                    k = self.that_after_circumstance(c, s1).unwrap_or(k);
                }
                if k < s1 && self.l(k) == "that" {
                    c = k;
                } else if PREPOSITIONS.contains(&self.l(c))
                    && !OBJECT_VERBS.contains(&base)
                    && !(c + 1 < s1 && self.kind(c + 1) == TokenKind::Number)
                {
                    continue;
                }
            }
            if c < s1 && (self.l(c) == "that" || self.is_punct(c, ":") || self.is_punct(c, ",")) {
                c += 1;
            }
            if c >= s1 {
                continue;
            }
            // "thinks the economy is weak" is a clause; "held a 214-delegate advantage" and
            // "maintains a commanding lock" are objects, with no verb of their own. Verbs of
            // thought and state report only clauses; the other weak verbs' objects may be
            // what was said ("proposed a tax", "expressed their fear").
            let object_np = || {
                STATIVE_VERBS.contains(&base)
                    && DETERMINERS.contains(&self.l(c))
                    && !self.finite_verb_after(c, s1)
            };
            if WEAK_VERBS.contains(&base)
                && c == verb + 1
                && (!self.clause_start(c) || object_np())
                && !OBJECT_CONTENT.contains(&base)
                && !infinitive
            {
                continue;
            }
            // Where it ends: the sentence's end, or a later statement already found, or the
            // end of a quotation that began in it and runs on.
            let mut end = self.content_end(s0, s1);
            // A new clause after ", but" or ";" is the writer's, not the speaker's, and so is
            // a second report by the same subject ("... and says ...").
            if let Some(k) = (c + 2..end).find(|&t| {
                !self.in_quote(t)
                    && (self.is_punct(t, ";")
                        // ", but would not ...", ", but on a wider scale": the speaker's
                        // clause goes on; only a new subject begins the writer's.
                        || self.is_punct(t, ",")
                            && t + 2 < end
                            && matches!(self.l(t + 1), "but" | "though" | "although")
                            && self.clause_start(t + 2)
                        // `... a gun," but he said ...`, "..., and he urged ...": a second
                        // attribution, whose content is its own.
                        || matches!(self.l(t), "and" | "but") && self.reports_after(t + 1, end)
                        // "..., adding that ...": a second report by the same subject (the
                        // comma may close a quotation: `"overblown," adding`).
                        || self.l(t).ends_with("ing")
                            && self.lex.speech_verb(self.l(t)).is_some()
                            && self.comma_before(t, c)
                        || matches!(self.l(t), "and" | "but")
                            && t + 1 < end
                            && self
                                .lex
                                .speech_verb(self.l(t + 1))
                                .is_some_and(|b| !WEAK_VERBS.contains(&b) || self.l(t + 1).ends_with("ed"))
                            && self.tok(t + 1).starts_with(char::is_lowercase))
            }) {
                end = k;
            }
            // "described Clinton as a disgrace after she attacked the police": the object of a
            // verb of judgement ends where a clause of circumstance begins.
            let judges = OBJECT_CONTENT.contains(&base) || matches!(base, "describe" | "call");
            if judges && c == verb + 1 && self.l(c) != "that" && self.quote_of[c].is_none() {
                if let Some(k) = (c + 2..end).find(|&t| {
                    !self.in_quote(t)
                        && matches!(
                            self.l(t),
                            "after" | "before" | "when" | "while" | "until" | "during"
                        )
                }) {
                    end = k;
                    while end > c && matches!(self.tok(end - 1), "," | "—" | "-" | ";") {
                        end -= 1;
                    }
                }
            }
            // "Back when he wrote his book, Mr. Lee said that ...": a named speaker's own
            // attribution after a comma ends the content, which must then say something.
            let mut short_ok = true;
            if let Some(k) = (c + 1..end)
                .find(|&k| !self.in_quote(k) && self.is_punct(k, ",") && self.named_attribution_at(k + 1))
            {
                end = k;
                short_ok = false;
            }
            if let Some(k) = (c..end).find(|&t| self.claimed[t]) {
                end = k;
                while end > c && matches!(self.tok(end - 1), "," | "—" | "-" | ";") {
                    end -= 1;
                }
            }
            if !short_ok && self.words_in(c..end) < 4 {
                continue;
            }
            end = self.through_quote(c, end);
            if end <= c
                || self.words_in(c..end) < 2
                || (end - c <= MAX_TAIL / 2 && self.circumstantial(c, end))
                    && self.l(c) != "that"
                    && c == verb + 1
            {
                continue;
            }
            let quoted = self.quote_of[c]
                .filter(|&q| self.quotes[q].open == c)
                .map(|q| &self.quotes[self.quote_chain_end(q)])
                .filter(|last| last.outer().end >= end);
            let direct = quoted.is_some();
            let mut content = match quoted {
                Some(last) => c + 1..end.min(last.inner().end),
                None => c..end,
            };
            // "Acts of protest, Mr. Obama said, are acts of patriotism": the attribution
            // interrupts a content that starts with the sentence.
            let before = source.tokens.start;
            let interrupts = c == verb + 2
                && self.is_punct(verb + 1, ",")
                && before > s0 + 1
                && self.is_punct(before - 1, ",")
                && !self.is_claimed(s0..before)
                && self.quote_of[s0].is_none()
                // "During his years in office, Mr. Obama said, ...": a phrase of when or where
                // before the attribution is the writer's; a subject or a condition is said.
                && !matches!(
                    self.l(s0),
                    "during" | "in" | "at" | "on" | "after" | "before" | "since" | "over" | "throughout"
                );
            if interrupts && !direct {
                content.start = s0;
            }
            let f = self.found(Some(source), Some(cue.clone()), content, direct);
            self.accept(f);
        }
    }

    /// The "that" after a phrase of where, when or how a cue was said, from `c` on: "on
    /// Monday that", "during a visit to Scotland on Friday that", "Thursday during taping of
    /// a town hall in Buffalo, New York, that". The phrase is prepositional: a determiner
    /// only follows a preposition, so "on Monday the plan that he backed ..." is a clause
    /// with a relative "that" of its own; and a "that" before no clause is relative too
    /// ("in a statement that was released").
    fn that_after_circumstance(&self, c: usize, s1: usize) -> Option<usize> {
        for k in c..s1.min(c + 18) {
            let w = self.l(k);
            if w == "that" {
                let clause = k + 1 < s1 && self.clause_start(k + 1) && !is_be(self.l(k + 1));
                return (k > c && clause).then_some(k);
            }
            let fits = match self.kind(k) {
                TokenKind::Number | TokenKind::Quote => true,
                TokenKind::Punct => matches!(self.tok(k), "," | "-" | "(" | ")"),
                TokenKind::Word => {
                    !AUXILIARIES.contains(&w)
                        && !is_be(w)
                        && (k == c || !self.determiner_out_of_place(k))
                        && (k == c
                            || self.lex.speech_verb(w).is_none()
                            || self.tok(k).starts_with(char::is_uppercase))
                }
            };
            if !fits {
                return None;
            }
        }
        None
    }

    /// A determiner that follows no preposition: in a phrase of where or when after a cue
    /// ("on Monday the plan ..."), it starts a noun phrase of the content.
    fn determiner_out_of_place(&self, k: usize) -> bool {
        matches!(
            self.l(k),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "our"
        ) && !(PREPOSITIONS.contains(&self.l(k - 1))
            || matches!(
                self.l(k - 1),
                "during" | "through" | "via" | "after" | "before" | "amid"
            ))
    }

    /// Where a content from `c` to `end` ends when a quotation it opens runs on past `end`,
    /// past the sentence: at the quotation's end (at its start, or after a lead-in:
    /// `suggesting questions, including, "Why ...? Who ...?"`).
    fn through_quote(&self, c: usize, end: usize) -> usize {
        let opened = if end > c { self.quote_of[end - 1] } else { None };
        let Some(q) = self.quote_of[c].or(opened).filter(|&q| self.quotes[q].open >= c) else {
            return end;
        };
        let qe = self.quotes[self.quote_chain_end(q)].inner().end;
        if qe > end && !self.is_claimed(end..qe) {
            qe
        } else {
            end
        }
    }

    /// `said during a hearing in Phoenix, "..."`, `said matter-of-factly: "..."`: the opening
    /// mark of a quotation after a short phrase and a comma or colon, from `c` on.
    fn quote_after_phrase(&self, c: usize, s1: usize) -> Option<usize> {
        for k in c..s1.min(c + 14) {
            if self.kind(k) == TokenKind::Quote {
                let after_mark = k > c && (self.is_punct(k - 1, ",") || self.is_punct(k - 1, ":"));
                return self.quote_of[k]
                    .filter(|&q| after_mark && self.quotes[q].open == k)
                    .map(|_| k);
            }
            // `said she has the quality a president needs: "..."`: a clause of its own
            // leads in to the quotation, and is said too.
            if self.l(k) == "that"
                || self.kind(k) == TokenKind::Word && self.lex.speech_verb(self.l(k)).is_some()
                || AUXILIARIES.contains(&self.l(k))
                || k == c && personal_subject(self.l(k))
            {
                return None;
            }
        }
        None
    }

    /// The subject at the start of a sentence, for participles ("Trump hit back, saying ...").
    fn sentence_subject(&self, s0: usize, verb: usize) -> Option<Source> {
        if let Some(m) = self.people.mention_starting_at(s0) {
            if m.tokens.end < verb {
                return Some(self.person_source(m));
            }
        }
        let w = self.l(s0);
        if matches!(w, "he" | "she") {
            return Some(Source {
                tokens: s0..s0 + 1,
                speaker: None,
            });
        }
        // `"...," Graham said on Monday, adding, "..."`: the source of the sentence's
        // attribution.
        let stack = &self.latest_cues[self.sentence_of[s0]];
        let before = stack.partition_point(|&(end, _)| end <= verb);
        before
            .checked_sub(1)
            .and_then(|i| self.found[stack[i].1].source.clone())
            .filter(|src| !src.tokens.is_empty())
    }

    /// Skips the indirect object after "told", "warned", "assured": a pronoun, a name, or a
    /// short noun phrase ("reporters", "the crowd"); and a following "that".
    fn skip_object(&self, c: usize, s1: usize) -> usize {
        if let Some(m) = self.people.mention_starting_at(c) {
            return m.tokens.end.min(s1);
        }
        let w = self.l(c);
        if matches!(
            w,
            "him"
                | "her"
                | "them"
                | "us"
                | "me"
                | "you"
                | "reporters"
                | "journalists"
                | "supporters"
                | "voters"
                | "lawmakers"
                | "members"
                | "listeners"
                | "viewers"
                | "donors"
        ) && !self.possessive_her(c, s1)
        {
            return c + 1;
        }
        // "told investors that ...": a bare noun for the audience.
        if c + 1 < s1 && self.l(c + 1) == "that" && self.kind(c) == TokenKind::Word {
            return c + 1;
        }
        if NP_START.contains(&w) {
            let mut k = c + 1;
            while k < s1 && k < c + 5 && self.kind(k) == TokenKind::Word && self.l(k) != "that" {
                k += 1;
            }
            if k < s1 && self.l(k) == "that" {
                return k;
            }
        }
        // "told The Huffington Post on Thursday": a named object, then the content if any.
        if self.tok(c).starts_with(char::is_uppercase) {
            let mut k = c;
            while k < s1
                && k < c + 5
                && self.kind(k) == TokenKind::Word
                && self.tok(k).starts_with(char::is_uppercase)
            {
                k += 1;
            }
            if k < s1 && self.l(k) == "that" {
                return k;
            }
            if self.circumstantial(k, self.content_end(k, s1)) {
                return s1;
            }
        }
        self.audience_end(c, s1).unwrap_or(c)
    }

    /// Whether "her" at `c` is a possessive before a noun ("told her supporters"), not the
    /// hearer ("told her the plan", "told her that", "told her to").
    fn possessive_her(&self, c: usize, s1: usize) -> bool {
        self.l(c) == "her"
            && c + 1 < s1
            && self.kind(c + 1) == TokenKind::Word
            && self.tok(c + 1).starts_with(char::is_lowercase)
            && !self.clause_start(c + 1)
            && !matches!(
                self.l(c + 1),
                "to" | "about" | "on" | "in" | "at" | "during" | "after" | "before"
            )
    }

    /// A longer audience before a "that" or a question word: `told MSNBC's "Morning Joe"
    /// on Friday that ...`, `told an invited crowd at the club that ...`, `told the show's
    /// host how ...`. Punctuation, a verb or an infinitive's "to" end the search, as the
    /// words are then the content itself ("told him the plan would fail").
    fn audience_end(&self, c: usize, s1: usize) -> Option<usize> {
        for k in c + 1..s1.min(c + 12) {
            let w = self.l(k);
            // "told the forum he was ...": a clause's subject after the audience.
            let subject =
                personal_subject(w) || w == "it" && k + 1 < s1 && AUXILIARIES.contains(&self.l(k + 1));
            if subject || matches!(w, "that" | "how" | "why" | "whether" | "what") {
                return Some(k);
            }
            // "told his supporters at a rally to go and vote": an infinitive after the
            // audience is what they were told ("told a story to the crowd" is no infinitive).
            if w == "to" && k + 1 < s1 && self.infinitive_after(k) {
                return Some(k);
            }
            let blocks = match self.kind(k) {
                TokenKind::Word => {
                    w == "to"
                        || AUXILIARIES.contains(&w)
                        || self.lex.speech_verb(w).is_some() && !self.tok(k).starts_with(char::is_uppercase)
                }
                TokenKind::Number | TokenKind::Quote => false,
                // "a town hall in Salem, New Hampshire, on Monday that": a comma of a place
                // name or before a phrase of when.
                _ if self.is_punct(k, ",") => {
                    !(k + 1 < s1
                        && (self.tok(k + 1).starts_with(char::is_uppercase)
                            || self.l(k + 1) == "that"
                            || pre_content(self.l(k + 1))))
                }
                _ => !matches!(self.tok(k), "'s" | "’s" | "-"),
            };
            if blocks {
                return None;
            }
        }
        None
    }

    /// Whether the "to" at `k` marks an infinitive: a lowercase word follows that does not
    /// begin a noun phrase.
    fn infinitive_after(&self, k: usize) -> bool {
        // `to "go to your place and vote"`: the quotation begins with the verb.
        let k = if self.kind(k + 1) == TokenKind::Quote && k + 2 < self.seg.tokens.len() {
            k + 1
        } else {
            k
        };
        let next = self.l(k + 1);
        self.kind(k + 1) == TokenKind::Word
            && self.tok(k + 1).starts_with(char::is_lowercase)
            && !self.clause_start(k + 1)
            && !next.ends_with("ing")
    }

    /// Whether a subject and a speech verb start at `t`: "he said", "she also urged",
    /// "Mr. Obama added".
    fn reports_after(&self, t: usize, end: usize) -> bool {
        let subject_end = if personal_subject(self.l(t)) {
            t + 1
        } else if let Some(m) = self.people.mention_starting_at(t) {
            m.tokens.end
        } else {
            return false;
        };
        let mut verb = subject_end;
        while verb < end
            && (BETWEEN.contains(&self.l(verb)) || self.l(verb).len() > 4 && self.l(verb).ends_with("ly"))
        {
            verb += 1;
        }
        verb < end
            && self.kind(verb) == TokenKind::Word
            && self
                .lex
                .speech_verb(self.l(verb))
                .is_some_and(|b| !WEAK_VERBS.contains(&b) || self.l(verb).ends_with("ed"))
    }

    /// Whether token `c` can start a clause: a pronoun, determiner, name or number.
    fn clause_start(&self, c: usize) -> bool {
        let w = self.l(c);
        let t = self.tok(c);
        matches!(
            w,
            "he" | "she"
                | "they"
                | "it"
                | "we"
                | "i"
                | "you"
                | "there"
                | "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "no"
                | "some"
                | "most"
                | "many"
                | "all"
                | "several"
                | "few"
                | "both"
                | "each"
                | "every"
                | "any"
                | "more"
                | "much"
        ) || t.starts_with(char::is_uppercase)
            || self.kind(c) == TokenKind::Number
            || self.kind(c) == TokenKind::Quote
            // "noted clients are beginning to ...": a bare noun and a finite verb.
            || c + 1 < self.seg.tokens.len() && AUXILIARIES.contains(&self.l(c + 1))
    }

    // ----- pass 4: quotations standing alone -----

    /// Attributions the learned tagger finds where the rules found none: cues outside the
    /// lexicon ("laid out", "took aim at"), sources far from their verbs. The rules keep the
    /// final word: a tagged attribution that overlaps a statement already found is dropped,
    /// and so is one with no source.
    fn tagged_attributions(&mut self) {
        let tagger = Tagger::builtin();
        let wanted = self.sentences_to_tag();
        let tagged = tagger.tag_some(self.text, self.seg, self.lower, self.people, &wanted);
        for a in tagger::attributions(&tagged.labels, self.seg) {
            let Some(src) = a.source.clone() else { continue };
            let mut content = a.content.clone();
            while content.end > content.start && self.kind(content.end - 1) == TokenKind::Punct {
                content.end -= 1;
            }
            if content.is_empty() || self.words_in(content.clone()) < 2 || self.is_claimed(content.clone()) {
                continue;
            }
            if a.cue
                .as_ref()
                .is_some_and(|c| self.is_claimed(c.clone()) || self.passive(c.clone()))
            {
                continue;
            }
            if a.cue
                .as_ref()
                .is_some_and(|c| self.noun_cue(c.clone(), &tagged.pos))
            {
                continue;
            }
            // "called a meeting", "called a vote": a naming verb right before an indefinite
            // object, with no quotation, names nothing anyone said ("called him a liar" and
            // "called for a ban" stay).
            let naming_an_object = a.cue.as_ref().is_some_and(|c| {
                self.lex
                    .speech_verb(self.l(c.end - 1))
                    .is_some_and(|b| self.lex.needs_quote(b))
                    && content.start == c.end
                    && matches!(self.l(c.end), "a" | "an")
            });
            if naming_an_object && !content.clone().any(|t| self.kind(t) == TokenKind::Quote) {
                continue;
            }
            let source = self.source_of(src);
            let source = a
                .cue
                .as_ref()
                .and_then(|c| self.relative_clause_head(&source, c))
                .unwrap_or(source);
            if source.speaker.is_none()
                && self.pending_for(&source).is_none()
                && !self.plain_unnamed(&source, &a.cue)
            {
                continue;
            }
            // Direct when the content is the inside of one quotation.
            let quote = self.quote_of[content.start].map(|q| &self.quotes[q]);
            let direct = quote.is_some_and(|q| {
                let inner = q.inner();
                (inner.start..=inner.start + 1).contains(&content.start) && content.end + 2 >= inner.end
            });
            let content = if direct {
                let inner = quote.map_or(content.clone(), Quote::inner);
                inner.start.max(content.start)..content.end.min(inner.end)
            } else {
                content
            };
            let f = self.found(Some(source), a.cue, content, direct);
            self.accept(f);
        }
    }

    /// Whether a tagged cue is a noun with no verb ("her push to restore ...", "his plan
    /// that ..."): the tagger takes such phrases of intent for attributions, wrongly in
    /// every case on PolNeAR dev (8 of 8; it was trained on train, where it is right about
    /// half of them). A noun the lexicon knows as a verb of speech ("his claim that") stays.
    fn noun_cue(&self, cue: std::ops::Range<usize>, pos: &[Pos]) -> bool {
        pos[cue.start] == Pos::Noun
            && !cue
                .clone()
                .any(|t| pos[t].is_verb() || self.lex.speech_verb(self.l(t)).is_some())
    }

    /// The sentences the tagger reads: those the rules found nothing in that name someone or
    /// say "he" or "she" (a statement needs a speaker). Tagging is most of the analysis's
    /// cost; these are about a third of news text, and the tagger reads each with its
    /// whole paragraph as context.
    fn sentences_to_tag(&self) -> Vec<bool> {
        let mut wanted = vec![false; self.seg.sentences.len()];
        for m in &self.people.mentions {
            wanted[self.sentence_of[m.tokens.start]] = true;
        }
        for (t, w) in self.lower.iter().enumerate() {
            if matches!(w.as_ref(), "he" | "she") {
                wanted[self.sentence_of[t]] = true;
            }
        }
        for (w, sentence) in wanted.iter_mut().zip(&self.seg.sentences) {
            *w = *w && !self.is_claimed(sentence.tokens.clone());
        }
        wanted
    }

    /// The person a relative clause is about, when a tagged source lies inside one and the
    /// cue follows it: in "Sanders, who lost the primaries to Clinton, identified ...", the
    /// tagger may take Clinton, the name nearest the verb, for the source.
    fn relative_clause_head(&self, source: &Source, cue: &std::ops::Range<usize>) -> Option<Source> {
        let r = &source.tokens;
        if r.is_empty() || cue.start < r.end {
            return None;
        }
        let s0 = self.sentence_range(r.start).start;
        // The clause opens with ", who" before the source, with no comma between...
        let who = (s0 + 1..r.start)
            .rev()
            .take_while(|&t| !self.is_punct(t, ","))
            .find(|&t| matches!(self.l(t), "who" | "whose") && self.is_punct(t - 1, ","))?;
        // ...and closes with a comma after the source's words, before the cue.
        let mut end = r.end;
        while end > r.start && self.kind(end - 1) == TokenKind::Punct {
            end -= 1;
        }
        if !(end..cue.start).any(|t| self.is_punct(t, ",")) {
            return None;
        }
        self.subject_before(who - 1, s0).filter(|s| s.speaker.is_some())
    }

    /// Whether a cue is in the passive voice ("was dubbed", "is said to", "was widely
    /// ridiculed for"): its subject is who the words are about, not who said them. The rules
    /// never take such cues; the tagger sometimes does. "was quoted as saying" reports its
    /// subject's words and is no passive here.
    fn passive(&self, cue: std::ops::Range<usize>) -> bool {
        if cue
            .clone()
            .any(|t| matches!(self.l(t), "saying" | "say" | "says"))
        {
            return false;
        }
        // The auxiliary may stand just before the cue, past adverbs ("was also dubbed").
        let mut t = cue.start;
        let floor = self.sentence_range(cue.start).start;
        while t > floor && self.adverb(t - 1) {
            t -= 1;
        }
        let from = if t > floor && is_be(self.l(t - 1)) {
            t - 1
        } else {
            cue.start
        };
        let mut be = false;
        for k in from..cue.end {
            let w = self.l(k);
            if is_be(w) {
                be = true;
            } else if be && !self.adverb(k) {
                return participle(w);
            }
        }
        false
    }

    /// A word that may stand between an auxiliary and its verb ("was also dubbed").
    fn adverb(&self, t: usize) -> bool {
        let w = self.l(t);
        self.kind(t) == TokenKind::Word
            && (w.len() > 4 && w.ends_with("ly") || matches!(w, "also" | "not" | "never" | "often" | "once"))
    }

    /// Whether a tagged attribution to an unnamed source is one the lexicon confirms: a
    /// speech verb or "according to" as its cue, and no person named inside the source
    /// ("Trump's repeated campaign calls for ..." is no statement of anyone's).
    fn plain_unnamed(&self, source: &Source, cue: &Option<std::ops::Range<usize>>) -> bool {
        let lexical = cue.as_ref().is_some_and(|c| {
            c.clone().any(|t| {
                self.lex
                    .speech_verb(self.l(t))
                    .is_some_and(|b| !self.lex.needs_quote(b))
                    || self.l(t) == "according"
            })
        });
        let lo = self
            .people
            .mentions
            .partition_point(|m| m.tokens.end <= source.tokens.start);
        let names_someone = self
            .people
            .mentions
            .get(lo)
            .is_some_and(|m| m.tokens.start < source.tokens.end);
        lexical && !names_someone
    }

    /// The source a span of words names: the person at its head ("Trump lawyer Marc
    /// Kasowitz", "Rep. Jim Jordan (R-Ohio)"), else the words as an unnamed source (pronouns
    /// and title references are resolved later).
    fn source_of(&self, r: std::ops::Range<usize>) -> Source {
        let mut end = r.end;
        while end > r.start && matches!(self.kind(end - 1), TokenKind::Punct) {
            // Over a parenthesis: "(R-Ohio)".
            end = self.open_paren_before(end, r.start).unwrap_or(end - 1);
        }
        let lo = self.people.mentions.partition_point(|m| m.tokens.end <= r.start);
        let inside: Vec<&Mention> = self.people.mentions[lo..]
            .iter()
            .take_while(|m| m.tokens.start < r.end)
            .filter(|m| m.tokens.start >= r.start && m.tokens.end <= r.end)
            .collect();
        // "Scott Pruitt, the attorney general of Oklahoma,": the name first, then who it is,
        // even when the description names someone else ("Paul Porter, a supporter of Mr.
        // Trump,", "Sen. Mitch McConnell (R-Ky.), who is married to ...,").
        let appositive = inside.first().filter(|m| {
            let mut after = m.tokens.end;
            if after < r.end && self.is_punct(after, "(") {
                after = (after..r.end)
                    .find(|&k| self.is_punct(k, ")"))
                    .map_or(after, |k| k + 1);
            }
            m.tokens.start == r.start && self.is_punct(after.min(r.end - 1), ",")
        });
        let head = appositive.or_else(|| inside.iter().find(|m| m.tokens.end == end));
        if let Some(m) = head {
            return Source {
                tokens: r,
                speaker: Some(m.person),
            };
        }
        // The tagger's span may stop inside a name ("Prime Minister Theresa") or run on past
        // it into the verb ("Clinton cited ..."): the name decides.
        let cut = self.people.mentions[lo..]
            .iter()
            .take_while(|m| m.tokens.start < r.end)
            .find(|m| m.tokens.start >= r.start && m.tokens.end > r.end);
        if let Some(m) = cut {
            return Source {
                tokens: r.start..m.tokens.end,
                speaker: Some(m.person),
            };
        }
        let run_on = inside.first().filter(|m| {
            let next = self.l(m.tokens.end.min(r.end - 1));
            m.tokens.start == r.start
                && m.tokens.end < r.end
                && self.kind(m.tokens.end) == TokenKind::Word
                && (self.lex.speech_verb(next).is_some() || BETWEEN.contains(&next) || next.ends_with("ed"))
        });
        if let Some(m) = run_on {
            return self.person_source(m);
        }
        // "Hillary Clinton, who has lambasted ...": the relative pronoun stands for the name
        // before it.
        if r.len() == 1 && self.l(r.start) == "who" && r.start >= 2 && self.is_punct(r.start - 1, ",") {
            if let Some(m) = self.people.mention_ending_at(r.start - 1) {
                return Source {
                    tokens: r,
                    speaker: Some(m.person),
                };
            }
        }
        Source {
            tokens: r,
            speaker: None,
        }
    }

    fn standalone_quotes(&mut self) {
        // Sentences holding an attributed quotation; what this pass adds has no source, so
        // this stays true of the statements found here too.
        let mut quoted = vec![false; self.seg.sentences.len()];
        // A content that ends with a quotation counts as well, with words of the writer's before
        // it (`The deal "looks out for Wall Street," Sanders wrote. "That is unacceptable."`).
        for f in self.found.iter().filter(|f| {
            f.source.is_some()
                && (f.direct || f.content.end > 0 && self.quote_of[f.content.end - 1].is_some())
        }) {
            quoted[self.sentence_of[f.content.start]] = true;
            // `"Does anybody know?" Graham asked. "Neither do I."`: the question mark ends a
            // sentence, and the attribution is one of its own.
            if let Some(cue) = &f.cue {
                quoted[self.sentence_of[cue.start]] = true;
            }
        }
        let mut q = 0;
        while q < self.quotes.len() {
            let last = self.quote_chain_end(q);
            let first = self.quotes[q].clone();
            let end_q = self.quotes[last].clone();
            let outer = first.open..end_q.outer().end;
            q = last + 1;
            if self.is_claimed(outer.clone()) {
                continue;
            }
            // A whole sentence or more: starts a sentence and ends one.
            let s = self.sentence_range(first.open);
            let starts = first.open == s.start;
            let inner = first.inner().start..end_q.inner().end;
            // Short quotations are mostly titles and slogans, unless they go on from a
            // quotation attributed just before (`"I would," Ann said. "I would, Dan."`).
            let follows = self.follows_attributed_quote(s.start, &quoted);
            let min_words = if follows { 1 } else { 4 };
            if !starts || self.words_in(inner.clone()) < min_words {
                continue;
            }
            let tail_end = self.sentence_range(outer.end.saturating_sub(1)).end;
            // `"It is just a tax increase" for the top bracket.`: after a quotation whose
            // speaker was just named, the writer may finish the sentence, in a few words that
            // name and report no one.
            let finished = follows
                && self.words_in(outer.end..tail_end) <= 6
                && (outer.end..tail_end).all(|t| {
                    self.kind(t) != TokenKind::Quote
                        && self.lex.speech_verb(self.l(t)).is_none()
                        && self.people.mention_starting_at(t).is_none()
                });
            if !self.only_punct(outer.end, tail_end) && !finished {
                continue;
            }
            self.found.push(Found {
                source: None,
                cue: None,
                content: inner,
                direct: true,
                pending: Some(Pending::Nearby),
            });
            for t in outer {
                self.claimed[t] = true;
            }
        }
    }

    /// Whether the sentence before the one starting at `s0`, in the same paragraph, holds an
    /// attributed quotation (`quoted`: by sentence).
    fn follows_attributed_quote(&self, s0: usize, quoted: &[bool]) -> bool {
        s0 > 0 && self.paragraph_of(s0 - 1) == self.paragraph_of(s0) && quoted[self.sentence_of[s0 - 1]]
    }

    // ----- resolution -----

    fn resolve(&mut self) {
        self.found.sort_by_key(|f| f.content.start);
        // Pronouns and titles first, in text order, so later ones can use earlier speakers.
        for k in 0..self.found.len() {
            let Some(p) = self.found[k].pending else { continue };
            let Some(src) = self.found[k].source.clone() else {
                continue;
            };
            let speaker = match p {
                Pending::Pronoun(g) => self.resolve_pronoun(src.tokens.start, g, k),
                Pending::Title(t) => self.resolve_title(t),
                Pending::Nearby => None,
            };
            if let Some(s) = &mut self.found[k].source {
                s.speaker = speaker;
            }
            self.found[k].pending = None;
        }
        for k in 0..self.found.len() {
            if !matches!(self.found[k].pending, Some(Pending::Nearby)) {
                continue;
            }
            let speaker = self.nearby_speaker(k);
            self.found[k].pending = None;
            if let Some(p) = speaker {
                self.found[k].source = Some(Source {
                    tokens: 0..0,
                    speaker: Some(p),
                });
            }
        }
        // Quotations left without a named speaker nearby are not statements of anyone.
        self.found.retain(|f| f.source.is_some());
    }

    /// The first of some mentions in text order that `fits`, outside quotations: the subject
    /// of their sentence, as far as a pronoun is concerned. A possessor ("Holt's colleague
    /// Matt Lauer") is passed over for a person named after it.
    fn subject_among<'m>(
        &self,
        mentions: &'m [Mention],
        fits: &dyn Fn(PersonId) -> bool,
    ) -> Option<&'m Mention> {
        let mut candidates = mentions
            .iter()
            .filter(|m| fits(m.person) && !self.in_quote(m.tokens.start));
        let first = candidates.next()?;
        let possessive =
            |m: &Mention| m.tokens.end < self.seg.tokens.len() && matches!(self.l(m.tokens.end), "'s" | "’s");
        if possessive(first) {
            if let Some(m) = candidates.find(|m| !possessive(m)) {
                return Some(m);
            }
        }
        Some(first)
    }

    /// The person a "he" or "she" at token `at` refers to: the speaker of a statement just
    /// before, else the first person named in the nearest earlier sentence (its subject),
    /// looking back a few sentences.
    fn resolve_pronoun(&self, at: usize, gender: Gender, k: usize) -> Option<PersonId> {
        // Preferring people known to be of that gender over nearer ones of unknown gender
        // measured slightly worse on news: salience wins.
        let agrees = |p: PersonId| self.people.genders.get(p).is_some_and(|g| g.agrees(gender));
        // "He avoided criticism of Trump until recent days, when he expressed concern": a
        // pronoun that opens the sentence is its subject, and a later one of the same gender
        // goes on with it, past the people named between them.
        let s0 = self.seg.sentences[self.sentence_of[at]].tokens.start;
        let same = match gender {
            Gender::Male => "he",
            Gender::Female => "she",
            _ => "",
        };
        if at > s0 && self.l(s0) == same && !self.in_quote(s0) {
            return self.salient_person(s0, k, &agrees);
        }
        self.salient_person(at, k, &agrees)
    }

    /// The most salient person before token `at` that `fits`: the nearest named earlier in
    /// its sentence, else, sentence by sentence going back, the speaker of a statement there or
    /// the first person named there (its subject). Names inside quotations do not count.
    fn salient_person(&self, at: usize, k: usize, fits: &dyn Fn(PersonId) -> bool) -> Option<PersonId> {
        let agrees = fits;
        let here = self.sentence_of[at];
        // Earlier in the same sentence: the nearest person named before the pronoun.
        let s0 = self.seg.sentences[here].tokens.start;
        let i = self.people.mentions.partition_point(|m| m.tokens.end <= at);
        let lo = self.people.mentions[..i].partition_point(|m| m.tokens.start < s0);
        if let Some(m) = self.subject_among(&self.people.mentions[lo..i], agrees) {
            return Some(m.person);
        }
        // Four sentences back, not counting those inside a quotation: a long quotation is
        // one turn of its speaker, who is still the one a "he added" after it refers to.
        let mut budget = 4;
        for back in 1..=MAX_PRONOUN_REACH {
            let Some(si) = here.checked_sub(back) else { break };
            let sent = &self.seg.sentences[si];
            let quoted = self.in_quote(sent.tokens.start);
            if !quoted {
                budget -= 1;
            }
            // A statement in that sentence: its source, or its content for a sentence inside
            // a quotation. Statements are in text order: only the few just before can be
            // in that sentence.
            let recent = self.found[..k]
                .iter()
                .rev()
                .take_while(|f| self.sentence_of[f.content.start] + 8 >= si);
            if let Some(f) = recent.clone().find(|f| {
                f.source.as_ref().is_some_and(|s| {
                    s.speaker.is_some_and(agrees)
                        && (!s.tokens.is_empty() && self.sentence_of[s.tokens.start] == si
                            || quoted && f.content.contains(&sent.tokens.start))
                })
            }) {
                return f.source.as_ref().and_then(|s| s.speaker);
            }
            if let Some(m) = self.subject_among(self.mentions_in(sent), agrees) {
                return Some(m.person);
            }
            if budget == 0 {
                break;
            }
        }
        None
    }

    /// The person "the secretary" means: the most recent person before it with that title.
    fn resolve_title(&self, t: usize) -> Option<PersonId> {
        let word = full_title_word(self.l(t));
        let at = self.seg.tokens[t].span.start;
        let i = self.people.mentions.partition_point(|m| m.span.start < at);
        self.people.mentions[..i]
            .iter()
            .rev()
            .take(200)
            .map(|m| m.person)
            .find(|&p| {
                self.people.people[p].titles.iter().any(|title| {
                    title
                        .split_whitespace()
                        .any(|x| full_title_word(&x.to_lowercase()) == word)
                })
            })
    }

    /// For a quotation with no attribution: the speaker of the statement just before it in
    /// the same or the previous paragraph, else the one just after it in the same paragraph.
    fn nearby_speaker(&self, k: usize) -> Option<PersonId> {
        let para = self.paragraph_of(self.found[k].content.start);
        let speaker_of = |f: &Found| f.source.as_ref().and_then(|s| s.speaker);
        if let Some(f) = self.found[..k]
            .iter()
            .rev()
            .find(|f| f.pending.is_none() && f.source.is_some())
        {
            let p = self.paragraph_of(f.content.start);
            if p == para {
                return speaker_of(f);
            }
            // `Sen. Sanders, who ..., identified young voters as the key. "The younger people
            // are sick of it."`: a new paragraph whose sentence before the quotation is about
            // someone gives it to them rather than to the previous paragraph's speaker.
            if let Some(subject) = self.subject_before_quote(k) {
                return Some(subject);
            }
            if p + 1 == para {
                return speaker_of(f);
            }
        }
        self.found[k + 1..]
            .iter()
            .take(50)
            .find(|f| !matches!(f.pending, Some(Pending::Nearby)))
            .filter(|f| self.paragraph_of(f.content.start) == para)
            .and_then(speaker_of)
    }

    /// The subject of the sentence just before a statement's content, in its paragraph: the
    /// first person named there outside quotations.
    fn subject_before_quote(&self, k: usize) -> Option<PersonId> {
        let start = self.found[k].content.start;
        let here = self.sentence_of[start];
        let before = here.checked_sub(1)?;
        let sent = &self.seg.sentences[before];
        if self.paragraph_of(sent.tokens.start) != self.paragraph_of(start) {
            return None;
        }
        self.subject_among(self.mentions_in(sent), &|_| true)
            .map(|m| m.person)
    }

    /// The person mentions that start inside a sentence, in text order.
    fn mentions_in(&self, sentence: &Sentence) -> &[Mention] {
        let mentions = &self.people.mentions;
        let lo = mentions.partition_point(|m| m.tokens.start < sentence.tokens.start);
        let hi = lo + mentions[lo..].partition_point(|m| m.tokens.start < sentence.tokens.end);
        &mentions[lo..hi]
    }

    fn span(&self, r: std::ops::Range<usize>) -> Option<Span> {
        if r.is_empty() {
            return None;
        }
        Some(Span::new(
            self.seg.tokens[r.start].span.start,
            self.seg.tokens[r.end - 1].span.end,
        ))
    }

    /// A content in the convention of attribution corpora (PARC, PolNeAR), which readers
    /// also expect: a quotation with its marks, and reported speech with its "that".
    fn as_annotated(&self, mut content: std::ops::Range<usize>, f: &Found) -> std::ops::Range<usize> {
        if content.is_empty() {
            return content;
        }
        // The closing mark after the content (past a comma or full stop inside it), and then
        // the opening mark before it.
        let n = self.seg.tokens.len();
        let mut k = content.end;
        while k < n && k < content.end + 2 && self.kind(k) == TokenKind::Punct {
            k += 1;
        }
        let closes = |k: usize| {
            self.quote_of[k].is_some_and(|q| {
                let q = &self.quotes[q];
                q.closed && q.close == k && q.open + 1 >= content.start
            })
        };
        if k < n && self.kind(k) == TokenKind::Quote && closes(k) {
            content.end = k + 1;
            let o = content.start.wrapping_sub(1);
            if o < n && self.quote_of[o].is_some_and(|q| self.quotes[q].open == o) {
                content.start = o;
            }
        }
        if !f.direct && content.start > 0 && self.l(content.start - 1) == "that" {
            let cue_before = f.cue.as_ref().is_some_and(|c| c.end < content.start);
            if cue_before {
                content.start -= 1;
            }
        }
        content
    }

    /// Whether a content is reported speech that starts after its cue, at most three words
    /// (its audience, say) later: only there can the content's first words be the cue's.
    fn reported_right_after_cue(&self, content: &std::ops::Range<usize>, f: &Found) -> bool {
        let c = content.start;
        f.cue.as_ref().is_some_and(|cue| {
            !f.direct
                && cue.end <= c
                && c - cue.end <= 3
                && (cue.end..c).all(|t| self.kind(t) == TokenKind::Word)
        })
    }

    /// How many words at the start of a reported content belong to its cue instead: the
    /// particle of a phrasal cue ("warned against", "called for", "asked him about") and an
    /// infinitive of speech after a cue ("refused to endorse", "seemed to think"), which
    /// attribution corpora annotate as part of the cue. "declined to comment" keeps its
    /// infinitive, which is all that was said.
    fn cue_words_in_content(&self, content: &std::ops::Range<usize>, f: &Found) -> usize {
        let c = content.start;
        // Past a "that" the words are the content's own.
        let after_that = f
            .cue
            .as_ref()
            .is_some_and(|cue| (cue.end..c).any(|t| self.l(t) == "that"));
        if !self.reported_right_after_cue(content, f) || after_that {
            return 0;
        }
        const PARTICLES: &[&str] = &[
            "about", "against", "for", "of", "on", "over", "with", "at", "into",
        ];
        let next_is = |k: usize, kind: TokenKind| k < content.end && self.kind(k) == kind;
        let taken = match self.l(c) {
            // "said about 20 people ...", "over 100": a number's approximator, not a particle.
            w if PARTICLES.contains(&w)
                && !(matches!(w, "about" | "over") && next_is(c + 1, TokenKind::Number)) =>
            {
                1
            }
            // "plans to call on young people to ...": a phrasal verb of speech is the content's
            // own, or it would begin with a dangling particle.
            "to" if next_is(c + 1, TokenKind::Word)
                && self.l(c + 1) != "comment"
                && self.lex.speech_verb(self.l(c + 1)).is_some()
                && !(c + 2 < content.end && PARTICLES.contains(&self.l(c + 2))) =>
            {
                2
            }
            _ => 0,
        };
        // Something must be left to have been said.
        if self.words_in(c + taken..content.end) < 2 {
            return 0;
        }
        taken
    }

    /// How many words at the start of a reported content say when it was said, right after
    /// its cue ("said Tuesday he would ...", "announced earlier this month that ..."): the
    /// time of the saying, which is no part of what was said.
    fn time_words_in_content(&self, content: &std::ops::Range<usize>, f: &Found) -> usize {
        let c = content.start;
        if !self.reported_right_after_cue(content, f) {
            return 0;
        }
        let word = |k: usize| if k < content.end { self.l(k) } else { "" };
        let mut k = c;
        if matches!(
            word(k),
            "late" | "early" | "later" | "earlier" | "on" | "last" | "this"
        ) {
            k += 1;
        }
        if DAYS.contains(&word(k)) {
            k += 1;
            if matches!(word(k), "night" | "morning" | "afternoon" | "evening") {
                k += 1;
            }
        } else if word(k) == "this" && matches!(word(k + 1), "week" | "month" | "year") {
            k += 2;
        } else if k > c && matches!(word(k), "week" | "month" | "year") && word(c) != "on" {
            k += 1;
        } else {
            return 0;
        }
        // "Thursday's debate", "this week, he ...": the words go on a noun or a clause of the
        // content; and something must be left to have been said.
        if k >= content.end
            || self.kind(k) != TokenKind::Word
            || matches!(self.tok(k), "'s" | "’s")
            || self.words_in(k..content.end) < 2
        {
            return 0;
        }
        k - c
    }

    fn into_statements(self) -> Vec<Statement> {
        let mut out: Vec<Statement> = Vec::with_capacity(self.found.len());
        for f in &self.found {
            let mut content = f.content.clone();
            let mut cue = f.cue.clone();
            content.start += self.time_words_in_content(&content, f);
            let moved = self.cue_words_in_content(&content, f);
            if moved > 0 {
                content.start += moved;
                cue = cue.map(|c| c.start..content.start);
            }
            // Trailing commas and dashes are not part of what was said, nor a quotation mark
            // that opens a quotation the content stops before ("with the words ''").
            while content.end > content.start
                && (matches!(self.kind(content.end - 1), TokenKind::Punct)
                    && matches!(self.tok(content.end - 1), "," | "—" | "--" | "-" | ":" | ";")
                    || self.kind(content.end - 1) == TokenKind::Quote
                        && self.quote_of[content.end - 1]
                            .is_some_and(|q| self.quotes[q].open == content.end - 1))
            {
                content.end -= 1;
            }
            content = self.as_annotated(content, f);
            let Some(content_span) = self.span(content.clone()) else {
                continue;
            };
            let has_quote = content
                .clone()
                .any(|t| self.kind(t) == TokenKind::Quote && self.quote_of[t].is_some());
            let kind = if f.direct {
                StatementKind::Direct
            } else if has_quote {
                StatementKind::Mixed
            } else {
                StatementKind::Indirect
            };
            let source = f.source.as_ref();
            out.push(Statement {
                id: 0,
                speaker: source.and_then(|s| s.speaker),
                source: source.and_then(|s| self.span(s.tokens.clone())),
                cue: cue.and_then(|c| self.span(c)),
                content: content_span,
                kind,
            });
        }
        out.sort_by_key(|s| (s.content.start, s.content.end));
        out.dedup_by(|a, b| a.content == b.content);
        for (i, s) in out.iter_mut().enumerate() {
            s.id = i;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{people, segment};

    /// The token index of the first token whose text is `word`.
    fn at(text: &str, seg: &Segmentation, word: &str) -> usize {
        seg.tokens
            .iter()
            .position(|t| t.span.text(text) == word)
            .expect("the word is in the text")
    }

    /// Runs `body` on a finder over `text`, with the segmentation, lowercase words and people
    /// it reads.
    fn with_finder(text: &str, body: impl FnOnce(&Finder, &Segmentation, &[Cow<str>], &People)) {
        let seg = segment::segment(text);
        let lower = people::lowercase_tokens(text, &seg);
        let found = people::find(text, &seg, &lower);
        body(&Finder::new(text, &seg, &lower, &found), &seg, &lower, &found);
    }

    #[test]
    fn a_source_inside_a_relative_clause_gives_way_to_the_person_the_clause_is_about() {
        // What the tagger may propose: the name nearest the verb, inside the clause.
        let text = "Sen. Bernie Sanders (Vt.), who lost the primaries to Hillary Clinton, identified \
                    young voters as the key.";
        with_finder(text, |f, seg, _, found| {
            let hillary = at(text, seg, "Hillary");
            let tagged = f.source_of(hillary..hillary + 3);
            let name = |s: &Source| s.speaker.map(|p| found.people[p].name.clone());
            assert_eq!(name(&tagged).as_deref(), Some("Hillary Clinton"));
            let cue = at(text, seg, "identified");
            let head = f
                .relative_clause_head(&tagged, &(cue..cue + 1))
                .expect("the clause's head");
            assert_eq!(name(&head).as_deref(), Some("Bernie Sanders"));
            // A source after the clause has closed is left alone.
            let lost = at(text, seg, "lost");
            assert!(f.relative_clause_head(&tagged, &(lost..lost + 1)).is_none());
        });
    }

    #[test]
    fn a_tagged_cue_that_is_a_noun_with_no_verb_is_no_cue() {
        let text = "Her push to rebuild the pier drew a crowd. His claim that it was safe held.";
        with_finder(text, |f, seg, lower, found| {
            let wanted = vec![true; seg.sentences.len()];
            let pos = Tagger::builtin().tag_some(text, seg, lower, found, &wanted).pos;
            let word = |w: &str| at(text, seg, w);
            assert_eq!(pos[word("push")], Pos::Noun, "{pos:?}");
            assert!(f.noun_cue(word("push")..word("push") + 1, &pos));
            // A noun the lexicon knows as a verb of speech, and a verb, are cues.
            assert!(!f.noun_cue(word("claim")..word("claim") + 1, &pos));
            assert!(!f.noun_cue(word("drew")..word("drew") + 1, &pos));
        });
    }

    #[test]
    fn a_relative_pronoun_or_a_possessor_the_tagger_takes_for_a_source_stands_for_a_person() {
        let text = "Governor Hillary Ruiz, who has lambasted the plan, spoke first. Mayor Tom Lee \
                    spoke next; his best answer was to say nothing.";
        with_finder(text, |f, seg, _, found| {
            let who = at(text, seg, "who");
            let source = f.source_of(who..who + 1);
            let name = source.speaker.map(|p| found.people[p].name.as_str());
            assert_eq!(name, Some("Hillary Ruiz"));
            // A possessor is a pronoun to resolve, of the gender it has.
            let his = at(text, seg, "his");
            let source = f.source_of(his..his + 1);
            assert!(source.speaker.is_none());
            assert!(matches!(
                f.pending_for(&source),
                Some(Pending::Pronoun(Gender::Male))
            ));
        });
    }

    #[test]
    fn a_name_that_opens_a_tagged_source_before_a_comma_is_its_head() {
        // The tagger's source spans the whole noun phrase; the description after the name
        // may name someone else, last.
        let text = "Tom Ridley, a retired welder and a supporter of Senator Ada Whitlow, backed the plan. \
                    Rep. Dana Pruett (D-Ohio), who is married to Senator Whitlow, opposed it.";
        with_finder(text, |f, seg, _, found| {
            let name =
                |r: std::ops::Range<usize>| f.source_of(r).speaker.map(|p| found.people[p].name.clone());
            // Each source runs to the comma after a mention of Whitlow.
            let whitlow: Vec<usize> = (0..seg.tokens.len())
                .filter(|&t| seg.tokens[t].span.text(text) == "Whitlow")
                .collect();
            let (tom, rep) = (at(text, seg, "Tom"), at(text, seg, "Rep."));
            assert_eq!(name(tom..whitlow[0] + 2).as_deref(), Some("Tom Ridley"));
            assert_eq!(name(rep..whitlow[1] + 2).as_deref(), Some("Dana Pruett"));
            // Without a name before a comma, the name at the end is the head.
            let supporter = at(text, seg, "supporter");
            assert_eq!(name(supporter..whitlow[0] + 1).as_deref(), Some("Ada Whitlow"));
        });
    }
}
