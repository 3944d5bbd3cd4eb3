//! The reader's state: plain data, changed only by [`update`](super::update::update).

use std::collections::HashMap;

use ratatui::layout::Rect;

use super::keymap::Keymap;
use super::layout::{self, Panes};
use super::memory::Place;
use super::theme::{self, Theme};
use super::wrap::{self, Mark, Wrapped};
use crate::analysis::{Analysis, PersonId, Statement};
use crate::span::Span;

/// One loaded article with what the panes show of it, computed once.
#[derive(Debug, Clone)]
pub struct Doc {
    pub analysis: Analysis,
    /// Colour slot of each person.
    pub slots: Vec<usize>,
    /// People as the speakers pane numbers them.
    pub order: Vec<PersonId>,
    /// Statements by each person.
    pub counts: Vec<usize>,
    /// Statements with no named speaker.
    pub unnamed: usize,
}

impl Doc {
    pub fn new(mut analysis: Analysis, palette_len: usize) -> Doc {
        // The reader never looks at tokens, and they are most of an analysis's memory: with
        // thousands of articles open, dropping them keeps the reader small.
        analysis.tokens = Vec::new();
        let slots = theme::person_slots(&analysis, palette_len);
        let order = analysis.people_by_prominence();
        let mut counts = vec![0; analysis.people.len()];
        let mut unnamed = 0;
        for s in &analysis.statements {
            match s.speaker {
                Some(p) if p < counts.len() => counts[p] += 1,
                _ => unnamed += 1,
            }
        }
        Doc {
            analysis,
            slots,
            order,
            counts,
            unnamed,
        }
    }

    /// The key under which the reading position of this article is remembered.
    pub fn key(&self) -> &str {
        &self.analysis.article.source
    }

    /// Rows of the speakers pane: people by number, then the unnamed sources when there are any.
    pub fn speaker_rows(&self) -> Vec<Speaker> {
        let mut rows: Vec<Speaker> = self.order.iter().map(|&p| Speaker::Person(p)).collect();
        if self.unnamed > 0 {
            rows.push(Speaker::Unnamed);
        }
        rows
    }

    /// Indices of a speaker's statements, in text order.
    pub fn statements_of(&self, speaker: Speaker) -> Vec<usize> {
        self.analysis
            .statements
            .iter()
            .enumerate()
            .filter(|(_, s)| speaker.said(s, self.analysis.people.len()))
            .map(|(i, _)| i)
            .collect()
    }

    pub fn slot(&self, speaker: Speaker) -> Option<usize> {
        match speaker {
            Speaker::Person(p) => self.slots.get(p).copied(),
            Speaker::Unnamed => None,
        }
    }

    /// The speaker of a statement, as the panes group them.
    pub fn speaker_of(&self, s: &Statement) -> Speaker {
        match s.speaker {
            Some(p) if p < self.analysis.people.len() => Speaker::Person(p),
            _ => Speaker::Unnamed,
        }
    }

    pub fn speaker_name(&self, speaker: Speaker) -> String {
        match speaker {
            Speaker::Person(p) => self
                .analysis
                .person(p)
                .map_or_else(String::new, |p| p.name.clone()),
            Speaker::Unnamed => "unnamed sources".to_string(),
        }
    }

    /// The person with this full name, for carrying a selection from one article to another.
    pub fn person_named(&self, name: &str) -> Option<PersonId> {
        self.analysis.people.iter().position(|p| p.name == name)
    }
}

/// A selectable speaker: a person, or the group of unnamed sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    Person(PersonId),
    Unnamed,
}

impl Speaker {
    fn said(self, s: &Statement, people: usize) -> bool {
        match (self, s.speaker) {
            (Speaker::Person(p), Some(q)) => p == q,
            (Speaker::Unnamed, None) => true,
            (Speaker::Unnamed, Some(q)) => q >= people,
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Text,
    Speakers,
    Articles,
}

/// What `n`/`N` repeat: like vim, the last kind of thing chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Motion {
    #[default]
    Speaker,
    Search,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The prompt being typed, while it is open.
    pub prompt: Option<String>,
    /// The last search run.
    pub query: Option<String>,
    pub matches: Vec<Span>,
    pub current: Option<usize>,
}

/// The filter view: the selected speaker's statements, one after another.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    pub cursor: usize,
}

/// The offer made when `n` passes a speaker's last statement: the next article quoting them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub article: usize,
    pub person: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loading {
    pub done: bool,
    pub problems: Vec<String>,
}

/// The wrapped text of the current article at the current width, kept until either changes.
#[derive(Debug, Clone, Default)]
pub struct LayoutCache {
    pub doc: usize,
    pub marks: Vec<Mark>,
    pub marks_doc: Option<usize>,
    pub wrapped: Option<Wrapped>,
}

#[derive(Debug, Clone)]
pub struct State {
    pub docs: Vec<Doc>,
    pub current: usize,
    /// Byte offset of the text at the top of the view: the reading position is anchored to the
    /// text, not to a screen line, so it stays put when the width changes.
    pub top: usize,
    pub speaker: Option<Speaker>,
    /// Index of the current statement in the article's statements.
    pub statement: Option<usize>,
    pub motion: Motion,
    pub focus: Focus,
    pub show_speakers: bool,
    pub speaker_cursor: usize,
    pub article_cursor: usize,
    pub filter: Option<Filter>,
    pub search: Search,
    /// The help overlay, with its scroll offset.
    pub help: Option<usize>,
    pub status: Option<String>,
    pub offer: Option<Offer>,
    pub size: (u16, u16),
    pub loading: Loading,
    /// The url of the linked page being fetched for an article, while one is.
    pub fetching: Option<String>,
    pub quit: bool,
    pub mouse: bool,
    pub theme: Theme,
    pub keymap: Keymap,
    /// Remembered places, by article key; updated as articles are left.
    pub places: HashMap<String, Place>,
    pub cache: LayoutCache,
}

impl Default for State {
    fn default() -> Self {
        State::new(Theme::default(), Keymap::default())
    }
}

impl State {
    pub fn new(theme: Theme, keymap: Keymap) -> State {
        State {
            docs: Vec::new(),
            current: 0,
            top: 0,
            speaker: None,
            statement: None,
            motion: Motion::Speaker,
            focus: Focus::Text,
            show_speakers: true,
            speaker_cursor: 0,
            article_cursor: 0,
            filter: None,
            search: Search::default(),
            help: None,
            status: None,
            offer: None,
            size: (80, 24),
            loading: Loading::default(),
            fetching: None,
            quit: false,
            mouse: true,
            theme,
            keymap,
            places: HashMap::new(),
            cache: LayoutCache::default(),
        }
    }

    pub fn doc(&self) -> Option<&Doc> {
        self.docs.get(self.current)
    }

    pub fn panes(&self) -> Panes {
        layout::panes(self, Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// The wrapped text, when it is up to date with the article and width.
    pub fn wrapped(&self) -> Option<&Wrapped> {
        let w = self.cache.wrapped.as_ref()?;
        (self.cache.doc == self.current && w.width == self.panes().text_width().max(1)).then_some(w)
    }

    /// Brings the wrapped text up to date (after a change of article or size) and keeps the
    /// top of the view in range.
    pub fn sync(&mut self) {
        let Some(doc) = self.docs.get(self.current) else {
            self.cache = LayoutCache::default();
            return;
        };
        let panes = self.panes();
        let width = panes.text_width().max(1);
        if self.cache.marks_doc != Some(self.current) {
            self.cache.marks = wrap::marks(&doc.analysis);
            self.cache.marks_doc = Some(self.current);
            self.cache.wrapped = None;
        }
        if panes.text.is_none() {
            // A list has the whole screen: there is no text to wrap until it is shown again,
            // and the top of the view stays where it is.
            return;
        }
        if self.wrapped().is_none() {
            self.cache.wrapped = Some(wrap::wrap(&doc.analysis, &self.cache.marks, width));
            self.cache.doc = self.current;
        }
        let line = self.top_line();
        self.set_top_line(line);
    }

    pub fn text_height(&self) -> usize {
        usize::from(self.panes().text_height()).max(1)
    }

    pub fn top_line(&self) -> usize {
        self.wrapped().map_or(0, |w| w.line_of(self.top))
    }

    /// Moves the view so that a line is at the top, within range.
    pub fn set_top_line(&mut self, line: usize) {
        let height = self.text_height();
        if let Some(w) = self.wrapped() {
            let line = line.min(w.max_top(height));
            self.top = w.lines.get(line).map_or(0, |l| l.start);
        }
    }

    /// Where `n` and friends count from: the current statement, or else the top of the view.
    pub fn position(&self) -> (usize, Option<usize>) {
        match self
            .statement
            .and_then(|i| Some((i, self.doc()?.analysis.statements.get(i)?)))
        {
            Some((i, s)) => (s.content.start, Some(i)),
            None => (self.top, None),
        }
    }

    /// The speaker shown in the status bar with the current statement's number among theirs:
    /// the selected speaker, or else the current statement's. In the filter view, the number is
    /// that of the statement under the cursor.
    pub fn counter(&self) -> Option<(Speaker, Option<usize>, usize)> {
        let doc = self.doc()?;
        let current = self
            .statement
            .and_then(|i| doc.analysis.statements.get(i).map(|s| (i, s)));
        let speaker = self.speaker.or_else(|| current.map(|(_, s)| doc.speaker_of(s)))?;
        let list = doc.statements_of(speaker);
        let at = match self.filter {
            // In the filter view, the statement under the cursor.
            Some(f) if f.cursor < list.len() => Some(f.cursor),
            _ => current.and_then(|(i, _)| list.iter().position(|&j| j == i)),
        };
        Some((speaker, at, list.len()))
    }

    /// The lines in view, by index.
    pub fn visible_lines(&self) -> std::ops::Range<usize> {
        let top = self.top_line();
        let n = self.wrapped().map_or(0, |w| w.lines.len());
        top..(top + self.text_height()).min(n)
    }

    /// The place to remember for the current article.
    pub fn place(&self) -> Option<(String, Place)> {
        let doc = self.doc()?;
        let paragraph = doc
            .analysis
            .paragraphs
            .partition_point(|p| p.span.end <= self.top)
            .min(doc.analysis.paragraphs.len().saturating_sub(1));
        Some((
            doc.key().to_string(),
            Place {
                paragraph,
                offset: self.top,
                statement: self.statement,
                speaker: match self.speaker {
                    Some(Speaker::Person(p)) => doc.analysis.person(p).map(|p| p.name.clone()),
                    _ => None,
                },
                when: super::memory::now(),
            },
        ))
    }
}
