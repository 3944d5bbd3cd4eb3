//! The word lists and word tests the passes share: what opens a content, what sits
//! between a source and its verb, which verbs report nothing before a noun phrase.

/// The most tokens an attribution's closing phrase may have ("in an interview on Monday").
pub(super) const MAX_TAIL: usize = 12;

/// How many sentences back a pronoun may look for its person, quoted ones included.
pub(super) const MAX_PRONOUN_REACH: usize = 12;

/// Words between a subject and its verb that do not end the subject ("Lavrov also says").
#[rustfmt::skip]
pub(super) const BETWEEN: &[&str] = &[
    "also", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did",
    "does", "do", "not", "never", "later", "then", "previously", "repeatedly", "reportedly", "recently",
    "once", "again", "already", "further", "often", "just", "even", "still", "now", "first", "initially",
    "separately", "privately", "publicly", "had", "n't", "always", "ultimately", "finally", "simply",
    "long", "only", "merely", "too", "soon", "quickly", "promptly", "immediately",
];

/// Days, which both say when something was said and never name a source.
#[rustfmt::skip]
pub(super) const DAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tonight",
];

/// Other words of time that never name a source ("Tuesday said" is "on Tuesday said").
#[rustfmt::skip]
pub(super) const TIME_WORDS: &[&str] = &[
    "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend", "time", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];

/// Words that end a subject noun phrase when walking left from a verb.
pub(super) const NP_STOP: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "because", "if", "when", "while",
    "as", "after", "before", "since", "than", "so", "where", "what", "why", "how", "though", "although",
    "until", "unless", "whether", "is", "was", "are", "were", "be", "been", "being", "to", "in", "on", "at",
    "by", "for", "with", "from", "about", "into", "over", "under", "against", "during", "without", "between",
    "through", "also", "not", "has", "have", "had", "will", "would", "could", "can", "may", "might",
    "should", "must", "did", "does", "do", "said", "says", "told", "then", "yet",
];

/// Determiners: after them a speech verb's bare form, past adjectives, is a noun, and a verb
/// of thought has an object, not a clause, unless a finite verb follows.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "another", "one", "some",
    "each", "every", "any", "these", "those",
];

/// Words after a cue that begin a phrase before the content ("said on Monday that").
#[rustfmt::skip]
pub(super) const PRE_CONTENT: &[&str] = &[
    "in", "on", "at", "during", "through", "via", "to", "with", "from", "after", "before", "last", "this",
    "earlier", "later", "repeatedly", "flatly", "privately", "publicly", "again", "recently", "also",
    "then", "previously", "separately", "by", "over", "about", "of", "for", "under", "while", "as", "when",
    "outside", "inside", "near", "aboard", "amid", "following",
];

/// Words of the phrase between a cue and a "that" ("said in a television interview that").
#[rustfmt::skip]
pub(super) const BEFORE_THAT: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "interview", "statement", "speech", "translator",
    "rally", "conference", "news", "briefing", "tweet", "post", "letter", "meeting", "television", "radio",
    "program", "show", "phone", "email", "call", "hearing", "debate", "event", "appearance", "op-ed",
    "memo", "filing", "court", "video", "podcast", "week", "month", "year", "morning", "afternoon",
    "evening", "night", "day", "weekend", "reporters", "journalists", "aboard", "spokesman", "spokeswoman",
    "written", "emailed", "televised", "broadcast", "press", "release", "recent", "separate", "brief",
    "telephone", "exclusive",
];

/// Prepositions after a cue that, without a "that" further on, show the verb reports no
/// content ("spoke with", "talked about").
pub(super) const PREPOSITIONS: &[&str] = &[
    "with", "about", "of", "to", "for", "at", "on", "in", "from", "by", "over", "under",
];

/// Verbs of thought and evidence: attributions only before a clause ("Russia thinks there
/// is ...", "a poll shows Clinton ahead"), never before "to" ("hopes to win").
#[rustfmt::skip]
pub(super) const WEAK_VERBS: &[&str] = &[
    "think", "believe", "feel", "expect", "hope", "fear", "worry", "know", "understand", "find", "show",
    "suspect", "wonder", "guess", "reckon", "agree", "hold", "maintain", "question", "object", "point",
    "answer", "respond", "counter", "express", "describe", "mention", "comment", "signal", "cite", "rule",
    "demand", "recommend", "propose", "promise", "pledge", "vow", "threaten", "praise", "criticize",
    "criticise", "blame", "assess", "estimate", "forecast", "predict", "charge", "dismiss", "dispute",
    "protest", "call", "ask", "report", "state", "note", "add", "repeat", "joke", "speak", "tout", "reveal",
];

/// Words that open a phrase setting the scene of a quotation rather than beginning its
/// sentence ("Still, he said, ...", "In the United States, they write, ...").
#[rustfmt::skip]
pub(super) const SCENE_OPENERS: &[&str] = &[
    "but", "still", "and", "yet", "so", "however", "also", "then", "later", "meanwhile", "instead",
    "indeed", "now", "again", "in", "on", "at", "for", "with", "from", "by", "of", "to", "after",
    "before", "during", "since", "among", "under", "over", "about", "as", "despite", "including",
];

/// Weak verbs of thought, knowledge and state: what they report is a clause, never an
/// object ("holds a lead", "knew the area", "found a way").
#[rustfmt::skip]
pub(super) const STATIVE_VERBS: &[&str] = &[
    "think", "believe", "feel", "expect", "hope", "fear", "worry", "know", "understand", "find", "show",
    "suspect", "wonder", "guess", "reckon", "hold", "maintain",
];

/// Verbs of judgement whose object is what the source said ("criticized the deal").
#[rustfmt::skip]
pub(super) const OBJECT_CONTENT: &[&str] = &[
    "criticize", "criticise", "praise", "cite", "condemn", "blame", "dismiss", "deny", "dispute",
    "slam", "mock", "applaud", "defend", "reject", "assail", "endorse", "thank",
];

/// Words that open a subordinate clause before a sentence's main clause ("After Smith
/// said ..., the board met"). "As" is left out: "As Smith said, the plan failed" reports
/// the main clause.
pub(super) const SUBORDINATORS: &[&str] = &[
    "after", "when", "while", "although", "though", "because", "since", "if", "unless", "before", "once",
    "until", "whereas", "whenever",
];

/// Adverbs that may come before a subordinator: "Shortly after", "Even though", "Just before".
pub(super) const SUBORDINATOR_ADVERBS: &[&str] = &[
    "shortly", "soon", "just", "even", "only", "long", "right", "minutes", "hours", "days", "weeks",
];

/// Verbs whose infinitive is what the source said they would or would not do ("vowed to
/// form a task force", "declined to comment").
pub(super) const INFINITIVE_VERBS: &[&str] = &["decline", "refuse", "vow", "promise", "pledge", "threaten"];

/// Verbs before a person and a participle of speech that show or recall that person speaking
/// ("the video shows Ortiz telling", "recalled Obama asking").
#[rustfmt::skip]
pub(super) const SHOWN_SPEAKING: &[&str] = &[
    "shows", "showed", "shown", "show", "heard", "hear", "recalled", "recalls", "remembered",
    "remembers", "saw", "watched", "captured", "captures", "depicts", "depicted", "features", "featured",
];

/// Recordings "of" a person speaking ("footage of Ortiz saying"); "writes of Ortiz telling"
/// is the writer's account, not the recording's.
#[rustfmt::skip]
pub(super) const RECORDINGS: &[&str] = &[
    "footage", "video", "videos", "clip", "clips", "recording", "recordings", "tape", "tapes", "audio",
    "film", "livestream",
];

/// Words of a span of time before "after" or "before" ("a day after", "hours before",
/// "shortly after").
#[rustfmt::skip]
pub(super) const TIME_SPANS: &[&str] = &[
    "a", "an", "one", "two", "three", "few", "several", "just", "only", "shortly", "soon", "moments",
    "minutes", "hours", "hour", "day", "days", "week", "weeks", "month", "months", "year", "years",
];

/// Verbs that take an object before the content ("told reporters that", "informed him").
pub(super) const OBJECT_VERBS: &[&str] = &["tell", "inform", "assure", "warn", "remind", "urge", "ask"];

/// Verbs whose object is the hearer, never the speaker: they are never inverted
/// ("told The Post" names no source).
pub(super) const HEARER_VERBS: &[&str] = &["tell", "inform"];

/// Verbs whose object is whom the words are about or for: after them comes the target, never
/// the speaker (`..., accused Ortiz of hiding a deficit` has no inverted source).
#[rustfmt::skip]
const TARGET_VERBS: &[&str] = &[
    "accuse", "blame", "criticize", "criticise", "praise", "scold", "chide", "rebuke", "defend",
    "reject", "assail", "endorse", "thank", "exhort", "lambaste", "lambast", "blast", "slam",
    "mock", "ridicule", "deride", "decry", "denounce", "condemn", "liken", "hail", "laud",
    "applaud", "remind", "encourage", "dismiss", "dispute", "cite", "describe", "assure",
    "urge", "advise", "beg", "call", "label", "dub", "brand", "term", "decline", "refuse",
];

/// Whether a verb's subject can follow it (`"...," said Putin`): not when its object is its
/// hearer or its target, nor for a verb of thought ("Some, like Ann Lee, expect a cut": "a
/// cut" is what is expected). "..., finds a study" and "..., shows a poll" are inverted.
pub(super) fn invertible(base: &str) -> bool {
    !HEARER_VERBS.contains(&base)
        && !TARGET_VERBS.contains(&base)
        && (!STATIVE_VERBS.contains(&base) || matches!(base, "find" | "show"))
}

/// Determiners that begin the noun phrase of an audience ("told the crowd", "told his
/// supporters").
pub(super) const NP_START: &[&str] = &["the", "a", "an", "his", "her", "their", "its"];

/// Nouns for a person's relation to another, which describe a speaker before the name
/// (`her aide Ann Roe`) besides the titles of the lexicon.
#[rustfmt::skip]
pub(super) const RELATION_NOUNS: &[&str] = &[
    "aide", "aides", "ally", "friend", "confidant", "confidante", "colleague", "deputy",
    "assistant", "staffer", "surrogate", "rival", "opponent", "supporter", "partner", "wife",
    "husband", "son", "daughter", "father", "mother", "brother", "sister", "boss", "lawyer",
    "representative", "advocate", "critic", "biographer", "cousin", "niece", "nephew",
];

/// Finite auxiliaries, the mark of a clause.
#[rustfmt::skip]
pub(super) const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "must",
];

/// Nouns for what someone holds or says, which report a clause after "is that" ("her view
/// is that ...").
#[rustfmt::skip]
pub(super) const STANCE_NOUNS: &[&str] = &[
    "view", "argument", "position", "point", "response", "answer", "explanation", "contention",
    "claim", "message", "belief", "hope", "fear", "concern", "complaint", "case", "pitch",
    "promise", "worry", "assessment", "conclusion", "theory", "bet", "reasoning", "defense",
];

pub(super) const PRONOUNS_SUBJECT: &[&str] = &["he", "she", "they", "i", "we", "it"];

/// A subject pronoun that names a person ("it" names none).
pub(super) fn personal_subject(w: &str) -> bool {
    w != "it" && PRONOUNS_SUBJECT.contains(&w)
}

/// Whether a word after a cue begins a phrase saying where or when, not what.
pub(super) fn pre_content(w: &str) -> bool {
    PRE_CONTENT.contains(&w) || DAYS.contains(&w)
}

/// A form of "be", the auxiliary of the passive.
pub(super) fn is_be(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being")
}

/// Whether a word is a past participle: regular in "-ed", or one of the irregular ones news
/// uses of speech and thought.
pub(super) fn participle(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "told"
                | "said"
                | "known"
                | "seen"
                | "thought"
                | "held"
                | "given"
                | "taken"
                | "shown"
                | "written"
                | "heard"
                | "understood"
                | "overheard"
                | "sworn"
                | "sent"
                | "made"
                | "found"
                | "read"
                | "drawn"
                | "shot"
                | "paid"
                | "built"
                | "brought"
        )
}

pub(super) fn is_time_word(w: &str) -> bool {
    TIME_WORDS.contains(&w) || DAYS.contains(&w)
}

/// The full form of an abbreviated title word, so "the senator" finds "Sen. Sanders".
pub(super) fn full_title_word(w: &str) -> &str {
    match w {
        "sen." => "senator",
        "rep." => "representative",
        "gov." => "governor",
        "gen." => "general",
        "lt." => "lieutenant",
        "col." => "colonel",
        "capt." => "captain",
        "sgt." => "sergeant",
        "adm." => "admiral",
        "prof." => "professor",
        "rev." => "reverend",
        "dr." => "doctor",
        "pres." => "president",
        "congressman" | "congresswoman" => "representative",
        _ => w,
    }
}

/// A dash between words: hyphen-minus, double hyphen, em or en dash.
pub(super) fn is_dash(tok: &str) -> bool {
    matches!(tok, "-" | "--" | "—" | "–")
}

/// Words that open a short aside between a subject and its verb ("The mayor, for his part,
/// said", "The company, however, said").
#[rustfmt::skip]
pub(super) const ASIDE_OPENERS: &[&str] = &[
    "for", "in", "on", "at", "after", "during", "like", "unlike", "as", "however", "meanwhile",
    "too", "though", "instead", "also", "likewise", "then", "now", "again", "later", "earlier",
    "moreover", "furthermore", "nonetheless", "nevertheless", "therefore", "thus", "indeed",
];

/// Nouns for a person that no title list holds: an unnamed source a later pronoun may stand
/// for ("One juror said ... "...," she said").
#[rustfmt::skip]
pub(super) const PERSON_NOUNS: &[&str] = &[
    "juror", "resident", "witness", "voter", "neighbor", "neighbour", "nurse", "teacher", "student",
    "worker", "official", "spokesperson", "parent", "doctor", "officer", "person", "member",
    "employee", "volunteer", "protester", "organizer", "owner", "analyst", "economist", "expert",
    "diplomat", "lawmaker", "activist", "driver", "farmer", "veteran", "survivor", "victim",
    "passenger", "customer", "shopper", "fan", "player", "coach", "attendee", "participant",
    "delegate", "donor", "source", "insider", "observer", "scientist", "researcher",
];

/// Nouns for a man or a woman, which tell which pronoun can stand for them.
pub(super) const MALE_NOUNS: &[&str] = &[
    "man",
    "spokesman",
    "chairman",
    "father",
    "husband",
    "son",
    "brother",
    "congressman",
    "businessman",
    "boy",
    "grandfather",
    "uncle",
];
pub(super) const FEMALE_NOUNS: &[&str] = &[
    "woman",
    "spokeswoman",
    "chairwoman",
    "mother",
    "wife",
    "daughter",
    "sister",
    "congresswoman",
    "businesswoman",
    "girl",
    "grandmother",
    "aunt",
];

/// Words that end the description after a name: past them the phrase is about something
/// else ("a cardiologist at Westbrook University who ...").
#[rustfmt::skip]
pub(super) const DESCRIPTION_END: &[&str] = &[
    "at", "of", "for", "with", "who", "which", "that", "in", "from", "on", "to", "and", "said",
    "says",
];
