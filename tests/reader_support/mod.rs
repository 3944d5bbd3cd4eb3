//! Hand-built articles for the reader tests: the people and statements are set by hand, so the
//! tests check the reader, not the analysis.

#![allow(dead_code)]

use hearsay::reader::action::Action;
use hearsay::reader::keymap::Keymap;
use hearsay::reader::state::State;
use hearsay::reader::theme::Theme;
use hearsay::reader::update::{update, Effect};
use hearsay::{Analysis, Article, Person, Span, Statement, StatementKind};

pub const BRIDGE: &str = "City hall approves the new bridge

Mayor Ann Lee said the bridge would open in May. \"We have waited long enough,\" Lee told reporters on Monday.

Council member Bob Ray says the cost is too high. According to Ray, the budget doubled in two years.

Officials said the river crossing will be closed during construction.

\"It is a good day,\" Lee said.";

/// The span of the `nth` (0-based) occurrence of `needle`.
pub fn span(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"))
        .0;
    Span::new(start, start + needle.len())
}

pub fn person(id: usize, name: &str, titles: &[&str], mentions: Vec<Span>) -> Person {
    Person {
        id,
        name: name.to_string(),
        titles: titles.iter().map(|t| t.to_string()).collect(),
        aliases: Vec::new(),
        mentions,
    }
}

pub fn statement(
    id: usize,
    speaker: Option<usize>,
    source: Option<Span>,
    cue: Span,
    content: Span,
    kind: StatementKind,
) -> Statement {
    Statement {
        id,
        speaker,
        source,
        cue: Some(cue),
        content,
        kind,
    }
}

/// An analysis of `text` with the segmentation computed and people and statements replaced.
pub fn analysis(source: &str, text: &str, people: Vec<Person>, statements: Vec<Statement>) -> Analysis {
    let mut a = Analysis::new(Article::from_text(source, text));
    a.people = people;
    a.statements = statements;
    a
}

/// The bridge article: Ann Lee (3 statements), Bob Ray (2), one unnamed source.
pub fn bridge() -> Analysis {
    bridge_titled("bridge.txt", BRIDGE)
}

pub fn bridge_titled(source: &str, text: &str) -> Analysis {
    let t = text;
    let people = vec![
        person(
            0,
            "Ann Lee",
            &["Mayor"],
            vec![span(t, "Ann Lee", 0), span(t, "Lee", 1), span(t, "Lee", 2)],
        ),
        person(
            1,
            "Bob Ray",
            &["Council member"],
            vec![span(t, "Bob Ray", 0), span(t, "Ray", 1)],
        ),
    ];
    let statements = vec![
        statement(
            0,
            Some(0),
            Some(span(t, "Ann Lee", 0)),
            span(t, "said", 0),
            span(t, "the bridge would open in May", 0),
            StatementKind::Indirect,
        ),
        statement(
            1,
            Some(0),
            Some(span(t, "Lee", 1)),
            span(t, "told", 0),
            span(t, "\"We have waited long enough,\"", 0),
            StatementKind::Direct,
        ),
        statement(
            2,
            Some(1),
            Some(span(t, "Bob Ray", 0)),
            span(t, "says", 0),
            span(t, "the cost is too high", 0),
            StatementKind::Indirect,
        ),
        statement(
            3,
            Some(1),
            Some(span(t, "Ray", 1)),
            span(t, "According to", 0),
            span(t, "the budget doubled in two years", 0),
            StatementKind::Indirect,
        ),
        statement(
            4,
            None,
            Some(span(t, "Officials", 0)),
            span(t, "said", 1),
            span(t, "the river crossing will be closed during construction", 0),
            StatementKind::Indirect,
        ),
        statement(
            5,
            Some(0),
            Some(span(t, "Lee", 2)),
            span(t, "said", 2),
            span(t, "\"It is a good day,\"", 0),
            StatementKind::Direct,
        ),
    ];
    analysis(source, text, people, statements)
}

/// A long article: the bridge paragraphs many times over, with the statements of every copy.
pub fn long_bridge(copies: usize) -> Analysis {
    let body = BRIDGE.split_once("\n\n").unwrap().1;
    let mut text = String::from("The long bridge report\n\n");
    for _ in 0..copies {
        text.push_str(body);
        text.push_str("\n\n");
    }
    let base = bridge();
    let body_offset = BRIDGE.len() - body.len();
    let mut people = base.people.clone();
    let mut statements = Vec::new();
    let mut at = "The long bridge report\n\n".len();
    for p in &mut people {
        p.mentions.clear();
    }
    for _ in 0..copies {
        let shift = |s: Span| Span::new(s.start - body_offset + at, s.end - body_offset + at);
        for (i, p) in base.people.iter().enumerate() {
            people[i].mentions.extend(p.mentions.iter().map(|&m| shift(m)));
        }
        for s in &base.statements {
            let mut s = s.clone();
            s.id = statements.len();
            s.content = shift(s.content);
            s.cue = s.cue.map(shift);
            s.source = s.source.map(shift);
            statements.push(s);
        }
        at += body.len() + 2;
    }
    analysis("long.txt", &text, people, statements)
}

/// A reader state over some articles, on a screen of the given size, default keys and colours.
pub fn state_with(articles: Vec<Analysis>, w: u16, h: u16) -> State {
    state_themed(articles, w, h, Theme::default())
}

pub fn state_themed(articles: Vec<Analysis>, w: u16, h: u16, theme: Theme) -> State {
    let mut s = State::new(theme, Keymap::default());
    update(&mut s, Action::Resize(w, h));
    for a in articles {
        update(&mut s, Action::Loaded(Box::new(a)));
    }
    update(&mut s, Action::LoadDone);
    s
}

/// Runs actions, collecting their effects.
pub fn run(state: &mut State, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    actions.into_iter().flat_map(|a| update(state, a)).collect()
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen(state: &State) -> String {
    let (w, h) = state.size;
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    hearsay::reader::view::render(area, &mut buf, state);
    buffer_text(&buf)
}

pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut hidden = 0;
        for x in area.left()..area.right() {
            // The cell after a wide character is covered by it.
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            hidden = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn render(state: &State) -> ratatui::buffer::Buffer {
    let (w, h) = state.size;
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    hearsay::reader::view::render(area, &mut buf, state);
    buf
}
