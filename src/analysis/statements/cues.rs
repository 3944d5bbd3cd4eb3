//! Cues: the speech verbs of a text, with the nouns that only look like them dropped.

use super::words::*;
use super::*;

impl<'a> Finder<'a> {
    /// Candidate cues: speech verbs and "according to", outside quotations.
    pub(super) fn cues(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let n = self.seg.tokens.len();
        for i in 0..n {
            if self.kind(i) != TokenKind::Word || self.in_quote(i) {
                continue;
            }
            let w = self.l(i);
            if self.according_to_at(i) {
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
            // "to say": an infinitive is no report, unless the speaker "went on to say" it;
            // "the said" is no verb.
            let start = self.goes_on_to(i).unwrap_or(i);
            if i > 0 && self.l(i - 1) == "to" && start == i || self.noun_use(i) {
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
            if self.product_recall(i) {
                continue;
            }
            if self.lex.needs_quote(base) {
                let s = self.sentence_range(i);
                if !(i + 1..s.end).any(|t| self.kind(t) == TokenKind::Quote) || self.naming_participle(i) {
                    continue;
                }
            }
            if WEAK_VERBS.contains(&base) {
                let next = if i + 1 < n { self.l(i + 1) } else { "" };
                if next == "to" && !INFINITIVE_VERBS.contains(&base) || next.is_empty() {
                    continue;
                }
            }
            out.push(start..i + 1);
        }
        self.drop_nouns(out)
    }

    /// "recalls 300,000 cars", "recalled about 2 million vehicles": a product recall, not a
    /// memory.
    pub(super) fn product_recall(&self, verb: usize) -> bool {
        self.lex.speech_verb(self.l(verb)) == Some("recall") && self.number_follows(verb + 1)
    }

    /// Whether a number starts at `t`, perhaps after a word of approximation ("about 300").
    fn number_follows(&self, t: usize) -> bool {
        let n = self.seg.tokens.len();
        let t = if t < n
            && matches!(
                self.l(t),
                "about" | "nearly" | "almost" | "some" | "roughly" | "over"
            ) {
            t + 1
        } else {
            t
        };
        t < n && self.kind(t) == TokenKind::Number
    }

    /// `a class called “Perception”`, `a group dubbed “the Squad”`: a participle after a
    /// common noun gives the thing its name, and no one speaks. `critics called it “...”` has
    /// the verb in the past, which the tagger tells apart.
    fn naming_participle(&self, i: usize) -> bool {
        if !self.l(i).ends_with('d') {
            return false;
        }
        // The noun's phrase opens with a determiner: `what critics called “...”` is a
        // speaker's word, and the tagger cannot always tell.
        let plain = |t: usize| {
            matches!(self.kind(t), TokenKind::Word | TokenKind::Number)
                && !self.tok(t).starts_with(char::is_uppercase)
                && !self.lex.is_function_word(self.l(t))
        };
        let mut k = i;
        while k > 0 && i - k < 4 && plain(k - 1) {
            k -= 1;
        }
        k < i
            && k > 0
            && matches!(
                self.l(k - 1),
                "a" | "an" | "the" | "this" | "these" | "those" | "his" | "her" | "their" | "its" | "our"
            )
            && self.pos.get(i) == Some(&Pos::VerbParticiple)
    }

    /// Where "went on to" starts, when the verb at `i` follows it: "Sanders said, going on
    /// to say that ...", "She went on to explain ...". A speaker's next words, reported.
    pub(super) fn goes_on_to(&self, i: usize) -> Option<usize> {
        (i >= 3
            && self.l(i - 1) == "to"
            && self.l(i - 2) == "on"
            && matches!(self.l(i - 3), "go" | "goes" | "going" | "went" | "gone"))
        .then(|| i - 3)
    }

    /// Whether a finite verb (past, present, modal or auxiliary) follows token `c` in its
    /// sentence before a comma or semicolon, within fifteen tokens: "held a press
    /// conference, shortly after Trump said ..." holds an object, the verb is another
    /// clause's.
    pub(super) fn finite_verb_after(&self, c: usize, s1: usize) -> bool {
        (c + 1..s1.min(c + 16))
            .take_while(|&t| !self.is_punct(t, ";") && !self.is_punct(t, ","))
            .any(|t| {
                matches!(
                    self.pos.get(t),
                    Some(Pos::VerbPast | Pos::VerbPresent | Pos::Modal)
                ) || AUXILIARIES.contains(&self.l(t))
            })
    }

    /// Drops the cues the part-of-speech tagger reads as nouns. Only a verb's bare form and
    /// its form in "-s" can be nouns ("five states", "his recent remarks", "at one point"); a
    /// determiner just before is caught by [`Finder::noun_use`] without the tagger, the rest
    /// need it, as the words around them alone cannot tell "swing states" from "the report
    /// states".
    pub(super) fn drop_nouns(&self, cues: Vec<std::ops::Range<usize>>) -> Vec<std::ops::Range<usize>> {
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
            // "to settle claims that ...", "denied reports that ...": after a verb it is the
            // object, a noun.
            let after_verb = i > 0
                && !AUXILIARIES.contains(&self.l(i - 1))
                && matches!(
                    pos.get(i - 1),
                    Some(
                        Pos::Verb | Pos::VerbPast | Pos::VerbPresent | Pos::VerbGerund | Pos::VerbParticiple
                    )
                );
            let before_content = !after_verb
                && i + 1 < self.seg.tokens.len()
                && (self.l(i + 1) == "that"
                    || self.is_punct(i + 1, ":")
                    || self.kind(i + 1) == TokenKind::Quote);
            after_subject || before_content
        };
        cues.into_iter()
            // The tagger last: it tags the cue's whole sentence the first time it is asked.
            .filter(|c| !(ambiguous(c) && !verb_by_place(c) && pos.get(c.start) == Some(&Pos::Noun)))
            .collect()
    }
}
