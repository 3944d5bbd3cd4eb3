//! Throughput of the attribution tagger (features, POS tagging, both stages of Viterbi).
//!
//! Goal: at least 5 MB/s per core, so that the export stays within 10x `wc -w` over a
//! corpus. The article is generated here, not read from a corpus, so the benchmark runs
//! anywhere.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hearsay::analysis::people;
use hearsay::analysis::segment;
use hearsay::analysis::tagger::{attributions, Tagger};

/// A news-like article of about `target` bytes, with direct and reported speech.
fn article(target: usize) -> String {
    let paragraphs = [
        "The county board said on Thursday that it would delay the vote on the new water \
         plan until the spring, citing the cost of the pipes.",
        "\u{201c}We are not going to rush this,\u{201d} board chair Helen Okafor told reporters. \
         \u{201c}People want to know what they will pay.\u{201d}",
        "Critics, including Rep. Daniel Voss, accused the board of stalling, and said the \
         delay could cost the county its federal grant.",
        "A spokesman for the utility declined to comment, but two engineers familiar with \
         the project said the pipes were older than the plan assumed, according to notes \
         of a meeting last week.",
        "Okafor says she expects a decision by April. She also says the board will hold two \
         public hearings first.",
        "\"It's a mess,\" said Luis Ferreira, who runs a bakery on Main Street. \"Nobody \
         tells us anything.\"",
    ];
    let mut text = String::from("Board Delays Water Plan Vote\n\n");
    let mut i = 0;
    while text.len() < target {
        text.push_str(paragraphs[i % paragraphs.len()]);
        text.push_str("\n\n");
        i += 1;
    }
    text
}

fn tagging(c: &mut Criterion) {
    let text = article(200_000);
    let seg = segment::segment(&text);
    let lower = people::lowercase_tokens(&text, &seg);
    let found = people::find(&text, &seg, &lower);
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
    let seg = segment::segment(&text);
    let lower = people::lowercase_tokens(&text, &seg);
    let found = people::find(&text, &seg, &lower);
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
