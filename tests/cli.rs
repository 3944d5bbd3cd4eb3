//! The `hearsay` binary end to end: inputs of every format, problems and exit status, the
//! export's shape and offsets, and the speakers table.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn hearsay(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hearsay runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> Output {
    hearsay(args, b"")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, content).unwrap();
    path_str(&path).to_string()
}

const ARTICLE: &str = "Mayor Lena Ortiz said on Monday that the bridge would reopen in May.\n\n\
\"We are nearly done,\" Ortiz said.\n";

#[test]
fn export_json_is_one_array_of_articles_with_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", ARTICLE);
    let o = run(&["export", &a]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let articles = v.as_array().unwrap();
    assert_eq!(articles.len(), 1);
    let art = articles[0].as_object().unwrap();
    for key in [
        "source",
        "title",
        "date",
        "author",
        "url",
        "text",
        "people",
        "statements",
    ] {
        assert!(art.contains_key(key), "missing {key}");
    }
    assert_eq!(art["source"], a.as_str());
    assert_eq!(art["text"], ARTICLE);
    let person = &art["people"][0];
    for key in ["id", "name", "titles", "aliases", "mentions"] {
        assert!(person.get(key).is_some(), "person lacks {key}");
    }
    let statement = &art["statements"][0];
    for key in ["id", "speaker", "source_text", "source", "cue", "content", "kind"] {
        assert!(statement.get(key).is_some(), "statement lacks {key}");
    }
}

/// Every span in an exported article, with the text it claims to cover.
fn spans(article: &Value) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut push = |s: &Value| {
        if s.is_object() {
            out.push((
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
                s["text"].as_str().unwrap().to_string(),
            ));
        }
    };
    for p in article["people"].as_array().unwrap() {
        p["mentions"].as_array().unwrap().iter().for_each(&mut push);
    }
    for s in article["statements"].as_array().unwrap() {
        for k in ["source", "cue", "content"] {
            push(&s[k]);
        }
    }
    out
}

#[test]
fn export_offsets_count_code_points_in_non_ascii_text() {
    let text = "Señora Zoë Ødegård, the mayor, said that the “new café” would open soon.\n\n\
                “C’est fini,” Ødegård said.\n";
    let o = hearsay(&["export", "--format", "jsonl", "-"], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let article = &jsonl(&o)[0];
    let chars: Vec<char> = article["text"].as_str().unwrap().chars().collect();
    let spans = spans(article);
    assert!(!spans.is_empty(), "the analysis found nothing in {article}");
    for (start, end, claimed) in spans {
        let sliced: String = chars[start..end].iter().collect();
        assert_eq!(sliced, claimed);
    }
    let names: Vec<&str> = article["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(names.iter().any(|n| n.contains("Ødegård")), "{names:?}");
}

#[test]
fn statement_speakers_are_ids_of_people_in_the_same_article() {
    let o = hearsay(&["export", "-f", "jsonl"], hearsay::SAMPLE.as_bytes());
    assert!(o.status.success());
    let article = &jsonl(&o)[0];
    let ids: Vec<&Value> = article["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["id"])
        .collect();
    let statements = article["statements"].as_array().unwrap();
    assert!(statements.iter().any(|s| !s["speaker"].is_null()));
    for s in statements {
        assert!(s["speaker"].is_null() || ids.contains(&&s["speaker"]), "{s}");
        assert!(["direct", "indirect", "mixed"].contains(&s["kind"].as_str().unwrap()));
    }
}

#[test]
fn jsonl_writes_one_line_per_article_in_sorted_directory_order() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", "Second.");
    write(dir.path(), "a.txt", "First.");
    write(dir.path(), "c/d.md", "# Third\n\nBody.");
    write(dir.path(), "c/e", "Fourth, no extension.");
    write(dir.path(), ".hidden.txt", "Hidden.");
    write(dir.path(), "notes.csv", "Unknown extension.");
    let o = run(&["export", "-f", "jsonl", path_str(dir.path())]);
    assert!(o.status.success(), "{}", stderr(&o));
    let texts: Vec<String> = jsonl(&o)
        .iter()
        .map(|a| a["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        texts,
        ["First.", "Second.", "Third\n\nBody.\n", "Fourth, no extension."]
    );
}

#[test]
fn a_file_named_explicitly_is_read_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let hidden = write(dir.path(), ".hidden.csv", "Read anyway.");
    let o = run(&["export", "-f", "jsonl", &hidden]);
    assert!(o.status.success());
    assert_eq!(jsonl(&o)[0]["text"], "Read anyway.");
}

#[test]
fn several_paths_and_stdin_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "From a.");
    let b = write(dir.path(), "b.txt", "From b.");
    let o = hearsay(&["export", "-f", "jsonl", &b, "-", &a], b"From stdin.");
    assert!(o.status.success());
    let got: Vec<(String, String)> = jsonl(&o)
        .iter()
        .map(|v| {
            (
                v["source"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (b.clone(), "From b.".to_string()),
            ("-".to_string(), "From stdin.".to_string()),
            (a.clone(), "From a.".to_string())
        ]
    );
}

#[test]
fn without_a_path_export_reads_piped_stdin() {
    let o = hearsay(
        &["export", "-f", "jsonl"],
        b"{\"headline\": \"H\", \"body\": \"Piped JSON.\"}",
    );
    let v = &jsonl(&o)[0];
    assert_eq!(v["source"], "-");
    assert_eq!(v["title"], "H");
    assert_eq!(v["text"], "Piped JSON.");
}

#[test]
fn bom_crlf_and_cr_are_normalised() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "bom.txt", b"\xEF\xBB\xBFTitle\r\n\r\nBody one.\r\n");
    let b = write(dir.path(), "cr.txt", b"Old Mac.\rSecond line.\r");
    let o = run(&["export", "-f", "jsonl", &a, &b]);
    assert!(o.status.success());
    let v = jsonl(&o);
    assert_eq!(v[0]["text"], "Title\n\nBody one.\n");
    assert_eq!(v[0]["title"], "Title");
    assert_eq!(v[1]["text"], "Old Mac.\nSecond line.\n");
}

#[test]
fn a_date_header_becomes_metadata() {
    let o = hearsay(
        &["export", "-f", "jsonl", "-"],
        b" date 2019-05-06 The council met.\n\nIt voted.\n",
    );
    let v = &jsonl(&o)[0];
    assert_eq!(v["date"], "2019-05-06");
    assert_eq!(v["text"], "The council met.\n\nIt voted.\n");
}

#[test]
fn invalid_utf8_loads_lossily_with_a_warning_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "latin1.txt", b"Caf\xe9 owners said prices rose.");
    let o = run(&["export", "-f", "jsonl", &a]);
    assert!(o.status.success(), "a lossy decode is a warning, not a failure");
    assert_eq!(jsonl(&o)[0]["text"], "Caf\u{fffd} owners said prices rose.");
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!("hearsay: warning: {a}: invalid UTF-8")),
        "{err}"
    );
}

#[test]
fn a_binary_file_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Text.");
    let bin = write(dir.path(), "b", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00");
    let o = run(&["export", "-f", "jsonl", path_str(dir.path())]);
    assert!(o.status.success());
    assert_eq!(jsonl(&o).len(), 1);
    assert!(
        stderr(&o).contains(&format!("hearsay: warning: {bin}: not a text file")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn malformed_json_names_file_line_and_column_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "a.json",
        "{\n  \"text\": \"x\"\n  \"title\": \"y\"\n}\n",
    );
    write(dir.path(), "b.txt", "Still here.");
    let o = run(&["export", "-f", "jsonl", path_str(dir.path())]);
    assert_eq!(o.status.code(), Some(1));
    let v = jsonl(&o);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["text"], "Still here.");
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "hearsay: error: {bad}: line 3, column 3: malformed JSON"
        )),
        "{err}"
    );
}

#[test]
fn a_bad_json_lines_line_is_an_error_and_the_other_lines_load() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "a.jsonl",
        "{\"text\": \"One.\", \"url\": \"https://example.org/1\"}\n{\"text\": \n{\"content\": \"Three.\", \"authors\": [\"A\", \"B\"]}\n",
    );
    let o = run(&["export", "-f", "jsonl", &f]);
    assert_eq!(o.status.code(), Some(1));
    let v = jsonl(&o);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0]["source"], format!("{f}#1"));
    assert_eq!(v[0]["url"], "https://example.org/1");
    assert_eq!(v[1]["source"], format!("{f}#3"));
    assert_eq!(v[1]["author"], "A, B");
    assert!(
        stderr(&o).contains(&format!("{f}: line 2, column")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_json_array_gives_one_article_per_element() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "a.json",
        r#"[{"title": "One", "text": "First."}, {"headline": "Two", "article": "Second.", "date": "2020-02-02"}]"#,
    );
    let o = run(&["export", "-f", "jsonl", &f]);
    assert!(o.status.success());
    let v = jsonl(&o);
    assert_eq!(v[1]["source"], format!("{f}#2"));
    assert_eq!(v[1]["title"], "Two");
    assert_eq!(v[1]["date"], "2020-02-02");
}

#[test]
fn markdown_loses_its_markup_and_gives_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "a.md",
        "# The *Vote*\n\nThe **speaker** said [it](https://x.org) passed.\n",
    );
    let o = run(&["export", "-f", "jsonl", &f]);
    let v = &jsonl(&o)[0];
    assert_eq!(v["title"], "The Vote");
    assert_eq!(v["text"], "The Vote\n\nThe speaker said it passed.\n");
}

#[test]
fn a_missing_path_is_an_error_and_the_others_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "Here.");
    let missing = path_str(&dir.path().join("missing.txt")).to_string();
    let o = run(&["export", "-f", "jsonl", &missing, &a]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(jsonl(&o).len(), 1);
    assert!(stderr(&o).starts_with(&format!("hearsay: error: {missing}: ")));
}

#[test]
fn speakers_counts_people_across_articles_most_quoted_first() {
    let dir = tempfile::tempdir().unwrap();
    let one = "Senator Maria Lopez said the plan was sound.\n\n\"It works,\" Lopez said.\n";
    let two = "Maria Lopez said she would vote for it.\n\nGovernor Tom Baker said he would sign it.\n";
    let a = write(dir.path(), "1.txt", one);
    let b = write(dir.path(), "2.txt", two);
    let o = run(&["speakers", "--format", "json", &a, &b]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["articles"], 2);
    let lopez = &v["people"][0];
    assert_eq!(lopez["name"], "Maria Lopez");
    assert_eq!(lopez["articles"], 2);
    assert_eq!(lopez["statements"], 3);
    assert!(v["people"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "Tom Baker"));

    let table = stdout(&run(&["speakers", &a, &b]));
    let mut lines = table.lines();
    assert_eq!(
        lines.next().unwrap().split_whitespace().collect::<Vec<_>>(),
        ["STATEMENTS", "MENTIONS", "ARTICLES", "NAME", "TITLES"]
    );
    assert!(lines.next().unwrap().contains("Maria Lopez"));

    let tsv = stdout(&run(&["speakers", "-f", "tsv", &a, &b]));
    assert!(tsv.lines().nth(1).unwrap().starts_with("3\t"), "{tsv}");
}

#[test]
fn help_is_available_everywhere_and_bad_usage_exits_2() {
    for args in [
        &["--help"][..],
        &["export", "--help"],
        &["speakers", "--help"],
        &["help", "export"],
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}");
        assert!(stdout(&o).contains("Usage: hearsay"), "{args:?}");
    }
    let o = run(&["export", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn fetch_links_help_says_it_is_for_feed_entries_with_only_a_summary() {
    for command in ["export", "speakers"] {
        let help = stdout(&run(&[command, "--help"]));
        // Help is wrapped to the terminal width, so the words are compared without line breaks.
        let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            help.contains(
                "--fetch-links For feed entries that carry only a summary and a link, fetch the linked page"
            ),
            "{help}"
        );
        assert!(!help.contains("front page"), "{help}");
    }
}

#[test]
fn an_empty_directory_exports_an_empty_array() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["export", path_str(dir.path())]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "[]\n");
}

#[test]
fn an_empty_file_or_pipe_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", "  \n\n");
    write(dir.path(), "full.txt", "Words.");
    let o = run(&["export", "-f", "jsonl", path_str(dir.path())]);
    assert!(o.status.success());
    assert_eq!(jsonl(&o).len(), 1);
    assert_eq!(
        stderr(&o),
        format!("hearsay: warning: {empty}: no text, skipped\n")
    );
    let o = run(&["export", "-f", "jsonl"]);
    assert!(o.status.success());
    assert!(o.stdout.is_empty());
}

#[test]
fn paths_before_a_subcommand_are_a_usage_error() {
    let o = run(&["a.txt", "export"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("put paths after it"), "{}", stderr(&o));
}

const PAGE: &str = "<!DOCTYPE html><html><head><title>Bridge to Reopen</title></head><body><article>\
<h1>Bridge to Reopen</h1><p>Mayor Lena Ortiz said the bridge would reopen in May, after months of \
repairs that cost the city more than it had planned to spend.</p><p>\"We are nearly done,\" Ortiz told \
reporters on Tuesday at a press conference held beside the river.</p></article></body></html>";

const RSS: &str = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>City News</title>\
<item><title>Bridge to reopen</title><link>https://news.example/bridge</link>\
<description>Mayor Lena Ortiz said the bridge would reopen in May.</description></item>\
<item><title>Library hours</title><link>https://news.example/library</link>\
<description>The library will open on Sundays, officials said.</description></item>\
</channel></rss>";

#[test]
fn html_pages_and_feeds_go_to_the_web_loader_by_extension_or_content() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "page.html", PAGE);
    let sniffed = write(dir.path(), "saved-page", PAGE);
    let feed = write(dir.path(), "news.rss", RSS);
    let o = run(&["export", "-f", "jsonl", &page, &sniffed, &feed]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = jsonl(&o);
    assert_eq!(v.len(), 4);
    for page in &v[..2] {
        assert!(
            page["text"].as_str().unwrap().contains("Mayor Lena Ortiz said"),
            "{page}"
        );
        assert!(!page["text"].as_str().unwrap().contains('<'));
    }
    assert_eq!(v[1]["source"], sniffed.as_str());
    assert_eq!(v[2]["source"], format!("{feed}#1"));
    assert_eq!(v[3]["url"], "https://news.example/library");
}

#[test]
fn offline_urls_that_are_not_cached_fail_with_their_address() {
    let o = run(&[
        "--offline",
        "export",
        "--no-cache",
        "https://news.example/never-fetched",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "[]\n");
    assert!(
        stderr(&o).starts_with("hearsay: error: https://news.example/never-fetched: "),
        "{}",
        stderr(&o)
    );
}
