//! Sources: the noun phrase or name before or after a cue that says who speaks.

use super::words::*;
use super::*;

impl<'a> Finder<'a> {
    /// The subject noun phrase that ends at token `end` (exclusive), walking left.
    pub(super) fn subject_before(&self, end: usize, floor: usize) -> Option<Source> {
        if end <= floor {
            return None;
        }
        let mut j = end;
        // "Sen. Ted Cruz (R-Texas) said"
        if let Some(k) = self.open_paren_before(j, floor).filter(|&k| k > floor) {
            j = k;
        }
        if let Some(m) = self.people.mention_ending_at(j) {
            if m.tokens.start >= floor {
                // "Clinton campaign chairman John Podesta said": a name right before the
                // role is part of the description.
                let mut start = m.tokens.start;
                // "State Health Commissioner Raymond Ellis said": capitalised words before
                // the title name the office.
                if self.is_role(start) {
                    while start > floor
                        && m.tokens.start - start < 3
                        && self.kind(start - 1) == TokenKind::Word
                        && self.tok(start - 1).starts_with(char::is_uppercase)
                        && !is_time_word(self.l(start - 1))
                        && !self.lex.is_sentence_starter(self.tok(start - 1))
                        && self.people.mention_ending_at(start).is_none()
                    {
                        start -= 1;
                    }
                }
                let owner = self
                    .people
                    .mention_ending_at(start)
                    .filter(|o| o.tokens.start >= floor && o.person != m.person);
                let role_first = self.tok(start).starts_with(char::is_lowercase);
                return Some(Source {
                    tokens: owner.filter(|_| role_first).map_or(start, |o| o.tokens.start)..m.tokens.end,
                    speaker: Some(m.person),
                });
            }
        }
        // "Cruz himself said"
        if j > floor + 1 && matches!(self.l(j - 1), "himself" | "herself") {
            if let Some(m) = self
                .people
                .mention_ending_at(j - 1)
                .filter(|m| m.tokens.start >= floor)
            {
                return Some(Source {
                    tokens: m.tokens.start..j,
                    speaker: Some(m.person),
                });
            }
        }
        let last = j - 1;
        let w = self.l(last);
        if PRONOUNS_SUBJECT.contains(&w) && self.kind(last) == TokenKind::Word {
            return Some(Source {
                tokens: last..j,
                speaker: None,
            });
        }
        if self.is_punct(last, ",") {
            return self.appositive_subject(last, floor);
        }
        // "Kall -- co-editor of a book on the debates -- said": the name before a pair of
        // dashes.
        let dash =
            |t: usize| self.kind(t) == TokenKind::Punct && matches!(self.tok(t), "--" | "—" | "–" | "―");
        if dash(last) {
            let open = (floor..last).rev().take(30).find(|&t| dash(t))?;
            return self
                .people
                .mention_ending_at(open)
                .filter(|m| m.tokens.start >= floor)
                .map(|m| self.person_source(m));
        }
        // "economists, some of whom said ...": the part of the group is the source.
        if w == "whom"
            && last >= floor + 2
            && self.l(last - 1) == "of"
            && self.kind(last - 2) != TokenKind::Punct
        {
            return Some(Source {
                tokens: last - 2..j,
                speaker: None,
            });
        }
        // "said Weaver, who said ...": the person the relative clause is about.
        if w == "who" && last > floor && self.is_punct(last - 1, ",") {
            if let Some(p) = self.relative_person(last) {
                // The name itself is the source when the clause hangs from it directly.
                let name = self
                    .people
                    .mention_ending_at(last - 1)
                    .filter(|m| m.tokens.start >= floor && m.person == p);
                return Some(match name {
                    Some(m) => self.person_source(m),
                    None => Source {
                        tokens: last..last + 1,
                        speaker: Some(p),
                    },
                });
            }
            // "The mayor, who said ...": the description it hangs from, to resolve later.
            return self.subject_before(last - 1, floor);
        }
        // "Two of the senators who voted no said": the subject is the noun phrase the
        // relative clause hangs from, with the clause.
        let relative = (floor + 1..j)
            .rev()
            .take(12)
            .take_while(|&t| {
                matches!(self.kind(t), TokenKind::Word | TokenKind::Number)
                    && (self.lex.speech_verb(self.l(t)).is_none() || self.noun_use(t))
            })
            .find(|&t| self.l(t) == "who")
            .filter(|&rel| rel + 1 < j && !self.is_punct(rel - 1, ","));
        // ("..., Florida who were voting ... complained": a head after a comma is a place or
        // an aside more often than a subject.)
        let head = relative
            .and_then(|rel| self.subject_before(rel, floor))
            .filter(|h| h.tokens.start == floor || !self.is_punct(h.tokens.start - 1, ","));
        if let Some(head) = head {
            return Some(Source {
                tokens: head.tokens.start..j,
                speaker: head.speaker,
            });
        }
        // A noun phrase: words back to a stop word, a determiner or punctuation.
        let mut k = j;
        // The slash of "Reuters/Ipsos" and the name after it count as no words.
        let mut slashes = 0;
        while k > floor && j - k < 8 + 2 * slashes {
            let t = k - 1;
            let kind = self.kind(t);
            let w = self.l(t);
            // A hyphen inside a word ("Coca-Cola") or an ampersand joins; a spaced dash ends
            // a dateline ("DETROIT - Vance Motors said").
            let toks = &self.seg.tokens;
            let spaced_dash = w == "-" && t > 0 && toks[t - 1].span.end < toks[t].span.start;
            // "a Reuters/Ipsos poll": a slash between two names joins them.
            let slash = w == "/"
                && t > floor
                && t + 1 < j
                && toks[t - 1].span.end == toks[t].span.start
                && toks[t].span.end == toks[t + 1].span.start;
            let wordish = matches!(kind, TokenKind::Word | TokenKind::Number)
                || matches!(w, "-" | "&") && !spaced_dash
                || slash;
            slashes += usize::from(slash);
            if !wordish || NP_STOP.contains(&w) {
                break;
            }
            // "Clinton mentioned disparaging remarks": a verb of saying inside is no subject.
            // A bare form before the head modifies it ("state prosecutors said").
            let modifier = t + 1 < j && self.lex.speech_verb(w) == Some(w);
            if kind == TokenKind::Word && self.lex.speech_verb(w).is_some() && !self.noun_use(t) && !modifier
            {
                return None;
            }
            k -= 1;
            if matches!(w, "the" | "a" | "an" | "some" | "many" | "several" | "other") {
                break;
            }
        }
        if k == j || self.kind(j - 1) != TokenKind::Word {
            return None;
        }
        // "Greg Zorn of The Nation wrote", "Greg Butterfield of Ohio said": the person, not
        // the paper or the place.
        let of = (k.saturating_sub(1).max(floor + 1)..j).find(|&o| {
            self.l(o) == "of"
                && self
                    .people
                    .mention_ending_at(o)
                    .is_some_and(|m| m.tokens.start >= floor)
        });
        if let Some(m) = of.and_then(|o| self.people.mention_ending_at(o)) {
            return Some(Source {
                tokens: m.tokens.start..j,
                speaker: Some(m.person),
            });
        }
        let head = self.l(j - 1);
        // "a survey released Friday shows": a day after a participle dates the noun phrase.
        let dated = {
            let mut t = j - 1;
            while t > k && (is_time_word(self.l(t)) || matches!(self.l(t), "on" | "last" | "this")) {
                t -= 1;
            }
            t + 1 < j && t > k && participle(self.l(t))
        };
        if matches!(
            head,
            "him" | "them" | "us" | "me" | "her" | "'s" | "there" | "this" | "who"
        ) || is_time_word(head) && !dated
        {
            return None;
        }
        Some(Source {
            tokens: self.head_before_preposition(k, floor).unwrap_or(k)..j,
            speaker: None,
        })
    }

    /// The subject with the noun phrase coordinated before it, when that phrase opens the
    /// clause: "..., the company and state prosecutors said.", "Lee and Hale said ...". A
    /// phrase with a finite verb of its own is another clause ("Obama freed five men and
    /// officials said").
    pub(super) fn with_coordinated(&self, source: Source, floor: usize) -> Source {
        let start = source.tokens.start;
        if start <= floor + 1 || !matches!(self.l(start - 1), "and" | "or") {
            return source;
        }
        let first = self.subject_before(start - 1, floor).filter(|f| {
            (f.tokens.start == floor || self.is_punct(f.tokens.start - 1, ","))
                && !f.tokens.clone().any(|t| self.finite_verb_at(t))
        });
        match first {
            Some(first) => Source {
                tokens: first.tokens.start..source.tokens.end,
                speaker: source.speaker.or(first.speaker),
            },
            None => source,
        }
    }

    /// Where an unnamed source really starts when the words found so far (from `k`) are the
    /// object of a preposition whose noun phrase opens the clause: "A producer for Yahoo
    /// Studios told", "Republicans in the state claim", "sources close to her campaign say"
    /// are the producer, the Republicans and the sources, not what follows the preposition.
    pub(super) fn head_before_preposition(&self, k: usize, floor: usize) -> Option<usize> {
        if k <= floor + 1
            || !matches!(
                self.l(k - 1),
                "for" | "of" | "in" | "to" | "from" | "at" | "with" | "on" | "among" | "by"
            )
        {
            return None;
        }
        let mut t = k - 1;
        let mut words = 0;
        while t > floor && words < 6 {
            let prev = t - 1;
            let w = self.l(prev);
            let wordish = matches!(self.kind(prev), TokenKind::Word | TokenKind::Number);
            if !wordish {
                break;
            }
            if NP_STOP.contains(&w) && !matches!(w, "in" | "to" | "of")
                || self.lex.speech_verb(w).is_some() && !self.noun_use(prev)
            {
                return None;
            }
            t = prev;
            words += 1;
        }
        // The phrase must open the sentence or follow a comma or colon, with a word of its
        // own before the preposition, and be a noun phrase: no verb in it ("Armstrong
        // huddled with other leaders"), no participle or preposition opening it ("Speaking on
        // radio", "in the middle of ...").
        let opens = t == floor
            || self.kind(t - 1) == TokenKind::Punct && matches!(self.tok(t - 1), "," | ":" | "—" | "--");
        let pos = |i: usize| self.pos.get(i).copied().unwrap_or(Pos::Other);
        // A participle after the head describes it ("A report released Tuesday by Pew
        // found", "A study published in Science suggests"): after a common noun, before a
        // preposition, with at most a time between.
        let participle = |i: usize| {
            let mut after = i + 1;
            while after < k
                && (is_time_word(self.l(after)) || matches!(self.l(after), "last" | "this" | "earlier"))
            {
                after += 1;
            }
            i > t
                && matches!(pos(i), Pos::VerbParticiple | Pos::VerbPast)
                && pos(i - 1) == Pos::Noun
                && pos(after) == Pos::Prep
        };
        let noun_phrase = !matches!(pos(t), Pos::VerbGerund | Pos::VerbParticiple | Pos::Prep)
            && !NP_STOP.contains(&self.l(t))
            && !(t..k - 1).any(|i| (pos(i).is_verb() && !participle(i)) || pos(i) == Pos::Modal);
        (opens && noun_phrase && t + 1 < k).then_some(t)
    }

    /// When the token before `end` closes a short parenthesis ("(R-Texas)"), the index of its
    /// opening bracket, not before `floor`.
    pub(super) fn open_paren_before(&self, end: usize, floor: usize) -> Option<usize> {
        if end <= floor || !self.is_punct(end - 1, ")") {
            return None;
        }
        (floor..end - 1).rev().take(12).find(|&k| self.is_punct(k, "("))
    }

    /// `Lavrov, Russia's foreign minister, said` and `Trump, who ..., said`: the subject
    /// before a parenthetical that ends in the comma at `comma`.
    pub(super) fn appositive_subject(&self, comma: usize, floor: usize) -> Option<Source> {
        // "Gov. John Kasich (R-OH), said": the name before a parenthesis the comma closes.
        if let Some(m) = self
            .open_paren_before(comma, floor)
            .and_then(|p| self.people.mention_ending_at(p))
            .filter(|m| m.tokens.start >= floor)
        {
            return Some(self.person_source(m));
        }
        let mut k = comma;
        // Appositives may be chained ("Ayrault, the foreign minister of France, a member of
        // the council, said"); past the first, the name must start the clause.
        let mut hops = 0;
        while k > floor && comma - k < 45 {
            k -= 1;
            if self.is_punct(k, ",") {
                // "A lawyer for them, David Schulz, said": the name between the commas (with
                // its place: "Another analyst, Rita Vance of Brook Research, said").
                if let Some(m) = self.people.mention_starting_at(k + 1) {
                    if m.tokens.end == comma || self.of_place_before(comma, floor) == Some(m.tokens.end) {
                        return Some(Source {
                            tokens: m.tokens.start..comma,
                            speaker: Some(m.person),
                        });
                    }
                }
                // "Meeks (D-N.Y.), chairman of the caucus, said"; "Rep. Tom Cole of
                // Oklahoma, an ally of the leadership, said"
                let end = self.open_paren_before(k, floor).unwrap_or(k);
                let end = self.of_place_before(end, floor).unwrap_or(end);
                if let Some(m) = self.people.mention_ending_at(end) {
                    // "Ann Lee, 59, of Ashton, Md., said": a name after a preposition is a place.
                    let place = m.tokens.start > floor
                        && matches!(self.l(m.tokens.start - 1), "of" | "in" | "from" | "at" | "near");
                    if m.tokens.start >= floor
                        && !place
                        && (hops == 0 || self.starts_clause(m.tokens.start, floor))
                    {
                        return Some(self.person_source(m));
                    }
                }
                // An unnamed noun phrase opening the sentence, with what the commas set off
                // after it: the source runs to the comma.
                let unnamed_to_comma = |speaker| {
                    self.subject_before(k, floor)
                        .filter(|np| np.tokens.start == floor && np.speaker.is_none())
                        .map(|np| Source {
                            tokens: np.tokens.start..comma,
                            speaker,
                        })
                };
                // "The aides, led by campaign manager Terry Sullivan, told ...": a group speaks
                // through the person who leads it, named in the source that runs to the comma.
                if hops == 0
                    && k + 3 < comma
                    && matches!(self.l(k + 1), "led" | "headed")
                    && self.l(k + 2) == "by"
                {
                    let leader = (k + 3..comma)
                        .find_map(|t| self.people.mention_starting_at(t))
                        .filter(|m| m.tokens.end <= comma);
                    if let Some(source) = unnamed_to_comma(leader.map(|m| m.person)) {
                        return Some(source);
                    }
                }
                // "A senior official, who spoke on condition of anonymity, said", "Yusuf Adeyemi,
                // whose district includes the block, said", "Two aides, speaking privately,
                // said": an unnamed subject opening the sentence; so does one a passive
                // participle describes ("The survey, conducted by a polling firm, found").
                let participial = self.l(k + 1).ends_with("ing") && self.l(k + 1) != "including"
                    || k + 2 < comma && participle(self.l(k + 1)) && self.l(k + 2) == "by";
                // "One of his advisers, a veteran strategist, said": a description of its own;
                // "Orbital Systems, the cloud software company, said": an organisation's.
                let described = NP_START.contains(&self.l(k + 1))
                    && (k + 2..comma).all(|t| {
                        self.kind(t) == TokenKind::Word && self.tok(t).starts_with(char::is_lowercase)
                    })
                    && (self.is_role(comma - 1) || self.lex.is_org_word(self.l(comma - 1)));
                // "The mayor, for his part, insisted", "The company, however, said": a short
                // aside between the commas.
                let aside = comma - k <= 5
                    && (k + 1..comma).all(|t| matches!(self.kind(t), TokenKind::Word | TokenKind::Number))
                    && (ASIDE_OPENERS.contains(&self.l(k + 1))
                        || comma - k == 2 && self.l(k + 1).ends_with("ly"));
                if hops == 0
                    && (matches!(self.l(k + 1), "who" | "whose") || participial || described || aside)
                {
                    if let Some(np) = self
                        .subject_before(k, floor)
                        .filter(|np| np.tokens.start == floor)
                    {
                        return Some(np);
                    }
                }
                // "The pipeline company, Northern Plains Energy, said": a name no person has,
                // after a noun phrase with a determiner that opens the sentence.
                let named = hops == 0
                    && comma - k <= 6
                    && (k + 1..comma).all(|t| {
                        self.kind(t) == TokenKind::Word && self.tok(t).starts_with(char::is_uppercase)
                    })
                    && NP_START.contains(&self.l(floor));
                if named {
                    if let Some(source) = unnamed_to_comma(None) {
                        return Some(source);
                    }
                }
                hops += 1;
                if hops > 3 || comma - k > 30 {
                    return None;
                }
                continue;
            }
            if matches!(self.kind(k), TokenKind::Punct) && matches!(self.tok(k), "." | ";" | ":") {
                return None;
            }
        }
        None
    }

    /// Where a description of the person named from `end` on starts, when a comma sets it
    /// off before: `..., her spokesman Tom Ashby said`, `..., Trump's longtime aide, Ann Roe,
    /// said`. A determiner or a possessor opens it, then up to four lowercase words that are
    /// no verb of speech and no function word (`..., the report Ann Roe wrote` has its own
    /// verb after the name, and is not asked about).
    pub(super) fn description_before(&self, end: usize, floor: usize) -> Option<usize> {
        let mut k = end;
        if k > floor && self.is_punct(k - 1, ",") {
            k -= 1;
        }
        let head = k;
        while k > floor && head - k < 5 {
            let t = k - 1;
            let w = self.l(t);
            if NP_START.contains(&w) {
                k = t;
                break;
            }
            // `Trump's spokesman`: the possessor's name opens it.
            if matches!(w, "'s" | "’s") {
                k = self
                    .people
                    .mention_ending_at(t)
                    .filter(|m| m.tokens.start >= floor)?
                    .tokens
                    .start;
                break;
            }
            let plain = self.kind(t) == TokenKind::Word
                && !self.tok(t).starts_with(char::is_uppercase)
                && !self.lex.is_function_word(w)
                && self.lex.speech_verb(w).is_none();
            if !plain {
                return None;
            }
            k = t;
        }
        // `..., a word Trump then repeated`: a description of a person names a role.
        let role = |t: usize| self.is_role(t);
        // With the determiner alone, the name itself opens with the title (`her spokesman Tom
        // Ashby`).
        let head_word = if head - k > 1 { head - 1 } else { end };
        (k < head && k > floor && self.is_punct(k - 1, ",") && role(head_word)).then_some(k)
    }

    /// Where "of" starts a place after a name that ends at `end`: "Tom Cole of Oklahoma",
    /// "Ann Lee of Ashton Falls". The place is one to three capitalised words.
    pub(super) fn of_place_before(&self, end: usize, floor: usize) -> Option<usize> {
        let mut k = end;
        while k > floor
            && end - k < 3
            && self.kind(k - 1) == TokenKind::Word
            && self.tok(k - 1).starts_with(char::is_uppercase)
        {
            k -= 1;
        }
        (k < end && k > floor && self.l(k - 1) == "of" && self.people.mention_ending_at(k - 1).is_some())
            .then(|| k - 1)
    }

    /// Whether the word at `k` ends its phrase: a comma, a full stop or a parenthesis follows
    /// ("In her home state, Clinton ..."), where a verb would go on to its object.
    pub(super) fn ends_phrase(&self, k: usize) -> bool {
        k + 1 >= self.seg.tokens.len()
            || self.kind(k + 1) == TokenKind::Punct && matches!(self.tok(k + 1), "," | "." | ";" | ")" | ":")
    }

    /// Whether a determiner and one to three lowercase words without a plural ending come
    /// just before token `k`: "in her home state", "on a more conciliatory note". Only a
    /// noun stands there; a verb's subject would be a plural ("the officials state").
    pub(super) fn after_adjectives(&self, k: usize) -> bool {
        let floor = self.sentence_range(k).start;
        let mut t = k;
        while t > floor && k - t < 3 {
            t -= 1;
            let w = self.l(t);
            if DETERMINERS.contains(&w) {
                return t + 1 < k;
            }
            let lowercase_word =
                self.kind(t) == TokenKind::Word && !self.tok(t).starts_with(char::is_uppercase);
            if !lowercase_word
                || w.ends_with('s')
                || NP_STOP.contains(&w)
                || matches!(w, "people" | "police" | "staff" | "public" | "media")
            {
                return false;
            }
        }
        false
    }

    /// Whether the word at `k`, a speech verb in form, is used as a noun ("one of the states",
    /// "made the following comment").
    pub(super) fn noun_use(&self, k: usize) -> bool {
        if k == 0 {
            return false;
        }
        let w = self.l(k);
        if self.lex.speech_verb(w) == Some(w) && self.after_adjectives(k) && self.ends_phrase(k) {
            return true;
        }
        match self.l(k - 1) {
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "these" | "those"
            | "following" | "one" | "another" | "each" | "every" | "any" => true,
            // "Trump's remarks", but "he's said" (has said)
            "'s" | "’s" => !(k >= 2 && matches!(self.l(k - 2), "he" | "she" | "it" | "who" | "that")),
            // "acts of protest", but "accused of saying"
            "of" => !self.l(k).ends_with("ing"),
            // "Clinton restricted comments about ...", "issued statements": a plural after a
            // verb in the past is its object.
            prev => {
                prev.ends_with("ed")
                    && self.kind(k - 1) == TokenKind::Word
                    && self.l(k).ends_with('s')
                    && !self.l(k).ends_with("ss")
            }
        }
    }

    /// Whether a named person and a speech verb start at `i` ("Mr. Lee said", "Ann Ray also
    /// told").
    pub(super) fn named_attribution_at(&self, i: usize) -> bool {
        let Some(m) = self.people.mention_starting_at(i) else {
            return false;
        };
        let mut k = m.tokens.end;
        while k < self.seg.tokens.len() && k < m.tokens.end + 3 && BETWEEN.contains(&self.l(k)) {
            k += 1;
        }
        k < self.seg.tokens.len()
            && self.kind(k) == TokenKind::Word
            && self.lex.speech_verb(self.l(k)).is_some()
            && !self.noun_use(k)
    }

    /// Whether a comma stands right before token `t`, not before `floor`, or closes a quotation
    /// that ends right before it (`"overblown," adding`).
    pub(super) fn comma_before(&self, t: usize, floor: usize) -> bool {
        t > floor
            && (self.is_punct(t - 1, ",")
                || t > floor + 1 && self.kind(t - 1) == TokenKind::Quote && self.is_punct(t - 2, ","))
    }

    /// Whether a subject at token `i` begins its clause: at the sentence's start, or after a
    /// quotation it attributes (`"...," Smith, ...`).
    pub(super) fn starts_clause(&self, i: usize, floor: usize) -> bool {
        i == floor
            || self.kind(i - 1) == TokenKind::Quote
            || i >= 2 && self.is_punct(i - 1, ",") && self.kind(i - 2) == TokenKind::Quote
    }

    /// The noun phrase that starts at token `start`, for inverted attributions ("said Putin")
    /// and "according to".
    pub(super) fn subject_after(&self, start: usize, ceiling: usize) -> Option<Source> {
        if start >= ceiling {
            return None;
        }
        if let Some(m) = self.people.mention_starting_at(start) {
            if m.tokens.end <= ceiling {
                return Some(self.headed_by_later_name(m, ceiling));
            }
        }
        let w = self.l(start);
        if PRONOUNS_SUBJECT.contains(&w) {
            return Some(Source {
                tokens: start..start + 1,
                speaker: None,
            });
        }
        // "declined to comment", "said in a statement": no noun phrase starts so.
        if NP_STOP.contains(&w) {
            return None;
        }
        let mut k = start;
        while k < ceiling && k - start < 8 {
            let w = self.l(k);
            let wordish = matches!(self.kind(k), TokenKind::Word | TokenKind::Number)
                || matches!(w, "-" | "&")
                || w == "/" && k > start && self.kind(k - 1) == TokenKind::Number;
            // "people familiar with the matter", "sources close to him": the phrase goes on.
            let goes_on = k > start && matches!((self.l(k - 1), w), ("familiar", "with") | ("close", "to"))
                // "the Department of Transportation", "the University of Caldera": a name.
                || k > start
                    && w == "of"
                    && k + 1 < ceiling
                    && self.kind(k + 1) == TokenKind::Word
                    && self.tok(k - 1).starts_with(char::is_uppercase)
                    && self.tok(k + 1).starts_with(char::is_uppercase);
            if !wordish
                || (k > start
                    && (NP_STOP.contains(&w) || pre_content(w) && w != "the")
                    && !goes_on
                    && !self.role_of_before_name(k, ceiling))
            {
                break;
            }
            // "European Council President Donald Tusk", "organiser Lena Dahl", "Monmouth
            // University political scientist Ann Ross": words before a person describe that
            // person.
            if k > start
                && (self.words_in(start..k) <= 3
                    || (start..k)
                        .all(|t| self.tok(t).starts_with(char::is_uppercase) || self.modifies_a_name(t)))
            {
                if let Some(m) = self
                    .people
                    .mention_starting_at(k)
                    .filter(|m| m.tokens.end <= ceiling)
                {
                    return Some(Source {
                        tokens: start..m.tokens.end,
                        speaker: Some(m.person),
                    });
                }
            }
            k += 1;
        }
        if k == start {
            return None;
        }
        // "..., finds a study by Dr. Ann Lee.": the author of a report is its source.
        if k + 1 < ceiling && self.l(k) == "by" {
            if let Some(m) = self.people.mention_starting_at(k + 1) {
                let e = m.tokens.end;
                if e <= ceiling && (e == ceiling || self.kind(e) == TokenKind::Punct) {
                    return Some(Source {
                        tokens: start..e,
                        speaker: Some(m.person),
                    });
                }
            }
        }
        // "according to documents seen by the Guardian, ...", "according to a study published
        // on Monday in the journal Pediatric Health.", "... published Monday.": who saw or
        // made them, and when and where, belong to the source, named or not.
        if k + 1 < ceiling
            && participle(self.l(k - 1))
            && (PREPOSITIONS.contains(&self.l(k))
                || is_time_word(self.l(k))
                || matches!(self.l(k), "last" | "this"))
        {
            let limit = ceiling.min(k + 10);
            let e = (k + 1..limit)
                .find(|&t| !matches!(self.kind(t), TokenKind::Word | TokenKind::Number))
                .unwrap_or(limit);
            // A preposition needs its object; a day stands alone ("a study published Monday").
            let whole = e > k + 1 || !PREPOSITIONS.contains(&self.l(k));
            if whole && (e == ceiling || self.kind(e) == TokenKind::Punct) {
                return Some(Source {
                    tokens: start..e,
                    speaker: None,
                });
            }
        }
        // `said one of them, Helen Marsh, who ...`, `said a spokeswoman for the group, Ann
        // Lee.`: a description, then the name it describes set off by a comma. After
        // "according to" the comma may end the phrase instead ("according to an FBI summary,
        // Cheryl Mills sent ..."), so there the description must name a role.
        let according = start >= 2 && self.according_to_at(start - 2);
        let describes_person = !according || self.is_role(k - 1);
        let comma = if describes_person {
            (start + 1..ceiling.min(start + 10))
                .take_while(|&t| self.kind(t) == TokenKind::Word || self.is_punct(t, ","))
                .find(|&t| self.is_punct(t, ","))
        } else {
            None
        };
        if let Some(m) = comma.and_then(|c| self.people.mention_starting_at(c + 1)) {
            let e = m.tokens.end;
            if e <= ceiling && (e == ceiling || self.kind(e) == TokenKind::Punct) {
                return Some(Source {
                    tokens: start..e,
                    speaker: Some(m.person),
                });
            }
        }
        Some(Source {
            tokens: start..k,
            speaker: None,
        })
    }

    /// Whether the "of" at `k` belongs to a role before a name ("master of ceremonies Ann
    /// Lee", "chief of staff Ann Lee"): one or two lowercase words, then the name. "the
    /// mother of Ann Lee" has none between, and is someone else.
    fn role_of_before_name(&self, k: usize, ceiling: usize) -> bool {
        self.l(k) == "of"
            && (k + 2..(k + 4).min(ceiling)).any(|j| {
                self.people.mention_starting_at(j).is_some()
                    && (k + 1..j).all(|t| {
                        self.kind(t) == TokenKind::Word
                            && self.tok(t).starts_with(char::is_lowercase)
                            && !NP_STOP.contains(&self.l(t))
                            && !pre_content(self.l(t))
                    })
            })
    }

    /// The source a name starts: the name itself, or up to a later name it modifies ("Obama
    /// adviser David Axelrod", "Clinton's top foreign policy aide Jake Sullivan", "Clinton
    /// campaign spokesman Brian Fallon"): the words between are no function words, and no
    /// verbs or adverbs unless they name a role ("ally"), for "Clinton often praised Obama"
    /// names two people.
    pub(super) fn headed_by_later_name(&self, m: &Mention, ceiling: usize) -> Source {
        let head = (m.tokens.end..(m.tokens.end + 7).min(ceiling))
            .take_while(|&k| k == m.tokens.end || self.modifies_a_name(k - 1))
            .find_map(|k| self.people.mention_starting_at(k))
            .filter(|h| h.tokens.end <= ceiling);
        match head {
            Some(h) => Source {
                tokens: m.tokens.start..h.tokens.end,
                speaker: Some(h.person),
            },
            None => self.person_source(m),
        }
    }

    /// A source that is a relative "who" speaks for the person it hangs from.
    pub(super) fn relative_antecedent(&self, source: Source) -> Source {
        if source.speaker.is_some() || source.tokens.len() != 1 {
            return source;
        }
        Source {
            speaker: self.relative_person(source.tokens.start),
            ..source
        }
    }

    /// The person a relative "who" at `t` is about: "Ann Lee, who said ...", "Sen. Ann Lee
    /// of Ohio, who ...", "Ann Lee, a lawyer at the firm who ...", "Ann Lee, a backer of Sen.
    /// Tom Ruiz, who ...". Groups ("voters who say") and unnamed people have none.
    pub(super) fn relative_person(&self, t: usize) -> Option<PersonId> {
        if self.l(t) != "who" || t == 0 {
            return None;
        }
        // "the voters who have left": a plural verb hangs it from a group.
        if matches!(
            self.lower.get(t + 1).map(|w| &**w),
            Some("are" | "were" | "have" | "'ve" | "do")
        ) {
            return None;
        }
        let k = if self.is_punct(t - 1, ",") { t - 1 } else { t };
        self.name_ending_at(k)
            .map(|p| self.appositive_head(k, p))
            .or_else(|| {
                // Over one appositive with no verb or name of its own ("a lawyer at the firm").
                let floor = t.saturating_sub(16);
                let mut j = k;
                while j > floor && !self.is_punct(j - 1, ",") {
                    j -= 1;
                    let verb = self.pos.get(j).is_some_and(|p| p.is_verb());
                    let word = matches!(self.kind(j), TokenKind::Word | TokenKind::Number);
                    if verb || !word || self.people.mention_ending_at(j + 1).is_some() {
                        return None;
                    }
                }
                // An appositive is a noun phrase: "..., while only a few who" is a clause.
                (j > floor && j >= 2 && !NP_STOP.contains(&self.l(j)))
                    .then(|| self.name_ending_at(j - 1))
                    .flatten()
            })
    }

    /// The person a relative clause after `k` is about, when the name before it (`person`)
    /// is the object of a preposition in an appositive: in "Ann Lee, a former backer of Sen.
    /// Tom Ruiz, who has since ...", the clause is about the backer, Ann Lee.
    fn appositive_head(&self, k: usize, person: PersonId) -> PersonId {
        let Some(m) = self.people.mention_ending_at(k) else {
            return person;
        };
        let start = m.tokens.start;
        if start == 0 || !matches!(self.l(start - 1), "of" | "for" | "to" | "with") {
            return person;
        }
        // Back over the appositive's words to the comma that opens it.
        let floor = start.saturating_sub(10);
        let mut j = start - 1;
        while j > floor && !self.is_punct(j - 1, ",") {
            j -= 1;
            if !matches!(self.kind(j), TokenKind::Word | TokenKind::Number)
                || self.pos.get(j).is_some_and(|p| p.is_verb())
            {
                return person;
            }
        }
        if j <= floor || !matches!(self.l(j), "a" | "an" | "the") {
            return person;
        }
        self.name_ending_at(j - 1).unwrap_or(person)
    }

    /// The person whose name ends at token `end`, or is followed there by a place ("Ann Lee
    /// of Ohio").
    fn name_ending_at(&self, end: usize) -> Option<PersonId> {
        let end = self.of_place_before(end, 0).unwrap_or(end);
        self.people.mention_ending_at(end).map(|m| m.person)
    }

    /// Whether the word at `t` can stand in a description before a name: no function word,
    /// and no verb or adverb unless it names a role ("ally").
    fn modifies_a_name(&self, t: usize) -> bool {
        self.kind(t) == TokenKind::Word
            && !NP_STOP.contains(&self.l(t))
            && (self.is_role(t)
                || !self
                    .pos
                    .get(t)
                    .is_some_and(|p| p.is_verb() || matches!(p, Pos::Modal | Pos::Adv)))
    }

    /// Whether the word at `t` names a role a person has: a title ("spokesman", "Sen.") or
    /// a relation ("aide", "ally").
    pub(super) fn is_role(&self, t: usize) -> bool {
        RELATION_NOUNS.contains(&self.l(t)) || self.lex.is_title_word(self.l(t))
    }

    pub(super) fn person_source(&self, m: &Mention) -> Source {
        Source {
            tokens: m.tokens.clone(),
            speaker: Some(m.person),
        }
    }

    /// Skips words that may stand between a subject and its verb, leftwards from `verb`:
    /// auxiliaries, adverbs, and time phrases ("Sanders on Tuesday said").
    pub(super) fn skip_between_left(&self, verb: usize, floor: usize) -> usize {
        let mut j = verb;
        while j > floor {
            // "Prime Minister Theresa May said": a name's last word, whatever else it can be.
            if self.people.mention_ending_at(j).is_some() {
                break;
            }
            let w = self.l(j - 1);
            // "he's said": a contracted "has" after a pronoun.
            let has = matches!(w, "'s" | "’s") && j >= 2 && matches!(self.l(j - 2), "he" | "she" | "it");
            // "she didn't say", "Trump doesn’t believe": a negated auxiliary is one token.
            let negated = w.len() > 3 && (w.ends_with("n't") || w.ends_with("n’t"));
            if BETWEEN.contains(&w)
                || has
                || negated
                // "quickly said"; "Chatterly said" and "Donnelly said" are names.
                || w.len() > 4
                    && w.ends_with("ly")
                    && self.kind(j - 1) == TokenKind::Word
                    && !self.tok(j - 1).starts_with(char::is_uppercase)
            {
                j -= 1;
            } else if w == "longer" && j - 1 > floor && self.l(j - 2) == "no" {
                // "she could no longer defend": an adverb, not a noun phrase.
                j -= 2;
            } else if is_time_word(w)
                && j - 1 > floor
                && matches!(
                    self.l(j - 2),
                    "on" | "last" | "this" | "early" | "late" | "earlier" | "later" | "in"
                )
            {
                j -= 2;
            } else {
                break;
            }
        }
        j
    }
}
