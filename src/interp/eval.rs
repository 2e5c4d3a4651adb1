// Expression evaluation: one recursive walk over the resolved tree.

use super::err::*;
use super::fast::{int_cmp, int_expr};
use super::{Frame, Interp, PyResult};
use crate::intern::Symbol;
use crate::syntax::ast::*;
use crate::value::{Dict, PySet, Value};
use std::cell::RefCell;
use std::rc::Rc;

impl Interp {
    pub fn eval(&mut self, f: &mut Frame, e: &'static Expr) -> PyResult<Value> {
        match self.eval_node(f, e) {
            Ok(v) => Ok(v),
            Err(x) => {
                // Tracebacks point at the innermost expression that failed.
                x.note_span(e.span);
                Err(x)
            }
        }
    }

    #[inline(always)]
    fn eval_node(&mut self, f: &mut Frame, e: &'static Expr) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(f, n),
            ExprKind::Literal(v) => Ok(v.clone()),
            ExprKind::BinOp { op, left, right } => {
                if let Some(r) = int_expr(f, e) {
                    return Ok(Value::Int(r));
                }
                let a = self.eval(f, left)?;
                let b = self.eval(f, right)?;
                match (op, &a, &b) {
                    (BinOp::Add, Value::Int(x), Value::Int(y)) => {
                        if let Some(r) = x.checked_add(*y) {
                            return Ok(Value::Int(r));
                        }
                    }
                    (BinOp::Sub, Value::Int(x), Value::Int(y)) => {
                        if let Some(r) = x.checked_sub(*y) {
                            return Ok(Value::Int(r));
                        }
                    }
                    (BinOp::Mul, Value::Int(x), Value::Int(y)) => {
                        if let Some(r) = x.checked_mul(*y) {
                            return Ok(Value::Int(r));
                        }
                    }
                    (BinOp::Mod, Value::Int(x), Value::Int(y)) if *x >= 0 && *y > 0 => {
                        return Ok(Value::Int(x % y))
                    }
                    (BinOp::FloorDiv, Value::Int(x), Value::Int(y)) if *x >= 0 && *y > 0 => {
                        return Ok(Value::Int(x / y))
                    }
                    (BinOp::Add, Value::Float(x), Value::Float(y)) => {
                        return Ok(Value::Float(x + y))
                    }
                    (BinOp::Sub, Value::Float(x), Value::Float(y)) => {
                        return Ok(Value::Float(x - y))
                    }
                    (BinOp::Mul, Value::Float(x), Value::Float(y)) => {
                        return Ok(Value::Float(x * y))
                    }
                    _ => {}
                }
                self.binop(*op, &a, &b)
            }
            ExprKind::Call { func, args } => self.eval_call(f, func, args),
            ExprKind::Attribute { value, attr } => {
                let v = self.eval(f, value)?;
                self.getattr(&v, *attr)
            }
            ExprKind::Compare { left, ops } => {
                if let [(op, right)] = &ops[..] {
                    if let (Some(x), Some(y)) = (int_expr(f, left), int_expr(f, right)) {
                        if let Some(r) = int_cmp(*op, x, y) {
                            return Ok(Value::Bool(r));
                        }
                    }
                }
                let mut a = self.eval(f, left)?;
                let last = ops.len() - 1;
                for (i, (op, right)) in ops.iter().enumerate() {
                    let b = self.eval(f, right)?;
                    let r = self.compare(*op, &a, &b)?;
                    if i == last {
                        return Ok(r);
                    }
                    if !self.truthy(&r)? {
                        return Ok(r);
                    }
                    a = b;
                }
                unreachable!("a comparison has at least one operator")
            }
            ExprKind::Subscript { value, index } => {
                let v = self.eval(f, value)?;
                let i = self.eval(f, index)?;
                self.getitem(&v, &i)
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.eval(f, operand)?;
                self.unary(*op, &v)
            }
            ExprKind::BoolOp { op, values } => {
                let last = values.len() - 1;
                for (i, x) in values.iter().enumerate() {
                    let v = self.eval(f, x)?;
                    if i == last {
                        return Ok(v);
                    }
                    let t = self.truthy(&v)?;
                    if (*op == BoolOp::And) != t {
                        return Ok(v);
                    }
                }
                unreachable!("a boolean operation has operands")
            }
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.eval(f, test)?;
                if self.truthy(&t)? {
                    self.eval(f, body)
                } else {
                    self.eval(f, orelse)
                }
            }
            ExprKind::Tuple(items) => Ok(Value::tuple(self.eval_items(f, items)?)),
            ExprKind::List(items) => Ok(Value::list(self.eval_items(f, items)?)),
            ExprKind::Set(items) => {
                let vals = self.eval_items(f, items)?;
                // CPython folds a display of constants into a frozenset and merges it
                // into a new set, which sizes the table (and so the order) differently.
                let s = if items.len() > 2 && items.iter().all(is_constant) {
                    let mut keys = Vec::with_capacity(vals.len());
                    for v in vals {
                        keys.push(self.hkey(v)?);
                    }
                    PySet::from_constants(keys)
                } else {
                    let mut s = PySet::new();
                    for v in vals {
                        let k = self.hkey(v)?;
                        self.add_key(&mut s, k)?;
                    }
                    s
                };
                Ok(Value::Set(Rc::new(RefCell::new(s))))
            }
            ExprKind::Dict(items) => {
                let mut d = Dict::with_capacity(items.len());
                for it in items {
                    match it {
                        DictItem::Pair(k, v) => {
                            let k = self.eval(f, k)?;
                            let v = self.eval(f, v)?;
                            let k = self.hkey(k)?;
                            self.put_key(&mut d, k, v)?;
                        }
                        DictItem::Unpack(m) => {
                            let m = self.eval(f, m)?;
                            for (k, v) in self.mapping_items(&m)? {
                                let k = self.hkey(k)?;
                                self.put_key(&mut d, k, v)?;
                            }
                        }
                    }
                }
                Ok(Value::dict(d))
            }
            ExprKind::FString(parts) => {
                let mut out = String::new();
                self.fstring(f, parts, &mut out)?;
                Ok(Value::string(out))
            }
            ExprKind::Lambda(def) => self.make_function(f, def),
            ExprKind::Comp {
                kind,
                elt,
                generators,
                scope,
            } => self.comprehension(f, *kind, elt, None, generators, scope),
            ExprKind::DictComp {
                key,
                value,
                generators,
                scope,
            } => self.comprehension(f, CompKind::List, key, Some(value), generators, scope),
            ExprKind::Slice { lower, upper, step } => {
                let mut part = |x: &'static Option<Box<Expr>>| -> PyResult<Value> {
                    match x {
                        Some(e) => self.eval(f, e),
                        None => Ok(Value::None),
                    }
                };
                let start = part(lower)?;
                let stop = part(upper)?;
                let step = part(step)?;
                Ok(Value::Slice(Rc::new(crate::value::Slice {
                    start,
                    stop,
                    step,
                })))
            }
            ExprKind::Starred(_) => {
                Err(exc_msg("SyntaxError", "can't use starred expression here"))
            }
            ExprKind::Yield(v) => {
                let v = match v {
                    Some(x) => self.eval(f, x)?,
                    None => Value::None,
                };
                self.yield_value(f, v)
            }
            ExprKind::YieldFrom(v) => {
                let it = self.eval(f, v)?;
                self.yield_from(f, it)
            }
            ExprKind::NamedExpr { target, value } => {
                let v = self.eval(f, value)?;
                self.store_name(f, target, v.clone())?;
                Ok(v)
            }
            ExprKind::Const(c) => Ok(crate::compile::resolve::const_value(c)),
        }
    }

    /// Evaluates `e` for its truth value, as `if`, `while` and `not` see it: an
    /// int comparison gives its answer without building a `bool` object, and each
    /// operand of `and`/`or` is tested once.
    pub fn eval_cond(&mut self, f: &mut Frame, e: &'static Expr) -> PyResult<bool> {
        self.cond(f, e, None)
    }

    /// `eval_cond`; a failing `__bool__` is reported at `outer` (the enclosing
    /// `not`/`and`/`or`), else at the statement.
    fn cond(&mut self, f: &mut Frame, e: &'static Expr, outer: Option<Span>) -> PyResult<bool> {
        match &e.kind {
            ExprKind::Compare { left, ops } => {
                if let [(op, right)] = &ops[..] {
                    if let (Some(x), Some(y)) = (int_expr(f, left), int_expr(f, right)) {
                        if let Some(r) = int_cmp(*op, x, y) {
                            return Ok(r);
                        }
                    }
                }
            }
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return Ok(!self.cond(f, operand, Some(e.span))?),
            ExprKind::BoolOp { op, values } => {
                let last = values.len() - 1;
                for (i, x) in values.iter().enumerate() {
                    if i == last {
                        return self.cond(f, x, outer);
                    }
                    let t = self.cond(f, x, Some(e.span))?;
                    if (*op == BoolOp::And) != t {
                        return Ok(t);
                    }
                }
            }
            _ => {}
        }
        match self.eval(f, e)? {
            Value::Bool(b) => Ok(b),
            other => self.truthy(&other).inspect_err(|x| {
                if let Some(s) = outer {
                    x.note_span(s);
                }
            }),
        }
    }

    /// Evaluates display items, expanding `*iterable`.
    pub fn eval_items(&mut self, f: &mut Frame, items: &'static [Expr]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            if let ExprKind::Starred(inner) = &x.kind {
                let v = self.eval(f, inner)?;
                out.extend(self.collect(&v)?);
            } else {
                out.push(self.eval(f, x)?);
            }
        }
        Ok(out)
    }

    #[inline]
    pub fn load_name(&mut self, f: &mut Frame, n: &Name) -> PyResult<Value> {
        match n.res {
            NameRes::Local(i) => match &f.locals[i as usize] {
                Value::Undef => Err(exc_msg(
                    "UnboundLocalError",
                    format!("cannot access local variable '{}' where it is not associated with a value", n.id),
                )),
                v => Ok(v.clone()),
            },
            NameRes::Global(s) => {
                let g = f.module.globals.borrow();
                match &g[s as usize] {
                    Value::Undef => {
                        drop(g);
                        self.load_builtin(f, n.id)
                    }
                    v => Ok(v.clone()),
                }
            }
            NameRes::Cell(i) => match &f.locals[i as usize] {
                Value::Cell(c) => match &*c.borrow() {
                    Value::Undef => Err(exc_msg(
                        "UnboundLocalError",
                        format!("cannot access local variable '{}' where it is not associated with a value", n.id),
                    )),
                    v => Ok(v.clone()),
                },
                _ => Err(runtime_error("cell slot without a cell")),
            },
            NameRes::Free(i) => match &*f.closure[i as usize].borrow() {
                Value::Undef => Err(name_error(format!(
                    "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                    n.id
                ))),
                v => Ok(v.clone()),
            },
            NameRes::ClassBody(s) => {
                if let Some(ns) = &f.class_ns {
                    if let Some(v) = ns.borrow().get(&n.id) {
                        return Ok(v.clone());
                    }
                }
                let g = f.module.globals.borrow();
                match &g[s as usize] {
                    Value::Undef => {
                        drop(g);
                        self.load_builtin(f, n.id)
                    }
                    v => Ok(v.clone()),
                }
            }
            NameRes::Unresolved => {
                if let Some(v) = f.module.get(n.id) {
                    return Ok(v);
                }
                self.load_builtin(f, n.id)
            }
        }
    }

    fn load_builtin(&mut self, f: &Frame, id: Symbol) -> PyResult<Value> {
        match self.builtin(id) {
            Some(v) => Ok(v.clone()),
            None => {
                let e = name_error(format!("name '{}' is not defined", id));
                Err(self.suggest_name(e, f, id))
            }
        }
    }

    pub fn store_name(&mut self, f: &mut Frame, n: &Name, v: Value) -> PyResult<()> {
        match n.res {
            NameRes::Local(i) => f.locals[i as usize] = v,
            NameRes::Global(s) => f.module.globals.borrow_mut()[s as usize] = v,
            NameRes::Cell(i) => match &f.locals[i as usize] {
                Value::Cell(c) => *c.borrow_mut() = v,
                _ => return Err(runtime_error("cell slot without a cell")),
            },
            NameRes::Free(i) => *f.closure[i as usize].borrow_mut() = v,
            NameRes::ClassBody(_) => match &f.class_ns {
                Some(ns) => {
                    ns.borrow_mut().insert(n.id, v);
                }
                None => return Err(runtime_error("class body name outside a class body")),
            },
            NameRes::Unresolved => f.module.set(n.id, v),
        }
        Ok(())
    }

    pub fn delete_name(&mut self, f: &mut Frame, n: &Name) -> PyResult<()> {
        let unbound = || name_error(format!("name '{}' is not defined", n.id));
        let old = match n.res {
            NameRes::Local(i) => std::mem::replace(&mut f.locals[i as usize], Value::Undef),
            NameRes::Global(s) => {
                std::mem::replace(&mut f.module.globals.borrow_mut()[s as usize], Value::Undef)
            }
            NameRes::Cell(i) => match &f.locals[i as usize] {
                Value::Cell(c) => std::mem::replace(&mut *c.borrow_mut(), Value::Undef),
                _ => Value::Undef,
            },
            NameRes::Free(i) => {
                std::mem::replace(&mut *f.closure[i as usize].borrow_mut(), Value::Undef)
            }
            NameRes::ClassBody(_) => match &f.class_ns {
                Some(ns) => ns.borrow_mut().shift_remove(&n.id).unwrap_or(Value::Undef),
                None => Value::Undef,
            },
            NameRes::Unresolved => Value::Undef,
        };
        if let Value::Undef = old {
            return Err(unbound());
        }
        Ok(())
    }

    /// Assigns to a target expression (name, attribute, subscript, unpacking).
    pub fn assign(&mut self, f: &mut Frame, target: &'static Expr, v: Value) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => self.store_name(f, n, v),
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(f, value)?;
                self.setattr(&obj, *attr, v)
            }
            ExprKind::Subscript { value, index } => {
                let obj = self.eval(f, value)?;
                let i = self.eval(f, index)?;
                self.setitem(&obj, i, v)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => self.unpack_assign(f, items, v),
            ExprKind::Starred(_) => Err(exc_msg(
                "SyntaxError",
                "starred assignment target must be in a list or tuple",
            )),
            _ => Err(exc_msg("SyntaxError", "cannot assign to expression")),
        }
    }

    fn unpack_assign(&mut self, f: &mut Frame, targets: &'static [Expr], v: Value) -> PyResult<()> {
        let star = targets
            .iter()
            .position(|t| matches!(t.kind, ExprKind::Starred(_)));
        let values: Vec<Value> = match &v {
            Value::Tuple(t) => (**t).clone(),
            Value::List(l) => l.borrow().clone(),
            _ => self.collect(&v).map_err(|e| {
                if e.is("TypeError") {
                    type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.type_name(&v)
                    ))
                } else {
                    e
                }
            })?,
        };
        match star {
            None => {
                if values.len() != targets.len() {
                    return Err(if values.len() > targets.len() {
                        value_error(format!(
                            "too many values to unpack (expected {})",
                            targets.len()
                        ))
                    } else {
                        value_error(format!(
                            "not enough values to unpack (expected {}, got {})",
                            targets.len(),
                            values.len()
                        ))
                    });
                }
                for (t, x) in targets.iter().zip(values) {
                    self.assign(f, t, x)?;
                }
            }
            Some(si) => {
                let after = targets.len() - si - 1;
                if values.len() < targets.len() - 1 {
                    return Err(value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        targets.len() - 1,
                        values.len()
                    )));
                }
                let mut values = values;
                let tail = values.split_off(values.len() - after);
                let middle = values.split_off(si);
                for (t, x) in targets[..si].iter().zip(values) {
                    self.assign(f, t, x)?;
                }
                if let ExprKind::Starred(inner) = &targets[si].kind {
                    self.assign(f, inner, Value::list(middle))?;
                }
                for (t, x) in targets[si + 1..].iter().zip(tail) {
                    self.assign(f, t, x)?;
                }
            }
        }
        Ok(())
    }

    pub fn unary(&mut self, op: UnaryOp, v: &Value) -> PyResult<Value> {
        match (op, v) {
            (UnaryOp::Not, _) => Ok(Value::Bool(!self.truthy(v)?)),
            (UnaryOp::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
                Some(r) => Value::Int(r),
                None => Value::from_bigint(-num_bigint::BigInt::from(*i)),
            }),
            (UnaryOp::Neg, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
            (UnaryOp::Neg, Value::Float(x)) => Ok(Value::Float(-x)),
            (UnaryOp::Neg, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone())),
            (UnaryOp::Pos, Value::Int(_) | Value::Float(_) | Value::BigInt(_)) => Ok(v.clone()),
            (UnaryOp::Pos, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
            (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
            (UnaryOp::Invert, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone() - 1)),
            _ => {
                let (name, sym) = match op {
                    UnaryOp::Neg => ("-", self.sym.neg),
                    UnaryOp::Pos => ("+", self.sym.pos),
                    _ => ("~", self.sym.invert),
                };
                if let Some(m) = self.user_method(v, sym) {
                    return self.call(&m, vec![v.clone()], vec![]);
                }
                Err(type_error(format!(
                    "bad operand type for unary {}: '{}'",
                    name,
                    self.type_name(v)
                )))
            }
        }
    }

    fn eval_call(
        &mut self,
        f: &mut Frame,
        func: &'static Expr,
        args: &'static [Arg],
    ) -> PyResult<Value> {
        // `obj.method(...)`: look the method up without building a bound method.
        if let ExprKind::Attribute { value, attr } = &func.kind {
            let obj = self.eval(f, value)?;
            let (callee, receiver) = self.method_for_call(&obj, *attr)?;
            let mut pos: Vec<Value> = Vec::with_capacity(frame_capacity(&callee, args.len() + 1));
            if let Some(r) = receiver {
                pos.push(r);
            }
            let kw = self.eval_args(f, args, &mut pos, &callee)?;
            return self.call(&callee, pos, kw);
        }
        if let ExprKind::Name(n) = &func.kind {
            if args.is_empty() && matches!(n.res, NameRes::Global(_)) {
                if let Some(v) = self.frame_builtin_call(f, n)? {
                    return Ok(v);
                }
            }
        }
        let callee = self.eval(f, func)?;
        let cap = match &callee {
            // Room for the instance and `__init__`'s locals: run_init reuses the vector.
            Value::Class(c) if !c.builtin => c.peek(self.sym.init, |init| match init {
                Some(init) => frame_capacity(init, args.len() + 1),
                None => args.len(),
            }),
            _ => frame_capacity(&callee, args.len()),
        };
        let mut pos: Vec<Value> = Vec::with_capacity(cap);
        let kw = self.eval_args(f, args, &mut pos, &callee)?;
        self.call(&callee, pos, kw)
    }

    /// `super()`, `globals()` and `locals()` read the calling frame, so they are
    /// handled here while the builtin of that name is not shadowed.
    #[inline(never)]
    fn frame_builtin_call(&mut self, f: &mut Frame, n: &Name) -> PyResult<Option<Value>> {
        if n.id == self.sym.super_ {
            return self.zero_arg_super(f);
        }
        let is_globals = n.id == self.sym.globals;
        if !is_globals && n.id != self.sym.locals {
            return Ok(None);
        }
        // Only when the name still means the builtin.
        if f.module.get(n.id).is_some() {
            return Ok(None);
        }
        let mut d = Dict::new();
        if is_globals || (f.code.is_none() && f.class_ns.is_none()) {
            for (k, v) in f.module.items() {
                let key = self.hkey(Value::str(k.as_str()))?;
                d.insert(key, v);
            }
        } else if let Some(ns) = &f.class_ns {
            let items: Vec<(Symbol, Value)> =
                ns.borrow().iter().map(|(k, v)| (*k, v.clone())).collect();
            for (k, v) in items {
                let key = self.hkey(Value::str(k.as_str()))?;
                d.insert(key, v);
            }
        } else if let Some(def) = f.code {
            for (i, name) in def.scope.local_names.iter().enumerate() {
                let v = match f.locals.get(i) {
                    Some(Value::Cell(c)) => c.borrow().clone(),
                    Some(v) => v.clone(),
                    None => continue,
                };
                if matches!(v, Value::Undef) {
                    continue;
                }
                let key = self.hkey(Value::str(name.as_str()))?;
                d.insert(key, v);
            }
        }
        Ok(Some(Value::dict(d)))
    }

    /// Evaluates call arguments into positional values and keywords.
    fn eval_args(
        &mut self,
        f: &mut Frame,
        args: &'static [Arg],
        pos: &mut Vec<Value>,
        callee: &Value,
    ) -> PyResult<Vec<(Symbol, Value)>> {
        let mut kw = Vec::new();
        for a in args {
            match a {
                Arg::Pos(e) => pos.push(self.eval(f, e)?),
                Arg::Star(e) => {
                    let v = self.eval(f, e)?;
                    let items = self.collect(&v).map_err(|err| {
                        if err.is("TypeError") {
                            type_error(format!(
                                "{} argument after * must be an iterable, not {}",
                                self.function_str(callee),
                                self.type_name(&v)
                            ))
                        } else {
                            err
                        }
                    })?;
                    pos.extend(items);
                }
                Arg::Keyword(name, e) => {
                    let v = self.eval(f, e)?;
                    kw.push((*name, v));
                }
                Arg::DoubleStar(e) => {
                    let m = self.eval(f, e)?;
                    let items = match self.mapping_items(&m) {
                        Ok(items) => items,
                        Err(err) if err.is("TypeError") => {
                            return Err(type_error(format!(
                                "{} argument after ** must be a mapping, not {}",
                                self.function_str(callee),
                                self.type_name(&m)
                            )))
                        }
                        Err(err) => return Err(err),
                    };
                    for (k, v) in items {
                        match k {
                            Value::Str(s) => {
                                let sym = crate::intern::intern(s.as_str());
                                if kw.iter().any(|(n, _)| *n == sym) {
                                    return Err(type_error(format!(
                                        "{} got multiple values for keyword argument '{}'",
                                        self.function_str(callee),
                                        s.as_str()
                                    )));
                                }
                                kw.push((sym, v));
                            }
                            _ => return Err(type_error("keywords must be strings")),
                        }
                    }
                }
            }
        }
        Ok(kw)
    }

    /// How CPython names a callee in argument errors: `__main__.f()`, `print()`.
    #[cold]
    pub fn function_str(&mut self, callee: &Value) -> String {
        let qualify = |module: &str, qual: &str| {
            if module == "builtins" {
                format!("{qual}()")
            } else {
                format!("{module}.{qual}()")
            }
        };
        match callee {
            Value::Function(func) => qualify(&func.module.name, &func.qualname.borrow()),
            Value::BoundMethod(m) => {
                let inner = m.func.clone();
                self.function_str(&inner)
            }
            Value::Class(c) => qualify(&c.module, &c.qualname),
            Value::Native(n) => format!("{}()", n.name),
            other => format!("{} object", self.type_name(other)),
        }
    }

    /// Items of a mapping for `**m` and dict displays.
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        match m {
            Value::Dict(d) => Ok(d
                .borrow()
                .items()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()),
            _ => {
                let keys = self
                    .getattr(m, crate::intern::intern("keys"))
                    .map_err(|_| {
                        type_error(format!("'{}' object is not a mapping", self.type_name(m)))
                    })?;
                let keys = self.call(&keys, vec![], vec![])?;
                let mut out = Vec::new();
                for k in self.collect(&keys)? {
                    let v = self.getitem(m, &k)?;
                    out.push((k, v));
                }
                Ok(out)
            }
        }
    }

    fn fstring(
        &mut self,
        f: &mut Frame,
        parts: &'static [FPart],
        out: &mut String,
    ) -> PyResult<()> {
        for p in parts {
            match p {
                FPart::Literal(s) => out.push_str(s),
                FPart::Field {
                    value,
                    debug_text,
                    conversion,
                    spec,
                } => {
                    let v = self.eval(f, value)?;
                    if let Some(t) = debug_text {
                        out.push_str(t);
                    }
                    let conv = if debug_text.is_some()
                        && *conversion == Conversion::None
                        && spec.is_none()
                    {
                        Conversion::Repr
                    } else {
                        *conversion
                    };
                    let v = match conv {
                        Conversion::None => v,
                        Conversion::Str => Value::string(self.str(&v)?),
                        Conversion::Repr => Value::string(self.repr(&v)?),
                        Conversion::Ascii => {
                            Value::string(crate::interp::repr::ascii_escape(&self.repr(&v)?))
                        }
                    };
                    let spec_text = match spec {
                        Some(sp) => {
                            let mut s = String::new();
                            self.fstring(f, sp, &mut s)?;
                            s
                        }
                        None => String::new(),
                    };
                    if spec_text.is_empty() {
                        match &v {
                            Value::Str(s) => out.push_str(s.as_str()),
                            Value::Int(i) => {
                                use std::fmt::Write;
                                let _ = write!(out, "{}", i);
                            }
                            _ => out.push_str(&self.format(&v, "")?),
                        }
                    } else {
                        out.push_str(&self.format(&v, &spec_text)?);
                    }
                }
            }
        }
        Ok(())
    }

    /// Runs a comprehension in its own scope; slot 0 holds the first iterator.
    fn comprehension(
        &mut self,
        f: &mut Frame,
        kind: CompKind,
        elt: &'static Expr,
        value: Option<&'static Expr>,
        generators: &'static [Comprehension],
        scope: &'static Scope,
    ) -> PyResult<Value> {
        let first = self.eval(f, &generators[0].iter)?;
        let first_iter = self.iter(&first)?;
        let closure = self.capture(f, &scope.freevars)?;
        let mut frame = Frame {
            locals: vec![Value::Undef; scope.nlocals.max(1) as usize],
            closure,
            module: f.module.clone(),
            class_ns: None,
            name: match kind {
                CompKind::Generator => "<genexpr>".into(),
                CompKind::List if value.is_some() => "<dictcomp>".into(),
                CompKind::List => "<listcomp>".into(),
                CompKind::Set => "<setcomp>".into(),
            },
            cur: f.cur,
            gen: None,
            code: None,
        };
        frame.locals[0] = first_iter;
        for &c in &scope.cells {
            let old = std::mem::replace(&mut frame.locals[c as usize], Value::Undef);
            frame.locals[c as usize] = Value::Cell(Rc::new(RefCell::new(old)));
        }
        if kind == CompKind::Generator {
            return self.make_generator(frame, super::gen::GenBody::Comp { elt, generators });
        }
        let mut acc = match (kind, value) {
            (_, Some(_)) => CompAcc::Dict(Dict::new()),
            (CompKind::Set, _) => CompAcc::Set(PySet::new()),
            _ => CompAcc::List(Vec::new()),
        };
        self.comp_loop(&mut frame, generators, 0, &mut |interp, fr| {
            match &mut acc {
                CompAcc::List(v) => v.push(interp.eval(fr, elt)?),
                CompAcc::Set(s) => {
                    let x = interp.eval(fr, elt)?;
                    let k = interp.hkey(x)?;
                    interp.add_key(s, k)?;
                }
                CompAcc::Dict(d) => {
                    let k = interp.eval(fr, elt)?;
                    let v = interp.eval(fr, value.expect("dict comprehension has a value"))?;
                    let k = interp.hkey(k)?;
                    interp.put_key(d, k, v)?;
                }
            }
            Ok(())
        })?;
        Ok(match acc {
            CompAcc::List(v) => Value::list(v),
            CompAcc::Set(s) => Value::Set(Rc::new(RefCell::new(s))),
            CompAcc::Dict(d) => Value::dict(d),
        })
    }

    /// The nested loops of a comprehension; `body` runs for each innermost item.
    pub fn comp_loop(
        &mut self,
        f: &mut Frame,
        generators: &'static [Comprehension],
        level: usize,
        body: &mut dyn FnMut(&mut Interp, &mut Frame) -> PyResult<()>,
    ) -> PyResult<()> {
        let g = &generators[level];
        let it = if level == 0 {
            f.locals[0].clone()
        } else {
            let v = self.eval(f, &g.iter)?;
            self.iter(&v)?
        };
        'items: while let Some(x) = self.next(&it)? {
            // A comprehension runs no statements: Ctrl-C and handlers are checked here.
            self.check_signals()?;
            self.assign(f, &g.target, x)?;
            for c in &g.ifs {
                let t = self.eval(f, c)?;
                if !self.truthy(&t)? {
                    continue 'items;
                }
            }
            if level + 1 == generators.len() {
                body(self, f)?;
            } else {
                self.comp_loop(f, generators, level + 1, body)?;
            }
        }
        Ok(())
    }

    /// The cells an inner scope captures, taken from the current frame.
    pub fn capture(
        &mut self,
        f: &Frame,
        freevars: &[NameRes],
    ) -> PyResult<Rc<[crate::value::func::CellRef]>> {
        let mut cells = Vec::with_capacity(freevars.len());
        for r in freevars {
            cells.push(match r {
                NameRes::Cell(i) => match &f.locals[*i as usize] {
                    Value::Cell(c) => c.clone(),
                    _ => return Err(runtime_error("captured slot without a cell")),
                },
                NameRes::Free(i) => f.closure[*i as usize].clone(),
                _ => Rc::new(RefCell::new(Value::Undef)),
            });
        }
        Ok(cells.into())
    }
}

/// Room for `nargs` arguments; for a user function, room for all its locals, since
/// the argument vector becomes the callee's frame.
#[inline(always)]
pub fn frame_capacity(callee: &Value, nargs: usize) -> usize {
    match callee {
        Value::Function(func) => nargs.max(func.def.scope.nlocals as usize),
        _ => nargs,
    }
}

enum CompAcc {
    List(Vec<Value>),
    Set(PySet),
    Dict(Dict),
}

/// A literal, or a sign applied to a numeric literal: what CPython folds to a constant.
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Literal(_) => true,
        ExprKind::UnaryOp {
            op: UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert,
            operand,
        } => matches!(
            &operand.kind,
            ExprKind::Literal(Value::Int(_) | Value::Float(_) | Value::BigInt(_))
        ),
        _ => false,
    }
}
