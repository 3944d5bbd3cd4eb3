//! Quotations: where they open and close, and which tokens lie inside one.

use super::*;

impl<'a> Finder<'a> {
    pub(super) fn find_quotes(&mut self) {
        let para_tokens: Vec<std::ops::Range<usize>> = self
            .seg
            .paragraphs
            .iter()
            .map(|p| {
                let s = &self.seg.sentences[p.sentences.clone()];
                match (s.first(), s.last()) {
                    (Some(a), Some(b)) => a.tokens.start..b.tokens.end,
                    _ => 0..0,
                }
            })
            .collect();
        for (pi, range) in para_tokens.iter().enumerate() {
            let mut open: Option<usize> = None;
            // Curly marks nest ("“... what he calls “hell” ...”"); straight ones cannot.
            let mut depth = 0usize;
            for i in range.clone() {
                if self.kind(i) != TokenKind::Quote {
                    continue;
                }
                match self.tok(i) {
                    "“" if depth == 1 && self.closes_like_a_quote(i) => {
                        // An opening mark typed where the closing one belongs (`“Not yet,“ he
                        // said.`): it clings to the words before it, not to those after.
                        if let Some(o) = open.take() {
                            self.push_quote(o, i, true, false);
                        }
                        depth = 0;
                    }
                    "“" | "„" | "«" | "``" => {
                        if open.is_none() {
                            open = Some(i);
                            depth = 1;
                        } else {
                            depth += 1;
                        }
                    }
                    "”" | "»" if depth > 1 => depth -= 1,
                    "”" | "»" => {
                        if let Some(o) = open.take() {
                            self.push_quote(o, i, true, false);
                            depth = 0;
                        } else if self.opens_like_a_quote(i, range.start) {
                            // A closing mark typed where an opening one belongs ("”Fear. I am
                            // afraid ...”"): nothing is open and a word follows it directly.
                            open = Some(i);
                            depth = 1;
                        }
                    }
                    "\"" | "''" => match open.take() {
                        Some(o) => self.push_quote(o, i, true, false),
                        None => open = Some(i),
                    },
                    _ => {}
                }
            }
            if let Some(o) = open {
                // Unclosed: runs to the end of the paragraph. When the next paragraph opens
                // with a quotation mark, the quotation goes on there.
                let continues = para_tokens.get(pi + 1).is_some_and(|next| {
                    !next.is_empty() && matches!(self.tok(next.start), "“" | "\"" | "''" | "``")
                });
                if range.end > o + 1 {
                    self.push_quote(o, range.end, false, continues);
                }
            }
            self.single_quotes(range.clone());
        }
    }

    /// Quotations in single marks, as headlines and some British papers write them (`'We
    /// will appeal,' she said.`), outside the paragraph's quotations in double marks (inside
    /// them single marks nest a quotation in a quotation). The marks double as apostrophes, so a
    /// quotation opens only before a word with a space or the paragraph's start before it,
    /// and closes only right after a word or mark with no word right after it; a plural's
    /// apostrophe before a lowercase word ("the workers' union") closes nothing. A mark left
    /// open ("rock 'n' roll", "the '90s") makes no quotation.
    fn single_quotes(&mut self, range: std::ops::Range<usize>) {
        let toks = &self.seg.tokens;
        let mut open: Option<usize> = None;
        for i in range.clone() {
            if self.quote_of[i].is_some() {
                open = None;
                continue;
            }
            if self.kind(i) != TokenKind::Quote || !matches!(self.tok(i), "'" | "‘" | "’") {
                continue;
            }
            let gap_before = i == range.start || toks[i - 1].span.end < toks[i].span.start;
            let next = (i + 1 < range.end).then(|| toks[i + 1]);
            let word_attached = next.is_some_and(|n| {
                n.span.start == toks[i].span.end && matches!(n.kind, TokenKind::Word | TokenKind::Number)
            });
            match open {
                None if self.tok(i) != "’" && gap_before && word_attached => open = Some(i),
                Some(o) if self.tok(i) != "‘" && !gap_before && !word_attached => {
                    let plural_apostrophe = self.kind(i - 1) == TokenKind::Word
                        && self.tok(i - 1).ends_with(['s', 'S'])
                        && next.is_some_and(|n| {
                            n.kind == TokenKind::Word
                                && n.span.text(self.text).starts_with(char::is_lowercase)
                        });
                    // A paragraph that is nothing but words in single marks is a heading
                    // ("'All Bets Are Off.'"), more often than words of someone's.
                    let heading = o == range.start && self.only_punct(i + 1, range.end);
                    if !plural_apostrophe && i > o + 1 {
                        if !heading {
                            self.push_quote(o, i, true, false);
                        }
                        open = None;
                    }
                }
                _ => {}
            }
        }
    }

    /// Whether the mark at token `i` stands where a quotation opens: at the start of its
    /// paragraph, or at the start of a line or after a space with a word right after it.
    pub(super) fn opens_like_a_quote(&self, i: usize, para_start: usize) -> bool {
        let toks = &self.seg.tokens;
        let Some(next) = toks.get(i + 1) else { return false };
        // At the start of a paragraph nothing can be open: `” … he delivered ...`.
        if i == para_start {
            return true;
        }
        let attached = next.span.start == toks[i].span.end && next.kind == TokenKind::Word;
        let before = {
            let gap = &self.text[toks[i - 1].span.end..toks[i].span.start];
            gap.contains('\n') || !gap.is_empty() && matches!(toks[i - 1].kind, TokenKind::Punct)
        };
        attached && before
    }

    /// Whether the mark at token `i` stands where a quotation closes: right after a word or
    /// mark with no space between, and followed by a space, a line end or nothing.
    fn closes_like_a_quote(&self, i: usize) -> bool {
        let toks = &self.seg.tokens;
        let attached_before = i > 0 && toks[i - 1].span.end == toks[i].span.start;
        let free_after = toks
            .get(i + 1)
            .is_none_or(|next| next.span.start > toks[i].span.end);
        attached_before && free_after
    }

    pub(super) fn push_quote(&mut self, open: usize, close: usize, closed: bool, continues: bool) {
        let q = Quote {
            open,
            close,
            closed,
            continues,
        };
        let idx = self.quotes.len();
        for t in q.outer() {
            self.quote_of[t] = Some(idx);
        }
        self.quotes.push(q);
    }

    pub(super) fn in_quote(&self, i: usize) -> bool {
        self.quote_of[i].is_some()
    }

    /// The quotation and those it continues into (a quotation over several paragraphs).
    pub(super) fn quote_chain_end(&self, q: usize) -> usize {
        let mut q = q;
        while self.quotes[q].continues && q + 1 < self.quotes.len() {
            q += 1;
        }
        q
    }
}
