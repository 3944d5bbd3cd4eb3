//! Training and evaluation of the tagger on a PolNeAR-style bench folder: `text/*.txt`,
//! `gold.jsonl`, whose attributions give `source`, `cue` and `content` as lists of
//! `[start, end]` code point offsets, and optionally `corenlp.jsonl`, whose automatic
//! part-of-speech tags train the POS tagger.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::features::{Doc, MAX_FEATURES, MAX_STACKED};
use super::perceptron::{Model, Trainer};
use super::pos::{self, Pos, PosInput, PosModel};
use super::{attributions, decode, paragraph_tokens, Label, Part, Tagger};
use crate::analysis::model_io::Rng;
use crate::analysis::people;
use crate::analysis::person_model::{Example, PersonModel};
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
struct CoreNlpLine {
    file: String,
    tokens: Vec<(usize, usize, String, String)>,
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
    /// CoreNLP's tokens as byte ranges with their part-of-speech class, when the folder
    /// has `corenlp.jsonl`.
    pub pos: Option<Vec<(Range<usize>, Pos)>>,
    /// The byte ranges of the tokens CoreNLP tags PERSON, when the folder has
    /// `corenlp.jsonl`; they train the person model.
    pub persons: Option<Vec<Range<usize>>>,
}

/// CoreNLP's tags of one article: code point start and end, part-of-speech class, and
/// whether its named-entity tag is PERSON.
type CoreNlpTags = Vec<(usize, usize, Pos, bool)>;

/// Reads `corenlp.jsonl` into tags by file, in code point offsets.
fn read_corenlp(path: &Path) -> Result<HashMap<String, CoreNlpTags>, BenchError> {
    let mut out = HashMap::new();
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out),
        Err(source) => {
            return Err(BenchError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    for (n, line) in io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| BenchError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: CoreNlpLine = serde_json::from_str(&line).map_err(|source| BenchError::Json {
            path: path.to_path_buf(),
            line: n + 1,
            source,
        })?;
        let tags = doc
            .tokens
            .iter()
            .map(|(s, e, tag, ner)| (*s, *e, Pos::from_penn(tag), ner == "PERSON"))
            .collect();
        out.insert(doc.file, tags);
    }
    Ok(out)
}

/// Reads a bench folder's `gold.jsonl` and the texts it names, in the file's order.
pub fn read_bench(dir: &Path) -> Result<Vec<Article>, BenchError> {
    let gold_path = dir.join("gold.jsonl");
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| BenchError::Io { path, source }
    };
    let file = fs::File::open(&gold_path).map_err(io_err(&gold_path))?;
    let mut corenlp = read_corenlp(&dir.join("corenlp.jsonl"))?;
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
        let (pos, persons) = match corenlp.remove(&gold.file) {
            Some(tags) => {
                let mut v = Vec::with_capacity(tags.len());
                let mut persons = Vec::new();
                for (s, e, p, person) in tags {
                    let r = convert(&[[s, e]])?.remove(0);
                    if person {
                        persons.push(r.clone());
                    }
                    v.push((r, p));
                }
                (Some(v), Some(persons))
            }
            None => (None, None),
        };
        out.push(Article {
            file: gold.file,
            text,
            attributions,
            pos,
            persons,
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

/// Part-of-speech classes for our tokens: the class of the CoreNLP token that holds each
/// token's first byte, or of the first one inside it.
pub fn gold_pos(seg: &Segmentation, tags: &[(Range<usize>, Pos)]) -> Vec<Pos> {
    seg.tokens
        .iter()
        .map(|t| {
            let k = tags.partition_point(|(r, _)| r.end <= t.span.start);
            match tags.get(k) {
                Some((r, p)) if r.start < t.span.end => *p,
                _ => Pos::Other,
            }
        })
        .collect()
}

/// An article ready for tagging: its segmentation and prepared features.
pub struct Prepared {
    pub text: String,
    pub seg: Segmentation,
    pub doc: Doc,
    pub gold: Vec<Label>,
    pub gold_pos: Option<Vec<Pos>>,
    pub attributions: Vec<Attribution>,
}

/// Segments an article and prepares its features, with parts of speech from `pos` when
/// given (else call [`Doc::tag_pos`] later) and people found with `people_model`.
pub fn prepare(article: &Article, pos: Option<&PosModel>, people_model: &PersonModel) -> Prepared {
    let text = &article.text;
    let seg = segment::segment(text);
    let lower = people::lowercase_tokens(text, &seg);
    let found = people::find_with(people_model, text, &seg, &lower);
    let doc = Doc::new(text, &seg, &lower, &found, pos);
    let gold = gold_labels(&seg, &article.attributions);
    let gold_pos = article.pos.as_ref().map(|tags| gold_pos(&seg, tags));
    Prepared {
        text: text.clone(),
        seg,
        doc,
        gold,
        gold_pos,
        attributions: article.attributions.clone(),
    }
}

/// The person model's training examples of an article: every name run the model would
/// score, labelled a person when a CoreNLP PERSON token holds the first byte of its last
/// word that is not a suffix (CoreNLP leaves "Jr." untagged). Empty when the article has no CoreNLP tags.
pub fn person_examples(article: &Article) -> Vec<Example> {
    let Some(persons) = &article.persons else {
        return Vec::new();
    };
    let text = &article.text;
    let seg = segment::segment(text);
    let lower = people::lowercase_tokens(text, &seg);
    people::model_runs(text, &seg, &lower)
        .into_iter()
        .map(|run| {
            let at = seg.tokens[run.head].span.start;
            let k = persons.partition_point(|r| r.end <= at);
            let person = persons.get(k).is_some_and(|r| r.start <= at);
            Example {
                feats: run.feats,
                person,
            }
        })
        .collect()
}

/// Trains the POS tagger on the sentences of the articles that have CoreNLP tags.
pub fn train_pos(docs: &[Prepared], options: &Options) -> PosModel {
    let mut sentences: Vec<(Vec<PosInput>, Vec<Pos>)> = Vec::new();
    for d in docs {
        let Some(gold) = &d.gold_pos else { continue };
        for s in &d.seg.sentences {
            sentences.push((
                d.doc.pos_inputs(s.tokens.clone()),
                gold[s.tokens.clone()].to_vec(),
            ));
        }
    }
    let mut rng = Rng::new(options.seed.rotate_left(7));
    pos::train(&sentences, options.pos_bits, options.pos_epochs, |order| {
        rng.shuffle(order)
    })
}

/// The share of tokens whose POS class the model gets right.
pub fn pos_accuracy(model: &PosModel, docs: &[Prepared]) -> f64 {
    let (mut right, mut total) = (0, 0);
    let mut out = Vec::new();
    for d in docs {
        let Some(gold) = &d.gold_pos else { continue };
        for s in &d.seg.sentences {
            let input = d.doc.pos_inputs(s.tokens.clone());
            out.clear();
            out.resize(input.len(), Pos::Other);
            model.tag(&input, &mut out);
            total += out.len();
            right += out
                .iter()
                .zip(&gold[s.tokens.clone()])
                .filter(|(a, b)| a == b)
                .count();
        }
    }
    ratio(right, total)
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
    /// `confusion[gold][predicted]` token counts, by label.
    pub confusion: [[usize; 7]; 7],
}

fn part_index(p: Part) -> usize {
    match p {
        Part::Source => 0,
        Part::Cue => 1,
        Part::Content => 2,
    }
}

pub fn evaluate(tagger: &Tagger, docs: &mut [Prepared]) -> Evaluation {
    let mut e = Evaluation::default();
    let (mut right, mut total) = (0usize, 0usize);
    for d in docs {
        let labels = tagger.tag_doc(&mut d.doc, &d.seg);
        for (&g, &p) in d.gold.iter().zip(&labels) {
            total += 1;
            e.confusion[g as usize][p as usize] += 1;
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
    /// Passes of the first stage (on each fold and on everything).
    pub epochs: usize,
    /// Passes of the second stage.
    pub second_epochs: usize,
    pub seed: u64,
    /// The attribution feature table has `2^bits` buckets.
    pub bits: u32,
    pub pos_epochs: usize,
    /// The POS feature table has `2^pos_bits` buckets.
    pub pos_bits: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 14,
            second_epochs: 6,
            seed: 20_170_412,
            bits: 16,
            pos_epochs: 5,
            pos_bits: 15,
        }
    }
}

/// One training sequence: a paragraph's bucket indices per token, and its gold labels.
struct Sequence {
    feats: Vec<Vec<u32>>,
    gold: Vec<Label>,
}

/// The training sequences of some documents, with the second stage's features too when
/// `stacked` (the first stage's labels must be set).
fn sequences<'a>(docs: impl Iterator<Item = &'a Prepared>, bits: u32, stacked: bool) -> Vec<Sequence> {
    let probe = Model::zero(bits);
    let mut buf = [0u64; MAX_FEATURES];
    let mut extra = [0u64; MAX_STACKED];
    let mut seqs = Vec::new();
    for d in docs {
        for range in paragraph_tokens(&d.seg) {
            let feats = range
                .clone()
                .map(|t| {
                    let n = d.doc.features(t, &mut buf);
                    let m = if stacked {
                        d.doc.stacked_features(t, &mut extra)
                    } else {
                        0
                    };
                    buf[..n]
                        .iter()
                        .chain(&extra[..m])
                        .map(|&h| probe.bucket(h) as u32)
                        .collect()
                })
                .collect();
            seqs.push(Sequence {
                feats,
                gold: d.gold[range].to_vec(),
            });
        }
    }
    seqs
}

/// Trains one stage on `seqs`, calling `after_epoch` with the epoch number (from 1), the
/// training error rate and the averaged model after each epoch.
fn fit(
    seqs: &[Sequence],
    epochs: usize,
    options: &Options,
    rng: &mut Rng,
    mut after_epoch: impl FnMut(usize, f64, &Model),
) -> Model {
    let mut trainer = Trainer::new(options.bits);
    let tokens: usize = seqs.iter().map(|s| s.gold.len()).sum();
    let mut order: Vec<usize> = (0..seqs.len()).collect();
    for epoch in 1..=epochs {
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

/// The number of folds whose held-out first-stage labels train the second stage, so that
/// it learns from first-stage labels as good as those it will see on new text.
const FOLDS: usize = 4;

/// Trains the whole tagger: the POS tagger, the first stage (on held-out folds, then on
/// everything) and the second stage. `log` receives progress lines, with scores on `dev`
/// after each second-stage epoch when `dev` is not empty.
pub fn train(
    train: &mut [Prepared],
    dev: &mut [Prepared],
    options: &Options,
    mut log: impl FnMut(String),
) -> Tagger {
    let pos = train_pos(train, options);
    log(format!(
        "POS tagger: train accuracy {:.3}, dev accuracy {:.3}",
        pos_accuracy(&pos, train),
        pos_accuracy(&pos, dev)
    ));
    for d in train.iter_mut().chain(dev.iter_mut()) {
        d.doc.tag_pos(&pos, &d.seg);
    }
    let mut rng = Rng::new(options.seed);
    // Held-out first-stage labels for every training document.
    let mut held_out: Vec<Vec<Label>> = vec![Vec::new(); train.len()];
    for fold in 0..FOLDS {
        let seqs = sequences(
            train
                .iter()
                .enumerate()
                .filter(|(k, _)| k % FOLDS != fold)
                .map(|(_, d)| d),
            options.bits,
            false,
        );
        let model = fit(&seqs, options.epochs, options, &mut rng, |_, _, _| {});
        for (k, d) in train.iter().enumerate().filter(|(k, _)| k % FOLDS == fold) {
            held_out[k] = decode(&model, &d.doc, &d.seg);
        }
        log(format!("first stage, fold {} of {FOLDS} done", fold + 1));
    }
    let seqs = sequences(train.iter(), options.bits, false);
    let first = fit(&seqs, options.epochs, options, &mut rng, |epoch, error, _| {
        log(format!("first stage: epoch {epoch:>2}  train error {error:.4}"));
    });
    drop(seqs);
    for (d, labels) in train.iter_mut().zip(&held_out) {
        d.doc.set_first_stage(labels, &d.seg);
    }
    let seqs = sequences(train.iter(), options.bits, true);
    let second = fit(
        &seqs,
        options.second_epochs,
        options,
        &mut rng,
        |epoch, error, model| {
            let mut line = format!("second stage: epoch {epoch:>2}  train error {error:.4}");
            if !dev.is_empty() {
                let e = evaluate(&Tagger::new(first.clone(), model.clone(), pos.clone()), dev);
                line.push_str(&format!(
                "\n  dev tokens: accuracy {:.3}  source {}  cue {}  content {}\n  dev content spans: at 0.5 {}  at 0.9 {}",
                e.accuracy, e.tokens[0], e.tokens[1], e.tokens[2], e.content, e.content_strict
            ));
            }
            log(line);
        },
    );
    Tagger::new(first, second, pos)
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
                pos: None,
                persons: None,
            });
        }
        out
    }

    #[test]
    fn person_examples_are_labelled_by_the_last_word_before_a_suffix() {
        let text = "Tom Berg Jr. met Dana Quill at the Harbor Club on Monday.";
        let at = |w: &str| {
            let s = text.find(w).expect("word in text");
            s..s + w.len()
        };
        let mut article = Article {
            file: "t.txt".into(),
            text: text.into(),
            attributions: Vec::new(),
            pos: None,
            // CoreNLP tags the names but not the suffix.
            persons: Some(vec![at("Tom"), at("Berg"), at("Dana"), at("Quill")]),
        };
        let examples = person_examples(&article);
        assert!(examples.len() >= 2, "{examples:?}");
        assert_eq!(examples.iter().filter(|e| e.person).count(), 2, "{examples:?}");
        article.persons = None;
        assert!(person_examples(&article).is_empty());
    }

    #[test]
    fn gold_labels_follow_the_spans() {
        let articles = synthetic();
        let p = prepare(&articles[0], None, PersonModel::builtin());
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
        let mut prepared: Vec<Prepared> = synthetic()
            .iter()
            .map(|a| prepare(a, None, PersonModel::builtin()))
            .collect();
        let options = Options {
            epochs: 6,
            second_epochs: 6,
            seed: 7,
            bits: 14,
            pos_epochs: 1,
            pos_bits: 8,
        };
        let mut log = Vec::new();
        let tagger = train(&mut prepared, &mut [], &options, |line| log.push(line));
        let errors: Vec<f64> = log
            .iter()
            .filter_map(|l| l.strip_prefix("second stage: epoch"))
            .map(|l| {
                l.rsplit(' ')
                    .next()
                    .and_then(|x| x.parse().ok())
                    .expect("an error rate")
            })
            .collect();
        assert_eq!(errors.len(), 6, "{log:?}");
        assert!(errors[5] < errors[0] || errors[0] == 0.0, "{errors:?}");
        let e = evaluate(&tagger, &mut prepared);
        assert!(e.accuracy > 0.97, "{}", e.accuracy);
        assert_eq!(e.content.f1(), 1.0, "{:?}", e.content);
        let mut again: Vec<Prepared> = synthetic()
            .iter()
            .map(|a| prepare(a, None, PersonModel::builtin()))
            .collect();
        let second = train(&mut again, &mut [], &options, |_| {});
        assert_eq!(second.to_bytes(), tagger.to_bytes());
    }
}
