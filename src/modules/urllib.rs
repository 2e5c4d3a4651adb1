// `_urllib`: the HTTP transport behind the `urllib` package (stdlib/urllib/*.py).
//
// One function, `fetch(url, method, body, headers, timeout)`, makes one plain-HTTP
// request (redirects followed) through the `ureq` client and answers a tuple:
//     ("ok", status, reason, [(name, value), ...], body_bytes, final_url)
//     ("error", wrap, exception_name, errno_or_None, message)
// where `wrap` says whether CPython's urllib would wrap the OSError in a URLError
// (failures while connecting and sending) or let it through (a read that times out).
// The Python side builds the response object and the exceptions.
//
// The request runs on a helper thread, started with every signal blocked so SIGINT
// still reaches the interpreter's thread; the interpreter waits for it in the
// runtime's one blocking wait (on a pipe the helper closes when it is done), so Ctrl-C
// raises KeyboardInterrupt at once. A request abandoned that way ends on its own
// timeout (or when the server answers) and its answer is dropped.

use super::{arg_str, make_module};
use crate::builtins::functions::arity;
use crate::interp::err::*;
use crate::interp::{Interp, PyResult};
use crate::mp::block::{self, Wait, WaitOn};
use crate::value::{Kwargs, Value};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::mpsc;
use std::time::Duration;

pub fn module() -> Value {
    Value::Module(make_module("_urllib", &[("fetch", fetch)]))
}

/// A request, as plain data for the helper thread.
struct Request {
    url: String,
    method: String,
    body: Option<Vec<u8>>,
    headers: Vec<(String, String)>,
    timeout: Option<Duration>,
}

/// What the helper thread found.
enum Answer {
    Ok {
        status: u16,
        reason: String,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
        url: String,
    },
    Error {
        wrap: bool,
        exc: &'static str,
        errno: Option<i32>,
        message: String,
    },
}

/// The largest body read into memory.
const BODY_LIMIT: u64 = 1 << 30;

fn fetch(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("fetch", args, 5, 5)?;
    let url = arg_str(interp, &args[0], "url")?;
    let method = arg_str(interp, &args[1], "method")?;
    let body = match &args[2] {
        Value::None => None,
        Value::Bytes(b) => Some(b.as_ref().clone()),
        Value::Str(s) => Some(s.as_str().as_bytes().to_vec()),
        other => {
            return Err(type_error(format!(
                "POST data should be bytes, an iterable of bytes, or a file object. It cannot be of type {}.",
                interp.type_name(other)
            )))
        }
    };
    let mut headers = Vec::new();
    for pair in interp.collect(&args[3])? {
        let kv = interp.collect(&pair)?;
        if kv.len() != 2 {
            return Err(value_error("headers must be (name, value) pairs"));
        }
        let k = interp.str(&kv[0])?;
        let v = interp.str(&kv[1])?;
        headers.push((k, v));
    }
    let timeout = match &args[4] {
        Value::None => None,
        Value::Int(n) => Some(*n as f64),
        Value::Float(f) => Some(*f),
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as a timeout",
                interp.type_name(other)
            )))
        }
    };
    let timeout = match timeout {
        Some(t) if t.is_nan() || t < 0.0 => {
            return Err(value_error("Timeout value must be non-negative"))
        }
        // A zero timeout is non-blocking in CPython: every step times out at once.
        Some(t) => Some(Duration::from_secs_f64(t.clamp(1e-6, 1e9))),
        None => None,
    };
    let req = Request {
        url,
        method,
        body,
        headers,
        timeout,
    };
    let answer = run_on_helper(interp, req)?;
    Ok(match answer {
        Answer::Ok {
            status,
            reason,
            headers,
            body,
            url,
        } => Value::tuple(vec![
            Value::str("ok"),
            Value::Int(status as i64),
            Value::string(reason),
            Value::list(
                headers
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![Value::string(k), Value::string(v)]))
                    .collect(),
            ),
            Value::Bytes(std::rc::Rc::new(body)),
            Value::string(url),
        ]),
        Answer::Error {
            wrap,
            exc,
            errno,
            message,
        } => Value::tuple(vec![
            Value::str("error"),
            Value::Bool(wrap),
            Value::str(exc),
            errno.map_or(Value::None, |e| Value::Int(e as i64)),
            Value::string(message),
        ]),
    })
}

/// Runs the request on a helper thread and waits for it in the runtime's blocking wait.
fn run_on_helper(interp: &mut Interp, req: Request) -> PyResult<Answer> {
    let mut fds = [0; 2];
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(crate::builtins::functions::io_error(
            std::io::Error::last_os_error(),
        ));
    }
    let (read_end, write_end) =
        unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    let (tx, rx) = mpsc::channel();
    // The helper starts with every signal blocked (it inherits this thread's mask), so
    // SIGINT is always delivered to the interpreter's thread.
    let spawned = unsafe {
        let mut all: libc::sigset_t = std::mem::zeroed();
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        libc::pthread_sigmask(libc::SIG_BLOCK, &all, &mut old);
        let r = std::thread::Builder::new()
            .name("urlopen".into())
            .spawn(move || {
                let answer = request(req);
                let _ = tx.send(answer);
                // Closing the write end wakes the waiting interpreter.
                drop(write_end);
            });
        libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
        r
    };
    if let Err(e) = spawned {
        return Err(crate::builtins::functions::io_error(e));
    }
    loop {
        match rx.try_recv() {
            Ok(answer) => return Ok(answer),
            Err(mpsc::TryRecvError::Disconnected) => {
                return Err(exc_msg("OSError", "the request thread stopped"));
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
        block::wait(
            interp,
            Wait {
                what: "urlopen",
                on: WaitOn::Readable(read_end.as_raw_fd()),
                deadline: None,
            },
        )?;
    }
}

/// "content-type" -> "Content-Type": the spelling nearly every server sends (the
/// client keeps names lowercased).
fn header_case(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut c = part.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn request(req: Request) -> Answer {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .user_agent(format!("spindle-urllib/{}", env!("CARGO_PKG_VERSION")))
        .timeout_connect(req.timeout)
        .timeout_per_read(req.timeout)
        .timeout_per_write(req.timeout)
        .build();
    let agent: ureq::Agent = config.into();
    let uri: ureq::http::Uri = match req.url.parse() {
        Ok(u) => u,
        Err(e) => {
            return Answer::Error {
                wrap: false,
                exc: "ValueError",
                errno: None,
                message: format!("invalid URL {:?}: {}", req.url, e),
            }
        }
    };
    let mut builder = ureq::http::Request::builder()
        .method(req.method.as_str())
        .uri(uri.clone());
    for (k, v) in &req.headers {
        builder = builder.header(k.as_str(), v.as_str());
    }
    let sent = match req.body {
        None => builder.body(()).map(|r| agent.run(r)),
        Some(b) => builder.body(b).map(|r| agent.run(r)),
    };
    let sent = sent.unwrap_or_else(|e| Err(ureq::Error::Http(e)));
    let mut resp = match sent {
        Ok(r) => r,
        Err(e) => return error_answer(e),
    };
    let status = resp.status();
    let reason = status.canonical_reason().unwrap_or("").to_string();
    let headers = resp
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                header_case(k.as_str()),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    use ureq::ResponseExt;
    let final_uri = resp.get_uri().clone();
    // Without a redirect, the URL as the script gave it (CPython's `geturl()`).
    let url = if final_uri == uri {
        req.url
    } else {
        final_uri.to_string()
    };
    let body = match resp
        .body_mut()
        .with_config()
        .limit(BODY_LIMIT)
        .read_to_vec()
    {
        Ok(b) => b,
        Err(e) => return error_answer(e),
    };
    Answer::Ok {
        status: status.as_u16(),
        reason,
        headers,
        body,
        url,
    }
}

fn os_answer(wrap: bool, exc: &'static str, errno: Option<i32>, message: &str) -> Answer {
    Answer::Error {
        wrap,
        exc,
        errno,
        message: message.to_string(),
    }
}

/// A client error as CPython's urllib reports the same failure.
fn error_answer(e: ureq::Error) -> Answer {
    use ureq::Timeout;
    match e {
        // CPython wraps what fails while connecting in URLError, and lets a timed-out
        // read through as a bare TimeoutError.
        ureq::Error::Timeout(Timeout::Connect | Timeout::Resolve) => {
            os_answer(true, "TimeoutError", None, "timed out")
        }
        ureq::Error::Timeout(_) => os_answer(false, "TimeoutError", None, "timed out"),
        ureq::Error::HostNotFound => {
            os_answer(true, "OSError", Some(-2), "Name or service not known")
        }
        ureq::Error::Io(io) => {
            use std::io::ErrorKind;
            if matches!(io.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) {
                return os_answer(false, "TimeoutError", None, "timed out");
            }
            let errno = io.raw_os_error();
            let exc = match errno {
                Some(libc::ECONNREFUSED) => "ConnectionRefusedError",
                Some(libc::ECONNRESET) => "ConnectionResetError",
                Some(libc::ECONNABORTED) => "ConnectionAbortedError",
                Some(libc::EPIPE) => "BrokenPipeError",
                Some(libc::ETIMEDOUT) => "TimeoutError",
                _ => "OSError",
            };
            let wrap = !matches!(errno, Some(libc::ECONNRESET) | Some(libc::EPIPE));
            match errno {
                Some(n) => {
                    let msg = std::io::Error::from_raw_os_error(n).to_string();
                    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
                    os_answer(wrap, exc, Some(n), &msg)
                }
                None if io.kind() == ErrorKind::UnexpectedEof => os_answer(
                    false,
                    "ConnectionResetError",
                    None,
                    "Remote end closed connection without response",
                ),
                None => os_answer(wrap, exc, None, &io.to_string()),
            }
        }
        ureq::Error::BadUri(m) => os_answer(false, "ValueError", None, &m),
        ureq::Error::Protocol(p) => os_answer(false, "OSError", None, &p.to_string()),
        // Failures without an OSError behind them: URLError with a text reason.
        other => os_answer(true, "", None, &other.to_string()),
    }
}
