//! A learned sequence labeller for attributions: every token is tagged as part of a source
//! ("the senator"), a cue ("said", "according to"), a content (what was said) or none,
//! in BIO form, by an averaged structured perceptron trained on PolNeAR's train split.
//!
//! The weights are built into the binary from `assets/model/attribution.bin` and are
//! reproduced by `src/bin/hearsay-train.rs` (see `docs/accuracy.md`). Sequences are whole
//! paragraphs, because a content can run over several sentences of one.
//!
//! ```
//! use hearsay::analysis::{people, segment, tagger::{Tagger, attributions}};
//! let text = "Ann Lee said that the bridge will reopen in May.";
//! let seg = segment::segment(text);
//! let lower = people::lowercase_tokens(text, &seg);
//! let found = people::find(text, &seg, &lower);
//! let labels = Tagger::builtin().tag(text, &seg, &lower, &found);
//! let attrs = attributions(&labels, &seg);
//! assert_eq!(attrs.len(), 1);
//! ```

pub mod features;
pub mod perceptron;
pub mod pos;
pub mod train;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use self::features::{Doc, MAX_FEATURES, MAX_STACKED};
use self::perceptron::{Model, ModelError, Paired, LABELS, SLOTS};
use self::pos::{Pos, PosInput, PosModel};
use crate::analysis::people::People;
use crate::analysis::segment::Segmentation;
use crate::span::Span;

/// The shipped weights.
const BUILTIN: &[u8] = include_bytes!("../../../assets/model/attribution.bin");

/// The part of an attribution a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Source,
    Cue,
    Content,
}

/// One token's tag: outside any attribution, or the beginning or inside of a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(u8)]
pub enum Label {
    #[default]
    O = 0,
    BSource = 1,
    ISource = 2,
    BCue = 3,
    ICue = 4,
    BContent = 5,
    IContent = 6,
}

impl Label {
    pub const ALL: [Label; 7] = [
        Label::O,
        Label::BSource,
        Label::ISource,
        Label::BCue,
        Label::ICue,
        Label::BContent,
        Label::IContent,
    ];

    /// The part this label belongs to, if any.
    pub fn part(self) -> Option<Part> {
        match self {
            Label::O => None,
            Label::BSource | Label::ISource => Some(Part::Source),
            Label::BCue | Label::ICue => Some(Part::Cue),
            Label::BContent | Label::IContent => Some(Part::Content),
        }
    }

    /// For an inside label, the part it continues.
    pub fn inside_of(self) -> Option<Part> {
        match self {
            Label::ISource => Some(Part::Source),
            Label::ICue => Some(Part::Cue),
            Label::IContent => Some(Part::Content),
            _ => None,
        }
    }

    pub fn begin(part: Part) -> Label {
        match part {
            Part::Source => Label::BSource,
            Part::Cue => Label::BCue,
            Part::Content => Label::BContent,
        }
    }

    pub fn inside(part: Part) -> Label {
        match part {
            Part::Source => Label::ISource,
            Part::Cue => Label::ICue,
            Part::Content => Label::IContent,
        }
    }
}

/// What [`Tagger::tag_some`] found: a label and a part of speech per token (`Other` where
/// it did not read).
#[derive(Debug, Clone)]
pub struct Tagged {
    pub labels: Vec<Label>,
    pub pos: Vec<Pos>,
}

/// Parts of speech for the rules, tagged a sentence at a time on first demand: the rules
/// ask about a few words ("five states": a noun) in a minority of sentences, and a
/// sentence's tags depend on its own words only, so no sentence is tagged that no one asks
/// about. [`Tagger::tag_some`] reuses the sentences tagged here.
#[derive(Debug)]
pub struct PartsOfSpeech<'a> {
    model: &'a PosModel,
    text: &'a str,
    seg: &'a Segmentation,
    lower: &'a [Cow<'a, str>],
    sentences: Vec<OnceCell<Box<[Pos]>>>,
}

impl<'a> PartsOfSpeech<'a> {
    pub fn new(tagger: &'a Tagger, text: &'a str, seg: &'a Segmentation, lower: &'a [Cow<'a, str>]) -> Self {
        PartsOfSpeech {
            model: &tagger.pos,
            text,
            seg,
            lower,
            sentences: vec![OnceCell::new(); seg.sentences.len()],
        }
    }

    /// The part of speech of a token, tagging its sentence if no one has asked about it
    /// yet; `None` past the last token.
    pub fn get(&self, token: usize) -> Option<&Pos> {
        if token >= self.seg.tokens.len() {
            return None;
        }
        let s = self.seg.sentences.partition_point(|x| x.tokens.end <= token);
        let Some(sentence) = self.seg.sentences.get(s).filter(|x| x.tokens.start <= token) else {
            return Some(&Pos::Other);
        };
        let tags = self.sentences[s].get_or_init(|| {
            let inputs: Vec<PosInput> = sentence
                .tokens
                .clone()
                .map(|t| features::pos_input(self.seg.tokens[t].span.text(self.text), &self.lower[t]))
                .collect();
            let mut out = vec![Pos::Other; inputs.len()];
            self.model.tag(&inputs, &mut out);
            out.into_boxed_slice()
        });
        tags.get(token - sentence.tokens.start)
    }

    /// The tags of a sentence, if it has been tagged.
    fn tagged(&self, sentence: usize) -> Option<&[Pos]> {
        self.sentences
            .get(sentence)
            .and_then(OnceCell::get)
            .map(|t| &t[..])
    }
}

/// The tagger: a POS tagger and two stages of attribution labelling. The second stage sees
/// the first stage's labels around each token (the nearest cue, whether the sentence has a
/// source), which a first-order model cannot see on its own.
#[derive(Debug, Clone)]
pub struct Tagger {
    first: Model,
    second: Model,
    pos: PosModel,
    /// Both stages' weights side by side, when their tables have one size.
    paired: Option<Paired>,
}

impl Tagger {
    /// The model built into the binary, parsed on first use.
    pub fn builtin() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger::from_bytes(BUILTIN).expect("the built-in tagger model is valid"))
    }

    /// Weights in the encoding `hearsay-train` writes: both stages, then the POS model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let (first, a) = Model::decode(bytes)?;
        let (second, b) = Model::decode(&bytes[a..])?;
        let (pos, c) = PosModel::decode(&bytes[a + b..])?;
        if a + b + c != bytes.len() {
            return Err(ModelError::Size);
        }
        Ok(Tagger::new(first, second, pos))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.first.encode();
        out.extend_from_slice(&self.second.encode());
        self.pos.encode(&mut out);
        out
    }

    pub fn new(first: Model, second: Model, pos: PosModel) -> Tagger {
        let paired = Paired::new(&first, &second);
        Tagger {
            first,
            second,
            pos,
            paired,
        }
    }

    pub fn pos(&self) -> &PosModel {
        &self.pos
    }

    /// One label per token of `seg`, each paragraph decoded as one sequence.
    pub fn tag(&self, text: &str, seg: &Segmentation, lower: &[Cow<str>], people: &People) -> Vec<Label> {
        let mut doc = Doc::new(text, seg, lower, people, Some(&self.pos));
        self.tag_doc(&mut doc, seg)
    }

    /// Like [`Tagger::tag`], for the sentences `wanted` selects (by sentence index): in each
    /// paragraph, the stretch from its first selected sentence to its last is decoded as one
    /// sequence, with the whole paragraph as context for the features; everything else is
    /// left `O`. Tagging is most of the cost of the analysis, so callers skip what they
    /// already understand.
    pub fn tag_some(
        &self,
        text: &str,
        seg: &Segmentation,
        lower: &[Cow<str>],
        people: &People,
        wanted: &[bool],
        known: Option<&PartsOfSpeech>,
    ) -> Tagged {
        let mut stretches: Vec<Option<Range<usize>>> = vec![None; seg.paragraphs.len()];
        for (s, sentence) in seg.sentences.iter().enumerate() {
            if wanted.get(s).copied().unwrap_or(false) {
                let r = &mut stretches[sentence.paragraph];
                *r = Some(match r.take() {
                    Some(r) => r.start..sentence.tokens.end,
                    None => sentence.tokens.clone(),
                });
            }
        }
        if stretches.iter().all(Option::is_none) {
            return Tagged {
                labels: vec![Label::O; seg.tokens.len()],
                pos: vec![Pos::Other; seg.tokens.len()],
            };
        }
        // Words are hashed only where features read them: the stretches and two tokens on
        // each side.
        let mut hashed = vec![false; seg.tokens.len()];
        for r in stretches.iter().flatten() {
            let end = (r.end + 2).min(hashed.len());
            hashed[r.start.saturating_sub(2)..end]
                .iter_mut()
                .for_each(|h| *h = true);
        }
        let mut doc = Doc::new_in(
            text,
            seg,
            lower,
            people,
            |p| stretches[p].is_some(),
            |i| hashed[i],
        );
        let in_stretch = |s: usize| {
            let sentence = &seg.sentences[s];
            stretches[sentence.paragraph]
                .as_ref()
                .is_some_and(|r| r.start <= sentence.tokens.start && sentence.tokens.end <= r.end)
        };
        // A sentence's parts of speech depend on its own words only, so those the rules
        // already had tagged are copied, not tagged again.
        let known = |s: usize| known.and_then(|k| k.tagged(s));
        doc.tag_pos_in(&self.pos, seg, |s| in_stretch(s) && known(s).is_none());
        for (s, sentence) in seg.sentences.iter().enumerate() {
            if let Some(tags) = known(s).filter(|_| in_stretch(s)) {
                doc.set_pos(sentence.tokens.clone(), tags);
            }
        }
        let labels = self.tag_stretches(&mut doc, seg, &stretches);
        let pos = (0..seg.tokens.len()).map(|i| doc.pos_of(i)).collect();
        Tagged { labels, pos }
    }

    /// Tags a document whose features are already prepared (parts of speech included),
    /// one paragraph at a time: its first-stage features are computed once and reused by
    /// the second stage.
    pub fn tag_doc(&self, doc: &mut Doc, seg: &Segmentation) -> Vec<Label> {
        let mut stretches: Vec<Option<Range<usize>>> = vec![None; seg.paragraphs.len()];
        for (p, range) in paragraphs(seg) {
            stretches[p] = Some(range);
        }
        self.tag_stretches(doc, seg, &stretches)
    }

    /// Tags the stretch of tokens given for each paragraph (`None`: none), each as one
    /// sequence.
    fn tag_stretches(
        &self,
        doc: &mut Doc,
        seg: &Segmentation,
        stretches: &[Option<Range<usize>>],
    ) -> Vec<Label> {
        let mut labels = vec![Label::O; seg.tokens.len()];
        // The second stage's scores of the first-stage features, computed with the first
        // stage's (they do not depend on its labels).
        let mut second_base: Vec<[i32; SLOTS]> = Vec::new();
        let mut emit: Vec<[i32; SLOTS]> = Vec::new();
        let mut back: Vec<[u8; LABELS]> = Vec::new();
        let mut out: Vec<Label> = Vec::new();
        // The next token's features, computed one token ahead so that their weights can be
        // prefetched while the current token is scored. The two buffers trade places through
        // references: swapping the arrays themselves copied 640 bytes a token.
        let mut buffers = ([0u64; MAX_FEATURES], [0u64; MAX_FEATURES]);
        let (mut feats, mut ahead) = (&mut buffers.0, &mut buffers.1);
        let mut extra_buffers = ([0u64; MAX_STACKED], [0u64; MAX_STACKED]);
        let (mut extra, mut extra_ahead) = (&mut extra_buffers.0, &mut extra_buffers.1);
        for (p, range) in stretches
            .iter()
            .enumerate()
            .filter_map(|(p, r)| r.clone().filter(|r| !r.is_empty()).map(|r| (p, r)))
        {
            second_base.clear();
            emit.clear();
            let mut n = doc.features(range.start, feats);
            for t in range.clone() {
                let mut n_next = 0;
                if t + 1 < range.end {
                    n_next = doc.features(t + 1, ahead);
                    match &self.paired {
                        Some(paired) => paired.prefetch(&ahead[..n_next]),
                        None => self.first.prefetch(&ahead[..n_next]),
                    }
                }
                let (mut first, mut second) = ([0i32; SLOTS], [0i32; SLOTS]);
                match &self.paired {
                    Some(paired) => paired.score(&feats[..n], &mut first, &mut second),
                    None => {
                        self.first.score(&feats[..n], &mut first);
                        self.second.score(&feats[..n], &mut second);
                    }
                }
                emit.push(first);
                second_base.push(second);
                std::mem::swap(&mut feats, &mut ahead);
                n = n_next;
            }
            self.first.viterbi(&emit, &mut back, &mut out);
            labels[range.clone()].copy_from_slice(&out);
            doc.set_first_stage_in(p, &labels, seg);
            emit.clear();
            let mut n = doc.stacked_features(range.start, extra);
            for (t, base) in range.clone().zip(&second_base) {
                let mut n_next = 0;
                if t + 1 < range.end {
                    n_next = doc.stacked_features(t + 1, extra_ahead);
                    self.second.prefetch(&extra_ahead[..n_next]);
                }
                let mut scores = [0i32; SLOTS];
                self.second.score(&extra[..n], &mut scores);
                for (s, b) in scores.iter_mut().zip(base) {
                    *s += b;
                }
                emit.push(scores);
                std::mem::swap(&mut extra, &mut extra_ahead);
                n = n_next;
            }
            self.second.viterbi(&emit, &mut back, &mut out);
            labels[range].copy_from_slice(&out);
        }
        labels
    }
}

/// Labels a document with a first-stage model, each paragraph as one sequence.
pub fn decode(model: &Model, doc: &Doc, seg: &Segmentation) -> Vec<Label> {
    let mut labels = vec![Label::O; seg.tokens.len()];
    let mut emit: Vec<[i32; SLOTS]> = Vec::new();
    let mut back: Vec<[u8; LABELS]> = Vec::new();
    let mut out: Vec<Label> = Vec::new();
    let mut feats = [0u64; MAX_FEATURES];
    for range in paragraph_tokens(seg) {
        emit.clear();
        for t in range.clone() {
            let n = doc.features(t, &mut feats);
            let mut scores = [0i32; SLOTS];
            model.score(&feats[..n], &mut scores);
            emit.push(scores);
        }
        model.viterbi(&emit, &mut back, &mut out);
        labels[range].copy_from_slice(&out);
    }
    labels
}

/// The index and token range of each paragraph that has tokens.
fn paragraphs(seg: &Segmentation) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
    seg.paragraphs.iter().enumerate().filter_map(|(k, p)| {
        let first = seg.sentences.get(p.sentences.start)?;
        let last = seg.sentences.get(p.sentences.end.checked_sub(1)?)?;
        (first.tokens.start < last.tokens.end).then_some((k, first.tokens.start..last.tokens.end))
    })
}

/// The token range of each paragraph that has tokens.
pub fn paragraph_tokens(seg: &Segmentation) -> impl Iterator<Item = Range<usize>> + '_ {
    paragraphs(seg).map(|(_, r)| r)
}

/// An attribution read off the labels, as token ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedAttribution {
    pub source: Option<Range<usize>>,
    pub cue: Option<Range<usize>>,
    pub content: Range<usize>,
}

impl TaggedAttribution {
    /// The byte span of a token range: from its first token's start to its last token's end.
    pub fn span(seg: &Segmentation, tokens: &Range<usize>) -> Span {
        Span::new(
            seg.tokens[tokens.start].span.start,
            seg.tokens[tokens.end - 1].span.end,
        )
    }

    pub fn source_span(&self, seg: &Segmentation) -> Option<Span> {
        self.source.as_ref().map(|r| Self::span(seg, r))
    }

    pub fn cue_span(&self, seg: &Segmentation) -> Option<Span> {
        self.cue.as_ref().map(|r| Self::span(seg, r))
    }

    pub fn content_span(&self, seg: &Segmentation) -> Span {
        Self::span(seg, &self.content)
    }
}

/// The spans of each part, in token order, from a valid BIO sequence.
pub fn spans(labels: &[Label]) -> Vec<(Part, Range<usize>)> {
    let mut out: Vec<(Part, Range<usize>)> = Vec::new();
    for (t, &l) in labels.iter().enumerate() {
        match (l.part(), l.inside_of()) {
            (Some(part), Some(_)) => match out.last_mut() {
                Some((p, r)) if *p == part && r.end == t => r.end = t + 1,
                // An inside label after something else: a sequence not from Viterbi; treat it
                // as a beginning.
                _ => out.push((part, t..t + 1)),
            },
            (Some(part), None) => out.push((part, t..t + 1)),
            _ => {}
        }
    }
    out
}

/// How far (in tokens, plus [`SENTENCE_COST`] per sentence boundary) a cue or source may be
/// from what it attributes.
const MAX_DISTANCE: usize = 160;
const SENTENCE_COST: usize = 40;

/// Groups the tagged spans into attributions: each content with the nearest cue of its
/// paragraph (preferring its own sentence), and the source nearest that cue. A content
/// split around its cue ("...," she said, "...") gives one attribution per piece, sharing
/// cue and source. Linear in the number of tokens: the search for a cue or source stops
/// at [`MAX_DISTANCE`].
pub fn attributions(labels: &[Label], seg: &Segmentation) -> Vec<TaggedAttribution> {
    let spans = spans(labels);
    let n = labels.len();
    let mut sentence_of = vec![0usize; n];
    let mut paragraph_of = vec![0usize; n];
    for (si, s) in seg.sentences.iter().enumerate() {
        for t in s.tokens.clone() {
            if t < n {
                sentence_of[t] = si;
                paragraph_of[t] = s.paragraph;
            }
        }
    }
    // Token gap between two ranges, plus a cost per sentence boundary crossed; None across
    // paragraphs.
    let distance = |a: &Range<usize>, b: &Range<usize>| -> Option<usize> {
        if paragraph_of[a.start] != paragraph_of[b.start] {
            return None;
        }
        let gap = b.start.saturating_sub(a.end).max(a.start.saturating_sub(b.end));
        let (sa, sb) = (
            sentence_of[a.start]..=sentence_of[a.end - 1],
            sentence_of[b.start]..=sentence_of[b.end - 1],
        );
        let crossing = sb
            .start()
            .saturating_sub(*sa.end())
            .max(sa.start().saturating_sub(*sb.end()));
        Some(gap + SENTENCE_COST * crossing)
    };
    // The nearest span of a part to `to`, which is (or lies near) span `k`: walk outwards
    // until the token gap alone is too far.
    let nearest = |part: Part, to: &Range<usize>, k: usize| -> Option<Range<usize>> {
        let mut best: Option<(usize, usize)> = None;
        let mut consider = |j: usize| -> bool {
            let r = &spans[j].1;
            let gap = to.start.saturating_sub(r.end).max(r.start.saturating_sub(to.end));
            // The distance is at least the gap, which only grows from here.
            if gap > MAX_DISTANCE || best.is_some_and(|(bd, _)| gap > bd) {
                return false;
            }
            if spans[j].0 == part {
                if let Some(d) = distance(to, r).filter(|&d| d <= MAX_DISTANCE) {
                    if best.is_none_or(|(bd, bj)| (d, r.start) < (bd, spans[bj].1.start)) {
                        best = Some((d, j));
                    }
                }
            }
            true
        };
        for j in (0..k).rev() {
            if !consider(j) {
                break;
            }
        }
        for j in k + 1..spans.len() {
            if !consider(j) {
                break;
            }
        }
        best.map(|(_, j)| spans[j].1.clone())
    };
    let index_of = |r: &Range<usize>| spans.partition_point(|(_, s)| s.start < r.start);
    spans
        .iter()
        .enumerate()
        .filter(|(_, (p, _))| *p == Part::Content)
        .map(|(k, (_, content))| {
            let cue = nearest(Part::Cue, content, k);
            let source = match &cue {
                Some(c) => nearest(Part::Source, c, index_of(c)),
                None => nearest(Part::Source, content, k),
            };
            TaggedAttribution {
                source,
                cue,
                content: content.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::people;
    use crate::analysis::segment::segment;

    #[test]
    fn parts_of_speech_are_tagged_where_asked_and_agree_with_the_tagger() {
        let text = "The council met on Monday. Ann Lee says the states want a new bridge. \
                    Nobody else spoke.";
        let seg = segment(text);
        let lower = people::lowercase_tokens(text, &seg);
        let found = people::find(text, &seg, &lower);
        let tagger = Tagger::builtin();
        let pos = PartsOfSpeech::new(tagger, text, &seg, &lower);
        let states = lower
            .iter()
            .position(|w| w == "states")
            .expect("the word is there");
        assert_eq!(pos.get(states), Some(&Pos::Noun));
        assert!(pos.tagged(1).is_some());
        assert!(
            pos.tagged(0).is_none() && pos.tagged(2).is_none(),
            "only the sentence asked about"
        );
        assert_eq!(pos.get(seg.tokens.len()), None);
        // The tagger's own parts of speech, tagged from its features, are the same, and it
        // takes the ones already tagged as they are.
        let all = vec![true; seg.sentences.len()];
        let own = tagger.tag_some(text, &seg, &lower, &found, &all, None);
        let reused = tagger.tag_some(text, &seg, &lower, &found, &all, Some(&pos));
        for t in seg.sentences[1].tokens.clone() {
            assert_eq!(Some(&own.pos[t]), pos.get(t), "token {t}");
        }
        assert_eq!(own.pos, reused.pos);
        assert_eq!(own.labels, reused.labels);
    }

    fn run(tagger: &Tagger, text: &str) -> (Segmentation, Vec<Label>) {
        let seg = segment(text);
        let lower = people::lowercase_tokens(text, &seg);
        let found = people::find(text, &seg, &lower);
        let labels = tagger.tag(text, &seg, &lower, &found);
        (seg, labels)
    }

    fn words(text: &str, seg: &Segmentation, r: &Range<usize>) -> String {
        let toks = &seg.tokens[r.clone()];
        text[toks[0].span.start..toks[toks.len() - 1].span.end].to_string()
    }

    #[test]
    fn the_builtin_model_finds_cue_and_content_of_a_plain_report() {
        let text = "Maria Costa said that the new bridge would open in the spring.";
        let (seg, labels) = run(Tagger::builtin(), text);
        assert_eq!(labels.len(), seg.tokens.len());
        let said = 2;
        assert_eq!(labels[said], Label::BCue, "{labels:?}");
        let attrs = attributions(&labels, &seg);
        assert_eq!(attrs.len(), 1, "{attrs:?}");
        let a = &attrs[0];
        assert_eq!(words(text, &seg, &a.cue.clone().expect("a cue")), "said");
        assert_eq!(
            words(text, &seg, &a.source.clone().expect("a source")),
            "Maria Costa"
        );
        let content = words(text, &seg, &a.content);
        assert!(
            content.contains("the new bridge would open in the spring"),
            "{content}"
        );
    }

    #[test]
    fn the_builtin_model_finds_a_quotation_and_its_speaker() {
        let text = "\u{201c}We will not raise taxes this year,\u{201d} the mayor said on Friday.";
        let (seg, labels) = run(Tagger::builtin(), text);
        let attrs = attributions(&labels, &seg);
        assert_eq!(attrs.len(), 1, "{attrs:?}");
        let content = words(text, &seg, &attrs[0].content);
        assert!(content.contains("We will not raise taxes this year"), "{content}");
        assert_eq!(words(text, &seg, &attrs[0].cue.clone().expect("a cue")), "said");
        assert!(words(text, &seg, &attrs[0].source.clone().expect("a source")).contains("mayor"));
    }

    #[test]
    fn empty_and_blank_texts_have_no_labels() {
        for text in ["", "   \n\n  \n"] {
            let (seg, labels) = run(Tagger::builtin(), text);
            assert!(labels.is_empty());
            assert!(attributions(&labels, &seg).is_empty());
        }
    }

    #[test]
    fn every_label_sequence_from_the_model_is_valid_bio() {
        let text = "\u{201c}No,\u{201d} she said. \u{201c}Not now, and not \u{2018}later\u{2019} either.\n\n\
                    \u{201c}Maybe next year,\u{201d} according to aides, who said the plan \
                    \u{2014} which the governor, Ruth Vance, backs \u{2014} was dead.";
        let (_, labels) = run(Tagger::builtin(), text);
        for (t, &l) in labels.iter().enumerate() {
            let prev = if t == 0 { None } else { Some(labels[t - 1]) };
            // Every paragraph starts a sequence, which never starts inside a span, so the
            // labels of the whole text are valid BIO too.
            assert!(perceptron::allowed(prev, l), "{labels:?}");
        }
    }

    #[test]
    fn tagging_is_deterministic() {
        let text = "The council said on Monday that the vote would wait.\n\n\u{201c}It is too soon,\u{201d} \
                    said Omar Haddad, who chairs it. He added that no date was set.";
        let (_, a) = run(Tagger::builtin(), text);
        let (_, b) = run(Tagger::builtin(), text);
        let (_, c) = run(&Tagger::from_bytes(BUILTIN).expect("valid"), text);
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(Tagger::builtin().to_bytes(), BUILTIN);
    }

    #[test]
    fn labels_become_spans_and_attributions() {
        use Label::*;
        let text = "Ann said the rain stopped. Bob said nothing new.";
        let seg = segment(text);
        // Ann said the rain stopped . Bob said nothing new .
        let labels = [
            BSource, BCue, BContent, IContent, IContent, O, BSource, BCue, BContent, IContent, O,
        ];
        assert_eq!(seg.tokens.len(), labels.len());
        let attrs = attributions(&labels, &seg);
        assert_eq!(
            attrs,
            [
                TaggedAttribution {
                    source: Some(0..1),
                    cue: Some(1..2),
                    content: 2..5
                },
                TaggedAttribution {
                    source: Some(6..7),
                    cue: Some(7..8),
                    content: 8..10
                },
            ]
        );
    }

    #[test]
    fn a_split_quotation_gives_one_attribution_per_piece() {
        use Label::*;
        let text = "\"Yes,\" she said, \"now.\"";
        let seg = segment(text);
        // " Yes , " she said , " now . "
        let labels = [
            BContent, IContent, IContent, IContent, BSource, BCue, O, BContent, IContent, IContent, IContent,
        ];
        assert_eq!(seg.tokens.len(), labels.len());
        let attrs = attributions(&labels, &seg);
        assert_eq!(attrs.len(), 2);
        assert!(attrs
            .iter()
            .all(|a| a.cue == Some(5..6) && a.source == Some(4..5)));
    }
}
