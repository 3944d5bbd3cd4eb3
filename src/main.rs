//! The `hearsay` command: the reader, `export` and `speakers`.

mod cli;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use cli::{Cli, Command, NetArgs};
use hearsay::load::{self, Input, LoadError, LoadOptions, Outcome, Warning};

fn main() -> ExitCode {
    let cli = Cli::parse_checked();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("hearsay: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Export(args)) => {
            let opts = load_options(cli.net, args.fetch_links);
            export(&args.paths, &opts, args.format.into())
        }
        Some(Command::Speakers(args)) => {
            let opts = load_options(cli.net, args.fetch_links);
            speakers(&args.paths, &opts, args.format.into())
        }
        None => read(cli.paths, cli.config, load_options(cli.net, false)),
    }
}

fn load_options(net: NetArgs, fetch_links: bool) -> LoadOptions {
    LoadOptions {
        offline: net.offline,
        no_cache: net.no_cache,
        fetch_links,
    }
}

/// Counts and prints the problems met while loading, so the exit status can tell.
#[derive(Default)]
struct Problems {
    errors: usize,
}

impl Problems {
    fn warning(&mut self, w: &Warning) {
        eprintln!("hearsay: warning: {w}");
    }

    fn error(&mut self, e: &LoadError) {
        self.errors += 1;
        eprintln!("hearsay: error: {e}");
    }

    fn exit_code(&self) -> ExitCode {
        if self.errors == 0 {
            ExitCode::SUCCESS
        } else {
            eprintln!(
                "hearsay: {} input{} failed to load; the rest were read",
                self.errors,
                if self.errors == 1 { "" } else { "s" }
            );
            ExitCode::FAILURE
        }
    }
}

/// The inputs of `export` and `speakers`. With no path: stdin when something is piped in,
/// the sample when stdin is a terminal (nobody would type an article there by accident).
fn data_inputs(paths: &[PathBuf], problems: &mut Problems) -> Vec<Input> {
    if paths.is_empty() {
        return vec![if io::stdin().is_terminal() {
            Input::Sample
        } else {
            Input::Stdin
        }];
    }
    let (inputs, errors) = load::expand(paths);
    for e in &errors {
        problems.error(e);
    }
    inputs
}

/// Whether writing failed because the reader of stdout went away (`hearsay export | head`),
/// which ends the command quietly rather than as an error.
fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

fn export(
    paths: &[PathBuf],
    opts: &LoadOptions,
    format: hearsay::export::Format,
) -> anyhow::Result<ExitCode> {
    let mut problems = Problems::default();
    let inputs = data_inputs(paths, &mut problems);
    let mut writer = hearsay::export::Writer::new(BufWriter::new(io::stdout().lock()), format);
    let result = load::process(
        &inputs,
        opts,
        |analysis| hearsay::export::render(&analysis, format),
        |outcome| {
            match outcome {
                Outcome::Done(rendered) => return writer.write_rendered(&rendered),
                Outcome::Warning(w) => problems.warning(&w),
                Outcome::Error(e) => problems.error(&e),
            }
            Ok(())
        },
    )
    .and_then(|()| writer.finish().map(drop));
    match result {
        Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        other => other.context("writing the export to stdout")?,
    }
    Ok(problems.exit_code())
}

fn speakers(
    paths: &[PathBuf],
    opts: &LoadOptions,
    layout: hearsay::speakers::Layout,
) -> anyhow::Result<ExitCode> {
    let mut problems = Problems::default();
    let inputs = data_inputs(paths, &mut problems);
    let mut table = hearsay::speakers::Table::default();
    let loaded: Result<(), std::convert::Infallible> = load::process(
        &inputs,
        opts,
        |analysis| hearsay::speakers::summarise(&analysis),
        |outcome| {
            match outcome {
                Outcome::Done(summary) => table.add(summary),
                Outcome::Warning(w) => problems.warning(&w),
                Outcome::Error(e) => problems.error(&e),
            }
            Ok(())
        },
    );
    match loaded {
        Ok(()) => {}
        Err(never) => match never {},
    }
    let mut out = BufWriter::new(io::stdout().lock());
    match table.write(&mut out, layout).and_then(|()| out.flush()) {
        Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        other => other.context("writing the speakers table to stdout")?,
    }
    Ok(problems.exit_code())
}

/// The reader, on the given paths or the bundled sample.
fn read(paths: Vec<PathBuf>, config_path: Option<PathBuf>, load: LoadOptions) -> anyhow::Result<ExitCode> {
    hearsay::reader::run(hearsay::reader::ReaderOptions {
        paths,
        load,
        config_path,
        state_path: None,
    })
}
