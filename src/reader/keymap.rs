//! The keymap is data: a list of (keys, command, description) read from the embedded default
//! TOML and then from the user's config by the same code. The help overlay is generated from it.

use std::collections::HashMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// The default bindings, also the documentation of the format.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// One key with its modifiers, normalised so that `G` and `Shift-g` are the same chord.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl KeyChord {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            // A character already carries its shift in its case; terminals disagree on whether
            // they also report SHIFT, so drop it.
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        KeyChord { code, mods }
    }

    pub fn from_event(event: &KeyEvent) -> Self {
        KeyChord::new(event.code, event.modifiers)
    }

    /// Parses `j`, `G`, `?`, `Ctrl-d`, `Shift-Tab`, `PageDown`, `Space`, `F5` ...
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = ["ctrl-", "c-", "alt-", "a-", "m-", "shift-", "s-"]
                .into_iter()
                .find(|p| lower.starts_with(p) && rest.len() > p.len());
            let Some(p) = prefix else { break };
            mods |= match p {
                "ctrl-" | "c-" => KeyModifiers::CONTROL,
                "alt-" | "a-" | "m-" => KeyModifiers::ALT,
                _ => KeyModifiers::SHIFT,
            };
            rest = &rest[p.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if mods.contains(KeyModifiers::SHIFT) {
                c.to_ascii_uppercase()
            } else {
                c
            }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "space" => KeyCode::Char(' '),
                f if f.starts_with('f') && f.len() > 1 => match f[1..].parse::<u8>() {
                    Ok(n) if (1..=24).contains(&n) => KeyCode::F(n),
                    _ => return Err(format!("unknown key {s:?}")),
                },
                _ => return Err(format!("unknown key {s:?}")),
            },
        };
        Ok(KeyChord::new(code, mods))
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            KeyCode::PageUp => f.write_str("PageUp"),
            KeyCode::PageDown => f.write_str("PageDown"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The keys of one command.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: Vec<KeyChord>,
    pub action: Action,
    pub description: &'static str,
}

/// A problem with one entry of a `[keys]` table, with the line it is on when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProblem {
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for KeyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
    lookup: HashMap<KeyChord, usize>,
}

impl Default for Keymap {
    fn default() -> Self {
        let table: toml::Table = DEFAULT_KEYMAP.parse().expect("the embedded keymap is valid TOML");
        let mut map = Keymap::empty();
        let problems = map.apply(&table, DEFAULT_KEYMAP);
        debug_assert!(problems.is_empty(), "embedded keymap: {problems:?}");
        map
    }
}

impl Keymap {
    /// Every command, bound to nothing.
    pub fn empty() -> Self {
        Keymap {
            bindings: Action::commands()
                .map(|action| Binding {
                    description: action.description(),
                    keys: Vec::new(),
                    action,
                })
                .collect(),
            lookup: HashMap::new(),
        }
    }

    /// Applies the `[keys]` table of a parsed TOML document: each command it names gets exactly
    /// the keys listed (an empty list unbinds it). A key that another command already has is
    /// taken from that command and reported. `source` is the document's text, used to name lines.
    pub fn apply(&mut self, doc: &toml::Table, source: &str) -> Vec<KeyProblem> {
        let mut problems = Vec::new();
        let Some(keys) = doc.get("keys") else {
            return problems;
        };
        let Some(keys) = keys.as_table() else {
            problems.push(KeyProblem {
                line: line_of_key(source, "keys"),
                message: "`keys` must be a table of command = [\"key\", ...]".into(),
            });
            return problems;
        };
        let mut claimed: HashMap<KeyChord, usize> = HashMap::new();
        // In the order of the file, so that of two commands claiming a key the later one wins.
        let mut entries: Vec<(&String, &toml::Value)> = keys.iter().collect();
        entries.sort_by_key(|(name, _)| line_of_key(source, name).unwrap_or(usize::MAX));
        for (name, value) in entries {
            let line = line_of_key(source, name);
            let Some(index) =
                Action::from_name(name).and_then(|a| self.bindings.iter().position(|b| b.action.same(&a)))
            else {
                problems.push(KeyProblem {
                    line,
                    message: format!("unknown command `{name}`"),
                });
                continue;
            };
            let list: Vec<&str> = match value {
                toml::Value::String(s) => vec![s.as_str()],
                toml::Value::Array(items) => {
                    let strings: Option<Vec<&str>> = items.iter().map(|v| v.as_str()).collect();
                    match strings {
                        Some(s) => s,
                        None => {
                            problems.push(KeyProblem {
                                line,
                                message: format!("`{name}` must list keys as strings"),
                            });
                            continue;
                        }
                    }
                }
                _ => {
                    problems.push(KeyProblem {
                        line,
                        message: format!("`{name}` must be a key or a list of keys"),
                    });
                    continue;
                }
            };
            let mut chords = Vec::new();
            for key in list {
                match KeyChord::parse(key) {
                    Ok(chord) if chords.contains(&chord) => {}
                    Ok(chord) => chords.push(chord),
                    Err(e) => problems.push(KeyProblem {
                        line,
                        message: format!("`{name}`: {e}"),
                    }),
                }
            }
            for chord in &chords {
                if let Some(&other) = claimed.get(chord) {
                    if other != index {
                        problems.push(KeyProblem {
                            line,
                            message: format!(
                                "{chord} is bound to both `{}` and `{name}`; `{name}` keeps it",
                                self.bindings[other].action.name().unwrap_or("?")
                            ),
                        });
                        self.bindings[other].keys.retain(|c| c != chord);
                    }
                } else if let Some(other) = self
                    .bindings
                    .iter()
                    .position(|b| b.keys.contains(chord))
                    .filter(|&o| o != index)
                {
                    // Rebinding a key that an earlier layer gave to another command is what
                    // users mean when they rebind it, so it is not a conflict; it just moves.
                    self.bindings[other].keys.retain(|c| c != chord);
                }
                claimed.insert(*chord, index);
            }
            self.bindings[index].keys = chords;
        }
        self.reindex();
        problems
    }

    fn reindex(&mut self) {
        self.lookup.clear();
        for (i, b) in self.bindings.iter().enumerate() {
            for k in &b.keys {
                self.lookup.entry(*k).or_insert(i);
            }
        }
    }

    /// The command a key press runs.
    pub fn action_for(&self, chord: KeyChord) -> Option<Action> {
        self.lookup.get(&chord).map(|&i| self.bindings[i].action.clone())
    }

    /// The keys of a command, as the help and the status bar name them (`n`, `PageDown`).
    pub fn keys_of(&self, action: &Action) -> Vec<KeyChord> {
        self.bindings
            .iter()
            .find(|b| b.action.same(action))
            .map(|b| b.keys.clone())
            .unwrap_or_default()
    }

    /// The first key of a command, for hints; empty when it is unbound.
    pub fn hint(&self, action: &Action) -> String {
        self.keys_of(action)
            .first()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// One line per bound command: keys, then description. Consecutive speaker commands are
    /// folded into one line so the help fits a small screen.
    pub fn help_lines(&self) -> Vec<(String, String)> {
        let mut lines: Vec<(String, String)> = Vec::new();
        let mut speakers: Vec<String> = Vec::new();
        for b in &self.bindings {
            if b.keys.is_empty() {
                continue;
            }
            let keys = b
                .keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            if let Action::SelectSpeaker(_) = b.action {
                speakers.push(keys);
                if speakers.len() == 1 {
                    lines.push((String::new(), "select the speaker with that number".into()));
                }
                let at = lines
                    .iter()
                    .rposition(|(_, d)| d == "select the speaker with that number");
                if let Some(at) = at {
                    lines[at].0 = fold_speakers(&speakers);
                }
            } else {
                lines.push((keys, b.description.to_string()));
            }
        }
        lines
    }
}

fn fold_speakers(keys: &[String]) -> String {
    let digits = keys.iter().enumerate().all(|(i, k)| k == &(i + 1).to_string());
    if digits && keys.len() > 1 {
        format!("1-{}", keys.len())
    } else {
        keys.join(", ")
    }
}

/// The 1-based line on which `key = ...` (or `[key]`) first appears in a TOML text.
pub fn line_of_key(source: &str, key: &str) -> Option<usize> {
    source
        .lines()
        .position(|l| {
            let t = l.trim_start();
            let t = t.strip_prefix('[').unwrap_or(t);
            let t = t.strip_prefix('"').unwrap_or(t);
            t.strip_prefix(key)
                .map(|rest| rest.trim_start_matches('"').trim_start())
                .is_some_and(|rest| rest.starts_with('=') || rest.starts_with(']'))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyChord {
        KeyChord::new(code, mods)
    }

    #[test]
    fn defaults_bind_every_command_in_the_issue() {
        let map = Keymap::default();
        let act = |c: KeyChord| map.action_for(c).and_then(|a| a.name());
        assert_eq!(
            act(press(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some("scroll_down")
        );
        assert_eq!(act(press(KeyCode::Down, KeyModifiers::NONE)), Some("scroll_down"));
        assert_eq!(
            act(press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some("half_page_down")
        );
        assert_eq!(
            act(press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some("bottom")
        );
        assert_eq!(
            act(press(KeyCode::Char(' '), KeyModifiers::NONE)),
            Some("page_down")
        );
        assert_eq!(
            act(press(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some("focus_prev")
        );
        assert_eq!(
            act(press(KeyCode::Char('}'), KeyModifiers::NONE)),
            Some("next_statement")
        );
        assert_eq!(
            act(press(KeyCode::Char('3'), KeyModifiers::NONE)),
            Some("speaker_3")
        );
        assert_eq!(
            act(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some("force_quit")
        );
        for b in &map.bindings {
            assert!(!b.keys.is_empty(), "{:?} has a default key", b.action);
        }
    }

    #[test]
    fn chords_parse_and_print_back() {
        for s in [
            "j",
            "G",
            "?",
            "Ctrl-d",
            "Shift-Tab",
            "PageDown",
            "Space",
            "F5",
            "Alt-x",
            "Esc",
        ] {
            assert_eq!(KeyChord::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(
            KeyChord::parse("C-d").unwrap(),
            KeyChord::parse("Ctrl-d").unwrap()
        );
        assert_eq!(KeyChord::parse("Shift-g").unwrap(), KeyChord::parse("G").unwrap());
        assert!(KeyChord::parse("Hyper-q").is_err());
        assert!(KeyChord::parse("F99").is_err());
    }

    #[test]
    fn user_tables_rebind_unbind_and_report_conflicts() {
        let src =
            "[keys]\nquit = [\"x\"]\nnext = []\nfilter = [\"x\"]\nfly = [\"z\"]\ncopy = [\"Hyper-q\"]\n";
        let table: toml::Table = src.parse().unwrap();
        let mut map = Keymap::default();
        let problems = map.apply(&table, src);
        let x = KeyChord::parse("x").unwrap();
        // `filter` comes later in the table, so it keeps x.
        assert_eq!(map.action_for(x).and_then(|a| a.name()), Some("filter"));
        assert!(map.action_for(KeyChord::parse("q").unwrap()).is_none());
        assert!(map.action_for(KeyChord::parse("n").unwrap()).is_none());
        assert!(map.action_for(KeyChord::parse("f").unwrap()).is_none());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|p| p.starts_with("line 4: x is bound to both `quit` and `filter`")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|p| p == "line 5: unknown command `fly`"),
            "{text:?}"
        );
        assert!(
            text.iter().any(|p| p.starts_with("line 6: `copy`: unknown key")),
            "{text:?}"
        );
    }

    #[test]
    fn rebinding_a_default_key_moves_it_without_a_conflict() {
        let src = "[keys]\nnext_article = [\"n\"]\n";
        let mut map = Keymap::default();
        let problems = map.apply(&src.parse().unwrap(), src);
        assert!(problems.is_empty(), "{problems:?}");
        let n = KeyChord::parse("n").unwrap();
        assert_eq!(map.action_for(n).and_then(|a| a.name()), Some("next_article"));
        assert!(map.keys_of(&Action::Next).is_empty());
    }

    #[test]
    fn help_lists_every_bound_command() {
        let map = Keymap::default();
        let help = map.help_lines();
        assert!(help.contains(&(
            "1-9".to_string(),
            "select the speaker with that number".to_string()
        )));
        assert!(help.contains(&("j, Down".to_string(), "scroll down a line".to_string())));
        assert!(help.iter().any(|(k, _)| k == "?"));
        assert_eq!(help.len(), map.bindings.len() - 8);
    }
}
