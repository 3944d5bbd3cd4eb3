//! A small part-of-speech tagger: a greedy averaged perceptron over sixteen coarse classes,
//! trained on CoreNLP's automatic tags aligned to our tokens. The attribution tagger uses
//! its output as features (verbs find cues, clause shapes bound contents).

use super::features::{feat, pair};
use super::perceptron::ModelError;

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
    pub weights: Vec<i16>,
}

impl PosModel {
    pub fn zero(bits: u32) -> PosModel {
        PosModel {
            bits,
            weights: vec![0; (1usize << bits) * CLASSES],
        }
    }

    #[inline]
    fn bucket(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize * CLASSES
    }

    /// Tags one sentence, left to right, writing one class per token to `out`.
    pub fn tag(&self, sentence: &[PosInput], out: &mut [Pos]) {
        let (mut p1, mut p2) = (NONE, NONE);
        let mut feats = [0u64; POS_FEATURES];
        for (i, slot) in out.iter_mut().enumerate().take(sentence.len()) {
            features(sentence, i, p1, p2, &mut feats);
            let mut acc = [0i32; CLASSES];
            for &h in &feats {
                let b = self.bucket(h);
                let w: &[i16; CLASSES] = self.weights[b..b + CLASSES]
                    .try_into()
                    .expect("bucket is CLASSES wide");
                for (a, &x) in acc.iter_mut().zip(w) {
                    *a += x as i32;
                }
            }
            let best = best(&acc);
            *slot = Pos::ALL[best];
            p2 = p1;
            p1 = best as u64;
        }
    }

    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.bits.to_le_bytes());
        for w in &self.weights {
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
            .chunks_exact(2)
            .map(|w| i16::from_le_bytes([w[0], w[1]]))
            .collect();
        Ok((PosModel { bits, weights }, 4 + 2 * n))
    }
}

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
    let probe = PosModel::zero(bits);
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
                    let b = probe.bucket(h);
                    for (a, &x) in acc.iter_mut().zip(&w[b..b + CLASSES]) {
                        *a += x;
                    }
                }
                let guess = best(&acc);
                let truth = truth as usize;
                if guess != truth {
                    for &h in &feats {
                        let b = probe.bucket(h);
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
    PosModel {
        bits,
        weights: avg
            .iter()
            .map(|&x| (x * scale).round().clamp(i16::MIN as f64, i16::MAX as f64) as i16)
            .collect(),
    }
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
