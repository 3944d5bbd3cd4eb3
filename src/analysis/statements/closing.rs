//! Pass 2: attributions that close a sentence (`..., officials said.`, `..., said Putin.`,
//! `..., according to X.`).

use super::words::*;
use super::*;

impl<'a> Finder<'a> {
    pub(super) fn closing_attributions(&mut self, cues: &[std::ops::Range<usize>]) {
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
                    self.accept_framed(source, cue.clone(), tail + 1, last);
                }
                continue;
            }
            let verb = cue.start;
            // `..., said Putin.`, unless the comma closes an appositive of a subject before
            // it ("Megan Hale, a teacher, said parents ...", "A diplomat, who spoke on
            // condition of anonymity, said the talks ...").
            let appositive = verb > s0 && self.appositive_subject(verb - 1, s0).is_some();
            // A verb whose object is its hearer is never inverted: in `"...," Ann Roe, a
            // director, told The Post.` the paper is no source.
            let hearer_after = !invertible(self.base(cue));
            if verb > s0
                && self.is_punct(verb - 1, ",")
                && !appositive
                && !hearer_after
                && !self.l(verb).ends_with("ing")
            {
                if let Some(source) = self.subject_after(cue.end, s1) {
                    let tail = self.attribution_tail(source.tokens.end, s1);
                    // `said an aide who was not authorized to speak`: a relative clause
                    // describes the source to the end, as an appositive would.
                    let relative = source.tokens.end < last && self.l(source.tokens.end) == "who";
                    let fits = relative
                        || self.circumstantial(source.tokens.end, tail.min(last))
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
            let Some(mut source) = self.subject_before(j, s0) else {
                continue;
            };
            // `..., her spokesman Tom Ashby said.`: the description is the source's too.
            if source.speaker.is_some() {
                if let Some(d) = self.description_before(source.tokens.start, s0) {
                    source.tokens.start = d;
                }
            }
            let source = self.with_coordinated(source, s0);
            let before = source.tokens.start;
            if before <= s0 || !self.is_punct(before - 1, ",") {
                continue;
            }
            // "..., Graham told The Huffington Post on Thursday.": past the object first.
            let after = if cue.end < last {
                self.past_hearer(cue, cue.end, s1)
            } else {
                cue.end
            };
            let tail = self.attribution_tail(after, s1);
            // "They sell coffee, she says; she sells bread.": a semicolon ends the clause the
            // attribution closes.
            if !self.circumstantial(after, tail)
                || tail < last
                    && !self.is_punct(tail, ";")
                    && !(self.is_punct(tail, ",") && self.appositive_to_end(tail, last, false))
            {
                continue;
            }
            let content = s0..before - 1;
            if self.words_in(content.clone()) >= 3 && !self.is_claimed(content.clone()) {
                // The clause after the semicolon goes on in the speaker's voice.
                let rest = (tail < last && self.is_punct(tail, ";")).then(|| tail + 1..last);
                let f = self.found(Some(source.clone()), Some(cue.clone()), content, false);
                self.accept(f);
                if let Some(rest) =
                    rest.filter(|r| self.words_in(r.clone()) >= 3 && !self.is_claimed(r.clone()))
                {
                    let f = self.found(Some(source), Some(cue.clone()), rest, false);
                    self.accept(f);
                }
            }
        }
    }

    /// Whether the words from `from` to `to` only say where or when something was said
    /// ("in an interview on Monday"), not what.
    pub(super) fn circumstantial(&self, from: usize, to: usize) -> bool {
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
    pub(super) fn appositive_to_end(&self, comma: usize, last: usize, inverted: bool) -> bool {
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
                // "said Ann Lee, a professor at the college, who has studied ...": a clause
                // set off by its own comma closes the description as well.
                let opens_clause = |t: usize| {
                    self.kind(t - 1) == TokenKind::Word
                        || self.is_punct(t - 1, ",") && matches!(self.l(t), "who" | "which")
                };
                let phrase_end = if inverted {
                    (next + 2..last).find(|&t| relative(t) && opens_clause(t))
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

    /// Accepts the words from `start` up to `last` as said by `source`, when a phrase
    /// opening the sentence frames them ("According to X, ...", "As X put it, ...").
    fn accept_framed(&mut self, source: Source, cue: std::ops::Range<usize>, start: usize, last: usize) {
        let content = start..self.through_quote(start, last);
        if self.words_in(content.clone()) < 2 || self.is_claimed(content.clone()) {
            return;
        }
        // A quotation that is all of it, up to its closing mark, is direct.
        let whole = self.quote_of[content.start]
            .filter(|&q| self.quotes[q].open == content.start)
            .map(|q| {
                (
                    self.quotes[q].inner().start,
                    &self.quotes[self.quote_chain_end(q)],
                )
            })
            .filter(|(_, last)| last.inner().end == content.end || last.outer().end == content.end);
        let (content, direct) = match whole {
            Some((start, last)) => (start..last.inner().end, true),
            None => (content, false),
        };
        let f = self.found(Some(source), Some(cue), content, direct);
        self.accept(f);
    }

    /// Phrases that open a sentence with its speaker and a comma, and no speech verb the
    /// lexicon knows: "In Hale's words, ...", "In the words of Hale, ...", "In his own
    /// words, ...", "As Hale put it (to reporters), ...", "To quote Hale, ...".
    pub(super) fn framed_attributions(&mut self) {
        for si in 0..self.seg.sentences.len() {
            let sentence = self.seg.sentences[si].tokens.clone();
            let (s0, s1) = (sentence.start, sentence.end);
            if s1 < s0 + 4 || self.in_quote(s0) || self.claimed[s0] {
                continue;
            }
            let Some((source, cue, start)) = self.frame_at(s0, s1) else {
                continue;
            };
            let last = self.content_end(s0, s1);
            if start < last {
                self.accept_framed(source, cue, start, last);
            }
        }
    }

    /// The source, cue and content start of a framing phrase opening a sentence at `s0`.
    fn frame_at(&self, s0: usize, s1: usize) -> Option<(Source, std::ops::Range<usize>, usize)> {
        let person_at = |t: usize| -> Option<(Source, usize)> {
            if let Some(m) = self.people.mention_starting_at(t) {
                return Some((self.person_source(m), m.tokens.end));
            }
            matches!(self.l(t), "he" | "she" | "his" | "her").then(|| {
                (
                    Source {
                        tokens: t..t + 1,
                        speaker: None,
                    },
                    t + 1,
                )
            })
        };
        // The content starts after the comma that closes the phrase.
        let comma_at = |t: usize| (t < s1 && self.is_punct(t, ",")).then_some(t + 1);
        match self.l(s0) {
            "in" => {
                // "In Hale's words", "In his (own) words", "In her view"
                if let Some((source, end)) = person_at(s0 + 1) {
                    let mut k = end;
                    if k < s1 && matches!(self.l(k), "'s" | "’s") {
                        k += 1;
                    }
                    if k < s1 && self.l(k) == "own" {
                        k += 1;
                    }
                    // "In her view", "In Hale's telling": a stance is said as well.
                    if k < s1
                        && matches!(
                            self.l(k),
                            "words"
                                | "view"
                                | "opinion"
                                | "estimation"
                                | "judgment"
                                | "assessment"
                                | "telling"
                        )
                    {
                        let comma = comma_at(k + 1)?;
                        return Some((source, s0..k + 1, comma));
                    }
                    return None;
                }
                // "In the words of Hale"
                if self.l(s0 + 1) == "the" && self.l(s0 + 2) == "words" && self.l(s0 + 3) == "of" {
                    let (source, end) = person_at(s0 + 4).filter(|(s, _)| s.speaker.is_some())?;
                    return Some((source, s0..s0 + 4, comma_at(end)?));
                }
                None
            }
            // "As Hale put it (to reporters on Monday)"
            "as" => {
                let (source, end) = person_at(s0 + 1)?;
                if !(self.l(end) == "put" && self.lower.get(end + 1).is_some_and(|w| w == "it")) {
                    return None;
                }
                let comma = (end + 2..s1.min(end + 2 + MAX_TAIL)).find(|&t| self.is_punct(t, ","))?;
                // To whom or where, as in "told": "to reporters", "in a statement".
                let phrase = end + 2..comma;
                let fits = phrase.is_empty()
                    || pre_content(self.l(phrase.start)) && !phrase.clone().any(|t| self.l(t) == "that");
                fits.then_some((source, end..end + 2, comma + 1))
            }
            // "To quote Hale"
            "to" if self.l(s0 + 1) == "quote" => {
                let (source, end) = person_at(s0 + 2).filter(|(s, _)| s.speaker.is_some())?;
                Some((source, s0..s0 + 2, comma_at(end)?))
            }
            // "Amado's view is that ...", "His argument was that ...": what a stance of the
            // speaker's is, said in a clause.
            _ => {
                let (source, end) = person_at(s0)?;
                let mut k = end;
                if source.speaker.is_some() && k < s1 && matches!(self.l(k), "'s" | "’s") {
                    k += 1;
                } else if !matches!(self.l(s0), "his" | "her") {
                    return None;
                }
                (k + 2 < s1
                    && STANCE_NOUNS.contains(&self.l(k))
                    && matches!(self.l(k + 1), "is" | "was")
                    && self.l(k + 2) == "that")
                    .then_some((source, k..k + 2, k + 2))
            }
        }
    }

    /// The last content token of a sentence (exclusive): before its final punctuation.
    pub(super) fn content_end(&self, s0: usize, s1: usize) -> usize {
        let mut e = s1;
        while e > s0
            && matches!(self.kind(e - 1), TokenKind::Punct)
            && matches!(self.tok(e - 1), "." | "!" | "?" | ";" | ":" | "," | "...")
        {
            e -= 1;
        }
        e
    }

    pub(super) fn words_in(&self, r: std::ops::Range<usize>) -> usize {
        r.filter(|&t| matches!(self.kind(t), TokenKind::Word | TokenKind::Number))
            .count()
    }
}
