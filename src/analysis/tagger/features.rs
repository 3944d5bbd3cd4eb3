//! Features of each token for the attribution tagger, hashed straight into 64-bit ids.
//!
//! Everything is computed from our own tokenizer, lexicon and people model, so the tagger
//! sees at run time exactly what it saw in training. Per-token facts that need a look at
//! the whole sentence or paragraph (quotation state, distance to the nearest speech verb)
//! are computed once per document in [`Doc::new`]; [`Doc::features`] then only combines
//! precomputed hashes, without building strings.

use std::borrow::Cow;

use super::pos::{Pos, PosInput, PosModel};
use super::{Label, Part};
use crate::analysis::lexicon::Lexicon;
use crate::analysis::people::People;
use crate::analysis::segment::{Segmentation, TokenKind};

/// The most features one token can have.
pub const MAX_FEATURES: usize = 80;
/// The most second-stage features one token can have.
pub const MAX_STACKED: usize = 16;

/// Per-token boolean facts.
mod flag {
    pub const CAPITALISED: u32 = 1;
    pub const ALL_CAPS: u32 = 1 << 1;
    pub const TITLE: u32 = 1 << 2;
    pub const PERSON: u32 = 1 << 3;
    pub const PERSON_START: u32 = 1 << 4;
    pub const SPEECH_VERB: u32 = 1 << 5;
    pub const QUOTE_MARK: u32 = 1 << 6;
    pub const OPENS: u32 = 1 << 7;
    pub const CLOSES: u32 = 1 << 8;
    pub const IN_QUOTE: u32 = 1 << 9;
    pub const PUNCT: u32 = 1 << 10;
    pub const NUMBER: u32 = 1 << 11;
    pub const PRONOUN: u32 = 1 << 12;
    pub const SINGLE_QUOTE: u32 = 1 << 13;
    /// The paragraph opens with a quotation mark.
    pub const PARA_OPENS_QUOTE: u32 = 1 << 14;
    /// A "that" lies between the nearest speech verb on the left and this token.
    pub const THAT_AFTER_VERB: u32 = 1 << 15;
    /// "according to" comes earlier in the sentence.
    pub const ACCORDING_LEFT: u32 = 1 << 16;
    /// A colon comes earlier in the sentence.
    pub const COLON_LEFT: u32 = 1 << 17;
    /// The sentence has a speech verb outside quotation marks.
    pub const SENT_VERB: u32 = 1 << 18;
    /// The sentence has a quotation mark.
    pub const SENT_QUOTE: u32 = 1 << 19;
    /// An earlier sentence of the paragraph has a speech verb.
    pub const PARA_VERB_BEFORE: u32 = 1 << 20;
    /// The previous sentence ends inside or right at the end of a quotation.
    pub const PREV_SENT_QUOTED: u32 = 1 << 21;
    /// A quotation mark lies between the nearest speech verb on the left and this token.
    pub const QUOTE_AFTER_VERB: u32 = 1 << 22;
}

/// Subject pronouns and determiners of unnamed sources, which often begin a source span.
const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "you"];

/// What the tagger knows about one token before combining it with its neighbours.
#[derive(Debug, Clone, Copy, Default)]
struct Info {
    word: u64,
    shape: u64,
    prefix: u64,
    suffix: u64,
    /// Base form of the speech verb this token is, hashed; 0 when it is none.
    verb: u64,
    /// Base form of the nearest speech verb on the left in the sentence; 0 when none.
    verb_left_base: u64,
    flags: u32,
    /// Tokens to the nearest speech verb on the left / right in the sentence (0: none).
    verb_left: u16,
    verb_right: u16,
    /// Tokens since the quotation mark that opened the quotation this token is in (0: none).
    since_open: u16,
    /// Tokens to the quotation mark that closes it, if it closes in the paragraph (0: none).
    to_close: u16,
    /// Position in the sentence, and tokens left to its end.
    pos: u16,
    to_end: u16,
    /// Index of the sentence in its paragraph.
    sentence: u16,
    /// Part of speech, from the POS tagger; `Other` until tagged.
    tag: u8,
    /// The first stage's label (see [`Doc::set_first_stage`]).
    first: u8,
    /// Tokens to the nearest cue / source of the first stage, left and right, in the
    /// paragraph (0: none).
    cue_left: u16,
    cue_right: u16,
    source_left: u16,
    source_right: u16,
    /// Index of the paragraph.
    para: u32,
    /// Word of the nearest first-stage cue on the left.
    cue_left_word: u64,
    /// What the first stage found in the sentence and paragraph (`stage` bits).
    stage: u32,
}

/// What the first stage found around a token.
mod stage {
    pub const SENT_CUE: u32 = 1;
    pub const SENT_SOURCE: u32 = 1 << 1;
    pub const SENT_CONTENT: u32 = 1 << 2;
    /// The previous sentence of the paragraph ends in content.
    pub const PREV_CONTENT: u32 = 1 << 3;
    pub const CUE_LEFT_IN_SENTENCE: u32 = 1 << 4;
    pub const CUE_RIGHT_IN_SENTENCE: u32 = 1 << 5;
}

/// A document prepared for feature extraction.
pub struct Doc {
    infos: Vec<Info>,
}

/// Outside the document.
const PAD_LEFT: u64 = 0x5bd1_e995_0000_0001;
const PAD_RIGHT: u64 = 0x5bd1_e995_0000_0002;

/// A fast hash of a string's bytes; only needs to spread, not to resist attack.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ s.len() as u64;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    let mut tail = 0u64;
    for (k, &b) in chunks.remainder().iter().enumerate() {
        tail |= (b as u64) << (8 * k);
    }
    h = (h.rotate_left(5) ^ tail).wrapping_mul(0x517c_c1b7_2722_0a95);
    fmix(h)
}

/// MurmurHash3's finaliser: every input bit reaches the top bits, which pick the bucket.
#[inline]
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The id of template `t` with value `v`.
#[inline]
pub(super) fn feat(t: u64, v: u64) -> u64 {
    fmix(v ^ t.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[inline]
pub(super) fn pair(a: u64, b: u64) -> u64 {
    fmix(a.rotate_left(17) ^ b.wrapping_mul(0x2545_f491_4f6c_dd1d))
}

/// Distances in buckets that grow with the distance.
#[inline]
fn bucket(d: u16) -> u64 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=5 => 4,
        6..=8 => 5,
        9..=13 => 6,
        14..=20 => 7,
        21..=35 => 8,
        _ => 9,
    }
}

/// "Xxxx", "xx-xx", "d.d": character classes with runs collapsed, at most 6 classes long.
fn shape(token: &str) -> u64 {
    // Most tokens are ASCII, whose classes need no decoding; the others start over.
    let mut h: u64 = 0x100;
    let mut last = 0u8;
    let mut n = 0;
    for &b in token.as_bytes() {
        let class = match b {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            0x80.. => return shape_of(token.chars().map(char_class)),
            _ => b,
        };
        if class != last {
            n += 1;
            if n > 6 {
                break;
            }
            h = (h << 8) | class as u64;
            last = class;
        }
    }
    fmix(h)
}

fn char_class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_ascii_digit() {
        b'd'
    } else if (c as u32) < 128 {
        c as u8
    } else {
        b'u'
    }
}

fn shape_of(classes: impl Iterator<Item = u8>) -> u64 {
    let mut h: u64 = 0x100;
    let mut last = 0u8;
    let mut n = 0;
    for class in classes {
        if class != last {
            n += 1;
            if n > 6 {
                break;
            }
            h = (h << 8) | class as u64;
            last = class;
        }
    }
    fmix(h)
}

/// Hashes of the first three and the last three characters.
fn affixes(lower: &str) -> (u64, u64) {
    // In ASCII, characters are bytes: no counting or decoding.
    let (n, pre_end, suf_start) = if lower.is_ascii() {
        let n = lower.len();
        (n, 3, n.saturating_sub(3))
    } else {
        let n = lower.chars().count();
        let pre_end = lower.char_indices().nth(3).map_or(lower.len(), |(i, _)| i);
        let suf_start = lower
            .char_indices()
            .nth(n.saturating_sub(3))
            .map_or(0, |(i, _)| i);
        (n, pre_end, suf_start)
    };
    if n <= 3 {
        let h = hash_str(lower);
        return (h, h);
    }
    (hash_str(&lower[..pre_end]), hash_str(&lower[suf_start..]))
}

fn is_double_quote(t: &str) -> bool {
    matches!(t, "\"" | "''" | "``" | "“" | "”" | "«" | "»" | "„" | "‟")
}

impl Doc {
    /// Prepares a document; `pos` tags parts of speech for the features that use them
    /// (training prepares documents before the POS tagger exists, then calls [`Doc::tag_pos`]).
    pub fn new(
        text: &str,
        seg: &Segmentation,
        lower: &[Cow<str>],
        people: &People,
        pos: Option<&PosModel>,
    ) -> Doc {
        let mut doc = Doc::new_in(text, seg, lower, people, |_| true);
        if let Some(model) = pos {
            doc.tag_pos(model, seg);
        }
        doc
    }

    /// The facts of the paragraphs `wanted` selects and of their neighbours (whose tokens the
    /// features of a paragraph's first and last words look at); other tokens keep defaults.
    /// Parts of speech are left for [`Doc::tag_pos_in`].
    pub fn new_in(
        text: &str,
        seg: &Segmentation,
        lower: &[Cow<str>],
        people: &People,
        wanted: impl Fn(usize) -> bool,
    ) -> Doc {
        let lex = Lexicon::get();
        let tokens = &seg.tokens;
        let n = tokens.len();
        let mut infos = vec![Info::default(); n];
        let count = seg.paragraphs.len();
        let near = |p: usize| wanted(p) || p > 0 && wanted(p - 1) || p + 1 < count && wanted(p + 1);
        let computed: Vec<usize> = (0..count).filter(|&p| near(p)).collect();
        let token_ranges = computed.iter().filter_map(|&p| {
            let para = &seg.paragraphs[p];
            let first = seg.sentences.get(para.sentences.start)?;
            let last = seg.sentences.get(para.sentences.end.checked_sub(1)?)?;
            Some(first.tokens.start..last.tokens.end)
        });

        for i in token_ranges.flatten() {
            let (t, l) = (&tokens[i], &lower[i]);
            let raw = t.span.text(text);
            let info = &mut infos[i];
            info.word = hash_str(l);
            info.shape = shape(raw);
            (info.prefix, info.suffix) = affixes(l);
            let mut f = 0;
            match t.kind {
                TokenKind::Word => {
                    let first = raw.chars().next().unwrap_or(' ');
                    if first.is_uppercase() {
                        f |= flag::CAPITALISED;
                        if raw.chars().count() > 1 && !raw.chars().any(char::is_lowercase) {
                            f |= flag::ALL_CAPS;
                        }
                    }
                    if let Some(base) = lex.speech_verb(l) {
                        f |= flag::SPEECH_VERB;
                        info.verb = hash_str(base);
                    }
                    if lex.titles.longest_match([l.as_ref()]) == 1 {
                        f |= flag::TITLE;
                    }
                    if PRONOUNS.contains(&l.as_ref()) {
                        f |= flag::PRONOUN;
                    }
                }
                TokenKind::Number => f |= flag::NUMBER,
                TokenKind::Quote => {
                    f |= flag::QUOTE_MARK;
                    if !is_double_quote(raw) {
                        f |= flag::SINGLE_QUOTE;
                    }
                }
                TokenKind::Punct => f |= flag::PUNCT,
            }
            info.flags = f;
        }
        for m in &people.mentions {
            for t in m.tokens.clone() {
                if t < n {
                    infos[t].flags |= flag::PERSON;
                }
            }
            if m.tokens.start < n {
                infos[m.tokens.start].flags |= flag::PERSON_START;
            }
        }

        for &para_index in &computed {
            let para = &seg.paragraphs[para_index];
            let Some(first_sentence) = seg.sentences.get(para.sentences.start) else {
                continue;
            };
            let Some(last_sentence) = para
                .sentences
                .end
                .checked_sub(1)
                .and_then(|s| seg.sentences.get(s))
            else {
                continue;
            };
            let range = first_sentence.tokens.start..last_sentence.tokens.end;
            for info in &mut infos[range.clone()] {
                info.para = para_index as u32;
            }
            quotation_state(text, seg, range.clone(), &mut infos);
            if infos[range.start].flags & flag::QUOTE_MARK != 0 {
                for info in &mut infos[range.clone()] {
                    info.flags |= flag::PARA_OPENS_QUOTE;
                }
            }
            let mut verb_before = false;
            let mut prev_quoted = false;
            for (k, s) in seg.sentences[para.sentences.clone()].iter().enumerate() {
                let r = s.tokens.clone();
                sentence_facts(lower, r.clone(), &mut infos);
                let mut extra = 0;
                if verb_before {
                    extra |= flag::PARA_VERB_BEFORE;
                }
                if prev_quoted {
                    extra |= flag::PREV_SENT_QUOTED;
                }
                let mut has_verb = false;
                for (j, t) in r.clone().enumerate() {
                    let info = &mut infos[t];
                    info.flags |= extra;
                    info.sentence = k.min(u16::MAX as usize) as u16;
                    info.pos = j.min(u16::MAX as usize) as u16;
                    info.to_end = (r.end - 1 - t).min(u16::MAX as usize) as u16;
                    has_verb |= info.flags & flag::SPEECH_VERB != 0;
                }
                verb_before |= has_verb;
                let last = &infos[r.end - 1];
                prev_quoted = last.flags & (flag::IN_QUOTE | flag::CLOSES) != 0
                    || r.len() > 1 && infos[r.end - 2].flags & flag::CLOSES != 0;
            }
        }
        for info in &mut infos {
            info.tag = Pos::Other as u8;
        }
        Doc { infos }
    }

    /// What the POS tagger reads of the tokens of one sentence.
    pub fn pos_inputs(&self, range: std::ops::Range<usize>) -> Vec<PosInput> {
        self.infos[range]
            .iter()
            .map(|x| PosInput {
                word: x.word,
                prefix: x.prefix,
                suffix: x.suffix,
                shape: x.shape,
            })
            .collect()
    }

    /// Tags parts of speech, one sentence at a time.
    pub fn tag_pos(&mut self, model: &PosModel, seg: &Segmentation) {
        self.tag_pos_in(model, seg, |_| true);
    }

    /// Tags parts of speech in the sentences `wanted` selects (by sentence index).
    pub fn tag_pos_in(&mut self, model: &PosModel, seg: &Segmentation, wanted: impl Fn(usize) -> bool) {
        let mut inputs = Vec::new();
        let mut out = Vec::new();
        for (_, s) in seg.sentences.iter().enumerate().filter(|(k, _)| wanted(*k)) {
            inputs.clear();
            inputs.extend(self.infos[s.tokens.clone()].iter().map(|x| PosInput {
                word: x.word,
                prefix: x.prefix,
                suffix: x.suffix,
                shape: x.shape,
            }));
            out.clear();
            out.resize(inputs.len(), Pos::Other);
            model.tag(&inputs, &mut out);
            for (info, p) in self.infos[s.tokens.clone()].iter_mut().zip(&out) {
                info.tag = *p as u8;
            }
        }
    }

    /// Records the first stage's labels of every paragraph, for the second stage's features.
    pub fn set_first_stage(&mut self, labels: &[Label], seg: &Segmentation) {
        for p in 0..seg.paragraphs.len() {
            self.set_first_stage_in(p, labels, seg);
        }
    }

    /// Records the first stage's labels of paragraph `p`. The second stage's features of a
    /// paragraph depend on its own labels only, so paragraphs can be tagged one at a time.
    pub fn set_first_stage_in(&mut self, p: usize, labels: &[Label], seg: &Segmentation) {
        let infos = &mut self.infos;
        let dist = |a: usize, b: usize| (a.abs_diff(b)).min(u16::MAX as usize) as u16;
        {
            let para = &seg.paragraphs[p];
            let sentences = &seg.sentences[para.sentences.clone()];
            let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else {
                return;
            };
            let range = first.tokens.start..last.tokens.end;
            for t in range.clone() {
                let info = &mut infos[t];
                info.first = labels[t] as u8;
                info.stage = 0;
                (info.cue_left, info.cue_right, info.source_left, info.source_right) = (0, 0, 0, 0);
                info.cue_left_word = 0;
            }
            let (mut cue, mut source): (Option<(usize, u64)>, Option<usize>) = (None, None);
            for t in range.clone() {
                if let Some((c, w)) = cue {
                    infos[t].cue_left = dist(t, c);
                    infos[t].cue_left_word = w;
                }
                if let Some(s) = source {
                    infos[t].source_left = dist(t, s);
                }
                match labels[t].part() {
                    Some(Part::Cue) => cue = Some((t, infos[t].word)),
                    Some(Part::Source) => source = Some(t),
                    _ => {}
                }
            }
            let (mut cue, mut source): (Option<usize>, Option<usize>) = (None, None);
            for t in range.rev() {
                if let Some(c) = cue {
                    infos[t].cue_right = dist(t, c);
                }
                if let Some(s) = source {
                    infos[t].source_right = dist(t, s);
                }
                match labels[t].part() {
                    Some(Part::Cue) => cue = Some(t),
                    Some(Part::Source) => source = Some(t),
                    _ => {}
                }
            }
            let mut prev_content = 0;
            for s in sentences {
                let mut found = prev_content;
                for t in s.tokens.clone() {
                    found |= match labels[t].part() {
                        Some(Part::Cue) => stage::SENT_CUE,
                        Some(Part::Source) => stage::SENT_SOURCE,
                        Some(Part::Content) => stage::SENT_CONTENT,
                        None => 0,
                    };
                }
                let mut cue_seen = false;
                for t in s.tokens.clone() {
                    let mut f = found;
                    if cue_seen {
                        f |= stage::CUE_LEFT_IN_SENTENCE;
                    }
                    if labels[t].part() == Some(Part::Cue) {
                        cue_seen = true;
                    }
                    infos[t].stage = f;
                }
                let mut cue_seen = false;
                for t in s.tokens.clone().rev() {
                    if cue_seen {
                        infos[t].stage |= stage::CUE_RIGHT_IN_SENTENCE;
                    }
                    if labels[t].part() == Some(Part::Cue) {
                        cue_seen = true;
                    }
                }
                // A content that runs to the sentence's end (its full stop aside) may go on.
                let end = s.tokens.end;
                let tail = (s.tokens.start..end)
                    .rev()
                    .take(3)
                    .any(|t| labels[t].part() == Some(Part::Content));
                prev_content = if tail { stage::PREV_CONTENT } else { 0 };
            }
        }
    }

    pub fn len(&self) -> usize {
        self.infos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.infos.is_empty()
    }

    /// The hashed features of token `i`, written to `out`; returns how many.
    pub fn features(&self, i: usize, out: &mut [u64; MAX_FEATURES]) -> usize {
        let infos = &self.infos;
        let x = &infos[i];
        let word_at = |d: isize| -> u64 {
            let j = i as isize + d;
            if j < 0 {
                PAD_LEFT
            } else if j as usize >= infos.len() {
                PAD_RIGHT
            } else {
                infos[j as usize].word
            }
        };
        let shape_at = |d: isize| -> u64 {
            let j = i as isize + d;
            if j < 0 || j as usize >= infos.len() {
                PAD_LEFT
            } else {
                infos[j as usize].shape
            }
        };
        let flags_at = |d: isize| -> u32 {
            let j = i as isize + d;
            if j < 0 || j as usize >= infos.len() {
                0
            } else {
                infos[j as usize].flags
            }
        };
        let (wm2, wm1, w0, wp1, wp2) = (word_at(-2), word_at(-1), x.word, word_at(1), word_at(2));
        let in_q = (x.flags & flag::IN_QUOTE != 0) as u64;
        let vl = bucket(x.verb_left);
        let vr = bucket(x.verb_right);
        let sentence = (x.sentence.min(3)) as u64;
        let pos = bucket(x.pos);
        let to_end = bucket(x.to_end);
        let mut n = 0;
        let mut push = |h: u64| {
            out[n] = h;
            n += 1;
        };
        push(feat(1, 0));
        push(feat(2, w0));
        push(feat(3, wm1));
        push(feat(4, wp1));
        push(feat(5, wm2));
        push(feat(6, wp2));
        push(feat(7, pair(wm1, w0)));
        push(feat(8, pair(w0, wp1)));
        push(feat(9, pair(wm2, wm1)));
        push(feat(10, pair(wp1, wp2)));
        push(feat(11, x.shape));
        push(feat(12, x.prefix));
        push(feat(13, x.suffix));
        push(feat(14, pair(shape_at(-1), pair(x.shape, shape_at(1)))));
        // Each flag on its own, and the flags of the neighbours that matter most.
        let mut f = x.flags;
        while f != 0 {
            let b = f.trailing_zeros() as u64;
            push(feat(15, b));
            f &= f - 1;
        }
        let near = |f: u32| {
            (f & (flag::SPEECH_VERB | flag::PERSON | flag::QUOTE_MARK | flag::PUNCT | flag::PRONOUN)) as u64
        };
        push(feat(16, pair(near(flags_at(-1)), 1)));
        push(feat(17, pair(near(flags_at(1)), 2)));
        push(feat(18, pair(near(flags_at(-2)), near(flags_at(2)))));
        // Quotation state.
        push(feat(
            19,
            pair(in_q, pair(bucket(x.since_open), bucket(x.to_close))),
        ));
        push(feat(20, pair(in_q, w0)));
        push(feat(21, pair(in_q, pair(vl, vr))));
        // Where the speech verbs are.
        push(feat(22, pair(vl, vr)));
        push(feat(23, pair(vl, x.verb_left_base)));
        push(feat(24, pair(vr, w0)));
        push(feat(25, pair(vl, w0)));
        push(feat(
            26,
            pair(
                vl,
                (x.flags & (flag::THAT_AFTER_VERB | flag::QUOTE_AFTER_VERB | flag::COLON_LEFT)) as u64,
            ),
        ));
        push(feat(27, x.verb));
        push(feat(28, pair(x.verb, wp1)));
        push(feat(29, pair(x.verb, wm1)));
        // Position in the sentence and paragraph.
        push(feat(30, pair(pos, to_end)));
        push(feat(
            31,
            pair(
                sentence,
                pair(
                    vl,
                    (x.flags & (flag::PARA_VERB_BEFORE | flag::PREV_SENT_QUOTED)) as u64,
                ),
            ),
        ));
        push(feat(
            32,
            pair(to_end, pair(in_q, (x.flags & flag::SENT_VERB) as u64)),
        ));
        push(feat(
            33,
            pair(
                (x.flags & (flag::SENT_VERB | flag::SENT_QUOTE | flag::IN_QUOTE)) as u64,
                pos,
            ),
        ));
        push(feat(34, pair(wm1, vl)));
        push(feat(35, pair(wp1, vr)));
        push(feat(
            36,
            pair((x.flags & flag::ACCORDING_LEFT) as u64, pair(vl, to_end)),
        ));
        // Parts of speech around the token.
        let pos_at = |d: isize| -> u64 {
            let j = i as isize + d;
            if j < 0 || j as usize >= infos.len() {
                99
            } else {
                infos[j as usize].tag as u64
            }
        };
        let (pm2, pm1, p0, pp1, pp2) = (pos_at(-2), pos_at(-1), x.tag as u64, pos_at(1), pos_at(2));
        push(feat(40, p0));
        push(feat(41, pair(pm1, p0)));
        push(feat(42, pair(p0, pp1)));
        push(feat(43, pair(pm1, pair(p0, pp1))));
        push(feat(44, pair(pm2, pm1)));
        push(feat(45, pair(pp1, pp2)));
        push(feat(46, pair(p0, pair(in_q, vl))));
        push(feat(47, pair(p0, pair(x.verb, wp1))));
        n
    }

    /// The second stage's extra features of token `i`, from the first stage's labels (see
    /// [`Doc::set_first_stage`]), written to `out`; returns how many.
    pub fn stacked_features(&self, i: usize, out: &mut [u64; MAX_STACKED]) -> usize {
        let infos = &self.infos;
        let x = &infos[i];
        let in_q = (x.flags & flag::IN_QUOTE != 0) as u64;
        let to_end = bucket(x.to_end);
        let (w0, p0) = (x.word, x.tag as u64);
        let mut n = 0;
        let mut push = |h: u64| {
            out[n] = h;
            n += 1;
        };
        {
            // Labels of the same paragraph only: the next paragraph is not tagged yet.
            let label_at = |d: isize| -> u64 {
                let j = i as isize + d;
                if j < 0 || j as usize >= infos.len() || infos[j as usize].para != x.para {
                    99
                } else {
                    infos[j as usize].first as u64
                }
            };
            let (lm2, lm1, l0, lp1, lp2) = (
                label_at(-2),
                label_at(-1),
                x.first as u64,
                label_at(1),
                label_at(2),
            );
            let (cl, cr) = (bucket(x.cue_left), bucket(x.cue_right));
            let (sl, sr) = (bucket(x.source_left), bucket(x.source_right));
            let st = x.stage as u64;
            push(feat(60, l0));
            push(feat(61, pair(lm1, l0)));
            push(feat(62, pair(l0, lp1)));
            push(feat(63, pair(lm2, pair(lm1, pair(l0, pair(lp1, lp2))))));
            push(feat(64, pair(l0, w0)));
            push(feat(65, pair(cl, cr)));
            push(feat(66, pair(sl, sr)));
            push(feat(67, pair(st, l0)));
            push(feat(68, pair(cl, pair(in_q, st))));
            push(feat(69, pair(l0, pair(in_q, p0))));
            push(feat(70, pair(cl, x.cue_left_word)));
            push(feat(71, pair(cr, pair(sl, sr))));
            push(feat(72, pair(st, pair(to_end, in_q))));
        }
        n
    }
}

/// Marks the tokens of one paragraph that lie inside double quotation marks, and how far
/// each is from the marks. A quotation left open runs to the end of the paragraph, which
/// is how news continues a quotation into the next paragraph.
fn quotation_state(text: &str, seg: &Segmentation, range: std::ops::Range<usize>, infos: &mut [Info]) {
    let tokens = &seg.tokens;
    let mut open_at: Option<usize> = None;
    let mut spans: Vec<(usize, Option<usize>)> = Vec::new();
    for i in range.clone() {
        let t = tokens[i];
        if t.kind != TokenKind::Quote {
            continue;
        }
        let raw = t.span.text(text);
        if !is_double_quote(raw) {
            continue;
        }
        let space_before = i == range.start || tokens[i - 1].span.end < t.span.start;
        let space_after = i + 1 == range.end || tokens[i + 1].span.start > t.span.end;
        let opens = match raw {
            "“" | "„" | "«" | "``" => true,
            "”" | "»" => false,
            _ => match (space_before, space_after) {
                (true, false) => true,
                (false, true) => false,
                _ => open_at.is_none(),
            },
        };
        if opens {
            if let Some(o) = open_at.take() {
                spans.push((o, None));
            }
            open_at = Some(i);
            infos[i].flags |= flag::OPENS;
        } else if let Some(o) = open_at.take() {
            spans.push((o, Some(i)));
            infos[i].flags |= flag::CLOSES;
        } else {
            infos[i].flags |= flag::CLOSES;
        }
    }
    if let Some(o) = open_at {
        spans.push((o, None));
    }
    for (k, &(open, close)) in spans.iter().enumerate() {
        // An unclosed quotation ends where the next one opens, or at the paragraph's end.
        let end = close.unwrap_or_else(|| spans.get(k + 1).map_or(range.end, |s| s.0));
        for (j, info) in infos[open + 1..end].iter_mut().enumerate() {
            info.flags |= flag::IN_QUOTE;
            info.since_open = (j + 1).min(u16::MAX as usize) as u16;
            if let Some(c) = close {
                info.to_close = (c - (open + 1 + j)).min(u16::MAX as usize) as u16;
            }
        }
    }
}

/// Facts about a sentence's tokens that need the whole sentence: distances to speech verbs,
/// "that" and quotation marks after a verb, "according to" and colons on the left.
fn sentence_facts(lower: &[Cow<str>], r: std::ops::Range<usize>, infos: &mut [Info]) {
    let mut sent_flags = 0;
    for t in r.clone() {
        let f = infos[t].flags;
        if f & flag::SPEECH_VERB != 0 && f & flag::IN_QUOTE == 0 {
            sent_flags |= flag::SENT_VERB;
        }
        if f & flag::QUOTE_MARK != 0 {
            sent_flags |= flag::SENT_QUOTE;
        }
    }
    let mut last_verb: Option<(usize, u64)> = None;
    let mut after_verb = 0;
    let mut left = 0;
    for t in r.clone() {
        let info = &mut infos[t];
        info.flags |= sent_flags | after_verb | left;
        if let Some((v, base)) = last_verb {
            info.verb_left = (t - v).min(u16::MAX as usize) as u16;
            info.verb_left_base = base;
        }
        let l = lower[t].as_ref();
        if info.flags & flag::SPEECH_VERB != 0 {
            last_verb = Some((t, info.verb));
            after_verb = 0;
        } else if last_verb.is_some() {
            if l == "that" {
                after_verb |= flag::THAT_AFTER_VERB;
            }
            if info.flags & flag::QUOTE_MARK != 0 {
                after_verb |= flag::QUOTE_AFTER_VERB;
            }
        }
        if l == "according" {
            left |= flag::ACCORDING_LEFT;
        }
        if l == ":" {
            left |= flag::COLON_LEFT;
        }
    }
    let mut next_verb: Option<usize> = None;
    for t in r.rev() {
        if let Some(v) = next_verb {
            infos[t].verb_right = (v - t).min(u16::MAX as usize) as u16;
        }
        if infos[t].flags & flag::SPEECH_VERB != 0 {
            next_verb = Some(t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shapes and affixes as computed before their ASCII fast paths.
    fn shape_plain(token: &str) -> u64 {
        shape_of(token.chars().map(char_class))
    }

    fn affixes_plain(lower: &str) -> (u64, u64) {
        let n = lower.chars().count();
        if n <= 3 {
            let h = hash_str(lower);
            return (h, h);
        }
        let pre_end = lower.char_indices().nth(3).map_or(lower.len(), |(i, _)| i);
        let suf_start = lower.char_indices().nth(n - 3).map_or(0, |(i, _)| i);
        (hash_str(&lower[..pre_end]), hash_str(&lower[suf_start..]))
    }

    #[test]
    fn ascii_shapes_and_affixes_match_the_plain_ones() {
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "Trump",
            "U.S.",
            "NATO",
            "1,200.5",
            "didn't",
            "R-Ky",
            "x2Y",
            "é",
            "Müller",
            "ça",
            "naïve",
            "“",
            "--",
            "...",
            "ΣΑΣ",
            "abé",
            "abcé",
            "éabc",
            "!@#$%^&*()_+{}|<>?~`",
        ] {
            assert_eq!(shape(w), shape_plain(w), "{w}");
            assert_eq!(affixes(w), affixes_plain(w), "{w}");
        }
        for b in 0u8..128 {
            let w = String::from_utf8(vec![b'a', b, b'Z', b, b'1', b, b'q']).unwrap();
            assert_eq!(shape(&w), shape_plain(&w), "{w:?}");
            assert_eq!(affixes(&w), affixes_plain(&w), "{w:?}");
        }
    }
    use crate::analysis::people;
    use crate::analysis::segment::segment;

    fn doc(text: &str) -> Doc {
        let seg = segment(text);
        let lower = people::lowercase_tokens(text, &seg);
        let p = people::find(text, &seg, &lower);
        Doc::new(text, &seg, &lower, &p, None)
    }

    #[test]
    fn quotation_state_follows_the_marks() {
        let d = doc("Before “inside here” after \"again\" end.");
        let inside: Vec<bool> = d.infos.iter().map(|x| x.flags & flag::IN_QUOTE != 0).collect();
        assert_eq!(
            inside,
            [false, false, true, true, false, false, false, true, false, false, false]
        );
        assert_eq!(d.infos[2].since_open, 1);
        assert_eq!(d.infos[3].to_close, 1);
    }

    #[test]
    fn an_unclosed_quotation_runs_to_the_end_of_its_paragraph() {
        let d = doc("“One two. Three four.\n\nFive.");
        // “ One two . Three four . | Five .
        assert!(d.infos[1..7].iter().all(|x| x.flags & flag::IN_QUOTE != 0));
        assert_eq!(d.infos[7].flags & flag::IN_QUOTE, 0);
    }

    #[test]
    fn speech_verb_distances_stay_in_their_sentence() {
        let d = doc("Ann Lee said that it rained. It did.");
        assert_eq!(d.infos[2].flags & flag::SPEECH_VERB, flag::SPEECH_VERB);
        assert_eq!(d.infos[0].verb_right, 2);
        assert_eq!(d.infos[5].verb_left, 3);
        assert_ne!(d.infos[5].flags & flag::THAT_AFTER_VERB, 0);
        assert_eq!(d.infos[8].verb_left, 0);
        assert_ne!(d.infos[0].flags & flag::PERSON_START, 0);
    }

    #[test]
    fn features_fit_and_are_stable() {
        let d = doc("“It rained,” Ann Lee said on Monday, according to aides.");
        let mut a = [0u64; MAX_FEATURES];
        let mut b = [0u64; MAX_FEATURES];
        for i in 0..d.len() {
            let n = d.features(i, &mut a);
            assert!(n <= MAX_FEATURES);
            assert_eq!(d.features(i, &mut b), n);
            assert_eq!(a[..n], b[..n]);
        }
    }
}
