//! Everything that can happen to the reader: commands bound to keys, and the input and
//! loading events that are not.

use crate::analysis::Analysis;

/// One thing for [`update`](super::update::update) to do. The commands that keys can be bound
/// to have a name (used in the config file) and a description (shown in the help overlay).
#[derive(Debug, Clone)]
pub enum Action {
    ScrollDown,
    ScrollUp,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Select the speaker with this number (1-9) in the speakers pane.
    SelectSpeaker(u8),
    ClearSpeaker,
    NextSpeaker,
    PrevSpeaker,
    /// Repeat the last kind of motion forwards: the selected speaker's next statement, or the
    /// next search match after a search.
    Next,
    Prev,
    NextStatement,
    PrevStatement,
    ToggleFilter,
    StartSearch,
    NextArticle,
    PrevArticle,
    Copy,
    OpenUrl,
    /// Fetch the page the current article links to and put it in the article's place.
    FetchStory,
    ToggleHelp,
    Close,
    Quit,
    ForceQuit,
    ToggleSpeakers,
    FocusNext,
    FocusPrev,
    Activate,

    /// Editing the search prompt; keys typed there never reach the keymap.
    Prompt(PromptEdit),
    Mouse(MouseInput),
    Resize(u16, u16),
    /// The next article from the loader, in input order.
    Loaded(Box<Analysis>),
    /// A file that could not be loaded, or a warning about one.
    LoadProblem(String),
    /// The loader has finished.
    LoadDone,
    /// A message for the status bar from the edge (a failed copy, a config problem).
    Notice(String),
    /// The page a [`FetchStory`](Action::FetchStory) went for, analysed, or why there is none.
    Fetched(Box<FetchedStory>),
}

/// The outcome of fetching an article's linked page, addressed to the article it replaces.
#[derive(Debug, Clone)]
pub struct FetchedStory {
    /// The article's index in the list.
    pub index: usize,
    /// The article's source, to check that the index still means the same article.
    pub source: String,
    pub url: String,
    /// The page's analysis, or the error message (which names the URL).
    pub result: Result<Box<Analysis>, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptEdit {
    Insert(char),
    Backspace,
    Submit,
    Cancel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseInput {
    WheelDown { column: u16, row: u16 },
    WheelUp { column: u16, row: u16 },
    Click { column: u16, row: u16 },
}

/// The bindable commands, with the name the config file uses and the help text. The order is
/// the order of the help overlay.
const COMMANDS: &[(&str, &str)] = &[
    ("scroll_down", "scroll down a line"),
    ("scroll_up", "scroll up a line"),
    ("half_page_down", "scroll down half a page"),
    ("half_page_up", "scroll up half a page"),
    ("page_down", "scroll down a page"),
    ("page_up", "scroll up a page"),
    ("top", "go to the top"),
    ("bottom", "go to the bottom"),
    ("speaker_1", "select speaker 1"),
    ("speaker_2", "select speaker 2"),
    ("speaker_3", "select speaker 3"),
    ("speaker_4", "select speaker 4"),
    ("speaker_5", "select speaker 5"),
    ("speaker_6", "select speaker 6"),
    ("speaker_7", "select speaker 7"),
    ("speaker_8", "select speaker 8"),
    ("speaker_9", "select speaker 9"),
    ("clear_speaker", "clear the selected speaker"),
    ("next_speaker", "select the next speaker"),
    ("prev_speaker", "select the previous speaker"),
    ("next", "next statement by the speaker, or next search match"),
    ("prev", "previous statement by the speaker, or previous match"),
    ("next_statement", "next statement by anyone"),
    ("prev_statement", "previous statement by anyone"),
    ("filter", "show only the speaker's statements"),
    ("search", "search the text"),
    ("next_article", "next article (or the one offered)"),
    ("prev_article", "previous article"),
    ("copy", "copy the current statement (OSC 52)"),
    ("open_url", "open the article's url in the browser"),
    ("fetch_story", "fetch the full story from the article's link"),
    ("help", "show or hide this help"),
    ("close", "close the overlay, filter or search"),
    ("quit", "quit"),
    ("force_quit", "quit from anywhere"),
    ("toggle_speakers", "show or hide the speakers pane"),
    ("focus_next", "focus the next pane"),
    ("focus_prev", "focus the previous pane"),
    ("activate", "open / select / jump to the item"),
];

impl Action {
    /// Every bindable command, in help order.
    pub fn commands() -> impl Iterator<Item = Action> {
        COMMANDS.iter().filter_map(|(name, _)| Action::from_name(name))
    }

    /// The command a config file names.
    pub fn from_name(name: &str) -> Option<Action> {
        use Action::*;
        Some(match name {
            "scroll_down" => ScrollDown,
            "scroll_up" => ScrollUp,
            "half_page_down" => HalfPageDown,
            "half_page_up" => HalfPageUp,
            "page_down" => PageDown,
            "page_up" => PageUp,
            "top" => Top,
            "bottom" => Bottom,
            "clear_speaker" => ClearSpeaker,
            "next_speaker" => NextSpeaker,
            "prev_speaker" => PrevSpeaker,
            "next" => Next,
            "prev" => Prev,
            "next_statement" => NextStatement,
            "prev_statement" => PrevStatement,
            "filter" => ToggleFilter,
            "search" => StartSearch,
            "next_article" => NextArticle,
            "prev_article" => PrevArticle,
            "copy" => Copy,
            "open_url" => OpenUrl,
            "fetch_story" => FetchStory,
            "help" => ToggleHelp,
            "close" => Close,
            "quit" => Quit,
            "force_quit" => ForceQuit,
            "toggle_speakers" => ToggleSpeakers,
            "focus_next" => FocusNext,
            "focus_prev" => FocusPrev,
            "activate" => Activate,
            other => {
                let n: u8 = other.strip_prefix("speaker_")?.parse().ok()?;
                if !(1..=9).contains(&n) {
                    return None;
                }
                SelectSpeaker(n)
            }
        })
    }

    /// The config name of a bindable command; `None` for events that are not commands.
    pub fn name(&self) -> Option<&'static str> {
        COMMANDS.iter().map(|(name, _)| *name).find(|name| {
            Action::from_name(name)
                .is_some_and(|a| std::mem::discriminant(&a) == std::mem::discriminant(self))
                && match (self, Action::from_name(name)) {
                    (Action::SelectSpeaker(a), Some(Action::SelectSpeaker(b))) => *a == b,
                    _ => true,
                }
        })
    }

    pub fn description(&self) -> &'static str {
        self.name()
            .and_then(|n| COMMANDS.iter().find(|(name, _)| *name == n))
            .map_or("", |(_, d)| d)
    }

    /// Whether two actions are the same command (for conflict reports and tests).
    pub fn same(&self, other: &Action) -> bool {
        self.name().is_some() && self.name() == other.name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_name_round_trips() {
        for (name, desc) in COMMANDS {
            let a = Action::from_name(name).unwrap_or_else(|| panic!("{name} parses"));
            assert_eq!(a.name(), Some(*name));
            assert_eq!(a.description(), *desc);
        }
        assert!(Action::from_name("speaker_0").is_none());
        assert!(Action::from_name("speaker_10").is_none());
        assert!(Action::from_name("fly").is_none());
        assert_eq!(Action::LoadDone.name(), None);
    }
}
