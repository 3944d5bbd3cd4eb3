//! Resolution: who a `he`, `she` or `the secretary` is, and who a quotation standing alone
//! belongs to.

use super::words::*;
use super::*;

impl<'a> Finder<'a> {
    pub(super) fn resolve(&mut self) {
        self.found.sort_by_key(|f| f.content.start);
        // Pronouns and titles first, in text order, so later ones can use earlier speakers.
        for k in 0..self.found.len() {
            let Some(p) = self.found[k].pending else { continue };
            let Some(src) = self.found[k].source.clone() else {
                continue;
            };
            let speaker = match p {
                Pending::Pronoun(g) => self.resolve_pronoun(src.tokens.start, g, k),
                Pending::Known(p) => p,
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
    pub(super) fn subject_among<'m>(
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
    pub(super) fn resolve_pronoun(&self, at: usize, gender: Gender, k: usize) -> Option<PersonId> {
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
            return self.salient_person(s0, k, gender, &agrees);
        }
        self.salient_person(at, k, gender, &agrees)
    }

    /// The most salient person before token `at` that `fits`: the nearest named earlier in
    /// its sentence, else, sentence by sentence going back, the speaker of a statement there or
    /// the first person named there (its subject). Names inside quotations do not count.
    pub(super) fn salient_person(
        &self,
        at: usize,
        k: usize,
        gender: Gender,
        fits: &dyn Fn(PersonId) -> bool,
    ) -> Option<PersonId> {
        let agrees = fits;
        let here = self.sentence_of[at];
        // Earlier in the same sentence: the nearest person named before the pronoun.
        let s0 = self.seg.sentences[here].tokens.start;
        let i = self.people.mentions.partition_point(|m| m.tokens.end <= at);
        let lo = self.people.mentions[..i].partition_point(|m| m.tokens.start < s0);
        // `"I don't think the wisdom" -- that Rendell is a liberal -- "will last," he says`: a
        // person named in the words between quotations is not the one quoted. (In reported
        // speech the speaker is often its subject: `Ms. Lee was shocked, she said`.)
        let f = &self.found[k];
        let own = if self.quote_of[f.content.start].is_some() {
            f.content.clone()
        } else {
            0..0
        };
        let named = &self.people.mentions[lo..i];
        let a = named.partition_point(|m| m.tokens.start < own.start);
        let b = named.partition_point(|m| m.tokens.start < own.end).max(a);
        if let Some(m) = self
            .subject_among(&named[..a], agrees)
            .or_else(|| self.subject_among(&named[b..], agrees))
        {
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
                // `Carson turned on the Post, pointing out that its Robert Costa had reported
                // ...`: a name opening the sentence is its subject, more salient than a
                // source later in it, unless it is part of what that source said ("Cruz won
                // the crowds, Stovall said").
                let opener = self.people.mention_starting_at(sent.tokens.start).filter(|m| {
                    agrees(m.person)
                        && !quoted
                        && self.pos.get(m.tokens.end).is_some_and(|p| p.is_verb())
                        && !f.content.contains(&m.tokens.start)
                });
                let later = f
                    .source
                    .as_ref()
                    .is_some_and(|s| s.tokens.start > sent.tokens.start);
                if let Some(m) = opener.filter(|_| later) {
                    return Some(m.person);
                }
                return f.source.as_ref().and_then(|s| s.speaker);
            }
            // "One juror said the decision took a day. "...," she said.": a person who spoke
            // there unnamed is the one meant, not someone named further back.
            let unnamed = recent.clone().any(|f| {
                f.source.as_ref().is_some_and(|s| {
                    s.speaker.is_none()
                        && !s.tokens.is_empty()
                        && self.sentence_of[s.tokens.start] == si
                        && self.unnamed_person(s, gender)
                })
            });
            // "A man stood up.": an unnamed person as the subject of that sentence, too.
            let opener = (sent.tokens.start + 1..sent.tokens.end.min(sent.tokens.start + 4))
                .find(|&t| self.pos.get(t).is_some_and(|p| p.is_verb()))
                .map(|v| Source {
                    tokens: sent.tokens.start..v,
                    speaker: None,
                })
                .filter(|s| !quoted && self.people.mention_starting_at(s.tokens.start).is_none());
            if unnamed || opener.is_some_and(|s| self.unnamed_person(&s, gender)) {
                return None;
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

    /// Whether an unnamed source is one person a pronoun of `gender` can stand for: "a
    /// spokeswoman for the union", "one juror", "the woman", not "officials" or "the report".
    fn unnamed_person(&self, s: &Source, gender: Gender) -> bool {
        let t = s.tokens.start;
        // "The 57-year-old scientist" may stand for someone named before, but measured, the
        // definite ones are more often someone new too.
        if !matches!(self.l(t), "a" | "an" | "one" | "another" | "the") {
            return false;
        }
        let head = (t + 1..s.tokens.end)
            .take_while(|&i| {
                self.kind(i) == TokenKind::Word && !NP_STOP.contains(&self.l(i)) && self.l(i) != "of"
            })
            .last();
        let Some(h) = head else { return false };
        let w = self.l(h);
        let noun_gender = if MALE_NOUNS.contains(&w) {
            Gender::Male
        } else if FEMALE_NOUNS.contains(&w) {
            Gender::Female
        } else {
            Gender::Unknown
        };
        let person = self.is_role(h) || PERSON_NOUNS.contains(&w) || noun_gender != Gender::Unknown;
        person && !w.ends_with('s') && noun_gender.agrees(gender)
    }

    /// The person a definite description stands for ("The cardiologist says", "the
    /// 57-year-old said"): the most recent person the article introduced with that noun
    /// ("Dr. Helen Marsh, a cardiologist at ...", "cardiologist Helen Marsh", "Reilly's
    /// lawyer, Mark Stein") or that age ("Marsh, 57,"). A noun no one was introduced with
    /// stands for someone new.
    pub(super) fn described_person(&self, s: &Source) -> Option<PersonId> {
        let r = s.tokens.clone();
        if r.len() < 2 || r.len() > 4 || self.l(r.start) != "the" {
            return None;
        }
        let plain =
            |t: usize| self.kind(t) == TokenKind::Word && !self.tok(t).starts_with(char::is_uppercase);
        if !(r.start + 1..r.end).all(plain) {
            return None;
        }
        let head = self.l(r.end - 1);
        let age = (r.start + 1..r.end).find_map(|t| self.l(t).strip_suffix("-year-old"));
        let noun = (age.is_none() || !head.ends_with("-year-old")).then_some(head);
        // Only a noun for one person: "the poll" and "the department" are no one, however
        // close to a name they stand ("a new poll, Clinton leads ...").
        if noun.is_some_and(|_| !self.person_noun(r.end - 1)) {
            return None;
        }
        let introduces = |m: &Mention| {
            let after = m.tokens.end;
            let n = self.seg.tokens.len();
            // "Marsh, 57, said" / "Helen Marsh, a cardiologist at the university"
            if after + 1 < n && self.is_punct(after, ",") {
                let mut from = after + 1;
                if self.kind(from) == TokenKind::Number && from + 1 < n && self.is_punct(from + 1, ",") {
                    if age == Some(self.tok(from)) {
                        return true;
                    }
                    from += 2;
                }
                // A noun phrase whose head ends it or comes before its first preposition or
                // relative pronoun ("a cardiologist at ...", "Reilly's lawyer,"); "Lee, the
                // poll found," is a clause.
                let limit = (from + 12).min(n);
                let opens = from + 1 < n
                    && (NP_START.contains(&self.l(from)) || matches!(self.tok(from + 1), "'s" | "’s"));
                let end = (from..limit)
                    .find(|&t| self.kind(t) != TokenKind::Word || DESCRIPTION_END.contains(&self.l(t)))
                    .unwrap_or(limit);
                if opens && end > from + 1 && Some(self.l(end - 1)) == noun {
                    return true;
                }
            }
            // "cardiologist Helen Marsh", "Reilly's lawyer, Mark Stein", "a man named Ed Roe"
            let mut t = m.tokens.start;
            if t > 0 && self.is_punct(t - 1, ",") {
                t -= 1;
            }
            if t > 1 && matches!(self.l(t - 1), "named" | "called") {
                t -= 1;
            }
            t > 0 && Some(self.l(t - 1)) == noun
        };
        let i = self.people.mentions.partition_point(|m| m.tokens.start < r.start);
        self.people.mentions[..i]
            .iter()
            .rev()
            .take(200)
            .find(|m| !self.in_quote(m.tokens.start) && introduces(m))
            .map(|m| m.person)
    }

    /// Whether the word at `t` names one person: a role, a relation, a noun of the lists, or
    /// a word made as nouns for people are ("cardiologist", "historian", "pollster").
    fn person_noun(&self, t: usize) -> bool {
        let w = self.l(t);
        let plural = w.ends_with('s') && !w.ends_with("ss");
        !plural
            && (self.is_role(t)
                || PERSON_NOUNS.contains(&w)
                || MALE_NOUNS.contains(&w)
                || FEMALE_NOUNS.contains(&w)
                || ["ist", "ian", "ster"]
                    .iter()
                    .any(|x| w.len() > x.len() + 3 && w.ends_with(x)))
    }

    /// The person "the secretary" means: the most recent person before it with that title.
    pub(super) fn resolve_title(&self, t: usize) -> Option<PersonId> {
        let word = full_title_word(self.l(t));
        let at = self.seg.tokens[t].span.start;
        let i = self.people.mentions.partition_point(|m| m.span.start < at);
        let titled = |p: &PersonId| {
            self.people.people[*p].titles.iter().any(|title| {
                title
                    .split_whitespace()
                    .any(|x| full_title_word(&x.to_lowercase()) == word)
            })
        };
        let before = self.people.mentions[..i]
            .iter()
            .rev()
            .take(200)
            .map(|m| m.person)
            .find(titled);
        // "Mayor defends snow response": a headline's title names the person the article
        // then introduces with it.
        let headline = self.paragraph_of(t) == 0 && i == 0;
        before.or_else(|| {
            headline
                .then(|| {
                    self.people
                        .mentions
                        .iter()
                        .take(20)
                        .map(|m| m.person)
                        .find(titled)
                })
                .flatten()
        })
    }

    /// For a quotation with no attribution: the speaker of the statement just before it in
    /// the same or the previous paragraph, else the one just after it in the same paragraph.
    pub(super) fn nearby_speaker(&self, k: usize) -> Option<PersonId> {
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
    pub(super) fn subject_before_quote(&self, k: usize) -> Option<PersonId> {
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
    pub(super) fn mentions_in(&self, sentence: &Sentence) -> &[Mention] {
        let mentions = &self.people.mentions;
        let lo = mentions.partition_point(|m| m.tokens.start < sentence.tokens.start);
        let hi = lo + mentions[lo..].partition_point(|m| m.tokens.start < sentence.tokens.end);
        &mentions[lo..hi]
    }
}
