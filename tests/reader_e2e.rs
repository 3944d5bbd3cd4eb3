//! End-to-end: the built binary in a pseudo-terminal, its screen read through a terminal
//! emulator (vt100), never by matching raw output bytes.

#![cfg(all(unix, feature = "reader", feature = "web"))]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

const TIMEOUT: Duration = Duration::from_secs(20);

/// What the program asked of the terminal beyond drawing.
#[derive(Default)]
struct Events {
    titles: Vec<Vec<u8>>,
    clipboard: Vec<Vec<u8>>,
}

impl vt100::Callbacks for Events {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }

    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
}

type Parser = vt100::Parser<Events>;

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<Parser>>,
    child: Box<dyn Child + Send + Sync>,
    _home: Option<tempfile::TempDir>,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("non-zero size")
}

impl Session {
    fn start(args: &[&str], env: &[(&str, &str)], rows: u16, cols: u16) -> Session {
        let home = tempfile::tempdir().expect("temp dir");
        let mut s = Session::start_at(home.path(), args, env, rows, cols);
        s._home = Some(home);
        s
    }

    /// Starts with `home` as the home, config and state directory.
    fn start_at(
        home: &std::path::Path,
        args: &[&str],
        env: &[(&str, &str)],
        rows: u16,
        cols: u16,
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_hearsay"));
        cmd.args(args);
        // Config and remembered places from a clean home, so earlier runs change nothing.
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COLORTERM");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(home);
        let child = pair.slave.spawn_command(cmd).expect("hearsay starts");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            nz(rows),
            nz(cols),
            0,
            Events::default(),
        )));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            master: pair.master,
            writer,
            parser,
            child,
            _home: None,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends keys one at a time, waiting for each to show its effect (so that no two keys
    /// arrive in the same read, where a terminal would see them as one sequence).
    fn key_until(&mut self, key: &str, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        self.send(key);
        self.wait_for(what, pred);
    }

    fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            {
                let p = self.parser.lock().unwrap();
                if pred(p.screen()) {
                    return;
                }
                if start.elapsed() > TIMEOUT {
                    panic!("timed out waiting for {what}; screen:\n{}", p.screen().contents());
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn resize(&mut self, rows: u16, cols: u16) {
        self.parser.lock().unwrap().set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!(
                    "hearsay did not exit; screen:\n{}",
                    self.parser.lock().unwrap().screen().contents()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn screen_contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }
}

fn status_row(s: &vt100::Screen) -> String {
    let (rows, _) = s.size();
    s.contents()
        .lines()
        .nth(usize::from(rows.get()) - 1)
        .unwrap_or("")
        .to_string()
}

fn status_has(text: &str) -> impl Fn(&vt100::Screen) -> bool + '_ {
    move |s| status_row(s).contains(text)
}

/// The walk through the sample the issue describes.
fn read_the_sample(env: &[(&str, &str)]) -> Session {
    let mut s = Session::start(&[], env, 30, 100);
    s.wait_for("the sample", |s| {
        s.contents().contains("Tillerson") && s.alternate_screen()
    });
    s.key_until("1", "speaker 1 selected", status_has("Sergey Lavrov"));
    s.key_until("n", "Lavrov 1/7", status_has("Sergey Lavrov  1/7"));
    for i in 2..=7 {
        let want = format!("Sergey Lavrov  {i}/7");
        s.key_until("n", &want.clone(), move |sc| status_row(sc).contains(&want));
    }
    s.key_until("n", "wrap to 1/7", status_has("Sergey Lavrov  1/7"));
    s.key_until("N", "back to 7/7", status_has("Sergey Lavrov  7/7"));
    s.key_until("3", "Tillerson selected", status_has("Rex Tillerson"));
    s.key_until("n", "Tillerson 2/3", status_has("Rex Tillerson  2/3"));
    s.key_until("f", "the filter view", |sc| {
        sc.contents().contains("Rex Tillerson: 3 statements")
    });
    assert!(status_row(&s.parser.lock().unwrap().screen().clone()).contains("filter"));
    s.key_until("f", "the full text again", |sc| {
        !sc.contents().contains("Rex Tillerson: 3 statements")
    });
    s.key_until("?", "the help overlay", |sc| {
        sc.contents().contains("Keys · Esc closes") && sc.contents().contains("scroll down a line")
    });
    s.key_until("\u{1b}", "the help closed", |sc| {
        !sc.contents().contains("Keys · Esc closes")
    });
    s.resize(20, 60);
    s.wait_for("the reflowed screen", |sc| {
        let row = status_row(sc);
        row.contains("2/3") && row.trim_end().ends_with("? help") && row.trim_end().chars().count() <= 60
    });
    s.resize(30, 100);
    s.wait_for("the wide screen again", |sc| {
        status_row(sc).contains("Rex Tillerson  2/3")
    });
    s
}

fn quit_cleanly(mut s: Session) {
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let p = s.parser.lock().unwrap();
    assert!(!p.screen().alternate_screen(), "left the alternate screen");
    assert!(!p.screen().hide_cursor(), "the cursor is visible");
}

#[test]
fn reading_the_sample_follows_each_speaker() {
    let s = read_the_sample(&[]);
    quit_cleanly(s);
}

#[test]
fn reading_the_sample_without_colour() {
    let s = read_the_sample(&[("NO_COLOR", "1")]);
    {
        let p = s.parser.lock().unwrap();
        let screen = p.screen();
        let (rows, cols) = screen.size();
        let mut bold = 0;
        for r in 0..rows.get() {
            for c in 0..cols.get() {
                let cell = screen.cell(r, c).unwrap();
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "no colour at {r},{c}");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "no colour at {r},{c}");
                bold += usize::from(cell.bold());
            }
        }
        assert!(bold > 0, "highlights remain as bold text");
        let status = rows.get() - 1;
        assert!(
            screen.cell(status, 0).unwrap().inverse(),
            "the status bar is in reverse video"
        );
    }
    quit_cleanly(s);
}

#[test]
fn names_are_coloured_when_colour_is_allowed() {
    let s = Session::start(&[], &[], 30, 100);
    s.wait_for("the sample", |sc| sc.contents().contains("Tillerson"));
    let p = s.parser.lock().unwrap();
    let screen = p.screen();
    let coloured =
        (0..30).any(|r| (0..100).any(|c| screen.cell(r, c).unwrap().fgcolor() != vt100::Color::Default));
    assert!(coloured);
}

#[test]
fn control_sequences_in_an_article_never_reach_the_terminal() {
    let mut s = {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("evil.txt");
        std::fs::write(
            &path,
            "Evil\n\nBefore \u{1b}]0;pwned\u{7} middle \u{1b}[2J after \u{1b}[31mred.\n",
        )
        .unwrap();
        let s = Session::start(&[path.to_str().unwrap()], &[], 24, 80);
        s.wait_for("the article", |sc| sc.contents().contains("after"));
        let _keep = dir;
        s
    };
    let text = s.screen_contents();
    assert!(
        text.contains("Before ␛]0;pwned␇ middle ␛[2J after ␛[31mred."),
        "{text}"
    );
    {
        let p = s.parser.lock().unwrap();
        assert!(p.callbacks().titles.is_empty(), "the title was not changed");
    }
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn y_copies_the_statement_through_osc52() {
    let mut s = Session::start(&[], &[], 30, 100);
    s.wait_for("the sample", |sc| sc.contents().contains("Tillerson"));
    s.key_until("1", "speaker 1", status_has("Sergey Lavrov"));
    s.key_until("n", "a statement", status_has("Sergey Lavrov  1/7"));
    s.key_until("y", "the copy message", status_has("Copied"));
    let copied = s.parser.lock().unwrap().callbacks().clipboard.clone();
    assert_eq!(copied.len(), 1);
    use base64::Engine;
    let text = base64::engine::general_purpose::STANDARD
        .decode(&copied[0])
        .unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(text.starts_with("Sergey Lavrov: "), "{text}");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn reopening_returns_to_the_same_place_at_another_width() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start_at(home.path(), &[], &[], 24, 100);
    s.wait_for("the sample", |sc| sc.contents().contains("Tillerson"));
    s.key_until("2", "Putin", status_has("Vladimir Putin"));
    s.key_until("n", "Putin 1/4", status_has("Vladimir Putin  1/4"));
    s.key_until("n", "Putin 2/4", status_has("Vladimir Putin  2/4"));
    s.send("q");
    assert!(s.wait_exit().success());
    drop(s);
    assert!(home.path().join("state/hearsay/places.json").exists());
    let s = Session::start_at(home.path(), &[], &[], 30, 70);
    s.wait_for("the same statement", |sc| {
        status_row(sc).contains("Vladimir Putin  2/4") && sc.contents().contains("It can be said that")
    });
}

#[test]
fn a_bad_config_file_is_reported_and_the_defaults_apply() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("bad.toml");
    std::fs::write(&config, "mouse = false\n[keys\n").unwrap();
    let mut s = Session::start_at(home.path(), &["--config", config.to_str().unwrap()], &[], 24, 120);
    s.wait_for("the message and the sample", |sc| {
        status_row(sc).contains("bad.toml: line 2") && sc.contents().contains("Tillerson")
    });
    s.key_until("1", "keys still work", status_has("Sergey Lavrov"));
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_mouse_is_captured_unless_the_config_turns_it_off() {
    let mut s = Session::start(&[], &[], 24, 80);
    s.wait_for("mouse capture", |sc| {
        sc.mouse_protocol_mode() != vt100::MouseProtocolMode::None
    });
    s.send("q");
    assert!(s.wait_exit().success());
    assert_eq!(
        s.parser.lock().unwrap().screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );

    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/hearsay")).unwrap();
    std::fs::write(home.path().join("config/hearsay/config.toml"), "mouse = false\n").unwrap();
    let mut s = Session::start_at(home.path(), &[], &[], 24, 80);
    s.wait_for("the sample", |sc| sc.contents().contains("Tillerson"));
    assert_eq!(
        s.parser.lock().unwrap().screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn an_input_that_fails_to_load_is_shown_and_sets_the_exit_status() {
    let home = tempfile::tempdir().unwrap();
    let good = home.path().join("good.txt");
    std::fs::write(&good, "Good news\n\nAnn Lee said the bridge would open in May.\n").unwrap();
    let mut s = Session::start_at(
        home.path(),
        &["missing.txt", good.to_str().unwrap()],
        &[],
        24,
        100,
    );
    s.wait_for("the good article and the problem", |sc| {
        sc.contents().contains("Ann Lee said") && status_row(sc).contains("1 problem")
    });
    s.send("q");
    let status = s.wait_exit();
    assert!(!status.success());
}

#[test]
fn a_directory_opens_with_an_article_list_and_j_moves_through_it() {
    let home = tempfile::tempdir().unwrap();
    let news = home.path().join("news");
    std::fs::create_dir_all(&news).unwrap();
    for i in 0..300 {
        let text = format!("Story {i:03}\n\nMayor Ann Lee said bridge {i} would open in May.\n");
        std::fs::write(news.join(format!("{i:03}.txt")), text).unwrap();
    }
    let mut s = Session::start_at(home.path(), &[news.to_str().unwrap()], &[], 30, 130);
    s.wait_for("every article listed", |sc| {
        sc.contents().contains("Articles (300)")
    });
    assert!(s.screen_contents().contains("bridge 0 would open"));
    s.key_until("J", "the second article", |sc| {
        sc.contents().contains("bridge 1 would open")
    });
    s.key_until("\t", "focus on the speakers", |sc| {
        sc.contents().contains("›1 Ann Lee")
    });
    s.key_until("\t", "focus on the list", |sc| {
        sc.contents().contains("›Story 001")
    });
    s.send("j");
    s.key_until("\r", "the third article", |sc| {
        sc.contents().contains("bridge 2 would open")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn ctrl_c_quits_from_the_search_prompt() {
    let mut s = Session::start(&[], &[], 24, 80);
    s.wait_for("the sample", |sc| sc.contents().contains("Tillerson"));
    s.key_until("/", "the prompt", |sc| status_row(sc).starts_with('/'));
    s.key_until("q", "q typed into the prompt", |sc| {
        status_row(sc).starts_with("/q")
    });
    s.send("\u{3}");
    assert!(s.wait_exit().success());
    let p = s.parser.lock().unwrap();
    assert!(!p.screen().alternate_screen());
    assert!(!p.screen().hide_cursor());
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&[], &[], 24, 80);
    s.wait_for("the sample", |sc| sc.contents().contains("Tillerson"));
    let pid = s.child.process_id().expect("a pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    s.wait_exit();
    let p = s.parser.lock().unwrap();
    assert!(!p.screen().alternate_screen());
    assert!(!p.screen().hide_cursor());
}

#[test]
fn a_tiny_terminal_never_panics() {
    let mut s = Session::start(&[], &[], 24, 80);
    s.wait_for("the sample", |sc| {
        sc.contents().contains("Tillerson") && sc.alternate_screen()
    });
    s.resize(1, 1);
    // Keys that open and close every view, typed while the screen is one cell: select, next,
    // filter, help on and off, speakers pane off. One at a time, as a person types: the
    // effect of each cannot be seen on one cell, so they are paced instead of awaited.
    for key in ["1", "n", "f", "?", "?", "p"] {
        s.send(key);
        std::thread::sleep(Duration::from_millis(50));
    }
    s.resize(2, 3);
    s.resize(1, 1);
    s.resize(24, 80);
    s.wait_for("the state reached on the tiny screen, redrawn whole", |sc| {
        status_row(sc).contains("Sergey Lavrov  1/7  filter")
            && sc.contents().contains("Sergey Lavrov: 7 statements")
            && sc
                .contents()
                .contains("Earlier, Lavrov said Moscow and Washington")
            && !sc.contents().contains("Speakers")
    });
    // The filter view is still open: the first q closes it, the second quits.
    s.key_until("q", "the full text", |sc| {
        !sc.contents().contains("Sergey Lavrov: 7 statements")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

/// Serves one news page at `/story` and a 404 for anything else, on a fresh port of 127.0.0.1,
/// one connection at a time (the reader fetches one page at a time).
fn story_server() -> String {
    use std::io::BufRead;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let mut reader = std::io::BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).map_or(true, |n| n == 0) || header.trim().is_empty() {
                    break;
                }
            }
            let (status, body) = match path.as_str() {
                "/story" => ("200 OK", STORY_PAGE),
                _ => ("404 Not Found", "<html><body><p>No such page.</p></body></html>"),
            };
            let reply = format!(
                "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{body}",
                body.len()
            );
            let mut out = stream;
            let _ = out.write_all(reply.as_bytes());
        }
    });
    base
}

const STORY_PAGE: &str = r#"<!doctype html>
<html><head><title>Library plans approved | Riverside Gazette</title>
<meta property="og:title" content="Library plans approved">
</head><body>
<nav><a href="/">Home</a> <a href="/town">Town</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Library plans approved</h1>
<p>The town council approved the plans for a new library on Tuesday evening, after a
debate that lasted well past midnight and drew a crowd to the public gallery.</p>
<p>"This building will serve the town for fifty years," said Mayor Jane Doe, who has
championed the project since her election and called the vote a turning point.</p>
<p>Councillor Tom Hill said the budget had been checked twice and that work on the site
would begin in the spring, once the old depot had been cleared away.</p>
<p>The library will hold a reading room, a children's floor and a workshop, and the
council expects it to open to the public within two years of the first spade.</p>
</article>
<footer>Copyright Riverside Gazette</footer>
</body></html>"#;

#[test]
fn l_fetches_a_feed_entrys_story_from_its_link() {
    let base = story_server();
    let home = tempfile::tempdir().unwrap();
    let feed = home.path().join("feed.xml");
    std::fs::write(
        &feed,
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Riverside Gazette</title><link>{base}/</link>
<description>Local news</description>
<item><title>Library vote</title><link>{base}/story</link>
<description>The council voted on the library.</description></item>
<item><title>Depot sale</title><link>{base}/gone</link>
<description>The old depot is for sale.</description></item>
</channel></rss>"#
        ),
    )
    .unwrap();
    let mut s = Session::start_at(home.path(), &[feed.to_str().unwrap()], &[], 30, 120);
    s.wait_for("the feed's summary", |sc| {
        sc.contents().contains("The council voted on the library.") && sc.contents().contains("Depot sale")
    });
    s.key_until(
        "L",
        "the story fetched",
        status_has("fetched Library plans approved"),
    );
    s.wait_for("the story in the entry's place", |sc| {
        let text = sc.contents();
        text.contains("championed the project")
            && !text.contains("The council voted on the library.")
            && text.contains("Depot sale")
    });
    s.key_until("J", "the second entry", |sc| {
        sc.contents().contains("The old depot is for sale.")
    });
    let missing = format!("{base}/gone");
    s.key_until("L", "the 404 named", move |sc| {
        let row = status_row(sc);
        row.contains(&missing) && row.contains("404")
    });
    s.key_until("K", "the fetched story again", |sc| {
        sc.contents().contains("championed the project")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}
