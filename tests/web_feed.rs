#![cfg(feature = "web")]
//! Feeds in every common format become one article per entry, with the entry's full content
//! when the feed carries it and its summary otherwise.

use hearsay::web::feed::{articles_from_feed, entries_from_feed};
use hearsay::web::{sniff, Sniffed, WebError};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/web/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn rss2_with_content_encoded() {
    let bytes = fixture("rss2_content.xml");
    assert_eq!(sniff(&bytes), Some(Sniffed::Feed));
    let entries = entries_from_feed("local.xml", &bytes).unwrap();
    assert_eq!(entries.len(), 3);

    let first = &entries[0];
    assert!(!first.summary_only);
    assert_eq!(first.article.source, "local.xml#1");
    assert_eq!(
        first.article.title.as_deref(),
        Some("Harbour council votes to close the old pier")
    );
    assert_eq!(first.article.date.as_deref(), Some("2024-03-14T18:05:00+00:00"));
    assert_eq!(first.article.author.as_deref(), Some("Ada Quill"));
    assert_eq!(
        first.article.url.as_deref(),
        Some("https://courier.example/news/2024/03/harbour-council-pier")
    );
    assert_eq!(
        first.article.text,
        "Port Aldren\u{2019}s harbour council voted seven to two on Thursday to close the Victorian pier.\n\n\
         \u{201c}We did not take this lightly,\u{201d} said Mayor Helena Marsh. \u{201c}The pier is part of who we \
         are.\u{201d}\n\n\
         Councillor Tomas Brandt said the council had spent years ignoring warnings.",
        "full content, not the description; no caption, no share links"
    );

    assert_eq!(entries[1].article.author.as_deref(), Some("Ben Osei"));
    assert!(entries[1]
        .article
        .text
        .contains("\u{201c}almost certainly saved their lives\u{201d}"));

    // An entry with only an (escaped HTML) description.
    let third = &entries[2];
    assert!(third.summary_only);
    assert!(third.wants_link());
    assert_eq!(
        third.article.title.as_deref(),
        Some("Bin collections move to fortnightly & recycling expands")
    );
    assert_eq!(
        third.article.author.as_deref(),
        Some("Courier Newsdesk"),
        "from `desk@site (Name)`"
    );
    assert_eq!(
        third.article.text,
        "General waste will be collected every two weeks from May, the council said.\n\n\
         Food waste collections will stay weekly."
    );
}

#[test]
fn rss1_rdf() {
    let bytes = fixture("rss1.rdf");
    assert_eq!(sniff(&bytes), Some(Sniffed::Feed));
    let articles = articles_from_feed("gazette.rdf", &bytes).unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0].source, "gazette.rdf#1");
    assert_eq!(
        articles[0].title.as_deref(),
        Some("Orchards climb the valley sides")
    );
    assert_eq!(articles[0].date.as_deref(), Some("2023-09-02T07:30:00+00:00"));
    assert_eq!(articles[0].author.as_deref(), Some("Marcus Lindqvist"));
    assert_eq!(
        articles[0].url.as_deref(),
        Some("https://gazette.example/2023/orchards")
    );
    assert_eq!(
        articles[0].text,
        "Growers are planting higher as winters warm. \"An apple tree needs its sleep,\" said grower Ingrid Hoff."
    );
    assert_eq!(articles[1].author, None);
    assert_eq!(articles[1].source, "gazette.rdf#2");
}

#[test]
fn rss091() {
    let articles = articles_from_feed("notes.xml", &fixture("rss091.xml")).unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(
        articles[0].title.as_deref(),
        Some("Caf\u{e9} reopens on the promenade")
    );
    assert_eq!(
        articles[0].text,
        "The pier caf\u{e9} has reopened in its temporary home, its owner said."
    );
    assert_eq!(
        articles[0].url.as_deref(),
        Some("https://harbournotes.example/cafe")
    );
}

#[test]
fn atom_with_html_content_and_a_summary_only_entry() {
    let bytes = fixture("atom.xml");
    assert_eq!(sniff(&bytes), Some(Sniffed::Feed));
    let entries = entries_from_feed("world.atom", &bytes).unwrap();
    assert_eq!(entries.len(), 2);

    let first = &entries[0].article;
    assert!(!entries[0].summary_only);
    assert_eq!(
        first.title.as_deref(),
        Some("Rail strike talks collapse after twelve hours")
    );
    assert_eq!(first.author.as_deref(), Some("Lena Vogt, Kwame Asante"));
    assert_eq!(
        first.date.as_deref(),
        Some("2025-04-12T20:40:00+00:00"),
        "published, in UTC"
    );
    assert_eq!(
        first.url.as_deref(),
        Some("https://meridianwire.example/world/rail-strike-talks-collapse-0412"),
        "the alternate link, not the replies feed"
    );
    assert_eq!(
        first.text,
        "Talks between the national rail operator and the drivers\u{2019} union broke down late on Saturday.\n\n\
         \"Nobody wins from a strike,\" Transport Minister Daniel Moreau said."
    );

    let second = &entries[1];
    assert!(second.summary_only);
    assert_eq!(
        second.article.author.as_deref(),
        Some("Meridian Wire"),
        "the feed's author stands in"
    );
    assert_eq!(
        second.article.date.as_deref(),
        Some("2025-04-13T05:45:00+00:00"),
        "updated when not published"
    );
    assert_eq!(
        second.article.text,
        "Flights were grounded at three airports as winds reached 120 km/h, operators said."
    );
}

#[test]
fn json_feed_with_html_and_text_content() {
    let bytes = fixture("feed.json");
    assert_eq!(sniff(&bytes), Some(Sniffed::Feed));
    let articles = articles_from_feed("feed.json", &bytes).unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0].title.as_deref(), Some("The last lighthouse keepers"));
    assert_eq!(articles[0].author.as_deref(), Some("Orla Kennedy"));
    assert_eq!(articles[0].date.as_deref(), Some("2022-06-18T08:00:00+00:00"));
    assert_eq!(
        articles[0].text,
        "For twenty-two years, Duncan Mair climbed the same ninety-six steps four times a night.\n\n\
         Nights on the rock\n\n\
         \u{201c}It wasn\u{2019}t lonely,\u{201d} Mair says. \u{201c}It was quiet.\u{201d}"
    );
    assert_eq!(
        articles[1].text,
        "The crossing takes forty minutes in good weather.\n\n\
         In bad weather, said skipper Ewan Tait, \"it takes as long as it takes.\""
    );
    assert_eq!(articles[1].author.as_deref(), Some("Tidewater Monthly"));
}

#[test]
fn summary_only_entries_know_whether_they_have_a_link() {
    let entries = entries_from_feed("headlines.xml", &fixture("rss2_summaries.xml")).unwrap();
    assert_eq!(entries.len(), 3);
    assert!(entries.iter().all(|e| e.summary_only));
    assert_eq!(
        entries.iter().map(|e| e.wants_link()).collect::<Vec<_>>(),
        [true, true, false]
    );
    assert_eq!(
        entries[0].article.text,
        "The harbour council voted on Thursday to close the Victorian pier."
    );
}

#[test]
fn a_feed_with_no_entries_is_an_error_naming_it() {
    let error = articles_from_feed("quiet.xml", &fixture("rss2_empty.xml")).unwrap_err();
    assert!(matches!(error, WebError::EmptyFeed { .. }), "{error:?}");
    assert_eq!(error.to_string(), "quiet.xml: the feed has no entries");
}

#[test]
fn malformed_feeds_are_errors_naming_them() {
    for (name, bytes) in [
        (
            "truncated.xml",
            &b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>x"[..],
        ),
        (
            "not-a-feed.xml",
            &b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"[..],
        ),
        (
            "bad.json",
            &br#"{"version": "https://jsonfeed.org/version/1.1", "items": [ {"#[..],
        ),
        ("empty.xml", &b""[..]),
    ] {
        let error = articles_from_feed(name, bytes).unwrap_err();
        assert!(
            matches!(error, WebError::MalformedFeed { .. } | WebError::EmptyFeed { .. }),
            "{name}: {error:?}"
        );
        assert!(error.to_string().starts_with(&format!("{name}: ")), "{error}");
    }
}

#[test]
fn absurdly_deep_xml_is_malformed() {
    let xml = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>x</title>\
         <description>d</description><extra>{}</extra></item></channel></rss>",
        "<x>".repeat(100_000)
    );
    let error = articles_from_feed("deep.xml", xml.as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "deep.xml: malformed feed: elements nested more than 1024 deep"
    );
}

#[test]
fn atom_xhtml_content() {
    let xml = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id>
        <updated>2025-01-01T00:00:00Z</updated>
        <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>XHTML</em> title</div></title>
        <id>1</id><updated>2025-01-01T00:00:00Z</updated>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First &amp; foremost, a paragraph.</p>
        <p>Second one.</p></div></content></entry></feed>"#;
    let articles = articles_from_feed("x.atom", xml.as_bytes()).unwrap();
    assert_eq!(articles[0].title.as_deref(), Some("An XHTML title"));
    assert_eq!(articles[0].text, "First & foremost, a paragraph.\n\nSecond one.");
    assert_eq!(articles[0].url, None);
}

#[test]
fn declared_xml_encodings_are_honoured() {
    let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>t</title>\
                <item><title>Caf\xe9</title><description>Cr\xe8me br\xfbl\xe9e, said Andr\xe9.</description></item>\
                </channel></rss>";
    let articles = articles_from_feed("latin1.xml", xml).unwrap();
    assert_eq!(articles[0].title.as_deref(), Some("Caf\u{e9}"));
    assert_eq!(articles[0].text, "Cr\u{e8}me br\u{fb}l\u{e9}e, said Andr\u{e9}.");
}
