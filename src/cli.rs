//! The command line: `hearsay [PATH...]` opens the reader, `hearsay export` and
//! `hearsay speakers` write data to stdout.

use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

const INPUTS_HELP: &str = "\
Inputs: files, directories (walked recursively in name order, hidden entries skipped), http(s)
URLs, or - for stdin. Formats: plain text (.txt and anything unknown), JSON (.json), JSON Lines
(.jsonl, .ndjson), Markdown (.md), HTML pages (.html, .htm) and feeds (.xml, .rss, .atom, and
JSON Feed in .json); stdin and files without an extension are recognised by their content.

Messages go to stderr, data to stdout. The exit status is 0 when every input loaded, 1 when
any failed (the others are still read), 2 for a usage error.";

#[derive(Debug, Parser)]
#[command(
    name = "hearsay",
    version,
    about = "Who said what, in your terminal: a news reader that finds people and their statements",
    after_help = INPUTS_HELP,
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles to read in the reader. Without any, the bundled sample article.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// The reader's configuration file (default: the platform's config directory).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    #[command(flatten)]
    pub net: NetArgs,
}

/// Network settings, accepted before or after a subcommand.
impl Cli {
    /// Parses the command line, exiting with a usage error (status 2) when it is wrong.
    pub fn parse_checked() -> Cli {
        let cli = Cli::parse();
        if let Err(e) = cli.check() {
            e.exit();
        }
        cli
    }

    /// Paths before a subcommand belong to no one: refuse them rather than drop them.
    fn check(&self) -> Result<(), clap::Error> {
        match (&self.command, self.paths.first(), &self.config) {
            (Some(_), Some(path), _) => Err(Cli::command().error(
                ErrorKind::ArgumentConflict,
                format!(
                    "the path '{}' comes before the subcommand; put paths after it",
                    path.display()
                ),
            )),
            (Some(_), None, Some(_)) => Err(Cli::command().error(
                ErrorKind::ArgumentConflict,
                "--config is for the reader, not for export or speakers",
            )),
            _ => Ok(()),
        }
    }
}

#[derive(Debug, Clone, Copy, Args)]
pub struct NetArgs {
    /// Never use the network: URLs are read from the cache or fail.
    #[arg(long, global = true)]
    pub offline: bool,

    /// Neither read nor write the cache of fetched pages.
    #[arg(long, global = true)]
    pub no_cache: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the analysis of articles (metadata, text, people, statements) as JSON to stdout.
    #[command(after_help = EXPORT_HELP)]
    Export(ExportArgs),
    /// List the people of all given articles, with statement and mention counts, most quoted first.
    #[command(after_help = SPEAKERS_HELP)]
    Speakers(SpeakersArgs),
}

const EXPORT_HELP: &str = "\
Each article is an object with source, title, date, author, url, text, people
[{id, name, titles, aliases, mentions [{start, end, text}]}] and statements [{id, speaker,
source_text, source, cue, content, kind}]. Offsets count Unicode code points in text, end
exclusive; speaker is a person id of the same article, or null for unnamed sources.

Without PATH, stdin is read when it is not a terminal, otherwise the bundled sample.";

const SPEAKERS_HELP: &str = "\
People of different articles are counted as one when their full names agree.

Without PATH, stdin is read when it is not a terminal, otherwise the bundled sample.";

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// `json`: one array; `jsonl`: one article per line, written as each is done.
    #[arg(long, short, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,

    /// For feed entries that carry only a summary and a link, fetch the linked page and export
    /// its text instead of the summary (a page that fails keeps the summary and is reported).
    #[arg(long)]
    pub fetch_links: bool,

    /// Files, directories, URLs, or - for stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SpeakersArgs {
    #[arg(long, short, value_enum, default_value_t = SpeakersFormat::Table)]
    pub format: SpeakersFormat,

    /// For feed entries that carry only a summary and a link, fetch the linked page and count
    /// its text instead of the summary (a page that fails keeps the summary and is reported).
    #[arg(long)]
    pub fetch_links: bool,

    /// Files, directories, URLs, or - for stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SpeakersFormat {
    /// Aligned columns.
    Table,
    /// Tab-separated values with a header line.
    Tsv,
    Json,
}

impl From<ExportFormat> for hearsay::export::Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Json => hearsay::export::Format::Json,
            ExportFormat::Jsonl => hearsay::export::Format::JsonLines,
        }
    }
}

impl From<SpeakersFormat> for hearsay::speakers::Layout {
    fn from(f: SpeakersFormat) -> Self {
        match f {
            SpeakersFormat::Table => hearsay::speakers::Layout::Table,
            SpeakersFormat::Tsv => hearsay::speakers::Layout::Tsv,
            SpeakersFormat::Json => hearsay::speakers::Layout::Json,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_flags_go_before_or_after_the_subcommand() {
        let cli = Cli::try_parse_from(["hearsay", "--offline", "export", "--no-cache", "-f", "jsonl", "a"])
            .unwrap();
        assert!(cli.net.offline && cli.net.no_cache);
        match cli.command {
            Some(Command::Export(e)) => {
                assert_eq!(e.format, ExportFormat::Jsonl);
                assert_eq!(e.paths, [PathBuf::from("a")]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn paths_without_a_subcommand_are_for_the_reader() {
        let cli = Cli::try_parse_from(["hearsay", "--config", "c.toml", "a.txt", "b"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.paths.len(), 2);
        assert_eq!(cli.config, Some(PathBuf::from("c.toml")));
        assert!(cli.check().is_ok());
    }

    #[test]
    fn paths_before_a_subcommand_are_refused_not_dropped() {
        let cli = Cli::try_parse_from(["hearsay", "a.txt", "export", "b.txt"]).unwrap();
        assert_eq!(cli.check().unwrap_err().kind(), ErrorKind::ArgumentConflict);
        let cli = Cli::try_parse_from(["hearsay", "--config", "c", "speakers"]).unwrap();
        assert!(cli.check().is_err());
    }
}
