//! Trains the person model and then the attribution tagger on a PolNeAR-style bench folder
//! and writes both weight files.
//!
//! ```text
//! cargo run --release --bin hearsay-train -- ../shared/bench/polnear-train \
//!     --dev ../shared/bench/polnear-dev --out assets/model/attribution.bin
//! ```
//!
//! The tagger's features read the people analysis, so it is trained with the person model
//! just learned, not the one built into this binary: one run reproduces both files.
//! Deterministic: the same data, options and code give the same bytes.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Parser;
use hearsay::analysis::person_model::{self, Example, PersonModel};
use hearsay::analysis::tagger::train::{self, Options, Prepared};
use rayon::prelude::*;

/// Train the attribution tagger (averaged structured perceptron over BIO labels).
#[derive(Parser)]
#[command(name = "hearsay-train")]
struct Args {
    /// Bench folder to train on (text/ and gold.jsonl).
    train: PathBuf,
    /// Bench folder to evaluate on after each epoch.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the weights.
    #[arg(long, default_value = "assets/model/attribution.bin")]
    out: PathBuf,
    /// Passes of the first stage over the training data.
    #[arg(long, default_value_t = Options::default().epochs)]
    epochs: usize,
    /// Passes of the second stage over the training data.
    #[arg(long, default_value_t = Options::default().second_epochs)]
    second_epochs: usize,
    /// Seed of the shuffling between epochs.
    #[arg(long, default_value_t = Options::default().seed)]
    seed: u64,
    /// The feature table has 2^bits buckets (file size is about 14 * 2^bits bytes).
    #[arg(long, default_value_t = Options::default().bits)]
    bits: u32,
    /// Passes of the POS tagger over the training data.
    #[arg(long, default_value_t = Options::default().pos_epochs)]
    pos_epochs: usize,
    /// The POS feature table has 2^pos-bits buckets (file size 32 * 2^pos-bits bytes).
    #[arg(long, default_value_t = Options::default().pos_bits)]
    pos_bits: u32,
    /// Train on the first N articles only (for quick experiments).
    #[arg(long)]
    limit: Option<usize>,
    /// Where to write the person model's weights.
    #[arg(long, default_value = "assets/model/people.bin")]
    people_out: PathBuf,
    /// Passes of the person model over the training runs.
    #[arg(long, default_value_t = 10)]
    people_epochs: usize,
    /// The person model has 2^people-bits buckets (file size 2 * 2^people-bits bytes).
    #[arg(long, default_value_t = 14)]
    people_bits: u32,
    /// Train and write the person model only (for quick experiments on it).
    #[arg(long)]
    people_only: bool,
}

fn read(dir: &Path, limit: Option<usize>) -> Result<Vec<train::Article>> {
    let mut articles =
        train::read_bench(dir).with_context(|| format!("reading bench folder {}", dir.display()))?;
    if let Some(n) = limit {
        articles.truncate(n);
    }
    Ok(articles)
}

fn examples(articles: &[train::Article]) -> Vec<Example> {
    // `collect` keeps the articles' order, so the examples do not depend on scheduling.
    let per_article: Vec<Vec<Example>> = articles.par_iter().map(train::person_examples).collect();
    per_article.into_iter().flatten().collect()
}

/// Accuracy, and precision and recall of "a person", of a person model on examples.
fn person_scores(model: &PersonModel, examples: &[Example]) -> String {
    let (mut tp, mut fp, mut fneg, mut right) = (0usize, 0usize, 0usize, 0usize);
    for e in examples {
        let said = model.score(&e.feats) > 0;
        right += usize::from(said == e.person);
        match (said, e.person) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            _ => {}
        }
    }
    let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    format!(
        "accuracy {:.3}  person P {:.3} R {:.3}  ({} runs)",
        r(right, examples.len()),
        r(tp, tp + fp),
        r(tp, tp + fneg),
        examples.len()
    )
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}

fn prepare(articles: &[train::Article], people: &PersonModel) -> Vec<Prepared> {
    articles
        .par_iter()
        .map(|a| train::prepare(a, None, people))
        .collect()
}

fn main() -> Result<()> {
    let args = Args::parse();
    let started = Instant::now();
    let train_articles = read(&args.train, args.limit)?;
    let dev_articles = match &args.dev {
        Some(d) => read(d, None)?,
        None => Vec::new(),
    };
    let train_runs = examples(&train_articles);
    let dev_runs = examples(&dev_articles);
    let people = person_model::train(&train_runs, args.people_bits, args.people_epochs, args.seed);
    eprintln!(
        "person model: train {}\n  dev {}  ({:.1}s)",
        person_scores(&people, &train_runs),
        person_scores(&people, &dev_runs),
        started.elapsed().as_secs_f64()
    );
    let people_bytes = people.encode();
    write(&args.people_out, &people_bytes)?;
    eprintln!(
        "wrote {} ({} bytes)",
        args.people_out.display(),
        people_bytes.len()
    );
    if args.people_only {
        return Ok(());
    }
    let mut train_docs = prepare(&train_articles, &people);
    let mut dev_docs = prepare(&dev_articles, &people);
    let tokens: usize = train_docs.iter().map(|d| d.seg.tokens.len()).sum();
    eprintln!(
        "{} training articles ({} tokens), {} dev articles, prepared in {:.1}s",
        train_docs.len(),
        tokens,
        dev_docs.len(),
        started.elapsed().as_secs_f64()
    );
    let options = Options {
        epochs: args.epochs,
        second_epochs: args.second_epochs,
        seed: args.seed,
        bits: args.bits,
        pos_epochs: args.pos_epochs,
        pos_bits: args.pos_bits,
    };
    let tagger = train::train(&mut train_docs, &mut dev_docs, &options, |line| {
        eprintln!("{line}  ({:.1}s)", started.elapsed().as_secs_f64());
    });
    if !dev_docs.is_empty() {
        let e = train::evaluate(&tagger, &mut dev_docs);
        eprintln!("dev confusion (rows gold, columns predicted; O B-SRC I-SRC B-CUE I-CUE B-CON I-CON):");
        for row in &e.confusion {
            eprintln!("  {}", row.iter().map(|n| format!("{n:>7}")).collect::<String>());
        }
    }
    let bytes = tagger.to_bytes();
    write(&args.out, &bytes)?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1}s",
        args.out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
