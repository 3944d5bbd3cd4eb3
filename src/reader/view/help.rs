//! The help overlay: every binding with its description, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::state::State;
use super::{fit, put};

pub fn render(area: Rect, buf: &mut Buffer, state: &State, scroll: usize) {
    let lines = state.keymap.help_lines();
    let keys_w = lines
        .iter()
        .map(|(k, _)| unicode_width::UnicodeWidthStr::width(k.as_str()))
        .max()
        .unwrap_or(0);
    let desc_w = lines
        .iter()
        .map(|(_, d)| unicode_width::UnicodeWidthStr::width(d.as_str()))
        .max()
        .unwrap_or(0);
    let want_w = (keys_w + 2 + desc_w + 4).min(usize::from(u16::MAX)) as u16;
    let w = want_w.min(area.width);
    let h = (lines.len() as u16 + 2).min(area.height);
    if w < 6 || h < 3 {
        put(buf, area.x, area.y, "? help", area.width, state.theme.title());
        return;
    }
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let border = state.theme.title();
    for y in r.top()..r.bottom() {
        for x in r.left()..r.right() {
            buf[(x, y)].reset();
        }
    }
    let horiz = "─".repeat(usize::from(w - 2));
    put(buf, r.x, r.y, &format!("┌{horiz}┐"), w, border);
    put(buf, r.x, r.bottom() - 1, &format!("└{horiz}┘"), w, border);
    for y in r.y + 1..r.bottom() - 1 {
        put(buf, r.x, y, "│", 1, border);
        put(buf, r.right() - 1, y, "│", 1, border);
    }
    let title = fit(" Keys · Esc closes ", usize::from(w - 2));
    put(buf, r.x + 2, r.y, &title, w.saturating_sub(3), border);
    let inner_w = usize::from(w - 4);
    let rows = usize::from(h - 2);
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    for (i, (keys, desc)) in lines.iter().skip(scroll).take(rows).enumerate() {
        let y = r.y + 1 + i as u16;
        let x = put(
            buf,
            r.x + 2,
            y,
            &fit(keys, inner_w),
            inner_w as u16,
            state.theme.title(),
        );
        let used = usize::from(x - (r.x + 2));
        let pad = (keys_w + 2).min(inner_w).max(used + 1);
        if pad < inner_w {
            put(
                buf,
                r.x + 2 + pad as u16,
                y,
                &fit(desc, inner_w - pad),
                (inner_w - pad) as u16,
                Default::default(),
            );
        }
    }
}
