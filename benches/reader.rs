//! The reader's speed goals: a key press plus a full redraw of a 100 KB article in under 2 ms
//! (the text is wrapped and tagged once per width, not per frame), and the first frame of a
//! directory of 10,000 articles in under 200 ms (articles are shown as they load).

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use hearsay::load::LoadOptions;
use hearsay::reader::action::Action;
use hearsay::reader::app::load_articles;
use hearsay::reader::state::State;
use hearsay::reader::update::update;
use hearsay::reader::view;
use hearsay::{Analysis, Article};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

mod common;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// About 100 KB of news-like text with names, quotations and reported speech.
fn long_article() -> Analysis {
    Analysis::new(Article::from_text("long.txt", common::news_article(100_000)))
}

fn frame(state: &State, buf: &mut Buffer) {
    buf.reset();
    view::render(buf.area, buf, state);
}

fn key_and_redraw(c: &mut Criterion) {
    let analysis = long_article();
    let mut state = State::default();
    update(&mut state, Action::Resize(WIDTH, HEIGHT));
    update(&mut state, Action::Loaded(Box::new(analysis.clone())));
    update(&mut state, Action::SelectSpeaker(1));
    let mut buf = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    frame(&state, &mut buf);
    c.bench_function("reader: j + full redraw, 100 KB article", |b| {
        let mut down = true;
        b.iter(|| {
            if state.top_line() == 0 || state.top_line() >= 2000 {
                down = !down;
            }
            update(
                &mut state,
                if down {
                    Action::ScrollDown
                } else {
                    Action::ScrollUp
                },
            );
            frame(&state, &mut buf);
        })
    });
    c.bench_function("reader: n + full redraw, 100 KB article", |b| {
        b.iter(|| {
            update(&mut state, Action::Next);
            frame(&state, &mut buf);
        })
    });
    c.bench_function("reader: resize (rewrap) + full redraw, 100 KB article", |b| {
        let mut w = WIDTH;
        b.iter(|| {
            w = if w == WIDTH { WIDTH - 1 } else { WIDTH };
            update(&mut state, Action::Resize(w, HEIGHT));
            frame(&state, &mut buf);
        })
    });
}

/// A directory of 10,000 short articles, written once.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("news");
    for i in 0..10_000 {
        let sub = root.join(format!("{:03}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        let text = format!(
            "Story {i}\n\nMayor Ann Lee said the bridge number {i} would open in May.\n\n\
             \"We have waited long enough,\" Lee told reporters. Council member Bob Ray says the cost is too high.\n"
        );
        std::fs::write(sub.join(format!("{i:05}.txt")), text).unwrap();
    }
    (dir, root)
}

fn first_frame_of_a_big_directory(c: &mut Criterion) {
    let (_dir, root) = corpus();
    let mut group = c.benchmark_group("reader: first frame, 10,000 articles");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("open directory to first frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let (tx, rx) = mpsc::channel();
                let paths = vec![root.clone()];
                let loader = std::thread::spawn(move || {
                    load_articles(&paths, &LoadOptions::default(), |a| tx.send(a).is_ok());
                });
                let mut state = State::default();
                update(&mut state, Action::Resize(WIDTH, HEIGHT));
                while state.docs.is_empty() {
                    match rx.recv() {
                        Ok(a) => {
                            update(&mut state, a);
                        }
                        Err(_) => break,
                    }
                }
                let mut buf = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
                frame(&state, &mut buf);
                total += start.elapsed();
                assert!(!state.docs.is_empty());
                // Stop the loader: it ends at its next article once nobody listens.
                drop(rx);
                loader.join().unwrap();
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, key_and_redraw, first_frame_of_a_big_directory);
criterion_main!(benches);
