//! Pass 3: reported speech with the cue before its content (`Lavrov says Russia thinks
//! ...`).

use super::words::*;
use super::*;

impl<'a> Finder<'a> {
    pub(super) fn leading_attributions(&mut self, cues: &[std::ops::Range<usize>]) {
        for cue in cues {
            if self.is_claimed(cue.clone()) {
                continue;
            }
            let base = self.base(cue);
            if base == "according" {
                continue;
            }
            let verb = cue.start;
            let sentence = self.sentence_range(verb);
            let (s0, s1) = (sentence.start, sentence.end);
            // The subject: before the verb, or the sentence's subject for "..., saying ...".
            let source = if self.l(verb).ends_with("ing") {
                if self.comma_before(verb, s0) || verb > s0 && is_dash(self.tok(verb - 1)) {
                    // "A federal judge blocked the law on Monday, ruling that ...".
                    let comma = (s0..verb).rev().find(|&t| self.kind(t) == TokenKind::Punct);
                    self.sentence_subject(s0, verb)
                        .or_else(|| comma.and_then(|c| self.opening_subject(s0, c, false)))
                } else if verb > s0 && matches!(self.l(verb - 1), "is" | "was" | "are" | "were" | "been") {
                    // "Trump is telling veterans that ..."
                    let j = self.skip_between_left(verb - 1, s0);
                    self.subject_before(j, s0)
                } else {
                    self.shown_speaker(verb, s0)
                }
            } else {
                let j = self.skip_between_left(verb, s0);
                if j > s0 && matches!(self.l(j - 1), "and" | "but") {
                    // "Trump is telling veterans ... and says he will ...": the first verb's subject.
                    self.sentence_subject(s0, verb)
                        .or_else(|| self.opening_subject(s0, j - 1, true))
                } else {
                    self.subject_before(j, s0).map(|s| self.with_coordinated(s, s0))
                }
            };
            let Some(source) = source else { continue };
            // "the campaign calls for ...": a noun as often as a verb, so only a person's.
            if cue.len() == 2 && source.speaker.is_none() && self.pending_for(&source).is_none() {
                continue;
            }
            // Words another statement took are no source, unless they are that statement's
            // own source ("he said, noting ...").
            let shared = self
                .accepted_sources
                .contains(&(source.tokens.start, source.tokens.end));
            if self.is_claimed(source.tokens.clone()) && source.speaker.is_none() && !shared {
                continue;
            }
            // "Acts of protest, Mr. Obama said, are acts of patriotism": the attribution
            // interrupts a content that starts with the sentence.
            let before = source.tokens.start;
            // A relative pronoun is no interruption: "Ann Lee, who wrote the bill, told ..."
            // says nothing before "who".
            let lead_in = before > s0 + 1
                && self.is_punct(before - 1, ",")
                && !matches!(self.l(before), "who" | "which")
                && !self.is_claimed(s0..before)
                && self.quote_of[s0].is_none()
                // "During his years in office, Mr. Obama said, ...": a phrase of when or where
                // before the attribution is the writer's; a subject or a condition is said.
                && !matches!(
                    self.l(s0),
                    "during" | "in" | "at" | "on" | "after" | "before" | "since" | "over" | "throughout"
                );
            // "The difference now, he told me on Friday, is that ...": after a short phrase
            // of when or to whom with no verb, a comma and a verb go on with the sentence.
            let interrupted_at = if lead_in {
                let last = self.content_end(s0, s1);
                (cue.end..(cue.end + MAX_TAIL).min(last))
                    .take_while(|&t| !self.in_quote(t) && !self.claimed[t])
                    .take_while(|&t| !self.finite_verb_at(t) && self.l(t) != "who")
                    .find(|&t| self.is_punct(t, ","))
                    .filter(|&t| t > cue.end && t + 1 < last && self.finite_verb_at(t + 1))
            } else {
                None
            };
            // Where the content starts.
            let mut c = cue.end;
            if c >= s1 {
                continue;
            }
            if self.shows_speaking(c, s0, s1) {
                continue;
            }
            // "urged Congress to act": what a request asks for is its object doing something,
            // so the object stays in the content; the hearer of "told him to" does not.
            let mut requested = false;
            if OBJECT_VERBS.contains(&base) {
                let object = c;
                c = self.skip_object(c, s1);
                if matches!(base, "urge" | "ask")
                    && c > object
                    && c + 1 < s1
                    && self.l(c) == "to"
                    && self.kind(c + 1) == TokenKind::Word
                {
                    c = object;
                    requested = true;
                }
            }
            let quote_led = self.quote_after_phrase(c, s1);
            if let Some(q) = quote_led {
                c = q;
            }
            // "who asked not to be named": the formula of anonymity reports nothing.
            if base == "ask"
                && c + 3 < s1
                && self.l(c) == "not"
                && self.l(c + 1) == "to"
                && self.l(c + 2) == "be"
            {
                continue;
            }
            // "declined to comment": the infinitive is the content.
            let infinitive = INFINITIVE_VERBS.contains(&base) && c < s1 && self.l(c) == "to" || requested;
            if c < s1 && pre_content(self.l(c)) && self.kind(c) == TokenKind::Word && !infinitive {
                // "said on Monday that ...": find the "that".
                let mut k = c;
                // After a preposition any short phrase may come ("through an interpreter").
                let prepositional = PREPOSITIONS.contains(&self.l(c)) || self.l(c) == "through";
                while k < s1 && k < c + 10 && self.l(k) != "that" {
                    let w = self.l(k);
                    if k > c && self.determiner_out_of_place(k) {
                        break;
                    }
                    let fits = prepositional && k < c + 6 && self.kind(k) == TokenKind::Word
                        || pre_content(w)
                        || BEFORE_THAT.contains(&w)
                        || self.kind(k) == TokenKind::Number
                        || self.kind(k) == TokenKind::Word && self.tok(k).starts_with(char::is_uppercase);
                    if !fits {
                        break;
                    }
                    k += 1;
                }
                if k >= s1 || self.l(k) != "that" {
                    k = self.that_after_circumstance(c, s1).unwrap_or(k);
                }
                if k < s1 && self.l(k) == "that" {
                    c = k;
                } else if let Some(k) = self
                    .time_phrase_end(c, s1)
                    .filter(|&k| self.clause_start(k) && self.finite_verb_after(k, s1))
                {
                    // "said on Tuesday it would ...", "said Monday the bridge was safe": a
                    // day before a clause with no "that".
                    c = k;
                } else if let Some(comma) = interrupted_at {
                    c = comma;
                } else if PREPOSITIONS.contains(&self.l(c))
                    && !OBJECT_VERBS.contains(&base)
                    && !(c + 1 < s1 && self.kind(c + 1) == TokenKind::Number)
                {
                    continue;
                }
            }
            // "said, according to a transcript, that ...": an aside between commas before the
            // "that".
            if c < s1 && self.is_punct(c, ",") {
                let aside_end = (c + 2..s1.min(c + 16))
                    .take_while(|&t| self.kind(t) != TokenKind::Quote && self.l(t) != "that")
                    .find(|&t| self.is_punct(t, ",") && self.lower.get(t + 1).is_some_and(|w| w == "that"));
                if let Some(k) = aside_end {
                    c = k + 1;
                }
            }
            // "denied that, saying ...": a "that" before a comma and a participle of speech is
            // the object pronoun, and the verb reports nothing of its own ("said that, if
            // ..., ..." opens a clause).
            if c + 2 < s1
                && self.l(c) == "that"
                && self.is_punct(c + 1, ",")
                && self.l(c + 2).ends_with("ing")
                && self.lex.speech_verb(self.l(c + 2)).is_some()
            {
                continue;
            }
            if c < s1 && (self.l(c) == "that" || self.is_punct(c, ":") || self.is_punct(c, ",")) {
                c += 1;
            }
            if c >= s1 {
                continue;
            }
            // "thinks the economy is weak" is a clause; "held a 214-delegate advantage" and
            // "maintains a commanding lock" are objects, with no verb of their own. Verbs of
            // thought and state report only clauses; the other weak verbs' objects may be
            // what was said ("proposed a tax", "expressed their fear").
            if WEAK_VERBS.contains(&base)
                && c == verb + 1
                && (!self.clause_start(c) || self.stative_object(base, c, s1))
                && !OBJECT_CONTENT.contains(&base)
                && !infinitive
            {
                continue;
            }
            // Where it ends: the sentence's end, or a later statement already found, or the
            // end of a quotation that began in it and runs on.
            let mut end = self.content_end(s0, s1);
            // A new clause after ", but" or ";" is the writer's, not the speaker's, and so is
            // a second report by the same subject ("... and says ...") or a source of the
            // writer's (", according to an official").
            if let Some(k) = (c + 2..end).find(|&t| {
                !self.in_quote(t)
                    && (self.is_punct(t, ";")
                        || self.according_to_at(t)
                            && (self.is_punct(t - 1, ",") || self.quote_ends_with(t - 1, &[","]))
                        // ", but would not ...", ", but on a wider scale": the speaker's
                        // clause goes on; only a new subject begins the writer's.
                        || self.is_punct(t, ",")
                            && t + 2 < end
                            && matches!(self.l(t + 1), "but" | "though" | "although")
                            && self.clause_start(t + 2)
                            // "says X, but that Moss is wrong": a second "that" of the
                            // same verb ("but that was before" is the writer's).
                            && !(self.l(t + 2) == "that" && t + 3 < end && self.clause_start(t + 3))
                            // `said he had offers, but “the offers were ...”`: a quotation
                            // there is the speaker's own words going on.
                            && self.kind(t + 2) != TokenKind::Quote
                        // `... a gun," but he said ...`, "..., and he urged ...": a second
                        // attribution, whose content is its own.
                        || matches!(self.l(t), "and" | "but" | "while" | "whereas")
                            && self.reports_after(t + 1, end)
                        // ", a day after his budget director suggested ...": a clause of when
                        // after a comma is the writer's.
                        || self.is_punct(t, ",") && self.time_clause_at(t + 1, end)
                        // "-- most of whom had announced their support -- who cited ...": a
                        // relative clause after a dash that no dash closes is about a noun
                        // before the aside ("economies - which include Japan - will grow" goes
                        // on).
                        || is_dash(self.tok(t))
                            && t + 1 < end
                            && matches!(self.l(t + 1), "who" | "which")
                            && !(t + 2..end).any(|k| is_dash(self.tok(k)))
                        // "..., adding that ...": a second report by the same subject (the
                        // comma may close a quotation: `"overblown," adding`).
                        || self.l(t).ends_with("ing")
                            && self.lex.speech_verb(self.l(t)).is_some()
                            && (self.comma_before(t, c)
                                // `... — asserting that ...`, but not an aside between
                                // dashes: `argued - rebuking him by name - that ...`.
                                || is_dash(self.tok(t - 1))
                                    && !(t + 1..end.min(t + 12)).any(|k| is_dash(self.tok(k))))
                        || matches!(self.l(t), "and" | "but") && {
                            // "... but has said she will ...": with its auxiliary.
                            let v = if matches!(self.l(t + 1), "has" | "have" | "had") { t + 2 } else { t + 1 };
                            v < end
                                && self
                                    .lex
                                    .speech_verb(self.l(v))
                                    .is_some_and(|b| !WEAK_VERBS.contains(&b) || self.l(v).ends_with("ed"))
                                && self.tok(v).starts_with(char::is_lowercase)
                        }
                        // "... and went on to say ...": the same.
                        || matches!(self.l(t), "and" | "but")
                            && t + 4 < end
                            && self.goes_on_to(t + 4) == Some(t + 1)
                            && self.lex.speech_verb(self.l(t + 4)).is_some())
            }) {
                end = k;
            }
            // "Shortly after Trump said he believes ..., the caucus met": an attribution in the
            // subordinate clause that opens its sentence reports up to the comma where the
            // main clause begins with a subject and a verb of its own (not a relative clause
            // or a coordinated one, which may be the speaker's).
            if self.opening_subordinate(s0, source.tokens.start) {
                if let Some(k) = (c + 1..end).find(|&t| {
                    !self.in_quote(t)
                        && self.is_punct(t, ",")
                        && t + 1 < end
                        && self.kind(t + 1) == TokenKind::Word
                        && !matches!(
                            self.l(t + 1),
                            "and" | "or" | "but" | "which" | "who" | "whom" | "whose" | "where"
                        )
                        && self.finite_verb_after(t, end)
                }) {
                    end = k;
                }
            }
            // "Ann Lee, who said the plan had failed, left the party": a report in a relative
            // clause ends where the clause does, at its first comma when the main clause's
            // verb follows it ("..., which cost $5m, had failed" leaves it alone).
            if self.in_relative_clause(verb, s0) {
                let first_comma = (c + 1..end).find(|&t| !self.in_quote(t) && self.is_punct(t, ","));
                if let Some(k) = first_comma.filter(|&k| k + 1 < end && self.finite_verb_at(k + 1)) {
                    end = k;
                }
            }
            // "described Clinton as a disgrace after she attacked the police": the object of a
            // verb of judgement ends where a clause of circumstance begins.
            let judges = OBJECT_CONTENT.contains(&base) || matches!(base, "describe" | "call");
            if judges && c == verb + 1 && self.l(c) != "that" && self.quote_of[c].is_none() {
                if let Some(k) = (c + 2..end).find(|&t| {
                    !self.in_quote(t)
                        && matches!(
                            self.l(t),
                            "after" | "before" | "when" | "while" | "until" | "during"
                        )
                }) {
                    end = k;
                    while end > c && matches!(self.tok(end - 1), "," | "—" | "-" | ";") {
                        end -= 1;
                    }
                }
            }
            // `called the plan “a betrayal,” and the council voted ...`, `what critics called
            // “a betrayal” was ...`: a verb that reports only a quotation's words reports up
            // to its close, where a new clause or the sentence's own verb follows.
            // (`called on`, `called for` are demands, whose object runs on.)
            if self.lex.needs_quote(base) && cue.len() == 1 {
                let closes = (c..end).find(|&t| {
                    self.quote_of[t].is_some_and(|q| self.quotes[q].closed && self.quotes[q].close == t)
                });
                if let Some(close) = closes {
                    let mut k = close + 1;
                    while k < end && self.is_punct(k, ",") {
                        k += 1;
                    }
                    // `“pathetic” and “dangerous”`, `a "new low" and a "bizarre attempt"`: the
                    // list of quoted words goes on.
                    let more_quoted = (k + 1..end.min(k + 4)).any(|t| self.kind(t) == TokenKind::Quote);
                    let clause_after = k < end
                        && !more_quoted
                        && (matches!(self.l(k), "and" | "but" | "while" | "as" | "after" | "before")
                            || is_dash(self.tok(k))
                            || AUXILIARIES.contains(&self.l(k)));
                    if clause_after {
                        end = close + 1;
                    }
                }
            }
            // `saying during the debate, “That makes me smart,” when Clinton blasted him`:
            // after a quotation led in by a phrase, a clause of circumstance is the writer's.
            if let Some(q) = quote_led.and_then(|k| self.quote_of[k]) {
                let last = &self.quotes[self.quote_chain_end(q)];
                let mut k = last.outer().end;
                while k < end && self.is_punct(k, ",") {
                    k += 1;
                }
                if last.closed
                    && k + 1 < end
                    && SUBORDINATORS.contains(&self.l(k))
                    && self.clause_start(k + 1)
                {
                    end = last.outer().end;
                }
            }
            // "Back when he wrote his book, Mr. Lee said that ...": a named speaker's own
            // attribution after a comma ends the content, which must then say something.
            let mut short_ok = true;
            if let Some(k) = (c + 1..end)
                .find(|&k| !self.in_quote(k) && self.is_punct(k, ",") && self.named_attribution_at(k + 1))
            {
                end = k;
                short_ok = false;
            }
            if let Some(k) = (c..end).find(|&t| self.claimed[t]) {
                end = k;
                while end > c && matches!(self.tok(end - 1), "," | "—" | "-" | ";") {
                    end -= 1;
                }
            }
            if !short_ok && self.words_in(c..end) < 4 {
                continue;
            }
            end = self.through_quote(c, end);
            if end <= c
                || self.words_in(c..end) < 2
                // "shouted him down", "played it down": a phrasal verb's object says nothing.
                || end == c + 2
                    && matches!(self.l(c), "him" | "her" | "them" | "it" | "me" | "us")
                    && matches!(self.l(c + 1), "down" | "up" | "out" | "off" | "back" | "away")
                || (end - c <= MAX_TAIL / 2 && self.circumstantial(c, end))
                    && self.l(c) != "that"
                    && c == verb + 1
            {
                continue;
            }
            let quoted = self.quote_of[c]
                .filter(|&q| self.quotes[q].open == c)
                .map(|q| &self.quotes[self.quote_chain_end(q)])
                .filter(|last| last.outer().end >= end);
            let direct = quoted.is_some();
            let mut content = match quoted {
                Some(last) => c + 1..end.min(last.inner().end),
                None => c..end,
            };
            let interrupts =
                lead_in && (c == verb + 2 && self.is_punct(verb + 1, ",") || interrupted_at.is_some());
            if interrupts && !direct {
                content.start = s0;
            }
            let f = self.found(Some(source), Some(cue.clone()), content, direct);
            self.accept(f);
        }
    }

    /// "footage of Ortiz saying ...", "recalled Obama telling them ...": the person shown
    /// or remembered right before a participle of speech is speaking ("vented about Sanders
    /// vowing" and "sent a letter to Castro criticizing" are talk of someone, not their
    /// words).
    fn shown_speaker(&self, verb: usize, s0: usize) -> Option<Source> {
        let m = self.people.mention_ending_at(verb)?;
        let b = m.tokens.start;
        let shown = b > s0 && SHOWN_SPEAKING.contains(&self.l(b - 1))
            || b > s0 + 1 && self.l(b - 1) == "of" && RECORDINGS.contains(&self.l(b - 2));
        shown.then(|| self.person_source(m))
    }

    /// `The footage shows Ortiz telling residents, "..."`: a verb of showing or recalling
    /// whose object, from `c`, is a person quoted as they speak leaves the quotation to that
    /// person (the participle's speaker, [`Finder::shown_speaker`]).
    fn shows_speaking(&self, c: usize, s0: usize, s1: usize) -> bool {
        let Some(m) = self.people.mention_starting_at(c) else {
            return false;
        };
        let p = m.tokens.end;
        p < s1
            && self.l(p).ends_with("ing")
            && self.lex.speech_verb(self.l(p)).is_some()
            && self.shown_speaker(p, s0).is_some()
            && (p + 1..s1).any(|t| self.kind(t) == TokenKind::Quote)
    }

    /// Whether the sentence from `s0` opens with a subordinate clause ("After", "Shortly
    /// after", "Even though") that runs on, with no comma, to `source`.
    pub(super) fn opening_subordinate(&self, s0: usize, source: usize) -> bool {
        let mut k = s0;
        if k < source && SUBORDINATOR_ADVERBS.contains(&self.l(k)) {
            k += 1;
        }
        k < source
            && SUBORDINATORS.contains(&self.l(k))
            && !(k..source).any(|t| self.kind(t) != TokenKind::Word && !self.is_punct(t, "."))
    }

    /// Whether the verb at `verb` is the first of a relative clause set off by a comma
    /// (", who said", ", who has repeatedly argued").
    fn in_relative_clause(&self, verb: usize, s0: usize) -> bool {
        let j = self.skip_between_left(verb, s0);
        j >= s0 + 2 && self.l(j - 1) == "who" && self.is_punct(j - 2, ",")
    }

    /// Whether token `t` is a finite verb: a form of "be" or an auxiliary, or a verb the
    /// part-of-speech tagger reads as past, present or modal.
    pub(super) fn finite_verb_at(&self, t: usize) -> bool {
        // "a row over targets": a word in "-s" right after a preposition is a plural noun,
        // whatever the tagger says.
        let plural_after_preposition = self.pos.get(t) == Some(&Pos::VerbPresent)
            && t > 0
            && self.l(t).ends_with('s')
            && PREPOSITIONS.contains(&self.l(t - 1))
            && self.l(t - 1) != "to";
        is_be(self.l(t))
            || AUXILIARIES.contains(&self.l(t))
            || matches!(
                self.pos.get(t),
                Some(Pos::VerbPast | Pos::VerbPresent | Pos::Modal)
            ) && !plural_after_preposition
    }

    /// The "that" after a phrase of where, when or how a cue was said, from `c` on: "on
    /// Monday that", "during a visit to Scotland on Friday that", "Thursday during taping of
    /// a town hall in Buffalo, New York, that". The phrase is prepositional: a determiner
    /// only follows a preposition, so "on Monday the plan that he backed ..." is a clause
    /// with a relative "that" of its own; and a "that" before no clause is relative too
    /// ("in a statement that was released").
    pub(super) fn that_after_circumstance(&self, c: usize, s1: usize) -> Option<usize> {
        for k in c..s1.min(c + 18) {
            let w = self.l(k);
            if w == "that" {
                let clause = k + 1 < s1 && self.clause_start(k + 1) && !is_be(self.l(k + 1));
                return (k > c && clause).then_some(k);
            }
            let fits = match self.kind(k) {
                TokenKind::Number | TokenKind::Quote => true,
                TokenKind::Punct => matches!(self.tok(k), "," | "-" | "(" | ")"),
                TokenKind::Word => {
                    !AUXILIARIES.contains(&w)
                        && !is_be(w)
                        && (k == c || !self.determiner_out_of_place(k))
                        && (k == c
                            || self.lex.speech_verb(w).is_none()
                            || self.tok(k).starts_with(char::is_uppercase))
                }
            };
            if !fits {
                return None;
            }
        }
        None
    }

    /// Whether a verb of thought or evidence has a mere object at `c` ("held a 214-delegate
    /// advantage", "showed no emotion as the verdict was read"), not a clause: a determiner
    /// with no finite verb before a subordinator, whose verb is its own clause's.
    pub(super) fn stative_object(&self, base: &str, c: usize, s1: usize) -> bool {
        let clause_end = (c + 1..s1).find(|&t| self.clause_of_when_at(t)).unwrap_or(s1);
        STATIVE_VERBS.contains(&base)
            && (DETERMINERS.contains(&self.l(c)) || self.l(c) == "no")
            && !self.finite_verb_after(c, clause_end)
    }

    /// Whether a clause of when or how opens at `t` after a word ("no emotion as the
    /// verdict was read"; "up until its birth" and "..., as written," do not).
    pub(super) fn clause_of_when_at(&self, t: usize) -> bool {
        t > 0
            && matches!(
                self.l(t),
                "as" | "when" | "while" | "because" | "after" | "before" | "if"
            )
            && self.kind(t - 1) == TokenKind::Word
    }

    /// Where a phrase that only says when, starting at `c`, ends: "on Tuesday", "Monday",
    /// "last week", "early this morning", "on March 3".
    fn time_phrase_end(&self, c: usize, s1: usize) -> Option<usize> {
        let opening = |w: &str| {
            matches!(
                w,
                "on" | "in" | "last" | "this" | "early" | "late" | "earlier" | "later"
            )
        };
        let mut k = c;
        let mut day = false;
        while k < s1 {
            let w = self.l(k);
            if is_time_word(w) {
                day = true;
            } else if !(opening(w) && !day || day && self.kind(k) == TokenKind::Number) {
                break;
            }
            k += 1;
        }
        (day && k < s1).then_some(k)
    }

    /// A determiner that follows no preposition: in a phrase of where or when after a cue
    /// ("on Monday the plan ..."), it starts a noun phrase of the content.
    pub(super) fn determiner_out_of_place(&self, k: usize) -> bool {
        matches!(
            self.l(k),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "our"
        ) && !(PREPOSITIONS.contains(&self.l(k - 1))
            || matches!(
                self.l(k - 1),
                "during" | "through" | "via" | "after" | "before" | "amid"
            ))
    }

    /// Where a content from `c` to `end` ends when a quotation it opens runs on past `end`,
    /// past the sentence: at the quotation's end (at its start, or after a lead-in:
    /// `suggesting questions, including, "Why ...? Who ...?"`).
    pub(super) fn through_quote(&self, c: usize, end: usize) -> usize {
        let opened = if end > c { self.quote_of[end - 1] } else { None };
        let Some(q) = self.quote_of[c].or(opened).filter(|&q| self.quotes[q].open >= c) else {
            return end;
        };
        let qe = self.quotes[self.quote_chain_end(q)].inner().end;
        if qe > end && !self.is_claimed(end..qe) {
            qe
        } else {
            end
        }
    }

    /// `said during a hearing in Phoenix, "..."`, `said matter-of-factly: "..."`: the opening
    /// mark of a quotation after a short phrase and a comma or colon, from `c` on.
    pub(super) fn quote_after_phrase(&self, c: usize, s1: usize) -> Option<usize> {
        for k in c..s1.min(c + 14) {
            if self.kind(k) == TokenKind::Quote {
                let after_mark = k > c && (self.is_punct(k - 1, ",") || self.is_punct(k - 1, ":"));
                return self.quote_of[k]
                    .filter(|&q| after_mark && self.quotes[q].open == k)
                    .map(|_| k);
            }
            // `said she has the quality a president needs: "..."`: a clause of its own
            // leads in to the quotation, and is said too.
            if self.l(k) == "that"
                || self.kind(k) == TokenKind::Word && self.lex.speech_verb(self.l(k)).is_some()
                || AUXILIARIES.contains(&self.l(k))
                || k == c && personal_subject(self.l(k))
            {
                return None;
            }
        }
        None
    }

    /// The subject at the start of a sentence, for participles ("Trump hit back, saying ...").
    pub(super) fn sentence_subject(&self, s0: usize, verb: usize) -> Option<Source> {
        let stack = &self.latest_cues[self.sentence_of[s0]];
        let before = stack.partition_point(|&(end, _)| end <= verb);
        let attributed = |i: usize| {
            self.found[stack[i].1]
                .source
                .clone()
                .filter(|src| !src.tokens.is_empty())
        };
        // `Ryan and Trump will meet, Spicer said, adding ...`: the participle goes on from the
        // attribution that closed the words before it, not from the sentence's first name.
        if let Some(i) = before.checked_sub(1) {
            let f = &self.found[stack[i].1];
            if f.cue.as_ref().is_some_and(|c| f.content.end <= c.start) {
                // Only a person's: a misread inverted attribution has odd sources.
                if let Some(src) =
                    attributed(i).filter(|src| src.speaker.is_some() || self.pending_for(src).is_some())
                {
                    return Some(src);
                }
            }
        }
        if let Some(m) = self.people.mention_starting_at(s0) {
            if m.tokens.end < verb {
                return Some(self.headed_by_later_name(m, verb));
            }
        }
        let w = self.l(s0);
        if matches!(w, "he" | "she") {
            return Some(Source {
                tokens: s0..s0 + 1,
                speaker: None,
            });
        }
        // `"...," Graham said on Monday, adding, "..."`: the source of the sentence's
        // attribution.
        before.checked_sub(1).and_then(attributed)
    }

    /// "Privacy advocates welcomed the ruling but said ...", "A judge blocked the law,
    /// ruling that ...": the noun phrase that opens the sentence, the subject of a second
    /// verb after "and" or "but" or of a participle after a comma at `conj`, when the
    /// sentence's first verb is the only one before it. After "and" an infinitive before
    /// rules it out ("left it to others to praise his record and defend ...").
    fn opening_subject(&self, s0: usize, conj: usize, coordinated: bool) -> Option<Source> {
        let first_verb = (s0 + 1..conj).find(|&t| self.finite_verb_at(t))?;
        if (first_verb + 1..conj)
            .any(|t| self.finite_verb_at(t) || self.is_punct(t, ",") || coordinated && self.l(t) == "to")
        {
            return None;
        }
        let j = self.skip_between_left(first_verb, s0);
        self.subject_before(j, s0).filter(|s| s.tokens.start == s0)
    }

    /// Where the words after a cue begin past its hearer, for a verb that has one ("told
    /// reporters"): `from` itself for any other verb; never past `limit`.
    pub(super) fn past_hearer(&self, cue: &std::ops::Range<usize>, from: usize, limit: usize) -> usize {
        if OBJECT_VERBS.contains(&self.base(cue)) {
            self.skip_object(from, limit).min(limit)
        } else {
            from
        }
    }

    /// Skips the indirect object after "told", "warned", "assured": a pronoun, a name, or a
    /// short noun phrase ("reporters", "the crowd"); and a following "that".
    pub(super) fn skip_object(&self, c: usize, s1: usize) -> usize {
        if let Some(m) = self.people.mention_starting_at(c) {
            return m.tokens.end.min(s1);
        }
        let w = self.l(c);
        if matches!(
            w,
            "him"
                | "her"
                | "them"
                | "us"
                | "me"
                | "you"
                | "reporters"
                | "journalists"
                | "supporters"
                | "voters"
                | "lawmakers"
                | "members"
                | "listeners"
                | "viewers"
                | "donors"
        ) && !self.possessive_her(c, s1)
        {
            return c + 1;
        }
        // "told investors that ...": a bare noun for the audience.
        if c + 1 < s1 && self.l(c + 1) == "that" && self.kind(c) == TokenKind::Word {
            return c + 1;
        }
        if NP_START.contains(&w) {
            let mut k = c + 1;
            while k < s1 && k < c + 5 && self.kind(k) == TokenKind::Word && self.l(k) != "that" {
                k += 1;
            }
            if k < s1 && self.l(k) == "that" {
                return k;
            }
            // "..., Mr. Obama told his advisers.": the audience is all there is ("told a
            // joke" has no audience: the joke is what was told).
            if k >= self.content_end(c, s1) && !matches!(w, "a" | "an") {
                return s1;
            }
        }
        // "told The Huffington Post on Thursday": a named object, then the content if any.
        if self.tok(c).starts_with(char::is_uppercase) {
            let mut k = c;
            while k < s1
                && k < c + 5
                && self.kind(k) == TokenKind::Word
                && self.tok(k).starts_with(char::is_uppercase)
            {
                k += 1;
            }
            if k < s1 && self.l(k) == "that" {
                return k;
            }
            if self.circumstantial(k, self.content_end(k, s1)) {
                return s1;
            }
            // "told The Dayton Ledger the city was ...": the clause after the name.
            if k > c
                && k < s1
                && self.kind(k) == TokenKind::Word
                && !pre_content(self.l(k))
                && self.clause_start(k)
            {
                return k;
            }
        }
        self.audience_end(c, s1).unwrap_or(c)
    }

    /// Whether "her" at `c` is a possessive before a noun ("told her supporters"), not the
    /// hearer ("told her the plan", "told her that", "told her to").
    pub(super) fn possessive_her(&self, c: usize, s1: usize) -> bool {
        self.l(c) == "her"
            && c + 1 < s1
            && self.kind(c + 1) == TokenKind::Word
            && self.tok(c + 1).starts_with(char::is_lowercase)
            && !self.clause_start(c + 1)
            && !matches!(
                self.l(c + 1),
                "to" | "about" | "on" | "in" | "at" | "during" | "after" | "before"
            )
    }

    /// A longer audience before a "that" or a question word: `told MSNBC's "Morning Joe"
    /// on Friday that ...`, `told an invited crowd at the club that ...`, `told the show's
    /// host how ...`. Punctuation, a verb or an infinitive's "to" end the search, as the
    /// words are then the content itself ("told him the plan would fail").
    pub(super) fn audience_end(&self, c: usize, s1: usize) -> Option<usize> {
        for k in c + 1..s1.min(c + 12) {
            let w = self.l(k);
            // "told the forum he was ...": a clause's subject after the audience.
            let subject =
                personal_subject(w) || w == "it" && k + 1 < s1 && AUXILIARIES.contains(&self.l(k + 1));
            if subject || matches!(w, "that" | "how" | "why" | "whether" | "what") {
                return Some(k);
            }
            // "told his advisers as he worked on the speech": a clause of when or why after
            // the audience is the writer's; only a later "that" brings what was told.
            // ("asked them if ..." asks a question: its "if" is no condition.)
            if (w == "as" || w != "if" && SUBORDINATORS.contains(&w))
                && k + 1 < s1
                && (personal_subject(self.l(k + 1)) || self.tok(k + 1).starts_with(char::is_uppercase))
            {
                let that = (k + 2..s1).find(|&t| self.l(t) == "that" && !self.in_quote(t));
                return Some(that.unwrap_or(s1));
            }
            // "told his supporters at a rally to go and vote": an infinitive after the
            // audience is what they were told ("told a story to the crowd" is no infinitive).
            if w == "to" && k + 1 < s1 && self.infinitive_after(k) {
                return Some(k);
            }
            // "told analysts on a conference call that": a speech verb a determiner opens,
            // one or two words before it, is a noun.
            let noun = |k: usize| (k.saturating_sub(2).max(c)..k).any(|t| NP_START.contains(&self.l(t)));
            let blocks = match self.kind(k) {
                TokenKind::Word => {
                    w == "to"
                        || AUXILIARIES.contains(&w)
                        || self.lex.speech_verb(w).is_some()
                            && !self.tok(k).starts_with(char::is_uppercase)
                            && !noun(k)
                }
                TokenKind::Number | TokenKind::Quote => false,
                // "a town hall in Salem, New Hampshire, on Monday that": a comma of a place
                // name or before a phrase of when.
                _ if self.is_punct(k, ",") => {
                    !(k + 1 < s1
                        && (self.tok(k + 1).starts_with(char::is_uppercase)
                            || self.l(k + 1) == "that"
                            || pre_content(self.l(k + 1))))
                }
                _ => !matches!(self.tok(k), "'s" | "’s" | "-"),
            };
            if blocks {
                return None;
            }
        }
        None
    }

    /// Whether the "to" at `k` marks an infinitive: a lowercase word follows that does not
    /// begin a noun phrase.
    pub(super) fn infinitive_after(&self, k: usize) -> bool {
        // `to "go to your place and vote"`: the quotation begins with the verb.
        let k = if self.kind(k + 1) == TokenKind::Quote && k + 2 < self.seg.tokens.len() {
            k + 1
        } else {
            k
        };
        let next = self.l(k + 1);
        self.kind(k + 1) == TokenKind::Word
            && self.tok(k + 1).starts_with(char::is_lowercase)
            && !self.clause_start(k + 1)
            && !next.ends_with("ing")
    }

    /// Whether a subject and a speech verb start at `t`: "he said", "she also urged",
    /// "Mr. Obama added".
    pub(super) fn reports_after(&self, t: usize, end: usize) -> bool {
        let subject_end = if personal_subject(self.l(t)) {
            t + 1
        } else if let Some(m) = self.people.mention_starting_at(t) {
            m.tokens.end
        } else if let Some(np_end) = self.noun_phrase_reporting_after(t, end) {
            np_end
        } else if t + 1 < end
            && self.kind(t) == TokenKind::Word
            && self.tok(t).starts_with(char::is_lowercase)
            && self.l(t).ends_with('s')
            && !AUXILIARIES.contains(&self.l(t))
            && self.lex.speech_verb(self.l(t)).is_none()
            && matches!(self.l(t + 1), "said" | "say" | "told")
        {
            // "rejected the offer and officials said ...": a bare plural reporting.
            t + 1
        } else {
            return false;
        };
        let mut verb = subject_end;
        while verb < end
            && (BETWEEN.contains(&self.l(verb)) || self.l(verb).len() > 4 && self.l(verb).ends_with("ly"))
        {
            verb += 1;
        }
        verb < end
            && self.kind(verb) == TokenKind::Word
            && self
                .lex
                .speech_verb(self.l(verb))
                .is_some_and(|b| !WEAK_VERBS.contains(&b) || self.l(verb).ends_with("ed"))
    }

    /// `..., while the Family Farm Alliance warned ...`, `..., and several residents who
    /// spoke at the meeting warned ...`: after a comma and a conjunction, a noun phrase (with
    /// a relative clause, perhaps) whose verb is one of speech. The end of the phrase, where
    /// that verb is; a plain noun phrase with another verb goes on with the report ("said
    /// the city, and the union it hired, agreed ...").
    fn noun_phrase_reporting_after(&self, t: usize, end: usize) -> Option<usize> {
        let opens = NP_START.contains(&self.l(t))
            || matches!(
                self.l(t),
                "several" | "many" | "some" | "other" | "two" | "three" | "both"
            );
        // The comma may close a quotation: `... they need," while a group ...`.
        let comma = t >= 2
            && (self.is_punct(t - 2, ",")
                || self.kind(t - 2) == TokenKind::Quote && self.quote_ends_with(t - 2, &[","]));
        if !comma || !opens {
            return None;
        }
        if t + 1 >= end || self.kind(t + 1) != TokenKind::Word {
            return None;
        }
        // A noun after the opener: "some speculated" may go on with what the speaker noted.
        let capitalised =
            |n: usize| self.kind(n) == TokenKind::Word && self.tok(n).starts_with(char::is_uppercase);
        let mut k = t + 2;
        while k < end.min(t + 14) {
            // "an environmental group, Clean Fields, criticized": its name between commas.
            if self.is_punct(k, ",") {
                let close = (k + 1..end.min(k + 6)).find(|&n| !capitalised(n));
                match close {
                    Some(n) if n > k + 1 && self.is_punct(n, ",") => {
                        k = n + 1;
                        continue;
                    }
                    _ => return None,
                }
            }
            if self.kind(k) != TokenKind::Word || self.l(k) == "that" {
                return None;
            }
            let relative_verb = matches!(self.l(k - 1), "who" | "which");
            if !relative_verb && self.lex.speech_verb(self.l(k)).is_some() && self.l(k).ends_with("ed") {
                return Some(k);
            }
            k += 1;
        }
        None
    }

    /// Whether a clause of when starts at `k`: "a day after the vote was taken", "hours
    /// before he spoke", "shortly after the council met", with a subject and a verb of its
    /// own after "after" or "before".
    fn time_clause_at(&self, k: usize, end: usize) -> bool {
        let mut j = k;
        while j < end.min(k + 3) && TIME_SPANS.contains(&self.l(j)) {
            j += 1;
        }
        j > k
            && j + 1 < end
            && matches!(self.l(j), "after" | "before")
            && self.clause_start(j + 1)
            && self.finite_verb_after(j + 1, end)
    }

    /// Whether token `c` can start a clause: a pronoun, determiner, name or number.
    pub(super) fn clause_start(&self, c: usize) -> bool {
        let w = self.l(c);
        let t = self.tok(c);
        matches!(
            w,
            "he" | "she"
                | "they"
                | "it"
                | "we"
                | "i"
                | "you"
                | "there"
                | "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "no"
                | "some"
                | "most"
                | "many"
                | "all"
                | "several"
                | "few"
                | "both"
                | "each"
                | "every"
                | "any"
                | "more"
                | "much"
        ) || t.starts_with(char::is_uppercase)
            || self.kind(c) == TokenKind::Number
            || self.kind(c) == TokenKind::Quote
            // "noted clients are beginning to ...": a bare noun and a finite verb.
            || c + 1 < self.seg.tokens.len() && AUXILIARIES.contains(&self.l(c + 1))
    }
}
