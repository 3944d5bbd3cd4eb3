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
            let hearer_after = !invertible(self.base(cue));
            if verb > s0
                && self.is_punct(verb - 1, ",")
                && !appositive
                && !hearer_after
                && !self.l(verb).ends_with("ing")
            {
                if let Some(source) = self.subject_after(cue.end, s1) {
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
            let Some(mut source) = self.subject_before(j, s0) else {
                continue;
            };
            // `..., her spokesman Tom Ashby said.`: the description is the source's too.
            if source.speaker.is_some() {
                if let Some(d) = self.description_before(source.tokens.start, s0) {
                    source.tokens.start = d;
                }
            }
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
