//! Library use without the reader: analyse a plain-text article and print who said what.
//!
//!     cargo run --example who_said_what --no-default-features -- article.txt

use hearsay::{Analysis, Article};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: who_said_what FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let analysis = Analysis::new(Article::from_text(path, text));
    for person in &analysis.people {
        println!(
            "{} {:?} ({} mentions)",
            person.name,
            person.titles,
            person.mentions.len()
        );
    }
    for s in &analysis.statements {
        let who = s
            .speaker
            .map_or("(unnamed)", |p| analysis.people[p].name.as_str());
        let source = s.source.map_or("", |sp| analysis.slice(sp));
        let cue = s.cue.map_or("", |sp| analysis.slice(sp));
        println!(
            "\n{who} [{source} | {cue}] {}:\n  {}",
            s.kind.as_str(),
            analysis.slice(s.content)
        );
    }
    Ok(())
}
