//! Where each pane goes on a screen of a given size. Shared by the view (to draw) and by
//! `update` (to scroll by pages and to hit-test mouse clicks), so both agree.

use ratatui::layout::Rect;

use super::state::{Focus, State};

/// Columns the speakers pane takes when there is room for it.
pub const SPEAKERS_WIDTH: u16 = 30;
/// Columns the article list takes when there is room for it.
pub const ARTICLES_WIDTH: u16 = 32;
/// The text keeps at least this many columns before a side pane collapses.
const MIN_TEXT: u16 = 40;
/// Columns left of the text for the statement bar.
pub const GUTTER: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The article text (or the filter view), gutter included; `None` when a focused list
    /// takes the whole screen of a narrow terminal.
    pub text: Option<Rect>,
    pub speakers: Option<Rect>,
    pub articles: Option<Rect>,
    pub status: Option<Rect>,
}

impl Panes {
    /// Columns of wrapped text in the text pane.
    pub fn text_width(&self) -> u16 {
        self.text.map_or(0, |r| r.width.saturating_sub(gutter(r.width)))
    }

    pub fn text_height(&self) -> u16 {
        self.text.map_or(0, |r| r.height)
    }
}

/// The gutter shrinks away on very narrow screens.
pub fn gutter(width: u16) -> u16 {
    if width >= 12 {
        GUTTER
    } else {
        0
    }
}

/// Splits a screen: status bar at the bottom (when there are two rows or more), article list on
/// the left and speakers on the right when they fit beside enough text. On a narrow screen a
/// pane that has the focus takes the whole width instead of vanishing.
pub fn panes(state: &State, area: Rect) -> Panes {
    let mut p = Panes::default();
    if area.width == 0 || area.height == 0 {
        return p;
    }
    let mut main = area;
    if area.height >= 2 {
        p.status = Some(Rect::new(area.x, area.bottom() - 1, area.width, 1));
        main.height -= 1;
    }
    let want_articles = state.docs.len() > 1;
    let want_speakers = state.show_speakers;
    let mut left = 0;
    let mut right = 0;
    if want_articles
        && main.width >= MIN_TEXT + ARTICLES_WIDTH + if want_speakers { SPEAKERS_WIDTH } else { 0 }
    {
        left = ARTICLES_WIDTH;
    }
    if want_speakers && main.width >= MIN_TEXT + SPEAKERS_WIDTH + left {
        right = SPEAKERS_WIDTH;
    }
    if want_articles && left == 0 && main.width >= MIN_TEXT + ARTICLES_WIDTH && right == 0 {
        left = ARTICLES_WIDTH;
    }
    let full = |focus| state.focus == focus;
    if want_articles && left == 0 && full(Focus::Articles) {
        p.articles = Some(main);
        return p;
    }
    if want_speakers && right == 0 && full(Focus::Speakers) {
        p.speakers = Some(main);
        return p;
    }
    if left > 0 {
        p.articles = Some(Rect::new(main.x, main.y, left, main.height));
    }
    if right > 0 {
        p.speakers = Some(Rect::new(main.right() - right, main.y, right, main.height));
    }
    // A blank column keeps the text off the speakers pane's rule.
    let margin = u16::from(right > 0);
    p.text = Some(Rect::new(
        main.x + left,
        main.y,
        main.width - left - right - margin,
        main.height,
    ));
    p
}

/// Screen rows per entry of the speakers pane and the article list.
pub const ROW_HEIGHT: u16 = 2;

/// The first entry shown in a list `rows` entries high, keeping the cursor in view.
pub fn list_offset(cursor: usize, len: usize, rows: usize) -> usize {
    let rows = rows.max(1);
    if len <= rows {
        0
    } else {
        cursor.saturating_sub(rows - 1).min(len - rows)
    }
}

/// Entries that fit in a list pane (a title row, then two rows per entry).
pub fn list_rows(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(1) / ROW_HEIGHT)
}

/// The entry under a screen row of a list pane, given how many entries it has and its cursor.
pub fn list_hit(area: Rect, row: u16, cursor: usize, len: usize) -> Option<usize> {
    let inner = row.checked_sub(area.y + 1)?;
    let i = list_offset(cursor, len, list_rows(area)) + usize::from(inner / ROW_HEIGHT);
    (i < len).then_some(i)
}
