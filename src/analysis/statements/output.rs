//! The statements as the library hands them out: spans, kinds, contents trimmed of what
//! belongs to the attribution.

use super::words::*;
use super::*;

impl<'a> Finder<'a> {
    pub(super) fn span(&self, r: std::ops::Range<usize>) -> Option<Span> {
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
    pub(super) fn as_annotated(
        &self,
        mut content: std::ops::Range<usize>,
        f: &Found,
    ) -> std::ops::Range<usize> {
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
    pub(super) fn reported_right_after_cue(&self, content: &std::ops::Range<usize>, f: &Found) -> bool {
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
    pub(super) fn cue_words_in_content(&self, content: &std::ops::Range<usize>, f: &Found) -> usize {
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
    pub(super) fn time_words_in_content(&self, content: &std::ops::Range<usize>, f: &Found) -> usize {
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

    /// The person a headline mention spanning exactly `span` is of.
    fn headline_person(&self, span: Span) -> Option<PersonId> {
        self.people
            .people
            .iter()
            .find(|p| p.mentions.contains(&span))
            .map(|p| p.id)
    }

    pub(super) fn into_statements(self) -> Vec<Statement> {
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
            // that opens a quotation the content stops before ("with the words ''"), nor a
            // full stop before one ("demanded an inquiry. 'We must know,' she said": a
            // single mark hides the sentence's end from the segmenter).
            let opens_at = |k: usize| {
                self.kind(k) == TokenKind::Quote && self.quote_of[k].is_some_and(|q| self.quotes[q].open == k)
            };
            while content.end > content.start
                && (matches!(self.kind(content.end - 1), TokenKind::Punct)
                    && matches!(self.tok(content.end - 1), "," | "—" | "--" | "-" | ":" | ";")
                    || self.is_punct(content.end - 1, ".")
                        && content.end < self.seg.tokens.len()
                        && opens_at(content.end)
                    || opens_at(content.end - 1))
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
            let source_span = source.and_then(|s| self.span(s.tokens.clone()));
            // A headline's names are mentions of the people the article names, but the
            // passes do not see them ("Trump Says He Will Win Ohio").
            let speaker = source
                .and_then(|s| s.speaker)
                .or_else(|| source_span.and_then(|span| self.headline_person(span)));
            out.push(Statement {
                id: 0,
                speaker,
                source: source_span,
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
