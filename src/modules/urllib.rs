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
// The blocking client runs in a forked helper process (no threads in the runtime),
// which writes its answer to a pipe and exits; the interpreter waits for that pipe
// in the runtime's one blocking wait, so pool results keep flowing and Ctrl-C raises
// KeyboardInterrupt at once (the helper is then killed).

use super::{arg_str, make_module};
use crate::builtins::functions::arity;
use crate::interp::err::*;
use crate::interp::{Interp, PyResult};
use crate::mp::block::{self, Wait, WaitOn};
use crate::value::{Kwargs, Value};
use std::time::Duration;

pub fn module() -> Value {
    Value::Module(make_module("_urllib", &[("fetch", fetch)]))
}

/// A request, as plain data for the helper process.
struct Request {
    url: String,
    method: String,
    body: Option<Vec<u8>>,
    headers: Vec<(String, String)>,
    timeout: Option<Duration>,
}

/// What the helper process found.
#[derive(bincode::Encode, bincode::Decode)]
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
        exc: String,
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
            Value::str(&exc),
            errno.map_or(Value::None, |e| Value::Int(e as i64)),
            Value::string(message),
        ]),
    })
}

/// Runs the request in a forked helper process and waits for its answer in the
/// runtime's blocking wait.
fn run_on_helper(interp: &mut Interp, req: Request) -> PyResult<Answer> {
    let io = crate::builtins::functions::io_error;
    let mut fds = [0; 2];
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io(std::io::Error::last_os_error()));
    }
    let (read_end, write_end) = (fds[0], fds[1]);
    let _ = crate::output::flush_stdout();
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        let e = std::io::Error::last_os_error();
        unsafe {
            libc::close(read_end);
            libc::close(write_end);
        }
        return Err(io(e));
    }
    if pid == 0 {
        // The helper: no interpreter here, just the client; it ends with its parent.
        unsafe {
            libc::close(read_end);
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
        }
        let answer = request(req);
        let bytes =
            bincode::encode_to_vec(&answer, bincode::config::standard()).unwrap_or_default();
        let mut off = 0;
        while off < bytes.len() {
            let n = unsafe {
                libc::write(
                    write_end,
                    bytes[off..].as_ptr() as *const libc::c_void,
                    bytes.len() - off,
                )
            };
            if n <= 0 {
                break;
            }
            off += n as usize;
        }
        unsafe { libc::_exit(0) }
    }
    unsafe {
        libc::close(write_end);
        let fl = libc::fcntl(read_end, libc::F_GETFL);
        libc::fcntl(read_end, libc::F_SETFL, fl | libc::O_NONBLOCK);
    }
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 1 << 16];
    let result = loop {
        let n = unsafe {
            libc::read(
                read_end,
                chunk.as_mut_ptr() as *mut libc::c_void,
                chunk.len(),
            )
        };
        if n > 0 {
            bytes.extend_from_slice(&chunk[..n as usize]);
            continue;
        }
        if n == 0 {
            break Ok(());
        }
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EAGAIN) && e.raw_os_error() != Some(libc::EINTR) {
            break Err(io(e));
        }
        let w = Wait {
            what: "urlopen",
            on: WaitOn::Readable(read_end),
            deadline: None,
        };
        if let Err(e) = block::wait(interp, w) {
            unsafe { libc::kill(pid, libc::SIGKILL) };
            break Err(e);
        }
    };
    unsafe {
        libc::close(read_end);
        let mut status = 0;
        while libc::waitpid(pid, &mut status, 0) < 0
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR)
        {}
    }
    result?;
    let (answer, _): (Answer, usize) =
        bincode::decode_from_slice(&bytes, bincode::config::standard())
            .map_err(|_| exc_msg("OSError", "the request helper stopped"))?;
    Ok(answer)
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
                exc: "ValueError".to_string(),
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
        exc: exc.to_string(),
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
