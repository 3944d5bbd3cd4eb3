//! Snapshot tests of the reader's views drawn into a ratatui TestBackend, and style checks on
//! the drawn buffer.

#![cfg(feature = "reader")]

mod reader_support;

use hearsay::load::{self, Input, LoadOptions};
use hearsay::reader::action::{Action, PromptEdit};
use hearsay::reader::state::State;
use hearsay::reader::theme::{ColorMode, Theme};
use hearsay::Analysis;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;
use reader_support::*;

/// The sample article as the reader gets it from the loader.
fn sample() -> Analysis {
    let mut loaded = load::load(&Input::Sample, &LoadOptions::default()).expect("the sample loads");
    Analysis::new(loaded.articles.remove(0))
}

/// Draws through a ratatui Terminal on a TestBackend, as the app does.
fn draw(state: &State) -> Buffer {
    let (w, h) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| hearsay::reader::view::draw(f, state)).unwrap();
    terminal.backend().buffer().clone()
}

fn search(s: &mut State, q: &str) {
    run(s, [Action::StartSearch]);
    run(s, q.chars().map(|c| Action::Prompt(PromptEdit::Insert(c))));
    run(s, [Action::Prompt(PromptEdit::Submit)]);
}

/// The screen with its attributes: every change of style is written as `‹...›` with the
/// modifiers (b bold, i italic, u underline, r reverse, d dim) and `c` when a colour is set.
fn styled(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut last = String::new();
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let m = cell.modifier;
            let mut tag = String::new();
            for (flag, c) in [
                (Modifier::BOLD, 'b'),
                (Modifier::ITALIC, 'i'),
                (Modifier::UNDERLINED, 'u'),
                (Modifier::REVERSED, 'r'),
                (Modifier::DIM, 'd'),
            ] {
                if m.contains(flag) {
                    tag.push(c);
                }
            }
            if cell.fg != Color::Reset || cell.bg != Color::Reset {
                tag.push('c');
            }
            if tag != last {
                line.push_str(&format!("‹{tag}›"));
                last = tag;
            }
            line.push_str(cell.symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn no_color() -> Theme {
    Theme {
        no_color: true,
        ..Theme::default()
    }
}

#[test]
fn seed_with_the_speakers_pane() {
    let mut s = state_with(vec![sample()], 100, 30);
    run(
        &mut s,
        [Action::SelectSpeaker(1), Action::Next, Action::Next, Action::Next],
    );
    insta::assert_snapshot!("seed_speakers", buffer_text(&draw(&s)));
}

#[test]
fn seed_filtered_view() {
    let mut s = state_with(vec![sample()], 100, 30);
    run(
        &mut s,
        [Action::SelectSpeaker(2), Action::ToggleFilter, Action::ScrollDown],
    );
    insta::assert_snapshot!("seed_filter", buffer_text(&draw(&s)));
}

#[test]
fn seed_search_results() {
    let mut s = state_with(vec![sample()], 100, 30);
    search(&mut s, "real intentions");
    run(&mut s, [Action::Next]);
    insta::assert_snapshot!("seed_search", styled(&draw(&s)));
}

#[test]
fn seed_narrow_terminal() {
    let mut s = state_with(vec![sample()], 36, 14);
    run(&mut s, [Action::SelectSpeaker(3), Action::Next]);
    insta::assert_snapshot!("seed_narrow", buffer_text(&draw(&s)));
}

#[test]
fn seed_no_color() {
    let mut s = state_themed(vec![sample()], 100, 30, no_color());
    run(&mut s, [Action::SelectSpeaker(1), Action::Next]);
    let buf = draw(&s);
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    insta::assert_snapshot!("seed_no_color", styled(&buf));
}

#[test]
fn help_overlay() {
    let mut s = state_with(vec![bridge()], 80, 40);
    run(&mut s, [Action::ToggleHelp]);
    insta::assert_snapshot!("help", buffer_text(&draw(&s)));
}

#[test]
fn bridge_with_speakers_and_statement() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(&mut s, [Action::SelectSpeaker(1), Action::Next, Action::Next]);
    insta::assert_snapshot!("bridge", styled(&draw(&s)));
}

#[test]
fn bridge_filtered() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(
        &mut s,
        [Action::SelectSpeaker(1), Action::ToggleFilter, Action::ScrollDown],
    );
    insta::assert_snapshot!("bridge_filter", buffer_text(&draw(&s)));
}

#[test]
fn bridge_search() {
    let mut s = state_with(vec![bridge()], 80, 16);
    search(&mut s, "bridge");
    insta::assert_snapshot!("bridge_search", styled(&draw(&s)));
}

#[test]
fn several_articles_show_the_article_list() {
    let mut second = bridge_titled("city/second.txt", BRIDGE);
    second.article.title = Some("Second bridge".into());
    second.article.date = Some("2024-05-02".into());
    let mut s = state_with(vec![bridge(), second], 120, 16);
    run(&mut s, [Action::FocusNext, Action::FocusNext, Action::ScrollDown]);
    insta::assert_snapshot!("article_list", buffer_text(&draw(&s)));
}

#[test]
fn narrow_screens_collapse_panes() {
    let mut s = state_with(vec![bridge()], 30, 10);
    assert!(s.panes().speakers.is_none());
    insta::assert_snapshot!("bridge_narrow", buffer_text(&draw(&s)));
    // A focused pane takes the whole screen rather than vanishing.
    run(&mut s, [Action::FocusNext]);
    insta::assert_snapshot!("bridge_narrow_speakers", buffer_text(&draw(&s)));
}

#[test]
fn the_search_prompt_shows_what_is_typed_and_places_the_cursor() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(&mut s, [Action::StartSearch]);
    run(
        &mut s,
        "cost".chars().map(|c| Action::Prompt(PromptEdit::Insert(c))),
    );
    let (w, h) = s.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| hearsay::reader::view::draw(f, &s)).unwrap();
    let text = buffer_text(terminal.backend().buffer());
    assert_eq!(text.lines().last(), Some("/cost"));
    terminal.backend_mut().assert_cursor_position((5, 15));
}

#[test]
fn every_size_down_to_one_cell_draws_without_panicking() {
    let (a, b) = (bridge(), long_bridge(3));
    for w in 0..=24u16 {
        for h in 0..=8u16 {
            let mut s = state_with(vec![a.clone(), b.clone()], w, h);
            let all = [
                Action::SelectSpeaker(1),
                Action::Next,
                Action::ToggleFilter,
                Action::ToggleHelp,
                Action::PageDown,
                Action::Close,
                Action::Close,
                Action::FocusNext,
                Action::FocusNext,
                Action::StartSearch,
            ];
            for action in all {
                run(&mut s, [action]);
                render(&s);
            }
        }
    }
}

// Style checks on the buffer.

fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    let text = buffer_text(buf);
    for (y, line) in text.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..byte]);
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{text}");
}

#[test]
fn a_person_has_one_colour_in_text_pane_and_status_bar() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(&mut s, [Action::SelectSpeaker(1), Action::Next]);
    let buf = render(&s);
    let slot = s.doc().unwrap().slots[0];
    let colour = s.theme.person_color(slot);
    let (x, y) = find(&buf, "Mayor Ann Lee");
    let name = &buf[(x + 6, y)];
    assert_eq!(name.fg, colour);
    assert!(name.modifier.contains(Modifier::BOLD));
    let (x, y) = find(&buf, "1 Ann Lee");
    assert_eq!(buf[(x + 2, y)].fg, colour);
    let (x, y) = find(&buf, "Ann Lee  1/3");
    assert_eq!(buf[(x, y)].fg, colour);
    // Bob Ray has a different colour.
    let (x, y) = find(&buf, "Bob Ray says");
    assert_ne!(buf[(x, y)].fg, colour);
}

#[test]
fn the_current_statement_stands_out() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(&mut s, [Action::SelectSpeaker(1), Action::Next]);
    let buf = render(&s);
    let (x, y) = find(&buf, "the bridge would open");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buf[(0, y)].symbol(), "┃", "a heavy bar in the margin");
    let (x, y) = find(&buf, "the cost is too");
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buf[(0, y)].symbol(), "│");
    let (_, y) = find(&buf, "Officials said");
    assert_eq!(buf[(0, y)].symbol(), "┊", "unnamed sources get a neutral mark");
    assert_eq!(buf[(0, y)].fg, Color::Reset);
}

#[test]
fn quotations_are_italic_and_cues_underlined() {
    let s = state_with(vec![bridge()], 80, 16);
    let buf = render(&s);
    let (x, y) = find(&buf, "We have waited");
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    let (x, y) = find(&buf, "says the cost");
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buf[(x + 5, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn no_color_keeps_every_highlight_as_an_attribute() {
    let mut s = state_themed(vec![bridge()], 80, 16, no_color());
    run(&mut s, [Action::SelectSpeaker(1), Action::Next]);
    search(&mut s, "cost");
    let buf = render(&s);
    assert!(buf
        .content()
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    let (x, y) = find(&buf, "Bob Ray says");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    assert!(buf[(x + 8, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find(&buf, "cost is");
    assert!(buf[(x, y)]
        .modifier
        .contains(Modifier::REVERSED | Modifier::UNDERLINED));
    let (x, y) = find(&buf, "We have waited");
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
}

#[test]
fn sixteen_colour_terminals_get_named_colours() {
    let theme = Theme {
        mode: ColorMode::Ansi16,
        ..Theme::default()
    };
    let s = state_themed(vec![bridge()], 80, 16, theme);
    let buf = render(&s);
    for cell in buf.content() {
        assert!(
            !matches!(cell.fg, Color::Rgb(..) | Color::Indexed(_)),
            "{:?}",
            cell.fg
        );
        assert!(
            !matches!(cell.bg, Color::Rgb(..) | Color::Indexed(_)),
            "{:?}",
            cell.bg
        );
    }
}

#[test]
fn untrusted_text_draws_only_printable_cells_in_their_width() {
    let text = "Tabs\there, 漢字 wide, e\u{301} combined, 👍 emoji.\n\nEsc \u{1b}]0;x\u{7} and \u{1b}[2J gone \u{9b}.";
    let a = analysis("evil.txt", text, vec![], vec![]);
    let s = state_with(vec![a], 60, 8);
    let buf = render(&s);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
    let screen = buffer_text(&buf);
    assert!(
        screen.contains("Tabs    here, 漢字 wide, e\u{301} combined, 👍 emoji."),
        "{screen}"
    );
    assert!(screen.contains("Esc ␛]0;x␇ and ␛[2J gone �."), "{screen}");
}
