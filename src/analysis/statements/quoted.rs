//! Pass 1: quotations with their attribution beside them (`"...," Putin said`,
//! `Putin said: "..."`, `"...," he said, "..."`).

use super::words::*;
use super::*;

/// The marks that end the words of a quotation an attribution follows (`"...," she said`).
const COMMA_LIKE: &[&str] = &[",", "?", "!", "—", "--", "-", "…", "..."];

impl<'a> Finder<'a> {
    pub(super) fn quote_attributions(&mut self) {
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
            let comma_like = self.quote_ends_with(quote.close, COMMA_LIKE) || comma_after;
            // `"... are missing." Trump said.`: a full stop where the comma belongs, when the
            // attribution is the whole of the next sentence.
            let full_stop = !comma_like && self.quote_ends_with(quote.close, &["."]);
            if quote.closed
                && after < n
                && (comma_like || full_stop)
                && self.paragraph_of(after) == self.paragraph_of(quote.close)
            {
                let start = if comma_after { after + 1 } else { after };
                let s0 = self.sentence_range(first.open).start;
                let opens_sentence = self.only_punct(s0, first.open);
                // `... told reporters that farmers "have certainty." Her aide agreed.`: a
                // quotation a verb before it already reports is not the next sentence's.
                let reported_before = full_stop
                    && (s0..first.open).any(|t| {
                        self.quote_of[t].is_none()
                            && self.lex.speech_verb(self.l(t)).is_some()
                            && !self.noun_use(t)
                    });
                let attribution = self
                    .attribution_at(start, opens_sentence)
                    .filter(|(source, cue, end)| !full_stop || self.bare_attribution(source, cue, *end))
                    .filter(|_| !reported_before);
                if let Some((source, cue, end)) = attribution {
                    // `"...," he said, "..."`: the quotation goes on after the attribution.
                    let mut content = content.clone();
                    let mut q2 = last;
                    let mut resumed = None;
                    if let Some(k) = self.resumed_quote(end) {
                        q2 = self.quote_chain_end(k);
                        // `"...," Ellis said before asking them, "..."`: a second cue in the
                        // attribution makes the quotation after it a statement of its own.
                        let second = (cue.end.max(source.tokens.end)..end)
                            .find(|&t| self.lex.speech_verb(self.l(t)).is_some() && !self.noun_use(t));
                        let words = self.quotes[k].inner().start..self.quotes[q2].inner().end;
                        match second {
                            Some(verb) => resumed = Some((verb, words)),
                            None => content.end = words.end,
                        }
                    }
                    // `Not paying taxes "makes me smart," he said.`: words of the sentence
                    // before the quotation are part of what was said, speech verbs used as
                    // nouns included ("The answers to ... are "not enough," he said").
                    let lead_in = first.open > s0
                        && (s0..first.open).all(|t| {
                            !self.claimed[t]
                                && self.quote_of[t].is_none()
                                && (self.lex.speech_verb(self.l(t)).is_none()
                                    || self.noun_use(t)
                                    || self.pos.get(t) == Some(&Pos::Noun))
                        })
                        && self.words_in(s0..first.open) >= 2;
                    let (content, direct) = if lead_in {
                        (s0..content.end, false)
                    } else if let Some(start) = self.quote_before_aside(q, s0) {
                        (start..content.end, false)
                    } else {
                        (content, true)
                    };
                    let f = self.found(Some(source.clone()), Some(cue), content, direct);
                    self.accept(f);
                    if let Some((verb, words)) = resumed {
                        let f = self.found(Some(source), Some(verb..verb + 1), words, true);
                        self.accept(f);
                    }
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
                            // What it reports before the colon is said too ("Ellis said this
                            // was a mistake and that they learned: "..."), unless it only
                            // says where or of whom ("Ellis said of the board: "..."").
                            let from = self.past_hearer(&cue, cue.end, c);
                            let opens_clause = from < c
                                && (matches!(self.l(from), "that" | "this" | "it" | "there")
                                    || personal_subject(self.l(from)));
                            let reported =
                                opens_clause && self.words_in(from..c) >= 3 && !self.is_claimed(from..c);
                            let (content, direct) = if reported {
                                (from..content.end, false)
                            } else {
                                (content.clone(), true)
                            };
                            let f = self.found(Some(source), Some(cue), content, direct);
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
                    // "..., adding that inspectors had found "no problems"": an unnamed
                    // source inside what someone else reports is part of that report, which
                    // the later pass finds whole.
                    let source = source.filter(|s| !self.inside_report(s, floor));
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

    /// Whether an unnamed source opens the clause a speech verb before it reports ("said
    /// that inspectors", "adding that the agency", "said the vote showed").
    fn inside_report(&self, source: &Source, floor: usize) -> bool {
        let t = source.tokens.start;
        let verb = |v: usize| self.lex.speech_verb(self.l(v)).is_some() && !self.noun_use(v);
        source.speaker.is_none()
            && self.pending_for(source).is_none()
            && (t >= floor + 2 && self.l(t - 1) == "that" && verb(t - 2) || t > floor && verb(t - 1))
    }

    /// `"I don't think the conventional wisdom" -- that she is a liberal -- "is going to
    /// last," he says`: the start of a quotation the writer's aside between dashes broke off
    /// before quotation `q`, in the same sentence and not yet anyone's.
    fn quote_before_aside(&self, q: usize, s0: usize) -> Option<usize> {
        let prev = &self.quotes[q.checked_sub(1)?];
        let open = self.quotes[q].open;
        (prev.closed
            && prev.open >= s0
            && prev.close + 2 < open
            && open - prev.close <= 25
            && is_dash(self.tok(prev.close + 1))
            && is_dash(self.tok(open - 1))
            && !self.is_claimed(prev.open..open))
        .then(|| prev.inner().start)
    }

    /// The start of the words before `, X said, "..."` that begin the sentence the quotation
    /// finishes: "An economic downturn, he said, "could be a good time to borrow."" The
    /// quotation opens in lowercase, so it goes on a sentence; a phrase that only sets the
    /// scene ("Still,", "In the United States,", "Asked about it,") stays out.
    pub(super) fn lead_in_subject(&self, floor: usize, source: &Source, open: usize) -> Option<usize> {
        let start = source.tokens.start;
        // Lowercase, and no conjunction: "but people need to connect" is a clause of its own.
        let continues = self.seg.tokens.get(open + 1).is_some_and(|t| {
            t.kind == TokenKind::Word
                && self.tok(open + 1).starts_with(char::is_lowercase)
                && !matches!(self.l(open + 1), "but" | "and" | "or" | "so" | "yet")
        });
        if !continues || start <= floor + 1 || !self.is_punct(start - 1, ",") {
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
        // A lone name is a subject too ("Pruitt, she said, "has never asked ..."").
        let named = self
            .people
            .mention_starting_at(floor)
            .is_some_and(|m| m.tokens.end == lead.end);
        (!scene && !open_end && plain && (self.words_in(lead) >= 2 || named)).then_some(floor)
    }

    /// The quotation that resumes after an attribution ending at `from`: at an opening mark
    /// after a comma or colon in the same sentence, past at most a short phrase of
    /// circumstance (`"...," Tester said, referring to the rule, "..."`).
    pub(super) fn resumed_quote(&self, from: usize) -> Option<usize> {
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

    /// Whether the sentence of an attribution holds nothing but it and a few words of when
    /// or where ("Trump said on Friday."): after a quotation closed by a full stop, a longer
    /// sentence ("She also argued in favor of ...") says something of its own.
    fn bare_attribution(&self, source: &Source, cue: &std::ops::Range<usize>, end: usize) -> bool {
        let sentence_end = self.sentence_range(cue.start).end;
        // "Whitlow told reporters.": the hearer is no content either.
        let from = self.past_hearer(cue, source.tokens.end.max(cue.end), sentence_end);
        !self.l(cue.start).ends_with("ing")
            && self.only_punct(end, sentence_end)
            && self.words_in(from..sentence_end) <= 3
            && self.circumstantial(from, self.content_end(from, sentence_end))
    }

    /// Whether the quotation closing at `close` ends its words with one of `marks`.
    pub(super) fn quote_ends_with(&self, close: usize, marks: &[&str]) -> bool {
        let mut k = close;
        // Over the closing marks of quotations inside it (`... people,’”`).
        while k > 0 && close - k < 3 && self.kind(k - 1) == TokenKind::Quote {
            k -= 1;
        }
        k > 0 && marks.contains(&self.tok(k - 1))
    }

    pub(super) fn only_punct(&self, from: usize, to: usize) -> bool {
        (from..to).all(|t| matches!(self.kind(t), TokenKind::Punct | TokenKind::Quote))
    }

    /// An attribution starting at token `i`: `Putin said`, `said Putin`, `he added`.
    /// Returns the source, the cue and the token after them (and after any phrase such as
    /// "in an interview" that closes the attribution). `after_opening_quote`: the
    /// attribution follows a quotation that opens its sentence.
    pub(super) fn attribution_at(
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
        // object is its hearer or target ("told The Post", "accused Ortiz"), nor a capital
        // inside a sentence, which is a name's ("State spokesman Mark Toner said").
        if self.lex.speech_verb(self.l(i)).is_some_and(invertible)
            && !self.l(i).ends_with("ing")
            && (i == sentence.start || !self.tok(i).starts_with(char::is_uppercase))
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
    pub(super) fn attribution_tail(&self, from: usize, ceiling: usize) -> usize {
        let mut k = from;
        // Such phrases are short; a longer run is a clause of its own.
        while k < ceiling && k < from + MAX_TAIL {
            // A dash too: `"...," she said - but the council ...` goes on with the writer's words.
            if self.kind(k) == TokenKind::Quote
                || matches!(self.tok(k), "," | ":" | "." | ";" | "?" | "!")
                || is_dash(self.tok(k))
            {
                break;
            }
            k += 1;
        }
        k
    }
}
