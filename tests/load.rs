//! Properties of loading and export over arbitrary input: loading never panics, and every
//! exported offset slices back to the text it claims.

use hearsay::export::{self, Format as ExportFormat};
use hearsay::load::{self, Format, Input, LoadOptions};
use hearsay::{Analysis, Article};
use proptest::prelude::*;
use serde_json::Value;

const FORMATS: [Format; 6] = [
    Format::Text,
    Format::Json,
    Format::JsonLines,
    Format::Markdown,
    Format::Html,
    Format::Feed,
];

/// Text that looks enough like news to give the analysis something to find: names, speech
/// verbs, quotation marks of every kind, abbreviations, non-ASCII letters and blank lines.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Lena Ortiz".to_string()),
        Just("Zoë Ødegård".to_string()),
        Just("Sen. J. R. Smith".to_string()),
        Just(" said".to_string()),
        Just(" says that".to_string()),
        Just(", according to".to_string()),
        Just(" he told reporters".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("’s".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just(" the U.S. ".to_string()),
        // Capitalised runs the people rules take apart: particles, roles before a given name,
        // function words, title-case headline words, a parenthesis before a sentence.
        Just(" Marine Le Pen".to_string()),
        Just("De ".to_string()),
        Just(" Le".to_string()),
        Just("Even ".to_string()),
        Just("Q: Does ".to_string()),
        Just(" County Recorder Helen Purcell".to_string()),
        Just("Senators ".to_string()),
        Just(" The ".to_string()),
        Just(" Will Slams In Of ".to_string()),
        Just("(Having".to_string()),
        "[a-zéü ]{1,12}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check_spans(value: &Value) {
    let chars: Vec<char> = value["text"].as_str().unwrap().chars().collect();
    let mut check = |s: &Value| {
        if s.is_null() {
            return;
        }
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(start <= end && end <= chars.len(), "{s}");
        let sliced: String = chars[start..end].iter().collect();
        assert_eq!(sliced, s["text"].as_str().unwrap());
    };
    for p in value["people"].as_array().unwrap() {
        p["mentions"].as_array().unwrap().iter().for_each(&mut check);
    }
    for s in value["statements"].as_array().unwrap() {
        for k in ["source", "cue", "content"] {
            check(&s[k]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn loading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for format in FORMATS {
            let _ = load::load_bytes("x", format, &bytes);
        }
        let _ = Format::detect(None, &bytes);
    }

    #[test]
    fn loading_arbitrary_text_never_panics(text in "\\PC{0,400}") {
        for format in FORMATS {
            if let Ok(loaded) = load::load_bytes("x", format, text.as_bytes()) {
                for article in loaded.articles {
                    prop_assert!(!article.text.contains('\r'));
                }
            }
        }
    }

    #[test]
    fn export_offsets_slice_back_to_the_same_text(text in newsy_text()) {
        let analysis = Analysis::new(Article::from_text("t.txt", text.clone()));
        let value: Value = serde_json::from_str(&export::render(&analysis, ExportFormat::JsonLines)).unwrap();
        prop_assert_eq!(value["text"].as_str().unwrap(), text.as_str());
        check_spans(&value);
    }
}

#[test]
fn directories_are_walked_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "b/2.txt",
        "b/1.json",
        "a.md",
        "c.txt",
        "b/.x/hidden.txt",
        "b/skip.png",
        "b/noext",
    ] {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x").unwrap();
    }
    let (inputs, errors) = load::expand(&[dir.path()]);
    assert!(errors.is_empty());
    let names: Vec<String> = inputs
        .iter()
        .map(|i| match i {
            Input::File(p) => p.strip_prefix(dir.path()).unwrap().display().to_string(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(names, ["a.md", "b/1.json", "b/2.txt", "b/noext", "c.txt"]);
}

#[test]
fn dashes_and_urls_are_not_paths() {
    let (inputs, errors) = load::expand(&["-", "https://example.org/a", "/definitely/not/here"]);
    assert_eq!(inputs, [Input::Stdin, Input::Url("https://example.org/a".into())]);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path(), "/definitely/not/here");
}

#[test]
fn the_pipeline_analyses_the_sample() {
    let all = load::analyse_all(&[Input::Sample], &LoadOptions::default());
    assert_eq!(all.analyses.len(), 1);
    assert!(all.analyses[0].article.text.starts_with("Secretary of State"));
    assert!(all.errors.is_empty() && all.warnings.is_empty());
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_walked_once_and_sibling_links_to_one_directory_each_count() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    std::fs::write(real.join("a.txt"), "x").unwrap();
    std::os::unix::fs::symlink(&real, real.join("loop")).unwrap();
    std::os::unix::fs::symlink(&real, dir.path().join("copy")).unwrap();
    let (inputs, errors) = load::expand(&[dir.path()]);
    assert!(errors.is_empty());
    let names: Vec<String> = inputs
        .iter()
        .map(|i| match i {
            Input::File(p) => p.strip_prefix(dir.path()).unwrap().display().to_string(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(names, ["copy/a.txt", "real/a.txt"]);
}
