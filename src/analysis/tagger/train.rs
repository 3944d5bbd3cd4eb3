//! Training and evaluation of the tagger on a PolNeAR-style bench folder: `text/*.txt` and
//! `gold.jsonl`, whose attributions give `source`, `cue` and `content` as lists of
//! `[start, end]` code point offsets.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::features::{Doc, MAX_FEATURES};
use super::perceptron::{Model, Trainer};
use super::{attributions, paragraph_tokens, Label, Part, Tagger};
use crate::analysis::people;
use crate::analysis::segment::{self, Segmentation};

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path} line {line}: {source}")]
    Json {
        path: PathBuf,
        line: usize,
        source: serde_json::Error,
    },
    #[error("{path}: a span [{start}, {end}] lies outside the text")]
    Offsets { path: PathBuf, start: usize, end: usize },
}

#[derive(Deserialize)]
struct GoldLine {
    file: String,
    attributions: Vec<GoldAttribution>,
}

#[derive(Deserialize)]
struct GoldAttribution {
    #[serde(default)]
    source: Vec<[usize; 2]>,
    #[serde(default)]
    cue: Vec<[usize; 2]>,
    #[serde(default)]
    content: Vec<[usize; 2]>,
}

/// One gold attribution, in byte ranges of the text.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    pub source: Vec<Range<usize>>,
    pub cue: Vec<Range<usize>>,
    pub content: Vec<Range<usize>>,
}

/// One annotated article.
#[derive(Debug, Clone)]
pub struct Article {
    pub file: String,
    pub text: String,
    pub attributions: Vec<Attribution>,
}

/// Reads a bench folder's `gold.jsonl` and the texts it names, in the file's order.
pub fn read_bench(dir: &Path) -> Result<Vec<Article>, BenchError> {
    let gold_path = dir.join("gold.jsonl");
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| BenchError::Io { path, source }
    };
    let file = fs::File::open(&gold_path).map_err(io_err(&gold_path))?;
    let mut out = Vec::new();
    for (n, line) in io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io_err(&gold_path))?;
        if line.trim().is_empty() {
            continue;
        }
        let gold: GoldLine = serde_json::from_str(&line).map_err(|source| BenchError::Json {
            path: gold_path.clone(),
            line: n + 1,
            source,
        })?;
        let text_path = dir.join("text").join(&gold.file);
        let text = fs::read_to_string(&text_path).map_err(io_err(&text_path))?;
        // Byte offset of every code point, and of the end.
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        let convert = |ranges: &[[usize; 2]]| -> Result<Vec<Range<usize>>, BenchError> {
            ranges
                .iter()
                .map(|&[s, e]| match (bytes.get(s), bytes.get(e)) {
                    (Some(&a), Some(&b)) if s <= e => Ok(a..b),
                    _ => Err(BenchError::Offsets {
                        path: text_path.clone(),
                        start: s,
                        end: e,
                    }),
                })
                .collect()
        };
        let mut attributions = Vec::with_capacity(gold.attributions.len());
        for a in &gold.attributions {
            attributions.push(Attribution {
                source: convert(&a.source)?,
                cue: convert(&a.cue)?,
                content: convert(&a.content)?,
            });
        }
        out.push(Article {
            file: gold.file,
            text,
            attributions,
        });
    }
    Ok(out)
}

/// Gold labels for our tokens: a token takes the part of every gold span it overlaps, cue
/// before source before content where spans collide, and each separate span (a piece of a
/// discontinuous content included) begins with a B label.
pub fn gold_labels(seg: &Segmentation, attributions: &[Attribution]) -> Vec<Label> {
    let n = seg.tokens.len();
    let mut part: Vec<Option<Part>> = vec![None; n];
    // Which span each token belongs to, to tell adjacent spans apart.
    let mut owner: Vec<usize> = vec![usize::MAX; n];
    let rank = |p: Option<Part>| match p {
        None => 0,
        Some(Part::Content) => 1,
        Some(Part::Source) => 2,
        Some(Part::Cue) => 3,
    };
    let mut id = 0;
    for a in attributions {
        for (p, ranges) in [
            (Part::Content, &a.content),
            (Part::Source, &a.source),
            (Part::Cue, &a.cue),
        ] {
            for r in ranges {
                id += 1;
                if r.start >= r.end {
                    continue;
                }
                let first = seg.tokens.partition_point(|t| t.span.end <= r.start);
                for t in first..n {
                    if seg.tokens[t].span.start >= r.end {
                        break;
                    }
                    if rank(Some(p)) > rank(part[t]) {
                        part[t] = Some(p);
                        owner[t] = id;
                    }
                }
            }
        }
    }
    let mut labels = vec![Label::O; n];
    for range in paragraph_tokens(seg) {
        for t in range.clone() {
            if let Some(p) = part[t] {
                let continues = t > range.start && part[t - 1] == Some(p) && owner[t - 1] == owner[t];
                labels[t] = if continues {
                    Label::inside(p)
                } else {
                    Label::begin(p)
                };
            }
        }
    }
    labels
}

/// An article ready for tagging: its segmentation and prepared features.
pub struct Prepared {
    pub text: String,
    pub seg: Segmentation,
    pub doc: Doc,
    pub gold: Vec<Label>,
    pub attributions: Vec<Attribution>,
}

pub fn prepare(article: &Article) -> Prepared {
    let text = &article.text;
    let seg = segment::segment(text);
    let lower = people::lowercase_tokens(text, &seg);
    let found = people::find(text, &seg, &lower);
    let doc = Doc::new(text, &seg, &lower, &found);
    let gold = gold_labels(&seg, &article.attributions);
    Prepared {
        text: text.clone(),
        seg,
        doc,
        gold,
        attributions: article.attributions.clone(),
    }
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub right_predicted: usize,
    pub predicted: usize,
    pub right_gold: usize,
    pub gold: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.right_predicted, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.right_gold, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: Prf) {
        self.right_predicted += o.right_predicted;
        self.predicted += o.predicted;
        self.right_gold += o.right_gold;
        self.gold += o.gold;
    }
}

impl std::fmt::Display for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P {:.3} R {:.3} F {:.3}",
            self.precision(),
            self.recall(),
            self.f1()
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of a model on annotated articles.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// Token-level, by part (source, cue, content), ignoring B/I.
    pub tokens: [Prf; 3],
    /// Exact token-level label accuracy.
    pub accuracy: f64,
    /// Content spans, speaker-agnostic, as `score.py`'s `any-source`: a predicted content is
    /// right when at least half of its non-space characters lie in one gold content; a gold
    /// content is found when predicted contents cover at least half of it.
    pub content: Prf,
    /// The same at 0.9.
    pub content_strict: Prf,
}

fn part_index(p: Part) -> usize {
    match p {
        Part::Source => 0,
        Part::Cue => 1,
        Part::Content => 2,
    }
}

pub fn evaluate(tagger: &Tagger, docs: &[Prepared]) -> Evaluation {
    let mut e = Evaluation::default();
    let (mut right, mut total) = (0usize, 0usize);
    for d in docs {
        let labels = tagger.tag_doc(&d.doc, &d.seg);
        for (&g, &p) in d.gold.iter().zip(&labels) {
            total += 1;
            right += (g == p) as usize;
            if let Some(gp) = g.part() {
                e.tokens[part_index(gp)].gold += 1;
                e.tokens[part_index(gp)].right_gold += (p.part() == Some(gp)) as usize;
            }
            if let Some(pp) = p.part() {
                e.tokens[part_index(pp)].predicted += 1;
                e.tokens[part_index(pp)].right_predicted += (g.part() == Some(pp)) as usize;
            }
        }
        let predicted: Vec<Range<usize>> = attributions(&labels, &d.seg)
            .iter()
            .map(|a| d.seg.tokens[a.content.start].span.start..d.seg.tokens[a.content.end - 1].span.end)
            .collect();
        e.content
            .add(overlap_scores(&d.text, &d.attributions, &predicted, 0.5));
        e.content_strict
            .add(overlap_scores(&d.text, &d.attributions, &predicted, 0.9));
    }
    e.accuracy = ratio(right, total);
    e
}

/// Content overlap scores of one article at threshold `t`, counting non-space characters.
fn overlap_scores(text: &str, gold: &[Attribution], predicted: &[Range<usize>], t: f64) -> Prf {
    let chars = |ranges: &[Range<usize>]| -> Vec<usize> {
        let mut v: Vec<usize> = ranges
            .iter()
            .flat_map(|r| {
                text[r.clone()]
                    .char_indices()
                    .filter(|(_, c)| !c.is_whitespace())
                    .map(move |(i, _)| r.start + i)
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let golds: Vec<Vec<usize>> = gold
        .iter()
        .map(|a| chars(&a.content))
        .filter(|c| !c.is_empty())
        .collect();
    let preds: Vec<Vec<usize>> = predicted
        .iter()
        .map(|r| chars(std::slice::from_ref(r)))
        .filter(|c| !c.is_empty())
        .collect();
    let mut gold_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, g) in golds.iter().enumerate() {
        for &c in g {
            gold_of.entry(c).or_default().push(k);
        }
    }
    let mut out = Prf {
        predicted: preds.len(),
        gold: golds.len(),
        ..Prf::default()
    };
    let mut covered = vec![false; text.len()];
    for p in &preds {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for c in p {
            covered[*c] = true;
            for &k in gold_of.get(c).map_or(&[][..], |v| &v[..]) {
                *counts.entry(k).or_default() += 1;
            }
        }
        if counts.values().any(|&n| n as f64 >= t * p.len() as f64) {
            out.right_predicted += 1;
        }
    }
    for g in &golds {
        let n = g.iter().filter(|&&c| covered[c]).count();
        if n as f64 >= t * g.len() as f64 {
            out.right_gold += 1;
        }
    }
    out
}

/// Settings of one training run.
#[derive(Debug, Clone)]
pub struct Options {
    pub epochs: usize,
    pub seed: u64,
    /// The feature table has `2^bits` buckets.
    pub bits: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 10,
            seed: 20_170_412,
            bits: 18,
        }
    }
}

/// A small deterministic generator (xorshift64*) for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// One training sequence: a paragraph's bucket indices per token, and its gold labels.
struct Sequence {
    feats: Vec<Vec<u32>>,
    gold: Vec<Label>,
}

/// Trains on `train`, calling `after_epoch` with the epoch number (from 1), the training
/// error rate and the averaged model after each epoch. Returns the final averaged model.
pub fn train(
    train: &[Prepared],
    options: &Options,
    mut after_epoch: impl FnMut(usize, f64, &Model),
) -> Model {
    let mut trainer = Trainer::new(options.bits);
    let probe = Model::zero(options.bits);
    let mut seqs: Vec<Sequence> = Vec::new();
    let mut buf = [0u64; MAX_FEATURES];
    for d in train {
        for range in paragraph_tokens(&d.seg) {
            let feats = range
                .clone()
                .map(|t| {
                    let n = d.doc.features(t, &mut buf);
                    buf[..n].iter().map(|&h| probe.bucket(h) as u32).collect()
                })
                .collect();
            seqs.push(Sequence {
                feats,
                gold: d.gold[range].to_vec(),
            });
        }
    }
    let tokens: usize = seqs.iter().map(|s| s.gold.len()).sum();
    let mut rng = Rng(options.seed | 1);
    let mut order: Vec<usize> = (0..seqs.len()).collect();
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0;
        for &k in &order {
            errors += trainer.learn(&seqs[k].feats, &seqs[k].gold);
        }
        let model = trainer.averaged();
        after_epoch(epoch, ratio(errors, tokens), &model);
    }
    trainer.averaged()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny corpus written for the test: who said what, in a few fixed patterns.
    fn synthetic() -> Vec<Article> {
        let names = [
            "Ann Moss",
            "Raj Patel",
            "Lena Ortiz",
            "Tom Berg",
            "Ivy Chen",
            "Omar Diaz",
        ];
        let claims = [
            "the road will close in June",
            "taxes are too high",
            "the school needs more teachers",
            "the river is cleaner than before",
            "the plan costs too much",
            "prices fell last month",
        ];
        let mut out = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let mut text = String::new();
            let mut attributions = Vec::new();
            for (j, claim) in claims.iter().enumerate() {
                let speaker = names[(i + j) % names.len()];
                let start = text.len();
                if j % 2 == 0 {
                    text.push_str(&format!("{speaker} said that {claim}."));
                    let s = start..start + speaker.len();
                    let c = s.end + 1..s.end + 5;
                    let content = c.end + 1..c.end + 1 + 5 + claim.len();
                    attributions.push(Attribution {
                        source: vec![s],
                        cue: vec![c],
                        content: vec![content],
                    });
                } else {
                    text.push_str(&format!("\u{201c}I think {claim},\u{201d} {speaker} said."));
                    let quote_len = "\u{201c}I think ".len() + claim.len() + ",\u{201d}".len();
                    let content = start..start + quote_len;
                    let s = content.end + 1..content.end + 1 + speaker.len();
                    let c = s.end + 1..s.end + 5;
                    attributions.push(Attribution {
                        source: vec![s],
                        cue: vec![c],
                        content: vec![content],
                    });
                }
                text.push_str(" The weather was mild.\n\n");
            }
            // Byte ranges are used directly; the texts are ASCII apart from the quotes, and
            // the ranges above are in bytes already.
            out.push(Article {
                file: format!("{name}.txt"),
                text,
                attributions,
            });
        }
        out
    }

    #[test]
    fn gold_labels_follow_the_spans() {
        let articles = synthetic();
        let p = prepare(&articles[0]);
        let words: Vec<&str> = p.seg.tokens.iter().map(|t| t.span.text(&p.text)).collect();
        // "Ann Moss said that the road will close in June ."
        assert_eq!(&words[..4], ["Ann", "Moss", "said", "that"]);
        use Label::*;
        assert_eq!(&p.gold[..5], [BSource, ISource, BCue, BContent, IContent]);
        let period = words.iter().position(|&w| w == ".").expect("a full stop");
        assert_eq!(p.gold[period], O);
    }

    #[test]
    fn training_on_a_tiny_corpus_learns_it_deterministically() {
        let prepared: Vec<Prepared> = synthetic().iter().map(prepare).collect();
        let options = Options {
            epochs: 6,
            seed: 7,
            bits: 14,
        };
        let mut seen = Vec::new();
        let model = train(&prepared, &options, |epoch, err, _| seen.push((epoch, err)));
        assert_eq!(seen.len(), 6);
        assert!(seen[5].1 < seen[0].1, "{seen:?}");
        let tagger = Tagger::from_model(model.clone());
        let e = evaluate(&tagger, &prepared);
        assert!(e.accuracy > 0.97, "{}", e.accuracy);
        assert_eq!(e.content.f1(), 1.0, "{:?}", e.content);
        let again = train(&prepared, &options, |_, _, _| {});
        assert_eq!(again, model);
    }
}
