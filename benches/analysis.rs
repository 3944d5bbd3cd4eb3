//! Loading and analysis throughput, and the pathological inputs that must stay linear.
//!
//! Goals (issue 2): a 1 MB paragraph of "Smith said that Smith said that ...", 300,000
//! quotation marks in a row and 20,000 nested quotations (the `full` pathological cases) each
//! finish in well under a second; the `quarter` cases show whether time grows linearly.
//! The article is generated here, not read from a corpus, so the benchmark runs anywhere.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use hearsay::export::{self, Format as ExportFormat};
use hearsay::load::{self, Format, Input, LoadOptions};
use hearsay::Analysis;

mod common;

fn loading_and_analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("article");
    for size in [5_000usize, 100_000] {
        let text = common::news_article(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("load", size), &text, |b, text| {
            b.iter(|| load::load_bytes("a.txt", Format::Text, black_box(text.as_bytes())).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("load+analyse", size), &text, |b, text| {
            b.iter(|| {
                let loaded = load::load_bytes("a.txt", Format::Text, black_box(text.as_bytes())).unwrap();
                loaded.articles.into_iter().map(Analysis::new).count()
            })
        });
        group.bench_with_input(BenchmarkId::new("load+analyse+export", size), &text, |b, text| {
            b.iter(|| {
                let loaded = load::load_bytes("a.txt", Format::Text, black_box(text.as_bytes())).unwrap();
                loaded
                    .articles
                    .into_iter()
                    .map(|a| export::render(&Analysis::new(a), ExportFormat::JsonLines).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

/// The whole `export --format jsonl` path on many files: reading, analysing on all cores in
/// chunks, and rendering, with the output discarded.
fn pipeline(c: &mut Criterion) {
    const FILES: usize = 200;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let text = common::news_article(5_000);
    for i in 0..FILES {
        std::fs::write(dir.path().join(format!("{i:04}.txt")), &text).expect("writable temp dir");
    }
    let (inputs, errors): (Vec<Input>, _) = load::expand(&[dir.path()]);
    assert!(errors.is_empty());
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes((text.len() * FILES) as u64));
    group.sample_size(20);
    group.bench_function("export_jsonl_200_files", |b| {
        b.iter(|| {
            let mut bytes = 0usize;
            let done: Result<(), std::convert::Infallible> = load::process(
                &inputs,
                &LoadOptions::default(),
                |a| export::render(&a, ExportFormat::JsonLines),
                |outcome| {
                    if let load::Outcome::Done(s) = outcome {
                        bytes += s.len();
                    }
                    Ok(())
                },
            );
            assert!(done.is_ok());
            bytes
        })
    });
    group.finish();
}

/// The three inputs of the issue, and one long sentence of quotations each resumed by a
/// participle (`"Yes," Smith said, adding, "no."`, where a participle looks up its sentence's
/// attribution), at full size (`scale` 4) and at a quarter (`scale` 1): linear analysis shows
/// as the same throughput at both sizes.
fn pathological_inputs(scale: usize) -> [(&'static str, String); 4] {
    let unit = "Smith said that ";
    let said_that = unit.repeat(scale * 250_000 / unit.len());
    let quotes = "\"".repeat(scale * 75_000);
    let unit = "\"Yes,\" Smith said, adding, \"no.\" ";
    let adding = unit.repeat(scale * 250_000 / unit.len());
    let depth = scale * 5_000;
    let mut nested = String::with_capacity(depth * 24);
    for i in 0..depth {
        nested.push(if i % 2 == 0 { '\u{201c}' } else { '\u{2018}' });
        nested.push_str("Smith said ");
    }
    nested.push_str("nothing");
    for i in (0..depth).rev() {
        nested.push(if i % 2 == 0 { '\u{201d}' } else { '\u{2019}' });
        nested.push_str(" he said");
    }
    [
        ("smith_said_that", said_that),
        ("quotes_in_a_row", quotes),
        ("nested_quotes", nested),
        ("participles_in_one_sentence", adding),
    ]
}

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for (scale, label) in [(1, "quarter"), (4, "full")] {
        for (name, text) in pathological_inputs(scale) {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, label), &text, |b, text| {
                b.iter(|| Analysis::new(hearsay::Article::from_text("p.txt", black_box(text.as_str()))))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, loading_and_analysis, pipeline, pathological);
criterion_main!(benches);
