//! The speakers table: the people of many articles, one row per person across articles (where
//! their full names agree), with how often they are quoted and mentioned, most quoted first.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::analysis::Analysis;

/// How many titles the text table shows per person; the other formats give them all.
const TABLE_TITLES: usize = 3;

/// What one article contributes to the table. Small, so it can be computed in parallel and
/// the analysis dropped straight away.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleSpeakers {
    pub people: Vec<PersonCount>,
    /// Statements whose source is not a named person.
    pub unnamed_statements: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCount {
    pub name: String,
    pub titles: Vec<String>,
    pub statements: usize,
    pub mentions: usize,
}

pub fn summarise(analysis: &Analysis) -> ArticleSpeakers {
    let mut statements = vec![0usize; analysis.people.len()];
    let mut unnamed = 0;
    for s in &analysis.statements {
        match s.speaker.and_then(|p| statements.get_mut(p)) {
            Some(n) => *n += 1,
            None => unnamed += 1,
        }
    }
    ArticleSpeakers {
        people: analysis
            .people
            .iter()
            .zip(statements)
            .map(|(p, statements)| PersonCount {
                name: p.name.clone(),
                titles: p.titles.clone(),
                statements,
                mentions: p.mentions.len(),
            })
            .collect(),
        unnamed_statements: unnamed,
    }
}

/// One person over all articles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The name as first seen.
    pub name: String,
    /// Every title given to them, in order of first appearance.
    pub titles: Vec<String>,
    pub statements: usize,
    pub mentions: usize,
    /// In how many articles they appear.
    pub articles: usize,
}

/// Output layouts of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Aligned columns for people.
    Table,
    /// Tab-separated values with a header line, for spreadsheets and `cut`.
    Tsv,
    /// One JSON object.
    Json,
}

#[derive(Debug, Default, Serialize)]
pub struct Table {
    pub articles: usize,
    pub unnamed_statements: usize,
    pub people: Vec<Speaker>,
    #[serde(skip)]
    by_key: HashMap<String, usize>,
}

impl Table {
    pub fn add(&mut self, article: ArticleSpeakers) {
        self.articles += 1;
        self.unnamed_statements += article.unnamed_statements;
        for p in article.people {
            let key = name_key(&p.name);
            let i = *self.by_key.entry(key).or_insert_with(|| {
                self.people.push(Speaker {
                    name: p.name.clone(),
                    titles: Vec::new(),
                    statements: 0,
                    mentions: 0,
                    articles: 0,
                });
                self.people.len() - 1
            });
            let s = &mut self.people[i];
            s.statements += p.statements;
            s.mentions += p.mentions;
            s.articles += 1;
            merge_titles(&mut s.titles, p.titles);
        }
    }

    /// An article that names someone only by surname ("Mr. Obama") gives a person whose full
    /// name is that surname: count them with the one person of the other articles whose full
    /// name ends in it, when there is exactly one.
    fn fold_surnames(&mut self) {
        let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in self.people.iter().enumerate() {
            if let Some((_, last)) = name_key(&p.name).rsplit_once(' ') {
                by_last.entry(last.to_string()).or_default().push(i);
            }
        }
        let folds: Vec<(usize, usize)> = self
            .people
            .iter()
            .enumerate()
            .filter_map(
                |(i, p)| match by_last.get(&name_key(&p.name)).map(Vec::as_slice) {
                    Some(&[into]) => Some((i, into)),
                    _ => None,
                },
            )
            .collect();
        for &(from, into) in &folds {
            let from = std::mem::take(&mut self.people[from]);
            let to = &mut self.people[into];
            to.statements += from.statements;
            to.mentions += from.mentions;
            to.articles += from.articles;
            merge_titles(&mut to.titles, from.titles);
        }
        let mut index = 0;
        self.people.retain(|_| {
            index += 1;
            !folds.iter().any(|&(from, _)| from == index - 1)
        });
    }

    /// Most quoted first, then most mentioned, then by name.
    pub fn sort(&mut self) {
        self.fold_surnames();
        self.people.sort_by(|a, b| {
            b.statements
                .cmp(&a.statements)
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.name.cmp(&b.name))
        });
        self.by_key = self
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (name_key(&p.name), i))
            .collect();
    }

    /// Writes the table (sorted first) in the given layout.
    pub fn write(&mut self, out: &mut impl Write, layout: Layout) -> io::Result<()> {
        self.sort();
        match layout {
            Layout::Table => self.write_table(out),
            Layout::Tsv => self.write_tsv(out),
            Layout::Json => {
                serde_json::to_writer_pretty(&mut *out, self)?;
                writeln!(out)
            }
        }
    }

    fn write_table(&self, out: &mut impl Write) -> io::Result<()> {
        let header = ["STATEMENTS", "MENTIONS", "ARTICLES", "NAME", "TITLES"];
        let name_width = self
            .people
            .iter()
            .map(|p| p.name.width())
            .chain([header[3].len()])
            .max()
            .unwrap_or(0);
        let row = |out: &mut dyn Write, cells: [&str; 5]| -> io::Result<()> {
            let pad = name_width - cells[3].width();
            let line = format!(
                "{:>10}  {:>8}  {:>8}  {}{}  {}",
                cells[0],
                cells[1],
                cells[2],
                cells[3],
                " ".repeat(pad),
                cells[4]
            );
            writeln!(out, "{}", line.trim_end())
        };
        row(out, header)?;
        for p in &self.people {
            let mut titles = p
                .titles
                .iter()
                .take(TABLE_TITLES)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ");
            if p.titles.len() > TABLE_TITLES {
                titles.push_str("; …");
            }
            row(
                out,
                [
                    &p.statements.to_string(),
                    &p.mentions.to_string(),
                    &p.articles.to_string(),
                    &p.name,
                    &titles,
                ],
            )?;
        }
        let statements: usize =
            self.people.iter().map(|p| p.statements).sum::<usize>() + self.unnamed_statements;
        writeln!(
            out,
            "\n{} {}, {} {}, {} {} ({} from unnamed sources)",
            self.articles,
            plural(self.articles, "article", "articles"),
            self.people.len(),
            plural(self.people.len(), "person", "people"),
            statements,
            plural(statements, "statement", "statements"),
            self.unnamed_statements
        )
    }

    fn write_tsv(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "statements\tmentions\tarticles\tname\ttitles")?;
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        for p in &self.people {
            let titles: Vec<String> = p.titles.iter().map(|t| clean(t)).collect();
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                p.statements,
                p.mentions,
                p.articles,
                clean(&p.name),
                titles.join("; ")
            )?;
        }
        Ok(())
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Full names agree when they are the same words, ignoring case, spacing and the kind of
/// apostrophe.
/// Adds titles not there yet, comparing without case ("Former President", "former President").
fn merge_titles(titles: &mut Vec<String>, more: Vec<String>) {
    for t in more {
        if !titles.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
            titles.push(t);
        }
    }
}

fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, titles: &[&str], statements: usize, mentions: usize) -> PersonCount {
        PersonCount {
            name: name.into(),
            titles: titles.iter().map(|t| t.to_string()).collect(),
            statements,
            mentions,
        }
    }

    fn table() -> Table {
        let mut t = Table::default();
        t.add(ArticleSpeakers {
            people: vec![person("Ana Ruiz", &["Mayor"], 1, 3), person("Bo Li", &[], 2, 2)],
            unnamed_statements: 1,
        });
        t.add(ArticleSpeakers {
            people: vec![
                person("ana  RUIZ", &["Mayor", "Candidate"], 4, 1),
                person("Zoë Ødegård", &[], 0, 5),
            ],
            unnamed_statements: 0,
        });
        t
    }

    #[test]
    fn people_merge_across_articles_when_full_names_agree_and_most_quoted_come_first() {
        let mut t = table();
        t.sort();
        let rows: Vec<_> = t
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.statements, p.mentions, p.articles))
            .collect();
        assert_eq!(
            rows,
            [
                ("Ana Ruiz", 5, 4, 2),
                ("Bo Li", 2, 2, 1),
                ("Zoë Ødegård", 0, 5, 1)
            ]
        );
        assert_eq!(t.people[0].titles, ["Mayor", "Candidate"]);
        assert_eq!(t.unnamed_statements, 1);
    }

    #[test]
    fn a_surname_alone_joins_the_one_person_of_that_surname() {
        let mut t = table();
        t.add(ArticleSpeakers {
            people: vec![person("Ruiz", &["mayor"], 2, 2), person("Li", &[], 1, 1)],
            unnamed_statements: 0,
        });
        t.add(ArticleSpeakers {
            people: vec![person("Wen Li", &[], 1, 1)],
            unnamed_statements: 0,
        });
        t.sort();
        let rows: Vec<_> = t
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.statements, p.articles))
            .collect();
        // "Li" stays apart: two people of the other articles are called Li.
        assert_eq!(
            rows,
            [
                ("Ana Ruiz", 7, 3),
                ("Bo Li", 2, 1),
                ("Li", 1, 1),
                ("Wen Li", 1, 1),
                ("Zoë Ødegård", 0, 1)
            ]
        );
        assert_eq!(t.people[0].titles, ["Mayor", "Candidate"]);
    }

    #[test]
    fn the_text_table_aligns_wide_names() {
        let mut out = Vec::new();
        table().write(&mut out, Layout::Table).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "STATEMENTS  MENTIONS  ARTICLES  NAME         TITLES");
        assert_eq!(
            lines[1],
            "         5         4         2  Ana Ruiz     Mayor; Candidate"
        );
        assert_eq!(lines[3], "         0         5         1  Zoë Ødegård");
        assert_eq!(
            lines[5],
            "2 articles, 3 people, 8 statements (1 from unnamed sources)"
        );
    }

    #[test]
    fn tsv_and_json_layouts() {
        let mut out = Vec::new();
        table().write(&mut out, Layout::Tsv).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.lines().nth(1), Some("5\t4\t2\tAna Ruiz\tMayor; Candidate"));
        let mut out = Vec::new();
        table().write(&mut out, Layout::Json).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["articles"], 2);
        assert_eq!(v["people"][1]["name"], "Bo Li");
        assert_eq!(v["people"][0]["statements"], 5);
    }
}
