//! Trains the attribution tagger on a PolNeAR-style bench folder and writes its weights.
//!
//! ```text
//! cargo run --release --bin hearsay-train -- ../shared/bench/polnear-train \
//!     --dev ../shared/bench/polnear-dev --out assets/model/attribution.bin
//! ```
//!
//! Deterministic: the same data, options and code give the same bytes.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Parser;
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
}

fn load(dir: &Path, limit: Option<usize>) -> Result<Vec<Prepared>> {
    let mut articles =
        train::read_bench(dir).with_context(|| format!("reading bench folder {}", dir.display()))?;
    if let Some(n) = limit {
        articles.truncate(n);
    }
    Ok(articles.par_iter().map(|a| train::prepare(a, None)).collect())
}

fn main() -> Result<()> {
    let args = Args::parse();
    let started = Instant::now();
    let mut train_docs = load(&args.train, args.limit)?;
    let mut dev_docs = match &args.dev {
        Some(d) => load(d, None)?,
        None => Vec::new(),
    };
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
    if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1}s",
        args.out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
