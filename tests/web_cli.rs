#![cfg(all(feature = "web", feature = "reader"))]
//! The `hearsay` command on web inputs: saved pages and feeds on disk, and URLs served by a local
//! HTTP server on 127.0.0.1 that the test starts (no other address is ever used).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::{Command, Output, Stdio};
use std::thread;

fn fixture_path(name: &str) -> String {
    format!("{}/tests/fixtures/web/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Serves a few fixed routes, one request per connection, until the test ends.
fn start_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let feed_base = base.clone();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let base = feed_base.clone();
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
                    "/summaries" => (
                        "200 OK",
                        "application/rss+xml",
                        summaries_feed(&base).into_bytes(),
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

/// A feed whose first two entries are only a summary and a link (one to a page, one to a page
/// that is gone) and whose third carries its full text.
fn summaries_feed(base: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Aldren Today</title>
  <link>{base}/</link>
  <description>The day's stories in a line each</description>
  <item>
    <title>Pier to close</title>
    <link>{base}/page</link>
    <description>Councillors vote to shut the Victorian pier.</description>
  </item>
  <item>
    <title>Lifeboat appeal</title>
    <link>{base}/gone</link>
    <description>The lifeboat station asks for volunteers.</description>
  </item>
  <item>
    <title>Market hall reopens</title>
    <link>{base}/market</link>
    <description>Short version.</description>
    <content:encoded><![CDATA[<p>The market hall reopened on Saturday, said trader Nell Hughes.</p>]]></content:encoded>
  </item>
</channel>
</rss>
"#
    )
}

fn hearsay(args: &[&str], cache: &tempfile::TempDir) -> Output {
    command(args, cache).output().unwrap()
}

fn hearsay_with_stdin(args: &[&str], stdin: &str, cache: &tempfile::TempDir) -> Output {
    let mut child = command(args, cache)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn command(args: &[&str], cache: &tempfile::TempDir) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hearsay"));
    command
        .args(args)
        .env("HEARSAY_CACHE_DIR", cache.path())
        .env_remove("HTTP_PROXY")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("http_proxy")
        .env_remove("https_proxy")
        .env_remove("all_proxy");
    command
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

#[test]
fn a_json_feed_in_a_json_file_is_read_as_a_feed() {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quayside.json");
    std::fs::write(
        &path,
        r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Quayside Notes",
  "items": [
    {"id": "tides", "title": "Spring tides due",
     "content_text": "The harbour master, Rhian Pryce, said the spring tides would peak on Sunday.",
     "date_published": "2024-04-06T07:00:00Z"},
    {"id": "nets", "title": "Net loft for sale", "summary": "The old net loft is up for auction."}
  ]
}"#,
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let output = hearsay(&["export", "--format", "jsonl", path], &cache);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let records = records(&output);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["source"], format!("{path}#1"));
    assert_eq!(records[0]["title"], "Spring tides due");
    assert_eq!(records[0]["date"], "2024-04-06T07:00:00+00:00");
    assert_eq!(
        records[0]["text"],
        "The harbour master, Rhian Pryce, said the spring tides would peak on Sunday."
    );
    assert_eq!(records[1]["source"], format!("{path}#2"));
    assert_eq!(records[1]["text"], "The old net loft is up for auction.");
}

/// What `--fetch-links` must make of [`summaries_feed`], whether it was fetched or read from a
/// file named `feed`: the first entry becomes the linked page, the second keeps its summary and
/// its failure is reported, the third keeps its own full text; the exit status is non-zero.
fn assert_links_followed(output: &Output, feed: &str, base: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "a linked page that fails makes the exit status non-zero: {stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "hearsay: error: {base}/gone: the server answered HTTP 404 Not Found (linked from {feed}; \
             the entry keeps the feed's summary)"
        )),
        "{stderr}"
    );
    let records = records(output);
    assert_eq!(records.len(), 3, "{stderr}");
    assert_eq!(records[0]["source"], format!("{feed}#1"));
    assert_eq!(records[0]["title"], "Harbour council votes to close the old pier");
    assert_eq!(records[0]["author"], "Ada Quill");
    let page_text = records[0]["text"].as_str().unwrap();
    assert!(page_text.contains("said Mayor Helena Marsh"), "{page_text}");
    assert_eq!(records[1]["source"], format!("{feed}#2"));
    assert_eq!(records[1]["text"], "The lifeboat station asks for volunteers.");
    assert_eq!(
        records[2]["text"],
        "The market hall reopened on Saturday, said trader Nell Hughes."
    );
}

#[test]
fn fetch_links_follows_the_links_of_a_feed_file() {
    let base = start_server();
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("today.xml");
    std::fs::write(&path, summaries_feed(&base)).unwrap();
    let path = path.to_str().unwrap();

    let output = hearsay(&["export", "--fetch-links", "--format", "jsonl", path], &cache);
    assert_links_followed(&output, path, &base);

    let piped = hearsay_with_stdin(
        &["export", "--fetch-links", "--format", "jsonl", "-"],
        &summaries_feed(&base),
        &cache,
    );
    assert_links_followed(&piped, "-", &base);

    // Without the flag the feed is read as it is, and nothing is fetched or fails.
    let output = hearsay(&["export", "--format", "jsonl", path], &cache);
    assert!(output.status.success());
    let records = records(&output);
    assert_eq!(records[0]["text"], "Councillors vote to shut the Victorian pier.");
    assert_eq!(records[1]["text"], "The lifeboat station asks for volunteers.");
}

#[test]
fn a_linked_page_that_fails_makes_the_exit_status_non_zero_for_urls_too() {
    let base = start_server();
    let cache = tempfile::tempdir().unwrap();
    let feed = format!("{base}/summaries");
    let output = hearsay(&["export", "--fetch-links", "--format", "jsonl", &feed], &cache);
    assert_links_followed(&output, &feed, &base);

    let output = hearsay(&["speakers", "--fetch-links", "--format", "tsv", &feed], &cache);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{stdout}");
    assert!(
        stdout.contains("Helena Marsh"),
        "the linked page is counted: {stdout}"
    );
}
