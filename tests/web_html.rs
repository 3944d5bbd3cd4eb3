#![cfg(feature = "web")]
//! Reader-view extraction on fixture pages shaped like real news sites: the story's paragraphs
//! come out, the page around them does not, and the metadata is the page's own.

use hearsay::web::html::article_from_html;
use hearsay::web::WebError;
use hearsay::Article;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/web/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn extract(name: &str, url: Option<&str>) -> Article {
    article_from_html(name, &fixture(name), url).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn paragraphs(article: &Article) -> Vec<&str> {
    article.text.split("\n\n").collect()
}

/// Every paragraph is non-empty, trimmed and on one line.
fn assert_clean_paragraphs(article: &Article) {
    for paragraph in paragraphs(article) {
        assert!(!paragraph.is_empty(), "empty paragraph in {:?}", article.text);
        assert_eq!(paragraph, paragraph.trim(), "untrimmed paragraph");
        assert!(
            !paragraph.contains('\n'),
            "line break inside a paragraph: {paragraph:?}"
        );
        assert!(!paragraph.contains("  "), "double space: {paragraph:?}");
    }
}

fn assert_absent(article: &Article, boilerplate: &[&str]) {
    for text in boilerplate {
        assert!(
            !article.text.contains(text),
            "boilerplate {text:?} in:\n{}",
            article.text
        );
    }
}

#[test]
fn news_article_keeps_the_story_and_drops_the_site() {
    let article = extract(
        "news_article.html",
        Some("https://courier.example/some/other/path"),
    );
    assert_eq!(article.source, "news_article.html");
    assert_eq!(
        article.title.as_deref(),
        Some("Harbour council votes to close the old pier")
    );
    assert_eq!(article.date.as_deref(), Some("2024-03-14T18:05:00+00:00"));
    assert_eq!(article.author.as_deref(), Some("Ada Quill"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://courier.example/news/2024/03/harbour-council-pier")
    );

    let paragraphs = paragraphs(&article);
    assert_eq!(paragraphs.len(), 9, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("Port Aldren\u{2019}s harbour council voted seven to two"));
    assert_eq!(
        paragraphs[1],
        "\u{201c}We did not take this lightly,\u{201d} said Mayor Helena Marsh, who chairs the council. \
         \u{201c}The pier is part of who we are, but I will not ask families to walk on something our own \
         engineers say could fail.\u{201d}"
    );
    assert!(
        paragraphs.contains(&"A long list of repairs"),
        "subheadings stay as paragraphs"
    );
    assert!(
        article.text.contains("the caf\u{e9} and bait shop"),
        "entities are decoded"
    );
    assert!(article.text.contains("\u{a3}14 million \u{2014} roughly"));
    assert!(paragraphs[8].ends_with("hold a public meeting on the pier\u{2019}s future in May."));
    assert_clean_paragraphs(&article);
    assert_absent(
        &article,
        &[
            "Skip to content",
            "Sport",
            "Breaking:",
            "Share on Chirper",
            "Copy link",
            "Photo: Courier archive",
            "The pier has stood since 1891",
            "Ferry operator warns",
            "morning briefing",
            "Sign up",
            "About time",
            "harbourwatcher",
            "Comments (3)",
            "New primary school",
            "Most read",
            "Advertisement",
            "All rights reserved",
            "cookies",
            "dataLayer",
            "font-family",
            "Local Government Reporter",
            "March 14, 2024",
            "Heritage",
        ],
    );
}

#[test]
fn blog_post_with_line_breaks_and_a_relative_canonical_link() {
    let article = extract("blog_post.html", Some("https://fieldnotes.example/?p=812"));
    assert_eq!(
        article.title.as_deref(),
        Some("Why the valley's orchards are moving uphill")
    );
    assert_eq!(article.date.as_deref(), Some("2023-09-02T07:30:00Z"));
    assert_eq!(article.author.as_deref(), Some("Marcus Lindqvist"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://fieldnotes.example/2023/09/orchards-uphill/")
    );

    let paragraphs = paragraphs(&article);
    assert_eq!(
        paragraphs[..2],
        [
            "Growers in the Sorrel Valley have started planting apple trees two hundred metres higher than \
             their parents did.",
            "The reason, they say, is simple: the lower slopes no longer get cold enough in winter for the \
             trees to rest.",
        ],
        "<br> ends a paragraph"
    );
    assert!(paragraphs[2].starts_with("\u{201c}An apple tree needs its sleep,\u{201d} said Ingrid Hoff"));
    assert!(paragraphs[3].starts_with("Hoff moved a third of her orchard"));
    assert!(paragraphs.contains(
        &"We are going to see more of this, not less. The question is whether we plan it or let it happen \
          field by field."
    ));
    assert!(article
        .text
        .contains("growers\u{2019} association meeting last week \u{2026} and nobody"));
    assert_eq!(paragraphs.len(), 8, "{paragraphs:#?}");
    assert_clean_paragraphs(&article);
    assert_absent(
        &article,
        &[
            "Home",
            "Archive",
            "Posted on",
            "Share this",
            "Twitter",
            "Tags:",
            "Great post",
            "pears",
            "Recent posts",
            "Blogroll",
            "Powered by",
        ],
    );
}

#[test]
fn wire_story_in_div_soup_with_a_json_ld_graph() {
    let article = extract("wire_story.html", None);
    assert_eq!(
        article.title.as_deref(),
        Some("Rail strike talks collapse after twelve hours")
    );
    assert_eq!(article.date.as_deref(), Some("2025-04-12T22:40:00+02:00"));
    assert_eq!(article.author.as_deref(), Some("Lena Vogt, Kwame Asante"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://meridianwire.example/world/rail-strike-talks-collapse-0412")
    );

    let paragraphs = paragraphs(&article);
    assert_eq!(paragraphs.len(), 6, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("VALDEROS, April 12 (Meridian Wire) - Talks between"));
    assert!(paragraphs[1].contains("\"not moved a single euro\""));
    assert_eq!(
        paragraphs[4],
        "\"Nobody wins from a strike,\" Moreau said. \"Commuters lose, freight customers lose, and in the end the \
         railway loses.\""
    );
    assert_clean_paragraphs(&article);
    assert_absent(
        &article,
        &[
            "Markets",
            "Home >",
            "By Lena Vogt",
            "Advertisement",
            "Recommended",
            "Doctors hate",
            "Tweet",
            "Editing by",
            "Trending",
            "cookies",
            "Terms",
        ],
    );
}

#[test]
fn magazine_feature_keeps_subheads_and_lists_but_not_comments_or_bio() {
    let article = extract("magazine_feature.html", None);
    assert_eq!(article.title.as_deref(), Some("The last lighthouse keepers"));
    assert_eq!(article.date.as_deref(), Some("2022-06-18"));
    assert_eq!(article.author.as_deref(), Some("Orla Kennedy"));
    assert_eq!(article.url, None, "no canonical link and no URL given");

    let paragraphs = paragraphs(&article);
    assert!(paragraphs[0].starts_with("For twenty-two years, Duncan Mair climbed"));
    assert!(paragraphs.contains(&"Nights on the rock"));
    assert!(
        paragraphs.contains(&"Weather recorded every three hours"),
        "list items are paragraphs"
    );
    assert!(paragraphs.last().unwrap().ends_with("people finally read them."));
    assert_eq!(
        article
            .text
            .matches("It was quiet, which is a different thing.")
            .count(),
        1,
        "the pull quote repeats the story"
    );
    assert_clean_paragraphs(&article);
    assert_absent(
        &article,
        &[
            "Subscribe",
            "12 min read",
            "ferrymen",
            "foghorn",
            "writes about the coast",
            "Leave a reply",
            "Lovely piece",
            "free articles",
        ],
    );
}

#[test]
fn titles_fall_back_from_og_to_json_ld_to_title_to_h1() {
    let page = |head: &str| {
        format!("<html><head>{head}</head><body><h1>Heading</h1><p>Body text of the article, long enough.</p></body></html>")
    };
    let title = |head: &str| article_from_html("t.html", &page(head), None).unwrap().title;
    assert_eq!(
        title(r#"<meta property="og:title" content="OG &amp; title"><title>Title tag</title>"#).as_deref(),
        Some("OG & title")
    );
    assert_eq!(
        title(r#"<title>Title tag</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline"}</script>"#)
            .as_deref(),
        Some("LD headline")
    );
    assert_eq!(
        title("<title>Plain title tag</title>").as_deref(),
        Some("Plain title tag")
    );
    assert_eq!(title("").as_deref(), Some("Heading"));
}

#[test]
fn dates_and_authors_fall_back_through_the_page() {
    let html = r#"<html><head><meta name="author" content="By Rita Moss"></head><body><article>
        <p>Body text of the article, long enough to be the article.</p>
        <time datetime="2020-01-02T03:04:05Z">2 Jan</time></article></body></html>"#;
    let article = article_from_html("d.html", html, Some("https://x.example/a")).unwrap();
    assert_eq!(article.author.as_deref(), Some("Rita Moss"));
    assert_eq!(article.date.as_deref(), Some("2020-01-02T03:04:05Z"));
    assert_eq!(article.url.as_deref(), Some("https://x.example/a"));

    let byline_only = r#"<html><body><article><p class="byline">By Theo Grant</p>
        <p>Body text of the article, long enough to be the article.</p></article></body></html>"#;
    let article = article_from_html("b.html", byline_only, None).unwrap();
    assert_eq!(article.author.as_deref(), Some("Theo Grant"));
    assert_eq!(
        article.text,
        "Body text of the article, long enough to be the article."
    );
}

#[test]
fn a_page_without_text_is_an_error_naming_it() {
    let error = article_from_html(
        "menu.html",
        "<html><body><nav><a href=/>Home</a></nav></body></html>",
        None,
    )
    .unwrap_err();
    assert!(matches!(error, WebError::NoArticleText { .. }), "{error:?}");
    assert_eq!(error.to_string(), "menu.html: no article text found in the page");

    let binary = "\0\u{1}\0\0\0\u{2}\0\0PNG\0\0\0";
    let error = article_from_html("image.html", binary, None).unwrap_err();
    assert!(
        error.to_string().starts_with("image.html: malformed HTML"),
        "{error}"
    );
}

#[test]
fn broken_markup_still_yields_the_text() {
    let html = "<html><body><div class=story><p>Unclosed paragraph one, with enough text in it<p>Paragraph two &amp c\
                <b>bold <i>crossed</b> tags</i></div><p>Stray</table></span> end.";
    let article = article_from_html("broken.html", html, None).unwrap();
    assert!(
        article
            .text
            .contains("Unclosed paragraph one, with enough text in it\n\nParagraph two & c"),
        "{}",
        article.text
    );
    assert!(article.text.contains("bold crossed tags"), "{}", article.text);
}

#[test]
fn link_blocks_inside_the_story_are_dropped() {
    let article = extract("inline_links.html", None);
    assert_eq!(
        article.title.as_deref(),
        Some("Library to stay open on Sundays after petition")
    );
    assert_eq!(article.date.as_deref(), Some("2024-10-05T10:15:00Z"));
    assert_eq!(article.author.as_deref(), Some("Nia Thompson"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://eastbury.example/news/library-sundays")
    );
    let paragraphs = paragraphs(&article);
    assert_eq!(
        paragraphs,
        [
            "Library to stay open on Sundays after petition",
            "Eastbury's central library will open on Sundays from next month after more than 4,000 residents \
             signed a petition asking the borough to reverse a cut made two years ago.",
            "Council leader Priya Shah said the borough had found the money by sharing a building manager with \
             the museum next door. \"Libraries are where people go when they have nowhere else,\" she said. \
             \"Sunday is when they need us most.\"",
            "The petition was started by Jonah Ellis, a retired teacher, who said he had watched students queue \
             outside the locked doors on Sunday afternoons with nowhere else to study. He told the Post he was \
             \"delighted and a little surprised\".",
            "Video unavailable",
            "The library will open from 11am to 4pm on Sundays, starting on November 3.",
        ],
        "no \"Read more\" line, no list of other stories, no mostly-link tip line"
    );
}

#[test]
fn legacy_table_layout_in_latin1() {
    let path = format!(
        "{}/tests/fixtures/web/legacy_latin1.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture really is Latin-1"
    );
    let html = hearsay::web::decode(&bytes, None);
    let article = article_from_html("legacy.html", &html, None).unwrap();
    assert_eq!(
        article.title.as_deref(),
        Some("Glassworks to close after 140 years")
    );
    assert_eq!(article.date.as_deref(), Some("2001-06-11"));
    let paragraphs = paragraphs(&article);
    assert!(paragraphs.contains(
        &"Managing director Andr\u{e9} Lef\u{e8}vre said the plant could no longer compete with cheaper \
          imports. \"We have tried everything,\" he said. \"The furnaces are old, energy costs have doubled, \
          and our customers have gone abroad.\""
    ));
    assert!(paragraphs.iter().any(|p| p.contains("\u{ab}shameful\u{bb}")));
    assert!(paragraphs.last().unwrap().starts_with("The town council said"));
    assert_clean_paragraphs(&article);
    assert_absent(&article, &["Front page", "Letters", "Sport", "\u{a9} 2001"]);
}

#[test]
fn absurdly_deep_nesting_still_reads() {
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>Deep inside, a paragraph long enough to count.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let article = article_from_html("deep.html", &html, None).unwrap();
    assert_eq!(article.text, "Deep inside, a paragraph long enough to count.");
}

#[test]
fn author_boxes_are_not_story() {
    let html = r#"<html><body><article>
        <div class="article-author"><img src="a.jpg"><span class="author-name">Nadia Ferreira</span>
        <span class="author-role">Political editor</span></div>
        <p>The budget passed on Tuesday, and the minister said that it would fund new schools.</p>
        <p>Critics said the plan came too late for this year's intake.</p>
        <div class="authorBox">Nadia Ferreira has covered politics since 2009.</div>
        </article></body></html>"#;
    let article = article_from_html("a.html", html, None).unwrap();
    assert_eq!(
        article.text,
        "The budget passed on Tuesday, and the minister said that it would fund new schools.\n\n\
         Critics said the plan came too late for this year's intake."
    );
    assert_eq!(
        article.author.as_deref(),
        Some("Nadia Ferreira"),
        "the name, not the role"
    );
}
