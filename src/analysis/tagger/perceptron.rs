//! An averaged structured perceptron over BIO labels, with Viterbi decoding.
//!
//! Features are hashed into a fixed table of `2^bits` buckets, each holding one weight per
//! label. Training keeps exact integer weights (every update is ±1), so it is deterministic;
//! the averaged weights are quantized to `i16` with one scale for the file and for tagging,
//! and tagging adds integers only.

use super::features::MAX_FEATURES;
use super::Label;
use crate::analysis::model_io::Reader;

/// Label slots per bucket: seven labels padded to eight, so a bucket is one aligned load.
pub const SLOTS: usize = 8;
pub const LABELS: usize = Label::ALL.len();

/// The largest weight training writes: the sum of the most features a token can have stays
/// within `i16`, so tagging adds a token's weights in 16-bit lanes, eight labels to an add.
pub const WEIGHT_MAX: i16 = (i16::MAX as usize / MAX_FEATURES) as i16;

const MAGIC: &[u8; 4] = b"HSTG";
const VERSION: u32 = 2;

/// Why a weights file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a hearsay tagger model (bad magic)")]
    Magic,
    #[error("unsupported tagger model version {0}")]
    Version(u32),
    #[error("tagger model is truncated or has a bad size")]
    Size,
}

/// Labels (by index) that may follow any label and start a sequence: `O` and the beginnings.
const OPEN: [usize; 4] = [0, 1, 3, 5];
/// Inside labels (by index), each of which may follow only its own beginning, the label
/// just before it, or itself.
const INSIDE: [usize; 3] = [2, 4, 6];

/// Whether `next` may follow `prev` (`None`: the start of a sequence) in a BIO sequence.
pub fn allowed(prev: Option<Label>, next: Label) -> bool {
    match next.inside_of() {
        None => true,
        Some(part) => prev.is_some_and(|p| p.part() == Some(part)),
    }
}

/// Trained weights, ready for tagging.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bits: u32,
    /// `2^bits * SLOTS` emission weights; the eighth slot of each bucket is 0.
    pub weights: Vec<i16>,
    /// `transitions[prev][next]`.
    pub transitions: [[i32; LABELS]; LABELS],
    pub start: [i32; LABELS],
    /// Every weight is within [`WEIGHT_MAX`], so scores add up in `i16` without overflow.
    /// Set where a finished model is made (read or averaged); a model being trained keeps
    /// the wide sums.
    narrow: bool,
}

impl Model {
    pub fn zero(bits: u32) -> Model {
        Model {
            bits,
            weights: vec![0; (1usize << bits) * SLOTS],
            transitions: [[0; LABELS]; LABELS],
            start: [0; LABELS],
            narrow: false,
        }
    }

    /// Records whether the weights allow sums in `i16`.
    fn finished(mut self) -> Model {
        // The largest magnitude rather than `all`, whose early exit keeps the scan of every
        // weight from being vectorised.
        let largest = self.weights.iter().map(|w| w.unsigned_abs()).max().unwrap_or(0);
        self.narrow = largest <= WEIGHT_MAX as u16;
        self
    }

    #[inline]
    pub fn bucket(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    /// Starts loading the buckets of `feats`, to be scored shortly.
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        for &h in feats {
            prefetch_bucket(self.buckets(), self.bits, h);
        }
    }

    /// Adds the weights of the given feature ids to `scores` (one slot per label).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32; SLOTS]) {
        if self.narrow && feats.len() <= MAX_FEATURES {
            let mut acc = [0i16; SLOTS];
            for &h in feats {
                add_narrow(&mut acc, self.bucket_weights(h));
            }
            *scores = acc.map(i32::from);
            return;
        }
        let mut acc = [0i32; SLOTS];
        for &h in feats {
            for (a, &x) in acc.iter_mut().zip(self.bucket_weights(h)) {
                *a += x as i32;
            }
        }
        *scores = acc;
    }

    #[inline]
    fn bucket_weights(&self, h: u64) -> &[i16; SLOTS] {
        bucket_of(self.buckets(), self.bits, h)
    }

    #[inline]
    fn buckets(&self) -> &[[i16; SLOTS]] {
        self.weights.as_chunks::<SLOTS>().0
    }

    /// The compact little-endian encoding: magic, version, bits, start and transition
    /// weights, then seven `i16` per bucket.
    pub fn encode(&self) -> Vec<u8> {
        let buckets = 1usize << self.bits;
        let mut out = Vec::with_capacity(16 + 4 * LABELS * (LABELS + 1) + buckets * LABELS * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        for &s in &self.start {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for row in &self.transitions {
            for &t in row {
                out.extend_from_slice(&t.to_le_bytes());
            }
        }
        for b in 0..buckets {
            for &w in &self.weights[b * SLOTS..b * SLOTS + LABELS] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model from the start of `bytes`; returns it and the number of bytes used.
    pub fn decode(bytes: &[u8]) -> Result<(Model, usize), ModelError> {
        let mut r = Reader::new(bytes, || ModelError::Size);
        if r.take(4)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let bits = r.u32()?;
        if !(8..=26).contains(&bits) {
            return Err(ModelError::Size);
        }
        let mut m = Model::zero(bits);
        for s in &mut m.start {
            *s = r.u32()? as i32;
        }
        for row in &mut m.transitions {
            for t in row.iter_mut() {
                *t = r.u32()? as i32;
            }
        }
        let buckets = 1usize << bits;
        let body = r.take(buckets * LABELS * 2)?;
        // Bucket by bucket, so that the copy has no index to check: decoding is paid before
        // the first article is tagged.
        for (bucket, chunk) in m
            .weights
            .chunks_exact_mut(SLOTS)
            .zip(body.chunks_exact(LABELS * 2))
        {
            for (w, b) in bucket.iter_mut().zip(chunk.chunks_exact(2)) {
                *w = i16::from_le_bytes([b[0], b[1]]);
            }
        }
        Ok((m.finished(), r.at))
    }

    /// The best label sequence for emission scores `emit` (one `[i32; SLOTS]` per token),
    /// among valid BIO sequences only. `back` and the result are reused buffers.
    pub fn viterbi(&self, emit: &[[i32; SLOTS]], back: &mut Vec<[u8; LABELS]>, out: &mut Vec<Label>) {
        out.clear();
        let n = emit.len();
        if n == 0 {
            return;
        }
        // Only allowed moves are scored: an inside label has two possible predecessors, the
        // others seven, so a step weighs 34 moves instead of 49. The unreachable inside
        // labels of the first token start so low that no valid path ever loses to them.
        const NEG: i64 = i64::MIN / 4;
        // `trans[next][prev]`, so one label's predecessors are side by side.
        let mut trans = [[0i64; LABELS]; LABELS];
        for (p, row) in self.transitions.iter().enumerate() {
            for (l, &t) in row.iter().enumerate() {
                trans[l][p] = t as i64;
            }
        }
        let mut cur = [NEG; LABELS];
        for &l in &OPEN {
            cur[l] = self.start[l] as i64 + emit[0][l] as i64;
        }
        back.clear();
        back.resize(n, [0; LABELS]);
        for (e, step) in emit[1..].iter().zip(&mut back[1..]) {
            let mut next = [0i64; LABELS];
            for &l in &OPEN {
                let tr = &trans[l];
                // Ties go to the first predecessor, as in the order of `Label::ALL`.
                let (mut best, mut arg) = (cur[0] + tr[0], 0);
                for p in 1..LABELS {
                    let s = cur[p] + tr[p];
                    if s > best {
                        (best, arg) = (s, p);
                    }
                }
                next[l] = best + e[l] as i64;
                step[l] = arg as u8;
            }
            for &l in &INSIDE {
                let (b, i) = (cur[l - 1] + trans[l][l - 1], cur[l] + trans[l][l]);
                let (best, arg) = if i > b { (i, l) } else { (b, l - 1) };
                next[l] = best + e[l] as i64;
                step[l] = arg as u8;
            }
            // Keep the scores near zero whatever the length of the paragraph.
            let top = next.iter().copied().max().unwrap_or(0);
            for x in &mut next {
                *x = (*x - top).max(NEG);
            }
            cur = next;
        }
        let mut l = (0..LABELS)
            .max_by_key(|&l| (cur[l], std::cmp::Reverse(l)))
            .unwrap_or(0);
        out.resize(n, Label::O);
        for t in (0..n).rev() {
            out[t] = Label::ALL[l];
            l = back[t][l] as usize;
        }
    }
}

/// The bucket of feature id `h` in a table of `2^bits` buckets. The mask changes no index
/// (the shift leaves `bits` bits) but bounds it by the table's length, so the bound is
/// checked once per loop rather than at each of the eighty lookups of a token.
#[inline]
pub(super) fn bucket_of<T>(table: &[T], bits: u32, h: u64) -> &T {
    &table[(h >> (64 - bits)) as usize & table.len().wrapping_sub(1)]
}

/// Starts loading the bucket of feature id `h` (see [`bucket_of`]); a prefetch needs no
/// bound check.
#[inline]
fn prefetch_bucket<T>(table: &[T], bits: u32, h: u64) {
    prefetch(table.as_ptr().wrapping_add((h >> (64 - bits)) as usize));
}

/// Asks the CPU to start loading the cache line at `x`. Tagging looks up weights at hashed,
/// so random, places in tables larger than the L2 cache; asking for the next token's
/// buckets while the current one is scored overlaps the misses (about 9% of tagging).
#[inline]
pub(super) fn prefetch<T>(x: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it never faults, whatever the address, and changes
    // nothing the program can observe.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(x.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// The weights of two models over the same feature ids side by side, bucket by bucket: the
/// first and second stages score the same first-stage features, and a table lookup costs a
/// cache miss, so one 32-byte pair (half a cache line, aligned) serves both stages with one
/// miss where two tables took two.
#[derive(Debug, Clone)]
pub struct Paired {
    bits: u32,
    /// Both models are narrow (see [`Model::score`]).
    narrow: bool,
    buckets: Vec<PairBucket>,
}

#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
struct PairBucket {
    a: [i16; SLOTS],
    b: [i16; SLOTS],
}

impl Paired {
    /// The two models' emission weights interleaved; `None` when their tables differ in size.
    pub fn new(a: &Model, b: &Model) -> Option<Paired> {
        if a.bits != b.bits {
            return None;
        }
        let buckets = a
            .weights
            .chunks_exact(SLOTS)
            .zip(b.weights.chunks_exact(SLOTS))
            .map(|(x, y)| PairBucket {
                a: x.try_into().expect("bucket is SLOTS wide"),
                b: y.try_into().expect("bucket is SLOTS wide"),
            })
            .collect();
        Some(Paired {
            bits: a.bits,
            narrow: a.narrow && b.narrow,
            buckets,
        })
    }

    /// Starts loading the buckets of `feats`, to be scored shortly.
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        for &h in feats {
            prefetch_bucket(&self.buckets, self.bits, h);
        }
    }

    /// What [`Model::score`] gives for each of the two models, in one pass.
    #[inline]
    pub fn score(&self, feats: &[u64], a: &mut [i32; SLOTS], b: &mut [i32; SLOTS]) {
        if self.narrow && feats.len() <= MAX_FEATURES {
            let (mut acc_a, mut acc_b) = ([0i16; SLOTS], [0i16; SLOTS]);
            for &h in feats {
                let w = bucket_of(&self.buckets, self.bits, h);
                add_narrow(&mut acc_a, &w.a);
                add_narrow(&mut acc_b, &w.b);
            }
            *a = acc_a.map(i32::from);
            *b = acc_b.map(i32::from);
            return;
        }
        let mut acc_a = [0i32; SLOTS];
        let mut acc_b = [0i32; SLOTS];
        for &h in feats {
            let w = bucket_of(&self.buckets, self.bits, h);
            for (s, &x) in acc_a.iter_mut().zip(&w.a) {
                *s += x as i32;
            }
            for (s, &x) in acc_b.iter_mut().zip(&w.b) {
                *s += x as i32;
            }
        }
        *a = acc_a;
        *b = acc_b;
    }
}

/// Adds a bucket's weights lane by lane. Wrapping is exact here: a narrow model's sums of at
/// most [`MAX_FEATURES`] weights never leave `i16`, and the adds compile to one vector add.
#[inline]
fn add_narrow(acc: &mut [i16; SLOTS], w: &[i16; SLOTS]) {
    for (a, &x) in acc.iter_mut().zip(w) {
        *a = a.wrapping_add(x);
    }
}

/// Perceptron training state. Weights are exact integers; `total` accumulates each update
/// times the step it happened at, so the average over all steps is `w - total / steps`.
pub struct Trainer {
    bits: u32,
    /// The current weights, as a model, so decoding during training shares the tagging code.
    pub current: Model,
    weights: Vec<i32>,
    total: Vec<i64>,
    trans_total: [[i64; LABELS]; LABELS],
    start_total: [i64; LABELS],
    steps: i64,
    emit: Vec<[i32; SLOTS]>,
    back: Vec<[u8; LABELS]>,
    guess: Vec<Label>,
}

impl Trainer {
    pub fn new(bits: u32) -> Trainer {
        let size = (1usize << bits) * SLOTS;
        Trainer {
            bits,
            current: Model::zero(bits),
            weights: vec![0; size],
            total: vec![0; size],
            trans_total: [[0; LABELS]; LABELS],
            start_total: [0; LABELS],
            steps: 1,
            emit: Vec::new(),
            back: Vec::new(),
            guess: Vec::new(),
        }
    }

    /// Decodes one sequence with the current weights and, where it is wrong, moves the
    /// weights towards the gold labels. `feats[t]` are the bucket indices of token `t`.
    /// Returns the number of tokens labelled wrongly.
    pub fn learn(&mut self, feats: &[Vec<u32>], gold: &[Label]) -> usize {
        let n = gold.len();
        self.emit.clear();
        for f in feats {
            let mut acc = [0i32; SLOTS];
            for &b in f {
                let b = b as usize * SLOTS;
                for (l, a) in acc.iter_mut().enumerate() {
                    *a += self.weights[b + l];
                }
            }
            self.emit.push(acc);
        }
        let mut guess = std::mem::take(&mut self.guess);
        self.current.viterbi(&self.emit, &mut self.back, &mut guess);
        let errors = guess.iter().zip(gold).filter(|(g, o)| g != o).count();
        if errors > 0 {
            let c = self.steps;
            for t in 0..n {
                let (g, o) = (gold[t] as usize, guess[t] as usize);
                let prev_g = (t > 0).then(|| gold[t - 1] as usize);
                let prev_o = (t > 0).then(|| guess[t - 1] as usize);
                if g != o {
                    for &b in &feats[t] {
                        let b = b as usize * SLOTS;
                        self.weights[b + g] += 1;
                        self.total[b + g] += c;
                        self.weights[b + o] -= 1;
                        self.total[b + o] -= c;
                    }
                }
                if g != o || prev_g != prev_o {
                    match prev_g {
                        Some(p) => {
                            self.current.transitions[p][g] += 1;
                            self.trans_total[p][g] += c;
                        }
                        None => {
                            self.current.start[g] += 1;
                            self.start_total[g] += c;
                        }
                    }
                    match prev_o {
                        Some(p) => {
                            self.current.transitions[p][o] -= 1;
                            self.trans_total[p][o] -= c;
                        }
                        None => {
                            self.current.start[o] -= 1;
                            self.start_total[o] -= c;
                        }
                    }
                }
            }
        }
        self.guess = guess;
        self.steps += 1;
        errors
    }

    /// The averaged weights, quantized to `i16` with one scale shared with the transitions.
    pub fn averaged(&self) -> Model {
        let c = self.steps as f64;
        let avg = |w: i64, total: i64| w as f64 - total as f64 / c;
        let emissions: Vec<f64> = self
            .weights
            .iter()
            .zip(&self.total)
            .map(|(&w, &t)| avg(w as i64, t))
            .collect();
        let max = emissions.iter().fold(0f64, |m, &x| m.max(x.abs())).max(1e-9);
        let scale = WEIGHT_MAX as f64 / max;
        let q = |x: f64| (x * scale).round();
        let mut m = Model::zero(self.bits);
        for (w, &x) in m.weights.iter_mut().zip(&emissions) {
            *w = q(x).clamp(-WEIGHT_MAX as f64, WEIGHT_MAX as f64) as i16;
        }
        for p in 0..LABELS {
            m.start[p] = q(avg(self.current.start[p] as i64, self.start_total[p])) as i32;
            for l in 0..LABELS {
                m.transitions[p][l] =
                    q(avg(self.current.transitions[p][l] as i64, self.trans_total[p][l])) as i32;
            }
        }
        m.finished()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(labels: &[Label]) -> bool {
        labels
            .iter()
            .enumerate()
            .all(|(t, &l)| allowed(if t == 0 { None } else { Some(labels[t - 1]) }, l))
    }

    /// Viterbi as it was first written: every move scored, forbidden ones with a huge cost.
    /// The faster decoder must give exactly its labels, ties included.
    fn reference_viterbi(m: &Model, emit: &[[i32; SLOTS]]) -> Vec<Label> {
        let (back, out) = (&mut Vec::<[u8; LABELS]>::new(), &mut Vec::new());
        out.clear();
        let n = emit.len();
        if n == 0 {
            return Vec::new();
        }
        // Forbidden moves cost so much that no valid path ever loses to them; the O label
        // is always allowed, so some valid path exists.
        const NEG: i64 = i64::MIN / 4;
        let mut trans = [[NEG; LABELS]; LABELS];
        let mut start = [NEG; LABELS];
        for (l, &label) in Label::ALL.iter().enumerate() {
            if allowed(None, label) {
                start[l] = m.start[l] as i64;
            }
            for (p, &prev) in Label::ALL.iter().enumerate() {
                if allowed(Some(prev), label) {
                    trans[p][l] = m.transitions[p][l] as i64;
                }
            }
        }
        back.clear();
        back.resize(n, [0; LABELS]);
        let mut cur = [0i64; LABELS];
        for l in 0..LABELS {
            cur[l] = start[l] + emit[0][l] as i64;
        }
        for t in 1..n {
            let mut next = [0i64; LABELS];
            for l in 0..LABELS {
                let mut best = cur[0] + trans[0][l];
                let mut arg = 0u8;
                for p in 1..LABELS {
                    let s = cur[p] + trans[p][l];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                next[l] = best + emit[t][l] as i64;
                back[t][l] = arg;
            }
            // Keep the scores near zero whatever the length of the paragraph.
            let top = next.iter().copied().max().unwrap_or(0);
            for x in &mut next {
                *x = (*x - top).max(NEG);
            }
            cur = next;
        }
        let mut l = (0..LABELS)
            .max_by_key(|&l| (cur[l], std::cmp::Reverse(l)))
            .unwrap_or(0);
        out.resize(n, Label::O);
        for t in (0..n).rev() {
            out[t] = Label::ALL[l];
            l = back[t][l] as usize;
        }
        out.clone()
    }

    #[test]
    fn the_move_tables_agree_with_allowed() {
        for (l, &label) in Label::ALL.iter().enumerate() {
            assert_eq!(OPEN.contains(&l), allowed(None, label), "{label:?}");
            for (p, &prev) in Label::ALL.iter().enumerate() {
                let listed = OPEN.contains(&l) || INSIDE.contains(&l) && (p == l - 1 || p == l);
                assert_eq!(listed, allowed(Some(prev), label), "{prev:?} {label:?}");
            }
        }
    }

    #[test]
    fn viterbi_decodes_exactly_like_the_reference() {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |range: i64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % (2 * range as u64 + 1)) as i64 - range
        };
        let (mut back, mut out) = (Vec::new(), Vec::new());
        // Small ranges make ties common, large ones reach the size of real scores.
        for (round, range) in [2i64, 5, 50, 3_000_000].into_iter().cycle().take(400).enumerate() {
            let mut m = Model::zero(8);
            for p in 0..LABELS {
                m.start[p] = next(range) as i32;
                for l in 0..LABELS {
                    m.transitions[p][l] = next(range) as i32;
                }
            }
            let len = round % 40;
            let emit: Vec<[i32; SLOTS]> = (0..len)
                .map(|_| {
                    let mut e = [0i32; SLOTS];
                    for x in &mut e[..LABELS] {
                        *x = next(range) as i32;
                    }
                    e
                })
                .collect();
            m.viterbi(&emit, &mut back, &mut out);
            assert_eq!(out, reference_viterbi(&m, &emit), "round {round}");
        }
    }

    #[test]
    fn viterbi_returns_valid_bio_even_when_emissions_prefer_invalid() {
        let mut m = Model::zero(8);
        // Emissions that, taken token by token, would start with I-CONTENT and jump from
        // I-SOURCE to I-CUE.
        let pick = |l: Label, s: i32| {
            let mut e = [0i32; SLOTS];
            e[l as usize] = s;
            e
        };
        let emit = vec![
            pick(Label::IContent, 10),
            pick(Label::ISource, 10),
            pick(Label::ICue, 10),
            pick(Label::O, 1),
            pick(Label::ICue, 3),
        ];
        let mut out = Vec::new();
        m.viterbi(&emit, &mut Vec::new(), &mut out);
        assert_eq!(out.len(), emit.len());
        assert!(valid(&out), "{out:?}");
        m.transitions[Label::BSource as usize][Label::ISource as usize] = 50;
        m.viterbi(&emit, &mut Vec::new(), &mut out);
        assert!(valid(&out), "{out:?}");
    }

    #[test]
    fn paired_tables_score_like_each_model_alone() {
        let fill = |seed: i64| {
            let mut m = Model::zero(9);
            for (i, w) in m.weights.iter_mut().enumerate() {
                if i % SLOTS < LABELS {
                    *w = ((i as i64 * seed) % 65_536 - 32_768) as i16;
                }
            }
            m
        };
        let (a, b) = (fill(7919), fill(104_729));
        let paired = Paired::new(&a, &b).expect("same size");
        let feats: Vec<u64> = (0..60u64)
            .map(|k| k.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (k << 60))
            .collect();
        for n in [0, 1, 13, 60] {
            let (mut pa, mut pb, mut sa, mut sb) = ([1; SLOTS], [1; SLOTS], [0; SLOTS], [0; SLOTS]);
            paired.score(&feats[..n], &mut pa, &mut pb);
            a.score(&feats[..n], &mut sa);
            b.score(&feats[..n], &mut sb);
            assert_eq!((pa, pb), (sa, sb));
        }
        assert!(Paired::new(&a, &Model::zero(10)).is_none());
    }

    #[test]
    fn narrow_sums_equal_wide_sums_at_the_weight_bound() {
        // Weights at the bound and near it, signs mixed, summed over the most features a token
        // can have: the 16-bit lanes must give exactly what 32-bit sums give.
        let mut m = Model::zero(6);
        for (i, w) in m.weights.iter_mut().enumerate() {
            if i % SLOTS < LABELS {
                *w = match i % 5 {
                    0 => WEIGHT_MAX,
                    1 => -WEIGHT_MAX,
                    2 => WEIGHT_MAX - 1,
                    _ => ((i as i64 * 7919) % (2 * WEIGHT_MAX as i64 + 1) - WEIGHT_MAX as i64) as i16,
                };
            }
        }
        let wide = m.clone();
        let narrow = m.finished();
        assert!(narrow.narrow && !wide.narrow);
        let paired = Paired::new(&narrow, &narrow).expect("same size");
        let wide_paired = Paired::new(&wide, &wide).expect("same size");
        // One bucket repeated (all at +WEIGHT_MAX in slot 0), then mixed buckets.
        let same = vec![0u64; MAX_FEATURES];
        let mixed: Vec<u64> = (0..MAX_FEATURES as u64)
            .map(|k| k.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .collect();
        for feats in [&same, &mixed] {
            for n in [0, 1, 40, MAX_FEATURES] {
                let (mut a, mut b) = ([0; SLOTS], [0; SLOTS]);
                narrow.score(&feats[..n], &mut a);
                wide.score(&feats[..n], &mut b);
                assert_eq!(a, b);
                let (mut pa, mut pb, mut wa, mut wb) = ([0; SLOTS], [0; SLOTS], [0; SLOTS], [0; SLOTS]);
                paired.score(&feats[..n], &mut pa, &mut pb);
                wide_paired.score(&feats[..n], &mut wa, &mut wb);
                assert_eq!((pa, pb), (wa, wb));
                assert_eq!(pa, a);
            }
        }
        let mut top = [0; SLOTS];
        narrow.score(&same, &mut top);
        assert_eq!(top[0], WEIGHT_MAX as i32 * MAX_FEATURES as i32);
    }

    #[test]
    fn weights_round_trip_through_the_encoding() {
        let mut m = Model::zero(10);
        for (i, w) in m.weights.iter_mut().enumerate() {
            if i % SLOTS < LABELS {
                *w = ((i as i64 * 7919) % 65_536 - 32_768) as i16;
            }
        }
        m.transitions[2][3] = -123_456;
        m.start[5] = 77;
        let bytes = m.encode();
        assert_eq!(Model::decode(&bytes).expect("decodes"), (m, bytes.len()));
        assert!(matches!(
            Model::decode(&bytes[..bytes.len() - 1]),
            Err(ModelError::Size)
        ));
        assert!(matches!(Model::decode(b"nope"), Err(ModelError::Magic)));
    }
}
