//! HTML to plain paragraphs: block elements and `<br>` end a paragraph, runs of whitespace
//! become one space, paragraphs are separated by a blank line, and page furniture (scripts,
//! navigation, share bars, comment threads, related-story lists) is left out.

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::Node;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "object",
    "embed",
    "button",
    "input",
    "select",
    "textarea",
    "form",
    "nav",
    "footer",
    "aside",
    "head",
    "title",
    "math",
    "figcaption",
    "dialog",
    "menu",
    "audio",
    "video",
    "picture",
    "img",
    "map",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "header",
    "main",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "hr",
    "address",
    "details",
    "summary",
    "fieldset",
    "center",
    "body",
    "html",
    "hgroup",
    "tbody",
    "thead",
    "tfoot",
];

/// Words in `class`/`id` that mark page furniture rather than the story. Matched against whole
/// words of the attribute (split at `-`, `_`, spaces and case changes), so `comments-list` is
/// furniture and `commentary` is not.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "author",
    "authors",
    "banner",
    "bio",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "disqus",
    "footer",
    "masthead",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "paywall",
    "popular",
    "popup",
    "promo",
    "recirc",
    "recirculation",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "trending",
    "widget",
    "skip",
    "pagination",
    "pager",
    "caption",
    "credit",
    "modal",
    "overlay",
    "consent",
    "timestamp",
    "meta",
];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "menu",
    "menubar",
    "dialog",
    "alert",
    "search",
];

/// How much of a page counts as furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Furniture {
    /// By tag, ARIA role, hidden state, and telling words in class and id.
    ByTagAndName,
    /// By tag, ARIA role and hidden state only: the fallback for pages whose story container
    /// has an unlucky name.
    ByTag,
}

/// Whether an element and everything in it is left out of the text.
pub(crate) fn skip(element: &Element, furniture: Furniture) -> bool {
    let name = element.name();
    if SKIPPED.contains(&name) {
        return true;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = element.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = element.attr("role") {
        if FURNITURE_ROLES.iter().any(|r| role.eq_ignore_ascii_case(r)) {
            return true;
        }
    }
    furniture == Furniture::ByTagAndName
        && !is_named_story(element)
        && ["class", "id"]
            .iter()
            .filter_map(|a| element.attr(a))
            .any(has_furniture_word)
}

/// Elements never dropped for their class or id: the document and story containers (an
/// `<article class="post has-comments">` is still the post) and schema.org's article body.
fn is_named_story(element: &Element) -> bool {
    matches!(element.name(), "html" | "body" | "main" | "article")
        || element
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|p| p == "articleBody"))
}

/// Whether an element starts and ends a paragraph.
pub(crate) fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

fn has_furniture_word(attr: &str) -> bool {
    // "has-sidebar", "no-comments", "with-share-bar" describe a layout, not furniture.
    let mut modifier = false;
    words(attr).any(|w| {
        let furniture = !modifier && FURNITURE_WORDS.contains(&w.as_str());
        modifier = matches!(w.as_str(), "has" | "no" | "with" | "without" | "show" | "hide");
        furniture
    })
}

/// The lower-cased words of a class or id attribute, split at non-alphanumerics and at camelCase
/// boundaries ("shareBar" is "share" + "bar").
pub(crate) fn words(attr: &str) -> impl Iterator<Item = String> + '_ {
    let mut chars = attr.chars().peekable();
    std::iter::from_fn(move || {
        while chars.peek().is_some_and(|c| !c.is_alphanumeric()) {
            chars.next();
        }
        let mut word = String::new();
        let mut prev_lower = false;
        while let Some(&c) = chars.peek() {
            if !c.is_alphanumeric() || (c.is_uppercase() && prev_lower) {
                break;
            }
            prev_lower = c.is_lowercase();
            word.extend(c.to_lowercase());
            chars.next();
        }
        (!word.is_empty()).then_some(word)
    })
}

/// Collects paragraphs: text is appended to the current paragraph with whitespace collapsed, and
/// a break closes it.
#[derive(Default)]
pub(crate) struct Paragraphs {
    out: String,
    current: String,
    pending_space: bool,
}

impl Paragraphs {
    pub(crate) fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            // Non-breaking spaces are how many sites glue a byline or a number; as text they are
            // just spaces.
            if c.is_whitespace() || c == '\u{a0}' {
                self.pending_space = !self.current.is_empty();
                continue;
            }
            // Zero-width characters and soft hyphens only steer rendering.
            if matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}') {
                continue;
            }
            if self.pending_space {
                self.current.push(' ');
                self.pending_space = false;
            }
            self.current.push(c);
        }
    }

    pub(crate) fn push_space(&mut self) {
        self.pending_space = !self.current.is_empty();
    }

    pub(crate) fn break_paragraph(&mut self) {
        self.pending_space = false;
        if self.current.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        self.out.push_str(&self.current);
        self.current.clear();
    }

    pub(crate) fn finish(mut self) -> String {
        self.break_paragraph();
        self.out
    }
}

/// Appends the text under `root` to `paragraphs`, leaving out `furniture`.
/// The walk is iterative because pages can nest elements thousands deep.
pub(crate) fn collect(root: NodeRef<'_, Node>, paragraphs: &mut Paragraphs, furniture: Furniture) {
    collect_except(root, paragraphs, furniture, &|_| false);
}

/// [`collect`], also leaving out the elements `drop` picks.
pub(crate) fn collect_except(
    root: NodeRef<'_, Node>,
    paragraphs: &mut Paragraphs,
    furniture: Furniture,
    drop: &dyn Fn(NodeRef<'_, Node>) -> bool,
) {
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => paragraphs.push_text(text),
                    Node::Element(element) => {
                        let name = element.name();
                        if skip(element, furniture) || drop(node) {
                            skipping = Some(node.id());
                            continue;
                        }
                        if name == "br" || BLOCKS.contains(&name) {
                            paragraphs.break_paragraph();
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
                if let Node::Element(element) = node.value() {
                    if BLOCKS.contains(&element.name()) {
                        paragraphs.break_paragraph();
                    }
                }
            }
        }
    }
}

/// Elements that never render as text.
fn is_invisible(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "head" | "title" | "svg" | "math"
    )
}

/// The paragraphs of an HTML fragment such as a feed entry's content: everything except
/// furniture, since a feed's content is already the story.
pub(crate) fn fragment_text(html: &str) -> String {
    let fragment = scraper::Html::parse_fragment(&super::nesting::flatten(html));
    let mut paragraphs = Paragraphs::default();
    collect(fragment.tree.root(), &mut paragraphs, Furniture::ByTagAndName);
    paragraphs.finish()
}

/// All visible text of an element, whitespace collapsed, on one line (for titles and bylines).
pub(crate) fn inline_text(root: NodeRef<'_, Node>) -> String {
    let mut paragraphs = Paragraphs::default();
    for node in root.descendants() {
        if let Node::Text(text) = node.value() {
            // Only elements inside `root` count: a <title> lives in the invisible <head>.
            let hidden = node
                .ancestors()
                .take_while(|a| a.id() != root.id())
                .any(|a| a.value().as_element().is_some_and(|e| is_invisible(e.name())));
            if !hidden {
                paragraphs.push_text(text);
            }
        } else if node
            .value()
            .as_element()
            .is_some_and(|e| e.name() == "br" || BLOCKS.contains(&e.name()))
        {
            paragraphs.push_space();
        }
    }
    paragraphs.current.trim().to_owned()
}

/// Collapses whitespace in a metadata value and decodes any entities left in it (JSON-LD and
/// feeds sometimes carry `&amp;` inside already-decoded text).
pub(crate) fn clean_inline(value: &str) -> String {
    let decoded = if value.contains('&') || value.contains('<') {
        inline_html(value)
    } else {
        value.to_owned()
    };
    let mut paragraphs = Paragraphs::default();
    paragraphs.push_text(&decoded);
    paragraphs.current
}

fn inline_html(value: &str) -> String {
    let fragment = scraper::Html::parse_fragment(value);
    inline_text(fragment.tree.root())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_breaks_make_paragraphs() {
        let text = fragment_text(
            "<p>One &amp; two\n   three.</p><div>Four<br>Five<br/><br/>Six</div><ul><li>a</li><li>b</li></ul>",
        );
        assert_eq!(text, "One & two three.\n\nFour\n\nFive\n\nSix\n\na\n\nb");
    }

    #[test]
    fn inline_elements_do_not_break() {
        let text = fragment_text("<p>He <em>said</em> <a href=x>it</a>&nbsp;was&#x20;fine.</p>");
        assert_eq!(text, "He said it was fine.");
    }

    #[test]
    fn furniture_is_skipped() {
        let text = fragment_text(
            "<p>Story.</p><div class=\"share-bar\">Share on X</div><div id=\"comments\">First!</div>\
             <div class=\"commentary\">Kept.</div><script>var x</script><div class=\"relatedStories\">Other</div>",
        );
        assert_eq!(text, "Story.\n\nKept.");
    }

    #[test]
    fn story_containers_are_never_furniture_by_name() {
        let text = fragment_text(
            "<article class=\"post has-comments comments-open\"><p>Story.</p>\
             <div class=\"comments\">First!</div></article><div itemprop=\"articleBody\" class=\"share\">More.</div>",
        );
        assert_eq!(text, "Story.\n\nMore.");
    }

    #[test]
    fn furniture_words_are_whole_words() {
        assert!(has_furniture_word("c-share_bar"));
        assert!(has_furniture_word("relatedLinks"));
        assert!(!has_furniture_word("commentary article-body"));
        assert!(!has_furniture_word("shared-content"));
        assert!(!has_furniture_word("post has-comments no-sidebar"));
        assert!(has_furniture_word("post-comments"));
    }

    #[test]
    fn metadata_values_are_cleaned() {
        assert_eq!(clean_inline("  Tom &amp; Jerry\n talk "), "Tom & Jerry talk");
        assert_eq!(clean_inline("Plain"), "Plain");
    }
}
