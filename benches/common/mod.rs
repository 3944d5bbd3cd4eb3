//! What the benchmarks share: a generated news article, so that they run anywhere, without a
//! corpus.

/// A news-like article of about `target` bytes: titles, names, direct and indirect speech,
/// unnamed sources, abbreviations and curly quotes, in paragraphs separated by blank lines.
pub fn news_article(target: usize) -> String {
    let paragraphs = [
        "Senator Maria Lopez said on Tuesday that the committee would vote on the bill next week, \
         after months of talks with the U.S. Treasury.",
        "\u{201c}We have waited long enough,\u{201d} Lopez told reporters outside the Capitol. \
         \u{201c}The families who lost their homes deserve an answer.\u{201d}",
        "Gov. Thomas Baker, a Republican, accused the committee of ignoring rural counties, \
         and said the plan's \u{201c}real cost\u{201d} had not been published.",
        "Officials familiar with the negotiations said a compromise was likely, \
         according to two people briefed on the talks.",
        "Baker says he will not sign a bill that raises taxes. He also says the state can \
         borrow at lower rates than the federal government.",
        "\"It is a question of trust,\" said Dr. Ana Ruiz, an economist at the University of \
         Denver. \"Voters want to see where the money goes.\"",
        "A poll released Monday shows most voters support the plan, while Mr. Baker's \
         spokesman said the governor was confident of winning the argument.",
    ];
    let mut text = String::from("Committee Moves Toward Vote on Flood Bill\n\n");
    let mut i = 0;
    while text.len() < target {
        text.push_str(paragraphs[i % paragraphs.len()]);
        text.push_str("\n\n");
        i += 1;
    }
    text
}
