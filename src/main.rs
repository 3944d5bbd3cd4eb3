//! The `hearsay` command: the reader, `export` and `speakers`.

fn main() {
    println!("{}", hearsay::SAMPLE.len());
}
