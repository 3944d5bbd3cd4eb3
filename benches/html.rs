//! HTML extraction benchmark (written in the next commit).
fn main() {}
