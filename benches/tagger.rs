//! Throughput of the attribution tagger (features, POS tagging, both stages of Viterbi).
//!
//! Goal: at least 5 MB/s per core, so that the export stays within 10x `wc -w` over a
//! corpus. The article is generated here, not read from a corpus, so the benchmark runs
//! anywhere.

use std::borrow::Cow;
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hearsay::analysis::people;
use hearsay::analysis::people::People;
use hearsay::analysis::segment;
use hearsay::analysis::segment::Segmentation;
use hearsay::analysis::tagger::{attributions, Tagger};

mod common;

/// What tagging reads: the segmentation, lowercase tokens and people of a text.
fn prepare(text: &str) -> (Segmentation, Vec<Cow<'_, str>>, People) {
    let seg = segment::segment(text);
    let lower = people::lowercase_tokens(text, &seg);
    let found = people::find(text, &seg, &lower);
    (seg, lower, found)
}

fn tagging(c: &mut Criterion) {
    let text = common::news_article(200_000);
    let (seg, lower, found) = prepare(&text);
    let tagger = Tagger::builtin();
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.measurement_time(Duration::from_secs(5));
    group.sample_size(20);
    group.bench_function("tag", |b| {
        b.iter(|| black_box(tagger.tag(black_box(&text), &seg, &lower, &found)))
    });
    group.bench_function("tag_and_group", |b| {
        b.iter(|| {
            let labels = tagger.tag(black_box(&text), &seg, &lower, &found);
            black_box(attributions(&labels, &seg))
        })
    });
    group.finish();
}

/// One 1 MB paragraph of back-to-back reports: tagging and grouping stay linear.
fn long_paragraph(c: &mut Criterion) {
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str("Smith said that ");
    }
    text.push_str("it rained.");
    let (seg, lower, found) = prepare(&text);
    let tagger = Tagger::builtin();
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("one_long_paragraph", |b| {
        b.iter(|| {
            let labels = tagger.tag(black_box(&text), &seg, &lower, &found);
            black_box(attributions(&labels, &seg))
        })
    });
    group.finish();
}

criterion_group!(benches, tagging, long_paragraph);
criterion_main!(benches);
