//! People: named-person mentions, their titles, and the merging of name forms into one
//! person per article.
//!
//! A run of capitalised words is a person when the text says so: a title before it
//! ("Foreign Minister Sergey Lavrov"), a known given name at its start ("Rex Tillerson"),
//! the surname or given name of someone already found ("Lavrov" after "Sergey Lavrov"), or a
//! speech verb it is the subject of ("Peskov said"). Places, organisations, nationalities,
//! days and months from the lexicon are never people unless a title or given name comes
//! first ("Mr. Washington", "George Washington").
//!
//! Where that evidence is weakest, a learned person model (`person_model.rs`) decides: it
//! vouches for runs no title or given name vouches for ("Mitt Romney" with no title), vetoes
//! weak runs and runs only a given name vouches for when it is sure they are not people; it
//! never overrules a title, and a bare form of someone already named is kept whatever it
//! scores.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lexicon::{Gender, Lexicon};
use super::person_model::PersonModel;
use super::segment::{Segmentation, TokenKind};
use super::tagger::features::hash_str;
use super::Person;
use crate::span::Span;

/// One mention of a person by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub person: usize,
    /// The name itself, without titles or a possessive `'s`.
    pub span: Span,
    /// Token indices of the name and any titles before it.
    pub tokens: Range<usize>,
    /// Token index where the name starts (after titles).
    pub name_start: usize,
}

#[derive(Debug, Clone, Default)]
pub struct People {
    pub people: Vec<Person>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// The gender each person's name or titles suggest, by person id.
    pub genders: Vec<Gender>,
}

impl People {
    /// The mention whose name ends at token `end` (exclusive), if any.
    pub fn mention_ending_at(&self, end: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.tokens.end < end);
        self.mentions.get(i).filter(|m| m.tokens.end == end)
    }

    /// The mention that starts at token `start` (titles included), if any.
    pub fn mention_starting_at(&self, start: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.tokens.start < start);
        self.mentions.get(i).filter(|m| m.tokens.start == start)
    }
}

/// Lowercase forms of the tokens, computed once and shared by the analysis passes. Most
/// tokens are lowercase already and borrow the text: allocating a string for each was about
/// a twentieth of the analysis's time.
pub fn lowercase_tokens<'a>(text: &'a str, seg: &Segmentation) -> Vec<Cow<'a, str>> {
    seg.tokens
        .iter()
        .map(|t| {
            let s = t.span.text(text);
            if s.is_ascii() {
                if s.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(s.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(s)
                }
            } else {
                Cow::Owned(s.to_lowercase().replace('’', "'"))
            }
        })
        .collect()
}

/// Words that modify a title ("former President", "Syrian Foreign Minister").
#[rustfmt::skip]
const TITLE_MODIFIERS: &[&str] = &[
    "former", "retired", "then", "acting", "interim", "deputy", "senior", "top", "presidential",
    "democratic", "republican", "gop", "incoming", "outgoing", "late", "white", "house", "state",
];

/// Collective nouns that start sentences as subjects of speech verbs ("Police said").
#[rustfmt::skip]
const COLLECTIVE: &[&str] = &[
    "police", "people", "staff", "media", "press", "government", "military", "administration", "management",
    "public", "crowd", "family", "audience", "committee", "council", "company", "court", "congress",
    "parliament", "senate", "house", "campaign", "party", "team", "board", "panel", "jury", "everyone",
    "nobody", "somebody", "someone", "anyone", "everybody", "research", "data", "evidence",
];

/// Whether a word has the ending of a noun for a person's role: treasurer, director,
/// activist, historian, attendant, chairman, trustee, secretary.
fn is_agent_noun(w: &str) -> bool {
    [
        "er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee", "ary", "ive", "ier", "eur", "ain", "ef",
    ]
    .iter()
    .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// Particles inside names ("Ludwig van Beethoven", "Osama bin Laden").
const PARTICLES: &[&str] = &[
    "de", "da", "van", "von", "bin", "ibn", "al", "del", "der", "la", "le", "du", "di",
];
/// Function words that begin the names of things ("The Dallas Morning News").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
];
const SUFFIXES: &[&str] = &["jr.", "sr.", "jr", "sr", "ii", "iii", "iv"];

#[rustfmt::skip]
const DAYS_AND_MONTHS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];

/// A capitalised run of words that may name a person.
#[derive(Debug, Clone)]
struct Candidate {
    /// Tokens of the titles before the name.
    title: Option<Range<usize>>,
    /// Tokens of the name.
    name: Range<usize>,
    sentence_start: usize,
    sentence_end: usize,
    /// The sentence is written in title case (a headline), where capitals prove little.
    headline: bool,
}

/// Whether each token is a word that starts with a capital.
fn capitals(text: &str, seg: &Segmentation) -> Vec<bool> {
    seg.tokens
        .iter()
        .map(|t| t.kind == TokenKind::Word && is_capitalised(t.span.text(text)))
        .collect()
}

fn is_capitalised(t: &str) -> bool {
    let first = t.chars().next().unwrap_or(' ');
    if first.is_uppercase() {
        true
    } else {
        // "al-Assad", "el-Sisi"
        (t.starts_with("al-") || t.starts_with("el-")) && t[3..].starts_with(char::is_uppercase)
    }
}

struct Scan<'a> {
    text: &'a str,
    seg: &'a Segmentation,
    lower: &'a [Cow<'a, str>],
    lex: &'static Lexicon,
    model: &'a PersonModel,
    /// Whether each token is capitalised (see [`is_capitalised`]): asked about every word
    /// several times over, so worked out once.
    capitals: Vec<bool>,
    /// Feature ids of the run being scored, reused from run to run.
    feats: RefCell<Vec<u64>>,
    /// When set, every run the model would be asked about is recorded here (training).
    record: Option<&'a RefCell<Vec<Run>>>,
    /// Whether each sentence is a title-case headline; two passes ask.
    headlines: Vec<bool>,
}

impl<'a> Scan<'a> {
    fn new(
        text: &'a str,
        seg: &'a Segmentation,
        lower: &'a [Cow<'a, str>],
        model: &'a PersonModel,
        record: Option<&'a RefCell<Vec<Run>>>,
    ) -> Self {
        let mut scan = Scan {
            text,
            seg,
            lower,
            lex: Lexicon::get(),
            model,
            capitals: capitals(text, seg),
            feats: RefCell::new(Vec::with_capacity(64)),
            record,
            headlines: Vec::new(),
        };
        scan.headlines = seg
            .sentences
            .iter()
            .map(|s| scan.title_case(s.tokens.clone()))
            .collect();
        scan
    }
}

impl Scan<'_> {
    fn tok(&self, i: usize) -> &str {
        self.seg.tokens[i].span.text(self.text)
    }

    fn is_word(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokenKind::Word
    }

    fn capitalised(&self, i: usize) -> bool {
        self.capitals[i]
    }

    /// Whether token `i` is an all-capitals acronym ("NATO", "FBI"), which is not a name.
    fn acronym(&self, i: usize) -> bool {
        let t = self.tok(i);
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !t.chars().any(char::is_lowercase)
    }

    /// The end of a title phrase starting at `i`, with modifiers before it.
    fn title_at(&self, i: usize, end: usize) -> Option<usize> {
        if i >= end {
            return None;
        }
        let mut j = i;
        // Modifiers and nationalities ("Russian", "former", "White House").
        while j < end && j < i + 3 {
            let l = self.lower[j].as_ref();
            // The lexicon is asked last: most words are lowercase.
            let nationality = || self.capitalised(j) && self.lex.not_people.longest_match([l]) == 1;
            if TITLE_MODIFIERS.contains(&l) || nationality() {
                j += 1;
            } else {
                break;
            }
        }
        // Without modifiers both starts are one, asked about once.
        let starts = if j == i { &[i][..] } else { &[j, i][..] };
        for &start in starts {
            if start >= end {
                continue;
            }
            let n = self
                .lex
                .titles
                .longest_match(self.lower[start..end].iter().map(|w| &**w));
            if n > 0 && !self.given_name_not_title(start, n, end) {
                return Some(self.title_of(start + n, end));
            }
        }
        // A capitalised role before a given name and a surname ("Treasurer Paul Brenner"): a
        // word shaped like a noun of agent, not an epithet ("Crooked Hillary Clinton").
        if self.capitalised(i)
            && i + 2 < end
            && is_agent_noun(&self.lower[i])
            && !self.lex.is_given_name(&self.lower[i])
            && !self.lex.is_sentence_starter(self.tok(i))
            && !self.lex.is_org_word(&self.lower[i])
            && self.lex.not_people.longest_match([self.lower[i].as_ref()]) == 0
            && self.lex.is_given_name(&self.lower[i + 1])
            && self.capitalised(i + 1)
            && self.capitalised(i + 2)
        {
            return Some(i + 1);
        }
        None
    }

    /// "Dean Whitcomb", "Prince Fielder": a one-word title that is a given name too, before
    /// one capitalised word that is no given name, is the person's given name ("Dean Jane
    /// Roe" and "Prince Harry" keep their titles).
    fn given_name_not_title(&self, start: usize, n: usize, end: usize) -> bool {
        let next = start + 1;
        n == 1
            && self.lex.is_given_name(&self.lower[start])
            && next < end
            && self.capitalised(next)
            && !self.lex.is_given_name(&self.lower[next])
            && !(next + 1 < end && self.capitalised(next + 1))
    }

    /// "Secretary of Health": a title goes on over "of" and the capitalised words of a
    /// department, when a given name follows them.
    fn title_of(&self, t_end: usize, end: usize) -> usize {
        if t_end + 2 < end && self.lower[t_end] == "of" {
            let mut k = t_end + 1;
            while k < end && k < t_end + 4 && self.capitalised(k) && !self.lex.is_given_name(&self.lower[k]) {
                k += 1;
            }
            if k > t_end + 1
                && k + 1 < end
                && self.lex.is_given_name(&self.lower[k])
                && self.capitalised(k + 1)
            {
                return k;
            }
        }
        t_end
    }

    /// The capitalised run starting at `i`, up to `end`.
    fn name_run(&self, i: usize, end: usize) -> usize {
        let mut j = i;
        while j < end {
            let l = self.lower[j].as_ref();
            // A title inside the run starts the next name ("Retired Lt. Gen. Michael Flynn",
            // "panel Chairman Rep. Jason Chaffetz").
            if j > i {
                let t = self
                    .lex
                    .titles
                    .longest_match(self.lower[j..end].iter().map(|w| &**w));
                if t > 0
                    && j + t < end
                    && self.capitalised(j + t)
                    && !SUFFIXES.contains(&self.lower[j + t].as_ref())
                {
                    break;
                }
            }
            let particle = j > i && PARTICLES.contains(&l) && j + 1 < end && self.capitalised(j + 1);
            // A capitalised function word inside a run ends the name: headlines ("Mr. Sanders
            // Is Not ...") and lost line breaks ("Ms. Yellen  The Federal Reserve").
            let function_word = j > i && !particle && self.lex.is_sentence_starter(self.tok(j));
            if function_word {
                break;
            }
            if self.capitalised(j) && !(j > i && SUFFIXES.contains(&l)) || particle {
                j += 1;
            } else if j > i && SUFFIXES.contains(&l) {
                // "Jr." ends a name: keep it inside.
                j += 1;
                break;
            } else if j > i
                && self.tok(j) == ","
                && j + 1 < end
                && SUFFIXES.contains(&self.lower[j + 1].as_ref())
            {
                j += 2;
                break;
            } else {
                break;
            }
        }
        j
    }

    /// Where a name starts inside a capitalised run that opens with other words: the first
    /// given name or initial followed by another capitalised word, when no word before it is
    /// one ("Palm Beach County Supervisor", "White House Counsel W. Neil Eggleston").
    fn role_before_name(&self, run: Range<usize>) -> Option<usize> {
        // "The New Jim Crow": after an article the run names a thing.
        if run.len() < 3 || DETERMINERS.contains(&self.lower[run.start].as_ref()) {
            return None;
        }
        let initial = |k: usize| is_initial(&self.lower[k]) && self.lower[k].ends_with('.');
        // Not a given name that is also a place, a function word or a headline's verb
        // ("South China Sea", "Votes In Ohio", "Museum Will Tell").
        let given_name = |k: usize| {
            let w = self.lower[k].as_ref();
            self.lex.is_given_name(w)
                && !HEADLINE_WORDS.contains(&w)
                && !self.lex.is_sentence_starter(self.tok(k))
                && self.lex.not_people.longest_match([w]) == 0
        };
        let k = (run.start..run.end - 1).find(|&k| initial(k) || given_name(k))?;
        // An initial starts the name only before a given name ("W. Neil Eggleston"); before
        // a surname the word ahead of it may be an unlisted given name ("Vann R. Newkirk").
        let given = if initial(k) { k + 1 } else { k };
        let named = given < run.end - 1 && given_name(given);
        (k > run.start && named && self.capitalised(given + 1)).then_some(k)
    }

    /// Whether a role word stands right before the run, set off by a comma that another
    /// mark closes after it ("the board's spokesman, Erlan Vostrikh, said").
    fn role_before(&self, run: &Range<usize>) -> bool {
        run.start >= 2
            && self.tok(run.start - 1) == ","
            && !self.capitalised(run.start - 2)
            && self.lex.is_title_word(&self.lower[run.start - 2])
            && self
                .lower
                .get(run.end)
                .is_some_and(|w| matches!(w.as_ref(), "," | "." | ";"))
    }

    /// Whether an appositive naming a role follows the run ending at `end`: a comma, an
    /// article, a few lowercase words and a title word that no verb follows ("Ban Ki-moon,
    /// the globe-trotting secretary general of the United Nations,"). "In Moscow, the
    /// president said" names a place.
    fn role_after(&self, end: usize) -> bool {
        if self.lower.get(end).is_none_or(|w| w != ",") {
            return false;
        }
        let mut k = end + 1;
        if self
            .lower
            .get(k)
            .is_some_and(|w| matches!(w.as_ref(), "the" | "a" | "an"))
        {
            k += 1;
        }
        let stop = (k + 5).min(self.lower.len());
        // "the National Front, whose leader, ...": a relative clause is about someone else.
        while k < stop
            && self.is_word(k)
            && !self.capitalised(k)
            && !matches!(self.lower[k].as_ref(), "whose" | "who" | "which" | "that")
        {
            let n = self
                .lex
                .titles
                .longest_match(self.lower[k..stop].iter().map(|w| &**w));
            if n > 0 {
                return self
                    .lower
                    .get(k + n)
                    .is_some_and(|w| matches!(w.as_ref(), "," | "of" | "at" | "for" | "in" | "."));
            }
            k += 1;
        }
        false
    }

    /// Whether most words of a sentence are capitalised, as in headlines.
    /// Title case leaves only short and function words in lowercase: "Marine Le Pen spoke
    /// next." has as many capitals, but "spoke" says it is a sentence.
    fn title_case(&self, range: Range<usize>) -> bool {
        let (mut words, mut caps) = (0, 0);
        for i in range {
            if self.is_word(i) && self.tok(i).chars().next().is_some_and(char::is_alphabetic) {
                words += 1;
                if self.capitalised(i) {
                    caps += 1;
                } else if self.lower[i].chars().count() > 3 && !self.lex.is_function_word(&self.lower[i]) {
                    // Short words ("of", "a", "vs", "de") are lowercase in title case too.
                    return false;
                }
            }
        }
        words >= 4 && caps * 10 >= words * 6
    }

    /// A capital inside a word, as in brands ("PolitiFact"), but not "McCain", "VandeHei" or
    /// "O'Neill", nor a given name of two given names ("RoseAnn", "JoAnne").
    fn inner_capital(&self, i: usize) -> bool {
        let t = self.tok(i);
        let mut prev: Option<char> = None;
        for (k, c) in t.char_indices() {
            if k > 0 && c.is_uppercase() {
                let after_prefix = [
                    "Mc", "Mac", "De", "La", "Le", "Du", "Di", "Da", "Van", "Von", "Vande", "Vander", "Ter",
                ]
                .iter()
                .any(|p| t[..k] == **p);
                let after_mark = matches!(prev, Some('\'' | '’' | '-' | '.'));
                let given_names = self.lex.is_given_name(&t[..k].to_lowercase())
                    && self.lex.is_given_name(&t[k..].to_lowercase());
                if !after_prefix && !after_mark && !given_names {
                    return true;
                }
            }
            prev = Some(c);
        }
        false
    }

    fn candidates(&self) -> Vec<Candidate> {
        let mut out = Vec::new();
        for (sentence, &headline) in self.seg.sentences.iter().zip(&self.headlines) {
            let (start, end) = (sentence.tokens.start, sentence.tokens.end);
            let mut i = start;
            while i < end {
                if !self.is_word(i) {
                    i += 1;
                    continue;
                }
                if let Some(mut t_end) = self.title_at(i, end) {
                    // Titles in a row ("vice presidential candidate Gov. Mike Pence") are
                    // one title phrase, not a name that starts with a title.
                    while let Some(next) = self.title_at(t_end, end).filter(|&n| n > t_end) {
                        if next < end && self.capitalised(next) && !self.acronym(next) {
                            t_end = next;
                        } else {
                            break;
                        }
                    }
                    // "CBC Chairman G.K. Butterfield": initials, not an acronym, when a
                    // capitalised surname follows.
                    let initials = t_end + 1 < end
                        && self.tok(t_end).contains('.')
                        && self.tok(t_end).split('.').all(|p| p.chars().count() <= 1)
                        && self.capitalised(t_end + 1);
                    if t_end < end && self.capitalised(t_end) && (!self.acronym(t_end) || initials) {
                        let mut n_end = self.name_run(t_end, end);
                        // "Miss Universe Alicia Machado": capitalised words before a given
                        // name and a surname still belong to the title.
                        if let Some(k) = self.role_before_name(t_end..n_end) {
                            t_end = k;
                            n_end = self.name_run(t_end, end);
                        }
                        // "the General Assembly", "commander in chief Wednesday": a title word
                        // inside the name of a thing, or before a day, names no one.
                        let thing = self
                            .lex
                            .not_people
                            .longest_match(self.lower[i..end].iter().map(|w| &**w))
                            > t_end - i;
                        let day = n_end == t_end + 1 && DAYS_AND_MONTHS.contains(&self.lower[t_end].as_ref());
                        if thing || day {
                            i = n_end;
                            continue;
                        }
                        // "Secretary of State": the run after a title is the name, but a title
                        // can also be followed by another capitalised title word.
                        out.push(Candidate {
                            title: Some(i..t_end),
                            name: t_end..n_end,
                            sentence_start: start,
                            sentence_end: end,
                            headline,
                        });
                        i = n_end;
                        continue;
                    }
                }
                if self.capitalised(i) {
                    let n_end = self.name_run(i, end);
                    // "Maricopa County Recorder Helen Purcell", "Trump Slams Hillary Clinton"
                    // in a headline: the words before a given name are a run of their own,
                    // and so is the name (which, after "The", may still name a thing).
                    let n_end = self.role_before_name(i..n_end).unwrap_or(n_end);
                    out.push(Candidate {
                        title: None,
                        name: i..n_end,
                        sentence_start: start,
                        sentence_end: end,
                        headline,
                    });
                    i = n_end;
                    continue;
                }
                i += 1;
            }
        }
        out
    }
}

/// How sure we are that a run names a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// A title or a given name says so.
    Strong,
    /// Only context could say so: the run must match a person found with strong evidence,
    /// or be the subject of a speech verb.
    Weak,
}

struct Named {
    title: Option<Range<usize>>,
    name: Range<usize>,
    evidence: Evidence,
    /// Whether, with weak evidence, it may name someone not named otherwise. A capitalised
    /// word that starts a sentence ("Teachers said") may only be a form of a known name,
    /// unless it is a known surname.
    may_create: bool,
    /// The person model's score for a weakly evidenced run (0 for strong ones).
    score: i32,
}

/// The people of an article, with the built-in person model.
pub fn find(text: &str, seg: &Segmentation, lower: &[Cow<str>]) -> People {
    find_with(PersonModel::builtin(), text, seg, lower)
}

/// The people of an article, with the given person model (training uses a model it has
/// just learned).
pub fn find_with(model: &PersonModel, text: &str, seg: &Segmentation, lower: &[Cow<str>]) -> People {
    let scan = Scan::new(text, seg, lower, model, None);
    let named = named_runs(&scan);
    merge(&scan, named)
}

/// A name run the person model scores, with its features, for training.
#[derive(Debug, Clone)]
pub struct Run {
    /// Tokens of the name (without titles).
    pub name: Range<usize>,
    /// The token of the name's last word that is not a suffix ("Biden" in "Joseph R. Biden
    /// Jr."): the word a person tagger is sure to tag.
    pub head: usize,
    pub feats: Vec<u64>,
}

/// Every name run of an article the person model would score, with its features. A zero
/// model stands in for the real one, so the runs do not depend on a model being trained.
pub fn model_runs(text: &str, seg: &Segmentation, lower: &[Cow<str>]) -> Vec<Run> {
    let zero = PersonModel::zero(4);
    let record = RefCell::new(Vec::new());
    let scan = Scan::new(text, seg, lower, &zero, Some(&record));
    named_runs(&scan);
    record.into_inner()
}

fn named_runs(scan: &Scan) -> Vec<Named> {
    let candidates = scan.candidates();
    // Surnames of people a title or given name vouches for: "Jordan" is then Jim Jordan,
    // not the country, wherever it appears in the article.
    let vouched: HashSet<&str> = candidates
        .iter()
        .filter(|c| {
            c.name.len() > 1 && (c.title.is_some() || scan.lex.is_given_name(&scan.lower[c.name.start]))
                || c.title.is_some()
        })
        .filter_map(|c| name_words(scan, &c.name).last().copied())
        .collect();
    // First words of companies' names ("Halden Motors"), which name the company when they
    // stand alone later ("Halden said"), unless a person vouched for has them or they are
    // common surnames ("Trump Hotels" leaves "Trump said" alone).
    let companies: HashSet<&str> = candidates
        .iter()
        .filter(|c| c.title.is_none() && c.name.len() >= 2)
        .filter(|c| COMPANY_WORDS.contains(&scan.lower[c.name.end - 1].as_ref()))
        .map(|c| scan.lower[c.name.start].as_ref())
        .filter(|w| !scan.lex.is_given_name(w) && !scan.lex.is_surname(w) && !vouched.contains(w))
        .collect();
    candidates
        .into_iter()
        .flat_map(|c| classify(scan, c, &vouched, &companies))
        .collect()
}

/// Last words of companies' names. Not every organisation word: "the Obama administration"
/// and "the Clinton Foundation" are named after the people who speak in the article.
#[rustfmt::skip]
const COMPANY_WORDS: &[&str] = &[
    "corp", "corp.", "corporation", "inc", "inc.", "company", "co.", "motors", "motor", "airlines",
    "airline", "airways", "pharmaceuticals", "pharma", "therapeutics", "energy", "petroleum",
    "mining", "chemicals", "insurance", "financial", "securities", "bancorp", "bank", "investments",
    "ventures", "software", "solutions", "logistics", "communications", "telecom", "automotive",
    "foods", "brands", "stores", "semiconductor", "semiconductors", "electronics", "robotics",
    "aerospace", "networks", "industries", "systems", "technologies", "holdings", "labs",
];

/// Words of title-case headlines that the census also lists as surnames.
const HEADLINE_WORDS: &[&str] = &[
    "just", "super", "will", "can", "may", "says", "said", "is", "a", "to", "of", "for", "with", "by",
    "over", "now", "new", "more", "less",
];

/// Splits a candidate run at names that are never people and decides how much evidence
/// each remaining part has.
fn classify(scan: &Scan, c: Candidate, vouched: &HashSet<&str>, companies: &HashSet<&str>) -> Vec<Named> {
    let lex = scan.lex;
    let mut out = Vec::new();
    let titled = c.title.is_some();
    let mut i = c.name.start;
    // A sentence's first word is capitalised anyway: drop it when it is not a name. Marks and
    // numbers before it do not change that ("“In Tulsa, ...", "(Having said that", "2) Can").
    let first_word = (c.sentence_start..c.sentence_end)
        .find(|&t| scan.is_word(t))
        .unwrap_or(c.sentence_start);
    if !titled && c.name.len() > 1 {
        let l = scan.lower[i].as_ref();
        // "Said Ellis:", an inverted attribution, even though Said is a surname too.
        let verb = lex
            .speech_verb(l)
            .is_some_and(|_| l.ends_with("ed") || l.ends_with('s') || l == "said");
        // "De Blasio said": a particle opens a surname.
        let unknown = !lex.is_given_name(l) && !lex.is_surname(l) && !PARTICLES.contains(&l);
        // A function word is capitalised only where a sentence or a phrase starts, which
        // need not be the sentence's first word ("Q: Does ...", "5) Can ...", "— Even ...").
        // Not an article or a possessive, which start the names of things ("The Dallas
        // Morning News") and are dropped only as a sentence's first word.
        let function_word = lex.is_sentence_starter(scan.tok(i)) && !DETERMINERS.contains(&l);
        // An unknown first word stays when a role follows the run: "Ban Ki-moon, the
        // secretary general, ...".
        let unknown = unknown && !(c.name.len() == 2 && scan.role_after(c.name.end));
        if function_word || i == first_word && (unknown || verb || lex.is_sentence_starter(scan.tok(i))) {
            i += 1;
        }
    }
    let end = c.name.end;
    let mut part_start = i;
    let push = |out: &mut Vec<Named>, range: Range<usize>, title: Option<Range<usize>>| {
        if range.is_empty() {
            return;
        }
        let first = scan.lower[range.start].as_ref();
        let last = scan.lower[range.end - 1].as_ref();
        if lex.is_org_word(last) && range.len() > 1 && title.is_none() {
            return;
        }
        if range.len() == 1
            && (scan.acronym(range.start)
                || lex.is_org_word(first)
                || title.is_none() && companies.contains(first))
        {
            return;
        }
        // "St. Louis", "St. Jude Children's Research Hospital": a saint's name names a place
        // or an institution in the news, whether the run keeps "St." or dropped it as a
        // sentence's unknown first word.
        let saint = |t: usize| matches!(scan.lower[t].as_ref(), "st." | "st");
        if saint(range.start) || range.start > 0 && saint(range.start - 1) {
            return;
        }
        // "Johnson & Johnson", "Latham & Watkins": names joined by an ampersand are a firm's,
        // unless they are two different given names ("Hillary & Chelsea").
        let n_tokens = scan.seg.tokens.len();
        let across = if range.end + 1 < n_tokens && scan.tok(range.end) == "&" {
            Some(range.end + 1).filter(|&t| scan.is_word(t) && scan.capitalised(t))
        } else if range.start >= 2 && scan.tok(range.start - 1) == "&" {
            Some(range.start - 2).filter(|&t| scan.capitalised(t))
        } else {
            None
        };
        // Not when a person stands across it either: "Rudy Giuliani & Sen. Jeff Sessions",
        // "Ann & I".
        let person_across = |t: usize| {
            let other = scan.lower[t].as_ref();
            other != first && lex.is_given_name(first) && lex.is_given_name(other)
                || other == "i"
                || scan.title_at(t, n_tokens).is_some()
        };
        if across.is_some_and(|t| !person_across(t)) {
            return;
        }
        // "As Secretary I championed ...": the pronoun after a title is no name.
        if range.len() == 1 && scan.tok(range.start) == "I" {
            return;
        }
        // "Roe v. Wade": the parties of a court case name the case ("Clinton vs. Trump" is a
        // contest of people).
        let versus = |i: usize| {
            scan.lower
                .get(i)
                .is_some_and(|w| matches!(w.as_ref(), "v" | "v."))
        };
        if versus(range.end)
            || range.start > 1 && versus(range.start - 2) && scan.tok(range.start - 1) == "."
            || range.start > 0 && versus(range.start - 1)
        {
            return;
        }
        // Contractions ("We've", "You'd") are never names; "D'Souza" and "O'Neill" are.
        let contraction = |w: &str| {
            w.rsplit_once('\'')
                .is_some_and(|(_, end)| matches!(end, "s" | "d" | "ll" | "re" | "ve" | "m" | "t"))
        };
        if range.len() == 1 && contraction(&scan.lower[range.start]) {
            return;
        }
        // "the Charlotte Observer": a name after "the" needs more than a given name.
        if title.is_none() {
            let all_caps = range.len() > 1
                && range
                    .clone()
                    .all(|t| !scan.tok(t).chars().any(char::is_lowercase));
            if first == "i" && range.len() == 1 || all_caps || range.clone().any(|t| scan.inner_capital(t)) {
                return;
            }
        }
        let after_the = range.start > 0 && scan.lower[range.start - 1] == "the";
        // "Le Pen", "De Blasio": a particle starts a surname, even one the census lists as a
        // given name ("Al" and "Van" are given names as often: "Al Sharpton").
        let particle = PARTICLES.contains(&first) && !matches!(first, "al" | "van" | "del");
        let given = lex.is_given_name(first) && range.len() > 1 && !after_the && !particle;
        // "Oscar P. Quintero": a middle initial between two capitalised words.
        let initialled = range.len() == 3
            && is_initial(&scan.lower[range.start + 1])
            && scan.lower[range.start + 1].ends_with('.');
        let given = given || initialled && !after_the;
        let mut range = range;
        let mut evidence = if title.is_some() || given {
            Evidence::Strong
        } else {
            Evidence::Weak
        };
        // In a headline only "Given Surname" is trusted by the rules; the model may still
        // vouch for a longer run.
        let mut rules_reject = false;
        if c.headline && title.is_some() {
            // In title case every word is capitalised ("Comedian Who Endorsed Cruz ..."): the
            // name after a title ends at the first word that cannot be part of one (a function
            // word, a verb: "Mark Cuban Just Revealed ..."), after three words at most, and
            // needs a word that looks like a name ("Barack Obama Says ...").
            let junk = |t: usize| {
                let w = scan.lower[t].as_ref();
                HEADLINE_WORDS.contains(&w)
                    || lex.is_sentence_starter(scan.tok(t))
                    || lex.speech_verb(w).is_some()
                    || w.ends_with("ed")
                    || w.ends_with("ing")
            };
            let known = |t: usize| {
                let w = scan.lower[t].as_ref();
                lex.is_given_name(w) || lex.is_surname(w) || vouched.contains(w)
            };
            let mut end = range.start;
            while end < range.end && end - range.start < 3 && !junk(end) {
                end += 1;
            }
            if !(range.start..end).any(known) {
                end = range.start;
            }
            if end == range.start {
                rules_reject = true;
            } else {
                range = range.start..end;
            }
        } else if c.headline {
            // A given name and a surname, with its particle ("Marine Le Pen").
            let particle = range.len() > 2 && PARTICLES.contains(&scan.lower[range.start + 1].as_ref());
            let keep = 2 + usize::from(particle);
            if evidence == Evidence::Strong && range.len() > keep {
                range = range.start..range.start + keep;
            }
            // "Recognizes Major Islamic Holiday": a given name is a headline's ordinary word
            // unless a surname follows it.
            let second = scan.lower[range.end - 1].as_ref();
            let surname = lex.is_surname(second) || vouched.contains(second);
            rules_reject = match evidence {
                Evidence::Strong => !surname,
                Evidence::Weak => range.len() > 1,
            };
        }
        let at_start = range.start == first_word;
        // At a sentence's start a lone capitalised word is often a plural or collective noun
        // ("Teachers said", "Police said"): it needs to look like a surname.
        let collective = last.ends_with('s') && !last.ends_with("ss")
            || COLLECTIVE.contains(&last)
            || last.ends_with("ing")
            || last.ends_with("ly");
        let may_create = !(at_start && range.len() == 1 && collective || c.headline) || lex.is_surname(last);
        let facts = RunFacts {
            sentence: (c.sentence_start, c.sentence_end),
            titled: title.is_some(),
            given,
            at_start,
            headline: c.headline,
            collective,
            may_create,
            vouched: vouched.contains(last),
            strong: evidence == Evidence::Strong,
        };
        let mut score = 0;
        if evidence == Evidence::Weak || title.is_none() || scan.record.is_some() {
            let mut feats = scan.feats.borrow_mut();
            feats.clear();
            run_features(scan, &range, facts, &mut feats);
            score = scan.model.score(&feats);
            if let Some(record) = scan.record {
                record.borrow_mut().push(Run {
                    name: range.clone(),
                    head: head_word(scan, &range),
                    feats: feats.clone(),
                });
            }
        }
        // A given name alone can be wrong ("Florida Friday", "So I"): the model may overrule
        // it when it is sure, but never a title, nor a known surname after the given name
        // ("waved at Kevin Ross", where the context misleads the model), nor a surname with
        // a particle ("Marine Le Pen", which the model, trained on few such names, doubts).
        let particled = range.len() > 2
            && (range.start + 1..range.end - 1).any(|t| PARTICLES.contains(&scan.lower[t].as_ref()));
        if evidence == Evidence::Strong
            && title.is_none()
            && score < STRONG_VETO
            && (!lex.is_surname(last) || DAYS_AND_MONTHS.contains(&last))
            && !particled
        {
            return;
        }
        // "Kazakhstan's foreign minister, Erlan Idrissov, said": a name set off by commas
        // right after a role is the person who holds it, as sure as a title before it.
        // So is one a role follows ("Ban Ki-moon, the secretary general of the United
        // Nations, sat ...").
        let appositive_role =
            !c.headline && range.len() >= 2 && (scan.role_before(&range) || scan.role_after(range.end));
        if evidence == Evidence::Weak && (score >= CREATE || appositive_role) && range.len() <= 3 {
            // The model is sure, or the role says so: a person like one a title or given
            // name vouches for.
            evidence = Evidence::Strong;
        } else if rules_reject {
            return;
        }
        out.push(Named {
            title,
            name: range,
            evidence,
            may_create,
            score,
        });
    };
    while i < end {
        // A title or given name first makes the whole run a name ("Mr. Washington",
        // "George Washington"); otherwise a place or organisation inside it splits it. A
        // listed name of several words that begins with the given name is the thing's
        // ("Al Qaeda", "Hong Kong").
        let listed = lex
            .not_people
            .longest_match(scan.lower[i..end].iter().map(|w| &**w));
        let protected = titled
            || part_start == c.name.start
                && end - part_start > 1
                && lex.is_given_name(&scan.lower[part_start])
                && !(i == part_start && listed > 1);
        let n = if protected { 0 } else { listed };
        let n = if n == 1 && i + 1 == end && vouched.contains(scan.lower[i].as_ref()) {
            0
        } else {
            n
        };
        if n > 0 {
            let title = if part_start == c.name.start {
                c.title.clone()
            } else {
                None
            };
            push(&mut out, part_start..i, title);
            i += n;
            part_start = i;
        } else {
            i += 1;
        }
    }
    let title = if part_start == c.name.start {
        c.title.clone()
    } else {
        None
    };
    push(&mut out, part_start..end, title);
    out
}

// Thresholds on the person model's score, in the units of its quantized weights (the
// largest weight is `i16::MAX`), chosen on PolNeAR dev for the shipped weights; retraining
// with other options calls for choosing them again.

/// At or above this, the model vouches for a run no title or given name vouches for
/// ("Mitt Romney" with no title): it counts as strong evidence.
const CREATE: i32 = 20_000;
/// Below this, the model vetoes a weak run the rules would let create a person ("Newsdesk
/// then reported"); runs that match someone already named are kept whatever their score,
/// so every mention of an established person stays marked. Below zero, because being the
/// subject of a speech verb is good evidence already: dev scores are the same from 0 to
/// this value, and a speaker with a foreign name the model doubts a little stays a person.
const VETO: i32 = -10_000;
/// Below this, the model vetoes a run that only a given name vouches for.
const STRONG_VETO: i32 = -10_000;

/// What the rules already know about a run, as features for the person model.
#[derive(Debug, Clone, Copy)]
struct RunFacts {
    /// Token range of the run's sentence.
    sentence: (usize, usize),
    titled: bool,
    given: bool,
    at_start: bool,
    headline: bool,
    collective: bool,
    may_create: bool,
    vouched: bool,
    strong: bool,
}

/// Feature templates of the person model.
mod template {
    pub const FLAGS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const SHAPE: u64 = 3;
    pub const FIRST: u64 = 4;
    pub const LAST: u64 = 5;
    pub const SUFFIX: u64 = 6;
    pub const LEN: u64 = 7;
    pub const PREV: u64 = 8;
    pub const PREV2: u64 = 9;
    pub const NEXT: u64 = 10;
    pub const NEXT2: u64 = 11;
    pub const PREV_SHAPE: u64 = 12;
    pub const NEXT_SHAPE: u64 = 13;
    pub const LEXICON: u64 = 14;
    pub const RUN_SHAPE: u64 = 15;
    pub const LEN_START: u64 = 16;
    pub const PREV_LAST: u64 = 17;
    pub const LAST_NEXT: u64 = 18;
}

#[inline]
fn feature(t: u64, v: u64) -> u64 {
    // MurmurHash3's finaliser, so every bit of template and value reaches the bucket bits.
    let mut h = v ^ t.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A word's shape, with repeats collapsed: "Romney" is `Xx`, "McCain" `XxXx`, "U.N." `X.X.`.
fn shape(word: &str) -> u64 {
    let mut h: u64 = 0x51_7cc1;
    let mut prev = '\0';
    let mut n = 0;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != prev {
            h = h.wrapping_mul(0x100_0000_01b3) ^ k as u64;
            prev = k;
            n += 1;
            if n > 6 {
                break;
            }
        }
    }
    h
}

/// The features of the name run `range`: its words and their shapes, the words around it,
/// and what the lexicon and the rules say of it.
fn run_features(scan: &Scan, range: &Range<usize>, facts: RunFacts, out: &mut Vec<u64>) {
    use template::*;
    let lex = scan.lex;
    let head = head_word(scan, range);
    let first = scan.lower[range.start].as_ref();
    let last = scan.lower[head].as_ref();
    let word = |i: usize| hash_str(&scan.lower[i]);
    let (mut hf, mut hl) = (0, 0);
    let flags = [
        facts.titled,
        facts.given,
        facts.at_start,
        facts.headline,
        facts.collective,
        facts.may_create,
        facts.vouched,
        facts.strong,
    ];
    for (k, &f) in flags.iter().enumerate() {
        out.push(feature(FLAGS, (k as u64) << 1 | f as u64));
    }
    let mut run_shape: u64 = 0;
    for i in range.clone() {
        let h = word(i);
        if i == range.start {
            hf = h;
        }
        if i == head {
            hl = h;
        }
        out.push(feature(WORD, h));
        let sh = shape(scan.tok(i));
        out.push(feature(SHAPE, sh));
        run_shape = run_shape.rotate_left(11) ^ sh;
    }
    out.push(feature(RUN_SHAPE, run_shape));
    out.push(feature(FIRST, hf));
    out.push(feature(LAST, hl));
    // The last three letters, last first, without allocating.
    let mut buf = [0u8; 12];
    let mut k = 0;
    for c in last.chars().rev().take(3) {
        k += c.encode_utf8(&mut buf[k..]).len();
    }
    out.push(feature(
        SUFFIX,
        hash_str(std::str::from_utf8(&buf[..k]).unwrap_or("")),
    ));
    let len = range.len().min(4) as u64;
    out.push(feature(LEN, len));
    out.push(feature(LEN_START, len << 1 | facts.at_start as u64));
    // Context words; the start and end of the sentence count as words of their own.
    let (s_start, s_end) = facts.sentence;
    let at = |i: Option<usize>| -> u64 {
        match i {
            Some(i) if i >= s_start && i < s_end => word(i),
            _ => 0x5e47_e3ce,
        }
    };
    let prev = range.start.checked_sub(1);
    let next = Some(range.end);
    let (hp, hn) = (at(prev), at(next));
    out.push(feature(PREV, hp));
    out.push(feature(PREV2, at(range.start.checked_sub(2))));
    out.push(feature(NEXT, hn));
    out.push(feature(NEXT2, at(Some(range.end + 1))));
    out.push(feature(PREV_LAST, hp.rotate_left(7) ^ hl));
    out.push(feature(LAST_NEXT, hl.rotate_left(7) ^ hn));
    let shape_at = |i: Option<usize>| match i {
        Some(i) if i >= s_start && i < s_end => shape(scan.tok(i)),
        _ => 1,
    };
    out.push(feature(PREV_SHAPE, shape_at(prev)));
    out.push(feature(NEXT_SHAPE, shape_at(next)));
    // "Jones, a nurse": a comma and a lowercase word after the run.
    let role_after = range.end + 1 < s_end
        && scan.tok(range.end) == ","
        && scan.tok(range.end + 1).starts_with(char::is_lowercase);
    let lexicon = [
        lex.is_given_name(first),
        lex.is_surname(last),
        lex.not_people.longest_match([last]) == 1,
        range
            .clone()
            .any(|i| lex.not_people.longest_match([scan.lower[i].as_ref()]) > 0),
        range.clone().any(|i| lex.is_org_word(&scan.lower[i])),
        lex.is_sentence_starter(scan.tok(range.start)),
        lex.titles.longest_match([last]) > 0,
        speaks(scan, range),
        role_after,
        range.end < s_end && matches!(scan.lower[range.end].as_ref(), "'s" | "'"),
    ];
    for (k, &f) in lexicon.iter().enumerate() {
        out.push(feature(LEXICON, (k as u64) << 1 | f as u64));
    }
}

/// The token of a name's last word that is not a suffix ("Jr.").
fn head_word(scan: &Scan, name: &Range<usize>) -> usize {
    (name.start..name.end)
        .rev()
        .find(|&i| scan.is_word(i) && !SUFFIXES.contains(&scan.lower[i].as_ref()))
        .unwrap_or(name.end - 1)
}

/// The words of a name that identify the person: without suffixes and initials.
fn name_words<'a>(scan: &'a Scan, name: &Range<usize>) -> Vec<&'a str> {
    name.clone()
        .filter(|&i| scan.is_word(i))
        .map(|i| scan.lower[i].as_ref())
        .filter(|w| !SUFFIXES.contains(w) && !PARTICLES.contains(w))
        .collect()
}

fn is_initial(word: &str) -> bool {
    word.trim_end_matches('.').chars().count() == 1
}

/// Whether a weakly evidenced run is the subject of a speech verb ("Peskov said", "Peskov
/// also told") or follows one in an inverted attribution ("said Peskov").
fn speaks(scan: &Scan, name: &Range<usize>) -> bool {
    let toks = &scan.seg.tokens;
    if name.start > 0 && matches!(scan.lower[name.start - 1].as_ref(), "the" | "a" | "an") {
        return false;
    }
    // "Quina Jones, 25, said", "Jones, a nurse, said"
    if name.end < toks.len() && scan.tok(name.end) == "," {
        let mut j = name.end + 1;
        while j < toks.len() && j < name.end + 12 && !matches!(scan.tok(j), "," | "." | ";") {
            j += 1;
        }
        if j + 1 < toks.len() && scan.tok(j) == "," && scan.lex.speech_verb(&scan.lower[j + 1]).is_some() {
            return true;
        }
    }
    let mut j = name.end;
    while j < toks.len() && j < name.end + 3 {
        let l = scan.lower[j].as_ref();
        if scan.lex.speech_verb(l).is_some() {
            return true;
        }
        if !matches!(
            l,
            "also" | "has" | "had" | "have" | "later" | "then" | "previously" | "once" | "repeatedly"
        ) {
            break;
        }
        j += 1;
    }
    if name.start > 0 {
        let l = scan.lower[name.start - 1].as_ref();
        if matches!(
            l,
            "said" | "says" | "added" | "told" | "wrote" | "asked" | "according"
        ) {
            return true;
        }
        if l == "to" && name.start > 1 && scan.lower[name.start - 2] == "according" {
            return true;
        }
    }
    false
}

/// The gender a title states ("Mrs.", "Queen", "spokeswoman", "Congressman"). Words ending in
/// "man" count only when they are roles: "German Chancellor" says nothing.
fn title_gender(title: &str) -> Gender {
    const FEMALE: &[&str] = &[
        "mrs.", "ms.", "miss", "queen", "princess", "lady", "dame", "sister",
    ];
    const MALE: &[&str] = &["mr.", "king", "prince", "sir", "lord", "father"];
    let lex = Lexicon::get();
    let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
    let role = |w: &str| lex.not_people.longest_match([w]) == 0;
    if words
        .iter()
        .any(|w| FEMALE.contains(&w.as_str()) || w.ends_with("woman") && role(w))
    {
        Gender::Female
    } else if words
        .iter()
        .any(|w| MALE.contains(&w.as_str()) || w.ends_with("man") && role(w))
    {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// Whether two words differ by one letter changed, added or dropped, with the same first
/// letter.
///
/// Compares the strings in place: it runs for every surname of an article against each lone
/// unknown name, and collecting the characters of both cost more than the rest of the merge.
fn one_letter_apart(a: &str, b: &str) -> bool {
    if a == b || a.chars().next() != b.chars().next() {
        return false;
    }
    // The common prefix has the same characters, so it ends at the same byte in both; when
    // one word is all prefix, it is the shorter one.
    let i = a
        .char_indices()
        .zip(b.chars())
        .find(|&((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let (ra, rb) = (&a[i..], &b[i..]);
    fn after_first(s: &str) -> &str {
        let mut cs = s.chars();
        cs.next();
        cs.as_str()
    }
    // One letter changed, dropped from `a`, or added to it.
    after_first(ra) == after_first(rb) || after_first(ra) == rb || ra == after_first(rb)
}

#[derive(Default)]
struct Builder {
    /// Full forms (several words) with how often each appears, in order of first appearance.
    forms: Vec<(String, usize)>,
    titles: Vec<String>,
    first: Option<String>,
    /// The words of the first full form, given name first.
    full: Vec<String>,
    gender: Option<Gender>,
    /// Token index where each strongly evidenced mention starts, in text order.
    starts: Vec<usize>,
}

fn merge(scan: &Scan, named: Vec<Named>) -> People {
    let text = scan.text;
    let toks = &scan.seg.tokens;
    let mut builders: Vec<Builder> = Vec::new();
    // Keyed by words of the tokens' lowercase forms, which outlive the merge.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut mentions: Vec<Mention> = Vec::new();

    // Strong names first, in text order, so that weak ones can match them wherever they are.
    // Of the weak ones, those that speak first: they alone may create a person, and "Patel,
    // a Democrat, accused ..." before "Patel said" is the same Patel.
    let mut order: Vec<usize> = (0..named.len()).collect();
    order.sort_by_cached_key(|&k| {
        let n = &named[k];
        let strong = n.evidence == Evidence::Strong;
        (!strong, !strong && !speaks(scan, &n.name), n.name.start)
    });
    for k in order {
        let n = &named[k];
        let words = name_words(scan, &n.name);
        let Some(&last) = words.last() else { continue };
        let first = if words.len() > 1 { Some(words[0]) } else { None };
        // A person with this surname and a compatible given name; the nearest before it.
        // A surname of two words ("Mr. Guajardo Villarreal" after "Ildefonso Guajardo
        // Villarreal") ends the full name, so its first word is no given name; a known given
        // name is one ("Hillary Clinton" after an epithet, "Crooked Hillary Clinton").
        let ends_full = |b: &Builder| {
            !scan.lex.is_given_name(words[0])
                && b.full.len() > words.len()
                && b.full[b.full.len() - words.len()..]
                    .iter()
                    .zip(&words)
                    .all(|(a, w)| a == w)
        };
        // "Mr. Obama" is not Michelle Obama: a title of one gender rules out people of the
        // other, and so does a given name ("Michelle Obama" after "Mr. Obama").
        let gender = n.title.as_ref().map_or(Gender::Unknown, |t| {
            title_gender(Span::new(toks[t.start].span.start, toks[t.end - 1].span.end).text(text))
        });
        let gender = match first.and_then(|f| scan.lex.given_name_gender(f)) {
            Some(g) if gender == Gender::Unknown => g,
            _ => gender,
        };
        let compatible = |b: &Builder| {
            let names = match (first, &b.first) {
                (Some(f), Some(g)) => {
                    f == g
                        || (is_initial(f) || is_initial(g)) && f.chars().next() == g.chars().next()
                        || ends_full(b)
                }
                _ => true,
            };
            names && b.gender.is_none_or(|g| g.agrees(gender))
        };
        // Of the people with this surname named before it, the one named most often so far
        // when it is a surname alone (the article's principal: "Cruz" is the senator, not his
        // wife or father), else the nearest; with no one before, the first named after.
        let here = n.name.start;
        let mut person = by_last
            .get(last)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&p| compatible(&builders[p]))
            .max_by_key(|&p| {
                let starts = &builders[p].starts;
                let k = starts.partition_point(|&s| s < here);
                let before = k.checked_sub(1).map(|k| starts[k]);
                let principal = if first.is_none() { k } else { 0 };
                (
                    before.is_some(),
                    principal,
                    before.unwrap_or(usize::MAX - builders[p].starts.first().copied().unwrap_or(0)),
                )
            });
        if person.is_none() && words.len() == 1 {
            // "Hillary" after "Hillary Clinton": a given name alone, when only one person has it.
            if let Some(ps) = by_first.get(last) {
                if ps.len() == 1 {
                    person = Some(ps[0]);
                }
            }
            // "Wines" in an article about Leslie Wimes: a surname alone that no one has, one
            // letter away from the surname of exactly one person named in full, is a typo of
            // it. Short names are left alone ("Bush" and "Rush" are two people).
            if person.is_none() && last.chars().count() >= 5 {
                let mut near = by_last
                    .iter()
                    .filter(|(other, _)| one_letter_apart(last, other))
                    .flat_map(|(_, ps)| ps.iter().copied())
                    .filter(|&p| builders[p].first.is_some());
                if let (Some(p), None) = (near.next(), near.next()) {
                    person = Some(p);
                }
            }
        }
        if person.is_none() && n.evidence == Evidence::Weak && !n.may_create {
            continue;
        }
        if person.is_none() && n.evidence == Evidence::Weak {
            let l = last;
            let place_like =
                scan.lex.not_people.contains(l) || scan.lex.is_sentence_starter(scan.tok(n.name.start));
            if words.len() > 3 || place_like || n.score < VETO || !speaks(scan, &n.name) {
                continue;
            }
        }
        let p = match person {
            Some(p) => p,
            None => {
                builders.push(Builder::default());
                let p = builders.len() - 1;
                by_last.entry(last).or_default().push(p);
                p
            }
        };
        let surname_only = ends_full(&builders[p]);
        let b = &mut builders[p];
        let span = Span::new(toks[n.name.start].span.start, toks[n.name.end - 1].span.end);
        let form = span.text(text);
        if let Some(f) = first.filter(|_| !surname_only) {
            if b.first.is_none() && !is_initial(f) {
                b.first = Some(f.to_string());
                b.full = words.iter().map(|w| w.to_string()).collect();
                by_first.entry(f).or_default().push(p);
            }
            match b.forms.iter_mut().find(|(s, _)| *s == form) {
                Some((_, c)) => *c += 1,
                None => b.forms.push((form.to_string(), 1)),
            }
            if b.gender.is_none() {
                b.gender = scan.lex.given_name_gender(f);
            }
        } else if b.gender.is_none() && b.forms.is_empty() && !scan.lex.is_surname(last) {
            // Known only by a given name ("Melanie said"); a word that is also a surname
            // ("Clinton", a man's given name too) tells nothing.
            b.gender = scan.lex.given_name_gender(last);
        }
        if let Some(t) = &n.title {
            let tspan = Span::new(toks[t.start].span.start, toks[t.end - 1].span.end);
            let title = tspan.text(text).split_whitespace().collect::<Vec<_>>().join(" ");
            if !b.titles.iter().any(|x| x.eq_ignore_ascii_case(&title)) {
                let g = title_gender(&title);
                if g != Gender::Unknown {
                    b.gender = Some(g);
                }
                b.titles.push(title);
            }
        }
        let start = n.title.as_ref().map_or(n.name.start, |t| t.start);
        // Strong names come first and in text order, so this stays sorted.
        if n.evidence == Evidence::Strong {
            b.starts.push(n.name.start);
        }
        mentions.push(Mention {
            person: p,
            span,
            tokens: start..n.name.end,
            name_start: n.name.start,
        });
    }
    mentions.sort_by_key(|m| m.tokens.start);
    let headlines = headline_mentions(scan, &builders, &by_last, &mentions);

    // Ids in order of first mention in the text (headlines aside), so output is stable and
    // reads naturally.
    let mut first_seen: Vec<usize> = vec![usize::MAX; builders.len()];
    for m in &mentions {
        first_seen[m.person] = first_seen[m.person].min(m.tokens.start);
    }
    let mut order: Vec<usize> = (0..builders.len())
        .filter(|&p| first_seen[p] != usize::MAX)
        .collect();
    order.sort_by_key(|&p| first_seen[p]);
    let mut new_id = vec![usize::MAX; builders.len()];
    for (id, &p) in order.iter().enumerate() {
        new_id[p] = id;
    }
    for m in &mut mentions {
        m.person = new_id[m.person];
    }
    let mut people = Vec::with_capacity(order.len());
    let mut genders = Vec::with_capacity(order.len());
    let mut spans_of: Vec<Vec<Span>> = vec![Vec::new(); order.len()];
    for m in &mentions {
        spans_of[m.person].push(m.span);
    }
    // Headline mentions show and export with the rest, but the statements and the tagger
    // see only the text's own (`People::mentions`): a headline's words are no sentence.
    for m in &headlines {
        let spans = &mut spans_of[new_id[m.person]];
        spans.push(m.span);
        spans.sort_by_key(|s| s.start);
    }
    for (id, &p) in order.iter().enumerate() {
        let b = &builders[p];
        let spans: Vec<Span> = std::mem::take(&mut spans_of[id]);
        // The most frequent full form, the earliest on a tie; a surname alone otherwise.
        let name = b
            .forms
            .iter()
            .enumerate()
            .max_by_key(|(i, (_, c))| (*c, std::cmp::Reverse(*i)))
            .map(|(_, (f, _))| f.clone())
            .unwrap_or_else(|| spans[0].text(text).to_string());
        let mut aliases: Vec<String> = Vec::new();
        for s in &spans {
            let form = s.text(text);
            if form != name && !aliases.iter().any(|a| a == form) {
                aliases.push(form.to_string());
            }
        }
        people.push(Person {
            id,
            name,
            titles: b.titles.clone(),
            aliases,
            mentions: spans,
        });
        genders.push(b.gender.unwrap_or(Gender::Unknown));
    }
    infer_genders(scan, &mentions, &mut genders);
    People {
        people,
        mentions,
        genders,
    }
}

/// Mentions in title-case headlines of people the article names in full. In title case
/// capitals prove nothing, so the rules trust few runs there ("Rip Donald Trump As A ..."
/// is no name); but a known person's surname, or given name and surname, is them ("Senate
/// Rebukes Whitlow Over Budget" after "Ada Whitlow" in the text). A surname that starts a
/// longer name of a place or organisation ("Trump Tower") is left alone.
fn headline_mentions(
    scan: &Scan,
    builders: &[Builder],
    by_last: &HashMap<&str, Vec<usize>>,
    mentions: &[Mention],
) -> Vec<Mention> {
    let toks = &scan.seg.tokens;
    let mut taken = vec![false; toks.len()];
    for m in mentions {
        taken[m.tokens.clone()].fill(true);
    }
    // (surname token, person, token the name starts at)
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (sentence, _) in scan.seg.sentences.iter().zip(&scan.headlines).filter(|(_, &h)| h) {
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        for i in start..end {
            // A word in capitals throughout is a heading's shout, not a name ("FULL SPEECH").
            let shouted = !scan.tok(i).chars().any(char::is_lowercase);
            if taken[i] || !scan.is_word(i) || !scan.capitalised(i) || shouted {
                continue;
            }
            // Exactly one person has this surname, named in full with a given name or a title
            // that vouches for them.
            let Some(&[p]) = by_last.get(scan.lower[i].as_ref()).map(Vec::as_slice) else {
                continue;
            };
            let b = &builders[p];
            let Some(first) = b.first.as_deref() else { continue };
            if !scan.lex.is_given_name(first) && b.titles.is_empty() {
                continue;
            }
            let words = scan.lower[i..end].iter().map(|w| &**w);
            if scan.lex.not_people.longest_match(words) > 1 {
                continue;
            }
            let given = i > start && !taken[i - 1] && scan.lower[i - 1] == first;
            found.push((i, p, if given { i - 1 } else { i }));
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    // The text uses the surname and the next word as a name of no one ("Trump Tower"): the
    // pair again, elsewhere and outside any mention. One pass over the capitalised words.
    let pair = |k: usize| {
        (
            scan.lower[k].as_ref(),
            scan.lower.get(k + 1).map_or("", |w| w.as_ref()),
        )
    };
    let pairs: HashSet<(&str, &str)> = found.iter().map(|&(i, _, _)| pair(i)).collect();
    let compounds: HashSet<(&str, &str)> = (0..toks.len().saturating_sub(1))
        .filter(|&k| {
            scan.capitalised(k)
                && !taken[k]
                && pairs.contains(&pair(k))
                && !found.iter().any(|&(i, _, _)| i == k)
        })
        .map(pair)
        .collect();
    found
        .into_iter()
        .filter(|&(i, _, _)| !compounds.contains(&pair(i)))
        .map(|(i, person, name_start)| Mention {
            person,
            span: Span::new(toks[name_start].span.start, toks[i].span.end),
            tokens: name_start..i + 1,
            name_start,
        })
        .collect()
}

/// For people whose name and titles say nothing of their gender ("Barack Obama", "Kofi
/// Annan"), the pronouns of the sentences that name them and no one else: "he", "his", "him"
/// against "she", "her". A clear majority decides.
fn infer_genders(scan: &Scan, mentions: &[Mention], genders: &mut [Gender]) {
    if !genders.contains(&Gender::Unknown) {
        return;
    }
    let mut votes = vec![(0u32, 0u32); genders.len()];
    let mut m = 0;
    let sentences = &scan.seg.sentences;
    for (si, s) in sentences.iter().enumerate() {
        let (start, mut end) = (s.tokens.start, s.tokens.end);
        while m < mentions.len() && mentions[m].tokens.start < start {
            m += 1;
        }
        let mut k = m;
        let mut only: Option<usize> = None;
        let mut several = false;
        while k < mentions.len() && mentions[k].tokens.start < end {
            match only {
                None => only = Some(mentions[k].person),
                Some(p) if p != mentions[k].person => several = true,
                _ => {}
            }
            k += 1;
        }
        let Some(p) = only.filter(|_| !several) else {
            continue;
        };
        if genders[p] != Gender::Unknown {
            continue;
        }
        // The next sentence too, when it names no one: its pronouns can only be this person's
        // or someone's from further back.
        if let Some(next) = sentences.get(si + 1) {
            let named = mentions.get(k).is_some_and(|x| x.tokens.start < next.tokens.end);
            if !named && next.paragraph == s.paragraph {
                end = next.tokens.end;
            }
        }
        for t in start..end {
            match scan.lower[t].as_ref() {
                "he" | "his" | "him" | "himself" => votes[p].0 += 1,
                "she" | "her" | "hers" | "herself" => votes[p].1 += 1,
                _ => {}
            }
        }
    }
    for (g, (male, female)) in genders.iter_mut().zip(votes) {
        if *g == Gender::Unknown {
            if male >= 2 && male >= 3 * female {
                *g = Gender::Male;
            } else if female >= 2 && female >= 3 * male {
                *g = Gender::Female;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_apart_is_one_edit_with_the_same_first_letter() {
        for (a, b) in [
            ("wimes", "wines"),
            ("giuliani", "giulini"),
            ("sweeney", "sweeny"),
            ("mclenney", "mcclenney"),
        ] {
            assert!(one_letter_apart(a, b) && one_letter_apart(b, a), "{a} {b}");
        }
        for (a, b) in [
            ("wimes", "wimes"),
            ("bush", "rush"),
            ("smith", "smythe"),
            ("wimes", "wines  "),
        ] {
            assert!(!one_letter_apart(a, b) && !one_letter_apart(b, a), "{a} {b}");
        }
    }

    /// The comparison as it was before it worked in place, by collected characters.
    fn one_letter_apart_plain(a: &str, b: &str) -> bool {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let (long, short) = if a.len() >= b.len() { (&a, &b) } else { (&b, &a) };
        if a.first() != b.first() || long.len() - short.len() > 1 || a == b {
            return false;
        }
        let i = long.iter().zip(short.iter()).take_while(|(x, y)| x == y).count();
        if long.len() == short.len() {
            long[i + 1..] == short[i + 1..]
        } else {
            long[i + 1..] == short[i..]
        }
    }

    proptest::proptest! {
        #[test]
        fn one_letter_apart_matches_the_plain_comparison(
            a in "[abé漢]{0,5}",
            edit in 0usize..4,
            at in 0usize..6,
            c in "[abé漢]",
        ) {
            // Mostly words an edit or two away from `a`, which random pairs seldom are.
            let mut chars: Vec<char> = a.chars().collect();
            let at = at.min(chars.len());
            let c = c.chars().next().unwrap();
            match edit {
                0 => chars.insert(at, c),
                1 if at < chars.len() => { chars.remove(at); }
                2 if at < chars.len() => chars[at] = c,
                _ => chars.push(c),
            }
            let b: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(one_letter_apart(&a, &b), one_letter_apart_plain(&a, &b));
            proptest::prop_assert_eq!(one_letter_apart(&b, &a), one_letter_apart_plain(&b, &a));
        }
    }
    use crate::analysis::segment::segment;

    fn people(text: &str) -> People {
        let seg = segment(text);
        let lower = lowercase_tokens(text, &seg);
        find(text, &seg, &lower)
    }

    fn names(text: &str) -> Vec<String> {
        people(text).people.into_iter().map(|p| p.name).collect()
    }

    /// The words of every mention, person by person.
    fn mention_forms(text: &str) -> Vec<&str> {
        let p = people(text);
        p.people
            .iter()
            .flat_map(|x| &x.mentions)
            .map(|m| m.text(text))
            .collect()
    }

    #[test]
    fn titles_given_names_and_surnames_merge_into_one_person() {
        let text = "Secretary of State Jane Holloway met Foreign Minister Oleg Brandt in Moscow. \
                    Holloway said little. Secretary Holloway left on Wednesday. Brandt's aides stayed.";
        let p = people(text);
        let names: Vec<&str> = p.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Jane Holloway", "Oleg Brandt"]);
        assert_eq!(p.people[0].titles, ["Secretary of State", "Secretary"]);
        assert_eq!(p.people[0].mentions.len(), 3);
        assert_eq!(p.people[1].titles, ["Foreign Minister"]);
        assert_eq!(p.people[1].aliases, ["Brandt"]);
        assert_eq!(p.genders[0], Gender::Female);
    }

    #[test]
    fn places_organisations_days_and_nationalities_are_not_people() {
        let text = "Russia and the United States met at the Kremlin on Wednesday. The Islamic State \
                    fired a Tomahawk, said the U.N. Security Council. Washington said no.";
        assert!(names(text).is_empty(), "{:?}", names(text));
    }

    #[test]
    fn saints_places_and_firms_joined_by_an_ampersand_are_not_people() {
        let text = "St. Brendan's Health said it treated four people. Nurses at St. Jude \
                    Children's Research Hospital were tired. Johnson & Johnson said it would \
                    review the site, and Cushman & Wakefield agreed, said Dana Kolb.";
        assert_eq!(names(text), ["Dana Kolb"]);
        // People still stand on either side of an ampersand.
        assert_eq!(
            names("Rudy Giuliani & Sen. Jeff Sessions wore hats. Ann & I prayed, Ann Lott wrote."),
            ["Rudy Giuliani", "Jeff Sessions", "Ann Lott"]
        );
    }

    #[test]
    fn a_place_name_after_a_given_name_or_title_is_a_person() {
        assert_eq!(
            names("George Washington crossed. Mr. Jordan spoke."),
            ["George Washington", "Jordan"]
        );
    }

    #[test]
    fn a_listed_thing_whose_name_starts_with_a_given_name_is_no_person() {
        // "Al" and "Hong" are given names; the whole listed name is a group and a city, but
        // a given name before another listed word still makes a person.
        assert_eq!(
            names("Fighters allied with Al Qaeda held the town. Hong Kong said no. Al Jordan said yes."),
            ["Al Jordan"]
        );
        // So is a name that starts with one and ends with a word of places and companies.
        assert!(
            names("Fans filled Madison Square Garden. Neal Street Productions made the show.").is_empty(),
            "{:?}",
            names("Fans filled Madison Square Garden. Neal Street Productions made the show.")
        );
    }

    #[test]
    fn a_pronoun_after_a_title_and_the_parties_of_a_court_case_are_not_people() {
        assert_eq!(
            names(
                "\"As Secretary I championed the pivot,\" Ann Lee said. Judges cited Roe v. Wade. \
                 The race is Ann Lee vs. Bo Chen."
            ),
            ["Ann Lee", "Bo Chen"]
        );
    }

    #[test]
    fn pollsters_and_the_names_of_shows_and_research_firms_are_not_people() {
        let text = "In 2014, Pew found that voters were split. The Sean Hannity Show aired it. \
                    Anderson Robbins Research polled it for the Oneida Indian Nation.";
        assert!(names(text).is_empty(), "{:?}", names(text));
    }

    #[test]
    fn an_unknown_surname_is_a_person_when_it_speaks() {
        assert_eq!(names("Peskov said the talks were useful."), ["Peskov"]);
        assert!(names("Peskov is a town.").is_empty());
    }

    #[test]
    fn nationality_before_a_title_is_part_of_it() {
        let p = people("Syrian President Bashar Assad's forces moved. Assad stayed.");
        assert_eq!(p.people.len(), 1);
        assert_eq!(p.people[0].name, "Bashar Assad");
        assert_eq!(p.people[0].titles, ["Syrian President"]);
        assert_eq!(p.people[0].mentions.len(), 2);
    }

    #[test]
    fn organisations_named_after_people_are_not_people() {
        assert!(names("The Clinton Foundation and Fox News agreed.").is_empty());
    }

    #[test]
    fn companies_are_no_people_and_roles_and_foreign_given_names_make_people() {
        let text = "Norvik Semiconductor said its profit fell. Council member Yusuf Adeyemi, \
                    whose district includes the plant, said jobs were safe. Political scientist \
                    Maeve Corrigan of Kestrel College said the town would recover.";
        assert_eq!(names(text), ["Yusuf Adeyemi", "Maeve Corrigan"]);
        // The company's first word alone later is the company, unless a person has it.
        let recall = "Halden Motors recalled 300,000 cars. Halden said it learned of the problem in March.";
        assert_eq!(names(recall), Vec::<String>::new());
        assert_eq!(
            names(&format!("Ida Halden founded the firm. {recall}")),
            ["Ida Halden"]
        );
    }

    #[test]
    fn a_headline_names_the_people_its_article_names_in_full() {
        let text = "Council Rebukes Whitlow Over Harbor Budget As Ada Whitlow Stays Calm.\n\n\
                    Councilwoman Ada Whitlow defended the budget on Monday. Whitlow said the \
                    harbor needs dredging. Visitors crowded Whitlow Tower all week.\n\n\
                    Whitlow Tower Reopens As Crowds Return.";
        let p = people(text);
        assert_eq!(p.people.len(), 1, "{:?}", p.people);
        let forms: Vec<&str> = p.people[0].mentions.iter().map(|m| m.text(text)).collect();
        // The headline's surname and full name, then the text's own mentions; the tower named
        // after her is hers in neither place.
        assert_eq!(forms, ["Whitlow", "Ada Whitlow", "Ada Whitlow", "Whitlow"]);
        // Statements and the tagger see only the text's own mentions.
        assert_eq!(p.mentions.len(), 2);
        // A headline that names no one the text names in full adds no one.
        assert!(names("Senate Rebukes Pratt Over Harbor Budget.\n\nThe vote was close.").is_empty());
    }

    #[test]
    fn a_given_name_of_the_other_gender_is_someone_else_of_the_family() {
        let p = people(
            "President Okafor spoke on Monday. Mr. Okafor said the harbor would reopen. \
             He will campaign with the first lady, Grace Okafor, next week. Okafor smiled.",
        );
        let found: Vec<(&str, usize)> = p
            .people
            .iter()
            .map(|x| (x.name.as_str(), x.mentions.len()))
            .collect();
        assert_eq!(found, [("Okafor", 3), ("Grace Okafor", 1)]);
    }

    #[test]
    fn a_function_word_that_opens_a_phrase_is_not_part_of_the_name() {
        // Capitalised after a colon, a dash, a numbered point or a quotation mark, not only
        // as a sentence's first word.
        let text = "The poll moved little. Even Marta Quill, who backs the mayor, was surprised. \
                    The panel asked: Does Oren Tadeo support the plan?\n\n\
                    2) Can Tadeo hold the district?\n\n\
                    Critics said, \u{201c}Unlike Quill, he never explains himself.\u{201d}";
        assert_eq!(names(text), ["Marta Quill", "Oren Tadeo"]);
        // An article still opens the name of a thing, not of a person ("The Dallas ...").
        assert!(names("She read it in The Charlotte Ledger on Monday.").is_empty());
    }

    #[test]
    fn a_name_ends_at_a_capitalised_function_word() {
        // A lost line break between a name and the next sentence, and a headline in quotes.
        let text = "Cheers, Ms. Quill  The harbor board chairwoman, Marta Quill, smiled. \
                    The editorial, titled \u{201c}Mr. Tadeo Is Not a Hero,\u{201d} ran on Monday.";
        let forms = mention_forms(text);
        assert_eq!(names(text), ["Marta Quill", "Tadeo"]);
        assert!(
            forms.iter().all(|f| !f.contains("The") && !f.contains("Is")),
            "{forms:?}"
        );
    }

    #[test]
    fn a_role_before_a_given_name_is_not_part_of_the_name() {
        let text = "Harbor County Recorder Wilma Ostrander said the count was right. \
                    Supervisor of Elections Dana Pruett agreed, and White House Counsel \
                    J. Ellis Varga declined to comment. Fox Weekend Sunday Nadia Brook asked more.";
        assert_eq!(
            names(text),
            ["Wilma Ostrander", "Dana Pruett", "J. Ellis Varga", "Nadia Brook"]
        );
        // A plural title before a list of names.
        let text = "Senators Wilma Ostrander and Dana Pruett voted no, as did Presidents Hale and Corbin.";
        let p = people(text);
        assert_eq!(p.people[0].name, "Wilma Ostrander");
        assert_eq!(p.people[0].titles, ["Senators"]);
        // In a headline the words before the name are their own run ("Ohio" stays a place).
        let text = "Pruett Wins More Votes In Ohio Than Wilma Ostrander.\n\n\
                    Wilma Ostrander conceded on Tuesday. Dana Pruett thanked voters.";
        let forms = mention_forms(text);
        assert!(
            forms.contains(&"Wilma Ostrander") && !forms.iter().any(|f| f.contains("Than")),
            "{forms:?}"
        );
        // After an article, a given name opens the name of a thing.
        assert!(names("He cited The New Walter Grimes Institute on Monday.").is_empty());
    }

    #[test]
    fn a_particle_opens_a_surname_wherever_it_stands() {
        let text = "Mayor Odile de Varenne spoke on Monday. De Varenne said the harbor was safe. \
                    Later de Varenne left.\n\nThe party leader, Marine Le Quellec, spoke next. \
                    Le Quellec said the vote would be close. Then Le Quellec smiled.";
        let p = people(text);
        let found: Vec<(&str, Vec<&str>)> = p
            .people
            .iter()
            .map(|x| (x.name.as_str(), x.mentions.iter().map(|m| m.text(text)).collect()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "Odile de Varenne",
                    vec!["Odile de Varenne", "De Varenne", "de Varenne"]
                ),
                (
                    "Marine Le Quellec",
                    vec!["Marine Le Quellec", "Le Quellec", "Le Quellec"]
                ),
            ]
        );
    }

    #[test]
    fn a_headline_that_ends_the_text_on_one_capitalised_word_is_read() {
        // The last run of a title-case line with no full stop is one word at the text's very
        // end, after a function word ended the run before it.
        assert_eq!(names("Sen. J. R. Smith The "), ["J. R. Smith"]);
        assert_eq!(
            names("Harbor Board Rebukes Mayor Over Ada Whitlow"),
            ["Ada Whitlow"]
        );
    }

    #[test]
    fn a_short_sentence_about_someone_is_no_headline() {
        // As many capitals as a headline, but "spoke" is in lowercase: a sentence, where a
        // given name and two more words are one name.
        let text = "Marta Ruiz Quill spoke next. Then Ruiz Quill left.";
        assert_eq!(names(text), ["Marta Ruiz Quill"]);
        // In a real title-case headline only short words stay in lowercase.
        let text = "Harbor Board Rebukes Mayor Over Cost of a New Pier.\n\nThe board met.";
        let seg = segment(text);
        let lower = lowercase_tokens(text, &seg);
        let scan = Scan::new(text, &seg, &lower, PersonModel::builtin(), None);
        assert_eq!(scan.headlines, [true, false]);
    }
}
