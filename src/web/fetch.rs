//! Getting pages and feeds over HTTP(S): a blocking client (ureq, rustls) with bounded
//! redirects, time and size, a content-type check, and the on-disk [`cache`](super::cache).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::cache::{Cache, CachedResponse};
use super::feed::{self, FeedEntry};
use super::{decode, html, sniff, Sniffed, WebError};
use crate::Article;

/// The User-Agent every request carries, so that site operators can tell what is calling.
pub const USER_AGENT: &str = concat!("hearsay/", env!("CARGO_PKG_VERSION"), " (+terminal news reader)");

const ACCEPT: &str = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, \
                      application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, \
                      application/json;q=0.8, */*;q=0.1";

/// Limits and places for fetching. [`FetchConfig::default`] holds the limits hearsay uses; tests
/// shorten them.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Time allowed to open the connection.
    pub connect_timeout: Duration,
    /// Time allowed for the whole fetch, redirects and body included.
    pub timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Largest body accepted, in bytes.
    pub max_body: u64,
    /// The cache directory; `None` for [`Cache::locate`]'s choice.
    pub cache_dir: Option<PathBuf>,
    /// Pages fetched at once by [`fetch_links_with`].
    pub parallel: usize,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_redirects: 5,
            max_body: 20 * 1024 * 1024,
            cache_dir: None,
            parallel: 4,
        }
    }
}

/// Whether the network may be used and the cache consulted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NetworkPolicy {
    /// No network access at all: only what the cache holds.
    pub offline: bool,
    /// Neither read nor write the cache.
    pub no_cache: bool,
}

/// A fetched document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL asked for.
    pub url: String,
    /// The URL the body came from, after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    /// Whether the body came from the cache (unchanged on the server, or offline).
    pub from_cache: bool,
}

impl Fetched {
    /// What the document is: by its content type when that says, else by its first bytes.
    pub fn kind(&self) -> Result<Sniffed, WebError> {
        let declared = self.content_type.as_deref().map(mime_type);
        match declared.as_deref().map(classify) {
            Some(Kind::Html) => Ok(Sniffed::Html),
            Some(Kind::Feed) => Ok(Sniffed::Feed),
            Some(Kind::Unsupported) => Err(self.unsupported()),
            Some(Kind::Ambiguous) | None => sniff(&self.body).ok_or_else(|| self.unsupported()),
        }
    }

    fn unsupported(&self) -> WebError {
        WebError::UnsupportedContentType {
            url: self.final_url.clone(),
            content_type: self
                .content_type
                .clone()
                .unwrap_or_else(|| "none given".to_owned()),
        }
    }

    /// The document as articles: a page is one, a feed one per entry.
    pub fn entries(&self) -> Result<Vec<FeedEntry>, WebError> {
        match self.kind()? {
            Sniffed::Html => {
                let charset = self.content_type.as_deref().and_then(charset);
                let text = decode(&self.body, charset.as_deref());
                let article = html::article_from_html(&self.url, &text, Some(&self.final_url))?;
                Ok(vec![FeedEntry {
                    article,
                    summary_only: false,
                }])
            }
            Sniffed::Feed => feed::entries_from_feed(&self.url, &self.body),
        }
    }
}

enum Kind {
    Html,
    Feed,
    /// Generic types (XML, JSON, octet streams, plain text) that may hold either: the body decides.
    Ambiguous,
    Unsupported,
}

fn mime_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_owned())
    })
}

fn classify(mime: &str) -> Kind {
    match mime {
        "text/html" | "application/xhtml+xml" => Kind::Html,
        "application/rss+xml"
        | "application/atom+xml"
        | "application/rdf+xml"
        | "application/feed+json"
        | "application/x-rss+xml"
        | "application/rss" => Kind::Feed,
        ""
        | "application/xml"
        | "text/xml"
        | "application/json"
        | "text/plain"
        | "application/octet-stream"
        | "binary/octet-stream" => Kind::Ambiguous,
        _ => Kind::Unsupported,
    }
}

/// Fetches `url` (http or https) under `policy` and `config`: follows up to
/// `config.max_redirects` redirects, refuses loops, bodies over `config.max_body` and
/// responses slower than `config.timeout`, and revalidates a cached copy with `If-None-Match` /
/// `If-Modified-Since`, using it on `304 Not Modified`. Offline, only the cache answers.
pub fn fetch(url: &str, policy: NetworkPolicy, config: &FetchConfig) -> Result<Fetched, WebError> {
    let parsed = url::Url::parse(url).map_err(|e| WebError::BadUrl {
        url: url.to_owned(),
        reason: e.to_string(),
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(WebError::BadUrl {
            url: url.to_owned(),
            reason: format!("the scheme `{}` is not http or https", parsed.scheme()),
        });
    }
    let cache = if policy.no_cache {
        None
    } else {
        Cache::locate(config.cache_dir.as_deref())
    };
    let cached = cache.as_ref().and_then(|c| c.get(url));
    if policy.offline {
        return cached
            .map(|c| from_cache(url, c))
            .ok_or_else(|| WebError::Offline { url: url.to_owned() });
    }

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        // Redirects are followed here, not by ureq, to tell a loop from a long chain and to
        // name the URL that failed.
        .max_redirects(0)
        .timeout_connect(Some(config.connect_timeout))
        .user_agent(USER_AGENT)
        .accept(ACCEPT)
        .build()
        .into();
    let deadline = Instant::now() + config.timeout;
    let timeout = |at: &str| WebError::Timeout {
        url: at.to_owned(),
        seconds: config.timeout.as_secs_f64(),
    };
    let mut current = parsed;
    let mut visited: HashSet<String> = HashSet::from([current.to_string()]);
    let mut redirects = 0;
    loop {
        let at = current.to_string();
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(timeout(&at));
        }
        let mut request = agent.get(at.as_str());
        if let Some(cached) = &cached {
            if let Some(etag) = &cached.etag {
                request = request.header("If-None-Match", etag.as_str());
            }
            if let Some(modified) = &cached.last_modified {
                request = request.header("If-Modified-Since", modified.as_str());
            }
        }
        let response = request
            .config()
            .timeout_global(Some(remaining))
            // The machine itself is never reached through a proxy from the environment.
            .proxy(if is_loopback(&current) {
                None
            } else {
                ureq::Proxy::try_from_env()
            })
            .build()
            .call()
            .map_err(|e| request_error(&at, e, config))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
                .filter(|v| !v.is_empty())
        };

        if matches!(status, 301 | 302 | 303 | 307 | 308) {
            let target = header("location")
                .and_then(|location| current.join(&location).ok())
                .filter(|t| matches!(t.scheme(), "http" | "https"))
                .ok_or(WebError::BadRedirect {
                    url: at.clone(),
                    status,
                })?;
            if !visited.insert(target.to_string()) {
                return Err(WebError::RedirectLoop {
                    url: url.to_owned(),
                    target: target.to_string(),
                });
            }
            redirects += 1;
            if redirects > config.max_redirects {
                return Err(WebError::TooManyRedirects {
                    url: url.to_owned(),
                    max: config.max_redirects,
                });
            }
            current = target;
            continue;
        }
        if status == 304 {
            if let Some(cached) = cached {
                return Ok(from_cache(url, cached));
            }
        }
        if !(200..300).contains(&status) {
            let reason = response.status().canonical_reason().unwrap_or("").to_owned();
            return Err(WebError::Status {
                url: at,
                status,
                reason,
            });
        }

        let content_type = header("content-type");
        // A type that can be neither page nor feed is refused before its body is downloaded.
        if let Some(Kind::Unsupported) = content_type.as_deref().map(|c| classify(&mime_type(c))) {
            return Err(WebError::UnsupportedContentType {
                url: at,
                content_type: content_type.unwrap_or_default(),
            });
        }
        if header("content-length")
            .and_then(|l| l.parse::<u64>().ok())
            .is_some_and(|l| l > config.max_body)
        {
            return Err(WebError::TooLarge {
                url: at,
                cap: config.max_body,
            });
        }
        let etag = header("etag");
        let last_modified = header("last-modified");
        let mut response = response;
        let body = response
            .body_mut()
            .with_config()
            .limit(config.max_body)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => WebError::TooLarge {
                    url: at.clone(),
                    cap: config.max_body,
                },
                other => request_error(&at, other, config),
            })?;
        let fetched = Fetched {
            url: url.to_owned(),
            final_url: at,
            content_type,
            body,
            from_cache: false,
        };
        if let Some(cache) = &cache {
            // A cache that cannot be written only costs a download next time.
            let _ = cache.put(&CachedResponse {
                url: url.to_owned(),
                final_url: fetched.final_url.clone(),
                etag,
                last_modified,
                content_type: fetched.content_type.clone(),
                body: fetched.body.clone(),
            });
        }
        return Ok(fetched);
    }
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

fn from_cache(url: &str, cached: CachedResponse) -> Fetched {
    Fetched {
        url: url.to_owned(),
        final_url: cached.final_url,
        content_type: cached.content_type,
        body: cached.body,
        from_cache: true,
    }
}

fn request_error(url: &str, error: ureq::Error, config: &FetchConfig) -> WebError {
    let timed_out = |seconds: Duration| WebError::Timeout {
        url: url.to_owned(),
        seconds: seconds.as_secs_f64(),
    };
    match error {
        ureq::Error::Timeout(ureq::Timeout::Connect) => timed_out(config.connect_timeout),
        ureq::Error::Timeout(_) => timed_out(config.timeout),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => timed_out(config.timeout),
        ureq::Error::BodyExceedsLimit(_) => WebError::TooLarge {
            url: url.to_owned(),
            cap: config.max_body,
        },
        ureq::Error::HostNotFound => WebError::Network {
            url: url.to_owned(),
            reason: "host not found".to_owned(),
        },
        other => WebError::Network {
            url: url.to_owned(),
            reason: other.to_string(),
        },
    }
}

/// Fetches `url` and reads it: a page is one article, a feed one per entry.
pub fn fetch_entries(
    url: &str,
    policy: NetworkPolicy,
    config: &FetchConfig,
) -> Result<Vec<FeedEntry>, WebError> {
    fetch(url, policy, config)?.entries()
}

/// Replaces a summary-only feed entry's text with the page it links to. The page's metadata
/// wins where it has some; the entry keeps its source so it stays in its place in the feed.
pub fn fetch_linked_with(
    article: &Article,
    policy: NetworkPolicy,
    config: &FetchConfig,
) -> Result<Article, WebError> {
    let link = article.url.as_deref().ok_or_else(|| WebError::BadUrl {
        url: article.source.clone(),
        reason: "the entry has no link".to_owned(),
    })?;
    let fetched = fetch(link, policy, config)?;
    if fetched.kind()? != Sniffed::Html {
        return Err(WebError::UnsupportedContentType {
            url: fetched.final_url,
            content_type: fetched.content_type.unwrap_or_else(|| "a feed".to_owned()),
        });
    }
    let page = fetched.entries()?.remove(0).article;
    Ok(Article {
        source: article.source.clone(),
        title: page.title.or_else(|| article.title.clone()),
        date: page.date.or_else(|| article.date.clone()),
        author: page.author.or_else(|| article.author.clone()),
        url: page.url.or_else(|| article.url.clone()),
        text: page.text,
    })
}

/// Fetches the linked page of every summary-only entry, `config.parallel` at a time, calling
/// `progress(done, total)` after each. Entries whose page fails keep their summary; the failures
/// are returned beside the articles.
pub fn fetch_links_with(
    entries: Vec<FeedEntry>,
    policy: NetworkPolicy,
    config: &FetchConfig,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Vec<Article>, Vec<WebError>) {
    let wanted: Vec<usize> = (0..entries.len()).filter(|&i| entries[i].wants_link()).collect();
    let total = wanted.len();
    let mut articles: Vec<Article> = entries.into_iter().map(|e| e.article).collect();
    if total == 0 {
        return (articles, Vec::new());
    }
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Result<Article, WebError>)>> = Mutex::new(Vec::with_capacity(total));
    let workers = config.parallel.clamp(1, total);
    let shared: &Vec<Article> = &articles;
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(&index) = wanted.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let result = fetch_linked_with(&shared[index], policy, config);
                    results
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push((index, result));
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    results.sort_by_key(|(index, _)| *index);
    let mut errors = Vec::new();
    for (index, result) in results {
        match result {
            Ok(article) => articles[index] = article,
            Err(error) => errors.push(error),
        }
    }
    (articles, errors)
}

/// Progress of [`fetch_links_with`] on stderr, rewritten in place, when stderr is a terminal.
pub fn stderr_progress(done: usize, total: usize) {
    use std::io::{IsTerminal, Write};
    let mut stderr = std::io::stderr().lock();
    if !stderr.is_terminal() {
        return;
    }
    let _ = write!(stderr, "\rfetching linked pages: {done}/{total}");
    if done == total {
        let _ = writeln!(stderr);
    }
    let _ = stderr.flush();
}

impl From<&crate::load::LoadOptions> for NetworkPolicy {
    fn from(opts: &crate::load::LoadOptions) -> Self {
        NetworkPolicy {
            offline: opts.offline,
            no_cache: opts.no_cache,
        }
    }
}

/// The articles at `url`, and the linked pages that could not be fetched for `--fetch-links`
/// (their entries keep the feed's summary).
#[derive(Debug, Default)]
pub struct FetchedArticles {
    pub articles: Vec<Article>,
    pub link_errors: Vec<WebError>,
}

/// The articles at `url` with hearsay's standard limits: a page is one article, a feed one per
/// entry. With `opts.fetch_links`, summary-only entries are replaced by their linked pages, with
/// progress on stderr; a linked page that fails is reported on stderr and its entry keeps its
/// summary (use [`fetch_articles_with`] to get those failures instead).
pub fn fetch_articles(url: &str, opts: &crate::load::LoadOptions) -> Result<Vec<Article>, WebError> {
    let fetched = fetch_articles_with(url, opts, &FetchConfig::default(), &stderr_progress)?;
    for error in &fetched.link_errors {
        eprintln!("hearsay: warning: {error}");
    }
    Ok(fetched.articles)
}

/// [`fetch_articles`] with explicit limits and progress callback, returning link failures.
pub fn fetch_articles_with(
    url: &str,
    opts: &crate::load::LoadOptions,
    config: &FetchConfig,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<FetchedArticles, WebError> {
    let policy = NetworkPolicy::from(opts);
    let entries = fetch_entries(url, policy, config)?;
    if !opts.fetch_links {
        return Ok(FetchedArticles {
            articles: entries.into_iter().map(|e| e.article).collect(),
            link_errors: Vec::new(),
        });
    }
    let (articles, link_errors) = fetch_links_with(entries, policy, config, progress);
    Ok(FetchedArticles {
        articles,
        link_errors,
    })
}

/// For the reader's "fetch the full story" key: the page an entry links to, as the entry's
/// article (see [`fetch_linked_with`]).
pub fn fetch_linked_article(article: &Article, opts: &crate::load::LoadOptions) -> Result<Article, WebError> {
    fetch_linked_with(article, NetworkPolicy::from(opts), &FetchConfig::default())
}

/// For feeds read from files with `--fetch-links`: replaces summary-only entries (from
/// [`feed::entries_from_feed`]) by their linked pages, a few at a time, reporting progress
/// through `progress(done, total)` ([`stderr_progress`] for the command line).
pub fn fetch_links(
    entries: Vec<FeedEntry>,
    opts: &crate::load::LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Vec<Article>, Vec<WebError>) {
    fetch_links_with(
        entries,
        NetworkPolicy::from(opts),
        &FetchConfig::default(),
        progress,
    )
}
