//! The filter view: only the selected speaker's statements, each in its surrounding sentences,
//! with the cursor on one; `Enter` jumps to it in the full text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::super::layout::gutter;
use super::super::state::State;
use super::super::update::filter_list;
use super::super::wrap;
use super::{fit, put};
use crate::analysis::StatementKind;
use crate::span::Span;

pub fn render(area: Rect, buf: &mut Buffer, state: &State) {
    let (Some(doc), Some(speaker), Some(filter)) = (state.doc(), state.speaker, state.filter) else {
        return;
    };
    let theme = &state.theme;
    let list = filter_list(state);
    let name = doc.speaker_name(speaker);
    let slot = doc.slot(speaker);
    let head = format!("{name}: {} statements · Enter jumps · Esc returns", list.len());
    let head_style = match slot {
        Some(s) => theme.mention(s),
        None => theme.title(),
    };
    put(
        buf,
        area.x,
        area.y,
        &fit(&head, usize::from(area.width)),
        area.width,
        head_style,
    );
    if area.height < 2 {
        return;
    }
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    let g = gutter(body.width);
    let width = body.width.saturating_sub(g).max(1);
    let own_marks;
    let marks: &[wrap::Mark] = if state.cache.marks_doc == Some(state.current) {
        &state.cache.marks
    } else {
        own_marks = wrap::marks(&doc.analysis);
        &own_marks
    };
    // Every item as screen lines: a header, the wrapped sentences, a blank line.
    let mut wrapped: Vec<wrap::Wrapped> = Vec::with_capacity(list.len());
    let mut rows: Vec<(usize, Option<usize>, String)> = Vec::new();
    let mut cursor_rows = (0, 0);
    for (k, &i) in list.iter().enumerate() {
        let s = &doc.analysis.statements[i];
        let context = surrounding(doc, s.content);
        let para = doc
            .analysis
            .paragraphs
            .partition_point(|p| p.span.end <= s.content.start)
            + 1;
        let kind = match s.kind {
            StatementKind::Direct => "quoted",
            StatementKind::Indirect => "reported",
            StatementKind::Mixed => "partly quoted",
        };
        let start = rows.len();
        rows.push((
            k,
            None,
            format!("{}/{} · paragraph {para} · {kind}", k + 1, list.len()),
        ));
        let w = wrap::wrap_span(&doc.analysis, marks, context, width);
        rows.extend((0..w.lines.len()).map(|l| (k, Some(l), String::new())));
        wrapped.push(w);
        rows.push((k, None, String::new()));
        if k == filter.cursor {
            cursor_rows = (start, rows.len());
        }
    }
    let height = usize::from(body.height);
    let offset = if cursor_rows.1 <= height {
        0
    } else {
        cursor_rows.0.min(rows.len().saturating_sub(height))
    };
    for (r, (k, line, header)) in rows.iter().skip(offset).take(height).enumerate() {
        let y = body.y + r as u16;
        let on_cursor = *k == filter.cursor;
        if g > 0 && (line.is_some() || !header.is_empty()) {
            let bar = if on_cursor { "┃" } else { "│" };
            put(buf, body.x, y, bar, 1, theme.bar(slot, on_cursor));
        }
        match line {
            None => {
                let style = if on_cursor {
                    theme.selected_row()
                } else {
                    theme.dim()
                };
                put(buf, body.x + g, y, &fit(header, usize::from(width)), width, style);
            }
            Some(l) => {
                let w = &wrapped[*k];
                let mut x = body.x + g;
                let stmt = list[*k];
                for gl in w.glyphs_of(&w.lines[*l]) {
                    let wd = u16::from(gl.width);
                    if x + wd > body.right() {
                        break;
                    }
                    let mut style = Style::new();
                    if gl.mark.stmt() == Some(stmt) {
                        let s = &doc.analysis.statements[stmt];
                        style = style.patch(theme.statement(slot, s.kind == StatementKind::Direct));
                    }
                    if gl.mark.cue {
                        style = style.patch(theme.cue());
                    }
                    if let Some(p) = gl.mark.person() {
                        style = style.patch(theme.mention(doc.slots.get(p).copied().unwrap_or(0)));
                    }
                    put(buf, x, y, w.symbol(gl), wd, style);
                    x += wd;
                }
            }
        }
    }
}

/// The sentences around a statement's content (and its source and cue, which are usually in
/// the same sentence).
fn surrounding(doc: &super::super::state::Doc, content: Span) -> Span {
    let a = &doc.analysis;
    let first = a
        .sentence_at(content.start)
        .map_or(content.start, |s| s.span.start);
    let last = a
        .sentence_at(content.end.saturating_sub(1).max(content.start))
        .map_or(content.end, |s| s.span.end);
    Span::new(first.min(content.start), last.max(content.end))
}
