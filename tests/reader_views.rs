//! Snapshot and style tests of the reader's views, drawn into a ratatui TestBackend.

mod reader_support;

use hearsay::reader::action::Action;
use reader_support::*;

#[test]
fn peek() {
    let mut s = state_with(vec![bridge()], 80, 16);
    run(&mut s, [Action::SelectSpeaker(1), Action::Next]);
    println!("{}", screen(&s));
}
