//! Drawing: pure functions of the state into a ratatui buffer. Nothing here changes the state;
//! the text was wrapped and tagged once per width (see [`wrap`](super::wrap)), so a frame only
//! styles the lines in view.

mod articles;
mod filter;
mod help;
mod speakers;
mod status;
mod text;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::Frame;

use super::layout;
use super::state::State;
use super::theme::Theme;

/// Draws the whole screen into a frame, and places the cursor in the search prompt.
pub fn draw(frame: &mut Frame, state: &State) {
    let area = frame.area();
    let cursor = render(area, frame.buffer_mut(), state);
    if let Some(p) = cursor {
        frame.set_cursor_position(p);
    }
}

/// Draws the whole screen into a buffer; returns where the cursor goes when the search prompt
/// is open.
pub fn render(area: Rect, buf: &mut Buffer, state: &State) -> Option<Position> {
    let panes = layout::panes(state, area);
    if let Some(r) = panes.text {
        if state.filter.is_some() {
            filter::render(r, buf, state);
        } else {
            text::render(r, buf, state);
        }
    }
    if let Some(r) = panes.speakers {
        speakers::render(r, buf, state);
    }
    if let Some(r) = panes.articles {
        articles::render(r, buf, state);
    }
    let cursor = panes.status.and_then(|r| status::render(r, buf, state));
    if let Some(scroll) = state.help {
        help::render(area, buf, state, scroll);
    }
    cursor
}

/// Writes a string clipped to `width` cells; returns the column after it.
fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, width: u16, style: Style) -> u16 {
    if width == 0 || !buf.area.contains(Position::new(x, y)) {
        return x;
    }
    buf.set_stringn(x, y, s, usize::from(width), style).0
}

/// One entry of a side list (articles, speakers): a marker and a cursor cell, the heading in
/// its style, and a dimmed detail line under it when the pane has room.
struct ListRow<'a> {
    marker: &'a str,
    cursor: &'a str,
    head: &'a str,
    head_style: Style,
    detail: &'a str,
}

fn put_list_row(buf: &mut Buffer, inner: Rect, y: u16, row: ListRow, theme: &Theme) {
    let width = usize::from(inner.width);
    let x = put(buf, inner.x, y, row.marker, 1, theme.title());
    let x = put(buf, x, y, row.cursor, 1, theme.title());
    let rest = width.saturating_sub(2);
    put(buf, x, y, &fit(row.head, rest), rest as u16, row.head_style);
    if y + 1 < inner.bottom() {
        put(
            buf,
            inner.x,
            y + 1,
            &fit(row.detail, width),
            inner.width,
            theme.dim(),
        );
    }
}

/// A string cut to fit `width` cells, with an ellipsis when cut.
fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// The title row of a side pane, and the vertical rule separating it from the text.
fn pane_frame(buf: &mut Buffer, area: Rect, rule_x: u16, title: &str, focused: bool, state: &State) -> Rect {
    let style = state.theme.border(focused);
    for y in area.top()..area.bottom() {
        put(buf, rule_x, y, "│", 1, style);
    }
    let inner_x = if rule_x == area.x { area.x + 1 } else { area.x };
    let inner = Rect::new(inner_x, area.y, area.width.saturating_sub(1), area.height);
    put(
        buf,
        inner.x,
        inner.y,
        &fit(title, usize::from(inner.width)),
        inner.width,
        state.theme.title().patch(style),
    );
    Rect::new(
        inner.x,
        inner.y.saturating_add(1),
        inner.width,
        inner.height.saturating_sub(1),
    )
}
