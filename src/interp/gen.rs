// Generators: a generator's frame runs on its own small stack as a coroutine, so the
// evaluator stays a plain recursive walk and `yield` is a stack switch, with no threads.

use super::err::*;
use super::object::NativeObject;
use super::types::types;
use super::{Flow, Frame, Interp, PyResult};
use crate::syntax::ast::{Comprehension, Expr, Stmt};
use crate::value::{Function, Value};
use corosensei::stack::{DefaultStack, Stack};
use corosensei::{Coroutine, CoroutineResult, Yielder};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Size of each generator's stack (virtual: pages are committed as touched). Room for
/// the recursion limit's worth of calls below the red zone, as on the main stack.
const GEN_STACK: usize = 16 * 1024 * 1024;

/// What the consumer asks of a suspended generator.
pub enum GenIn {
    Send(Value),
    Throw(Exc),
    Close,
}

pub struct Resume {
    interp: *mut Interp,
    action: GenIn,
}

type Yielded = (Value, *mut Interp);
type GenCoroutine = Coroutine<Resume, Yielded, PyResult<Value>, DefaultStack>;

/// Lets `yield` inside a generator's frame reach its coroutine.
pub struct GenLink {
    yielder: *const Yielder<Resume, Yielded>,
}

/// What a generator runs.
pub enum GenBody {
    Function(&'static [Stmt]),
    Comp {
        elt: &'static Expr,
        generators: &'static [Comprehension],
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Created,
    Suspended,
    Running,
    Done,
}

pub enum GenStep {
    Yielded(Value),
    Returned(Value),
}

pub struct Generator {
    co: RefCell<Option<GenCoroutine>>,
    state: Cell<State>,
    stack_limit: usize,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
}

impl NativeObject for Generator {
    crate::iterator_type!("generator");
    fn next(&self, interp: &mut Interp) -> PyResult<Option<Value>> {
        match self.resume(interp, GenIn::Send(Value::None))? {
            GenStep::Yielded(v) => Ok(Some(v)),
            GenStep::Returned(_) => Ok(None),
        }
    }
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<generator object {} at {:#x}>",
            self.qualname, self as *const _ as usize
        ))
    }
}

impl Generator {
    pub fn resume(&self, interp: &mut Interp, action: GenIn) -> PyResult<GenStep> {
        match self.state.get() {
            State::Running => return Err(value_error("generator already executing")),
            State::Done => {
                return match action {
                    GenIn::Throw(e) => Err(e),
                    _ => Ok(GenStep::Returned(Value::None)),
                }
            }
            State::Created => match &action {
                GenIn::Send(v) if !v.is_none() => {
                    return Err(type_error(
                        "can't send non-None value to a just-started generator",
                    ))
                }
                GenIn::Throw(_) | GenIn::Close => {
                    self.finish(interp);
                    return match action {
                        GenIn::Throw(e) => Err(e),
                        _ => Ok(GenStep::Returned(Value::None)),
                    };
                }
                _ => {}
            },
            State::Suspended => {}
        }
        let mut co = match self.co.borrow_mut().take() {
            Some(c) => c,
            None => return Ok(GenStep::Returned(Value::None)),
        };
        self.state.set(State::Running);
        let saved_limit = interp.stack_limit;
        interp.stack_limit = self.stack_limit;
        let r = co.resume(Resume {
            interp: interp as *mut Interp,
            action,
        });
        interp.stack_limit = saved_limit;
        match r {
            CoroutineResult::Yield((v, _)) => {
                *self.co.borrow_mut() = Some(co);
                self.state.set(State::Suspended);
                Ok(GenStep::Yielded(v))
            }
            CoroutineResult::Return(res) => {
                self.state.set(State::Done);
                if co.done() {
                    interp.stack_pool.push(co.into_stack());
                }
                match res {
                    Ok(v) => Ok(GenStep::Returned(v)),
                    Err(e) if e.is("StopIteration") => {
                        let r = runtime_error("generator raised StopIteration");
                        r.state().cause = Some(e.value());
                        Err(r)
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    fn finish(&self, interp: &mut Interp) {
        self.state.set(State::Done);
        if let Some(mut co) = self.co.borrow_mut().take() {
            if !co.started() {
                // Never run: dropping its initial closure finishes it, and its stack
                // can serve the next generator.
                co.force_unwind();
                interp.stack_pool.push(co.into_stack());
            }
        }
    }

    /// Closes it once, as CPython finalizes a generator (one that yields again is
    /// dropped as it is); what it raises is reported, as CPython reports an exception
    /// it cannot raise ("Exception ignored in: ...").
    fn finalize(&self, interp: &mut Interp, address: usize) {
        let closed = self.close(interp);
        self.state.set(State::Done);
        if let Err(e) = closed {
            let text = format!(
                "Exception ignored in: <generator object {} at {:#x}>\n{}",
                self.qualname,
                address,
                interp.format_exception(&e)
            );
            let _ = crate::output::write_stderr(text.as_bytes());
        }
    }

    /// `gen.close()`.
    pub fn close(&self, interp: &mut Interp) -> PyResult<()> {
        if self.state.get() != State::Suspended {
            self.finish(interp);
            return Ok(());
        }
        match self.resume(interp, GenIn::Close) {
            Ok(GenStep::Yielded(_)) => Err(runtime_error("generator ignored GeneratorExit")),
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(e) if e.is("GeneratorExit") => Ok(()),
            Err(e) => Err(e),
        }
    }
}

thread_local! {
    /// Generators dropped while suspended, to be closed at the evaluator's next check
    /// (CPython closes one when its last reference goes, so its `finally` blocks and
    /// `with` exits run; a drop cannot run Python code itself).
    static ABANDONED: RefCell<Vec<Abandoned>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.state.get() != State::Suspended {
            return;
        }
        self.state.set(State::Done);
        if let Some(co) = self.co.get_mut().take() {
            let mut orphan = Some(Abandoned {
                generator: Generator {
                    co: RefCell::new(Some(co)),
                    state: Cell::new(State::Suspended),
                    stack_limit: self.stack_limit,
                    name: self.name.clone(),
                    qualname: self.qualname.clone(),
                },
                address: self as *const _ as usize,
            });
            let queued = ABANDONED
                .try_with(|a| a.borrow_mut().extend(orphan.take()))
                .is_ok();
            match orphan {
                // During thread teardown (the process is exiting) nothing can close it:
                // it is dropped plainly, never queued again.
                Some(o) => o.generator.state.set(State::Done),
                None if queued => crate::run::interrupt(),
                None => {}
            }
        }
    }
}

/// A generator dropped while suspended, and the address it was known by.
struct Abandoned {
    generator: Generator,
    address: usize,
}

/// Whether dropped generators wait to be closed.
pub fn abandoned_waiting() -> bool {
    ABANDONED
        .try_with(|a| !a.borrow().is_empty())
        .unwrap_or(false)
}

/// Closes the generators dropped while suspended.
pub fn close_abandoned(interp: &mut Interp) {
    while let Some(g) = ABANDONED.with(|a| a.borrow_mut().pop()) {
        g.generator.finalize(interp, g.address);
    }
}

/// At the program's end: closes the suspended generators among `values` (the main
/// module's globals), as CPython's finalization does when it clears the module.
pub fn close_suspended(interp: &mut Interp, values: Vec<Value>) {
    for v in values {
        if let Some(g) = super::object::downcast::<Generator>(&v) {
            if g.state.get() == State::Suspended {
                g.finalize(interp, g as *const _ as usize);
            }
        }
    }
}

impl Interp {
    pub fn make_generator_from(&mut self, frame: Frame, func: &Rc<Function>) -> PyResult<Value> {
        self.make_generator(frame, GenBody::Function(&func.def.body))
    }

    /// Wraps a prepared frame into a generator object; nothing runs until `next`.
    /// MemoryError when the system gives no more stacks (tens of thousands of
    /// generators alive at once).
    pub fn make_generator(&mut self, mut frame: Frame, body: GenBody) -> PyResult<Value> {
        let stack = match self.stack_pool.pop() {
            Some(s) => s,
            None => match DefaultStack::new(GEN_STACK) {
                Ok(s) => s,
                Err(_) => {
                    return Err(exc_msg(
                        "MemoryError",
                        "cannot allocate a generator's stack",
                    ))
                }
            },
        };
        let stack_limit = stack.limit().get();
        let name = frame.name.clone();
        let qualname = match frame.code {
            Some(def) => def.qualname.clone(),
            None => name.clone(),
        };
        let co = Coroutine::with_stack(
            stack,
            move |yielder: &Yielder<Resume, Yielded>, first: Resume| -> PyResult<Value> {
                // SAFETY: the interpreter outlives every generator and is only used by
                // whichever side of the coroutine is running.
                let interp = unsafe { &mut *first.interp };
                match first.action {
                    GenIn::Send(_) => {}
                    GenIn::Throw(e) => return Err(e),
                    GenIn::Close => return Ok(Value::None),
                }
                frame.gen = Some(GenLink { yielder });
                let r = match body {
                    GenBody::Function(stmts) => match interp.exec_block(&mut frame, stmts) {
                        Ok(Flow::Return(v)) => Ok(v),
                        Ok(_) => Ok(Value::None),
                        Err(e) => Err(e),
                    },
                    GenBody::Comp { elt, generators } => interp
                        .comp_loop(&mut frame, generators, 0, &mut |interp, fr| {
                            let v = interp.eval(fr, elt)?;
                            interp.yield_value(fr, v)?;
                            Ok(())
                        })
                        .map(|_| Value::None),
                };
                if let Err(e) = &r {
                    e.push_frame(&frame);
                }
                r
            },
        );
        Ok(Value::Object(crate::value::new_obj(Generator {
            co: RefCell::new(Some(co)),
            state: Cell::new(State::Created),
            stack_limit,
            name,
            qualname,
        })))
    }

    /// Suspends the current generator, handing `v` to its consumer; returns what the
    /// consumer asks next.
    fn suspend(&mut self, f: &mut Frame, v: Value) -> PyResult<GenIn> {
        let link = match &f.gen {
            Some(l) => l.yielder,
            None => return Err(exc_msg("SyntaxError", "'yield' outside function")),
        };
        // SAFETY: the yielder lives on this generator's coroutine stack, which is the
        // stack we are running on.
        let yielder = unsafe { &*link };
        let r = yielder.suspend((v, self as *mut Interp));
        Ok(r.action)
    }

    /// `yield v`: the value sent back in.
    pub fn yield_value(&mut self, f: &mut Frame, v: Value) -> PyResult<Value> {
        match self.suspend(f, v)? {
            GenIn::Send(x) => Ok(x),
            GenIn::Throw(e) => Err(e),
            GenIn::Close => Err(new_exception(types().exc("GeneratorExit"), vec![])),
        }
    }

    /// `yield from it`: delegates to a sub-iterator; returns its return value.
    pub fn yield_from(&mut self, f: &mut Frame, it: Value) -> PyResult<Value> {
        let iter = self.iter(&it)?;
        if let Some(g) = super::object::downcast::<Generator>(&iter) {
            let mut action = GenIn::Send(Value::None);
            loop {
                match g.resume(self, action)? {
                    GenStep::Yielded(v) => {
                        action = match self.suspend(f, v)? {
                            GenIn::Close => {
                                g.close(self)?;
                                return Err(new_exception(types().exc("GeneratorExit"), vec![]));
                            }
                            other => other,
                        };
                    }
                    GenStep::Returned(v) => return Ok(v),
                }
            }
        }
        while let Some(v) = self.next(&iter)? {
            self.yield_value(f, v)?;
        }
        Ok(Value::None)
    }
}

/// The generator methods `__next__`, `send`, `throw` and `close`.
pub fn install_methods() {
    let cls = types().native("generator");
    crate::builtins::def_method(&cls, "generator", "__next__", gen_next);
    crate::builtins::def_method(&cls, "generator", "send", gen_send);
    crate::builtins::def_method(&cls, "generator", "throw", gen_throw);
    crate::builtins::def_method(&cls, "generator", "close", gen_close);
}

fn receiver<'a>(args: &'a [Value], method: &str) -> PyResult<&'a Generator> {
    args.first()
        .and_then(super::object::downcast::<Generator>)
        .ok_or_else(|| {
            type_error(format!(
                "descriptor '{}' for 'generator' objects doesn't apply to this object",
                method
            ))
        })
}

/// What the consumer sees after resuming: the yielded value, or StopIteration.
fn step_result(step: GenStep) -> PyResult<Value> {
    match step {
        GenStep::Yielded(v) => Ok(v),
        GenStep::Returned(v) => Err(stop_iteration(v)),
    }
}

/// `g.__next__()`: as `send(None)`, so that StopIteration carries the return value.
fn gen_next(interp: &mut Interp, args: &[Value], kw: crate::value::Kwargs) -> PyResult<Value> {
    super::attr::no_wrapper_args("__next__", args, &kw)?;
    let step = receiver(args, "__next__")?.resume(interp, GenIn::Send(Value::None))?;
    step_result(step)
}

fn gen_send(interp: &mut Interp, args: &[Value], kw: crate::value::Kwargs) -> PyResult<Value> {
    let g = receiver(args, "send")?;
    if !kw.is_empty() {
        return Err(type_error("generator.send() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(type_error(format!(
            "generator.send() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let step = g.resume(interp, GenIn::Send(args[1].clone()))?;
    step_result(step)
}

fn gen_throw(interp: &mut Interp, args: &[Value], _kw: crate::value::Kwargs) -> PyResult<Value> {
    let g = receiver(args, "throw")?;
    let exc = match args.len() {
        2 => interp.to_exception(args[1].clone())?,
        3 | 4 => match (&args[1], &args[2]) {
            (Value::Class(_), v) if Exc::from_value(v).is_none() => {
                let inst = interp.call(&args[1], vec![v.clone()], vec![])?;
                interp.to_exception(inst)?
            }
            _ => interp.to_exception(args[2].clone())?,
        },
        n => {
            return Err(type_error(format!(
                "throw expected at least 1 argument, got {}",
                n.saturating_sub(1)
            )))
        }
    };
    let step = g.resume(interp, GenIn::Throw(exc))?;
    step_result(step)
}

fn gen_close(interp: &mut Interp, args: &[Value], _kw: crate::value::Kwargs) -> PyResult<Value> {
    receiver(args, "close")?.close(interp)?;
    Ok(Value::None)
}
