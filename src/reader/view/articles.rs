//! The article list: title, date, source and statement count of each article, the current one
//! marked, the cursor shown when the list has the focus.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::layout::{self, ROW_HEIGHT};
use super::super::sanitize;
use super::super::state::{Focus, State};
use super::{pane_frame, put_list_row, ListRow};

pub fn render(area: Rect, buf: &mut Buffer, state: &State) {
    let focused = state.focus == Focus::Articles;
    let title = if state.loading.done {
        format!(" Articles ({})", state.docs.len())
    } else {
        format!(" Articles ({}, loading…)", state.docs.len())
    };
    let inner = pane_frame(buf, area, area.right().saturating_sub(1), &title, focused, state);
    let theme = &state.theme;
    let fits = layout::list_rows(area);
    let cursor = if focused {
        state.article_cursor
    } else {
        state.current
    };
    let offset = layout::list_offset(cursor, state.docs.len(), fits);
    for (k, doc) in state.docs.iter().enumerate().skip(offset).take(fits) {
        let y = inner.y + (k - offset) as u16 * ROW_HEIGHT;
        let a = &doc.analysis.article;
        let marker = if k == state.current { "▶" } else { " " };
        let cur = if focused && k == state.article_cursor {
            "›"
        } else {
            " "
        };
        let mut style = theme.title();
        if k == state.current {
            style = style.patch(theme.selected_row());
        }
        let mut detail = String::from("  ");
        if let Some(d) = &a.date {
            detail.push_str(&sanitize::line(d));
            detail.push_str(" · ");
        }
        detail.push_str(&format!(
            "{} said · {}",
            doc.analysis.statements.len(),
            sanitize::line(&a.source)
        ));
        let head = sanitize::line(a.display_title());
        let row = ListRow {
            marker,
            cursor: cur,
            head: &head,
            head_style: style,
            detail: &detail,
        };
        put_list_row(buf, inner, y, row, theme);
    }
}
