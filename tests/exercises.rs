// The tutorial's four exercises (scripts/exercises) and urllib's behaviour (tests/urllib).
//
// Exercises 1-3 go through the golden runner like the listings. Exercise 4 and the
// urllib scripts fetch pages from a loopback HTTP server that each test starts on
// 127.0.0.1 (port 0) and stops itself. When `python3` is on the PATH, the same scripts
// also run under CPython against the same server, and must print the same expectation.

use spindle::golden::{self, Case};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const EXERCISES: &str = "scripts/exercises";

#[test]
fn exercises_1_to_3_print_their_expectations() {
    let dir = root().join(EXERCISES);
    let cases: Vec<Case> = golden::discover(&[dir]).unwrap();
    let names: Vec<String> = cases
        .iter()
        .map(|c| c.script.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "01_primes_pool.py",
            "02_word_count.py",
            "03_producer_consumer.py"
        ],
        "the crawler's expectation is 04_crawler.served.out, checked by its own test"
    );
    let bin = Path::new(env!("CARGO_BIN_EXE_spindle"));
    let reports = golden::parallel::run_all(bin, &cases, cases.len(), |_| {});
    let mut failures = String::new();
    for r in &reports {
        if let Err(f) = &r.verdict {
            failures.push_str(&format!("{} failed:\n{}\n", r.case.name(), f));
            if let Ok(out) = &r.outcome {
                failures.push_str(&format!("stderr:\n{}\n", out.stderr));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures);
}

// ---------------------------------------------------------------------------------
// The loopback server.

/// One fixed answer.
struct Page {
    status: &'static str,
    content_type: &'static str,
    extra: &'static str,
    body: Vec<u8>,
}

fn page(path: &str, method: &str, body: &[u8]) -> Page {
    let ok = |content_type, body: &str| Page {
        status: "200 OK",
        content_type,
        extra: "",
        body: body.as_bytes().to_vec(),
    };
    match path {
        "/" => ok("text/html", "<html>\n<h1>home</h1>\n</html>\n"),
        "/a.html" => ok("text/html; charset=utf-8", "<p>page a</p>\n"),
        "/data.txt" => Page {
            extra: "X-Test: yes\r\n",
            ..ok("text/plain; charset=UTF-8", "hello, spindle\n")
        },
        "/zh.txt" => ok("text/plain; charset=utf-8", "多进程爬虫\n"),
        "/redirect" => Page {
            status: "302 Found",
            content_type: "text/plain",
            extra: "Location: /a.html\r\n",
            body: b"moved\n".to_vec(),
        },
        "/echo" => {
            let mut b = format!("{} ", method).into_bytes();
            b.extend_from_slice(body);
            Page {
                body: b,
                ..ok("text/plain", "")
            }
        }
        "/hang" => {
            std::thread::sleep(Duration::from_millis(2500));
            ok("text/plain", "later\n")
        }
        "/slow" => {
            std::thread::sleep(Duration::from_millis(1500));
            ok("text/plain", "late\n")
        }
        _ => Page {
            status: "404 Not Found",
            content_type: "text/plain",
            extra: "",
            body: b"no such page\n".to_vec(),
        },
    }
}

/// The body a path serves (for checking saved files).
fn body_of(path: &str) -> Vec<u8> {
    page(path, "GET", b"").body
}

/// A tiny HTTP/1.1 server on 127.0.0.1: one thread per connection, one request per
/// connection. Stops when dropped, and on its own after a minute at most.
struct Server {
    port: u16,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let end = Instant::now() + Duration::from_secs(60);
            let mut handlers = Vec::new();
            while !flag.load(Ordering::SeqCst) && Instant::now() < end {
                match listener.accept() {
                    Ok((stream, _)) => handlers.push(std::thread::spawn(move || serve(stream))),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5))
                    }
                    Err(_) => break,
                }
            }
            for h in handlers {
                let _ = h.join();
            }
        });
        Server {
            port,
            stop,
            thread: Some(thread),
        }
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(mut stream: TcpStream) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    // The head, then as much body as Content-Length says.
    let head_end = loop {
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
        if data.len() > 1 << 16 {
            return;
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let length: usize = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(0)
        .min(1 << 16);
    while data.len() < head_end + length {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    }
    let body = &data[head_end..data.len().min(head_end + length)];
    let mut words = head.split_whitespace();
    let method = words.next().unwrap_or("GET").to_string();
    let path = words.next().unwrap_or("/").to_string();
    let p = page(&path, &method, body);
    let mut out = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{}Connection: close\r\n\r\n",
        p.status,
        p.content_type,
        p.body.len(),
        p.extra
    )
    .into_bytes();
    out.extend_from_slice(&p.body);
    let _ = stream.write_all(&out);
}

/// A loopback URL nobody listens on: a port just freed, on 127.0.0.2 (also loopback)
/// so that it sorts after the server's URLs whatever the two ports are.
fn dead_url() -> (String, u16) {
    let l = TcpListener::bind("127.0.0.2:0").unwrap();
    let port = l.local_addr().unwrap().port();
    drop(l);
    (format!("http://127.0.0.2:{}/", port), port)
}

// ---------------------------------------------------------------------------------
// Running scripts with arguments.

struct Run {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

/// Runs `program script args...` in the script's folder with a time limit; proxies off.
fn run(program: &str, script: &Path, args: &[String], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(program);
    cmd.arg(script.file_name().unwrap())
        .args(args)
        .current_dir(script.parent().unwrap())
        .env("PYTHONUNBUFFERED", "1")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for var in [
        "http_proxy",
        "HTTP_PROXY",
        "all_proxy",
        "ALL_PROXY",
        "no_proxy",
        "NO_PROXY",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("the program starts");
    let start = Instant::now();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let text = |v: Vec<u8>| String::from_utf8_lossy(&v).into_owned();
    Run {
        stdout: text(reader.join().unwrap()),
        stderr: text(err_reader.join().unwrap()),
        code: status.code(),
    }
}

fn python3() -> Option<&'static str> {
    let ok = Command::new("python3")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok.then_some("python3")
}

fn spindle() -> &'static str {
    env!("CARGO_BIN_EXE_spindle")
}

/// Checks one run against the expectation, after putting names in place of the ports.
fn check(who: &str, run: &Run, expected: &str, ports: &[(u16, &str)]) {
    let mut got = run.stdout.clone();
    for (port, name) in ports {
        got = got.replace(&format!(":{}/", port), &format!(":{}/", name));
    }
    assert!(
        got == expected && run.code == Some(0),
        "{}: exit {:?}\n--- expected\n{}--- got\n{}--- stderr\n{}",
        who,
        run.code,
        expected,
        got,
        run.stderr
    );
}

/// Runs a script that takes the server's URLs under spindle (and CPython when present).
fn check_script(script: &Path, expected: &Path, extra_env: &[(&str, &str)], out_dir: bool) {
    let server = Server::start();
    let (dead, dead_port) = dead_url();
    let expected = std::fs::read_to_string(expected).unwrap();
    let mut programs = vec![("spindle", spindle())];
    if let Some(p) = python3() {
        programs.push(("python3", p));
    }
    for (who, program) in programs {
        let guard = TempDir(tempdir(who));
        let dir = &guard.0;
        let dir_s = dir.to_string_lossy().into_owned();
        let mut env: Vec<(&str, &str)> = extra_env.to_vec();
        if out_dir {
            env.push(("CRAWLER_OUT", &dir_s));
        }
        let args = if out_dir {
            ["/a.html", "/", "/missing", "/zh.txt", "/data.txt"]
                .iter()
                .map(|p| format!("{}{}", server.base(), p))
                .chain([dead.clone()])
                .collect::<Vec<_>>()
        } else {
            vec![server.base(), dead.clone()]
        };
        let r = run(program, script, &args, &env);
        check(
            &format!("{} under {}", script.display(), who),
            &r,
            &expected,
            &[(server.port, "PORT"), (dead_port, "DEAD")],
        );
        if out_dir {
            for (path, file) in [
                ("/a.html", "127.0.0.1_a.html"),
                ("/", "127.0.0.1_index.html"),
                ("/zh.txt", "127.0.0.1_zh.txt"),
                ("/data.txt", "127.0.0.1_data.txt"),
            ] {
                let saved = std::fs::read(dir.join(file)).unwrap_or_default();
                assert_eq!(saved, body_of(path), "{} under {}", file, who);
            }
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            assert_eq!(names.len(), 4, "{:?}", names);
        }
    }
}

/// Removes its folder when dropped, also when a check fails.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tempdir(tag: &str) -> PathBuf {
    use std::sync::atomic::AtomicUsize;
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "spindle-exercises-{}-{}-{}",
        std::process::id(),
        tag,
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn exercise_4_crawls_the_loopback_server_and_saves_each_page() {
    let script = root().join(EXERCISES).join("04_crawler.py");
    let expected = root().join(EXERCISES).join("04_crawler.served.out");
    check_script(&script, &expected, &[], true);
}

#[test]
fn urlopen_response_status_headers_body_redirect_post() {
    let dir = root().join("tests/urllib");
    check_script(
        &dir.join("response.py"),
        &dir.join("response.out"),
        &[],
        false,
    );
}

#[test]
fn urlopen_errors_404_refused_timeout() {
    let dir = root().join("tests/urllib");
    check_script(&dir.join("errors.py"), &dir.join("errors.out"), &[], false);
}

#[test]
fn urllib_parse_basics() {
    let dir = root().join("tests/urllib");
    check_script(&dir.join("parse.py"), &dir.join("parse.out"), &[], false);
}

#[test]
fn the_server_answers_and_stops() {
    let server = Server::start();
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.write_all(b"GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut reply = String::new();
    s.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 404 Not Found\r\n"), "{}", reply);
    let port = server.port;
    drop(server);
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
}

#[test]
fn ctrl_c_interrupts_a_waiting_urlopen_at_once() {
    let server = Server::start();
    let dir = TempDir(tempdir("sigint"));
    let script = dir.0.join("hang.py");
    std::fs::write(
        &script,
        "import sys, urllib.request\n\
         print('waiting', flush=True)\n\
         try:\n    urllib.request.urlopen(sys.argv[1] + '/hang')\n\
         except KeyboardInterrupt:\n    print('interrupted')\n",
    )
    .unwrap();
    let mut child = Command::new(spindle())
        .arg(&script)
        .arg(server.base())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 8];
    out.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"waiting\n");
    std::thread::sleep(Duration::from_millis(300));
    let sent = Instant::now();
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(rest, "interrupted\n");
    assert!(status.success());
    assert!(
        sent.elapsed() < Duration::from_millis(1500),
        "took {:?} after SIGINT",
        sent.elapsed()
    );
}
