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
const fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The id of template `t` with value `v`.
#[inline]
pub(super) const fn feat(t: u64, v: u64) -> u64 {
    fmix(v ^ t.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[inline]
pub(super) const fn pair(a: u64, b: u64) -> u64 {
    fmix(a.rotate_left(17) ^ b.wrapping_mul(0x2545_f491_4f6c_dd1d))
}

/// Ids of the templates whose values take few forms, computed at compile time from `feat`
/// and `pair` themselves, so they are the same ids: hashing was most of the cost of
/// [`Doc::features`], and these save one to three rounds of it each per token.
mod table {
    use super::{feat, flag, pair};

    /// Values of [`super::bucket`].
    pub const BUCKETS: usize = 10;
    /// Parts of speech, and the index that stands for "outside the document" (value 99).
    pub const POS: usize = super::super::pos::CLASSES + 1;
    pub const POS_PAD: usize = POS - 1;
    /// Labels, and the index that stands for "outside the paragraph" (value 99).
    pub const LABELS: usize = super::super::perceptron::LABELS + 1;
    pub const LABEL_PAD: usize = LABELS - 1;
    /// Values of a token's first-stage findings (`stage` bits).
    pub const STAGES: usize = 64;

    /// The value an index into a table of parts of speech or labels stands for.
    const fn padded(k: usize, pad: usize) -> u64 {
        if k == pad {
            99
        } else {
            k as u64
        }
    }

    /// The flags of `mask` that index `k` stands for: its bits, in order, are the mask's.
    pub const fn expand(k: usize, mask: u32) -> u32 {
        let (mut out, mut m, mut bit) = (0, mask, 0);
        while m != 0 {
            let low = m & m.wrapping_neg();
            if k >> bit & 1 != 0 {
                out |= low;
            }
            bit += 1;
            m &= m - 1;
        }
        out
    }

    /// Flags of the neighbours that matter most (templates 16-18).
    pub const NEAR: u32 = flag::SPEECH_VERB | flag::PERSON | flag::QUOTE_MARK | flag::PUNCT | flag::PRONOUN;
    /// Flags of template 26, 31, 33.
    pub const AFTER_VERB: u32 = flag::THAT_AFTER_VERB | flag::QUOTE_AFTER_VERB | flag::COLON_LEFT;
    pub const PARA: u32 = flag::PARA_VERB_BEFORE | flag::PREV_SENT_QUOTED;
    pub const SENT: u32 = flag::SENT_VERB | flag::SENT_QUOTE | flag::IN_QUOTE;

    /// The index of `f & NEAR` in tables built with [`expand`].
    #[inline]
    pub fn near(f: u32) -> usize {
        (f >> 3 & 1 | f >> 4 & 0b110 | f >> 7 & 0b1000 | f >> 8 & 0b1_0000) as usize
    }

    #[inline]
    pub fn after_verb(f: u32) -> usize {
        (f >> 15 & 1 | f >> 16 & 0b10 | f >> 20 & 0b100) as usize
    }

    #[inline]
    pub fn para(f: u32) -> usize {
        (f >> 20 & 0b11) as usize
    }

    #[inline]
    pub fn sent(f: u32) -> usize {
        (f >> 9 & 1 | f >> 17 & 0b110) as usize
    }

    macro_rules! build {
        ([$n0:expr], |$a:ident| $e:expr) => {{
            let mut t = [0u64; $n0];
            let mut $a = 0;
            while $a < $n0 {
                t[$a] = $e;
                $a += 1;
            }
            t
        }};
        ([$n0:expr, $n1:expr], |$a:ident, $b:ident| $e:expr) => {{
            let mut t = [[0u64; $n1]; $n0];
            let mut $a = 0;
            while $a < $n0 {
                let mut $b = 0;
                while $b < $n1 {
                    t[$a][$b] = $e;
                    $b += 1;
                }
                $a += 1;
            }
            t
        }};
        ([$n0:expr, $n1:expr, $n2:expr], |$a:ident, $b:ident, $c:ident| $e:expr) => {{
            let mut t = [[[0u64; $n2]; $n1]; $n0];
            let mut $a = 0;
            while $a < $n0 {
                let mut $b = 0;
                while $b < $n1 {
                    let mut $c = 0;
                    while $c < $n2 {
                        t[$a][$b][$c] = $e;
                        $c += 1;
                    }
                    $b += 1;
                }
                $a += 1;
            }
            t
        }};
    }

    const fn near_value(k: usize) -> u64 {
        expand(k, NEAR) as u64
    }

    const fn pos_value(k: usize) -> u64 {
        padded(k, POS_PAD)
    }

    const fn label_value(k: usize) -> u64 {
        padded(k, LABEL_PAD)
    }

    pub const BIAS: u64 = feat(1, 0);
    /// By flag bit.
    pub const FLAG: [u64; 32] = build!([32], |b| feat(15, b as u64));
    pub const NEAR_LEFT: [u64; 32] = build!([32], |k| feat(16, pair(near_value(k), 1)));
    pub const NEAR_RIGHT: [u64; 32] = build!([32], |k| feat(17, pair(near_value(k), 2)));
    pub const NEAR_2: [[u64; 32]; 32] = build!([32, 32], |a, b| feat(18, pair(near_value(a), near_value(b))));
    /// By in quotation, since open, to close.
    pub const QUOTE: [[[u64; BUCKETS]; BUCKETS]; 2] = build!([2, BUCKETS, BUCKETS], |q, o, c| feat(
        19,
        pair(q as u64, pair(o as u64, c as u64))
    ));
    /// By in quotation, verb left, verb right.
    pub const QUOTE_VERBS: [[[u64; BUCKETS]; BUCKETS]; 2] = build!([2, BUCKETS, BUCKETS], |q, l, r| feat(
        21,
        pair(q as u64, pair(l as u64, r as u64))
    ));
    pub const VERBS: [[u64; BUCKETS]; BUCKETS] =
        build!([BUCKETS, BUCKETS], |l, r| feat(22, pair(l as u64, r as u64)));
    pub const VERB_AFTER: [[u64; 8]; BUCKETS] = build!([BUCKETS, 8], |l, k| feat(
        26,
        pair(l as u64, expand(k, AFTER_VERB) as u64)
    ));
    /// By position, to the end.
    pub const POSITION: [[u64; BUCKETS]; BUCKETS] =
        build!([BUCKETS, BUCKETS], |p, e| feat(30, pair(p as u64, e as u64)));
    /// By sentence, verb left, paragraph flags.
    pub const SENTENCE: [[[u64; 4]; BUCKETS]; 4] = build!([4, BUCKETS, 4], |s, l, k| feat(
        31,
        pair(s as u64, pair(l as u64, expand(k, PARA) as u64))
    ));
    /// By to the end, in quotation, sentence verb.
    pub const TO_END: [[[u64; 2]; 2]; BUCKETS] = build!([BUCKETS, 2, 2], |e, q, v| feat(
        32,
        pair(e as u64, pair(q as u64, expand(v, flag::SENT_VERB) as u64))
    ));
    /// By sentence flags, position.
    pub const SENT_POSITION: [[u64; BUCKETS]; 8] = build!([8, BUCKETS], |k, p| feat(
        33,
        pair(expand(k, SENT) as u64, p as u64)
    ));
    /// By "according to", verb left, to the end.
    pub const ACCORDING: [[[u64; BUCKETS]; BUCKETS]; 2] = build!([2, BUCKETS, BUCKETS], |a, l, e| feat(
        36,
        pair(expand(a, flag::ACCORDING_LEFT) as u64, pair(l as u64, e as u64))
    ));
    pub const POS_0: [u64; POS] = build!([POS], |p| feat(40, pos_value(p)));
    pub const POS_LEFT: [[u64; POS]; POS] =
        build!([POS, POS], |a, b| feat(41, pair(pos_value(a), pos_value(b))));
    pub const POS_RIGHT: [[u64; POS]; POS] =
        build!([POS, POS], |a, b| feat(42, pair(pos_value(a), pos_value(b))));
    pub const POS_PAIR: [[u64; POS]; POS] = build!([POS, POS], |a, b| pair(pos_value(a), pos_value(b)));
    pub const POS_LEFT_2: [[u64; POS]; POS] =
        build!([POS, POS], |a, b| feat(44, pair(pos_value(a), pos_value(b))));
    pub const POS_RIGHT_2: [[u64; POS]; POS] =
        build!([POS, POS], |a, b| feat(45, pair(pos_value(a), pos_value(b))));
    /// By part of speech, in quotation, verb left.
    pub const POS_QUOTE: [[[u64; BUCKETS]; 2]; POS] = build!([POS, 2, BUCKETS], |p, q, l| feat(
        46,
        pair(pos_value(p), pair(q as u64, l as u64))
    ));

    pub const LABEL: [u64; LABELS] = build!([LABELS], |l| feat(60, label_value(l)));
    pub const LABEL_LEFT: [[u64; LABELS]; LABELS] = build!([LABELS, LABELS], |a, b| feat(
        61,
        pair(label_value(a), label_value(b))
    ));
    pub const LABEL_RIGHT: [[u64; LABELS]; LABELS] = build!([LABELS, LABELS], |a, b| feat(
        62,
        pair(label_value(a), label_value(b))
    ));
    /// `pair(l0, pair(lp1, lp2))`, the inner part of template 63.
    pub const LABELS_RIGHT: [[[u64; LABELS]; LABELS]; LABELS] = build!(
        [LABELS, LABELS, LABELS],
        |a, b, c| pair(label_value(a), pair(label_value(b), label_value(c)))
    );
    pub const CUES: [[u64; BUCKETS]; BUCKETS] =
        build!([BUCKETS, BUCKETS], |l, r| feat(65, pair(l as u64, r as u64)));
    pub const SOURCES: [[u64; BUCKETS]; BUCKETS] =
        build!([BUCKETS, BUCKETS], |l, r| feat(66, pair(l as u64, r as u64)));
    pub const STAGE_LABEL: [[u64; LABELS]; STAGES] =
        build!([STAGES, LABELS], |s, l| feat(67, pair(s as u64, label_value(l))));
    /// By cue left, in quotation, stage.
    pub const CUE_STAGE: [[[u64; STAGES]; 2]; BUCKETS] = build!([BUCKETS, 2, STAGES], |c, q, s| feat(
        68,
        pair(c as u64, pair(q as u64, s as u64))
    ));
    /// By label, in quotation, part of speech.
    pub const LABEL_POS: [[[u64; POS]; 2]; LABELS] = build!([LABELS, 2, POS], |l, q, p| feat(
        69,
        pair(label_value(l), pair(q as u64, pos_value(p)))
    ));
    /// By cue right, source left, source right.
    pub const CUE_SOURCES: [[[u64; BUCKETS]; BUCKETS]; BUCKETS] = build!(
        [BUCKETS, BUCKETS, BUCKETS],
        |c, l, r| feat(71, pair(c as u64, pair(l as u64, r as u64)))
    );
    /// By stage, to the end, in quotation.
    pub const STAGE_END: [[[u64; 2]; BUCKETS]; STAGES] = build!([STAGES, BUCKETS, 2], |s, e, q| feat(
        72,
        pair(s as u64, pair(e as u64, q as u64))
    ));
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

/// What the POS tagger reads of a token, from its text and its lowercase form.
pub fn pos_input(raw: &str, lower: &str) -> PosInput {
    let (prefix, suffix) = affixes(lower);
    PosInput {
        word: hash_str(lower),
        prefix,
        suffix,
        shape: shape(raw),
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

/// The word hash of the token `d` away from token `i`, or a pad outside the document.
fn doc_word_at(infos: &[Info], i: usize, d: isize) -> u64 {
    match i.checked_add_signed(d) {
        None => PAD_LEFT,
        Some(j) if j >= infos.len() => PAD_RIGHT,
        Some(j) => infos[j].word,
    }
}

/// The shape hash of the token `d` away from token `i` (one pad on both sides).
fn doc_shape_at(infos: &[Info], i: usize, d: isize) -> u64 {
    i.checked_add_signed(d)
        .and_then(|j| infos.get(j))
        .map_or(PAD_LEFT, |x| x.shape)
}

/// The flags of the token `d` away from token `i` (none outside the document).
fn doc_flags_at(infos: &[Info], i: usize, d: isize) -> u32 {
    i.checked_add_signed(d)
        .and_then(|j| infos.get(j))
        .map_or(0, |x| x.flags)
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
        let mut doc = Doc::new_in(text, seg, lower, people, |_| true, |_| true);
        if let Some(model) = pos {
            doc.tag_pos(model, seg);
        }
        doc
    }

    /// The facts of the paragraphs `wanted` selects, and the per-token facts of the two
    /// tokens on each side of them that the features of their first and last words look at;
    /// words are hashed only where `hashed` says (by token index) the features will read
    /// them. Other tokens keep defaults. Parts of speech are left for [`Doc::tag_pos_in`].
    pub fn new_in(
        text: &str,
        seg: &Segmentation,
        lower: &[Cow<str>],
        people: &People,
        wanted: impl Fn(usize) -> bool,
        hashed: impl Fn(usize) -> bool,
    ) -> Doc {
        let lex = Lexicon::get();
        let tokens = &seg.tokens;
        let n = tokens.len();
        let mut infos = vec![Info::default(); n];
        let count = seg.paragraphs.len();
        let computed: Vec<usize> = (0..count).filter(|&p| wanted(p)).collect();
        let para_range = |p: usize| {
            let para = &seg.paragraphs[p];
            let first = seg.sentences.get(para.sentences.start)?;
            let last = seg.sentences.get(para.sentences.end.checked_sub(1)?)?;
            Some(first.tokens.start..last.tokens.end)
        };
        // Every token's paragraph, so that the second stage's look at its neighbours' labels
        // stops at the paragraph's edge.
        for p in 0..count {
            if let Some(r) = para_range(p) {
                for info in &mut infos[r] {
                    info.para = p as u32;
                }
            }
        }
        // The facts of the wanted paragraphs' tokens, and of the tokens just outside them that
        // their features look at (two on each side).
        let mut todo = vec![false; n];
        for r in computed.iter().filter_map(|&p| para_range(p)) {
            let (a, b) = (r.start.saturating_sub(2), (r.end + 2).min(n));
            todo[a..b].iter_mut().for_each(|x| *x = true);
        }

        for i in (0..n).filter(|&i| todo[i]) {
            let (t, l) = (&tokens[i], &lower[i]);
            let raw = t.span.text(text);
            let info = &mut infos[i];
            if hashed(i) {
                let x = pos_input(raw, l);
                (info.word, info.shape, info.prefix, info.suffix) = (x.word, x.shape, x.prefix, x.suffix);
            }
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
                    if lex.is_title_word(l) {
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

    /// Sets the parts of speech of some tokens, tagged elsewhere.
    pub fn set_pos(&mut self, tokens: std::ops::Range<usize>, tags: &[Pos]) {
        for (info, p) in self.infos[tokens].iter_mut().zip(tags) {
            info.tag = *p as u8;
        }
    }

    /// The part of speech of token `i`: `Other` where the POS tagger did not read.
    pub fn pos_of(&self, i: usize) -> Pos {
        Pos::ALL[usize::from(self.infos[i].tag)]
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
        let word_at = |d: isize| doc_word_at(infos, i, d);
        let shape_at = |d: isize| doc_shape_at(infos, i, d);
        let flags_at = |d: isize| doc_flags_at(infos, i, d);
        let (wm2, wm1, w0, wp1, wp2) = (word_at(-2), word_at(-1), x.word, word_at(1), word_at(2));
        let in_q = usize::from(x.flags & flag::IN_QUOTE != 0);
        let vl = bucket(x.verb_left) as usize;
        let vr = bucket(x.verb_right) as usize;
        let sentence = x.sentence.min(3) as usize;
        let pos = bucket(x.pos) as usize;
        let to_end = bucket(x.to_end) as usize;
        let mut n = 0;
        let mut push = |h: u64| {
            out[n] = h;
            n += 1;
        };
        push(table::BIAS);
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
            push(table::FLAG[f.trailing_zeros() as usize]);
            f &= f - 1;
        }
        push(table::NEAR_LEFT[table::near(flags_at(-1))]);
        push(table::NEAR_RIGHT[table::near(flags_at(1))]);
        push(table::NEAR_2[table::near(flags_at(-2))][table::near(flags_at(2))]);
        // Quotation state.
        push(table::QUOTE[in_q][bucket(x.since_open) as usize][bucket(x.to_close) as usize]);
        push(feat(20, pair(in_q as u64, w0)));
        push(table::QUOTE_VERBS[in_q][vl][vr]);
        // Where the speech verbs are.
        push(table::VERBS[vl][vr]);
        push(feat(23, pair(vl as u64, x.verb_left_base)));
        push(feat(24, pair(vr as u64, w0)));
        push(feat(25, pair(vl as u64, w0)));
        push(table::VERB_AFTER[vl][table::after_verb(x.flags)]);
        push(feat(27, x.verb));
        push(feat(28, pair(x.verb, wp1)));
        push(feat(29, pair(x.verb, wm1)));
        // Position in the sentence and paragraph.
        push(table::POSITION[pos][to_end]);
        push(table::SENTENCE[sentence][vl][table::para(x.flags)]);
        push(table::TO_END[to_end][in_q][usize::from(x.flags & flag::SENT_VERB != 0)]);
        push(table::SENT_POSITION[table::sent(x.flags)][pos]);
        push(feat(34, pair(wm1, vl as u64)));
        push(feat(35, pair(wp1, vr as u64)));
        push(table::ACCORDING[usize::from(x.flags & flag::ACCORDING_LEFT != 0)][vl][to_end]);
        // Parts of speech around the token.
        let pos_at = |d: isize| -> usize {
            let j = i as isize + d;
            if j < 0 || j as usize >= infos.len() {
                table::POS_PAD
            } else {
                infos[j as usize].tag as usize
            }
        };
        let (pm2, pm1, p0, pp1, pp2) = (pos_at(-2), pos_at(-1), x.tag as usize, pos_at(1), pos_at(2));
        push(table::POS_0[p0]);
        push(table::POS_LEFT[pm1][p0]);
        push(table::POS_RIGHT[p0][pp1]);
        let pm1_value = if pm1 == table::POS_PAD { 99 } else { pm1 as u64 };
        push(feat(43, pair(pm1_value, table::POS_PAIR[p0][pp1])));
        push(table::POS_LEFT_2[pm2][pm1]);
        push(table::POS_RIGHT_2[pp1][pp2]);
        push(table::POS_QUOTE[p0][in_q][vl]);
        push(feat(47, pair(p0 as u64, pair(x.verb, wp1))));
        n
    }

    /// The second stage's extra features of token `i`, from the first stage's labels (see
    /// [`Doc::set_first_stage`]), written to `out`; returns how many.
    pub fn stacked_features(&self, i: usize, out: &mut [u64; MAX_STACKED]) -> usize {
        let infos = &self.infos;
        let x = &infos[i];
        let in_q = usize::from(x.flags & flag::IN_QUOTE != 0);
        let to_end = bucket(x.to_end) as usize;
        let (w0, p0) = (x.word, x.tag as usize);
        let mut n = 0;
        let mut push = |h: u64| {
            out[n] = h;
            n += 1;
        };
        // Labels of the same paragraph only: the next paragraph is not tagged yet.
        let label_at = |d: isize| -> usize {
            let j = i as isize + d;
            if j < 0 || j as usize >= infos.len() || infos[j as usize].para != x.para {
                table::LABEL_PAD
            } else {
                infos[j as usize].first as usize
            }
        };
        let (lm2, lm1, l0, lp1, lp2) = (
            label_at(-2),
            label_at(-1),
            x.first as usize,
            label_at(1),
            label_at(2),
        );
        let value = |l: usize| if l == table::LABEL_PAD { 99 } else { l as u64 };
        let (cl, cr) = (bucket(x.cue_left) as usize, bucket(x.cue_right) as usize);
        let (sl, sr) = (bucket(x.source_left) as usize, bucket(x.source_right) as usize);
        let st = x.stage as usize;
        push(table::LABEL[l0]);
        push(table::LABEL_LEFT[lm1][l0]);
        push(table::LABEL_RIGHT[l0][lp1]);
        push(feat(
            63,
            pair(value(lm2), pair(value(lm1), table::LABELS_RIGHT[l0][lp1][lp2])),
        ));
        push(feat(64, pair(l0 as u64, w0)));
        push(table::CUES[cl][cr]);
        push(table::SOURCES[sl][sr]);
        push(table::STAGE_LABEL[st][l0]);
        push(table::CUE_STAGE[cl][in_q][st]);
        push(table::LABEL_POS[l0][in_q][p0]);
        push(feat(70, pair(cl as u64, x.cue_left_word)));
        push(table::CUE_SOURCES[cr][sl][sr]);
        push(table::STAGE_END[st][to_end][in_q]);
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

    // The features as computed before the tables, which must give the same ids.
    fn features_plain(doc: &Doc, i: usize, out: &mut [u64; MAX_FEATURES]) -> usize {
        let infos = &doc.infos;
        let x = &infos[i];
        let word_at = |d: isize| doc_word_at(infos, i, d);
        let shape_at = |d: isize| doc_shape_at(infos, i, d);
        let flags_at = |d: isize| doc_flags_at(infos, i, d);
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

    fn stacked_plain(doc: &Doc, i: usize, out: &mut [u64; MAX_STACKED]) -> usize {
        let infos = &doc.infos;
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

    #[test]
    fn flag_indices_stand_for_the_flags_they_are_built_from() {
        type Index = fn(u32) -> usize;
        let checks: [(Index, u32); 4] = [
            (table::near, table::NEAR),
            (table::after_verb, table::AFTER_VERB),
            (table::para, table::PARA),
            (table::sent, table::SENT),
        ];
        for (index, mask) in checks {
            for k in 0..1usize << mask.count_ones() {
                let f = table::expand(k, mask);
                for noise in [0, !mask, 0x5555_5555 & !mask, 0xaaaa_aaaa & !mask] {
                    assert_eq!(index(f | noise), k, "{mask:b} {f:b}");
                }
            }
        }
    }

    #[test]
    fn tabled_features_are_the_hashed_ones() {
        use crate::analysis::tagger::{Label, Tagger};
        for text in [
            crate::SAMPLE,
            "“It rained,” Ann Lee said on Monday, according to aides: \"yes.\"",
        ] {
            let seg = segment(text);
            let lower = people::lowercase_tokens(text, &seg);
            let p = people::find(text, &seg, &lower);
            let tagger = Tagger::builtin();
            let mut d = Doc::new(text, &seg, &lower, &p, Some(tagger.pos()));
            let tagged = tagger.tag(text, &seg, &lower, &p);
            let cycled: Vec<Label> = (0..seg.tokens.len()).map(|k| Label::ALL[k * 5 % 7]).collect();
            for labels in [tagged, cycled] {
                d.set_first_stage(&labels, &seg);
                for i in 0..d.len() {
                    let (mut a, mut b) = ([0u64; MAX_FEATURES], [0u64; MAX_FEATURES]);
                    let n = d.features(i, &mut a);
                    assert_eq!(features_plain(&d, i, &mut b), n);
                    assert_eq!(a[..n], b[..n], "token {i}");
                    let (mut a, mut b) = ([0u64; MAX_STACKED], [0u64; MAX_STACKED]);
                    let n = d.stacked_features(i, &mut a);
                    assert_eq!(stacked_plain(&d, i, &mut b), n);
                    assert_eq!(a[..n], b[..n], "token {i}");
                }
            }
        }
    }
}
