//! Pass 5: quotations that stand alone as whole sentences, given to the speaker quoted next
//! to them.

use super::*;

impl<'a> Finder<'a> {
    pub(super) fn standalone_quotes(&mut self) {
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
    pub(super) fn follows_attributed_quote(&self, s0: usize, quoted: &[bool]) -> bool {
        s0 > 0 && self.paragraph_of(s0 - 1) == self.paragraph_of(s0) && quoted[self.sentence_of[s0 - 1]]
    }
}
