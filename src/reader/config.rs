//! The reader's settings: the embedded defaults (`assets/config.toml` and `assets/keymap.toml`),
//! then the user's file on top, all read by the same code. A bad file never stops the reader:
//! the problems are reported with their line and the defaults apply.

use std::path::{Path, PathBuf};

use ratatui::style::Color;

use super::keymap::{line_of_key, Keymap, DEFAULT_KEYMAP};
use super::theme::{self, ColorMode};

pub const DEFAULT_CONFIG: &str = include_str!("../../assets/config.toml");

#[derive(Debug, Clone)]
pub struct Config {
    pub keymap: Keymap,
    pub mouse: bool,
    /// `None`: detect from the environment.
    pub color_mode: Option<ColorMode>,
    pub people: Vec<Color>,
    /// What was wrong with the user's file, each naming the file and, when known, the line.
    pub problems: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        let mut c = Config {
            keymap: Keymap::empty(),
            mouse: true,
            color_mode: None,
            people: theme::DEFAULT_PEOPLE.to_vec(),
            problems: Vec::new(),
        };
        for (name, src) in [("config.toml", DEFAULT_CONFIG), ("keymap.toml", DEFAULT_KEYMAP)] {
            let problems = c.apply_text(name, src);
            debug_assert!(problems.is_empty(), "embedded {name}: {problems:?}");
        }
        c
    }
}

/// `config.toml` in the platform's config directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hearsay").map(|d| d.config_dir().join("config.toml"))
}

/// The defaults with the user's file on top: `path` when given (it must exist), else the file in
/// the platform config directory when there is one.
pub fn load(path: Option<&Path>) -> Config {
    let mut config = Config::default();
    let (path, explicit) = match path {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (default_path(), false),
    };
    let Some(path) = path else { return config };
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let problems = config.apply_text(&path.display().to_string(), &text);
            config.problems.extend(problems);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {}
        Err(e) => config
            .problems
            .push(format!("{}: {e}; using the defaults", path.display())),
    }
    config
}

impl Config {
    /// Applies one TOML document. A syntax error rejects the whole document; a bad entry only
    /// itself.
    pub fn apply_text(&mut self, name: &str, text: &str) -> Vec<String> {
        let doc: toml::Table = match text.parse() {
            Ok(doc) => doc,
            Err(e) => {
                let e: toml::de::Error = e;
                let line = e
                    .span()
                    .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
                let at = line.map(|l| format!("line {l}: ")).unwrap_or_default();
                return vec![format!("{name}: {at}{}; using the defaults", e.message().trim())];
            }
        };
        let mut problems = Vec::new();
        let mut report = |key: &str, msg: String| {
            let at = line_of_key(text, key)
                .map(|l| format!("line {l}: "))
                .unwrap_or_default();
            problems.push(format!("{name}: {at}{msg}"));
        };
        for (key, value) in &doc {
            match key.as_str() {
                "mouse" => match value.as_bool() {
                    Some(b) => self.mouse = b,
                    None => report(key, "`mouse` must be true or false".into()),
                },
                "colors" => match value.as_table() {
                    Some(t) => self.apply_colors(t, &mut report),
                    None => report(key, "`colors` must be a table".into()),
                },
                "keys" => {}
                other => report(other, format!("unknown setting `{other}`")),
            }
        }
        for p in self.keymap.apply(&doc, text) {
            problems.push(format!("{name}: {p}"));
        }
        problems
    }

    fn apply_colors(&mut self, t: &toml::Table, report: &mut impl FnMut(&str, String)) {
        for (key, value) in t {
            match key.as_str() {
                "mode" => match value.as_str() {
                    Some("auto") => self.color_mode = None,
                    Some(m) => match ColorMode::parse(m) {
                        Some(mode) => self.color_mode = Some(mode),
                        None => report(
                            key,
                            format!("unknown colour mode {m:?} (auto, truecolor, 256, 16)"),
                        ),
                    },
                    None => report(key, "`mode` must be a string".into()),
                },
                "people" => {
                    let Some(items) = value.as_array() else {
                        report(key, "`people` must be a list of colours".into());
                        continue;
                    };
                    let mut colors = Vec::new();
                    for item in items {
                        match item.as_str().and_then(theme::parse_color) {
                            Some(c) => colors.push(c),
                            None => report(key, format!("not a colour: {item}")),
                        }
                    }
                    if !colors.is_empty() {
                        self.people = colors;
                    }
                }
                other => report(other, format!("unknown colour setting `{other}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::action::Action;
    use crate::reader::keymap::KeyChord;

    #[test]
    fn defaults_come_from_the_embedded_files() {
        let c = Config::default();
        assert!(c.mouse);
        assert_eq!(c.color_mode, None);
        assert_eq!(c.people, theme::DEFAULT_PEOPLE.to_vec());
        assert_eq!(c.keymap.hint(&Action::Quit), "q");
    }

    #[test]
    fn a_user_file_overrides_settings_and_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(
            &path,
            "mouse = false\n[colors]\nmode = \"16\"\npeople = [\"red\", \"#00ff00\"]\n[keys]\nquit = [\"x\"]\n",
        )
        .unwrap();
        let c = load(Some(&path));
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert!(!c.mouse);
        assert_eq!(c.color_mode, Some(ColorMode::Ansi16));
        assert_eq!(c.people, vec![Color::Red, Color::Rgb(0, 255, 0)]);
        assert!(c
            .keymap
            .action_for(KeyChord::parse("x").unwrap())
            .is_some_and(|a| a.same(&Action::Quit)));
    }

    #[test]
    fn a_syntax_error_names_the_line_and_keeps_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.toml");
        std::fs::write(&path, "mouse = false\n\n[keys\nquit = [\"x\"]\n").unwrap();
        let c = load(Some(&path));
        assert_eq!(c.problems.len(), 1);
        assert!(c.problems[0].contains("line 3"), "{}", c.problems[0]);
        assert!(c.problems[0].contains("using the defaults"));
        assert!(c.mouse);
        assert_eq!(c.keymap.hint(&Action::Quit), "q");
    }

    #[test]
    fn bad_entries_are_reported_by_line_and_skipped() {
        let mut c = Config::default();
        let text = "mouse = \"yes\"\nshade = 3\n[colors]\nmode = \"sepia\"\npeople = [\"blurple\"]\n";
        let problems = c.apply_text("u.toml", text);
        assert_eq!(
            problems,
            vec![
                "u.toml: line 4: unknown colour mode \"sepia\" (auto, truecolor, 256, 16)",
                "u.toml: line 5: not a colour: \"blurple\"",
                "u.toml: line 1: `mouse` must be true or false",
                "u.toml: line 2: unknown setting `shade`",
            ]
        );
        assert!(c.mouse);
    }

    #[test]
    fn the_readme_example_is_a_valid_config() {
        let readme = include_str!("../../README.md");
        let section = &readme[readme.find("### Configuration").expect("the section")..];
        let start = section.find("```toml\n").expect("a toml block") + "```toml\n".len();
        let example = &section[start..start + section[start..].find("```").unwrap()];
        let mut c = Config::default();
        assert_eq!(c.apply_text("README", example), Vec::<String>::new());
        assert!(!c.mouse);
        assert!(c.keymap.keys_of(&Action::OpenUrl).is_empty());
        assert_eq!(c.keymap.keys_of(&Action::Next).len(), 2);
    }

    #[test]
    fn a_missing_explicit_file_is_reported() {
        let c = load(Some(Path::new("/nonexistent/hearsay.toml")));
        assert_eq!(c.problems.len(), 1);
        assert!(c.problems[0].starts_with("/nonexistent/hearsay.toml: "));
    }
}
