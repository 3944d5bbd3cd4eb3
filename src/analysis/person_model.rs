//! A learned yes/no decision on whether a capitalised name run names a person: a binary
//! averaged perceptron over hashed features of the run and its context, trained on the
//! automatic PERSON tags CoreNLP gives PolNeAR's train split.
//!
//! The people analysis (`people.rs`) extracts the features and asks for a score only where
//! its rules are weakest: runs that no title or given name vouches for. Weights are built
//! into the binary from `assets/model/people.bin` and reproduced by `hearsay-train`.
//!
//! Like the attribution tagger, training keeps exact integer weights and shuffles with a
//! fixed seed, so the same data give the same bytes; averaged weights are quantized to `i16`
//! and scoring adds integers only.

use crate::analysis::model_io::{Reader, Rng};
use std::sync::OnceLock;

/// The shipped weights.
const BUILTIN: &[u8] = include_bytes!("../../assets/model/people.bin");

const MAGIC: &[u8; 4] = b"HSPM";
const VERSION: u32 = 1;

/// Why a person model file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PersonModelError {
    #[error("not a hearsay person model (bad magic)")]
    Magic,
    #[error("unsupported person model version {0}")]
    Version(u32),
    #[error("person model is truncated or has a bad size")]
    Size,
}

/// Trained weights: one `i16` per hashed feature bucket and a bias. A positive score means
/// "a person".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonModel {
    bits: u32,
    bias: i32,
    weights: Vec<i16>,
}

impl PersonModel {
    /// A model that scores everything 0: no opinion either way.
    pub fn zero(bits: u32) -> PersonModel {
        PersonModel {
            bits,
            bias: 0,
            weights: vec![0; 1 << bits],
        }
    }

    /// The model built into the binary, parsed on first use.
    pub fn builtin() -> &'static PersonModel {
        static MODEL: OnceLock<PersonModel> = OnceLock::new();
        MODEL.get_or_init(|| PersonModel::decode(BUILTIN).expect("the built-in person model is valid"))
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    #[inline]
    pub fn bucket(&self, h: u64) -> usize {
        bucket(self.bits, h)
    }

    /// The score of a run from its feature ids.
    pub fn score(&self, feats: &[u64]) -> i32 {
        self.bias
            + feats
                .iter()
                .map(|&h| self.weights[self.bucket(h)] as i32)
                .sum::<i32>()
    }

    /// The compact little-endian encoding: magic, version, bits, bias, then one `i16` per
    /// bucket.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + 2 * self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.bias.to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads a model that fills `bytes` exactly.
    pub fn decode(bytes: &[u8]) -> Result<PersonModel, PersonModelError> {
        let mut r = Reader::new(bytes, || PersonModelError::Size);
        if r.take(4)? != MAGIC {
            return Err(PersonModelError::Magic);
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(PersonModelError::Version(version));
        }
        let bits = r.u32()?;
        if !(4..=24).contains(&bits) {
            return Err(PersonModelError::Size);
        }
        let bias = r.u32()? as i32;
        let body = r.take(2usize << bits)?;
        if r.at != bytes.len() {
            return Err(PersonModelError::Size);
        }
        let weights = body
            .chunks_exact(2)
            .map(|w| i16::from_le_bytes([w[0], w[1]]))
            .collect();
        Ok(PersonModel { bits, bias, weights })
    }
}

#[inline]
fn bucket(bits: u32, h: u64) -> usize {
    (h >> (64 - bits)) as usize
}

/// One training example: the feature ids of a run and whether it names a person.
#[derive(Debug, Clone)]
pub struct Example {
    pub feats: Vec<u64>,
    pub person: bool,
}

/// Trains a model on `examples` with `epochs` shuffled passes. Deterministic for a given
/// seed and example order.
pub fn train(examples: &[Example], bits: u32, epochs: usize, seed: u64) -> PersonModel {
    let size = 1usize << bits;
    // Exact integer weights, and each update times the step it happened at, so that the
    // average over all steps is `w - total / steps`.
    let mut weights = vec![0i32; size];
    let mut total = vec![0i64; size];
    let (mut bias, mut bias_total) = (0i32, 0i64);
    let mut steps: i64 = 1;
    let buckets: Vec<Vec<usize>> = examples
        .iter()
        .map(|e| e.feats.iter().map(|&h| bucket(bits, h)).collect())
        .collect();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(seed);
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let score = bias + buckets[k].iter().map(|&b| weights[b]).sum::<i32>();
            let want = examples[k].person;
            if (score > 0) != want {
                let d: i32 = if want { 1 } else { -1 };
                bias += d;
                bias_total += d as i64 * steps;
                for &b in &buckets[k] {
                    weights[b] += d;
                    total[b] += d as i64 * steps;
                }
            }
            steps += 1;
        }
    }
    let c = steps as f64;
    let avg = |w: i32, t: i64| w as f64 - t as f64 / c;
    let averaged: Vec<f64> = weights.iter().zip(&total).map(|(&w, &t)| avg(w, t)).collect();
    let b = avg(bias, bias_total);
    let max = averaged.iter().fold(b.abs(), |m, &x| m.max(x.abs())).max(1e-9);
    // One scale for bias and weights, with headroom so a sum of a few dozen features
    // cannot overflow an `i32`.
    let scale = i16::MAX as f64 / max;
    let q = |x: f64| (x * scale).round().clamp(i16::MIN as f64, i16::MAX as f64);
    PersonModel {
        bits,
        bias: q(b) as i32,
        weights: averaged.iter().map(|&x| q(x) as i16).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tagger::features::hash_str;

    #[test]
    fn weights_round_trip_through_the_encoding() {
        let mut m = PersonModel::zero(10);
        for (i, w) in m.weights.iter_mut().enumerate() {
            *w = ((i as i64 * 7919) % 65_536 - 32_768) as i16;
        }
        m.bias = -4321;
        let bytes = m.encode();
        assert_eq!(bytes.len(), 16 + 2 * 1024);
        assert_eq!(PersonModel::decode(&bytes), Ok(m));
    }

    #[test]
    fn bad_input_gives_typed_errors() {
        let bytes = PersonModel::zero(8).encode();
        assert_eq!(
            PersonModel::decode(&bytes[..bytes.len() - 1]),
            Err(PersonModelError::Size)
        );
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(PersonModel::decode(&longer), Err(PersonModelError::Size));
        assert_eq!(
            PersonModel::decode(b"HSTG\x01\0\0\0"),
            Err(PersonModelError::Magic)
        );
        let mut v = bytes;
        v[4] = 9;
        assert_eq!(PersonModel::decode(&v), Err(PersonModelError::Version(9)));
        assert_eq!(PersonModel::decode(b"HS"), Err(PersonModelError::Size));
    }

    #[test]
    fn the_builtin_model_decodes() {
        assert!(PersonModel::builtin().bits() >= 4);
    }

    /// A separable toy problem: runs after "mr." are people, runs before "inc." are not.
    fn toy() -> Vec<Example> {
        let mut out = Vec::new();
        for i in 0..40 {
            let word = hash_str(&format!("w{i}"));
            let person = i % 2 == 0;
            let context = hash_str(if person { "prev=mr." } else { "next=inc." });
            out.push(Example {
                feats: vec![word, context],
                person,
            });
        }
        out
    }

    #[test]
    fn training_learns_a_separable_set_deterministically() {
        let examples = toy();
        let m = train(&examples, 10, 5, 3);
        for e in &examples {
            assert_eq!(m.score(&e.feats) > 0, e.person, "{e:?}");
        }
        assert_eq!(train(&examples, 10, 5, 3).encode(), m.encode());
    }
}
