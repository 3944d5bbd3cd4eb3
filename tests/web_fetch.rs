#![cfg(feature = "web")]
//! Fetching against a local HTTP server that each test starts on 127.0.0.1 (and nothing else):
//! pages, feeds, redirects, failures, limits and the cache.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use hearsay::load::{self, Input, LoadError, LoadOptions};
use hearsay::web::feed::entries_from_feed;
use hearsay::web::fetch::{
    fetch, fetch_articles_with, fetch_linked_with, fetch_links_with, FetchConfig, NetworkPolicy, USER_AGENT,
};
use hearsay::web::WebError;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/web/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    headers: Vec<(String, String)>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    /// Wait before answering at all.
    delay: Duration,
    /// Send the body a few bytes at a time, pausing between them.
    trickle: bool,
    /// Announce the body's length (else the body ends when the connection closes).
    content_length: bool,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        let mut headers = Vec::new();
        if !content_type.is_empty() {
            headers.push(("Content-Type", content_type.to_owned()));
        }
        Reply {
            status,
            headers,
            body: body.into(),
            delay: Duration::ZERO,
            trickle: false,
            content_length: true,
        }
    }

    fn redirect(to: &str) -> Reply {
        let mut reply = Reply::new(302, "text/plain", "moved");
        reply.headers.push(("Location", to.to_owned()));
        reply
    }

    fn header(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.to_owned()));
        self
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        _ => "Status",
    }
}

struct Server {
    base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    /// Serves `route(request, base_url)` on a fresh port of 127.0.0.1, one thread per connection.
    fn start(route: fn(&Seen, &str) -> Reply) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (server_base, server_seen) = (base.clone(), Arc::clone(&seen));
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (base, seen) = (server_base.clone(), Arc::clone(&server_seen));
                thread::spawn(move || serve(stream, route, &base, &seen));
            }
        });
        Server { base, seen }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, route: fn(&Seen, &str) -> Reply, base: &str, seen: &Mutex<Vec<Seen>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.trim_end().split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    let request = Seen { path, headers };
    seen.lock().unwrap().push(request.clone());
    let reply = route(&request, base);
    thread::sleep(reply.delay);
    let mut out = stream;
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nConnection: close\r\n",
        reply.status,
        reason(reply.status)
    );
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if reply.content_length {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    head.push_str("\r\n");
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    if reply.trickle {
        for chunk in reply.body.chunks(8) {
            if out.write_all(chunk).and_then(|()| out.flush()).is_err() {
                return;
            }
            thread::sleep(Duration::from_millis(100));
        }
    } else {
        let _ = out.write_all(&reply.body);
    }
}

fn routes(request: &Seen, base: &str) -> Reply {
    let path = request.path.as_str();
    match path {
        "/page" => Reply::new(200, "text/html; charset=utf-8", fixture("news_article.html")),
        "/untyped-page" => Reply::new(200, "", fixture("blog_post.html")),
        "/feed" => Reply::new(200, "application/rss+xml", fixture("rss2_content.xml")),
        "/feed.json" => Reply::new(200, "application/json", fixture("feed.json")),
        "/empty-feed" => Reply::new(200, "application/rss+xml", fixture("rss2_empty.xml")),
        "/image" => Reply::new(200, "image/png", vec![0x89, b'P', b'N', b'G']),
        "/text" => Reply::new(200, "text/plain", "Just a note, neither page nor feed."),
        "/missing" => Reply::new(404, "text/html", "<h1>Not here</h1>"),
        "/loop-a" => Reply::redirect("/loop-b"),
        "/loop-b" => Reply::redirect(&format!("{base}/loop-a")),
        "/slow" => Reply {
            delay: Duration::from_secs(3),
            ..Reply::new(200, "text/html", "<p>late</p>")
        },
        "/trickle" => Reply {
            trickle: true,
            ..Reply::new(200, "text/html", fixture("news_article.html"))
        },
        "/big" => Reply::new(200, "text/html", format!("<p>{}</p>", "word ".repeat(20_000))),
        "/big-unannounced" => Reply {
            content_length: false,
            ..Reply::new(200, "text/html", format!("<p>{}</p>", "word ".repeat(20_000)))
        },
        "/etag" => {
            if request.header("If-None-Match") == Some("\"v1\"") {
                Reply::new(304, "", "").header("ETag", "\"v1\"")
            } else {
                Reply::new(200, "text/html", fixture("wire_story.html")).header("ETag", "\"v1\"")
            }
        }
        "/modified" => {
            let stamp = "Sat, 12 Apr 2025 20:40:00 GMT";
            if request.header("If-Modified-Since") == Some(stamp) {
                Reply::new(304, "", "")
            } else {
                Reply::new(200, "text/html", fixture("magazine_feature.html")).header("Last-Modified", stamp)
            }
        }
        "/summaries" => Reply::new(
            200,
            "application/rss+xml",
            format!(
                r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Headlines</title><link>{base}/</link>
                <item><title>Pier</title><link>{base}/page</link><description>The pier closes.</description></item>
                <item><title>Gone</title><link>{base}/missing</link><description>A story that was taken down.</description></item>
                <item><title>Full</title><link>{base}/page</link><description>Short.</description>
                  <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>The full story is in the feed.</p>]]></content:encoded></item>
                <item><title>Rail</title><link>{base}/etag</link><description>Talks collapse.</description></item>
                </channel></rss>"#
            ),
        ),
        _ => {
            // /redirect/N: N more redirects, then the page.
            if let Some(n) = path
                .strip_prefix("/redirect/")
                .and_then(|n| n.parse::<u32>().ok())
            {
                return if n == 0 {
                    Reply::redirect("/page")
                } else {
                    Reply::redirect(&format!("/redirect/{}", n - 1))
                };
            }
            Reply::new(404, "text/plain", "no such route")
        }
    }
}

/// Limits short enough for tests, and a cache of the test's own.
fn config(cache: &tempfile::TempDir) -> FetchConfig {
    FetchConfig {
        connect_timeout: Duration::from_secs(5),
        timeout: Duration::from_secs(5),
        cache_dir: Some(cache.path().to_owned()),
        ..FetchConfig::default()
    }
}

const ONLINE: NetworkPolicy = NetworkPolicy {
    offline: false,
    no_cache: false,
};
const NO_CACHE: NetworkPolicy = NetworkPolicy {
    offline: false,
    no_cache: true,
};
const OFFLINE: NetworkPolicy = NetworkPolicy {
    offline: true,
    no_cache: false,
};

fn quiet(_: usize, _: usize) {}

#[test]
fn a_page_is_one_article_and_says_who_asked() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let url = server.url("/page");
    let fetched = fetch_articles_with(&url, &LoadOptions::default(), &config(&cache), &quiet).unwrap();
    assert!(fetched.link_errors.is_empty());
    let articles = fetched.articles;
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].source, url);
    assert_eq!(
        articles[0].title.as_deref(),
        Some("Harbour council votes to close the old pier")
    );
    assert_eq!(
        articles[0].url.as_deref(),
        Some("https://courier.example/news/2024/03/harbour-council-pier")
    );
    assert!(articles[0].text.contains("said Mayor Helena Marsh"));
    assert!(!articles[0].text.contains("harbourwatcher"));

    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].header("User-Agent"), Some(USER_AGENT));
    assert_eq!(
        USER_AGENT,
        concat!("hearsay/", env!("CARGO_PKG_VERSION"), " (+terminal news reader)")
    );
    assert!(seen[0]
        .header("Accept")
        .is_some_and(|a| a.contains("text/html") && a.contains("application/rss+xml")));
}

#[test]
fn a_feed_is_one_article_per_entry() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let url = server.url("/feed");
    let articles = fetch_articles_with(&url, &LoadOptions::default(), &config(&cache), &quiet)
        .unwrap()
        .articles;
    assert_eq!(articles.len(), 3);
    assert_eq!(articles[0].source, format!("{url}#1"));
    assert_eq!(articles[2].source, format!("{url}#3"));
    assert_eq!(articles[1].author.as_deref(), Some("Ben Osei"));
}

#[test]
fn generic_or_missing_content_types_are_sniffed() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let json = fetch_articles_with(
        &server.url("/feed.json"),
        &LoadOptions::default(),
        &config(&cache),
        &quiet,
    );
    assert_eq!(
        json.unwrap().articles.len(),
        2,
        "a JSON Feed served as application/json"
    );
    let page = fetch_articles_with(
        &server.url("/untyped-page"),
        &LoadOptions::default(),
        &config(&cache),
        &quiet,
    );
    assert_eq!(
        page.unwrap().articles[0].author.as_deref(),
        Some("Marcus Lindqvist")
    );
}

#[test]
fn redirects_are_followed_up_to_five() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    // /redirect/4 takes five redirects to reach /page.
    let fetched = fetch(&server.url("/redirect/4"), ONLINE, &config(&cache)).unwrap();
    assert_eq!(fetched.url, server.url("/redirect/4"));
    assert_eq!(fetched.final_url, server.url("/page"));
    assert_eq!(server.seen().len(), 6);

    let error = fetch(&server.url("/redirect/5"), ONLINE, &config(&cache)).unwrap_err();
    assert!(
        matches!(error, WebError::TooManyRedirects { max: 5, .. }),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        format!("{}: more than 5 redirects", server.url("/redirect/5"))
    );
}

#[test]
fn a_redirect_loop_is_named() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let error = fetch(&server.url("/loop-a"), ONLINE, &config(&cache)).unwrap_err();
    assert!(matches!(error, WebError::RedirectLoop { .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        format!(
            "{}: redirect loop (redirected back to {})",
            server.url("/loop-a"),
            server.url("/loop-a")
        )
    );
    assert_eq!(server.seen().len(), 2, "the loop is caught as soon as it closes");
}

#[test]
fn http_errors_name_the_url_and_status() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let error = fetch(&server.url("/missing"), ONLINE, &config(&cache)).unwrap_err();
    assert!(matches!(error, WebError::Status { status: 404, .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        format!(
            "{}: the server answered HTTP 404 Not Found",
            server.url("/missing")
        )
    );
}

#[test]
fn a_slow_server_hits_the_timeout() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let config = FetchConfig {
        timeout: Duration::from_millis(300),
        ..config(&cache)
    };
    let error = fetch(&server.url("/slow"), ONLINE, &config).unwrap_err();
    assert!(matches!(error, WebError::Timeout { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with(&format!("{}: timed out", server.url("/slow"))),
        "{error}"
    );

    // Headers in time, but the body trickles in for longer than the whole-response limit.
    let error = fetch(&server.url("/trickle"), ONLINE, &config).unwrap_err();
    assert!(matches!(error, WebError::Timeout { .. }), "{error:?}");
}

#[test]
fn bodies_over_the_cap_are_refused() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let config = FetchConfig {
        max_body: 10_000,
        ..config(&cache)
    };
    for path in ["/big", "/big-unannounced"] {
        let error = fetch(&server.url(path), ONLINE, &config).unwrap_err();
        assert!(
            matches!(error, WebError::TooLarge { cap: 10_000, .. }),
            "{path}: {error:?}"
        );
        assert_eq!(
            error.to_string(),
            format!(
                "{}: the response is larger than the 10000 byte limit",
                server.url(path)
            )
        );
    }
    assert!(
        fetch(&server.url("/page"), ONLINE, &config).is_ok(),
        "smaller bodies pass"
    );
}

#[test]
fn other_content_types_are_refused() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let opts = LoadOptions::default();
    let error = fetch_articles_with(&server.url("/image"), &opts, &config(&cache), &quiet).unwrap_err();
    assert!(
        matches!(error, WebError::UnsupportedContentType { .. }),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        format!(
            "{}: unsupported content type `image/png` (expected an HTML page or a feed)",
            server.url("/image")
        )
    );
    let error = fetch_articles_with(&server.url("/text"), &opts, &config(&cache), &quiet).unwrap_err();
    assert!(
        matches!(error, WebError::UnsupportedContentType { .. }),
        "plain text that is no page: {error:?}"
    );

    let error = fetch_articles_with(&server.url("/empty-feed"), &opts, &config(&cache), &quiet).unwrap_err();
    assert!(matches!(error, WebError::EmptyFeed { .. }), "{error:?}");
}

#[test]
fn bad_urls_and_closed_ports_fail_cleanly() {
    let cache = tempfile::tempdir().unwrap();
    for url in ["ftp://127.0.0.1/file", "not a url", "file:///etc/hostname"] {
        let error = fetch(url, ONLINE, &config(&cache)).unwrap_err();
        assert!(matches!(error, WebError::BadUrl { .. }), "{url}: {error:?}");
        assert!(error.to_string().starts_with(url), "{error}");
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/page");
    let error = fetch(&url, ONLINE, &config(&cache)).unwrap_err();
    assert!(matches!(error, WebError::Network { .. }), "{error:?}");
    assert!(error.to_string().starts_with(&url), "{error}");
}

#[test]
fn etags_revalidate_the_cache() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let url = server.url("/etag");
    let first = fetch(&url, ONLINE, &config(&cache)).unwrap();
    assert!(!first.from_cache);
    let second = fetch(&url, ONLINE, &config(&cache)).unwrap();
    assert!(second.from_cache, "304 Not Modified answers from the cache");
    assert_eq!(second.body, first.body);
    assert_eq!(second.content_type.as_deref(), Some("text/html"));
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].header("If-None-Match"), None);
    assert_eq!(seen[1].header("If-None-Match"), Some("\"v1\""));

    let articles = fetch_articles_with(&url, &LoadOptions::default(), &config(&cache), &quiet)
        .unwrap()
        .articles;
    assert_eq!(
        articles[0].title.as_deref(),
        Some("Rail strike talks collapse after twelve hours")
    );
}

#[test]
fn last_modified_revalidates_the_cache() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let url = server.url("/modified");
    assert!(!fetch(&url, ONLINE, &config(&cache)).unwrap().from_cache);
    assert!(fetch(&url, ONLINE, &config(&cache)).unwrap().from_cache);
    assert_eq!(
        server.seen()[1].header("If-Modified-Since"),
        Some("Sat, 12 Apr 2025 20:40:00 GMT")
    );
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let url = server.url("/etag");
    assert!(!fetch(&url, NO_CACHE, &config(&cache)).unwrap().from_cache);
    assert_eq!(
        std::fs::read_dir(cache.path()).map(|d| d.count()).unwrap_or(0),
        0,
        "nothing written"
    );
    fetch(&url, ONLINE, &config(&cache)).unwrap();
    assert!(!fetch(&url, NO_CACHE, &config(&cache)).unwrap().from_cache);
    assert!(server.seen().iter().all(|s| s.header("If-None-Match").is_none()));
}

#[test]
fn offline_uses_only_the_cache() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let url = server.url("/page");
    let error = fetch(&url, OFFLINE, &config(&cache)).unwrap_err();
    assert!(matches!(error, WebError::Offline { .. }), "{error:?}");
    assert!(error
        .to_string()
        .starts_with(&format!("{url}: network access is forbidden by --offline")));
    assert!(server.seen().is_empty(), "offline means no request at all");

    fetch(&url, ONLINE, &config(&cache)).unwrap();
    let offline = LoadOptions {
        offline: true,
        ..LoadOptions::default()
    };
    let articles = fetch_articles_with(&url, &offline, &config(&cache), &quiet)
        .unwrap()
        .articles;
    assert_eq!(
        articles[0].title.as_deref(),
        Some("Harbour council votes to close the old pier")
    );
    assert_eq!(server.seen().len(), 1);
}

#[test]
fn fetch_links_replaces_summaries_with_linked_pages() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let opts = LoadOptions {
        fetch_links: true,
        ..LoadOptions::default()
    };
    let calls = Mutex::new(Vec::new());
    let progress = |done: usize, total: usize| calls.lock().unwrap().push((done, total));
    let fetched = fetch_articles_with(&server.url("/summaries"), &opts, &config(&cache), &progress).unwrap();

    let articles = fetched.articles;
    assert_eq!(articles.len(), 4);
    assert_eq!(
        articles[0].source,
        format!("{}#1", server.url("/summaries")),
        "entries keep their place"
    );
    assert_eq!(
        articles[0].title.as_deref(),
        Some("Harbour council votes to close the old pier"),
        "the page's title"
    );
    assert!(
        articles[0].text.contains("said Mayor Helena Marsh"),
        "{}",
        articles[0].text
    );
    assert_eq!(
        articles[1].text, "A story that was taken down.",
        "a failed link keeps its summary"
    );
    assert_eq!(
        articles[2].text, "The full story is in the feed.",
        "entries with content are not fetched"
    );
    assert!(
        articles[3].text.contains("Sofia Carvalho"),
        "{}",
        articles[3].text
    );

    assert_eq!(fetched.link_errors.len(), 1);
    assert!(matches!(
        fetched.link_errors[0],
        WebError::Status { status: 404, .. }
    ));
    let mut calls = calls.into_inner().unwrap();
    calls.sort();
    assert_eq!(calls, [(1, 3), (2, 3), (3, 3)]);
    let fetched_paths: Vec<String> = server.seen().into_iter().map(|s| s.path).collect();
    assert_eq!(
        fetched_paths.iter().filter(|p| *p == "/page").count(),
        1,
        "{fetched_paths:?}"
    );
}

#[test]
fn linked_pages_fetch_on_demand_and_in_parallel() {
    let server = Server::start(routes);
    let cache = tempfile::tempdir().unwrap();
    let feed = format!(
        r#"<rss version="2.0"><channel><title>T</title>
        <item><title>One</title><link>{0}/page</link><description>s1</description></item>
        <item><title>Two</title><link>{0}/etag</link><description>s2</description></item>
        <item><title>Three</title><link>{0}/modified</link><description>s3</description></item>
        <item><title>Four</title><link>{0}/redirect/1</link><description>s4</description></item>
        <item><title>Five</title><link>{0}/image</link><description>s5</description></item>
        </channel></rss>"#,
        server.base
    );
    let entries = entries_from_feed("local.xml", feed.as_bytes()).unwrap();

    let one = fetch_linked_with(&entries[0].article, ONLINE, &config(&cache)).unwrap();
    assert_eq!(one.source, "local.xml#1");
    assert!(one.text.contains("said Mayor Helena Marsh"));

    let config = FetchConfig {
        parallel: 2,
        ..config(&cache)
    };
    let (articles, errors) = fetch_links_with(entries, ONLINE, &config, &quiet);
    assert_eq!(articles.len(), 5);
    assert!(articles[1].text.contains("Sofia Carvalho"));
    assert!(articles[2].text.contains("Duncan Mair"));
    assert!(articles[3].text.contains("said Mayor Helena Marsh"));
    assert_eq!(articles[4].text, "s5");
    assert_eq!(errors.len(), 1);
    assert!(
        matches!(errors[0], WebError::UnsupportedContentType { .. }),
        "{:?}",
        errors[0]
    );
}

#[test]
fn loading_with_fetch_links_makes_failed_links_errors_of_their_input() {
    let server = Server::start(routes);
    // The standard limits and no cache: the test never writes to the user's cache directory.
    let opts = LoadOptions {
        no_cache: true,
        fetch_links: true,
        ..LoadOptions::default()
    };
    let check = |loaded: load::Loaded, input: &str| {
        assert_eq!(loaded.articles.len(), 4, "{:?}", loaded.errors);
        assert_eq!(loaded.articles[0].source, format!("{input}#1"));
        assert!(loaded.articles[0].text.contains("said Mayor Helena Marsh"));
        assert_eq!(loaded.articles[1].text, "A story that was taken down.");
        match &loaded.errors[..] {
            [error @ LoadError::Link {
                error: WebError::Status { status: 404, .. },
                ..
            }] => {
                assert_eq!(error.path(), input);
                assert_eq!(
                    error.to_string(),
                    format!(
                        "{}: the server answered HTTP 404 Not Found (linked from {input}; the entry \
                         keeps the feed's summary)",
                        server.url("/missing")
                    )
                );
            }
            other => panic!("{other:?}"),
        }
    };

    let url = server.url("/summaries");
    check(load::load(&Input::Url(url.clone()), &opts).unwrap(), &url);

    // The same feed saved to disk follows its links too.
    let feed = fetch(&url, NO_CACHE, &FetchConfig::default()).unwrap().body;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("summaries.rss");
    std::fs::write(&path, &feed).unwrap();
    let name = path.display().to_string();
    let before = server.seen().len();
    check(load::load(&Input::File(path.clone()), &opts).unwrap(), &name);
    assert_eq!(
        server.seen().len() - before,
        3,
        "the three summary-only entries with links"
    );

    // Without the option nothing is fetched and nothing fails.
    let before = server.seen().len();
    let plain = LoadOptions {
        fetch_links: false,
        ..opts
    };
    let loaded = load::load(&Input::File(path), &plain).unwrap();
    assert!(loaded.errors.is_empty());
    assert_eq!(loaded.articles[0].text, "The pier closes.");
    assert_eq!(server.seen().len(), before);
}
