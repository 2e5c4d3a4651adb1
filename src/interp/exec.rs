// Statement execution: blocks, loops, exceptions, `with`, definitions and imports.

use super::err::*;
use super::{Flow, Frame, Interp, PyResult};
use crate::syntax::ast::*;
use crate::value::object::Namespace;
use crate::value::{Function, Value};
use std::cell::RefCell;
use std::rc::Rc;

impl Interp {
    pub fn exec_block(&mut self, f: &mut Frame, body: &'static [Stmt]) -> PyResult<Flow> {
        for s in body {
            match self.exec(f, s)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    pub fn exec(&mut self, f: &mut Frame, s: &'static Stmt) -> PyResult<Flow> {
        f.cur = s.span;
        // Signal handlers run between statements (and Ctrl-C stops any loop).
        self.check_signals()?;
        match &s.kind {
            StmtKind::Expr(e) => {
                let v = self.eval(f, e)?;
                if self.echo_depth == Some(self.depth) && f.code.is_none() && f.class_ns.is_none() {
                    self.display_value(v)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                let v = self.eval(f, value)?;
                if targets.len() == 1 {
                    if let ExprKind::Name(n) = &targets[0].kind {
                        if let NameRes::Local(i) = n.res {
                            f.locals[i as usize] = v;
                            return Ok(Flow::Normal);
                        }
                    }
                    self.assign(f, &targets[0], v)?;
                } else {
                    for t in targets {
                        self.assign(f, t, v.clone())?;
                    }
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(f, target, *op, value)?,
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    let v = self.eval(f, v)?;
                    self.assign(f, target, v)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                let t = self.eval_cond(f, test)?;
                return if t {
                    self.exec_block(f, body)
                } else {
                    self.exec_block(f, orelse)
                };
            }
            StmtKind::While { test, body, orelse } => {
                loop {
                    f.cur = test.span;
                    if !self.eval_cond(f, test)? {
                        break;
                    }
                    match self.exec_block(f, body)? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        _ => {}
                    }
                }
                return self.exec_block(f, orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => return self.exec_for(f, target, iter, body, orelse),
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(f, e)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::Pass => {}
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::FunctionDef(def) => {
                let mut func = self.make_function(f, def)?;
                for d in def.decorators.iter().rev() {
                    let dec = self.eval(f, d)?;
                    func = self.call(&dec, vec![func], vec![])?;
                }
                self.store_name(
                    f,
                    &Name {
                        id: def.name,
                        span: def.span,
                        res: def.binding,
                    },
                    func,
                )?;
            }
            StmtKind::ClassDef(def) => {
                let mut cls = self.make_class(f, def)?;
                for d in def.decorators.iter().rev() {
                    let dec = self.eval(f, d)?;
                    cls = self.call(&dec, vec![cls], vec![])?;
                }
                self.store_name(
                    f,
                    &Name {
                        id: def.name,
                        span: def.span,
                        res: def.binding,
                    },
                    cls,
                )?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => return self.exec_try(f, body, handlers, orelse, finalbody),
            StmtKind::Raise { exc, cause } => {
                return Err(self.exec_raise(f, exc.as_ref(), cause.as_ref())?)
            }
            StmtKind::With { items, body } => return self.exec_with(f, items, body),
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(f, t)?;
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Assert { test, msg } => {
                let t = self.eval(f, test)?;
                if !self.truthy(&t)? {
                    let args = match msg {
                        Some(m) => vec![self.eval(f, m)?],
                        None => vec![],
                    };
                    return Err(new_exception(
                        super::types::types().exc("AssertionError"),
                        args,
                    ));
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let module = self.import_module(&a.name, f)?;
                    match &a.asname {
                        Some(n) => self.store_name(f, n, module)?,
                        None => {
                            let top = a.name.split('.').next().unwrap_or(&a.name);
                            let top_mod = self.import_module(top, f)?;
                            self.store_name(f, &a.bound, top_mod)?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                level,
                names,
            } => self.exec_import_from(f, module, *level, names)?,
        }
        Ok(Flow::Normal)
    }

    fn aug_assign(
        &mut self,
        f: &mut Frame,
        target: &'static Expr,
        op: BinOp,
        value: &'static Expr,
    ) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                if let NameRes::Local(i) = n.res {
                    if let Some(b) = super::fast::int_expr(f, value) {
                        if let Some(Value::Int(a)) = f.locals.get_mut(i as usize) {
                            if let Some(r) = super::fast::int_binop(op, *a, b) {
                                *a = r;
                                return Ok(());
                            }
                        }
                    }
                }
                let cur = self.load_name(f, n)?;
                let v = self.eval(f, value)?;
                let r = match (op, &cur, &v) {
                    (BinOp::Add, Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => {
                        Value::Int(a + b)
                    }
                    (BinOp::Sub, Value::Int(a), Value::Int(b)) if a.checked_sub(*b).is_some() => {
                        Value::Int(a - b)
                    }
                    (BinOp::Add, Value::Str(_), Value::Str(_)) => {
                        // Drop our reference first so a sole owner can be extended in place.
                        self.store_name(f, n, Value::None)?;
                        concat_str(cur, &v)
                    }
                    _ => self.inplace_binop(op, &cur, &v)?,
                };
                self.store_name(f, n, r)
            }
            ExprKind::Attribute { value: obj, attr } => {
                let o = self.eval(f, obj)?;
                let cur = self.getattr(&o, *attr)?;
                let v = self.eval(f, value)?;
                let r = self.inplace_binop(op, &cur, &v)?;
                self.setattr(&o, *attr, r)
            }
            ExprKind::Subscript { value: obj, index } => {
                let o = self.eval(f, obj)?;
                let i = self.eval(f, index)?;
                let cur = self.getitem(&o, &i)?;
                let v = self.eval(f, value)?;
                let r = self.inplace_binop(op, &cur, &v)?;
                self.setitem(&o, i, r)
            }
            _ => Err(exc_msg(
                "SyntaxError",
                "illegal expression for augmented assignment",
            )),
        }
    }

    fn delete(&mut self, f: &mut Frame, t: &'static Expr) -> PyResult<()> {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(f, n),
            ExprKind::Attribute { value, attr } => {
                let o = self.eval(f, value)?;
                self.delattr(&o, *attr)
            }
            ExprKind::Subscript { value, index } => {
                let o = self.eval(f, value)?;
                let i = self.eval(f, index)?;
                self.delitem(&o, &i)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(f, i)?;
                }
                Ok(())
            }
            _ => Err(exc_msg("SyntaxError", "cannot delete expression")),
        }
    }

    fn exec_for(
        &mut self,
        f: &mut Frame,
        target: &'static Expr,
        iter: &'static Expr,
        body: &'static [Stmt],
        orelse: &'static [Stmt],
    ) -> PyResult<Flow> {
        let it = self.eval(f, iter)?;
        let local = match &target.kind {
            ExprKind::Name(Name {
                res: NameRes::Local(i),
                ..
            }) => Some(*i as usize),
            _ => None,
        };
        // Fast paths: counting over a range, walking a list by index.
        if let (Value::Range(r), Some(slot)) = (&it, local) {
            let (mut i, stop, step) = (r.start, r.stop, r.step);
            while (step > 0 && i < stop) || (step < 0 && i > stop) {
                f.locals[slot] = Value::Int(i);
                match self.exec_block(f, body)? {
                    Flow::Break => return Ok(Flow::Normal),
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    _ => {}
                }
                i += step;
            }
            return self.exec_block(f, orelse);
        }
        if let Value::List(l) = &it {
            let mut idx = 0;
            loop {
                let x = match l.borrow().get(idx) {
                    Some(x) => x.clone(),
                    None => break,
                };
                idx += 1;
                match local {
                    Some(slot) => f.locals[slot] = x,
                    None => self.assign(f, target, x)?,
                }
                match self.exec_block(f, body)? {
                    Flow::Break => return Ok(Flow::Normal),
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    _ => {}
                }
            }
            return self.exec_block(f, orelse);
        }
        let iterator = self.iter(&it)?;
        loop {
            let x = match self.next(&iterator) {
                Ok(Some(x)) => x,
                Ok(None) => break,
                Err(e) => {
                    // A failing iterator is reported at the `for`, not its body.
                    e.note_span(iter.span);
                    return Err(e);
                }
            };
            match local {
                Some(slot) => f.locals[slot] = x,
                None => self.assign(f, target, x)?,
            }
            match self.exec_block(f, body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return(v) => return Ok(Flow::Return(v)),
                _ => {}
            }
        }
        self.exec_block(f, orelse)
    }

    fn exec_try(
        &mut self,
        f: &mut Frame,
        body: &'static [Stmt],
        handlers: &'static [ExceptHandler],
        orelse: &'static [Stmt],
        finalbody: &'static [Stmt],
    ) -> PyResult<Flow> {
        let mut result = self.exec_block(f, body);
        if let Err(exc) = result {
            result = Err(exc.clone());
            for h in handlers {
                let matches = match &h.typ {
                    None => true,
                    Some(t) => {
                        let t = self.eval(f, t)?;
                        self.exception_matches(&exc, &t)?
                    }
                };
                if matches {
                    // Raised while another was being handled (and caught before it
                    // left that handler): CPython gave it that one as its context
                    // when it was raised.
                    if let Some(outer) = self.handling.last() {
                        set_context(&exc, outer);
                    }
                    // The traceback of a caught exception ends in this frame.
                    exc.push_frame(f);
                    if let Some(n) = &h.name {
                        self.store_name(f, n, exc.value())?;
                    }
                    self.handling.push(exc.clone());
                    let r = self.exec_block(f, &h.body);
                    self.handling.pop();
                    if let Err(e2) = &r {
                        set_context(e2, &exc);
                    }
                    if let Some(n) = &h.name {
                        let _ = self.delete_name(f, n);
                    }
                    result = r;
                    break;
                }
            }
        } else if let Ok(Flow::Normal) = result {
            result = self.exec_block(f, orelse);
        }
        if !finalbody.is_empty() {
            // An exception in flight becomes the context of one raised in `finally`.
            let pending = result.as_ref().err().cloned();
            if let Some(e) = &pending {
                // As in CPython, the traceback reaches this frame before `finally`
                // runs, so an exception raised there shows both.
                e.push_frame(f);
                self.handling.push(e.clone());
            }
            let fin = self.exec_block(f, finalbody);
            if let Some(e) = &pending {
                self.handling.pop();
                match &fin {
                    Err(e2) => set_context(e2, e),
                    Ok(_) => e.state().frame_recorded = true,
                }
            }
            match fin? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        result
    }

    /// Does exception `exc` match the `except` clause type `t` (a class or tuple)?
    pub fn exception_matches(&mut self, exc: &Exc, t: &Value) -> PyResult<bool> {
        match t {
            Value::Class(c) => {
                if !c.is_subclass(&super::types::types().base_exception) {
                    return Err(type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(exc.class().is_subclass(c))
            }
            Value::Tuple(items) => {
                for i in items.iter() {
                    if self.exception_matches(exc, i)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn exec_raise(
        &mut self,
        f: &mut Frame,
        exc: Option<&'static Expr>,
        cause: Option<&'static Expr>,
    ) -> PyResult<Exc> {
        let e = match exc {
            None => {
                return match self.handling.last() {
                    Some(e) => {
                        // Re-raised as it was: this frame's entry is already there.
                        e.state().frame_recorded = true;
                        Ok(e.clone())
                    }
                    None => Err(runtime_error("No active exception to reraise")),
                };
            }
            Some(x) => {
                let v = self.eval(f, x)?;
                self.to_exception(v)?
            }
        };
        if let Some(c) = cause {
            let c = self.eval(f, c)?;
            let cause = match c {
                Value::None => None,
                other => Some(self.to_exception(other)?.value()),
            };
            let mut st = e.state();
            st.cause = cause;
            st.suppress_context = true;
        }
        Ok(e)
    }

    /// The exception object `raise v` raises (instantiating a class).
    pub fn to_exception(&mut self, v: Value) -> PyResult<Exc> {
        match &v {
            Value::Class(c) if c.is_subclass(&super::types::types().base_exception) => {
                let inst = self.call(&v, vec![], vec![])?;
                Exc::from_value(&inst)
                    .ok_or_else(|| type_error("exceptions must derive from BaseException"))
            }
            _ => Exc::from_value(&v)
                .ok_or_else(|| type_error("exceptions must derive from BaseException")),
        }
    }

    fn exec_with(
        &mut self,
        f: &mut Frame,
        items: &'static [WithItem],
        body: &'static [Stmt],
    ) -> PyResult<Flow> {
        let item = &items[0];
        let mgr = self.eval(f, &item.context)?;
        let ((enter, enter_self), (exit, exit_self)) = self.context_methods(&mgr)?;
        let entered = self.call(&enter, with_self(enter_self, []), vec![])?;
        if let Some(t) = &item.target {
            if let Err(e) = self.assign(f, t, entered) {
                self.call(
                    &exit,
                    with_self(exit_self.clone(), [Value::None, Value::None, Value::None]),
                    vec![],
                )?;
                return Err(e);
            }
        }
        let result = if items.len() > 1 {
            self.exec_with(f, &items[1..], body)
        } else {
            self.exec_block(f, body)
        };
        match result {
            Ok(flow) => {
                self.call(
                    &exit,
                    with_self(exit_self.clone(), [Value::None, Value::None, Value::None]),
                    vec![],
                )?;
                Ok(flow)
            }
            Err(e) => {
                self.handling.push(e.clone());
                let r = self.call(
                    &exit,
                    with_self(exit_self, [Value::Class(e.class()), e.value(), Value::None]),
                    vec![],
                );
                self.handling.pop();
                if let Err(e2) = &r {
                    set_context(e2, &e);
                }
                let suppress = r?;
                if self.truthy(&suppress)? {
                    Ok(Flow::Normal)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// `__enter__` and `__exit__` of a context manager, each with the receiver to
    /// pass first when it is not already bound (no bound-method object per `with`).
    #[allow(clippy::type_complexity)]
    fn context_methods(
        &mut self,
        mgr: &Value,
    ) -> PyResult<((Value, Option<Value>), (Value, Option<Value>))> {
        let missing = |interp: &Interp, what: &str| {
            type_error(format!(
                "'{}' object does not support the context manager protocol{}",
                interp.type_name(mgr),
                what
            ))
        };
        let enter = self
            .method_for_call(mgr, self.sym.enter)
            .map_err(|_| missing(self, ""))?;
        let exit = self
            .method_for_call(mgr, self.sym.exit)
            .map_err(|_| missing(self, " (missed __exit__ method)"))?;
        Ok((enter, exit))
    }

    /// Creates a function object from a `def` or `lambda` in frame `f`.
    pub fn make_function(
        &mut self,
        f: &mut Frame,
        def: &'static Rc<FunctionDef>,
    ) -> PyResult<Value> {
        let def: &'static FunctionDef = def;
        let mut defaults = Vec::new();
        for p in def.params.posonly.iter().chain(def.params.args.iter()) {
            if let Some(d) = &p.default {
                defaults.push(self.eval(f, d)?);
            }
        }
        let mut kwdefaults = Vec::with_capacity(def.params.kwonly.len());
        for p in &def.params.kwonly {
            kwdefaults.push(match &p.default {
                Some(d) => Some(self.eval(f, d)?),
                None => None,
            });
        }
        let closure = self.capture(f, &def.scope.freevars)?;
        let name: Rc<str> = def.name.as_str().into();
        Ok(Value::Function(Rc::new(Function {
            def,
            module: f.module.clone(),
            defaults,
            kwdefaults,
            closure,
            name: RefCell::new(name),
            qualname: RefCell::new(def.qualname.clone()),
            dict: RefCell::new(Namespace::default()),
        })))
    }

    fn make_class(&mut self, f: &mut Frame, def: &'static Rc<ClassDef>) -> PyResult<Value> {
        let def: &'static ClassDef = def;
        let mut bases = Vec::new();
        let mut metaclass = None;
        for a in &def.bases {
            match a {
                Arg::Pos(e) => bases.push(self.eval(f, e)?),
                Arg::Star(e) => {
                    let v = self.eval(f, e)?;
                    bases.extend(self.collect(&v)?);
                }
                Arg::Keyword(k, e) if k.as_str() == "metaclass" => {
                    metaclass = Some(self.eval(f, e)?)
                }
                Arg::Keyword(_, e) | Arg::DoubleStar(e) => {
                    self.eval(f, e)?;
                }
            }
        }
        let ns = Rc::new(RefCell::new(Namespace::default()));
        ns.borrow_mut()
            .insert(self.sym.module, Value::str(&f.module.name));
        ns.borrow_mut()
            .insert(self.sym.qualname, Value::str(&def.qualname));
        let closure = self.capture(f, &def.scope.freevars)?;
        let mut frame = Frame {
            locals: vec![Value::Undef; def.scope.nlocals as usize],
            closure,
            module: f.module.clone(),
            class_ns: Some(ns.clone()),
            name: def.name.as_str().into(),
            cur: def.span,
            gen: None,
            code: None,
        };
        let class_cell = def.scope.class_cell.map(|slot| {
            let c = Rc::new(RefCell::new(Value::Undef));
            frame.locals[slot as usize] = Value::Cell(c.clone());
            c
        });
        self.depth += 1;
        let r = self.exec_block(&mut frame, &def.body);
        self.depth -= 1;
        if let Err(e) = r {
            e.push_frame(&frame);
            return Err(e);
        }
        let ns = Rc::try_unwrap(ns)
            .map(|c| c.into_inner())
            .unwrap_or_else(|rc| rc.borrow().clone());
        let cls = match metaclass {
            Some(meta) => {
                let dict = crate::builtins::types::namespace_to_dict(&ns);
                self.call(
                    &meta,
                    vec![Value::str(def.name.as_str()), Value::tuple(bases), dict],
                    vec![],
                )?
            }
            None => {
                // A `__module__` or `__qualname__` the body sets names the class, as in
                // CPython.
                let module = match ns.get(&self.sym.module) {
                    Some(Value::Str(m)) => m.as_str().to_string(),
                    _ => f.module.name.to_string(),
                };
                let qualname = match ns.get(&self.sym.qualname) {
                    Some(Value::Str(q)) => q.as_str().to_string(),
                    _ => def.qualname.to_string(),
                };
                crate::builtins::types::build_class(
                    self,
                    def.name.as_str(),
                    &qualname,
                    &module,
                    bases,
                    ns,
                )?
            }
        };
        if let Some(c) = class_cell {
            *c.borrow_mut() = cls.clone();
        }
        Ok(cls)
    }

    fn exec_import_from(
        &mut self,
        f: &mut Frame,
        module: &str,
        level: u32,
        names: &'static [Alias],
    ) -> PyResult<()> {
        let full = if level > 0 {
            self.relative_module_name(f, module, level)?
        } else {
            module.to_string()
        };
        let m = self.import_module(&full, f)?;
        if names.is_empty() {
            for (k, v) in self.module_public_names(&m)? {
                f.module.set(k, v);
            }
            return Ok(());
        }
        for a in names {
            let sym = crate::intern::intern(&a.name);
            let v = match self.getattr(&m, sym) {
                Ok(v) => v,
                Err(_) => match self.import_module(&format!("{}.{}", full, a.name), f) {
                    Ok(v) => v,
                    Err(_) => {
                        return Err(exc_msg(
                            "ImportError",
                            format!(
                                "cannot import name '{}' from '{}' ({})",
                                a.name,
                                full,
                                self.module_file(&m)
                            ),
                        ))
                    }
                },
            };
            match &a.asname {
                Some(n) => self.store_name(f, n, v)?,
                None => self.store_name(f, &a.bound, v)?,
            }
        }
        Ok(())
    }

    fn relative_module_name(&self, f: &Frame, module: &str, level: u32) -> PyResult<String> {
        let cur = f.module.name.to_string();
        let mut parts: Vec<&str> = cur.split('.').collect();
        for _ in 0..level {
            parts.pop();
        }
        if parts.is_empty() && level > 0 && cur == "__main__" {
            return Err(exc_msg(
                "ImportError",
                "attempted relative import with no known parent package",
            ));
        }
        let mut name = parts.join(".");
        if !module.is_empty() {
            if !name.is_empty() {
                name.push('.');
            }
            name.push_str(module);
        }
        Ok(name)
    }
}

/// Records `handled` as the `__context__` of `raised`, an exception that escaped
/// while `handled` was being handled (an except or finally block, `__exit__`). The
/// innermost handler gets there first, so an existing context is kept; a chain that
/// would loop back to `raised` is cut, as CPython does.
#[cold]
pub fn set_context(raised: &Exc, handled: &Exc) {
    if Rc::ptr_eq(&raised.0, &handled.0) || raised.state().context.is_some() {
        return;
    }
    let mut cur = handled.clone();
    loop {
        let next = cur.state().context.as_ref().and_then(Exc::from_value);
        match next {
            Some(n) if Rc::ptr_eq(&n.0, &raised.0) => {
                cur.state().context = None;
                break;
            }
            Some(n) => cur = n,
            None => break,
        }
    }
    raised.state().context = Some(handled.value());
}

/// `a + b` for strings, reusing `a`'s buffer when nothing else holds it.
fn concat_str(a: Value, b: &Value) -> Value {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => match Rc::try_unwrap(x) {
            Ok(px) => {
                let mut s = px.into_string();
                s.push_str(y.as_str());
                Value::string(s)
            }
            Err(x) => {
                let mut s = String::with_capacity(x.len_bytes() + y.len_bytes());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Value::string(s)
            }
        },
        (a, _) => a,
    }
}

/// The arguments of a method call, with its receiver first when it has one.
fn with_self<const N: usize>(receiver: Option<Value>, args: [Value; N]) -> Vec<Value> {
    let mut v = Vec::with_capacity(N + 1);
    v.extend(receiver);
    v.extend(args);
    v
}
