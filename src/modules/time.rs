// The `time` module: clocks, sleep, struct_time, strftime.

use crate::builtins::functions::arity;
use crate::intern::Symbol;
use crate::interp::err::*;
use crate::interp::object::{downcast, NativeObject};
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Class, Kwargs, Value};
use std::any::Any;
use std::rc::Rc;

pub fn module() -> Value {
    let m = super::make_c_module(
        "time",
        &[
            ("sleep", sleep),
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("monotonic", monotonic),
            ("process_time", process_time),
            ("localtime", localtime),
            ("gmtime", gmtime),
            ("mktime", mktime),
            ("strftime", strftime),
            ("ctime", ctime),
            ("asctime", asctime),
        ],
        &[],
        &["localtime", "gmtime", "strftime", "ctime", "asctime"],
    );
    let cls = types().native("struct_time");
    crate::builtins::def_method(&cls, "struct_time", "__getitem__", struct_getitem);
    crate::builtins::def_method(&cls, "struct_time", "__len__", struct_len);
    super::set_attr(&m, "struct_time", Value::Class(cls));
    Value::Module(m)
}

impl Interp {
    /// Sleeps `secs` seconds, waking early to raise KeyboardInterrupt on Ctrl-C.
    /// `time.sleep`: through the runtime's one blocking wait.
    pub fn sleep(&mut self, secs: f64) -> PyResult<()> {
        crate::mp::block::sleep(self, secs)
    }
}

fn num(interp: &mut Interp, v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_) => {
            crate::builtins::ctors::to_float(interp, v)
        }
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(other)
        ))),
    }
}

fn sleep(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("sleep", args, 1, 1)?;
    let s = num(interp, &args[0])?;
    if s.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    // Past what a time_t holds, as CPython says.
    if s > 9.2e18 {
        return Err(exc_msg(
            "OverflowError",
            "timestamp out of range for platform time_t",
        ));
    }
    interp.sleep(s)?;
    Ok(Value::None)
}

fn now() -> std::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

fn clock(id: libc::clockid_t) -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid out-pointer.
    unsafe { libc::clock_gettime(id, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

fn time(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(Value::Float(now().as_secs_f64()))
}
fn time_ns(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(now().as_nanos() as i64))
}
fn perf_counter(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(Value::Float(clock(libc::CLOCK_MONOTONIC)))
}
fn perf_counter_ns(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(Value::Int((clock(libc::CLOCK_MONOTONIC) * 1e9) as i64))
}
fn monotonic(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(Value::Float(clock(libc::CLOCK_MONOTONIC)))
}
fn process_time(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(Value::Float(clock(libc::CLOCK_PROCESS_CPUTIME_ID)))
}

/// `time.struct_time`: the broken-down time of localtime/gmtime.
pub struct StructTime {
    tm: libc::tm,
    zone: String,
}

const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

impl StructTime {
    fn fields(&self) -> [i64; 9] {
        let t = &self.tm;
        [
            t.tm_year as i64 + 1900,
            t.tm_mon as i64 + 1,
            t.tm_mday as i64,
            t.tm_hour as i64,
            t.tm_min as i64,
            t.tm_sec as i64,
            (t.tm_wday as i64 + 6) % 7,
            t.tm_yday as i64 + 1,
            t.tm_isdst as i64,
        ]
    }
}

impl NativeObject for StructTime {
    fn class(&self) -> Rc<Class> {
        types().native("struct_time")
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, _interp: &mut Interp, name: Symbol) -> PyResult<Option<Value>> {
        let n = name.as_str();
        if let Some(i) = FIELDS.iter().position(|f| *f == n) {
            return Ok(Some(Value::Int(self.fields()[i])));
        }
        Ok(match n {
            "tm_zone" => Some(Value::str(&self.zone)),
            "tm_gmtoff" => Some(Value::Int(self.tm.tm_gmtoff)),
            _ => None,
        })
    }
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        let parts: Vec<String> = FIELDS
            .iter()
            .zip(self.fields())
            .map(|(n, v)| format!("{}={}", n, v))
            .collect();
        Ok(format!("time.struct_time({})", parts.join(", ")))
    }
}

fn struct_getitem(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let st = downcast::<StructTime>(&args[0]).ok_or_else(|| type_error("struct_time expected"))?;
    let f = st.fields();
    let i = interp.to_index(&args[1], "tuple indices")?;
    let j = if i < 0 { i + 9 } else { i };
    if !(0..9).contains(&j) {
        return Err(index_error("tuple index out of range"));
    }
    Ok(Value::Int(f[j as usize]))
}

fn struct_len(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(9))
}

fn broken_down(interp: &mut Interp, args: &[Value], local: bool) -> PyResult<StructTime> {
    let secs = match args.first() {
        None | Some(Value::None) => now().as_secs() as i64,
        Some(v) => num(interp, v)?.floor() as i64,
    };
    let t: libc::time_t = secs as libc::time_t;
    // SAFETY: tm is plain data; localtime_r/gmtime_r fill it.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    unsafe {
        if local {
            tzset();
            libc::localtime_r(&t, &mut tm);
        } else {
            libc::gmtime_r(&t, &mut tm);
        }
    }
    let zone = if tm.tm_zone.is_null() {
        "UTC".to_string()
    } else {
        // SAFETY: tm_zone points to a NUL-terminated static string.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    Ok(StructTime { tm, zone })
}

fn localtime(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("localtime", args, 0, 1)?;
    Ok(Value::Object(crate::value::new_obj(broken_down(
        interp, args, true,
    )?)))
}

fn gmtime(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("gmtime", args, 0, 1)?;
    Ok(Value::Object(crate::value::new_obj(broken_down(
        interp, args, false,
    )?)))
}

/// The tm of a struct_time argument, or of now in local time.
fn tm_arg(interp: &mut Interp, v: Option<&Value>) -> PyResult<libc::tm> {
    match v {
        None | Some(Value::None) => Ok(broken_down(interp, &[], true)?.tm),
        Some(v) => match downcast::<StructTime>(v) {
            Some(st) => Ok(st.tm),
            None => {
                let items = interp.collect(v)?;
                if items.len() != 9 {
                    return Err(type_error("time tuple must have exactly 9 elements"));
                }
                let mut f = [0i64; 9];
                for (i, x) in items.iter().enumerate() {
                    f[i] = interp.to_index(x, "time tuple")?;
                }
                // SAFETY: tm is plain data.
                let mut tm: libc::tm = unsafe { std::mem::zeroed() };
                tm.tm_year = (f[0] - 1900) as i32;
                tm.tm_mon = (f[1] - 1) as i32;
                tm.tm_mday = f[2] as i32;
                tm.tm_hour = f[3] as i32;
                tm.tm_min = f[4] as i32;
                tm.tm_sec = f[5] as i32;
                tm.tm_wday = ((f[6] + 1) % 7) as i32;
                tm.tm_yday = (f[7] - 1) as i32;
                tm.tm_isdst = f[8] as i32;
                Ok(tm)
            }
        },
    }
}

fn mktime(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("mktime", args, 1, 1)?;
    let mut tm = tm_arg(interp, args.first())?;
    // SAFETY: tm is a valid struct.
    let t = unsafe { libc::mktime(&mut tm) };
    Ok(Value::Float(t as f64))
}

fn format_tm(fmt: &str, tm: &libc::tm) -> String {
    if fmt.is_empty() {
        return String::new();
    }
    let c = match std::ffi::CString::new(fmt) {
        Ok(c) => c,
        Err(_) => return String::new(),
    };
    let mut cap = 256 + fmt.len() * 8;
    loop {
        let mut buf = vec![0u8; cap];
        // SAFETY: buf has cap bytes; c and tm are valid.
        let n =
            unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, cap, c.as_ptr(), tm) };
        if n > 0 || cap > 1 << 16 {
            buf.truncate(n);
            return String::from_utf8_lossy(&buf).into_owned();
        }
        cap *= 4;
    }
}

fn strftime(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("strftime", args, 1, 2)?;
    let fmt = super::arg_str(interp, &args[0], "strftime() argument 1")?;
    let tm = tm_arg(interp, args.get(1))?;
    Ok(Value::string(format_tm(&fmt, &tm)))
}

fn asctime_of(tm: &libc::tm) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year + 1900
    )
}

fn ctime(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("ctime", args, 0, 1)?;
    let st = broken_down(interp, args, true)?;
    Ok(Value::string(asctime_of(&st.tm)))
}

fn asctime(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("asctime", args, 0, 1)?;
    let tm = tm_arg(interp, args.first())?;
    Ok(Value::string(asctime_of(&tm)))
}

extern "C" {
    fn tzset();
}
