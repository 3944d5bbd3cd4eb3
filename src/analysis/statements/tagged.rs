//! Pass 4: attributions the learned tagger finds in the sentences the rules left
//! unexplained.

use super::words::*;
use super::*;

impl<'a> Finder<'a> {
    /// Attributions the learned tagger finds where the rules found none: cues outside the
    /// lexicon ("laid out", "took aim at"), sources far from their verbs. The rules keep the
    /// final word: a tagged attribution that overlaps a statement already found is dropped,
    /// and so is one with no source or no cue.
    pub(super) fn tagged_attributions(&mut self) {
        let tagger = Tagger::builtin();
        let wanted = self.sentences_to_tag();
        let tagged = tagger.tag_some(
            self.text,
            self.seg,
            self.lower,
            self.people,
            &wanted,
            Some(&self.pos),
        );
        for a in tagger::attributions(&tagged.labels, self.seg) {
            let Some(src) = a.source.clone() else { continue };
            let mut content = a.content.clone();
            while content.end > content.start && self.kind(content.end - 1) == TokenKind::Punct {
                content.end -= 1;
            }
            if content.is_empty() || self.words_in(content.clone()) < 2 || self.is_claimed(content.clone()) {
                continue;
            }
            // "Her counterpart, Joe Whitfield, agreed.": words before the source with no verb
            // and no quotation describe the source; they say nothing.
            if content.end <= src.start
                && a.cue.as_ref().is_none_or(|c| c.end > content.start)
                && !content
                    .clone()
                    .any(|t| tagged.pos[t].is_verb() || self.kind(t) == TokenKind::Quote)
            {
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
            if a.cue
                .as_ref()
                .is_some_and(|c| self.holds_an_object(c, content.start) || self.product_recall(c.end - 1))
            {
                continue;
            }
            // "showed no emotion as the verdict was read" reports nothing, whether the tagger
            // puts the object in the cue (a cue ending in a common noun before the clause of
            // when) or in the content (the mere object the rules skip after a verb of thought
            // or evidence, when such a clause follows it).
            let object_then_clause = a.cue.as_ref().is_some_and(|c| {
                let last = c.end - 1;
                c.len() > 1
                    && tagged.pos[last] == Pos::Noun
                    && self.tok(last).starts_with(char::is_lowercase)
                    && self.lex.speech_verb(self.l(last)).is_none()
                    && self.clause_of_when_at(content.start)
            });
            let stative_object = a.cue.as_ref().is_some_and(|c| {
                content.start == c.end
                    && content.clone().any(|t| self.clause_of_when_at(t))
                    && self.lex.speech_verb(self.l(c.end - 1)).is_some_and(|b| {
                        self.stative_object(b, content.start, self.sentence_range(content.start).end)
                    })
            });
            if object_then_clause || stative_object {
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
            // A source and content with no cue between them is no attribution a reader can
            // check ("Her counterpart, Joe Whitfield, agreed." read as the counterpart said
            // by Whitfield), unless the content is a quotation ("to her, “there's nothing
            // more important ...”").
            let quoted = quote.is_some_and(|q| {
                content.start <= q.inner().start + 1
                    && content.end + 2 >= q.inner().end
                    && content.end <= q.outer().end
            });
            if a.cue.is_none() && !quoted {
                continue;
            }
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

    /// Whether a tagged cue is a verb of holding or knowing with a mere object ("held a
    /// rally", "holds a lead", "knew the voters"): these report only a clause ("held that
    /// ...", "knew whether ...") or a quotation.
    pub(super) fn holds_an_object(&self, cue: &std::ops::Range<usize>, content: usize) -> bool {
        let holds = cue
            .clone()
            .any(|t| matches!(self.lex.speech_verb(self.l(t)), Some("hold" | "know")));
        let clause = matches!(
            self.l(content),
            "that" | "whether" | "what" | "how" | "if" | "why" | "who" | "when" | "where"
        ) || self.kind(content) == TokenKind::Quote;
        holds && !clause
    }

    /// Whether a tagged cue is a noun with no verb ("her push to restore ...", "his plan
    /// that ..."): the tagger takes such phrases of intent for attributions, wrongly in
    /// every case on PolNeAR dev (8 of 8; it was trained on train, where it is right about
    /// half of them). A noun the lexicon knows as a verb of speech ("his claim that") stays.
    pub(super) fn noun_cue(&self, cue: std::ops::Range<usize>, pos: &[Pos]) -> bool {
        pos[cue.start] == Pos::Noun
            && !cue
                .clone()
                .any(|t| pos[t].is_verb() || self.lex.speech_verb(self.l(t)).is_some())
    }

    /// The sentences the tagger reads: those that name someone or say "he" or "she" outside
    /// the statements the rules found (a statement needs a speaker). Tagging is most of the
    /// analysis's cost; these are under half of news text, and the tagger reads each with
    /// its whole paragraph as context.
    pub(super) fn sentences_to_tag(&self) -> Vec<bool> {
        // A name or pronoun the rules have not used yet: in a sentence they found nothing
        // in, any; in one where they found a statement, only outside it ("Whitlow called
        // her vote a mistake, but she noted that ...": the rules take "noted", the tagger
        // "called").
        let mut wanted = vec![false; self.seg.sentences.len()];
        for m in &self.people.mentions {
            if !self.claimed[m.tokens.start] {
                wanted[self.sentence_of[m.tokens.start]] = true;
            }
        }
        for (t, w) in self.lower.iter().enumerate() {
            if matches!(w.as_ref(), "he" | "she") && !self.claimed[t] {
                wanted[self.sentence_of[t]] = true;
            }
        }
        wanted
    }

    /// The person a relative clause is about, when a tagged source lies inside one and the
    /// cue follows it: in "Sanders, who lost the primaries to Clinton, identified ...", the
    /// tagger may take Clinton, the name nearest the verb, for the source.
    pub(super) fn relative_clause_head(
        &self,
        source: &Source,
        cue: &std::ops::Range<usize>,
    ) -> Option<Source> {
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
    /// ridiculed for", and a participle opening the sentence, "Asked about ..."): its subject
    /// is who the words are about or to, not who said them. The rules never take such cues;
    /// the tagger sometimes does. "was quoted as saying" reports its subject's words and is
    /// no passive here.
    pub(super) fn passive(&self, cue: std::ops::Range<usize>) -> bool {
        let floor = self.sentence_range(cue.start).start;
        if self.opening_participle(&cue, floor) {
            return true;
        }
        if cue
            .clone()
            .any(|t| matches!(self.l(t), "saying" | "say" | "says"))
        {
            return false;
        }
        // The auxiliary may stand just before the cue, past adverbs ("was also dubbed").
        let mut t = cue.start;
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

    /// Whether a cue is a participle opening its sentence at `floor` ("Asked about the vote,
    /// Hale shrugged", "When pressed, she said ..."): the question was put to the subject,
    /// who did not ask, unless the asker is named with "by" ("Asked by Stephanopoulos to
    /// ...", who is then the source).
    fn opening_participle(&self, cue: &std::ops::Range<usize>, floor: usize) -> bool {
        let mut t = cue.start;
        while t > floor
            && (matches!(self.l(t - 1), "when" | "if" | "once" | "after" | "as")
                || self.kind(t - 1) != TokenKind::Word)
        {
            t -= 1;
        }
        let by_agent = (cue.start..cue.end + 1).any(|k| self.lower.get(k).is_some_and(|w| w == "by"));
        t == floor && self.l(cue.start).ends_with("ed") && !by_agent
    }

    /// A word that may stand between an auxiliary and its verb ("was also dubbed").
    pub(super) fn adverb(&self, t: usize) -> bool {
        let w = self.l(t);
        self.kind(t) == TokenKind::Word
            && (w.len() > 4 && w.ends_with("ly") || matches!(w, "also" | "not" | "never" | "often" | "once"))
    }

    /// Whether a tagged attribution to an unnamed source is one the lexicon confirms: a
    /// speech verb or "according to" as its cue, and no person named inside the source
    /// ("Trump's repeated campaign calls for ..." is no statement of anyone's).
    pub(super) fn plain_unnamed(&self, source: &Source, cue: &Option<std::ops::Range<usize>>) -> bool {
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
    pub(super) fn source_of(&self, r: std::ops::Range<usize>) -> Source {
        // The tagger's span may take the comma that closes an appositive ("Carla Mendes,").
        let mut r = r;
        while r.len() > 1
            && self.kind(r.end - 1) == TokenKind::Punct
            && matches!(self.tok(r.end - 1), "," | ";" | ":")
        {
            r.end -= 1;
        }
        // "Rep. Ann Lee of Ohio, who wrote to Mr. Castro": the relative clause is about the
        // person before it; a name inside it is no head.
        let relative = (r.start + 2..r.end.saturating_sub(1))
            .find(|&t| self.is_punct(t - 1, ",") && matches!(self.l(t), "who" | "whose"));
        if let Some(speaker) = relative.and_then(|who| self.relative_person(who)) {
            return Source {
                tokens: r,
                speaker: Some(speaker),
            };
        }
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
}
