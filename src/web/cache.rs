//! The on-disk cache of fetched pages and feeds, so that reopening one costs a conditional
//! request (answered by `304 Not Modified`) instead of a download, or nothing at all offline.
//!
//! One file per URL, named by a hash of the URL: a one-line JSON header (the URL, the validators
//! `ETag` and `Last-Modified`, the content type and the body length) followed by the body. Files
//! are written to a temporary name and renamed, so a reader never sees half an entry; an entry
//! that does not parse, is cut short or belongs to another URL is treated as absent.

use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

/// The environment variable that moves the cache away from the platform's cache directory.
pub const CACHE_DIR_ENV: &str = "HEARSAY_CACHE_DIR";

/// A cached response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedResponse {
    /// The URL that was asked for (the key).
    pub url: String,
    /// The URL the body finally came from, after redirects.
    pub final_url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub content_type: Option<String>,
    #[serde(skip)]
    pub body: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct Header {
    #[serde(flatten)]
    response: CachedResponse,
    length: usize,
}

/// How large the cache may grow before the least recently used entries go.
pub const DEFAULT_LIMIT_BYTES: u64 = 100 * 1024 * 1024;

/// A cache directory.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    limit_bytes: u64,
}

impl Cache {
    /// A cache in `dir`, created on first write, holding up to [`DEFAULT_LIMIT_BYTES`].
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache {
            dir: dir.into(),
            limit_bytes: DEFAULT_LIMIT_BYTES,
        }
    }

    /// The same cache with another size limit.
    pub fn with_limit(self, limit_bytes: u64) -> Cache {
        Cache { limit_bytes, ..self }
    }

    /// The cache to use: `dir` when given, else `$HEARSAY_CACHE_DIR`, else the platform's cache
    /// directory (`~/.cache/hearsay` on Linux, `~/Library/Caches/hearsay` on macOS,
    /// `%LOCALAPPDATA%\hearsay\cache` on Windows). `None` when there is no home to put it in.
    pub fn locate(dir: Option<&Path>) -> Option<Cache> {
        if let Some(dir) = dir {
            return Some(Cache::new(dir));
        }
        if let Some(dir) = std::env::var_os(CACHE_DIR_ENV).filter(|d| !d.is_empty()) {
            return Some(Cache::new(dir));
        }
        directories::ProjectDirs::from("", "", "hearsay").map(|dirs| Cache::new(dirs.cache_dir()))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_for(&self, url: &str) -> PathBuf {
        self.dir.join(format!("{:032x}.entry", fnv1a_128(url.as_bytes())))
    }

    /// The cached response for `url`, if there is an intact one.
    pub fn get(&self, url: &str) -> Option<CachedResponse> {
        let path = self.path_for(url);
        let bytes = fs::read(&path).ok()?;
        let newline = bytes.iter().position(|&b| b == b'\n')?;
        let header: Header = serde_json::from_slice(&bytes[..newline]).ok()?;
        let body = &bytes[newline + 1..];
        if header.response.url != url || body.len() != header.length {
            return None;
        }
        // Being read makes an entry recent, so pruning takes the ones nobody reopens.
        if let Ok(file) = fs::File::options().write(true).open(&path) {
            let _ = file.set_modified(SystemTime::now());
        }
        Some(CachedResponse {
            body: body.to_vec(),
            ..header.response
        })
    }

    /// Stores a response, replacing any older one for the same URL.
    pub fn put(&self, response: &CachedResponse) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let path = self.path_for(&response.url);
        let header = Header {
            response: response.clone(),
            length: response.body.len(),
        };
        let mut bytes = serde_json::to_vec(&header).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        bytes.extend_from_slice(&response.body);

        // A name no other writer (thread or process) uses at the same moment.
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let temp = path.with_extension(format!(
            "tmp.{}.{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written = fs::File::create(&temp).and_then(|mut file| {
            file.write_all(&bytes)?;
            file.sync_all()
        });
        let renamed = written.and_then(|()| fs::rename(&temp, &path));
        if renamed.is_err() {
            let _ = fs::remove_file(&temp);
            return renamed;
        }
        self.prune(&path);
        Ok(())
    }

    /// Removes the least recently used entries while the cache is over its limit, sparing `keep`
    /// (the entry just written). Entries other processes remove first are simply skipped.
    fn prune(&self, keep: &Path) {
        let Ok(dir) = fs::read_dir(&self.dir) else { return };
        let mut entries: Vec<(SystemTime, u64, PathBuf)> = dir
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "entry"))
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                Some((
                    meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                    meta.len(),
                    e.path(),
                ))
            })
            .collect();
        let mut total: u64 = entries.iter().map(|(_, len, _)| len).sum();
        if total <= self.limit_bytes {
            return;
        }
        entries.sort();
        for (_, len, path) in entries {
            if total <= self.limit_bytes {
                break;
            }
            if path != keep && fs::remove_file(&path).is_ok() {
                total = total.saturating_sub(len);
            }
        }
    }
}

/// FNV-1a, 128 bits: stable across Rust versions and platforms (unlike `DefaultHasher`), and wide
/// enough that two URLs sharing a file is not a practical concern (the header's URL is checked
/// anyway).
fn fnv1a_128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    bytes
        .iter()
        .fold(OFFSET, |hash, &b| (hash ^ u128::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(url: &str, body: &[u8]) -> CachedResponse {
        CachedResponse {
            url: url.to_owned(),
            final_url: url.to_owned(),
            etag: Some("\"v1\"".to_owned()),
            last_modified: Some("Wed, 21 Oct 2015 07:28:00 GMT".to_owned()),
            content_type: Some("text/html".to_owned()),
            body: body.to_vec(),
        }
    }

    #[test]
    fn stores_and_returns_entries() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().join("nested"));
        assert_eq!(cache.get("http://a.test/x"), None);
        let entry = response("http://a.test/x", b"<html>\nbody\n</html>");
        cache.put(&entry).unwrap();
        assert_eq!(cache.get("http://a.test/x"), Some(entry.clone()));
        assert_eq!(cache.get("http://a.test/y"), None);
        let newer = response("http://a.test/x", b"new");
        cache.put(&newer).unwrap();
        assert_eq!(cache.get("http://a.test/x"), Some(newer));
        let leftovers: Vec<_> = fs::read_dir(cache.dir()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary files stay behind");
    }

    #[test]
    fn damaged_entries_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let entry = response("http://a.test/x", b"0123456789");
        cache.put(&entry).unwrap();
        let path = cache.path_for("http://a.test/x");
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert_eq!(cache.get("http://a.test/x"), None, "truncated body");
        fs::write(&path, b"{not json\nbody").unwrap();
        assert_eq!(cache.get("http://a.test/x"), None, "garbage header");
        fs::write(&path, b"").unwrap();
        assert_eq!(cache.get("http://a.test/x"), None, "empty file");
        cache.put(&entry).unwrap();
        assert_eq!(cache.get("http://a.test/x"), Some(entry));
    }

    #[test]
    fn an_explicit_dir_wins() {
        // `$HEARSAY_CACHE_DIR` is tested through the command (tests/web_cli.rs): setting the
        // environment here would race with other tests reading it.
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Cache::locate(Some(dir.path())).unwrap().dir(), dir.path());
    }

    #[test]
    fn the_least_recently_used_entries_go_first() {
        let dir = tempfile::tempdir().unwrap();
        let entry_size = {
            let probe = Cache::new(dir.path().join("probe"));
            probe.put(&response("http://a.test/0", &[b'x'; 1000])).unwrap();
            fs::read_dir(probe.dir())
                .unwrap()
                .next()
                .unwrap()
                .unwrap()
                .metadata()
                .unwrap()
                .len()
        };
        // Room for three entries, not four.
        let cache = Cache::new(dir.path().join("lru")).with_limit(entry_size * 3 + entry_size / 2);
        let age = |url: &str, seconds_ago: u64| {
            let file = fs::File::options().write(true).open(cache.path_for(url)).unwrap();
            file.set_modified(SystemTime::now() - std::time::Duration::from_secs(seconds_ago))
                .unwrap();
        };
        for (i, url) in ["http://a.test/1", "http://a.test/2", "http://a.test/3"]
            .iter()
            .enumerate()
        {
            cache.put(&response(url, &[b'x'; 1000])).unwrap();
            age(url, 100 - i as u64 * 10);
        }
        assert!(
            cache.get("http://a.test/1").is_some(),
            "reading /1 makes it the most recent"
        );
        cache.put(&response("http://a.test/4", &[b'x'; 1000])).unwrap();
        assert!(
            cache.get("http://a.test/2").is_none(),
            "the least recently used went"
        );
        for kept in ["http://a.test/1", "http://a.test/3", "http://a.test/4"] {
            assert!(cache.get(kept).is_some(), "{kept}");
        }
        // An entry larger than the whole limit is still kept until the next one arrives.
        let tiny = Cache::new(dir.path().join("tiny")).with_limit(10);
        tiny.put(&response("http://a.test/big", &[b'x'; 1000])).unwrap();
        assert!(tiny.get("http://a.test/big").is_some());
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(fnv1a_128(b""), 0x6c62272e07bb014262b821756295c58d);
        assert_ne!(fnv1a_128(b"http://a.test/1"), fnv1a_128(b"http://a.test/2"));
    }
}
