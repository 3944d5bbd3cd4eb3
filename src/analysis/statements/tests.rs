use super::*;
use crate::analysis::{people, segment};

/// The token index of the first token whose text is `word`.
fn at(text: &str, seg: &Segmentation, word: &str) -> usize {
    seg.tokens
        .iter()
        .position(|t| t.span.text(text) == word)
        .expect("the word is in the text")
}

/// Runs `body` on a finder over `text`, with the segmentation, lowercase words and people
/// it reads.
fn with_finder(text: &str, body: impl FnOnce(&Finder, &Segmentation, &[Cow<str>], &People)) {
    let seg = segment::segment(text);
    let lower = people::lowercase_tokens(text, &seg);
    let found = people::find(text, &seg, &lower);
    body(&Finder::new(text, &seg, &lower, &found), &seg, &lower, &found);
}

#[test]
fn a_source_inside_a_relative_clause_gives_way_to_the_person_the_clause_is_about() {
    // What the tagger may propose: the name nearest the verb, inside the clause.
    let text = "Sen. Bernie Sanders (Vt.), who lost the primaries to Hillary Clinton, identified \
                young voters as the key.";
    with_finder(text, |f, seg, _, found| {
        let hillary = at(text, seg, "Hillary");
        let tagged = f.source_of(hillary..hillary + 3);
        let name = |s: &Source| s.speaker.map(|p| found.people[p].name.clone());
        assert_eq!(name(&tagged).as_deref(), Some("Hillary Clinton"));
        let cue = at(text, seg, "identified");
        let head = f
            .relative_clause_head(&tagged, &(cue..cue + 1))
            .expect("the clause's head");
        assert_eq!(name(&head).as_deref(), Some("Bernie Sanders"));
        // A source after the clause has closed is left alone.
        let lost = at(text, seg, "lost");
        assert!(f.relative_clause_head(&tagged, &(lost..lost + 1)).is_none());
    });
}

#[test]
fn a_tagged_cue_that_is_a_noun_with_no_verb_is_no_cue() {
    let text = "Her push to rebuild the pier drew a crowd. His claim that it was safe held.";
    with_finder(text, |f, seg, lower, found| {
        let wanted = vec![true; seg.sentences.len()];
        let pos = Tagger::builtin()
            .tag_some(text, seg, lower, found, &wanted, None)
            .pos;
        let word = |w: &str| at(text, seg, w);
        assert_eq!(pos[word("push")], Pos::Noun, "{pos:?}");
        assert!(f.noun_cue(word("push")..word("push") + 1, &pos));
        // A noun the lexicon knows as a verb of speech, and a verb, are cues.
        assert!(!f.noun_cue(word("claim")..word("claim") + 1, &pos));
        assert!(!f.noun_cue(word("drew")..word("drew") + 1, &pos));
    });
}

#[test]
fn a_relative_pronoun_or_a_possessor_the_tagger_takes_for_a_source_stands_for_a_person() {
    let text = "Governor Hillary Ruiz, who has lambasted the plan, spoke first. Mayor Tom Lee \
                spoke next; his best answer was to say nothing.";
    with_finder(text, |f, seg, _, found| {
        let who = at(text, seg, "who");
        let source = f.source_of(who..who + 1);
        let name = source.speaker.map(|p| found.people[p].name.as_str());
        assert_eq!(name, Some("Hillary Ruiz"));
        // A possessor is a pronoun to resolve, of the gender it has.
        let his = at(text, seg, "his");
        let source = f.source_of(his..his + 1);
        assert!(source.speaker.is_none());
        assert!(matches!(
            f.pending_for(&source),
            Some(Pending::Pronoun(Gender::Male))
        ));
    });
}

#[test]
fn a_name_that_opens_a_tagged_source_before_a_comma_is_its_head() {
    // The tagger's source spans the whole noun phrase; the description after the name
    // may name someone else, last.
    let text = "Tom Ridley, a retired welder and a supporter of Senator Ada Whitlow, backed the plan. \
                Rep. Dana Pruett (D-Ohio), who is married to Senator Whitlow, opposed it.";
    with_finder(text, |f, seg, _, found| {
        let name = |r: std::ops::Range<usize>| f.source_of(r).speaker.map(|p| found.people[p].name.clone());
        // Each source runs to the comma after a mention of Whitlow.
        let whitlow: Vec<usize> = (0..seg.tokens.len())
            .filter(|&t| seg.tokens[t].span.text(text) == "Whitlow")
            .collect();
        let (tom, rep) = (at(text, seg, "Tom"), at(text, seg, "Rep."));
        assert_eq!(name(tom..whitlow[0] + 2).as_deref(), Some("Tom Ridley"));
        assert_eq!(name(rep..whitlow[1] + 2).as_deref(), Some("Dana Pruett"));
        // Without a name before a comma, the name at the end is the head.
        let supporter = at(text, seg, "supporter");
        assert_eq!(name(supporter..whitlow[0] + 1).as_deref(), Some("Ada Whitlow"));
    });
}

#[test]
fn a_tagged_source_with_a_relative_clause_is_the_person_before_the_clause() {
    // The tagger's source may take in a relative clause that names someone else last.
    let text = "Rep. Tom Ridley of Ohio, who sent a letter to Mr. Castro, criticized the sale.";
    with_finder(text, |f, seg, _, found| {
        let end = at(text, seg, "criticized") - 1;
        let source = f.source_of(0..end);
        let name = source.speaker.map(|p| found.people[p].name.as_str());
        assert_eq!(name, Some("Tom Ridley"));
    });
}

#[test]
fn holding_or_knowing_reports_only_a_clause() {
    let text = "Ann Lee held a rally. Lee held that the law was void. Tom Ruiz knew the voters. \
                Ruiz knew whether they would come. Lee praised the crowd.";
    with_finder(text, |f, seg, _, _| {
        let all = |w: &str| -> Vec<usize> {
            (0..seg.tokens.len())
                .filter(|&t| seg.tokens[t].span.text(text) == w)
                .collect()
        };
        let (held, knew) = (all("held"), all("knew"));
        assert!(f.holds_an_object(&(held[0]..held[0] + 1), held[0] + 1));
        assert!(!f.holds_an_object(&(held[1]..held[1] + 1), held[1] + 1));
        assert!(f.holds_an_object(&(knew[0]..knew[0] + 1), knew[0] + 1));
        assert!(!f.holds_an_object(&(knew[1]..knew[1] + 1), knew[1] + 1));
        // Another verb is not concerned.
        let praised = at(text, seg, "praised");
        assert!(!f.holds_an_object(&(praised..praised + 1), praised + 1));
    });
}
