//! Taking over the terminal and always giving it back: on quit, on an error return, on a panic
//! (through a hook) and on SIGTERM/SIGHUP/SIGINT (through a flag the event loop watches).

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::ThreadId;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

/// Whether the terminal is currently taken over: 0 no, 1 yes, 2 yes with mouse capture.
static ACTIVE: AtomicU8 = AtomicU8::new(0);

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Gives the terminal back when dropped, whatever the way out.
pub struct Guard {
    pub terminal: Term,
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, the alternate screen, a hidden cursor, and the mouse when asked for.
pub fn enter(mouse: bool) -> io::Result<Guard> {
    install_panic_hook();
    mark_fatal_thread();
    terminal::enable_raw_mode()?;
    ACTIVE.store(if mouse { 2 } else { 1 }, Ordering::SeqCst);
    let mut out = io::stdout();
    let result = (|| {
        execute!(out, EnterAlternateScreen, cursor::Hide)?;
        if mouse {
            execute!(out, EnableMouseCapture)?;
        }
        Terminal::new(CrosstermBackend::new(io::stdout()))
    })();
    match result {
        Ok(terminal) => Ok(Guard { terminal }),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// Leaves the alternate screen with the cursor shown and raw mode off. Safe to call more than
/// once and from a panic hook: only the first call after [`enter`] does anything.
pub fn restore() {
    let was = ACTIVE.swap(0, Ordering::SeqCst);
    if was == 0 {
        return;
    }
    let mut out = io::stdout();
    if was == 2 {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
    let _ = terminal::disable_raw_mode();
}

/// Threads whose panic ends the reader: the UI thread and the input thread. A panic anywhere
/// else (the loader and its workers) is caught there and reported as a loading problem.
static FATAL_THREADS: Mutex<Vec<ThreadId>> = Mutex::new(Vec::new());
/// The message of the last panic on a background thread, for the loader to report.
static BACKGROUND_PANIC: Mutex<Option<String>> = Mutex::new(None);
static FATAL_PANICKED: AtomicBool = AtomicBool::new(false);

/// Marks the calling thread as one whose panic must restore the terminal and end the reader.
pub fn mark_fatal_thread() {
    if let Ok(mut threads) = FATAL_THREADS.lock() {
        threads.push(std::thread::current().id());
    }
}

/// Whether a thread the reader cannot run without has panicked.
pub fn fatal_panic_happened() -> bool {
    FATAL_PANICKED.load(Ordering::SeqCst)
}

/// The message of the last panic on a background thread, once.
pub fn take_background_panic() -> Option<String> {
    BACKGROUND_PANIC.lock().ok()?.take()
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let here = std::thread::current().id();
        let fatal = ACTIVE.load(Ordering::SeqCst) == 0
            || FATAL_THREADS
                .lock()
                .map_or(true, |threads| threads.contains(&here));
        if fatal {
            FATAL_PANICKED.store(true, Ordering::SeqCst);
            // Restore first, so the panic message lands on the normal screen where it can be read.
            restore();
            previous(info);
        } else if let Ok(mut slot) = BACKGROUND_PANIC.lock() {
            // Printing now would scribble over the reader's screen; the loader reports it.
            let payload = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            let at = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            *slot = Some(format!("{payload}{at}"));
        }
    }));
}

/// A flag raised by SIGTERM, SIGHUP or SIGINT, for the event loop to end on.
pub fn termination_flag() -> io::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    let signals = [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ];
    #[cfg(not(unix))]
    let signals = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];
    for sig in signals {
        signal_hook::flag::register(sig, Arc::clone(&flag))?;
    }
    Ok(flag)
}

/// The OSC 52 sequence that asks the terminal to put text on the clipboard.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\u{1b}]52;c;{}\u{7}",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_encodes_the_text() {
        assert_eq!(osc52("Ann: hi"), "\u{1b}]52;c;QW5uOiBoaQ==\u{7}");
    }

    #[test]
    fn restore_without_enter_does_nothing() {
        restore();
        restore();
    }
}
