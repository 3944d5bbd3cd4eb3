//! The article text: wrapped lines with mentions, statements, cues, the current statement and
//! search matches styled, and a bar in the margin beside statements.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::super::layout::gutter;
use super::super::state::State;
use super::super::wrap::{self, Glyph, Wrapped};
use super::put;
use crate::analysis::StatementKind;

pub fn render(area: Rect, buf: &mut Buffer, state: &State) {
    let Some(doc) = state.doc() else {
        let msg = if state.loading.done {
            "No articles."
        } else {
            "Loading…"
        };
        put(buf, area.x, area.y, msg, area.width, state.theme.dim());
        return;
    };
    let fallback;
    let w: &Wrapped = match state.wrapped() {
        Some(w) => w,
        None => {
            // A state that was never synced (only in tests): wrap now rather than draw nothing.
            let width = area.width.saturating_sub(gutter(area.width)).max(1);
            fallback = wrap::wrap(&doc.analysis, &wrap::marks(&doc.analysis), width);
            &fallback
        }
    };
    let g = gutter(area.width);
    let theme = &state.theme;
    let statements = &doc.analysis.statements;
    let current = state.statement;
    let matches = &state.search.matches;
    let top = w.line_of(state.top);
    for (row, line) in w
        .lines
        .iter()
        .skip(top)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + row as u16;
        let glyphs = w.glyphs_of(line);
        if g > 0 {
            if let Some(i) = glyphs.iter().find_map(|gl| gl.mark.stmt()) {
                let is_current = glyphs
                    .iter()
                    .any(|gl| gl.mark.stmt() == current && current.is_some());
                let slot = doc.slot(doc.speaker_of(&statements[i]));
                let bar = match (slot, is_current) {
                    (_, true) => "┃",
                    (Some(_), false) => "│",
                    (None, false) => "┊",
                };
                put(buf, area.x, y, bar, 1, theme.bar(slot, is_current));
            }
        }
        let mut x = area.x + g;
        let mut m = matches.partition_point(|s| s.end <= line.start);
        for gl in glyphs {
            let wd = u16::from(gl.width);
            if x + wd > area.right() {
                break;
            }
            while m < matches.len() && matches[m].end <= gl.src as usize {
                m += 1;
            }
            let in_match = matches.get(m).is_some_and(|s| s.contains_offset(gl.src as usize));
            let style = glyph_style(state, doc, gl, current, in_match.then_some(m));
            put(buf, x, y, w.symbol(gl), wd, style);
            x += wd;
        }
    }
}

fn glyph_style(
    state: &State,
    doc: &super::super::state::Doc,
    gl: &Glyph,
    current: Option<usize>,
    search: Option<usize>,
) -> Style {
    let theme = &state.theme;
    let mut style = Style::new();
    if let Some(i) = gl.mark.stmt() {
        let s = &doc.analysis.statements[i];
        let slot = doc.slot(doc.speaker_of(s));
        style = style.patch(theme.statement(slot, s.kind == StatementKind::Direct));
        if current == Some(i) {
            style = style.patch(theme.current());
        }
    }
    if gl.mark.cue {
        style = style.patch(theme.cue());
    }
    if let Some(p) = gl.mark.person() {
        style = style.patch(theme.mention(doc.slots.get(p).copied().unwrap_or(0)));
    }
    if let Some(m) = search {
        style = style.patch(theme.search_match());
        if state.search.current == Some(m) {
            style = style.patch(theme.title());
        }
    }
    style
}
