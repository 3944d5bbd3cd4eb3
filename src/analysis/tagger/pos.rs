//! A small part-of-speech tagger: a greedy averaged perceptron over sixteen coarse classes,
//! trained on CoreNLP's automatic tags aligned to our tokens. The attribution tagger uses
//! its output as features (verbs find cues, clause shapes bound contents).

use super::features::{feat, pair};
use super::perceptron::{bucket_of, ModelError};

/// Coarse classes: Penn Treebank tags merged where the distinction does not help.
pub const CLASSES: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Pos {
    Noun = 0,
    Propn,
    Pron,
    Det,
    Adj,
    Adv,
    /// Base form: "say", "will say".
    Verb,
    /// Past tense: "said".
    VerbPast,
    /// Present, third person or not: "says", "say".
    VerbPresent,
    /// "saying"
    VerbGerund,
    /// "said" after "has", passives.
    VerbParticiple,
    Modal,
    /// Prepositions, subordinating conjunctions and "to".
    Prep,
    Conj,
    Num,
    /// Punctuation, symbols and anything else.
    Other,
}

impl Pos {
    pub const ALL: [Pos; CLASSES] = [
        Pos::Noun,
        Pos::Propn,
        Pos::Pron,
        Pos::Det,
        Pos::Adj,
        Pos::Adv,
        Pos::Verb,
        Pos::VerbPast,
        Pos::VerbPresent,
        Pos::VerbGerund,
        Pos::VerbParticiple,
        Pos::Modal,
        Pos::Prep,
        Pos::Conj,
        Pos::Num,
        Pos::Other,
    ];

    /// The class of a Penn Treebank tag.
    pub fn from_penn(tag: &str) -> Pos {
        match tag {
            "NN" | "NNS" => Pos::Noun,
            "NNP" | "NNPS" => Pos::Propn,
            "PRP" | "PRP$" | "WP" | "WP$" | "EX" => Pos::Pron,
            "DT" | "PDT" | "WDT" => Pos::Det,
            "JJ" | "JJR" | "JJS" => Pos::Adj,
            "RB" | "RBR" | "RBS" | "WRB" | "RP" => Pos::Adv,
            "VB" => Pos::Verb,
            "VBD" => Pos::VerbPast,
            "VBZ" | "VBP" => Pos::VerbPresent,
            "VBG" => Pos::VerbGerund,
            "VBN" => Pos::VerbParticiple,
            "MD" => Pos::Modal,
            "IN" | "TO" => Pos::Prep,
            "CC" => Pos::Conj,
            "CD" => Pos::Num,
            _ => Pos::Other,
        }
    }

    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Pos::Verb | Pos::VerbPast | Pos::VerbPresent | Pos::VerbGerund | Pos::VerbParticiple
        )
    }
}

/// What the POS tagger reads of one token: hashes prepared by the feature extractor.
#[derive(Debug, Clone, Copy, Default)]
pub struct PosInput {
    pub word: u64,
    pub prefix: u64,
    pub suffix: u64,
    pub shape: u64,
}

/// Where a sentence starts (no previous tag) and where the sentence ends.
const NONE: u64 = 0xdead_beef;
const POS_FEATURES: usize = 14;

/// The features of token `i` of a sentence, given the two tags before it.
fn features(s: &[PosInput], i: usize, p1: u64, p2: u64, out: &mut [u64; POS_FEATURES]) {
    let at = |d: isize| -> Option<&PosInput> {
        let j = i as isize + d;
        (j >= 0).then(|| s.get(j as usize)).flatten()
    };
    let word = |d| at(d).map_or(NONE, |x| x.word);
    let suffix = |d| at(d).map_or(NONE, |x| x.suffix);
    let x = &s[i];
    *out = [
        feat(101, 0),
        feat(102, x.word),
        feat(103, x.suffix),
        feat(104, x.prefix),
        feat(105, x.shape),
        feat(106, word(-1)),
        feat(107, word(1)),
        feat(108, suffix(-1)),
        feat(109, suffix(1)),
        feat(110, p1),
        feat(111, pair(p1, p2)),
        feat(112, pair(p1, x.word)),
        feat(113, word(-2)),
        feat(114, word(2)),
    ];
}

/// POS weights: `2^bits` buckets of [`CLASSES`] `i16` weights.
#[derive(Debug, Clone, PartialEq)]
pub struct PosModel {
    pub bits: u32,
    weights: Vec<Bucket>,
    /// For each pair of previous tags (a sentence's start as [`CLASSES`]), the summed weights
    /// of the features that depend on them alone, with the bias feature's: one lookup in a
    /// small table where each token hashed and summed three features.
    context: Vec<[i32; CLASSES]>,
}

/// One bucket's weights, each stored plus 2^15 as a `u16`: widening those to `i32` takes
/// one instruction per four weights fewer than widening `i16`, and every class's sum is
/// then too high by the same amount, which changes no comparison between classes.
///
/// A bucket is half a cache line; aligned, it never straddles two, so a lookup costs one
/// miss at most (in a plain `Vec<i16>` half the buckets straddled).
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C, align(32))]
struct Bucket([u16; CLASSES]);

const BIAS: u16 = 0x8000;

impl Bucket {
    fn new(weights: [i16; CLASSES]) -> Bucket {
        Bucket(weights.map(|w| w as u16 ^ BIAS))
    }

    fn signed(&self) -> [i16; CLASSES] {
        self.0.map(|w| (w ^ BIAS) as i16)
    }
}

/// Index of a previous tag in [`PosModel::context`]: a class, or [`CLASSES`] for none.
fn tag_value(k: usize) -> u64 {
    if k == CLASSES {
        NONE
    } else {
        k as u64
    }
}

impl PosModel {
    pub fn zero(bits: u32) -> PosModel {
        PosModel::with_weights(bits, vec![Bucket([BIAS; CLASSES]); 1usize << bits])
    }

    fn with_weights(bits: u32, weights: Vec<Bucket>) -> PosModel {
        let mut model = PosModel {
            bits,
            weights,
            context: Vec::with_capacity((CLASSES + 1) * (CLASSES + 1)),
        };
        for k1 in 0..=CLASSES {
            for k2 in 0..=CLASSES {
                let (p1, p2) = (tag_value(k1), tag_value(k2));
                let mut acc = [0i32; CLASSES];
                for h in [feat(101, 0), feat(110, p1), feat(111, pair(p1, p2))] {
                    for (a, w) in acc.iter_mut().zip(model.bucket(h).signed()) {
                        *a += w as i32;
                    }
                }
                model.context.push(acc);
            }
        }
        model
    }

    #[inline]
    fn bucket(&self, h: u64) -> &Bucket {
        bucket_of(&self.weights, self.bits, h)
    }

    /// Tags one sentence, left to right, writing one class per token to `out`.
    ///
    /// Scores the same features as [`features`] (so as training did), summed in another
    /// order, which gives the same integers.
    pub fn tag(&self, sentence: &[PosInput], out: &mut [Pos]) {
        let n = out.len().min(sentence.len());
        let at = |i: usize, d: isize| i.checked_add_signed(d).and_then(|j| sentence.get(j));
        let word = |i, d| at(i, d).map_or(NONE, |x| x.word);
        let suffix = |i, d| at(i, d).map_or(NONE, |x| x.suffix);
        // The previous two tags, as indices into `context`.
        let (mut k1, mut k2) = (CLASSES, CLASSES);
        for (i, slot) in out[..n].iter_mut().enumerate() {
            let x = &sentence[i];
            let mut acc = [0u32; CLASSES];
            for h in [
                feat(102, x.word),
                feat(103, x.suffix),
                feat(104, x.prefix),
                feat(105, x.shape),
                feat(106, word(i, -1)),
                feat(107, word(i, 1)),
                feat(108, suffix(i, -1)),
                feat(109, suffix(i, 1)),
                feat(112, pair(tag_value(k1), x.word)),
                feat(113, word(i, -2)),
                feat(114, word(i, 2)),
            ] {
                for (a, &w) in acc.iter_mut().zip(&self.bucket(h).0) {
                    *a += w as u32;
                }
            }
            let context = &self.context[k1 * (CLASSES + 1) + k2];
            // At most eleven biased weights below 2^16 each: no overflow.
            let scores: [i32; CLASSES] = std::array::from_fn(|c| acc[c] as i32 + context[c]);
            let best = best(&scores);
            *slot = Pos::ALL[best];
            (k1, k2) = (best, k1);
        }
    }

    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.bits.to_le_bytes());
        for w in self.weights.iter().flat_map(Bucket::signed) {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }

    pub fn decode(bytes: &[u8]) -> Result<(PosModel, usize), ModelError> {
        let bits = bytes
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or(ModelError::Size)?;
        if !(4..=24).contains(&bits) {
            return Err(ModelError::Size);
        }
        let n = (1usize << bits) * CLASSES;
        let body = bytes.get(4..4 + 2 * n).ok_or(ModelError::Size)?;
        let weights = body
            .chunks_exact(2 * CLASSES)
            .map(|b| {
                Bucket::new(std::array::from_fn(|k| {
                    i16::from_le_bytes([b[2 * k], b[2 * k + 1]])
                }))
            })
            .collect();
        Ok((PosModel::with_weights(bits, weights), 4 + 2 * n))
    }
}

/// The index of the highest score; the first of equal ones.
fn best<T: PartialOrd + Copy>(acc: &[T]) -> usize {
    let mut best = 0;
    for (k, &v) in acc.iter().enumerate() {
        if v > acc[best] {
            best = k;
        }
    }
    best
}

/// Trains the POS tagger on sentences with gold classes, for `epochs` passes in an order
/// shuffled by `shuffle`.
pub fn train(
    sentences: &[(Vec<PosInput>, Vec<Pos>)],
    bits: u32,
    epochs: usize,
    mut shuffle: impl FnMut(&mut [usize]),
) -> PosModel {
    let size = (1usize << bits) * CLASSES;
    let bucket = |h: u64| (h >> (64 - bits)) as usize * CLASSES;
    let mut w = vec![0i32; size];
    let mut total = vec![0i64; size];
    let mut step: i64 = 1;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut feats = [0u64; POS_FEATURES];
    for _ in 0..epochs {
        shuffle(&mut order);
        for &k in &order {
            let (s, gold) = &sentences[k];
            let (mut p1, mut p2) = (NONE, NONE);
            for (i, &truth) in gold.iter().enumerate().take(s.len()) {
                features(s, i, p1, p2, &mut feats);
                let mut acc = [0i32; CLASSES];
                for &h in &feats {
                    let b = bucket(h);
                    for (a, &x) in acc.iter_mut().zip(&w[b..b + CLASSES]) {
                        *a += x;
                    }
                }
                let guess = best(&acc);
                let truth = truth as usize;
                if guess != truth {
                    for &h in &feats {
                        let b = bucket(h);
                        w[b + truth] += 1;
                        total[b + truth] += step;
                        w[b + guess] -= 1;
                        total[b + guess] -= step;
                    }
                }
                step += 1;
                // Training follows its own guesses, as tagging will.
                p2 = p1;
                p1 = guess as u64;
            }
        }
    }
    let c = step as f64;
    let avg: Vec<f64> = w
        .iter()
        .zip(&total)
        .map(|(&w, &t)| w as f64 - t as f64 / c)
        .collect();
    let max = avg.iter().fold(0f64, |m, &x| m.max(x.abs())).max(1e-9);
    let scale = i16::MAX as f64 / max;
    let q = |x: f64| (x * scale).round().clamp(i16::MIN as f64, i16::MAX as f64) as i16;
    let weights = avg
        .chunks_exact(CLASSES)
        .map(|b| Bucket::new(std::array::from_fn(|k| q(b[k]))))
        .collect();
    PosModel::with_weights(bits, weights)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tagger::features::hash_str;

    fn input(words: &str) -> Vec<PosInput> {
        words
            .split_whitespace()
            .map(|w| PosInput {
                word: hash_str(w),
                prefix: hash_str(&w[..w.len().min(3)]),
                suffix: hash_str(&w[w.len().saturating_sub(3)..]),
                shape: hash_str(if w.chars().all(char::is_alphabetic) {
                    "x"
                } else {
                    "."
                }),
            })
            .collect()
    }

    /// Tagging as it was first written: every feature of a token from [`features`], scored
    /// together. The faster [`PosModel::tag`] must give exactly its tags.
    fn reference_tag(m: &PosModel, sentence: &[PosInput], out: &mut [Pos]) {
        let (mut p1, mut p2) = (NONE, NONE);
        let mut feats = [0u64; POS_FEATURES];
        for (i, slot) in out.iter_mut().enumerate().take(sentence.len()) {
            features(sentence, i, p1, p2, &mut feats);
            let mut acc = [0i32; CLASSES];
            for &h in &feats {
                for (a, x) in acc.iter_mut().zip(m.bucket(h).signed()) {
                    *a += x as i32;
                }
            }
            let best = best(&acc);
            *slot = Pos::ALL[best];
            p2 = p1;
            p1 = best as u64;
        }
    }

    #[test]
    fn tagging_scores_exactly_like_the_reference() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        // Few distinct values, so that ties between classes happen, and the extremes.
        let values = [i16::MIN, -3000, -1000, 0, 0, 1000, 3000, i16::MAX];
        let weights = (0..1 << 6)
            .map(|_| Bucket::new(std::array::from_fn(|_| values[next() as usize % values.len()])))
            .collect();
        let model = PosModel::with_weights(6, weights);
        let words: Vec<u64> = (0..12).map(|_| next()).collect();
        for len in (0..80).chain([200]) {
            let sentence: Vec<PosInput> = (0..len)
                .map(|_| PosInput {
                    word: words[next() as usize % words.len()],
                    prefix: next() % 5,
                    suffix: next() % 5,
                    shape: next() % 3,
                })
                .collect();
            // Shorter outputs than the sentence tag a prefix, seeing the words after it.
            for out_len in [len, len / 2] {
                let (mut a, mut b) = (vec![Pos::Other; out_len], vec![Pos::Other; out_len]);
                model.tag(&sentence, &mut a);
                reference_tag(&model, &sentence, &mut b);
                assert_eq!(a, b, "length {len}, output {out_len}");
            }
        }
    }

    #[test]
    fn learns_a_tiny_tagged_corpus_and_round_trips() {
        use Pos::*;
        let data = vec![
            (
                input("she said it rained ."),
                vec![Pron, VerbPast, Pron, VerbPast, Other],
            ),
            (
                input("the mayor says taxes rise ."),
                vec![Det, Noun, VerbPresent, Noun, VerbPresent, Other],
            ),
            (input("he will say no ."), vec![Pron, Modal, Verb, Det, Other]),
        ];
        let model = train(&data, 10, 8, |_| {});
        for (s, gold) in &data {
            let mut out = vec![Other; s.len()];
            model.tag(s, &mut out);
            assert_eq!(&out, gold);
        }
        let mut bytes = Vec::new();
        model.encode(&mut bytes);
        let (back, used) = PosModel::decode(&bytes).expect("decodes");
        assert_eq!(used, bytes.len());
        assert_eq!(back, model);
    }
}
