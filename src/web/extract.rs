//! Finding the story in a page, after Mozilla Readability: paragraphs score the elements that
//! hold them (more for long, comma-rich text), scores are discounted by link density, the best
//! container wins, and siblings that look like more of the story join it.
//!
//! Page furniture (navigation, share bars, comments, related lists, ads; see
//! [`text::skip`]) is cut out before scoring, so it neither attracts the choice nor ends up
//! in the text.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::text::{self, Furniture, Paragraphs};

/// Text measures of one element, furniture excluded.
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    /// Characters of text, whitespace runs counted once.
    chars: usize,
    /// Of which inside links.
    link_chars: usize,
    commas: usize,
    /// Whether a block element sits directly inside (a `<div>` without one reads as a paragraph).
    has_block_child: bool,
}

impl Stats {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// Elements whose text scores their ancestors.
fn is_paragraph_like(name: &str, stats: &Stats) -> bool {
    match name {
        "p" | "pre" | "td" | "blockquote" => true,
        "div" | "section" | "span" => !stats.has_block_child,
        _ => false,
    }
}

/// Paragraphs shorter than this do not vote (captions, labels, buttons).
const MIN_PARAGRAPH_CHARS: usize = 25;

/// The article text of a parsed page, or an empty string when the page has none.
pub(crate) fn article_text(document: &Html) -> String {
    let root = document.tree.root();
    for furniture in [Furniture::ByTagAndName, Furniture::ByTag] {
        let text = extract(root, furniture);
        if !text.is_empty() {
            return text;
        }
    }
    String::new()
}

fn extract(root: NodeRef<'_, Node>, furniture: Furniture) -> String {
    let stats = measure(root, furniture);
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for (&id, stat) in &stats {
        let Some(node) = root.tree().get(id) else { continue };
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if !is_paragraph_like(element.name(), stat) || stat.chars < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let score = 1.0 + stat.commas as f64 + (stat.chars as f64 / 100.0).min(3.0);
        // The parent gets the full score, the grandparent half, further ancestors less.
        for (level, ancestor) in node.ancestors().take(5).enumerate() {
            let Some(ancestor_element) = ancestor.value().as_element() else {
                break;
            };
            let share = match level {
                0 => score,
                1 => score / 2.0,
                _ => score / (level as f64 * 3.0),
            };
            *scores
                .entry(ancestor.id())
                .or_insert_with(|| base_score(ancestor_element)) += share;
        }
    }

    let best = scores
        .iter()
        .map(|(&id, &score)| {
            (
                id,
                score * (1.0 - stats.get(&id).map_or(0.0, Stats::link_density)),
            )
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    let Some((best_id, best_score)) = best else {
        // No paragraph anywhere: whatever text the page shows outside its furniture.
        return collect(root, furniture);
    };
    let best_node = root.tree().get(best_id).expect("scored nodes are in the tree");

    // Siblings that are part of the story too: well-scored containers, and paragraphs long
    // enough and light enough on links.
    let threshold = (best_score * 0.2).max(10.0);
    let mut paragraphs = Paragraphs::default();
    let siblings: Vec<NodeRef<'_, Node>> = match best_node.parent() {
        Some(parent) if parent.value().is_element() => parent.children().collect(),
        _ => vec![best_node],
    };
    for sibling in siblings {
        let keep = sibling.id() == best_id || {
            let Some(element) = sibling.value().as_element() else {
                continue;
            };
            let stat = stats.get(&sibling.id()).copied().unwrap_or_default();
            let scored = scores
                .get(&sibling.id())
                .is_some_and(|s| s * (1.0 - stat.link_density()) >= threshold);
            let paragraph = element.name() == "p"
                && ((stat.chars > 80 && stat.link_density() < 0.25)
                    || (stat.chars > 0 && stat.link_chars == 0 && ends_sentence(sibling)));
            scored || paragraph
        };
        if keep {
            text::collect_except(sibling, &mut paragraphs, furniture, &|node| {
                is_link_block(node, &stats)
            });
        }
    }
    paragraphs.finish()
}

/// Blocks inside the story that are mostly links ("Read more: ...", an unlabelled list of other
/// stories) are navigation, not text.
fn is_link_block(node: NodeRef<'_, Node>, stats: &HashMap<NodeId, Stats>) -> bool {
    let Some(element) = node.value().as_element() else {
        return false;
    };
    if !matches!(
        element.name(),
        "p" | "div" | "ul" | "ol" | "section" | "table" | "td" | "dl" | "li"
    ) {
        return false;
    }
    stats
        .get(&node.id())
        .is_some_and(|s| s.chars > 0 && s.link_density() > 0.5)
}

fn collect(root: NodeRef<'_, Node>, furniture: Furniture) -> String {
    let mut paragraphs = Paragraphs::default();
    text::collect(root, &mut paragraphs, furniture);
    paragraphs.finish()
}

fn ends_sentence(node: NodeRef<'_, Node>) -> bool {
    let last = node
        .descendants()
        .filter_map(|n| n.value().as_text())
        .map(|t| t.trim_end())
        .filter(|t| !t.is_empty())
        .last();
    last.is_some_and(|t| t.ends_with(['.', '!', '?', '"', '\u{201d}']))
}

/// Where an element starts before its paragraphs vote: by tag (containers up, lists and
/// headings down) and by what its class and id promise.
fn base_score(element: &scraper::node::Element) -> f64 {
    let by_tag = match element.name() {
        "article" => 10.0,
        "div" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let names = [element.attr("class"), element.attr("id")];
    let positive = names.iter().flatten().any(|n| has_word(n, POSITIVE_WORDS));
    let negative = names.iter().flatten().any(|n| has_word(n, NEGATIVE_WORDS));
    by_tag + if positive { 25.0 } else { 0.0 } - if negative { 25.0 } else { 0.0 }
}

const POSITIVE_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "text", "story", "blog", "prose", "copy",
];
const NEGATIVE_WORDS: &[&str] = &[
    "hidden", "foot", "footnote", "masthead", "media", "meta", "promo", "scroll", "shoutbox", "shopping",
    "tool", "teaser", "card", "list", "links", "aside", "rail",
];

fn has_word(attr: &str, words: &[&str]) -> bool {
    text::words(attr).any(|w| words.contains(&w.as_str()))
}

/// Text measures of every element under `root` outside furniture, computed in one iterative pass.
fn measure(root: NodeRef<'_, Node>, furniture: Furniture) -> HashMap<NodeId, Stats> {
    let mut stats: HashMap<NodeId, Stats> = HashMap::new();
    let mut stack: Vec<Stats> = Vec::new();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(element) => {
                        if text::skip(element, furniture) {
                            skipping = Some(node.id());
                        } else {
                            stack.push(Stats::default());
                        }
                    }
                    Node::Text(t) => {
                        if let Some(top) = stack.last_mut() {
                            let mut in_space = true;
                            for c in t.chars() {
                                let space = c.is_whitespace();
                                if !(space && in_space) {
                                    top.chars += 1;
                                }
                                in_space = space;
                                if c == ',' || c == '\u{ff0c}' || c == '\u{060c}' {
                                    top.commas += 1;
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                let Some(element) = node.value().as_element() else {
                    continue;
                };
                let Some(mut done) = stack.pop() else { continue };
                if element.name() == "a" {
                    done.link_chars = done.chars;
                }
                if let Some(parent) = stack.last_mut() {
                    parent.chars += done.chars;
                    parent.link_chars += done.link_chars;
                    parent.commas += done.commas;
                    if text::is_block(element.name()) {
                        parent.has_block_child = true;
                    }
                }
                stats.insert(node.id(), done);
            }
        }
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract_from(html: &str) -> String {
        article_text(&Html::parse_document(html))
    }

    #[test]
    fn picks_the_story_over_link_lists() {
        let html = r#"<html><body>
            <div class="links"><p><a href="/1">A link list entry that is long enough to count</a></p>
            <p><a href="/2">Another link list entry that is long enough to count</a></p></div>
            <div class="post"><p>The first paragraph of the story, with a comma, and some length to it.</p>
            <p>The second paragraph of the story, also long enough to be counted as text.</p></div>
            </body></html>"#;
        let text = extract_from(html);
        assert!(text.starts_with("The first paragraph"), "{text}");
        assert!(!text.contains("link list"), "{text}");
    }

    #[test]
    fn sibling_paragraphs_join_the_story() {
        let html = r#"<html><body><div id="wrap">
            <div class="story"><p>Paragraph one of the story is here, with commas, clauses, and more.</p>
            <p>Paragraph two of the story is here, with commas, clauses, and more.</p></div>
            <p>A loose paragraph that continues the story below the container, ending here.</p>
            </div></body></html>"#;
        let text = extract_from(html);
        assert!(text.contains("Paragraph two"), "{text}");
        assert!(text.ends_with("ending here."), "{text}");
    }

    #[test]
    fn a_page_without_paragraphs_gives_its_visible_text() {
        assert_eq!(
            extract_from("<html><body><h1>Just a heading</h1></body></html>"),
            "Just a heading"
        );
        assert_eq!(extract_from("<html><body><nav>Menu</nav></body></html>"), "");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 5_000;
        let html = format!(
            "{}<p>Deep inside, a paragraph long enough to count.</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert!(extract_from(&html).contains("Deep inside"));
    }
}
