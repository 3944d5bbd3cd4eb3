//! Reading articles: files, directories, stdin and URLs, in every format hearsay knows, and a
//! parallel pipeline that analyses many inputs in order with bounded memory.
//!
//! Problems come in two strengths. A [`LoadError`] means an input (or one article of it) did
//! not load: the command goes on with the rest and exits non-zero at the end. A [`Warning`]
//! means it loaded with a caveat (lossy decoding) or was skipped as not being text.

pub mod json;
pub mod markdown;
pub mod plain;

use std::collections::HashSet;
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::article::Article;

/// How many inputs, and then how many articles, are in flight at once. Large enough to keep
/// every core busy, small enough that memory does not grow with the corpus.
pub const CHUNK: usize = 64;

/// Share of control characters above which a file is taken for binary.
const MAX_CONTROL_SHARE: f64 = 0.10;
/// Share of undecodable characters above which a file is taken for binary, not mis-encoded text.
const MAX_INVALID_SHARE: f64 = 0.30;

/// An input did not load (or one article in it did not). Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {error}")]
    Read {
        path: String,
        #[source]
        error: io::Error,
    },
    #[error("{path}: line {line}, column {column}: malformed JSON: {message}")]
    Json {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A well-formed file that holds no usable article (a JSON object without text).
    #[error("{path}: {message}")]
    Article { path: String, message: String },
    #[error("{path}: {what} need hearsay built with the `web` feature")]
    NeedsWeb { path: String, what: &'static str },
    #[cfg(feature = "web")]
    #[error("{error}")]
    Web {
        path: String,
        #[source]
        error: crate::web::WebError,
    },
    /// With `--fetch-links`, the page a feed entry links to could not be read. The feed itself
    /// loaded and the entry kept its summary, but the input did not load in full.
    #[cfg(feature = "web")]
    #[error("{error} (linked from {path}; the entry keeps the feed's summary)")]
    Link {
        path: String,
        #[source]
        error: crate::web::WebError,
    },
}

impl LoadError {
    /// The file, URL or `-` the error is about.
    pub fn path(&self) -> &str {
        match self {
            LoadError::Read { path, .. }
            | LoadError::Json { path, .. }
            | LoadError::Article { path, .. }
            | LoadError::NeedsWeb { path, .. } => path,
            #[cfg(feature = "web")]
            LoadError::Web { path, .. } | LoadError::Link { path, .. } => path,
        }
    }
}

/// An input that loaded with a caveat, or was skipped without being an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub kind: WarningKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WarningKind {
    #[error("invalid UTF-8 (first at byte {offset}), decoded with replacement characters")]
    LossyUtf8 { offset: usize },
    #[error("not a text file (NUL bytes or mostly unprintable), skipped")]
    NotText,
    #[error("no text, skipped")]
    Empty,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    /// Standard input, shown as `-`.
    Stdin,
    Url(String),
    /// The sample article built into hearsay.
    Sample,
}

impl Input {
    /// How the input is named in sources and messages.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
            Input::Url(u) => u.clone(),
            Input::Sample => crate::SAMPLE_SOURCE.to_string(),
        }
    }
}

/// Settings for inputs that reach the network (used by the web loader).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Never touch the network; URLs come from the cache or fail.
    pub offline: bool,
    /// Neither read nor write the cache of fetched pages.
    pub no_cache: bool,
    /// For feed entries that carry only a summary and a link, fetch the linked page and use
    /// its text instead of the summary.
    pub fetch_links: bool,
}

/// What one input gave: its articles, and the problems that did not stop the rest of it
/// (a bad line in a JSON Lines file, a lossy decode).
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<LoadError>,
}

/// How an input's content is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    JsonLines,
    Markdown,
    Html,
    Feed,
}

impl Format {
    /// The format an extension stands for; `None` for an unknown one.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Format::Text,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "xml" | "rss" | "atom" => Format::Feed,
            _ => return None,
        })
    }

    /// The format of an input: by its extension when it has a known one; otherwise (stdin, no
    /// extension) by its content. Unknown extensions are plain text, as the content is never
    /// second-guessed once a file says what it is. The one exception is `.json`, which names
    /// both article JSON and JSON Feed: a JSON Feed declares itself, so it is read as a feed.
    pub fn detect(path: Option<&Path>, bytes: &[u8]) -> Format {
        let ext = path.and_then(|p| p.extension()).and_then(|e| e.to_str());
        match ext.map(|ext| Format::from_extension(ext).unwrap_or(Format::Text)) {
            #[cfg(feature = "web")]
            Some(Format::Json) if is_json_feed(bytes) => Format::Feed,
            Some(format) => format,
            None => Format::sniff(bytes),
        }
    }

    fn sniff(bytes: &[u8]) -> Format {
        let unmarked = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let trimmed = unmarked.trim_ascii();
        #[cfg(feature = "web")]
        match crate::web::sniff(bytes) {
            Some(crate::web::Sniffed::Html) => return Format::Html,
            // JSON that only mentions JSON Feed is still articles.
            Some(crate::web::Sniffed::Feed) if !trimmed.starts_with(b"{") || is_json_feed(bytes) => {
                return Format::Feed
            }
            Some(crate::web::Sniffed::Feed) | None => {}
        }
        let Ok(text) = std::str::from_utf8(trimmed) else {
            return Format::Text;
        };
        if !(text.starts_with('{') || text.starts_with('[')) {
            return Format::Text;
        }
        if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
            return Format::Json;
        }
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let all_objects = lines.clone().count() > 1
            && lines.all(|l| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(l).is_ok());
        if all_objects {
            Format::JsonLines
        } else {
            Format::Text
        }
    }
}

/// Whether `.json` content is a JSON Feed. The sniff only looks for the version address near the
/// start, which an article about JSON Feed could hold too; a feed has it as its top-level
/// `version`, so that is checked before the article loader is passed over.
#[cfg(feature = "web")]
fn is_json_feed(bytes: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Head {
        version: String,
    }
    crate::web::sniff(bytes) == Some(crate::web::Sniffed::Feed)
        && serde_json::from_slice::<Head>(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
            .is_ok_and(|head| head.version.contains("jsonfeed.org/version"))
}

/// Turns command-line paths into inputs: `-` is stdin, `http(s)://` a URL, a directory all
/// the article files under it (recursively, sorted by name, hidden entries skipped; only known
/// extensions and files without one). Paths that cannot be read are returned as errors.
pub fn expand<P: AsRef<Path>>(paths: &[P]) -> (Vec<Input>, Vec<LoadError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let path = path.as_ref();
        match path.to_str() {
            Some("-") => inputs.push(Input::Stdin),
            Some(s) if s.starts_with("http://") || s.starts_with("https://") => {
                inputs.push(Input::Url(s.to_string()))
            }
            _ => match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => {
                    walk(path, &mut HashSet::new(), &mut inputs, &mut errors);
                }
                Ok(_) => inputs.push(Input::File(path.to_path_buf())),
                Err(error) => errors.push(LoadError::Read {
                    path: path.display().to_string(),
                    error,
                }),
            },
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, ancestors: &mut HashSet<PathBuf>, inputs: &mut Vec<Input>, errors: &mut Vec<LoadError>) {
    // A symbolic link back up the tree would otherwise be walked forever; the same directory
    // reached twice side by side is walked twice, as named.
    let real = dir.canonicalize().ok();
    if let Some(real) = &real {
        if !ancestors.insert(real.clone()) {
            return;
        }
    }
    walk_entries(dir, ancestors, inputs, errors);
    if let Some(real) = &real {
        ancestors.remove(real);
    }
}

fn walk_entries(
    dir: &Path,
    ancestors: &mut HashSet<PathBuf>,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<LoadError>,
) {
    let read_error = |error| LoadError::Read {
        path: dir.display().to_string(),
        error,
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return errors.push(read_error(e)),
    };
    let mut entries: Vec<_> = match entries.collect::<Result<_, _>>() {
        Ok(entries) => entries,
        Err(e) => return errors.push(read_error(e)),
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, ancestors, inputs, errors),
            Ok(_) => {
                // Inside a directory only article formats are read, so that images, style
                // sheets and the like beside the articles are passed over silently.
                let known = path
                    .extension()
                    .is_none_or(|e| e.to_str().and_then(Format::from_extension).is_some());
                if known {
                    inputs.push(Input::File(path));
                }
            }
            Err(error) => errors.push(LoadError::Read {
                path: path.display().to_string(),
                error,
            }),
        }
    }
}

/// Loads the articles of one input.
pub fn load(input: &Input, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    let name = input.name();
    let mut loaded = match input {
        Input::Sample => Loaded {
            articles: vec![plain::parse(&name, crate::SAMPLE.to_string())],
            ..Loaded::default()
        },
        Input::File(path) => {
            let bytes = std::fs::read(path).map_err(|error| LoadError::Read {
                path: name.clone(),
                error,
            })?;
            load_bytes_with(&name, Format::detect(Some(path), &bytes), &bytes, opts)?
        }
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|error| LoadError::Read {
                    path: name.clone(),
                    error,
                })?;
            load_bytes_with(&name, Format::detect(None, &bytes), &bytes, opts)?
        }
        Input::Url(url) => load_url(url, opts)?,
    };
    for article in &mut loaded.articles {
        normalise_newlines(&mut article.text);
    }
    drop_empty(&mut loaded);
    Ok(loaded)
}

/// Drops articles with no text: there is nothing to read or analyse in them, and an empty
/// pipe or placeholder file would otherwise show up as a blank article.
fn drop_empty(loaded: &mut Loaded) {
    let warnings = &mut loaded.warnings;
    loaded.articles.retain(|a| {
        let keep = !a.text.trim().is_empty();
        if !keep {
            warnings.push(Warning {
                path: a.source.clone(),
                kind: WarningKind::Empty,
            });
        }
        keep
    });
}

#[cfg(feature = "web")]
fn load_url(url: &str, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    use crate::web::fetch;
    let fetched =
        fetch::fetch_articles_with(url, opts, &fetch::FetchConfig::default(), &fetch::stderr_progress)
            .map_err(|error| LoadError::Web {
                path: url.to_string(),
                error,
            })?;
    Ok(Loaded {
        articles: fetched.articles,
        errors: link_errors(url, fetched.link_errors),
        ..Loaded::default()
    })
}

#[cfg(feature = "web")]
fn link_errors(path: &str, errors: Vec<crate::web::WebError>) -> Vec<LoadError> {
    errors
        .into_iter()
        .map(|error| LoadError::Link {
            path: path.to_string(),
            error,
        })
        .collect()
}

#[cfg(not(feature = "web"))]
fn load_url(url: &str, _opts: &LoadOptions) -> Result<Loaded, LoadError> {
    Err(LoadError::NeedsWeb {
        path: url.to_string(),
        what: "URLs",
    })
}

/// Reads the content of a file or of stdin, named `name`, in a known format, with the default
/// options (in particular, the links of a feed are not followed).
pub fn load_bytes(name: &str, format: Format, bytes: &[u8]) -> Result<Loaded, LoadError> {
    load_bytes_with(name, format, bytes, &LoadOptions::default())
}

/// [`load_bytes`] under `opts`: with `fetch_links`, the summary-only entries of a feed are
/// replaced by the pages they link to.
pub fn load_bytes_with(
    name: &str,
    format: Format,
    bytes: &[u8],
    opts: &LoadOptions,
) -> Result<Loaded, LoadError> {
    match format {
        Format::Html | Format::Feed => return load_web_document(name, format, bytes, opts),
        Format::Text | Format::Json | Format::JsonLines | Format::Markdown => {}
    }
    let mut loaded = Loaded::default();
    let text = match decode(bytes) {
        Decoded::Text(text) => text,
        Decoded::Lossy { text, offset } => {
            loaded.warnings.push(Warning {
                path: name.to_string(),
                kind: WarningKind::LossyUtf8 { offset },
            });
            text
        }
        Decoded::NotText => {
            loaded.warnings.push(Warning {
                path: name.to_string(),
                kind: WarningKind::NotText,
            });
            return Ok(loaded);
        }
    };
    let parsed = match format {
        Format::Json => json::parse_json(name, &text),
        Format::JsonLines => json::parse_json_lines(name, &text),
        Format::Markdown => Loaded {
            articles: vec![markdown::parse(name, &normalised(text))],
            ..Loaded::default()
        },
        Format::Text | Format::Html | Format::Feed => Loaded {
            articles: vec![plain::parse(name, normalised(text))],
            ..Loaded::default()
        },
    };
    loaded.articles = parsed.articles;
    for article in &mut loaded.articles {
        normalise_newlines(&mut article.text);
    }
    loaded.errors = parsed.errors;
    loaded.warnings.extend(parsed.warnings);
    Ok(loaded)
}

#[cfg(feature = "web")]
fn load_web_document(
    name: &str,
    format: Format,
    bytes: &[u8],
    opts: &LoadOptions,
) -> Result<Loaded, LoadError> {
    use crate::web::{feed, fetch};
    let web_error = |error| LoadError::Web {
        path: name.to_string(),
        error,
    };
    if format == Format::Html {
        let html = crate::web::decode(bytes, None);
        return Ok(Loaded {
            articles: vec![crate::web::html::article_from_html(name, &html, None).map_err(web_error)?],
            ..Loaded::default()
        });
    }
    if !opts.fetch_links {
        return Ok(Loaded {
            articles: feed::articles_from_feed(name, bytes).map_err(web_error)?,
            ..Loaded::default()
        });
    }
    let entries = feed::entries_from_feed(name, bytes).map_err(web_error)?;
    let (articles, errors) = fetch::fetch_links(entries, opts, &fetch::stderr_progress);
    Ok(Loaded {
        articles,
        errors: link_errors(name, errors),
        ..Loaded::default()
    })
}

#[cfg(not(feature = "web"))]
fn load_web_document(
    name: &str,
    format: Format,
    _bytes: &[u8],
    _opts: &LoadOptions,
) -> Result<Loaded, LoadError> {
    Err(LoadError::NeedsWeb {
        path: name.to_string(),
        what: if format == Format::Feed {
            "feeds"
        } else {
            "HTML pages"
        },
    })
}

enum Decoded {
    Text(String),
    Lossy { text: String, offset: usize },
    NotText,
}

/// Bytes to text: a UTF-8 byte order mark is dropped, UTF-16 with a byte order mark is
/// decoded, invalid UTF-8 is replaced (and reported), and binary content is refused.
fn decode(bytes: &[u8]) -> Decoded {
    if let Some(text) = decode_utf16(bytes) {
        return Decoded::Text(text);
    }
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    if looks_binary(bytes) {
        return Decoded::NotText;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::Text(text.to_string()),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let chars = text.chars().count().max(1);
            let invalid = text.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
            if invalid as f64 > MAX_INVALID_SHARE * chars as f64 {
                return Decoded::NotText;
            }
            Decoded::Lossy {
                text,
                // Counted in the file as it is, byte order mark included.
                offset: bom + e.valid_up_to(),
            }
        }
    }
}

fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (rest, little) = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (rest, true)
    } else {
        (bytes.strip_prefix(b"\xFE\xFF")?, false)
    };
    let units = rest.chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// NUL bytes, or many control characters other than whitespace, mean the file is not text.
fn looks_binary(bytes: &[u8]) -> bool {
    if memchr::memchr(0, bytes).is_some() {
        return true;
    }
    let control = control_bytes(bytes);
    control as f64 > MAX_CONTROL_SHARE * bytes.len() as f64
}

/// Control characters other than the whitespace ones. This scan of every byte of every file
/// cost as much as reading it, so runs of eight bytes with no byte below 0x20 and no DEL,
/// most of any text, are passed over at once.
fn control_bytes(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let del = x ^ (ONES * 0x7f);
        if (x.wrapping_sub(ONES * 0x20) & !x | del.wrapping_sub(ONES) & !del) & HIGH != 0 {
            n += chunk.iter().filter(|&&b| is_control(b)).count();
        }
    }
    n + chunks.remainder().iter().filter(|&&b| is_control(b)).count()
}

fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f
}

fn normalised(mut text: String) -> String {
    normalise_newlines(&mut text);
    text
}

/// CRLF and lone CR line endings become LF, the way Python and most tools read text; text
/// without a CR is left exactly as it is.
pub fn normalise_newlines(text: &mut String) {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
    *text = out;
}

/// One result of the pipeline, in input order.
#[derive(Debug)]
pub enum Outcome<T> {
    /// The work done on one article.
    Done(T),
    Warning(Warning),
    Error(LoadError),
}

/// Loads and analyses `inputs` on all cores and hands each article's result (what `work`
/// makes of its analysis) to `emit`, in input order, with warnings and errors in their place.
/// Inputs are loaded and articles analysed [`CHUNK`] at a time, so memory stays bounded by the
/// chunk, not the corpus. `emit` may stop the run by returning an error.
pub fn process<T, E, W, F>(inputs: &[Input], opts: &LoadOptions, work: W, mut emit: F) -> Result<(), E>
where
    T: Send,
    W: Fn(Analysis) -> T + Sync,
    F: FnMut(Outcome<T>) -> Result<(), E>,
{
    let mut pending: Vec<Outcome<Article>> = Vec::new();
    let flush = |pending: &mut Vec<Outcome<Article>>, emit: &mut F| -> Result<(), E> {
        let done: Vec<Outcome<T>> = std::mem::take(pending)
            .into_par_iter()
            .map(|o| match o {
                Outcome::Done(article) => Outcome::Done(work(Analysis::new(article))),
                Outcome::Warning(w) => Outcome::Warning(w),
                Outcome::Error(e) => Outcome::Error(e),
            })
            .collect();
        done.into_iter().try_for_each(emit)
    };
    for chunk in inputs.chunks(CHUNK) {
        let loaded: Vec<Result<Loaded, LoadError>> =
            chunk.par_iter().map(|input| load(input, opts)).collect();
        for result in loaded {
            match result {
                Ok(loaded) => {
                    pending.extend(loaded.warnings.into_iter().map(Outcome::Warning));
                    pending.extend(loaded.errors.into_iter().map(Outcome::Error));
                    for article in loaded.articles {
                        pending.push(Outcome::Done(article));
                        if pending.len() >= CHUNK {
                            flush(&mut pending, &mut emit)?;
                        }
                    }
                }
                Err(e) => pending.push(Outcome::Error(e)),
            }
        }
        flush(&mut pending, &mut emit)?;
    }
    Ok(())
}

/// Every input loaded and analysed, for callers that keep all articles (the reader).
#[derive(Debug, Default)]
pub struct Analysed {
    pub analyses: Vec<Analysis>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<LoadError>,
}

/// Loads and analyses all inputs, in order, on all cores.
pub fn analyse_all(inputs: &[Input], opts: &LoadOptions) -> Analysed {
    let mut out = Analysed::default();
    let result: Result<(), std::convert::Infallible> = process(
        inputs,
        opts,
        |a| a,
        |outcome| {
            match outcome {
                Outcome::Done(a) => out.analyses.push(a),
                Outcome::Warning(w) => out.warnings.push(w),
                Outcome::Error(e) => out.errors.push(e),
            }
            Ok(())
        },
    );
    match result {
        Ok(()) => out,
        Err(never) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> (Vec<Article>, Vec<Warning>) {
        let loaded = load_bytes("f.txt", Format::Text, bytes).unwrap();
        assert!(loaded.errors.is_empty());
        (loaded.articles, loaded.warnings)
    }

    #[test]
    fn plain_text_without_header_is_kept_byte_for_byte() {
        let text = "Title\n\n  Indented “quote”, tabs\tand trailing spaces   \n\n\nEnd without newline";
        let (articles, warnings) = text_of(text.as_bytes());
        assert_eq!(articles[0].text, text);
        assert!(warnings.is_empty());
    }

    #[test]
    fn bom_is_stripped_and_line_endings_normalised() {
        let (a, _) = text_of(b"\xEF\xBB\xBFOne.\r\n\r\nTwo.\rThree.\r\n");
        assert_eq!(a[0].text, "One.\n\nTwo.\nThree.\n");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Zoë said hi.".encode_utf16().flat_map(u16::to_le_bytes));
        let (a, w) = text_of(&bytes);
        assert_eq!(a[0].text, "Zoë said hi.");
        assert!(w.is_empty());
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning_giving_the_offset() {
        let (a, w) = text_of(b"Caf\xe9 owner said hello.");
        assert_eq!(a[0].text, "Caf\u{fffd} owner said hello.");
        assert_eq!(
            w,
            [Warning {
                path: "f.txt".into(),
                kind: WarningKind::LossyUtf8 { offset: 3 }
            }]
        );
        assert!(w[0]
            .to_string()
            .starts_with("f.txt: invalid UTF-8 (first at byte 3)"));
    }

    #[test]
    fn the_offset_of_invalid_utf8_counts_the_byte_order_mark() {
        let (_, w) = text_of(b"\xEF\xBB\xBFab\xffc");
        assert_eq!(w[0].kind, WarningKind::LossyUtf8 { offset: 5 });
    }

    #[test]
    fn binary_content_is_skipped_with_a_warning() {
        for bytes in [
            &b"PK\x03\x04\x00\x00text"[..],
            b"\x01\x02\x03\x04\x05\x06abc",
            b"\xff\xfe",
        ] {
            let (a, w) = text_of(bytes);
            if bytes.starts_with(b"\xff\xfe") {
                // A lone UTF-16 byte order mark is an empty text, not binary.
                assert_eq!(a.len(), 1);
                continue;
            }
            assert!(a.is_empty(), "{bytes:?}");
            assert_eq!(w[0].kind, WarningKind::NotText);
        }
        let (a, w) = text_of(&[0xC3u8; 64]);
        assert!(a.is_empty() && w[0].kind == WarningKind::NotText);
    }

    #[test]
    fn formats_by_extension_and_by_content() {
        let detect = |name: Option<&str>, bytes: &[u8]| Format::detect(name.map(Path::new), bytes);
        assert_eq!(detect(Some("a.JSON"), b"x"), Format::Json);
        assert_eq!(detect(Some("a.ndjson"), b"x"), Format::JsonLines);
        assert_eq!(detect(Some("a.markdown"), b"x"), Format::Markdown);
        assert_eq!(detect(Some("a.htm"), b"x"), Format::Html);
        assert_eq!(detect(Some("a.rss"), b"x"), Format::Feed);
        assert_eq!(detect(Some("a.csv"), b"{\"text\": \"x\"}"), Format::Text);
        assert_eq!(detect(None, b" {\"text\": \"x\"} "), Format::Json);
        assert_eq!(
            detect(None, b"{\"text\": \"x\"}\n{\"text\": \"y\"}\n"),
            Format::JsonLines
        );
        assert_eq!(detect(None, b"[Updated] The minister said."), Format::Text);
        assert_eq!(detect(Some("README"), b"Plain words."), Format::Text);
    }

    #[cfg(feature = "web")]
    #[test]
    fn a_json_feed_named_json_is_a_feed_and_other_json_stays_json() {
        let feed = br#"{"version": "https://jsonfeed.org/version/1.1", "title": "Quay Notes",
            "items": [{"id": "1", "content_text": "The ferry ran late, said captain Ines Varga."}]}"#;
        assert_eq!(Format::detect(Some(Path::new("quay.json")), feed), Format::Feed);
        assert_eq!(Format::detect(Some(Path::new("QUAY.JSON")), feed), Format::Feed);
        let with_bom = [&b"\xEF\xBB\xBF"[..], feed].concat();
        assert_eq!(
            Format::detect(Some(Path::new("quay.json")), &with_bom),
            Format::Feed
        );
        let article = br#"{"title": "Notes on jsonfeed.org/version numbers", "text": "Plain."}"#;
        assert_eq!(Format::detect(Some(Path::new("a.json")), article), Format::Json);
        assert_eq!(Format::detect(None, article), Format::Json);
        assert_eq!(Format::detect(None, feed), Format::Feed);
        // Only `.json` defers to the content: a feed in a `.txt` file is still text.
        assert_eq!(Format::detect(Some(Path::new("quay.txt")), feed), Format::Text);

        let loaded = load_bytes(
            "quay.json",
            Format::detect(Some(Path::new("quay.json")), feed),
            feed,
        )
        .unwrap();
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(loaded.articles[0].source, "quay.json#1");
        assert_eq!(
            loaded.articles[0].text,
            "The ferry ran late, said captain Ines Varga."
        );
    }

    #[test]
    fn newline_normalisation_handles_every_mix() {
        for (from, to) in [
            ("a\r\nb", "a\nb"),
            ("a\rb\r", "a\nb\n"),
            ("\r\r\n", "\n\n"),
            ("plain", "plain"),
        ] {
            let mut s = from.to_string();
            normalise_newlines(&mut s);
            assert_eq!(s, to);
        }
    }

    #[test]
    fn control_bytes_are_counted_a_chunk_at_a_time_as_one_at_a_time() {
        let all: Vec<u8> = (0..=255u8).collect();
        for k in 0..all.len() {
            let mut bytes = all[k..].to_vec();
            bytes.extend_from_slice(&all[..k]);
            bytes.extend(b"plain text,\nwith lines\r\n and a tab\t".iter().cycle().take(k));
            for len in [0, 1, 7, 8, 9, 63, 64, 65, bytes.len()] {
                let b = &bytes[..len.min(bytes.len())];
                assert_eq!(control_bytes(b), b.iter().filter(|&&c| is_control(c)).count());
            }
        }
    }

    #[test]
    fn the_sample_loads_with_its_date() {
        let loaded = load(&Input::Sample, &LoadOptions::default()).unwrap();
        assert_eq!(loaded.articles[0].source, crate::SAMPLE_SOURCE);
        assert_eq!(loaded.articles[0].date.as_deref(), Some("2017-04-12"));
    }

    #[test]
    fn the_pipeline_keeps_input_order_across_chunks() {
        let dir = tempfile::tempdir().unwrap();
        let mut inputs = Vec::new();
        for i in 0..(CHUNK * 2 + 5) {
            let path = dir.path().join(format!("{i:04}.txt"));
            std::fs::write(&path, format!("Article {i}.")).unwrap();
            inputs.push(Input::File(path));
        }
        inputs.insert(70, Input::File(dir.path().join("missing.txt")));
        let all = analyse_all(&inputs, &LoadOptions::default());
        let texts: Vec<String> = all.analyses.iter().map(|a| a.article.text.clone()).collect();
        let expected: Vec<String> = (0..(CHUNK * 2 + 5)).map(|i| format!("Article {i}.")).collect();
        assert_eq!(texts, expected);
        assert_eq!(all.errors.len(), 1);
        assert!(all.errors[0].path().ends_with("missing.txt"));
    }
}
