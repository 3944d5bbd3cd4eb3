//! The status bar: title, date and position; the selected speaker with the current statement
//! as `i/n`; the search and filter in force; messages; loading progress; the help key. While
//! the search prompt is open it takes the whole bar.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use super::super::action::Action;
use super::super::sanitize;
use super::super::state::State;
use super::{fit, put};

pub fn render(area: Rect, buf: &mut Buffer, state: &State) -> Option<Position> {
    let theme = &state.theme;
    let base = theme.status();
    put(
        buf,
        area.x,
        area.y,
        &" ".repeat(usize::from(area.width)),
        area.width,
        base,
    );
    if let Some(typed) = &state.search.prompt {
        let shown = sanitize::line(typed);
        let max = usize::from(area.width.saturating_sub(2));
        // Keep the end of a long query in view, where the typing is.
        let tail: String = {
            let mut chars: Vec<char> = shown.chars().collect();
            while chars.iter().collect::<String>().width() > max && !chars.is_empty() {
                chars.remove(0);
            }
            chars.into_iter().collect()
        };
        let x = put(buf, area.x, area.y, "/", area.width, base);
        let end = put(buf, x, area.y, &tail, area.width.saturating_sub(1), base);
        return Some(Position::new(end.min(area.right().saturating_sub(1)), area.y));
    }
    let mut right: Vec<(String, Style)> = Vec::new();
    if !state.loading.done {
        right.push((format!(" loading… {} ", state.docs.len()), base));
    }
    match state.loading.problems.len() {
        0 => {}
        1 => right.push((" 1 problem ".to_string(), base)),
        n => right.push((format!(" {n} problems "), base)),
    }
    let help_key = state.keymap.hint(&Action::ToggleHelp);
    if !help_key.is_empty() {
        right.push((format!(" {help_key} help "), base));
    }
    let mut fixed: Vec<(String, Style)> = Vec::new();
    if let Some((speaker, at, n)) = state.counter() {
        let doc = state.doc()?;
        let name = sanitize::line(&doc.speaker_name(speaker));
        let i = at.map_or("-".to_string(), |i| (i + 1).to_string());
        fixed.push((
            format!(" {name}  {i}/{n} "),
            theme.status_person(doc.slot(speaker)),
        ));
    }
    if let Some(q) = &state.search.query {
        let m = &state.search;
        let pos = match (m.current, m.matches.len()) {
            (_, 0) => "0".to_string(),
            (Some(c), n) => format!("{}/{n}", c + 1),
            (None, n) => format!("-/{n}"),
        };
        fixed.push((format!(" /{} {pos} ", sanitize::line(q)), base));
    }
    if state.filter.is_some() {
        fixed.push((" filter ".to_string(), base));
    }
    let width = usize::from(area.width);
    let used: usize = fixed.iter().chain(&right).map(|(s, _)| s.width()).sum();
    let mut avail = width.saturating_sub(used);
    // While a linked page is being fetched, the bar says so whenever it has nothing newer to say.
    let fetching = state.fetching.as_ref().map(|url| format!("fetching {url}..."));
    let message = state
        .status
        .as_ref()
        .or(fetching.as_ref())
        .or(state
            .loading
            .problems
            .last()
            .filter(|_| state.status.is_none() && state.loading.done))
        .map(|m| {
            let m = fit(&format!(" {} ", sanitize::line(m)), avail);
            avail -= m.width();
            m
        });
    let title = state.doc().map(|d| {
        let a = &d.analysis.article;
        let mut t = format!(" {}", sanitize::line(a.display_title()));
        if let Some(date) = &a.date {
            t.push_str(&format!(" · {}", sanitize::line(date)));
        }
        t.push_str(&format!(" · {} ", position_label(state)));
        fit(&t, avail)
    });
    let mut x = area.x;
    if let Some(t) = title {
        x = put(buf, x, area.y, &t, area.right() - x, theme.title().patch(base));
    }
    for (s, style) in &fixed {
        x = put(buf, x, area.y, s, area.right().saturating_sub(x), *style);
    }
    if let Some(m) = message {
        x = put(buf, x, area.y, &m, area.right().saturating_sub(x), base);
    }
    let right_w: usize = right.iter().map(|(s, _)| s.width()).sum();
    let mut rx = area.right().saturating_sub(right_w as u16).max(x);
    for (s, style) in &right {
        rx = put(buf, rx, area.y, s, area.right().saturating_sub(rx), *style);
    }
    None
}

/// How far through the text the view is.
fn position_label(state: &State) -> String {
    let Some(w) = state.wrapped() else {
        return "top".into();
    };
    let max = w.max_top(state.text_height());
    let top = state.top_line();
    if max == 0 {
        "all".into()
    } else if top == 0 {
        "top".into()
    } else if top >= max {
        "end".into()
    } else {
        format!("{}%", top * 100 / max)
    }
}
