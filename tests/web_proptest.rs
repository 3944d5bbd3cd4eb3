#![cfg(feature = "web")]
//! Whatever bytes arrive, extraction and feed parsing answer with articles or an error, never a
//! panic, and extracted text keeps its shape.

use hearsay::web::feed::articles_from_feed;
use hearsay::web::html::article_from_html;
use hearsay::web::{decode, sniff};
use proptest::prelude::*;

/// Fragments of news-page markup, to be shuffled into tag soup.
const PIECES: &[&str] = &[
    "<html>",
    "</html>",
    "<head>",
    "<body>",
    "</body>",
    "<p>",
    "</p>",
    "<div class=\"story-body\">",
    "</div>",
    "<nav>",
    "</nav>",
    "<article>",
    "</article>",
    "<br>",
    "<br/>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<a href=\"/x\">",
    "</a>",
    "&amp;",
    "&#x2014;",
    "&#99999999;",
    "&bogus;",
    "<h2>",
    "</h2>",
    "<ul><li>",
    "</li></ul>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<title>",
    "</title>",
    "<meta property=\"og:title\" content=\"T &amp; t\">",
    "<time datetime=\"2024\">",
    "</time>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":",
    "\"H\",\"author\":[{\"name\":",
    "}]}",
    "<link rel=canonical href=\"::bad url\">",
    "<div class=\"comments\">",
    "<aside>",
    "</aside>",
    "\u{a0}",
    "\u{200b}",
    "\0",
    "\r\n",
    "  ",
    "Officials said, on Tuesday, that the plan would go ahead. ",
    "\u{201c}Quote,\u{201d} she said. ",
    "<?xml version=\"1.0\"?>",
    "<rss version=\"2.0\">",
    "<channel>",
    "</channel>",
    "<item>",
    "</item>",
    "<description>",
    "</description>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "<entry>",
    "</entry>",
    "<content type=\"html\">",
    "</content>",
    "{\"version\":\"https://jsonfeed.org/version/1.1\",",
    "\"items\":[{\"id\":\"1\",\"content_html\":\"<p>x</p>\"}]}",
    "<pubDate>Mon, 99 Foo 2024</pubDate>",
    "<link>",
    "</link>",
    "javascript:alert(1)",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| pieces.concat())
}

fn assert_shape(text: &str) {
    assert!(!text.contains("\n\n\n"), "{text:?}");
    assert_eq!(text, text.trim(), "{text:?}");
    for paragraph in text.split("\n\n") {
        assert!(!paragraph.is_empty() || text.is_empty());
        assert!(!paragraph.contains('\n'), "{paragraph:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = sniff(&bytes);
        let text = decode(&bytes, None);
        if let Ok(article) = article_from_html("fuzz.html", &text, Some("https://example.com/a")) {
            assert_shape(&article.text);
        }
        if let Ok(articles) = articles_from_feed("fuzz.xml", &bytes) {
            for article in articles {
                assert_shape(&article.text);
            }
        }
    }

    #[test]
    fn tag_soup_never_panics(page in soup()) {
        let _ = sniff(page.as_bytes());
        if let Ok(article) = article_from_html("soup.html", &page, None) {
            assert_shape(&article.text);
            prop_assert!(!article.text.is_empty());
        }
        if let Ok(articles) = articles_from_feed("soup.xml", page.as_bytes()) {
            for article in articles {
                assert_shape(&article.text);
            }
        }
    }
}
