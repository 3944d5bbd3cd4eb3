//! Reader-view extraction speed. Goal: a 200 KB news page extracted in under 5 ms.
//!
//! The page is generated here rather than stored: a news site's furniture (navigation, share
//! bars, a long comment thread, related-story lists, scripts, JSON-LD) around a long story, grown
//! to the target size.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hearsay::web::html::article_from_html;
use std::hint::black_box;

const TARGET_BYTES: usize = 200 * 1024;

fn news_page(target: usize) -> String {
    let mut head = String::from(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ministers agree flood defence plan after long night of talks | The Example Times</title>
<meta property="og:title" content="Ministers agree flood defence plan after long night of talks">
<meta property="article:published_time" content="2024-11-02T06:00:00Z">
<link rel="canonical" href="https://times.example/politics/flood-plan">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Ministers agree flood defence plan","datePublished":"2024-11-02T06:00:00Z",
"author":{"@type":"Person","name":"Nadia Ferreira"}}</script>
<style>body{margin:0} .share{display:flex} .comments{color:#333}</style>
<script>window.config = {"ads": true, "section": "politics", "tags": ["floods", "budget"]};</script>
</head><body>
<header class="site-header"><nav class="main-nav"><ul>"#,
    );
    for section in [
        "News", "Politics", "Business", "Sport", "Culture", "Science", "Travel", "Opinion",
    ] {
        head.push_str(&format!(
            r#"<li><a href="/{}">{section}</a></li>"#,
            section.to_lowercase()
        ));
    }
    head.push_str(
        r##"</ul></nav></header><main><article class="story"><h1>Ministers agree flood defence plan after long night of talks</h1>
<p class="byline">By <a rel="author" href="/staff/nf">Nadia Ferreira</a></p>
<div class="share-bar"><a href="#">Share</a><a href="#">Post</a><a href="#">Email</a></div><div class="article-body">"##,
    );

    let paragraphs = [
        "Ministers agreed a plan worth several billion to strengthen river defences in the north and west after talks that ran through the night, the environment secretary said on Saturday.",
        "\u{201c}We have listened to the communities who were flooded twice in three years,\u{201d} Environment Secretary Miriam Okonjo told reporters. \u{201c}This money goes where the water goes.\u{201d}",
        "The plan covers embankments, storage basins and upland planting, and the treasury said the first contracts would be signed before the spring, according to officials familiar with the talks.",
        "Opposition spokesman Graham Pell said the package was welcome but late, and accused the government of cutting maintenance budgets for a decade before announcing it.",
        "Engineers have warned that older earth banks along several rivers are near the end of their design life, and that repairs alone would not keep pace with heavier rainfall.",
    ];
    let mut body = String::new();
    let mut comments = String::from(r#"<section class="comments" id="comments"><h2>Comments</h2>"#);
    let mut related = String::from(r#"<section class="related-stories"><h2>Related</h2><ul>"#);
    let mut i = 0;
    while head.len() + body.len() + comments.len() + related.len() < target {
        body.push_str(&format!("<p>{}</p>\n", paragraphs[i % paragraphs.len()]));
        if i % 7 == 3 {
            body.push_str(r#"<div class="ad-slot advert">Advertisement</div>"#);
        }
        comments.push_str(&format!(
            r#"<div class="comment"><p class="comment-author">reader{i}</p><p>I have lived by the river for {i} years and nobody has ever asked us what we need. This is a start.</p></div>"#
        ));
        related.push_str(&format!(
            r#"<li><a href="/story/{i}">Another story about rivers and rain, number {i}</a></li>"#
        ));
        i += 1;
    }
    related.push_str("</ul></section>");
    comments.push_str("</section>");
    format!(
        "{head}{body}</div></article>{comments}{related}</main><aside class=\"sidebar\"><h2>Most read</h2></aside>\
         <footer class=\"site-footer\">Copyright The Example Times</footer></body></html>"
    )
}

fn extraction(c: &mut Criterion) {
    let page = news_page(TARGET_BYTES);
    let article = article_from_html("bench.html", &page, None).expect("the generated page has an article");
    assert!(article.text.contains("Miriam Okonjo"));
    assert!(!article.text.contains("reader3 "), "comments stay out");

    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("extract_200kb_news_page", |b| {
        b.iter(|| article_from_html("bench.html", black_box(&page), None).unwrap())
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
