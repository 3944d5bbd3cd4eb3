//! The speakers pane: the article's people by number, most statements first, with title,
//! statement and mention counts; unnamed sources grouped at the end; the selection marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::layout::{self, ROW_HEIGHT};
use super::super::sanitize;
use super::super::state::{Focus, Speaker, State};
use super::{pane_frame, put, put_list_row, ListRow};

pub fn render(area: Rect, buf: &mut Buffer, state: &State) {
    let focused = state.focus == Focus::Speakers;
    let inner = pane_frame(buf, area, area.x, " Speakers", focused, state);
    let Some(doc) = state.doc() else { return };
    let theme = &state.theme;
    let rows = doc.speaker_rows();
    if rows.is_empty() {
        put(
            buf,
            inner.x + 1,
            inner.y,
            "nobody quoted",
            inner.width.saturating_sub(1),
            theme.dim(),
        );
        return;
    }
    let fits = layout::list_rows(area);
    let offset = layout::list_offset(state.speaker_cursor, rows.len(), fits);
    for (k, &row) in rows.iter().enumerate().skip(offset).take(fits) {
        let y = inner.y + (k - offset) as u16 * ROW_HEIGHT;
        let selected = state.speaker == Some(row);
        let marker = if selected { "▶" } else { " " };
        let (head, detail, slot) = match row {
            Speaker::Person(p) => {
                let person = &doc.analysis.people[p];
                let n = doc.counts.get(p).copied().unwrap_or(0);
                let title = person
                    .titles
                    .first()
                    .map(|t| format!(" · {}", sanitize::line(t)))
                    .unwrap_or_default();
                (
                    format!("{} {}", k + 1, sanitize::line(&person.name)),
                    format!("  {n} said · {} named{title}", person.mentions.len()),
                    doc.slots.get(p).copied(),
                )
            }
            Speaker::Unnamed => (
                "· unnamed sources".to_string(),
                format!("  {} said", doc.unnamed),
                None,
            ),
        };
        let mut name_style = match slot {
            Some(s) => theme.mention(s),
            None => theme.title(),
        };
        if selected {
            name_style = name_style.patch(theme.selected_row());
        }
        let cursor = if focused && state.speaker_cursor == k {
            "›"
        } else {
            " "
        };
        let row = ListRow {
            marker,
            cursor,
            head: &head,
            head_style: name_style,
            detail: &detail,
        };
        put_list_row(buf, inner, y, row, theme);
    }
}
