//! Word lists built into the binary from `assets/lexicon/`: speech verbs, titles,
//! abbreviations, given names, surnames and names that are never people.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const SPEECH_VERBS: &str = include_str!("../../assets/lexicon/speech_verbs.txt");
const TITLES: &str = include_str!("../../assets/lexicon/titles.txt");
const ABBREVIATIONS: &str = include_str!("../../assets/lexicon/abbreviations.txt");
const SENTENCE_STARTERS: &str = include_str!("../../assets/lexicon/sentence_starters.txt");
const GIVEN_NAMES: &str = include_str!("../../assets/lexicon/given_names.txt");
const GIVEN_NAMES_EXTRA: &str = include_str!("../../assets/lexicon/given_names_extra.txt");
const SURNAMES: &str = include_str!("../../assets/lexicon/surnames.txt");
const NOT_PEOPLE: &str = include_str!("../../assets/lexicon/not_people.txt");
const ORG_WORDS: &str = include_str!("../../assets/lexicon/org_words.txt");

/// The gender a given name or title suggests, for resolving "he" and "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    /// Whether a person of this gender can be referred to by a pronoun of the other.
    pub fn agrees(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// Multi-word phrases keyed by their first word, longest first.
#[derive(Debug, Default)]
pub struct Phrases {
    by_first: HashMap<&'static str, Vec<Vec<&'static str>>>,
}

impl Phrases {
    fn from_lines(lines: impl Iterator<Item = &'static str>) -> Self {
        let mut by_first: HashMap<&str, Vec<Vec<&str>>> = HashMap::default();
        for line in lines {
            let words: Vec<&str> = line.split_whitespace().collect();
            if let Some(&first) = words.first() {
                by_first.entry(first).or_default().push(words);
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Phrases { by_first }
    }

    /// The number of words of the longest phrase that starts the given lowercase words.
    pub fn longest_match<'a, I>(&self, words: I) -> usize
    where
        I: IntoIterator<Item = &'a str>,
        I::IntoIter: Clone,
    {
        let words = words.into_iter();
        let Some(first) = words.clone().next() else {
            return 0;
        };
        let Some(cands) = self.by_first.get(first) else {
            return 0;
        };
        for cand in cands {
            let mut w = words.clone();
            if cand.iter().all(|&c| w.next() == Some(c)) {
                return cand.len();
            }
        }
        0
    }

    pub fn contains(&self, phrase: &str) -> bool {
        let words = phrase.split_whitespace();
        let n = words.clone().count();
        n > 0 && self.longest_match(words) == n
    }
}

#[derive(Debug)]
pub struct Lexicon {
    /// Every form of every speech verb, mapped to its base form.
    verbs: HashMap<String, &'static str>,
    /// Verbs that report speech only before a quotation ("called it “a disaster”").
    quote_only: HashSet<&'static str>,
    pub titles: Phrases,
    // The words borrow the built-in lists: building the lexicon allocated a string for each
    // of its 26,000 lines, which was half the lexicon's cost, paid before any article.
    abbreviations: HashSet<&'static str>,
    title_abbreviations: HashSet<&'static str>,
    starters: HashSet<&'static str>,
    given: HashMap<&'static str, Gender>,
    org_words: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
    pub not_people: Phrases,
}

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// An upper bound on the number of entries of a list.
fn line_count(src: &str) -> usize {
    src.bytes().filter(|&b| b == b'\n').count() + 1
}

/// Whether `set` holds `word` lowercased by `lower`. Short ASCII words, nearly all of them,
/// are lowercased on the stack: these lookups run for many tokens, and allocating a string
/// for each showed in profiles.
fn contains_lowercased(set: &HashSet<&str>, word: &str, lower: fn(&str) -> String) -> bool {
    let mut buf = [0u8; 16];
    match buf.get_mut(..word.len()) {
        Some(buf) if word.is_ascii() => {
            buf.copy_from_slice(word.as_bytes());
            // Both ways of lowercasing agree on ASCII, which stays valid UTF-8.
            buf.make_ascii_lowercase();
            std::str::from_utf8(buf).is_ok_and(|w| set.contains(w))
        }
        _ => set.contains(lower(word).as_str()),
    }
}

/// Regular inflections of a verb: -s, -ed, -ing, with the common spelling rules.
fn inflect(base: &str) -> [String; 3] {
    let b = base.as_bytes();
    let last = b[b.len() - 1];
    let before = if b.len() > 1 { b[b.len() - 2] } else { b'a' };
    let vowel = |c: u8| b"aeiou".contains(&c);
    if last == b'e' {
        let stem = &base[..base.len() - 1];
        [format!("{base}s"), format!("{base}d"), format!("{stem}ing")]
    } else if last == b'y' && !vowel(before) {
        let stem = &base[..base.len() - 1];
        [format!("{stem}ies"), format!("{stem}ied"), format!("{base}ing")]
    } else if matches!(last, b's' | b'x' | b'z' | b'h') && (last != b'h' || matches!(before, b'c' | b's')) {
        [format!("{base}es"), format!("{base}ed"), format!("{base}ing")]
    } else {
        [format!("{base}s"), format!("{base}ed"), format!("{base}ing")]
    }
}

impl Lexicon {
    /// The built-in lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut verbs = HashMap::default();
        let mut quote_only = HashSet::default();
        for line in lines(SPEECH_VERBS) {
            let mut forms = line.split_whitespace();
            let Some(base) = forms.next() else { continue };
            let base: &'static str = Box::leak(base.to_string().into_boxed_str());
            let mut explicit: Vec<&str> = forms.collect();
            if explicit.last() == Some(&"+quote") {
                explicit.pop();
                quote_only.insert(base);
            }
            verbs.insert(base.to_string(), base);
            if explicit.is_empty() {
                for f in inflect(base) {
                    verbs.insert(f, base);
                }
            } else {
                for f in explicit {
                    verbs.insert(f.to_string(), base);
                }
            }
        }
        let mut abbreviations = HashSet::default();
        let mut title_abbreviations = HashSet::default();
        for line in lines(ABBREVIATIONS) {
            let mut parts = line.split_whitespace();
            let Some(word) = parts.next() else { continue };
            abbreviations.insert(word);
            if parts.next() == Some("title") {
                title_abbreviations.insert(word);
            }
        }
        let set = |src: &'static str| {
            // Sized up front: growing a set of 20,000 surnames rehashed it many times.
            let mut set = HashSet::with_capacity_and_hasher(line_count(src), Default::default());
            set.extend(lines(src));
            set
        };
        let mut given = HashMap::with_capacity_and_hasher(
            line_count(GIVEN_NAMES) + line_count(GIVEN_NAMES_EXTRA),
            Default::default(),
        );
        for line in lines(GIVEN_NAMES).chain(lines(GIVEN_NAMES_EXTRA)) {
            let mut parts = line.split_whitespace();
            let (Some(name), g) = (parts.next(), parts.next()) else {
                continue;
            };
            let gender = match g {
                Some("m") => Gender::Male,
                Some("f") => Gender::Female,
                _ => Gender::Unknown,
            };
            given.insert(name, gender);
        }
        Lexicon {
            verbs,
            quote_only,
            titles: Phrases::from_lines(lines(TITLES)),
            abbreviations,
            title_abbreviations,
            starters: set(SENTENCE_STARTERS),
            given,
            org_words: set(ORG_WORDS),
            surnames: set(SURNAMES),
            not_people: Phrases::from_lines(lines(NOT_PEOPLE)),
        }
    }

    /// Whether a word (without its full stop) is a known abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        w.len() <= 5 && contains_lowercased(&self.abbreviations, w, str::to_ascii_lowercase)
    }

    /// Whether a word with a full stop is a title abbreviation ("Sen."), which never ends a
    /// sentence because a name follows it.
    pub fn is_title_abbreviation(&self, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        w.len() <= 5 && contains_lowercased(&self.title_abbreviations, w, str::to_ascii_lowercase)
    }

    pub fn is_sentence_starter(&self, word: &str) -> bool {
        word.chars().next().is_some_and(char::is_uppercase)
            && word.len() <= 12
            && contains_lowercased(&self.starters, word, str::to_lowercase)
    }

    /// Whether a lowercase word is a function word of the sentence-starter list ("the",
    /// "with", "is"), which title case may leave in lowercase.
    pub fn is_function_word(&self, lower: &str) -> bool {
        self.starters.contains(lower)
    }

    /// The base form of a speech verb, from any of its forms (lowercase).
    pub fn speech_verb(&self, lower: &str) -> Option<&'static str> {
        self.verbs.get(lower).copied()
    }

    /// Whether a speech verb (base form) reports speech only before a quotation.
    pub fn needs_quote(&self, base: &str) -> bool {
        self.quote_only.contains(base)
    }

    /// Also true of compounds of given names ("jean-marc", "mary-kate").
    pub fn is_given_name(&self, lower: &str) -> bool {
        self.given_name_gender(lower).is_some()
    }

    /// The gender of a given name; a compound takes its first part's.
    pub fn given_name_gender(&self, lower: &str) -> Option<Gender> {
        if let Some(&g) = self.given.get(lower) {
            return Some(g);
        }
        let (first, rest) = lower.split_once('-')?;
        let first = self.given.get(first).copied()?;
        rest.split('-')
            .all(|part| self.given.contains_key(part))
            .then_some(first)
    }

    /// Whether a lowercase word is a title on its own ("spokesman", "senator"), not only
    /// the start of one.
    pub fn is_title_word(&self, lower: &str) -> bool {
        self.titles.longest_match([lower]) == 1
    }

    /// Words that end names of organisations and places ("Foundation", "Tower").
    pub fn is_org_word(&self, lower: &str) -> bool {
        self.org_words.contains(lower)
    }

    pub fn is_surname(&self, lower: &str) -> bool {
        self.surnames.contains(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_have_their_forms() {
        let lex = Lexicon::get();
        for (form, base) in [
            ("says", "say"),
            ("said", "say"),
            ("told", "tell"),
            ("accused", "accuse"),
            ("asserted", "assert"),
            ("reiterated", "reiterate"),
            ("denies", "deny"),
            ("stressing", "stress"),
            ("admitted", "admit"),
        ] {
            assert_eq!(lex.speech_verb(form), Some(base), "{form}");
        }
        assert_eq!(lex.speech_verb("table"), None);
    }

    #[test]
    fn phrases_match_the_longest_entry() {
        let lex = Lexicon::get();
        assert_eq!(lex.titles.longest_match(["secretary", "of", "state", "rex"]), 3);
        assert_eq!(lex.titles.longest_match(["secretary", "tillerson"]), 1);
        assert!(lex.not_people.contains("islamic state"));
        assert!(lex.not_people.contains("wednesday"));
        assert!(!lex.not_people.contains("lavrov"));
    }

    #[test]
    fn abbreviations_and_names() {
        let lex = Lexicon::get();
        assert!(lex.is_abbreviation("Sept"));
        assert!(lex.is_title_abbreviation("Sen."));
        assert!(!lex.is_title_abbreviation("Sept."));
        assert!(lex.is_given_name("rex"));
        assert!(lex.is_given_name("sergey"));
    }
}
