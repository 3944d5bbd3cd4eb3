//! `update` without rendering: every action, on hand-built articles.

#![cfg(feature = "reader")]

mod reader_support;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use hearsay::reader::action::{Action, MouseInput, PromptEdit};
use hearsay::reader::app::key_action;
use hearsay::reader::memory::Place;
use hearsay::reader::state::{Focus, Motion, Speaker, State};
use hearsay::reader::update::{find_matches, Effect};
use reader_support::*;

fn counter(s: &State) -> Option<(Speaker, Option<usize>, usize)> {
    s.counter()
}

fn typed(s: &mut State, text: &str) {
    run(s, [Action::StartSearch]);
    for c in text.chars() {
        run(s, [Action::Prompt(PromptEdit::Insert(c))]);
    }
    run(s, [Action::Prompt(PromptEdit::Submit)]);
}

#[test]
fn scrolling_moves_by_lines_half_pages_and_pages() {
    let mut s = state_with(vec![long_bridge(20)], 80, 16);
    let h = s.text_height();
    assert_eq!(h, 15);
    run(&mut s, [Action::ScrollDown]);
    assert_eq!(s.top_line(), 1);
    run(&mut s, [Action::ScrollUp, Action::ScrollUp]);
    assert_eq!(s.top_line(), 0);
    run(&mut s, [Action::HalfPageDown]);
    assert_eq!(s.top_line(), 7);
    run(&mut s, [Action::HalfPageUp]);
    assert_eq!(s.top_line(), 0);
    run(&mut s, [Action::PageDown]);
    assert_eq!(s.top_line(), 13);
    run(&mut s, [Action::PageUp]);
    assert_eq!(s.top_line(), 0);
    run(&mut s, [Action::Bottom]);
    let max = s.wrapped().unwrap().max_top(h);
    assert!(max > 100);
    assert_eq!(s.top_line(), max);
    run(&mut s, [Action::ScrollDown]);
    assert_eq!(s.top_line(), max, "no scrolling past the end");
    run(&mut s, [Action::Top]);
    assert_eq!(s.top_line(), 0);
    assert_eq!(s.top, 0);
}

#[test]
fn the_top_of_the_view_is_anchored_to_the_text() {
    let mut s = state_with(vec![long_bridge(5)], 80, 16);
    run(&mut s, [Action::PageDown]);
    let anchor = s.top;
    assert_eq!(s.wrapped().unwrap().lines[s.top_line()].start, anchor);
}

#[test]
fn selecting_a_speaker_by_number_does_not_move_the_view() {
    let mut s = state_with(vec![long_bridge(5)], 80, 16);
    run(&mut s, [Action::PageDown]);
    let top = s.top;
    run(&mut s, [Action::SelectSpeaker(2)]);
    assert_eq!(s.speaker, Some(Speaker::Person(1)));
    assert_eq!(s.top, top);
    assert_eq!(s.motion, Motion::Speaker);
    run(&mut s, [Action::SelectSpeaker(9)]);
    assert_eq!(s.status.as_deref(), Some("No speaker 9 in this article"));
    assert_eq!(s.speaker, Some(Speaker::Person(1)));
    run(&mut s, [Action::ClearSpeaker]);
    assert_eq!(s.speaker, None);
}

#[test]
fn s_and_shift_s_cycle_through_people_then_unnamed_sources() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(&mut s, [Action::NextSpeaker]);
    assert_eq!(s.speaker, Some(Speaker::Person(0)));
    run(&mut s, [Action::NextSpeaker]);
    assert_eq!(s.speaker, Some(Speaker::Person(1)));
    run(&mut s, [Action::NextSpeaker]);
    assert_eq!(s.speaker, Some(Speaker::Unnamed));
    run(&mut s, [Action::NextSpeaker]);
    assert_eq!(s.speaker, Some(Speaker::Person(0)));
    run(&mut s, [Action::PrevSpeaker]);
    assert_eq!(s.speaker, Some(Speaker::Unnamed));
    assert_eq!(s.speaker_cursor, 2);
}

#[test]
fn n_walks_the_speakers_statements_and_wraps() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(&mut s, [Action::SelectSpeaker(1)]);
    assert_eq!(counter(&s), Some((Speaker::Person(0), None, 3)));
    run(&mut s, [Action::Next]);
    assert_eq!(s.statement, Some(0));
    assert_eq!(counter(&s), Some((Speaker::Person(0), Some(0), 3)));
    run(&mut s, [Action::Next, Action::Next]);
    assert_eq!(s.statement, Some(5));
    assert_eq!(counter(&s), Some((Speaker::Person(0), Some(2), 3)));
    run(&mut s, [Action::Next]);
    assert_eq!(s.statement, Some(0));
    assert!(s.status.as_deref().unwrap().contains("wrapped"), "{:?}", s.status);
    run(&mut s, [Action::Prev]);
    assert_eq!(s.statement, Some(5));
    run(&mut s, [Action::Prev]);
    assert_eq!(s.statement, Some(1));
}

#[test]
fn n_counts_from_the_current_statement_of_anyone() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(&mut s, [Action::SelectSpeaker(1), Action::Next, Action::Next]);
    assert_eq!(s.statement, Some(1));
    run(&mut s, [Action::SelectSpeaker(2), Action::Next]);
    assert_eq!(s.statement, Some(2));
    assert_eq!(counter(&s), Some((Speaker::Person(1), Some(0), 2)));
    run(&mut s, [Action::SelectSpeaker(1), Action::Prev]);
    assert_eq!(s.statement, Some(1));
}

#[test]
fn n_without_a_speaker_asks_for_one() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(&mut s, [Action::Next]);
    assert_eq!(s.statement, None);
    assert!(s.status.as_deref().unwrap().starts_with("Select a speaker first"));
}

#[test]
fn n_scrolls_the_statement_into_view_with_context_above() {
    let mut s = state_with(vec![long_bridge(20)], 80, 16);
    run(&mut s, [Action::SelectSpeaker(2)]);
    for _ in 0..15 {
        run(&mut s, [Action::Next]);
    }
    let i = s.statement.unwrap();
    let st = s.doc().unwrap().analysis.statements[i].clone();
    let w = s.wrapped().unwrap();
    let line = w.line_of(st.content.start);
    assert_eq!(s.top_line(), line - 3, "three lines of context above");
}

#[test]
fn scrolling_a_statement_out_of_view_lets_go_of_it() {
    let mut s = state_with(vec![long_bridge(20)], 80, 16);
    run(&mut s, [Action::SelectSpeaker(1), Action::Next]);
    assert_eq!(s.statement, Some(0));
    run(&mut s, [Action::PageDown, Action::PageDown]);
    assert_eq!(s.statement, None);
    run(&mut s, [Action::Next]);
    let st = &s.doc().unwrap().analysis.statements[s.statement.unwrap()];
    assert!(st.content.start >= s.top || s.statement.unwrap() > 0);
}

#[test]
fn parentheses_step_through_everyones_statements() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(&mut s, [Action::NextStatement]);
    assert_eq!(s.statement, Some(0));
    run(
        &mut s,
        [
            Action::NextStatement,
            Action::NextStatement,
            Action::NextStatement,
        ],
    );
    assert_eq!(s.statement, Some(3));
    assert_eq!(counter(&s), Some((Speaker::Person(1), Some(1), 2)));
    run(&mut s, [Action::PrevStatement]);
    assert_eq!(s.statement, Some(2));
    run(
        &mut s,
        [
            Action::NextStatement,
            Action::NextStatement,
            Action::NextStatement,
            Action::NextStatement,
        ],
    );
    assert_eq!(s.statement, Some(0), "wraps");
    run(&mut s, [Action::PrevStatement]);
    assert_eq!(s.statement, Some(5));
}

#[test]
fn the_filter_view_lists_the_speaker_and_jumps_back() {
    let mut s = state_with(vec![long_bridge(20)], 80, 16);
    run(&mut s, [Action::ToggleFilter]);
    assert!(s.filter.is_none());
    assert!(s.status.as_deref().unwrap().starts_with("Select a speaker"));
    run(&mut s, [Action::SelectSpeaker(2), Action::ToggleFilter]);
    assert_eq!(s.filter.map(|f| f.cursor), Some(0));
    run(
        &mut s,
        [Action::ScrollDown, Action::ScrollDown, Action::ScrollDown],
    );
    assert_eq!(s.filter.map(|f| f.cursor), Some(3));
    run(&mut s, [Action::Activate]);
    assert!(s.filter.is_none());
    // Bob Ray's fourth statement is the second of the second copy.
    assert_eq!(s.statement, Some(9));
    let st = &s.doc().unwrap().analysis.statements[9];
    assert!(s
        .visible_lines()
        .contains(&s.wrapped().unwrap().line_of(st.content.start)));
    run(&mut s, [Action::ToggleFilter]);
    assert_eq!(
        s.filter.map(|f| f.cursor),
        Some(3),
        "opens at the current statement"
    );
    run(&mut s, [Action::Close]);
    assert!(s.filter.is_none());
    run(&mut s, [Action::ToggleFilter, Action::ToggleFilter]);
    assert!(s.filter.is_none());
}

#[test]
fn search_finds_matches_and_n_walks_them_until_a_speaker_is_chosen() {
    let mut s = state_with(vec![bridge()], 80, 16);
    typed(&mut s, "the");
    assert_eq!(s.search.query.as_deref(), Some("the"));
    assert_eq!(s.search.matches.len(), 5);
    assert_eq!(s.search.current, Some(0));
    assert_eq!(s.motion, Motion::Search);
    run(&mut s, [Action::Next, Action::Next]);
    assert_eq!(s.search.current, Some(2));
    run(&mut s, [Action::Prev]);
    assert_eq!(s.search.current, Some(1));
    run(&mut s, [Action::SelectSpeaker(1), Action::Next]);
    assert_eq!(s.motion, Motion::Speaker);
    assert!(s.statement.is_some());
    assert_eq!(s.search.current, Some(1), "n now walks statements");
    // An empty search repeats the last one, like vim.
    run(&mut s, [Action::StartSearch, Action::Prompt(PromptEdit::Submit)]);
    assert_eq!(s.motion, Motion::Search);
    typed(&mut s, "zebra");
    assert!(s.search.matches.is_empty());
    assert_eq!(s.status.as_deref(), Some("Not found: zebra"));
}

#[test]
fn the_search_prompt_takes_every_key() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(&mut s, [Action::StartSearch]);
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), crossterm::event::KeyModifiers::NONE);
    assert!(matches!(
        key_action(&s, &key('q')),
        Some(Action::Prompt(PromptEdit::Insert('q')))
    ));
    assert!(matches!(
        key_action(&s, &key('n')),
        Some(Action::Prompt(PromptEdit::Insert('n')))
    ));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(matches!(key_action(&s, &ctrl_c), Some(Action::ForceQuit)));
    run(
        &mut s,
        [
            Action::Prompt(PromptEdit::Insert('x')),
            Action::Prompt(PromptEdit::Backspace),
        ],
    );
    assert_eq!(s.search.prompt.as_deref(), Some(""));
    run(&mut s, [Action::Prompt(PromptEdit::Backspace)]);
    assert_eq!(s.search.prompt, None, "backspace on an empty prompt closes it");
    run(&mut s, [Action::StartSearch, Action::Prompt(PromptEdit::Cancel)]);
    assert_eq!(s.search.prompt, None);
    assert!(!s.quit);
}

#[test]
fn key_releases_never_count() {
    let s = state_with(vec![bridge()], 80, 16);
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert!(key_action(&s, &release).is_none());
    let press = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert!(matches!(key_action(&s, &press), Some(Action::Quit)));
}

#[test]
fn smart_case_search() {
    let text = "Lee met LEE and lee. Élan, élan.";
    assert_eq!(find_matches(text, "lee").len(), 3);
    assert_eq!(find_matches(text, "Lee").len(), 1);
    assert_eq!(find_matches(text, "élan").len(), 2);
    assert!(find_matches(text, "").is_empty());
}

fn two_articles() -> (hearsay::Analysis, hearsay::Analysis) {
    let mut second = bridge_titled("second.txt", BRIDGE);
    second.article.title = Some("Second bridge".into());
    second.article.url = Some("https://example.org/second".into());
    (bridge(), second)
}

#[test]
fn articles_switch_with_j_and_k_and_remember_their_place() {
    let (a, b) = two_articles();
    let mut s = state_with(vec![a, b], 120, 30);
    run(&mut s, [Action::SelectSpeaker(2), Action::Next]);
    let fx = run(&mut s, [Action::NextArticle]);
    assert_eq!(s.current, 1);
    assert_eq!(s.speaker, None);
    assert!(
        matches!(&fx[..], [Effect::Remember { key, place }] if key == "bridge.txt" && place.statement == Some(2))
    );
    run(&mut s, [Action::NextArticle]);
    assert_eq!(s.status.as_deref(), Some("This is the last article"));
    run(&mut s, [Action::PrevArticle]);
    assert_eq!(s.current, 0);
    assert_eq!(
        s.speaker,
        Some(Speaker::Person(1)),
        "the selected speaker comes back"
    );
    assert_eq!(s.statement, Some(2));
    run(&mut s, [Action::PrevArticle]);
    assert_eq!(s.status.as_deref(), Some("This is the first article"));
}

#[test]
fn passing_the_last_statement_offers_the_next_article_quoting_the_speaker() {
    let (a, b) = two_articles();
    let mut s = state_with(vec![a, b], 120, 30);
    run(
        &mut s,
        [
            Action::SelectSpeaker(1),
            Action::Next,
            Action::Next,
            Action::Next,
            Action::Next,
        ],
    );
    assert_eq!(s.statement, Some(0));
    let offer = s.offer.clone().expect("an offer");
    assert_eq!(offer.article, 1);
    assert_eq!(offer.person, "Ann Lee");
    assert!(s
        .status
        .as_deref()
        .unwrap()
        .contains("J continues with them in “Second bridge”"));
    run(&mut s, [Action::NextArticle]);
    assert_eq!(s.current, 1);
    assert_eq!(s.speaker, Some(Speaker::Person(0)));
    assert_eq!(s.statement, Some(0));
    assert!(s.offer.is_none());
    // Any other key withdraws an offer.
    let (a, b) = two_articles();
    let mut s = state_with(vec![a, b], 120, 30);
    run(
        &mut s,
        [
            Action::SelectSpeaker(1),
            Action::Next,
            Action::Next,
            Action::Next,
            Action::Next,
        ],
    );
    run(&mut s, [Action::ScrollDown]);
    assert!(s.offer.is_none());
    // Enter accepts it too.
    let (a, b) = two_articles();
    let mut s = state_with(vec![a, b], 120, 30);
    run(
        &mut s,
        [
            Action::SelectSpeaker(1),
            Action::Next,
            Action::Next,
            Action::Next,
            Action::Next,
        ],
    );
    run(&mut s, [Action::Activate]);
    assert_eq!(s.current, 1);
}

#[test]
fn y_copies_the_current_statement_with_its_speaker() {
    let mut s = state_with(vec![bridge()], 80, 16);
    let fx = run(&mut s, [Action::Copy]);
    assert!(fx.is_empty());
    assert!(s.status.as_deref().unwrap().starts_with("No current statement"));
    let fx = run(&mut s, [Action::SelectSpeaker(1), Action::Next, Action::Copy]);
    assert_eq!(
        fx,
        vec![Effect::Copy("Ann Lee: the bridge would open in May".into())]
    );
    // In the filter view, the statement under the cursor.
    let fx = run(
        &mut s,
        [
            Action::ToggleFilter,
            Action::ScrollDown,
            Action::Copy,
            Action::Close,
        ],
    );
    assert_eq!(
        fx,
        vec![Effect::Copy("Ann Lee: \"We have waited long enough,\"".into())]
    );
    let fx = run(
        &mut s,
        [
            Action::SelectSpeaker(2),
            Action::NextSpeaker,
            Action::Next,
            Action::Copy,
        ],
    );
    assert_eq!(
        fx,
        vec![Effect::Copy(
            "Officials (unnamed): the river crossing will be closed during construction".into()
        )]
    );
}

#[test]
fn o_opens_the_url_when_there_is_one() {
    let (a, b) = two_articles();
    let mut s = state_with(vec![a, b], 80, 16);
    assert!(run(&mut s, [Action::OpenUrl]).is_empty());
    assert_eq!(s.status.as_deref(), Some("This article has no url"));
    let fx = run(&mut s, [Action::NextArticle, Action::OpenUrl]);
    assert!(fx.contains(&Effect::OpenUrl("https://example.org/second".into())));
    let mut local = bridge();
    local.article.url = Some("/usr/bin/xcalc".into());
    let mut s = state_with(vec![local], 80, 16);
    assert!(
        run(&mut s, [Action::OpenUrl]).is_empty(),
        "only web addresses are opened"
    );
    assert_eq!(s.status.as_deref(), Some("Not a web address: /usr/bin/xcalc"));
}

#[test]
fn the_help_overlay_takes_the_keys_until_closed() {
    let mut s = state_with(vec![long_bridge(5)], 80, 16);
    run(&mut s, [Action::ToggleHelp]);
    assert_eq!(s.help, Some(0));
    run(&mut s, [Action::ScrollDown, Action::ScrollDown]);
    assert_eq!(s.help, Some(2));
    // 16 rows show 14 of the help's lines: scrolling stops when the last is in view.
    let lines = s.keymap.help_lines().len();
    run(&mut s, [Action::Bottom, Action::ScrollDown]);
    assert_eq!(s.help, Some(lines - 14));
    run(&mut s, [Action::ScrollUp]);
    assert_eq!(s.help, Some(lines - 15));
    assert_eq!(s.top_line(), 0, "the text does not scroll under the help");
    run(&mut s, [Action::Close]);
    assert_eq!(s.help, None);
    run(&mut s, [Action::ToggleHelp, Action::ToggleHelp]);
    assert_eq!(s.help, None);
    run(&mut s, [Action::ToggleHelp, Action::Quit]);
    assert_eq!(s.help, None);
    assert!(!s.quit, "q closes the help first");
    let fx = run(&mut s, [Action::ToggleHelp, Action::ForceQuit]);
    assert!(s.quit);
    assert!(fx.contains(&Effect::Quit));
}

#[test]
fn escape_closes_the_innermost_thing() {
    let mut s = state_with(vec![bridge()], 80, 16);
    typed(&mut s, "bridge");
    run(
        &mut s,
        [Action::SelectSpeaker(1), Action::ToggleFilter, Action::FocusNext],
    );
    run(&mut s, [Action::Close]);
    assert!(s.filter.is_none());
    assert!(s.search.query.is_some());
    run(&mut s, [Action::Close]);
    assert!(s.search.query.is_none() && s.search.matches.is_empty());
    assert_eq!(s.focus, Focus::Speakers);
    run(&mut s, [Action::Close]);
    assert_eq!(s.focus, Focus::Text);
}

#[test]
fn q_quits_from_the_top_level_and_remembers_the_place() {
    let mut s = state_with(vec![long_bridge(5)], 80, 16);
    run(
        &mut s,
        [Action::SelectSpeaker(1), Action::ToggleFilter, Action::Quit],
    );
    assert!(!s.quit && s.filter.is_none());
    run(&mut s, [Action::PageDown]);
    let fx = run(&mut s, [Action::Quit]);
    assert!(s.quit);
    match &fx[..] {
        [Effect::Remember { key, place }, Effect::Quit] => {
            assert_eq!(key, "long.txt");
            assert_eq!(place.offset, s.top);
            assert_eq!(place.speaker.as_deref(), Some("Ann Lee"));
            assert!(place.paragraph > 0);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_remembered_place_is_restored_by_text_position() {
    let doc = long_bridge(5);
    let offset = doc.paragraphs[6].span.start;
    let mut s = state_with(vec![], 80, 16);
    s.places.insert(
        "long.txt".into(),
        Place {
            paragraph: 6,
            offset,
            statement: Some(7),
            speaker: Some("Bob Ray".into()),
            when: 1,
        },
    );
    run(&mut s, [Action::Loaded(Box::new(doc))]);
    assert_eq!(s.top, offset);
    assert_eq!(s.statement, Some(7));
    assert_eq!(s.speaker, Some(Speaker::Person(1)));
    // An offset that no longer fits the text falls back to the paragraph.
    let doc = long_bridge(5);
    let para = doc.paragraphs[2].span.start;
    let mut s = state_with(vec![], 80, 16);
    s.places.insert(
        "long.txt".into(),
        Place {
            paragraph: 2,
            offset: 10_000_000,
            statement: Some(10_000),
            speaker: Some("Nobody".into()),
            when: 1,
        },
    );
    run(&mut s, [Action::Loaded(Box::new(doc))]);
    assert_eq!(s.top, para);
    assert_eq!(s.statement, None);
    assert_eq!(s.speaker, None);
}

#[test]
fn p_hides_the_speakers_pane() {
    let mut s = state_with(vec![bridge()], 80, 16);
    assert!(s.panes().speakers.is_some());
    let wide = s.panes().text_width();
    run(&mut s, [Action::FocusNext]);
    assert_eq!(s.focus, Focus::Speakers);
    run(&mut s, [Action::ToggleSpeakers]);
    assert!(s.panes().speakers.is_none());
    assert_eq!(s.focus, Focus::Text);
    assert!(s.panes().text_width() > wide);
    run(&mut s, [Action::ToggleSpeakers]);
    assert!(s.panes().speakers.is_some());
}

#[test]
fn tab_moves_focus_and_lists_take_the_movement_keys() {
    let (a, b) = two_articles();
    let mut s = state_with(vec![a, b], 120, 30);
    run(&mut s, [Action::FocusNext]);
    assert_eq!(s.focus, Focus::Speakers);
    run(&mut s, [Action::ScrollDown, Action::Activate]);
    assert_eq!(s.speaker, Some(Speaker::Person(1)));
    run(&mut s, [Action::FocusNext]);
    assert_eq!(s.focus, Focus::Articles);
    run(&mut s, [Action::Bottom, Action::Activate]);
    assert_eq!(s.current, 1);
    assert_eq!(s.focus, Focus::Text);
    run(&mut s, [Action::FocusPrev]);
    assert_eq!(s.focus, Focus::Articles);
    run(&mut s, [Action::FocusPrev, Action::FocusPrev]);
    assert_eq!(s.focus, Focus::Text);
}

#[test]
fn the_mouse_scrolls_and_selects_by_clicking_names() {
    let mut s = state_with(vec![long_bridge(5)], 80, 16);
    run(
        &mut s,
        [Action::Mouse(MouseInput::WheelDown { column: 5, row: 5 })],
    );
    assert_eq!(s.top_line(), 3);
    run(&mut s, [Action::Mouse(MouseInput::WheelUp { column: 5, row: 5 })]);
    assert_eq!(s.top_line(), 0);
    // Row 2 is "Mayor Ann Lee said ...", after the two-column gutter.
    let line = &s.wrapped().unwrap().lines[2];
    assert_eq!(
        line.start,
        s.doc().unwrap().analysis.text().find("Mayor").unwrap()
    );
    run(
        &mut s,
        [Action::Mouse(MouseInput::Click {
            column: 2 + 7,
            row: 2,
        })],
    );
    assert_eq!(s.speaker, Some(Speaker::Person(0)));
    run(
        &mut s,
        [Action::Mouse(MouseInput::Click {
            column: 2 + 1,
            row: 2,
        })],
    );
    assert_eq!(
        s.speaker,
        Some(Speaker::Person(0)),
        "a click elsewhere changes nothing"
    );
    // The speakers pane: title row, then two rows per speaker.
    let pane = s.panes().speakers.unwrap();
    run(
        &mut s,
        [Action::Mouse(MouseInput::Click {
            column: pane.x + 3,
            row: pane.y + 3,
        })],
    );
    assert_eq!(s.speaker, Some(Speaker::Person(1)));
}

#[test]
fn a_click_in_the_article_list_opens_the_article() {
    let (a, b) = two_articles();
    let mut s = state_with(vec![a, b], 120, 30);
    let list = s.panes().articles.unwrap();
    run(
        &mut s,
        [Action::Mouse(MouseInput::Click {
            column: list.x + 2,
            row: list.y + 3,
        })],
    );
    assert_eq!(s.current, 1);
}

#[test]
fn resizing_keeps_the_reader_at_the_same_place() {
    let mut s = state_with(vec![long_bridge(20)], 80, 16);
    run(&mut s, [Action::PageDown, Action::PageDown, Action::PageDown]);
    let before = s.top;
    let text = s.doc().unwrap().analysis.text().to_string();
    for (w, h) in [(50, 10), (200, 60), (20, 5), (80, 16)] {
        run(&mut s, [Action::Resize(w, h)]);
        let wr = s.wrapped().unwrap();
        let line = &wr.lines[s.top_line()];
        let next = wr.lines.get(s.top_line() + 1).map_or(text.len(), |l| l.start);
        assert!(
            line.start <= before && before <= next.max(line.start),
            "{w}x{h}: the place {before} is on the top line {}..{next}",
            line.start
        );
    }
}

#[test]
fn loading_reports_arrive_as_actions() {
    let mut s = state_with(vec![], 80, 16);
    assert!(s.doc().is_none());
    run(
        &mut s,
        [Action::LoadProblem(
            "error: a.json: line 1, column 2: malformed JSON".into(),
        )],
    );
    assert_eq!(s.loading.problems.len(), 1);
    run(&mut s, [Action::Loaded(Box::new(bridge()))]);
    assert_eq!(s.docs.len(), 1);
    assert_eq!(s.current, 0);
    run(&mut s, [Action::Loaded(Box::new(long_bridge(2)))]);
    assert_eq!(s.current, 0, "later articles do not steal the view");
    run(&mut s, [Action::Notice("hello".into())]);
    assert_eq!(s.status.as_deref(), Some("hello"));
    // Actions on a reader with no article do nothing, and never panic.
    let mut empty = state_with(vec![], 80, 16);
    for a in hearsay::reader::action::Action::commands() {
        run(&mut empty, [a]);
    }
}

fn any_action() -> impl proptest::strategy::Strategy<Value = Action> {
    use proptest::prelude::*;
    let commands: Vec<Action> = Action::commands()
        .filter(|a| !matches!(a, Action::Quit | Action::ForceQuit))
        .collect();
    prop_oneof![
        6 => proptest::sample::select(commands),
        1 => (0u16..120, 0u16..50).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..120, 0u16..50).prop_map(|(column, row)| Action::Mouse(MouseInput::Click { column, row })),
        1 => (0u16..120, 0u16..50).prop_map(|(column, row)| Action::Mouse(MouseInput::WheelDown { column, row })),
        1 => proptest::char::any().prop_map(|c| Action::Prompt(PromptEdit::Insert(c))),
        1 => Just(Action::Prompt(PromptEdit::Submit)),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(64))]

    #[test]
    fn any_sequence_of_actions_keeps_the_state_consistent(actions in proptest::collection::vec(any_action(), 1..60)) {
        let (a, b) = two_articles();
        let mut s = state_with(vec![a, b, long_bridge(3)], 80, 16);
        for action in actions {
            run(&mut s, [action]);
            render(&s);
            let doc = s.doc().unwrap();
            proptest::prop_assert!(s.top <= doc.analysis.text().len());
            proptest::prop_assert!(s.statement.is_none_or(|i| i < doc.analysis.statements.len()));
            proptest::prop_assert!(s.current < s.docs.len());
            proptest::prop_assert!(s.filter.is_none() || s.speaker.is_some());
            if let Some(w) = s.wrapped() {
                proptest::prop_assert!(s.top_line() <= w.max_top(s.text_height()));
            }
        }
    }
}

#[test]
fn a_list_taking_a_narrow_screen_leaves_the_reading_place_alone() {
    let mut s = state_with(vec![long_bridge(5)], 30, 10);
    run(&mut s, [Action::PageDown, Action::PageDown]);
    let top = s.top;
    run(&mut s, [Action::FocusNext]);
    assert!(s.panes().text.is_none(), "the speakers take the screen");
    assert_eq!(s.top, top);
    run(&mut s, [Action::ScrollDown, Action::Close]);
    assert_eq!(s.focus, Focus::Text);
    assert_eq!(s.top, top);
}

/// Three articles; the middle one is a feed entry whose summary links to the full story.
fn feed_with_a_summary() -> State {
    let (a, _) = two_articles();
    let mut entry = analysis(
        "feed.xml#2",
        "Ann Lee said the bridge would open in May. More at the link.",
        vec![],
        vec![],
    );
    entry.article.title = Some("Bridge to open".into());
    entry.article.url = Some("https://news.example/bridge".into());
    state_with(vec![a, entry, long_bridge(3)], 100, 20)
}

/// The page behind the feed entry, as the fetching thread would send it back.
fn story_page() -> hearsay::Analysis {
    let mut page = bridge_titled(
        "feed.xml#2",
        &format!("The whole story of the bridge, from the town hall.\n\n{BRIDGE}"),
    );
    page.article.title = Some("The bridge opens in May".into());
    page.article.url = Some("https://news.example/bridge".into());
    page
}

fn arrival(index: usize, result: Result<hearsay::Analysis, &str>) -> Action {
    Action::Fetched(Box::new(hearsay::reader::action::FetchedStory {
        index,
        source: "feed.xml#2".into(),
        url: "https://news.example/bridge".into(),
        result: result.map(Box::new).map_err(str::to_string),
    }))
}

#[test]
fn shift_l_fetches_the_story_and_the_help_lists_it() {
    let s = feed_with_a_summary();
    let key = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT);
    assert!(matches!(key_action(&s, &key), Some(Action::FetchStory)));
    assert_eq!(Action::FetchStory.name(), Some("fetch_story"));
    let help = s.keymap.help_lines();
    assert!(help
        .iter()
        .any(|(keys, what)| keys == "L" && what == "fetch the full story from the article's link"));
}

#[test]
fn fetching_asks_the_edge_for_the_linked_page_of_the_article_in_view() {
    let mut s = feed_with_a_summary();
    let fx = run(&mut s, [Action::FetchStory]);
    assert!(fx.is_empty(), "the first article has no link");
    assert_eq!(s.status.as_deref(), Some("This article has no link to fetch"));
    assert_eq!(s.fetching, None);

    run(&mut s, [Action::NextArticle]);
    let fx = run(&mut s, [Action::FetchStory]);
    let expected = s.docs[1].analysis.article.clone();
    assert_eq!(
        fx,
        vec![Effect::FetchStory {
            index: 1,
            article: expected,
            url: "https://news.example/bridge".into(),
        }]
    );
    assert_eq!(
        s.status.as_deref(),
        Some("fetching https://news.example/bridge...")
    );
    assert_eq!(s.fetching.as_deref(), Some("https://news.example/bridge"));

    let fx = run(&mut s, [Action::FetchStory]);
    assert!(fx.is_empty(), "one fetch at a time");
    assert_eq!(
        s.status.as_deref(),
        Some("Still fetching https://news.example/bridge...")
    );
    // Other keys clear the message, but the status bar keeps saying what is being fetched.
    run(&mut s, [Action::ScrollDown]);
    assert_eq!(s.status, None);
    let bar = screen(&s).lines().last().unwrap().to_string();
    assert!(bar.contains("fetching https://news.example/bridge..."), "{bar}");
}

#[test]
fn only_web_addresses_are_fetched() {
    let mut local = bridge();
    local.article.url = Some("file:///etc/passwd".into());
    let mut s = state_with(vec![local], 80, 16);
    let fx = run(&mut s, [Action::FetchStory]);
    assert!(fx.is_empty());
    assert_eq!(
        s.status.as_deref(),
        Some("Not a web address, cannot fetch: file:///etc/passwd")
    );
    assert_eq!(s.fetching, None);
}

#[test]
fn the_fetched_story_replaces_the_article_in_its_place() {
    let mut s = feed_with_a_summary();
    run(&mut s, [Action::NextArticle, Action::FetchStory]);
    let (first, last) = (s.docs[0].key().to_string(), s.docs[2].key().to_string());
    let fx = run(&mut s, [arrival(1, Ok(story_page()))]);
    assert!(fx.is_empty());
    assert_eq!(s.docs.len(), 3);
    assert_eq!(s.current, 1);
    assert_eq!(
        (s.docs[0].key(), s.docs[2].key()),
        (first.as_str(), last.as_str())
    );
    let doc = s.doc().unwrap();
    assert!(doc.analysis.text().starts_with("The whole story of the bridge"));
    assert_eq!(doc.order.len(), 2, "the page's people are in the speakers pane");
    assert_eq!(s.status.as_deref(), Some("fetched The bridge opens in May"));
    assert_eq!(s.fetching, None);
    assert_eq!((s.top, s.statement, s.speaker), (0, None, None));
    let shown = screen(&s);
    assert!(shown.contains("The whole story of the bridge"), "{shown}");
    assert!(shown.contains("Ann Lee"), "{shown}");
    // The new text is read like any other.
    run(&mut s, [Action::SelectSpeaker(1), Action::Next]);
    assert_eq!(counter(&s).map(|(_, at, n)| (at, n)), Some((Some(0), 3)));
    // And a second fetch may start now that the first is over.
    assert_eq!(run(&mut s, [Action::FetchStory]).len(), 1);
}

#[test]
fn a_story_arriving_for_another_article_leaves_the_view_alone() {
    let mut s = feed_with_a_summary();
    run(
        &mut s,
        [Action::NextArticle, Action::FetchStory, Action::NextArticle],
    );
    run(&mut s, [Action::PageDown]);
    let (current, top) = (s.current, s.top);
    run(&mut s, [arrival(1, Ok(story_page()))]);
    assert_eq!((s.current, s.top), (current, top));
    assert!(s.docs[1].analysis.text().starts_with("The whole story"));
    run(&mut s, [Action::PrevArticle]);
    assert_eq!(s.top, 0, "the summary's remembered place is dropped with it");
    assert!(screen(&s).contains("The whole story of the bridge"));
}

#[test]
fn a_failed_fetch_shows_the_error_naming_the_url_and_keeps_the_summary() {
    let mut s = feed_with_a_summary();
    run(&mut s, [Action::NextArticle, Action::FetchStory]);
    let summary = s.doc().unwrap().analysis.text().to_string();
    run(
        &mut s,
        [arrival(
            1,
            Err("https://news.example/bridge: the server answered HTTP 404 Not Found"),
        )],
    );
    assert_eq!(
        s.status.as_deref(),
        Some("https://news.example/bridge: the server answered HTTP 404 Not Found")
    );
    assert_eq!(s.doc().unwrap().analysis.text(), summary);
    assert_eq!(s.fetching, None);
    // A message that does not name the URL gets it in front.
    run(
        &mut s,
        [Action::FetchStory, arrival(1, Err("connection refused"))],
    );
    assert_eq!(
        s.status.as_deref(),
        Some("https://news.example/bridge: connection refused")
    );
    let bar = screen(&s).lines().last().unwrap().to_string();
    assert!(bar.contains("connection refused"), "{bar}");
}

#[test]
#[cfg(feature = "web")]
fn offline_the_fetch_fails_with_the_web_layers_message() {
    use hearsay::load::LoadOptions;
    let mut article = hearsay::Article::from_text("feed.xml#1", "A summary.");
    // A port nothing listens on: offline, it must not even be tried.
    article.url = Some("http://127.0.0.1:9/story".into());
    let opts = LoadOptions {
        offline: true,
        no_cache: true,
        ..LoadOptions::default()
    };
    let (tx, rx) = std::sync::mpsc::channel();
    hearsay::reader::app::spawn_fetch(0, article, "http://127.0.0.1:9/story".into(), opts, move |a| {
        tx.send(a).unwrap()
    })
    .join()
    .unwrap();
    let Ok(Action::Fetched(story)) = rx.recv() else {
        panic!("the fetch reports back")
    };
    assert_eq!((story.index, story.source.as_str()), (0, "feed.xml#1"));
    let error = story.result.unwrap_err();
    assert!(error.contains("http://127.0.0.1:9/story"), "{error}");
    assert!(error.contains("--offline"), "{error}");
}
