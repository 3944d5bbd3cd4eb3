//! `update(state, action)`: every change to the reader's state, with the effects to carry out
//! at the edge (clipboard, browser, saving the reading position, fetching a linked page)
//! returned, never performed.

use super::action::{Action, FetchedStory, MouseInput, PromptEdit};
use super::layout::{self, gutter};
use super::memory::Place;
use super::state::{Doc, Filter, Focus, LayoutCache, Motion, Offer, Speaker, State};
use crate::analysis::Analysis;
use crate::article::Article;
use crate::span::Span;

/// Something for the edge to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard with OSC 52.
    Copy(String),
    OpenUrl(String),
    /// Fetch the page `url` links to off the UI thread, analyse it, and report back with
    /// [`Action::Fetched`] for the article at `index`.
    FetchStory {
        index: usize,
        article: Article,
        url: String,
    },
    /// Store the reading position of an article.
    Remember {
        key: String,
        place: Place,
    },
    Quit,
}

fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !url.chars().any(char::is_control)
}

/// Lines of context kept above a statement or match the view scrolls to.
const CONTEXT: usize = 3;
/// Lines the mouse wheel scrolls.
const WHEEL: isize = 3;

pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let mut fx = Vec::new();
    let from_user = !matches!(
        action,
        Action::Loaded(_)
            | Action::LoadProblem(_)
            | Action::LoadDone
            | Action::Resize(..)
            | Action::Notice(_)
            | Action::Fetched(_)
    );
    if from_user {
        state.status = None;
    }
    if state.help.is_some() && from_user {
        help_action(state, action, &mut fx);
        state.sync();
        return fx;
    }
    let keep_offer = matches!(
        action,
        Action::NextArticle | Action::Activate | Action::Next | Action::Prev
    ) || !from_user;
    let offer = state.offer.take();
    if keep_offer {
        state.offer = offer;
    }
    match action {
        Action::ScrollDown => scroll(state, 1),
        Action::ScrollUp => scroll(state, -1),
        Action::HalfPageDown => scroll(state, half_page(state)),
        Action::HalfPageUp => scroll(state, -half_page(state)),
        Action::PageDown => scroll(state, page(state)),
        Action::PageUp => scroll(state, -page(state)),
        Action::Top => scroll(state, isize::MIN / 2),
        Action::Bottom => scroll(state, isize::MAX / 2),
        Action::SelectSpeaker(n) => select_number(state, usize::from(n)),
        Action::ClearSpeaker => {
            state.speaker = None;
            state.filter = None;
        }
        Action::NextSpeaker => cycle_speaker(state, 1),
        Action::PrevSpeaker => cycle_speaker(state, -1),
        Action::Next => repeat(state, true),
        Action::Prev => repeat(state, false),
        Action::NextStatement => step_any(state, true),
        Action::PrevStatement => step_any(state, false),
        Action::ToggleFilter => toggle_filter(state),
        Action::StartSearch => state.search.prompt = Some(String::new()),
        Action::Prompt(edit) => prompt(state, edit),
        Action::NextArticle => match state.offer.take() {
            Some(offer) => accept_offer(state, offer, &mut fx),
            None if state.current + 1 < state.docs.len() => open_article(state, state.current + 1, &mut fx),
            None => state.status = Some(last_article_message(state)),
        },
        Action::PrevArticle if state.current > 0 => open_article(state, state.current - 1, &mut fx),
        Action::PrevArticle => state.status = Some("This is the first article".into()),
        Action::Copy => copy(state, &mut fx),
        Action::OpenUrl => match state.doc().and_then(|d| d.analysis.article.url.clone()) {
            // The url comes from the article: only web addresses go to the browser, never a
            // file or program name the system opener would run.
            Some(url) if is_web_address(&url) => {
                state.status = Some(format!("Opening {url}"));
                fx.push(Effect::OpenUrl(url));
            }
            Some(url) => state.status = Some(format!("Not a web address: {url}")),
            None => state.status = Some("This article has no url".into()),
        },
        Action::FetchStory => fetch_story(state, &mut fx),
        Action::ToggleHelp => state.help = Some(0),
        Action::Close => close(state),
        Action::Quit if state.filter.is_some() => state.filter = None,
        Action::Quit | Action::ForceQuit => quit(state, &mut fx),
        Action::ToggleSpeakers => {
            state.show_speakers = !state.show_speakers;
            if !state.show_speakers && state.focus == Focus::Speakers {
                state.focus = Focus::Text;
            }
        }
        Action::FocusNext => cycle_focus(state, 1),
        Action::FocusPrev => cycle_focus(state, -1),
        Action::Activate => activate(state, &mut fx),
        Action::Mouse(m) => mouse(state, m, &mut fx),
        Action::Resize(w, h) => state.size = (w, h),
        Action::Loaded(analysis) => loaded(state, *analysis, &mut fx),
        Action::LoadProblem(p) => state.loading.problems.push(p),
        Action::LoadDone => state.loading.done = true,
        Action::Notice(m) => state.status = Some(m),
        Action::Fetched(story) => fetched(state, *story),
    }
    state.sync();
    fx
}

/// While the help overlay is open it takes the keys: scrolling it, closing it, quitting.
fn help_action(state: &mut State, action: Action, fx: &mut Vec<Effect>) {
    let lines = state.keymap.help_lines().len();
    // The overlay shows the lines that fit inside its border; scrolling stops at the last one.
    let rows = usize::from(state.size.1.saturating_sub(2)).max(1);
    let last = lines.saturating_sub(rows);
    let at = state.help.unwrap_or(0).min(last);
    let half = half_page(state).unsigned_abs();
    let move_to = |to: usize| Some(to.min(last));
    state.help = match action {
        Action::ScrollDown => move_to(at + 1),
        Action::ScrollUp => Some(at.saturating_sub(1)),
        Action::HalfPageDown | Action::PageDown => move_to(at + half),
        Action::HalfPageUp | Action::PageUp => Some(at.saturating_sub(half)),
        Action::Top => Some(0),
        Action::Bottom => move_to(lines),
        Action::Mouse(MouseInput::WheelDown { .. }) => move_to(at + 3),
        Action::Mouse(MouseInput::WheelUp { .. }) => Some(at.saturating_sub(3)),
        Action::ForceQuit => {
            quit(state, fx);
            None
        }
        Action::Prompt(_) => Some(at),
        _ => None,
    };
}

fn half_page(state: &State) -> isize {
    (state.text_height() / 2).max(1) as isize
}

fn page(state: &State) -> isize {
    state.text_height().saturating_sub(2).max(1) as isize
}

fn clamp_move(at: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (at as isize).saturating_add(delta).clamp(0, len as isize - 1) as usize
}

fn scroll(state: &mut State, delta: isize) {
    if let Some(filter) = state.filter {
        let len = filter_list(state).len();
        state.filter = Some(Filter {
            cursor: clamp_move(filter.cursor, delta, len),
        });
        return;
    }
    match state.focus {
        Focus::Speakers => {
            let len = state.doc().map_or(0, |d| d.speaker_rows().len());
            state.speaker_cursor = clamp_move(state.speaker_cursor, delta, len);
        }
        Focus::Articles => {
            state.article_cursor = clamp_move(state.article_cursor, delta, state.docs.len());
        }
        Focus::Text => scroll_text(state, delta),
    }
}

fn scroll_text(state: &mut State, delta: isize) {
    let line = (state.top_line() as isize).saturating_add(delta).max(0) as usize;
    state.set_top_line(line);
    // A current statement scrolled out of sight no longer says where the reader is.
    if let Some(span) = current_span(state) {
        if !span_visible(state, span) {
            state.statement = None;
        }
    }
}

fn current_span(state: &State) -> Option<Span> {
    let i = state.statement?;
    Some(state.doc()?.analysis.statements.get(i)?.content)
}

fn span_visible(state: &State, span: Span) -> bool {
    let Some(w) = state.wrapped() else { return false };
    let first = w.line_of(span.start);
    let last = w.line_of(span.end.saturating_sub(1).max(span.start));
    let view = state.visible_lines();
    first < view.end && last >= view.start
}

/// Scrolls so that a span is in full view when it can be, with some context above.
fn reveal(state: &mut State, span: Span) {
    state.sync();
    let Some(w) = state.wrapped() else { return };
    let first = w.line_of(span.start);
    let last = w.line_of(span.end.saturating_sub(1).max(span.start));
    let view = state.visible_lines();
    if first >= view.start && last < view.end {
        return;
    }
    let context = CONTEXT.min(state.text_height() / 4);
    state.set_top_line(first.saturating_sub(context));
}

fn go_to_statement(state: &mut State, index: usize) {
    let Some(span) = state
        .doc()
        .and_then(|d| d.analysis.statements.get(index))
        .map(|s| s.content)
    else {
        return;
    };
    state.statement = Some(index);
    reveal(state, span);
}

fn select(state: &mut State, speaker: Speaker) {
    state.speaker = Some(speaker);
    state.motion = Motion::Speaker;
    state.offer = None;
    if let Some(row) = state
        .doc()
        .and_then(|d| d.speaker_rows().iter().position(|&r| r == speaker))
    {
        state.speaker_cursor = row;
    }
    if state.filter.is_some() {
        state.filter = Some(Filter {
            cursor: initial_filter_cursor(state),
        });
    }
}

fn select_number(state: &mut State, n: usize) {
    let Some(doc) = state.doc() else { return };
    match doc.order.get(n.wrapping_sub(1)) {
        Some(&p) => select(state, Speaker::Person(p)),
        None => state.status = Some(format!("No speaker {n} in this article")),
    }
}

fn cycle_speaker(state: &mut State, dir: isize) {
    let Some(doc) = state.doc() else { return };
    let rows = doc.speaker_rows();
    if rows.is_empty() {
        state.status = Some("Nobody is quoted in this article".into());
        return;
    }
    let at = state.speaker.and_then(|s| rows.iter().position(|&r| r == s));
    let next = match (at, dir > 0) {
        (None, true) => 0,
        (None, false) => rows.len() - 1,
        (Some(i), true) => (i + 1) % rows.len(),
        (Some(i), false) => (i + rows.len() - 1) % rows.len(),
    };
    select(state, rows[next]);
}

fn repeat(state: &mut State, forward: bool) {
    if state.motion == Motion::Search && state.search.query.is_some() {
        search_step(state, forward);
        return;
    }
    if let Some(f) = state.filter {
        // In the filter view the speaker's statements are the list: n and N move along it.
        let len = filter_list(state).len().max(1);
        let cursor = if forward {
            (f.cursor + 1) % len
        } else {
            (f.cursor + len - 1) % len
        };
        state.filter = Some(Filter { cursor });
        return;
    }
    let Some(speaker) = state.speaker else {
        let hint = state.keymap.hint(&Action::SelectSpeaker(1));
        state.status = Some(format!("Select a speaker first ({hint}-9 or s)"));
        return;
    };
    let Some(doc) = state.doc() else { return };
    let list = doc.statements_of(speaker);
    let name = doc.speaker_name(speaker);
    if list.is_empty() {
        state.status = Some(format!("{name}: no statements in this article"));
        return;
    }
    let statements = &doc.analysis.statements;
    let key = |i: usize| (statements[i].content.start, i);
    let (pos, cur) = state.position();
    let found = if forward {
        list.iter().copied().find(|&i| match cur {
            Some(c) => key(i) > key(c),
            None => statements[i].content.start >= pos,
        })
    } else {
        list.iter().rev().copied().find(|&i| match cur {
            Some(c) => key(i) < key(c),
            None => statements[i].content.start < pos,
        })
    };
    let target = match found {
        Some(i) => i,
        None => {
            let wrapped_to = if forward { list[0] } else { list[list.len() - 1] };
            let end = if forward { "last" } else { "first" };
            let mut message = format!("{name}: past the {end} statement, wrapped");
            if let (true, Speaker::Person(p)) = (forward, speaker) {
                let person = doc.analysis.people[p].name.clone();
                if let Some(article) = next_article_quoting(state, &person) {
                    let title = state.docs[article].analysis.article.display_title().to_string();
                    let key = state.keymap.hint(&Action::NextArticle);
                    message = format!("{name}: wrapped; {key} continues with them in “{title}”");
                    state.offer = Some(Offer { article, person });
                }
            }
            state.status = Some(message);
            wrapped_to
        }
    };
    if found.is_some() {
        state.offer = None;
    }
    go_to_statement(state, target);
}

/// The next article after the current one in which a person of this name makes a statement.
fn next_article_quoting(state: &State, name: &str) -> Option<usize> {
    (state.current + 1..state.docs.len()).find(|&i| {
        let d = &state.docs[i];
        d.person_named(name)
            .is_some_and(|p| d.counts.get(p).is_some_and(|&c| c > 0))
    })
}

fn accept_offer(state: &mut State, offer: Offer, fx: &mut Vec<Effect>) {
    open_article(state, offer.article, fx);
    let Some(p) = state.doc().and_then(|d| d.person_named(&offer.person)) else {
        return;
    };
    select(state, Speaker::Person(p));
    state.statement = None;
    state.top = 0;
    state.sync();
    repeat(state, true);
}

fn last_article_message(state: &State) -> String {
    if state.loading.done {
        "This is the last article".into()
    } else {
        "This is the last article loaded so far".into()
    }
}

fn step_any(state: &mut State, forward: bool) {
    let Some(doc) = state.doc() else { return };
    let n = doc.analysis.statements.len();
    if n == 0 {
        state.status = Some("No statements in this article".into());
        return;
    }
    let statements = &doc.analysis.statements;
    let found = match (state.position(), forward) {
        ((_, Some(c)), true) => (c + 1 < n).then_some(c + 1),
        ((_, Some(c)), false) => c.checked_sub(1),
        ((pos, None), true) => statements.iter().position(|s| s.content.start >= pos),
        ((pos, None), false) => statements.iter().rposition(|s| s.content.start < pos),
    };
    let target = found.unwrap_or_else(|| {
        state.status = Some(if forward {
            "Past the last statement, wrapped to the first".into()
        } else {
            "Before the first statement, wrapped to the last".into()
        });
        if forward {
            0
        } else {
            n - 1
        }
    });
    go_to_statement(state, target);
}

/// The statements the filter view lists.
pub fn filter_list(state: &State) -> Vec<usize> {
    match (state.doc(), state.speaker) {
        (Some(d), Some(s)) => d.statements_of(s),
        _ => Vec::new(),
    }
}

fn initial_filter_cursor(state: &State) -> usize {
    let list = filter_list(state);
    let (pos, cur) = state.position();
    let statements = match state.doc() {
        Some(d) => &d.analysis.statements,
        None => return 0,
    };
    cur.and_then(|c| list.iter().position(|&i| i == c))
        .or_else(|| list.iter().position(|&i| statements[i].content.start >= pos))
        .unwrap_or(0)
}

fn toggle_filter(state: &mut State) {
    if state.filter.is_some() {
        state.filter = None;
        return;
    }
    if state.speaker.is_none() {
        state.status = Some("Select a speaker to filter by (1-9 or s)".into());
        return;
    }
    state.filter = Some(Filter {
        cursor: initial_filter_cursor(state),
    });
    state.focus = Focus::Text;
}

fn prompt(state: &mut State, edit: PromptEdit) {
    let Some(text) = state.search.prompt.as_mut() else {
        return;
    };
    match edit {
        PromptEdit::Insert(c) if !c.is_control() => text.push(c),
        PromptEdit::Insert(_) => {}
        PromptEdit::Backspace => {
            if text.pop().is_none() {
                state.search.prompt = None;
            }
        }
        PromptEdit::Cancel => state.search.prompt = None,
        PromptEdit::Submit => {
            let typed = state.search.prompt.take().unwrap_or_default();
            let query = if typed.is_empty() {
                match state.search.query.clone() {
                    Some(q) => q,
                    None => return,
                }
            } else {
                typed
            };
            run_search(state, query);
        }
    }
}

fn run_search(state: &mut State, query: String) {
    let Some(doc) = state.doc() else { return };
    state.search.matches = find_matches(doc.analysis.text(), &query);
    state.search.current = None;
    state.search.query = Some(query.clone());
    state.filter = None;
    if state.search.matches.is_empty() {
        state.status = Some(format!("Not found: {query}"));
        return;
    }
    state.motion = Motion::Search;
    search_step(state, true);
}

fn search_step(state: &mut State, forward: bool) {
    let matches = &state.search.matches;
    if matches.is_empty() {
        state.status = Some(format!(
            "Not found: {}",
            state.search.query.clone().unwrap_or_default()
        ));
        return;
    }
    let found = match (state.search.current, forward) {
        (Some(c), true) => (c + 1 < matches.len()).then_some(c + 1),
        (Some(c), false) => c.checked_sub(1),
        (None, true) => {
            let pos = state.position().0;
            matches.iter().position(|m| m.start >= pos)
        }
        (None, false) => {
            let pos = state.position().0;
            matches.iter().rposition(|m| m.start < pos)
        }
    };
    let target = found.unwrap_or_else(|| {
        state.status = Some(if forward {
            "Search hit the bottom, continuing at the top".into()
        } else {
            "Search hit the top, continuing at the bottom".into()
        });
        if forward {
            0
        } else {
            matches.len() - 1
        }
    });
    let span = matches[target];
    state.search.current = Some(target);
    state.statement = None;
    reveal(state, span);
}

/// Non-overlapping matches of a query; like vim's smartcase, a query with no capital letter
/// ignores case.
pub fn find_matches(text: &str, query: &str) -> Vec<Span> {
    if query.is_empty() {
        return Vec::new();
    }
    if query.chars().any(char::is_uppercase) {
        return text
            .match_indices(query)
            .map(|(i, m)| Span::new(i, i + m.len()))
            .collect();
    }
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let q: Vec<char> = query.chars().map(fold).collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + q.len() <= chars.len() {
        if chars[i..i + q.len()]
            .iter()
            .zip(&q)
            .all(|(&(_, c), &qc)| fold(c) == qc)
        {
            let end = chars.get(i + q.len()).map_or(text.len(), |&(b, _)| b);
            out.push(Span::new(chars[i].0, end));
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

fn copy(state: &mut State, fx: &mut Vec<Effect>) {
    // In the filter view, the statement under the cursor is the one in question.
    let current = match state.filter {
        Some(f) => filter_list(state).get(f.cursor).copied(),
        None => state.statement,
    };
    let Some((doc, s)) =
        current.and_then(|i| state.doc().and_then(|d| Some((d, d.analysis.statements.get(i)?))))
    else {
        state.status = Some("No current statement to copy (n or ) picks one)".into());
        return;
    };
    let who = match doc.speaker_of(s) {
        Speaker::Person(p) => doc.speaker_name(Speaker::Person(p)),
        Speaker::Unnamed => match doc.analysis.source_text(s) {
            Some(src) => format!("{src} (unnamed)"),
            None => "Unnamed source".into(),
        },
    };
    let content = doc
        .analysis
        .slice(s.content)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    fx.push(Effect::Copy(format!("{who}: {content}")));
    state.status = Some(format!("Copied the statement by {who}"));
}

fn close(state: &mut State) {
    if state.filter.is_some() {
        state.filter = None;
    } else if state.search.query.is_some() {
        state.search = Default::default();
        state.motion = Motion::Speaker;
    } else if state.focus != Focus::Text {
        state.focus = Focus::Text;
    }
}

fn quit(state: &mut State, fx: &mut Vec<Effect>) {
    remember(state, fx);
    state.quit = true;
    fx.push(Effect::Quit);
}

fn remember(state: &mut State, fx: &mut Vec<Effect>) {
    if let Some((key, place)) = state.place() {
        state.places.insert(key.clone(), place.clone());
        fx.push(Effect::Remember { key, place });
    }
}

fn cycle_focus(state: &mut State, dir: isize) {
    let mut panes = vec![Focus::Text];
    if state.show_speakers {
        panes.push(Focus::Speakers);
    }
    if state.docs.len() > 1 {
        panes.push(Focus::Articles);
    }
    let at = panes.iter().position(|&f| f == state.focus).unwrap_or(0) as isize;
    let n = panes.len() as isize;
    state.focus = panes[((at + dir).rem_euclid(n)) as usize];
    if state.focus == Focus::Articles {
        state.article_cursor = state.current;
    }
}

fn activate(state: &mut State, fx: &mut Vec<Effect>) {
    if let Some(filter) = state.filter {
        if let Some(&i) = filter_list(state).get(filter.cursor) {
            state.filter = None;
            go_to_statement(state, i);
        }
        return;
    }
    match state.focus {
        Focus::Speakers => {
            if let Some(&row) = state
                .doc()
                .and_then(|d| d.speaker_rows().get(state.speaker_cursor).copied())
                .as_ref()
            {
                select(state, row);
            }
        }
        Focus::Articles => {
            if state.article_cursor < state.docs.len() && state.article_cursor != state.current {
                open_article(state, state.article_cursor, fx);
            }
            state.focus = Focus::Text;
        }
        Focus::Text => {
            if let Some(offer) = state.offer.take() {
                accept_offer(state, offer, fx);
            }
        }
    }
}

/// Switches to another article, remembering where the reader was in this one and returning to
/// where they were in that one.
fn open_article(state: &mut State, index: usize, fx: &mut Vec<Effect>) {
    if !state.docs.is_empty() && index != state.current {
        remember(state, fx);
    }
    state.current = index;
    state.article_cursor = index;
    state.top = 0;
    state.statement = None;
    state.speaker = None;
    state.filter = None;
    state.offer = None;
    state.speaker_cursor = 0;
    state.search.current = None;
    state.search.matches = match (&state.search.query, state.doc()) {
        (Some(q), Some(d)) => find_matches(d.analysis.text(), q),
        _ => Vec::new(),
    };
    restore(state);
    state.sync();
}

fn restore(state: &mut State) {
    let Some(doc) = state.doc() else { return };
    let Some(place) = state.places.get(doc.key()) else {
        return;
    };
    let a = &doc.analysis;
    let top = if place.offset <= a.text().len() && a.text().is_char_boundary(place.offset) {
        place.offset
    } else {
        a.paragraphs.get(place.paragraph).map_or(0, |p| p.span.start)
    };
    let statement = place.statement.filter(|&i| i < a.statements.len());
    let person = place.speaker.as_deref().and_then(|n| doc.person_named(n));
    let cursor = person
        .and_then(|p| doc.order.iter().position(|&q| q == p))
        .unwrap_or(0);
    state.top = top;
    state.statement = statement;
    state.speaker = person.map(Speaker::Person);
    state.speaker_cursor = cursor;
}

fn loaded(state: &mut State, analysis: Analysis, fx: &mut Vec<Effect>) {
    let palette = state.theme.people.len().max(1);
    state.docs.push(Doc::new(analysis, palette));
    if state.docs.len() == 1 {
        open_article(state, 0, fx);
    }
}

/// Asks the edge for the page the current article links to: one fetch at a time, and only
/// from web addresses.
fn fetch_story(state: &mut State, fx: &mut Vec<Effect>) {
    if let Some(url) = &state.fetching {
        state.status = Some(format!("Still fetching {url}..."));
        return;
    }
    let Some(article) = state.doc().map(|d| &d.analysis.article) else {
        state.status = Some("No article to fetch".into());
        return;
    };
    match article.url.clone() {
        Some(url) if is_web_address(&url) => {
            fx.push(Effect::FetchStory {
                index: state.current,
                article: article.clone(),
                url: url.clone(),
            });
            state.status = Some(format!("fetching {url}..."));
            state.fetching = Some(url);
        }
        Some(url) => state.status = Some(format!("Not a web address, cannot fetch: {url}")),
        None => state.status = Some("This article has no link to fetch".into()),
    }
}

/// Puts a fetched page in the place of the article it was fetched for, or reports why not.
fn fetched(state: &mut State, story: FetchedStory) {
    state.fetching = None;
    let FetchedStory {
        index,
        source,
        url,
        result,
    } = story;
    if state.docs.get(index).is_none_or(|d| d.key() != source) {
        state.status = Some(format!("{url}: fetched, but its article is no longer open"));
        return;
    }
    let analysis = match result {
        Ok(analysis) => analysis,
        Err(e) => {
            state.status = Some(if e.contains(&url) {
                e
            } else {
                format!("{url}: {e}")
            });
            return;
        }
    };
    let title = analysis.article.display_title().to_string();
    let palette = state.theme.people.len().max(1);
    state.docs[index] = Doc::new(*analysis, palette);
    // Positions in the summary mean nothing in the page's text: neither the remembered place,
    // nor the wrapped lines, nor (for the article in view) the reading position.
    state.places.remove(&source);
    if state.cache.marks_doc == Some(index) {
        state.cache = LayoutCache::default();
    }
    if state.offer.as_ref().is_some_and(|o| o.article == index) {
        state.offer = None;
    }
    if index == state.current {
        state.top = 0;
        state.statement = None;
        state.speaker = None;
        state.filter = None;
        state.speaker_cursor = 0;
        state.search.current = None;
        state.search.matches = match (&state.search.query, state.doc()) {
            (Some(q), Some(d)) => find_matches(d.analysis.text(), q),
            _ => Vec::new(),
        };
    }
    state.status = Some(format!("fetched {title}"));
}

fn mouse(state: &mut State, m: MouseInput, fx: &mut Vec<Effect>) {
    let panes = state.panes();
    let (column, row) = match m {
        MouseInput::WheelDown { column, row }
        | MouseInput::WheelUp { column, row }
        | MouseInput::Click { column, row } => (column, row),
    };
    let inside = |r: Option<ratatui::layout::Rect>| {
        r.filter(|r| r.contains(ratatui::layout::Position::new(column, row)))
    };
    let wheel = match m {
        MouseInput::WheelDown { .. } => Some(WHEEL),
        MouseInput::WheelUp { .. } => Some(-WHEEL),
        MouseInput::Click { .. } => None,
    };
    if let Some(area) = inside(panes.speakers) {
        let Some(doc) = state.doc() else { return };
        let rows = doc.speaker_rows();
        match wheel {
            Some(d) => state.speaker_cursor = clamp_move(state.speaker_cursor, d.signum(), rows.len()),
            None => {
                if let Some(i) = layout::list_hit(area, row, state.speaker_cursor, rows.len()) {
                    state.speaker_cursor = i;
                    select(state, rows[i]);
                }
            }
        }
    } else if let Some(area) = inside(panes.articles) {
        match wheel {
            Some(d) => state.article_cursor = clamp_move(state.article_cursor, d.signum(), state.docs.len()),
            None => {
                if let Some(i) = layout::list_hit(area, row, state.article_cursor, state.docs.len()) {
                    state.article_cursor = i;
                    if i != state.current {
                        open_article(state, i, fx);
                    }
                }
            }
        }
    } else if let Some(area) = inside(panes.text) {
        if let Some(d) = wheel {
            if let Some(f) = state.filter {
                let len = filter_list(state).len();
                state.filter = Some(Filter {
                    cursor: clamp_move(f.cursor, d.signum(), len),
                });
            } else {
                scroll_text(state, d);
            }
            return;
        }
        if state.filter.is_some() {
            return;
        }
        state.focus = Focus::Text;
        let x = column.saturating_sub(area.x + gutter(area.width));
        let line = state.top_line() + usize::from(row - area.y);
        let person = state.wrapped().and_then(|w| {
            let line = w.lines.get(line)?;
            let mut col = 0u16;
            w.glyphs_of(line).iter().find_map(|g| {
                let hit = x >= col && x < col + u16::from(g.width);
                col += u16::from(g.width);
                hit.then_some(g.mark.person())
            })?
        });
        if let Some(p) = person {
            select(state, Speaker::Person(p));
        }
    }
}
