//! Colours and text attributes. Every style the reader draws with comes from here, so that
//! NO_COLOR can strip colours from them (keeping bold, underline, italic and reverse, which
//! carry every highlight on their own) and 16-colour terminals get colours they have.

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::{Analysis, PersonId};

/// How many colours the terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorMode {
    TrueColor,
    Ansi256,
    Ansi16,
}

impl ColorMode {
    /// From `COLORTERM` and `TERM`, the way terminals announce themselves.
    pub fn detect(colorterm: Option<&str>, term: Option<&str>) -> ColorMode {
        match (colorterm, term) {
            (Some(c), _) if c.eq_ignore_ascii_case("truecolor") || c.eq_ignore_ascii_case("24bit") => {
                ColorMode::TrueColor
            }
            (_, Some(t)) if t.contains("256color") => ColorMode::Ansi256,
            _ => ColorMode::Ansi16,
        }
    }

    pub fn parse(s: &str) -> Option<ColorMode> {
        match s {
            "truecolor" | "24bit" => Some(ColorMode::TrueColor),
            "256" => Some(ColorMode::Ansi256),
            "16" => Some(ColorMode::Ansi16),
            _ => None,
        }
    }
}

/// Person colours of middle lightness, so that they read on dark and on light backgrounds.
pub const DEFAULT_PEOPLE: [Color; 8] = [
    Color::Rgb(0xd0, 0x47, 0x3b),
    Color::Rgb(0x2f, 0x80, 0xd0),
    Color::Rgb(0x2e, 0x9a, 0x58),
    Color::Rgb(0xc0, 0x78, 0x10),
    Color::Rgb(0x9a, 0x5f, 0xd0),
    Color::Rgb(0x12, 0x95, 0x95),
    Color::Rgb(0xc8, 0x48, 0x88),
    Color::Rgb(0x80, 0x8a, 0x1f),
];

/// The same hues among the colours every terminal has.
const PEOPLE_16: [Color; 8] = [
    Color::Red,
    Color::Blue,
    Color::Green,
    Color::Yellow,
    Color::Magenta,
    Color::Cyan,
    Color::LightRed,
    Color::LightBlue,
];

const SEARCH_BG: Color = Color::Rgb(0xf0, 0xc0, 0x30);

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub no_color: bool,
    pub mode: ColorMode,
    /// Person colours as configured, before reduction to the colour mode.
    pub people: Vec<Color>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            no_color: false,
            mode: ColorMode::TrueColor,
            people: DEFAULT_PEOPLE.to_vec(),
        }
    }
}

/// `NO_COLOR` asks for no colour when it is set and not empty.
pub fn no_color_requested(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

impl Theme {
    /// Removes colours, keeping attributes, when NO_COLOR is on. Setting no colour at all (rather
    /// than the terminal's default colour) matters: crossterm resets every attribute when it
    /// emits a default colour.
    pub fn finish(&self, style: Style) -> Style {
        if self.no_color {
            Style {
                fg: None,
                bg: None,
                underline_color: None,
                ..style
            }
        } else {
            style
        }
    }

    fn reduce(&self, c: Color, slot: usize) -> Color {
        match (self.mode, c) {
            (ColorMode::TrueColor, c) => c,
            (ColorMode::Ansi256, Color::Rgb(r, g, b)) => Color::Indexed(rgb_to_256(r, g, b)),
            (ColorMode::Ansi16, Color::Rgb(..) | Color::Indexed(_)) => PEOPLE_16[slot % PEOPLE_16.len()],
            (_, c) => c,
        }
    }

    /// The colour of a person's slot.
    pub fn person_color(&self, slot: usize) -> Color {
        let palette: &[Color] = if self.people.is_empty() {
            &DEFAULT_PEOPLE
        } else {
            &self.people
        };
        self.reduce(palette[slot % palette.len()], slot)
    }

    /// A person's name in the text: coloured and bold.
    pub fn mention(&self, slot: usize) -> Style {
        self.finish(
            Style::new()
                .fg(self.person_color(slot))
                .add_modifier(Modifier::BOLD),
        )
    }

    /// Statement content: tinted in the speaker's colour; quotations in italics. Unnamed
    /// sources get no tint, only the neutral margin mark.
    pub fn statement(&self, slot: Option<usize>, direct: bool) -> Style {
        let mut s = Style::new();
        if let Some(slot) = slot {
            s = s.fg(self.person_color(slot));
        }
        if direct {
            s = s.add_modifier(Modifier::ITALIC);
        }
        self.finish(s)
    }

    /// The cue of a statement ("says", "according to").
    pub fn cue(&self) -> Style {
        self.finish(Style::new().add_modifier(Modifier::UNDERLINED))
    }

    /// Added to the content of the current statement.
    pub fn current(&self) -> Style {
        self.finish(Style::new().add_modifier(Modifier::REVERSED))
    }

    /// A search match.
    pub fn search_match(&self) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        } else {
            let bg = match self.mode {
                ColorMode::TrueColor => SEARCH_BG,
                ColorMode::Ansi256 => Color::Indexed(220),
                ColorMode::Ansi16 => Color::Yellow,
            };
            Style::new().bg(bg).fg(Color::Black)
        }
    }

    /// The margin bar beside a statement's lines.
    pub fn bar(&self, slot: Option<usize>, current: bool) -> Style {
        let mut s = Style::new();
        if let Some(slot) = slot {
            s = s.fg(self.person_color(slot));
        }
        if current {
            s = s.add_modifier(Modifier::BOLD);
        }
        self.finish(s)
    }

    pub fn status(&self) -> Style {
        self.finish(Style::new().add_modifier(Modifier::REVERSED))
    }

    /// The selected speaker in the status bar: their colour as the bar's background.
    pub fn status_person(&self, slot: Option<usize>) -> Style {
        let mut s = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        if let Some(slot) = slot {
            s = s.fg(self.person_color(slot));
        }
        self.finish(s)
    }

    pub fn title(&self) -> Style {
        self.finish(Style::new().add_modifier(Modifier::BOLD))
    }

    /// The marked row of a list (selected speaker, current article, cursor).
    pub fn selected_row(&self) -> Style {
        self.finish(Style::new().add_modifier(Modifier::REVERSED))
    }

    pub fn dim(&self) -> Style {
        self.finish(Style::new().add_modifier(Modifier::DIM))
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.finish(Style::new().add_modifier(Modifier::BOLD))
        } else {
            self.dim()
        }
    }
}

/// Gives each person of an article a colour slot: by a hash of the name, so a person keeps their
/// colour from one article to the next, moving to the next free slot (most prominent first) when
/// two people of the same article would share one.
pub fn person_slots(analysis: &Analysis, palette_len: usize) -> Vec<usize> {
    let n = palette_len.max(1);
    let mut slots = vec![0; analysis.people.len()];
    let mut used = vec![false; n];
    let mut free = n;
    for id in analysis.people_by_prominence() {
        let mut slot = name_hash(&analysis.people[id].name) % n;
        if free > 0 {
            while used[slot] {
                slot = (slot + 1) % n;
            }
            used[slot] = true;
            free -= 1;
        }
        slots[id] = slot;
    }
    slots
}

/// FNV-1a: stable across runs and platforms, unlike the std hasher.
fn name_hash(name: &str) -> usize {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    (h % (u32::MAX as u64)) as usize
}

/// The slot of a person, for callers holding the slot table.
pub fn slot_of(slots: &[usize], person: Option<PersonId>) -> Option<usize> {
    person.and_then(|p| slots.get(p).copied())
}

/// The nearest colour of the xterm 6x6x6 cube.
fn rgb_to_256(r: u8, g: u8, b: u8) -> u8 {
    let level = |v: u8| -> u8 {
        match v {
            0..=47 => 0,
            48..=114 => 1,
            _ => (v - 35) / 40,
        }
    };
    16 + 36 * level(r) + 6 * level(g) + level(b)
}

/// Parses a colour from the config file: a name (`red`, `lightblue`), `#rrggbb`, or an index.
pub fn parse_color(s: &str) -> Option<Color> {
    s.parse::<Color>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Person;
    use crate::article::Article;

    #[test]
    fn no_color_keeps_attributes_and_drops_colours() {
        let theme = Theme {
            no_color: true,
            ..Theme::default()
        };
        let m = theme.mention(0);
        assert_eq!(m.fg, None);
        assert!(m.add_modifier.contains(Modifier::BOLD));
        assert_eq!(theme.statement(Some(1), true).fg, None);
        assert!(theme
            .statement(Some(1), true)
            .add_modifier
            .contains(Modifier::ITALIC));
        assert!(theme.cue().add_modifier.contains(Modifier::UNDERLINED));
        assert!(theme.current().add_modifier.contains(Modifier::REVERSED));
        assert_eq!(theme.search_match().bg, None);
    }

    #[test]
    fn sixteen_colour_mode_uses_named_colours() {
        let theme = Theme {
            mode: ColorMode::Ansi16,
            ..Theme::default()
        };
        assert_eq!(theme.person_color(0), Color::Red);
        assert_eq!(theme.person_color(9), Color::Blue);
        let t256 = Theme {
            mode: ColorMode::Ansi256,
            ..Theme::default()
        };
        assert!(matches!(t256.person_color(0), Color::Indexed(i) if i >= 16));
    }

    #[test]
    fn colour_mode_is_detected_from_the_environment() {
        assert_eq!(
            ColorMode::detect(Some("truecolor"), Some("xterm")),
            ColorMode::TrueColor
        );
        assert_eq!(
            ColorMode::detect(None, Some("xterm-256color")),
            ColorMode::Ansi256
        );
        assert_eq!(ColorMode::detect(None, Some("linux")), ColorMode::Ansi16);
        assert!(no_color_requested(Some("1")));
        assert!(!no_color_requested(Some("")));
        assert!(!no_color_requested(None));
    }

    #[test]
    fn people_keep_their_colour_and_never_share_one() {
        let mut a = Analysis::new(Article::from_text("t", "Ann Lee met Bob Ray."));
        a.people.clear();
        for (i, name) in ["Ann Lee", "Bob Ray", "Cy Young"].iter().enumerate() {
            a.people.push(Person {
                id: i,
                name: name.to_string(),
                titles: vec![],
                aliases: vec![],
                mentions: vec![],
            });
        }
        let slots = person_slots(&a, 8);
        let mut sorted = slots.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 3);
        // The same name gets the same slot in another article when it is free there.
        let mut b = a.clone();
        b.people.truncate(1);
        assert_eq!(person_slots(&b, 8)[0], name_hash("Ann Lee") % 8);
    }
}
