#![cfg(all(feature = "web", feature = "reader"))]
//! The `hearsay` command on web inputs: saved pages and feeds on disk, and URLs served by a local
//! HTTP server on 127.0.0.1 that the test starts (no other address is ever used).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::{Command, Output};
use std::thread;

fn fixture_path(name: &str) -> String {
    format!("{}/tests/fixtures/web/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Serves a few fixed routes, one request per connection, until the test ends.
fn start_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                let _ = reader.read_line(&mut request_line);
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).map_or(true, |n| n == 0) || header.trim().is_empty() {
                        break;
                    }
                }
                let path = request_line.split_whitespace().nth(1).unwrap_or("/");
                let (status, content_type, body) = match path {
                    "/feed" => (
                        "200 OK",
                        "application/rss+xml",
                        std::fs::read(fixture_path("rss2_content.xml")).unwrap(),
                    ),
                    "/page" => (
                        "200 OK",
                        "text/html",
                        std::fs::read(fixture_path("news_article.html")).unwrap(),
                    ),
                    _ => ("404 Not Found", "text/plain", b"no".to_vec()),
                };
                let mut out = stream;
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = out.write_all(head.as_bytes()).and_then(|()| out.write_all(&body));
            });
        }
    });
    base
}

fn hearsay(args: &[&str], cache: &tempfile::TempDir) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(args)
        .env("HEARSAY_CACHE_DIR", cache.path())
        .env_remove("HTTP_PROXY")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("http_proxy")
        .env_remove("https_proxy")
        .env_remove("all_proxy")
        .output()
        .unwrap()
}

fn records(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn saved_pages_and_feeds_export_with_their_metadata() {
    let cache = tempfile::tempdir().unwrap();
    let page = fixture_path("news_article.html");
    let feed = fixture_path("atom.xml");
    let output = hearsay(&["export", "--format", "jsonl", &page, &feed], &cache);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let records = records(&output);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["title"], "Harbour council votes to close the old pier");
    assert_eq!(records[0]["author"], "Ada Quill");
    assert_eq!(records[1]["source"], format!("{feed}#1"));
    assert_eq!(
        records[1]["url"],
        "https://meridianwire.example/world/rail-strike-talks-collapse-0412"
    );
    assert!(!records[0]["text"].as_str().unwrap().contains("harbourwatcher"));
}

#[test]
fn urls_are_fetched_cached_and_failures_named() {
    let base = start_server();
    let cache = tempfile::tempdir().unwrap();
    let feed = format!("{base}/feed");
    let missing = format!("{base}/missing");
    let output = hearsay(&["export", "--format", "jsonl", &feed, &missing], &cache);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "a failed input makes the exit status non-zero"
    );
    assert!(
        stderr.contains(&format!("{missing}: the server answered HTTP 404 Not Found")),
        "{stderr}"
    );
    let loaded = records(&output);
    assert_eq!(loaded.len(), 3, "the feed still loads");
    assert_eq!(loaded[0]["source"], format!("{feed}#1"));

    let cached: Vec<_> = std::fs::read_dir(cache.path()).unwrap().collect();
    assert_eq!(cached.len(), 1, "the feed is cached in $HEARSAY_CACHE_DIR");

    // The feed is in the cache now: offline it still opens, an uncached URL does not.
    let page = format!("{base}/page");
    let output = hearsay(
        &["--offline", "export", "--format", "jsonl", &feed, &page],
        &cache,
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(records(&output).len(), 3);
    assert!(
        stderr.contains(&format!("{page}: network access is forbidden by --offline")),
        "{stderr}"
    );
    assert!(!output.status.success());
}
