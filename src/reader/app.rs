//! The edge: the event loop that feeds key presses, mouse events, resizes and loaded articles
//! to [`update`], draws, and carries out the effects (clipboard, browser, saved positions,
//! fetching linked pages).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::action::{Action, FetchedStory, MouseInput, PromptEdit};
use super::config::{self, Config};
use super::keymap::KeyChord;
use super::memory::{self, Memory};
use super::state::State;
use super::terminal;
use super::theme::{self, ColorMode, Theme};
use super::update::{update, Effect};
use super::view;
use crate::analysis::Analysis;
use crate::article::Article;
use crate::load::{self, Input, LoadOptions, Outcome};

/// What to read and how.
#[derive(Debug, Clone, Default)]
pub struct ReaderOptions {
    /// Files, directories, URLs or `-`; none means the bundled sample article.
    pub paths: Vec<PathBuf>,
    pub load: LoadOptions,
    /// The config file (`--config`); default: `config.toml` in the platform config directory.
    pub config_path: Option<PathBuf>,
    /// The file of remembered reading positions; default: the platform state directory.
    pub state_path: Option<PathBuf>,
}

/// Messages are drained in batches of at most this many before a frame is drawn, so a flood of
/// loaded articles never starves the keyboard.
const BATCH: usize = 512;

/// Runs the reader until the user quits. The exit status is a failure when an input failed to
/// load (the reader still shows the rest).
pub fn run(opts: ReaderOptions) -> anyhow::Result<ExitCode> {
    let config = config::load(opts.config_path.as_deref());
    let (mut memory, memory_warning) = Memory::load(opts.state_path.clone().or_else(memory::default_path));
    let mut state = initial_state(&config, &memory, std::env::var("NO_COLOR").ok().as_deref());
    let mut notices: Vec<String> = config.problems.clone();
    notices.extend(memory_warning);

    let (tx, rx) = mpsc::channel::<Msg>();
    let errors = Arc::new(AtomicUsize::new(0));
    let (paths, load) = (opts.paths.clone(), opts.load.clone());
    spawn_loader(
        move |sink: &mut dyn FnMut(Action) -> bool| load_articles(&paths, &load, sink),
        tx.clone(),
        Arc::clone(&errors),
    );
    let stop = terminal::termination_flag().context("cannot watch for termination signals")?;

    let mut guard = terminal::enter(state.mouse).context("cannot set up the terminal")?;
    let size = guard.terminal.size().context("cannot read the terminal size")?;
    update(&mut state, Action::Resize(size.width, size.height));
    if let Some(first) = notices.first() {
        let more = if notices.len() > 1 {
            format!(" (+{} more)", notices.len() - 1)
        } else {
            String::new()
        };
        update(&mut state, Action::Notice(format!("{first}{more}")));
    }
    let fetcher = Fetcher {
        tx: tx.clone(),
        load: opts.load.clone(),
    };
    spawn_input(tx);

    let result = event_loop(&mut guard, &mut state, &rx, &stop, &mut memory, &fetcher);
    drop(guard);
    for n in notices.iter().chain(&state.loading.problems) {
        eprintln!("hearsay: {n}");
    }
    result?;
    if let Err(e) = memory.save() {
        eprintln!("hearsay: warning: {e}");
    }
    Ok(if errors.load(Ordering::SeqCst) > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The state the reader starts in, from the config, the remembered places and NO_COLOR.
pub fn initial_state(config: &Config, memory: &Memory, no_color: Option<&str>) -> State {
    let mode = config.color_mode.unwrap_or_else(|| {
        ColorMode::detect(
            std::env::var("COLORTERM").ok().as_deref(),
            std::env::var("TERM").ok().as_deref(),
        )
    });
    let theme = Theme {
        no_color: theme::no_color_requested(no_color),
        mode,
        people: config.people.clone(),
    };
    let mut state = State::new(theme, config.keymap.clone());
    state.mouse = config.mouse;
    state.places = memory.places.clone();
    state
}

fn event_loop(
    guard: &mut terminal::Guard,
    state: &mut State,
    rx: &Receiver<Msg>,
    stop: &std::sync::atomic::AtomicBool,
    memory: &mut Memory,
    fetcher: &Fetcher,
) -> anyhow::Result<()> {
    loop {
        guard
            .terminal
            .draw(|f| view::draw(f, state))
            .context("cannot draw")?;
        let first = match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(a) => Some(a),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        let batch = first
            .into_iter()
            .chain(std::iter::from_fn(|| rx.try_recv().ok()).take(BATCH));
        let mut resized = false;
        for msg in batch {
            let action = match msg {
                Msg::Key(key) => match key_action(state, &key) {
                    Some(a) => a,
                    None => continue,
                },
                Msg::Action(a) => a,
            };
            resized |= matches!(action, Action::Resize(..));
            for effect in update(state, action) {
                perform(effect, guard, state, memory, fetcher);
            }
            if state.quit {
                return Ok(());
            }
        }
        if terminal::fatal_panic_happened() {
            anyhow::bail!("the input thread stopped");
        }
        if resized {
            // A terminal may lose or move what it showed when its size changes, even when it
            // ends up where it was: redraw every cell rather than only the changed ones.
            // (`resize` clears without asking the terminal where its cursor is, which `clear`
            // does and which would race with the input thread for the answer.)
            let size = guard.terminal.size().context("cannot read the terminal size")?;
            guard
                .terminal
                .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
                .context("cannot clear the screen")?;
        }
        if stop.load(Ordering::SeqCst) {
            for effect in update(state, Action::ForceQuit) {
                perform(effect, guard, state, memory, fetcher);
            }
            return Ok(());
        }
    }
}

/// What the UI thread receives: key presses still to be mapped (the mapping depends on the
/// state), and everything else as actions.
enum Msg {
    Key(KeyEvent),
    Action(Action),
}

/// What fetching a linked page needs from the edge: the way back to the UI thread, and the
/// network options the reader was started with (`--offline`, `--no-cache`).
struct Fetcher {
    tx: Sender<Msg>,
    load: LoadOptions,
}

fn perform(
    effect: Effect,
    guard: &mut terminal::Guard,
    state: &mut State,
    memory: &mut Memory,
    fetcher: &Fetcher,
) {
    match effect {
        Effect::Copy(text) => {
            let out = guard.terminal.backend_mut();
            let result = out
                .write_all(terminal::osc52(&text).as_bytes())
                .and_then(|()| out.flush());
            if let Err(e) = result {
                update(state, Action::Notice(format!("Copy failed: {e}")));
            }
        }
        Effect::OpenUrl(url) => {
            if let Err(e) = open::that_detached(&url) {
                update(state, Action::Notice(format!("Cannot open {url}: {e}")));
            }
        }
        Effect::Remember { key, place } => {
            memory.set(key, place);
            if let Err(e) = memory.save() {
                update(state, Action::Notice(e.to_string()));
            }
        }
        Effect::FetchStory { index, article, url } => {
            let (tx, opts) = (fetcher.tx.clone(), fetcher.load.clone());
            spawn_fetch(index, article, url, opts, move |action| {
                // The reader may have quit meanwhile; then nobody wants the page.
                let _ = tx.send(Msg::Action(action));
            });
        }
        Effect::Quit => {}
    }
}

/// Fetches and analyses an article's linked page on its own thread and hands the outcome to
/// `report` as [`Action::Fetched`]; a panic in either becomes the outcome's error.
pub fn spawn_fetch<R>(
    index: usize,
    article: Article,
    url: String,
    opts: LoadOptions,
    report: R,
) -> std::thread::JoinHandle<()>
where
    R: FnOnce(Action) + Send + 'static,
{
    std::thread::spawn(move || {
        let source = article.source.clone();
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| fetch_story(&article, &opts)));
        let result = run.unwrap_or_else(|_| {
            let why = terminal::take_background_panic().unwrap_or_else(|| "a panic".to_string());
            Err(format!("{url}: fetching stopped: {why}"))
        });
        report(Action::Fetched(Box::new(FetchedStory {
            index,
            source,
            url,
            result,
        })));
    })
}

/// The article's linked page, analysed. Blocks.
#[cfg(feature = "web")]
pub fn fetch_story(article: &Article, opts: &LoadOptions) -> Result<Box<Analysis>, String> {
    crate::web::fetch::fetch_linked_article(article, opts)
        .map(|page| Box::new(Analysis::new(page)))
        .map_err(|e| e.to_string())
}

/// Without the `web` feature there is no network client to fetch with.
#[cfg(not(feature = "web"))]
pub fn fetch_story(article: &Article, _opts: &LoadOptions) -> Result<Box<Analysis>, String> {
    Err(format!(
        "{}: cannot fetch, hearsay was built without the `web` feature",
        article.url.as_deref().unwrap_or(&article.source)
    ))
}

/// Runs `load` on its own thread, passing on what it reports, counting errors, and turning a
/// panic in it into a load problem.
fn spawn_loader<L>(load: L, tx: Sender<Msg>, errors: Arc<AtomicUsize>) -> std::thread::JoinHandle<()>
where
    L: FnOnce(&mut dyn FnMut(Action) -> bool) + Send + 'static,
{
    std::thread::spawn(move || {
        let mut send = |action: Action| {
            if let Action::LoadProblem(p) = &action {
                if p.starts_with("error") {
                    errors.fetch_add(1, Ordering::SeqCst);
                }
            }
            tx.send(Msg::Action(action)).is_ok()
        };
        // A bug in loading or analysis must not take the reader down with the articles already
        // shown: it becomes a problem in the status bar.
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load(&mut send)));
        if run.is_err() {
            let why = terminal::take_background_panic().unwrap_or_else(|| "a panic".to_string());
            send(Action::LoadProblem(format!("error: loading stopped: {why}")));
            send(Action::LoadDone);
        }
    })
}

/// Loads and analyses `paths` (none: the bundled sample) in order, handing each article, each
/// problem and finally [`Action::LoadDone`] to `sink` as soon as it is ready. Stops early when
/// `sink` returns false (the reader has quit). Blocks: the reader runs it on its own thread.
pub fn load_articles(paths: &[PathBuf], opts: &LoadOptions, mut sink: impl FnMut(Action) -> bool) {
    let inputs = if paths.is_empty() {
        vec![Input::Sample]
    } else {
        let (inputs, failed) = load::expand(paths);
        for e in failed {
            if !sink(Action::LoadProblem(format!("error: {e}"))) {
                return;
            }
        }
        inputs
    };
    let finished = load::process(
        &inputs,
        opts,
        |a| a,
        |outcome| {
            let action = match outcome {
                Outcome::Done(a) => Action::Loaded(Box::new(a)),
                Outcome::Warning(w) => Action::LoadProblem(format!("warning: {w}")),
                Outcome::Error(e) => Action::LoadProblem(format!("error: {e}")),
            };
            if sink(action) {
                Ok(())
            } else {
                Err(())
            }
        },
    );
    if finished.is_ok() {
        sink(Action::LoadDone);
    }
}

/// Reads terminal events on their own thread; the keymap is applied on the UI thread, where the
/// state says whether the search prompt has the keys.
fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        terminal::mark_fatal_thread();
        read_input(tx)
    });
}

fn read_input(tx: Sender<Msg>) {
    loop {
        let Ok(ev) = event::read() else {
            // Without input the reader cannot be used, nor left: quit.
            let _ = tx.send(Msg::Action(Action::ForceQuit));
            return;
        };
        let msg = match ev {
            Event::Key(k) => Msg::Key(k),
            Event::Mouse(m) => match mouse_input(m) {
                Some(a) => Msg::Action(Action::Mouse(a)),
                None => continue,
            },
            Event::Resize(w, h) => Msg::Action(Action::Resize(w, h)),
            _ => continue,
        };
        if tx.send(msg).is_err() {
            return;
        }
    }
}

fn mouse_input(m: event::MouseEvent) -> Option<MouseInput> {
    let (column, row) = (m.column, m.row);
    match m.kind {
        MouseEventKind::ScrollDown => Some(MouseInput::WheelDown { column, row }),
        MouseEventKind::ScrollUp => Some(MouseInput::WheelUp { column, row }),
        MouseEventKind::Down(event::MouseButton::Left) => Some(MouseInput::Click { column, row }),
        _ => None,
    }
}

/// The action a key press stands for, given the state: keys typed into the search prompt edit
/// it and never run commands; releases and repeats of releases never count.
pub fn key_action(state: &State, key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    // Ctrl-c quits from anywhere, whatever the keymap says, so the reader can always be left.
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::ForceQuit);
    }
    if state.search.prompt.is_some() {
        return Some(Action::Prompt(match key.code {
            KeyCode::Enter => PromptEdit::Submit,
            KeyCode::Esc => PromptEdit::Cancel,
            KeyCode::Backspace => PromptEdit::Backspace,
            KeyCode::Char(c) if !ctrl => PromptEdit::Insert(c),
            _ => return None,
        }));
    }
    state.keymap.action_for(KeyChord::from_event(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(rx: &Receiver<Msg>) -> Vec<Action> {
        rx.iter()
            .map(|m| match m {
                Msg::Action(a) => a,
                Msg::Key(k) => panic!("unexpected key {k:?}"),
            })
            .collect()
    }

    /// Runs `load` on the loader thread to its end: what it sent, and the errors counted.
    fn run_loader<L>(load: L) -> (Vec<Action>, usize)
    where
        L: FnOnce(&mut dyn FnMut(Action) -> bool) + Send + 'static,
    {
        let (tx, rx) = mpsc::channel();
        let errors = Arc::new(AtomicUsize::new(0));
        spawn_loader(load, tx, Arc::clone(&errors)).join().unwrap();
        (drain(&rx), errors.load(Ordering::SeqCst))
    }

    #[test]
    fn the_loader_reports_the_sample_then_done() {
        let (got, errors) = run_loader(|sink: &mut dyn FnMut(Action) -> bool| {
            load_articles(&[], &LoadOptions::default(), sink)
        });
        assert!(
            matches!(&got[..], [Action::Loaded(a), Action::LoadDone] if a.article.source == "sample.txt")
        );
        assert_eq!(errors, 0);
    }

    #[test]
    fn a_missing_file_is_an_error_and_the_rest_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.txt");
        std::fs::write(&good, "Ann Lee said it would rain.").unwrap();
        let paths = vec![dir.path().join("missing.txt"), good];
        let (got, errors) = run_loader(move |sink: &mut dyn FnMut(Action) -> bool| {
            load_articles(&paths, &LoadOptions::default(), sink)
        });
        assert!(
            matches!(&got[0], Action::LoadProblem(p) if p.starts_with("error: ") && p.contains("missing.txt"))
        );
        assert!(matches!(&got[1], Action::Loaded(_)));
        assert!(matches!(got.last(), Some(Action::LoadDone)));
        assert_eq!(errors, 1);
    }

    #[test]
    fn a_panic_while_loading_becomes_a_problem() {
        let (got, errors) = run_loader(|sink: &mut dyn FnMut(Action) -> bool| {
            sink(Action::Notice("first".into()));
            panic!("analysis bug");
        });
        assert!(matches!(&got[0], Action::Notice(n) if n == "first"));
        assert!(matches!(&got[1], Action::LoadProblem(p) if p.starts_with("error: loading stopped")));
        assert!(matches!(&got[2], Action::LoadDone));
        assert_eq!(errors, 1);
    }
}
