// Scope resolution: decides for every name whether it is a local slot, a cell, a free
// variable or a module global, and writes that into the AST before anything runs.
//
// Pass 1 walks the tree and records, per scope, what is bound, used and declared.
// Then free variables are computed bottom-up (as CPython's symtable does), and pass 2
// walks the tree again in the same order, numbering slots and filling in `NameRes`.

use crate::intern::{intern, Symbol};
use crate::syntax::ast::*;
use crate::value::{ModuleObj, Value};
use num_bigint::BigInt;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

#[derive(Debug, Clone)]
pub struct ResolveError {
    pub message: String,
    pub span: Span,
}

fn err<T>(message: impl Into<String>, span: Span) -> Result<T, ResolveError> {
    Err(ResolveError {
        message: message.into(),
        span,
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Module,
    Function,
    Class,
    Comp,
}

struct ScopeNode {
    kind: Kind,
    /// Bound names in order of first binding (parameters first).
    bound: Vec<Symbol>,
    bound_set: HashSet<Symbol>,
    nparams: usize,
    globals: HashSet<Symbol>,
    nonlocals: Vec<(Symbol, Span)>,
    used: Vec<Symbol>,
    used_set: HashSet<Symbol>,
    children: Vec<ScopeNode>,
    uses_class: bool,
    has_yield: bool,
    // Results of `analyze`.
    free: Vec<Symbol>,
    cells: HashSet<Symbol>,
    locals: HashSet<Symbol>,
    class_cell: bool,
}

impl ScopeNode {
    fn new(kind: Kind) -> ScopeNode {
        ScopeNode {
            kind,
            bound: Vec::new(),
            bound_set: HashSet::new(),
            nparams: 0,
            globals: HashSet::new(),
            nonlocals: Vec::new(),
            used: Vec::new(),
            used_set: HashSet::new(),
            children: Vec::new(),
            uses_class: false,
            has_yield: false,
            free: Vec::new(),
            cells: HashSet::new(),
            locals: HashSet::new(),
            class_cell: false,
        }
    }
    fn bind(&mut self, s: Symbol) {
        if self.bound_set.insert(s) {
            self.bound.push(s);
        }
    }
    fn use_(&mut self, s: Symbol) {
        if self.used_set.insert(s) {
            self.used.push(s);
        }
    }
}

// ---------------------------------------------------------------- pass 1: collect

struct Collector {
    stack: Vec<ScopeNode>,
    loops: Vec<u32>,
    sym_super: Symbol,
    sym_class: Symbol,
}

impl Collector {
    fn top(&mut self) -> &mut ScopeNode {
        self.stack.last_mut().expect("scope stack is never empty")
    }
    fn bind(&mut self, s: Symbol) {
        self.top().bind(s)
    }

    fn push(&mut self, kind: Kind) {
        self.stack.push(ScopeNode::new(kind));
        self.loops.push(0);
    }
    fn pop(&mut self) {
        let n = self.stack.pop().expect("scope stack is never empty");
        self.loops.pop();
        self.top().children.push(n);
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), ResolveError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn in_function(&self) -> bool {
        matches!(self.stack.last().map(|s| s.kind), Some(Kind::Function))
    }

    fn function(&mut self, f: &FunctionDef, is_lambda: bool) -> Result<(), ResolveError> {
        let params: Vec<&Param> = all_params(&f.params).collect();
        for (i, p) in params.iter().enumerate() {
            if params[..i].iter().any(|q| q.name.id == p.name.id) {
                return err(
                    format!("duplicate argument '{}' in function definition", p.name.id),
                    p.name.span,
                );
            }
        }
        // Defaults, annotations and decorators belong to the defining scope.
        for d in &f.decorators {
            self.expr(d)?;
        }
        for p in all_params(&f.params) {
            if let Some(d) = &p.default {
                self.expr(d)?;
            }
            if let Some(a) = &p.annotation {
                self.expr(a)?;
            }
        }
        if let Some(r) = &f.returns {
            self.expr(r)?;
        }
        if !is_lambda {
            self.bind(f.name);
        }
        self.push(Kind::Function);
        for p in all_params(&f.params) {
            self.bind(p.name.id);
        }
        let n = self.top().bound.len();
        self.top().nparams = n;
        self.stmts(&f.body)?;
        self.pop();
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), ResolveError> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.top().use_(n.id);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.expr(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                    self.target(target)?;
                } else if let ExprKind::Name(n) = &target.kind {
                    // `x: int` alone makes x local without binding it.
                    if self.top().kind != Kind::Module {
                        self.bind(n.id);
                    }
                } else {
                    self.target(target)?;
                }
            }
            StmtKind::FunctionDef(f) => self.function(f, false)?,
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                for a in &c.bases {
                    self.arg(a)?;
                }
                self.bind(c.name);
                self.push(Kind::Class);
                self.stmts(&c.body)?;
                self.pop();
            }
            StmtKind::Return(v) => {
                if !self.in_function() {
                    return err("'return' outside function", s.span);
                }
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t)?;
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break => {
                if *self.loops.last().unwrap_or(&0) == 0 {
                    return err("'break' outside loop", s.span);
                }
            }
            StmtKind::Continue => {
                if *self.loops.last().unwrap_or(&0) == 0 {
                    return err("'continue' not properly in loop", s.span);
                }
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.loop_body(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.loop_body(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n.id);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.expr(&it.context)?;
                    if let Some(t) = &it.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Global(names) => {
                for n in names {
                    let top = self.top();
                    if top.kind == Kind::Function && top.bound[..top.nparams].contains(&n.id) {
                        return err(format!("name '{}' is parameter and global", n.id), n.span);
                    }
                    top.globals.insert(n.id);
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.top().kind == Kind::Module {
                    return err("nonlocal declaration not allowed at module level", s.span);
                }
                for n in names {
                    self.top().nonlocals.push((n.id, n.span));
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    match &a.asname {
                        Some(n) => self.bind(n.id),
                        None => self.bind(a.bound.id),
                    }
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                if names.is_empty() && self.top().kind != Kind::Module {
                    return err("import * only allowed at module level", s.span);
                }
                for a in names {
                    match &a.asname {
                        Some(n) => self.bind(n.id),
                        None => self.bind(a.bound.id),
                    }
                }
            }
        }
        Ok(())
    }

    fn loop_body(&mut self, body: &[Stmt]) -> Result<(), ResolveError> {
        *self.loops.last_mut().expect("loop stack") += 1;
        let r = self.stmts(body);
        *self.loops.last_mut().expect("loop stack") -= 1;
        r
    }

    fn target(&mut self, t: &Expr) -> Result<(), ResolveError> {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n.id),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
            }
            ExprKind::Starred(e) => self.target(e)?,
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            _ => self.expr(t)?,
        }
        Ok(())
    }

    fn arg(&mut self, a: &Arg) -> Result<(), ResolveError> {
        match a {
            Arg::Pos(e) | Arg::Star(e) | Arg::Keyword(_, e) | Arg::DoubleStar(e) => self.expr(e),
        }
    }

    fn comp(&mut self, generators: &[Comprehension], elts: &[&Expr]) -> Result<(), ResolveError> {
        self.expr(&generators[0].iter)?;
        self.push(Kind::Comp);
        self.bind(intern(".0"));
        self.top().nparams = 1;
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.pop();
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), ResolveError> {
        match &e.kind {
            ExprKind::Name(n) => {
                if n.id == self.sym_super || n.id == self.sym_class {
                    self.top().uses_class = true;
                }
                self.top().use_(n.id)
            }
            ExprKind::Const(_) | ExprKind::Literal(_) => {}
            ExprKind::FString(parts) => self.fparts(parts)?,
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::Call { func, args } => {
                self.expr(func)?;
                for a in args {
                    self.arg(a)?;
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::Compare { left, ops } => {
                self.expr(left)?;
                for (_, c) in ops {
                    self.expr(c)?;
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Lambda(f) => {
                self.function(f, true)?;
            }
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i)?;
                }
            }
            ExprKind::Dict(items) => {
                for it in items {
                    match it {
                        DictItem::Pair(k, v) => {
                            self.expr(k)?;
                            self.expr(v)?;
                        }
                        DictItem::Unpack(m) => self.expr(m)?,
                    }
                }
            }
            ExprKind::Starred(x) => self.expr(x)?,
            ExprKind::Comp {
                elt, generators, ..
            } => self.comp(generators, &[elt])?,
            ExprKind::DictComp {
                key,
                value,
                generators,
                ..
            } => self.comp(generators, &[key, value])?,
            ExprKind::Yield(v) => {
                if !matches!(self.top().kind, Kind::Function) {
                    return err("'yield' outside function", e.span);
                }
                self.top().has_yield = true;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                if !matches!(self.top().kind, Kind::Function) {
                    return err("'yield' outside function", e.span);
                }
                self.top().has_yield = true;
                self.expr(v)?;
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                // Binds in the nearest scope that is not a comprehension.
                let depth = self
                    .stack
                    .iter()
                    .rposition(|s| s.kind != Kind::Comp)
                    .unwrap_or(0);
                let owner_kind = self.stack[depth].kind;
                self.stack[depth].bind(target.id);
                for s in &mut self.stack[depth + 1..] {
                    if owner_kind == Kind::Module {
                        s.globals.insert(target.id);
                    } else {
                        s.nonlocals.push((target.id, target.span));
                    }
                }
            }
        }
        Ok(())
    }

    fn fparts(&mut self, parts: &[FPart]) -> Result<(), ResolveError> {
        for p in parts {
            if let FPart::Field { value, spec, .. } = p {
                self.expr(value)?;
                if let Some(s) = spec {
                    self.fparts(s)?;
                }
            }
        }
        Ok(())
    }
}

fn all_params(p: &Params) -> impl Iterator<Item = &Param> {
    p.posonly
        .iter()
        .chain(p.args.iter())
        .chain(p.kwonly.iter())
        .chain(p.vararg.iter())
        .chain(p.kwarg.iter())
}

fn all_params_mut(p: &mut Params) -> impl Iterator<Item = &mut Param> {
    p.posonly
        .iter_mut()
        .chain(p.args.iter_mut())
        .chain(p.kwonly.iter_mut())
        .chain(p.vararg.iter_mut())
        .chain(p.kwarg.iter_mut())
}

// ---------------------------------------------------------------- analysis

/// Computes locals, cells and free variables; returns the names this scope needs
/// from enclosing function scopes.
fn analyze(
    node: &mut ScopeNode,
    enclosing: &HashSet<Symbol>,
    sym_class: Symbol,
) -> Result<Vec<Symbol>, ResolveError> {
    match node.kind {
        Kind::Module => {
            for c in &mut node.children {
                analyze(c, &HashSet::new(), sym_class)?;
            }
            Ok(Vec::new())
        }
        Kind::Function | Kind::Comp => {
            let nonlocal: HashSet<Symbol> = node.nonlocals.iter().map(|(s, _)| *s).collect();
            for (s, span) in &node.nonlocals {
                if !enclosing.contains(s) {
                    return err(format!("no binding for nonlocal '{}' found", s), *span);
                }
            }
            node.locals = node
                .bound
                .iter()
                .filter(|s| !node.globals.contains(s) && !nonlocal.contains(s))
                .copied()
                .collect();
            let mut visible = enclosing.clone();
            visible.extend(node.locals.iter().copied());
            let mut child_free: Vec<Symbol> = Vec::new();
            for c in &mut node.children {
                for s in analyze(c, &visible, sym_class)? {
                    if !child_free.contains(&s) {
                        child_free.push(s);
                    }
                }
            }
            let mut needed: Vec<Symbol> = Vec::new();
            let add = |s: Symbol, needed: &mut Vec<Symbol>| {
                if !needed.contains(&s) {
                    needed.push(s);
                }
            };
            for s in node.used.iter().chain(child_free.iter()) {
                add(*s, &mut needed);
            }
            for (s, _) in &node.nonlocals {
                add(*s, &mut needed);
            }
            if node.uses_class && node.kind == Kind::Function {
                add(sym_class, &mut needed);
            }
            node.free = needed
                .into_iter()
                .filter(|s| {
                    !node.locals.contains(s) && !node.globals.contains(s) && enclosing.contains(s)
                })
                .collect();
            node.cells = node
                .locals
                .iter()
                .filter(|s| child_free.contains(s))
                .copied()
                .collect();
            Ok(node.free.clone())
        }
        Kind::Class => {
            let mut visible = enclosing.clone();
            visible.insert(sym_class);
            let mut child_free: Vec<Symbol> = Vec::new();
            for c in &mut node.children {
                for s in analyze(c, &visible, sym_class)? {
                    if !child_free.contains(&s) {
                        child_free.push(s);
                    }
                }
            }
            node.class_cell = child_free.contains(&sym_class);
            let class_locals: HashSet<Symbol> = node.bound.iter().copied().collect();
            let mut needed: Vec<Symbol> = Vec::new();
            for s in node
                .used
                .iter()
                .filter(|s| !class_locals.contains(s))
                .chain(child_free.iter())
            {
                if *s != sym_class && !needed.contains(s) {
                    needed.push(*s);
                }
            }
            for (s, _) in &node.nonlocals {
                if !needed.contains(s) {
                    needed.push(*s);
                }
            }
            node.free = needed
                .into_iter()
                .filter(|s| !node.globals.contains(s) && enclosing.contains(s))
                .collect();
            Ok(node.free.clone())
        }
    }
}

// ---------------------------------------------------------------- pass 2: apply

struct Applier<'m> {
    module: &'m ModuleObj,
    /// Per open scope: the name map and the scope node.
    maps: Vec<HashMap<Symbol, NameRes>>,
    /// Per open scope: how the scopes nested in it find its names. A class body's
    /// own names are not visible to its methods: a name both bound in the body and
    /// used by a method is, for the method, the enclosing function's.
    inner_maps: Vec<HashMap<Symbol, NameRes>>,
    qual: Vec<String>,
}

/// The name map of `node`'s own code, the map the scopes nested in it see, and its
/// scope; `parent` is what the enclosing scope shows its nested scopes.
fn scope_map(
    node: &ScopeNode,
    parent: Option<&HashMap<Symbol, NameRes>>,
    module: &ModuleObj,
) -> (HashMap<Symbol, NameRes>, HashMap<Symbol, NameRes>, Scope) {
    let mut map = HashMap::new();
    let mut scope = Scope::default();
    match node.kind {
        Kind::Module => {}
        Kind::Function | Kind::Comp => {
            let mut slot = 0u32;
            for s in &node.bound {
                if node.locals.contains(s) {
                    let res = if node.cells.contains(s) {
                        scope.cells.push(slot);
                        NameRes::Cell(slot)
                    } else {
                        NameRes::Local(slot)
                    };
                    map.insert(*s, res);
                    scope.local_names.push(*s);
                    slot += 1;
                }
            }
            scope.nlocals = slot;
        }
        Kind::Class => {
            if node.class_cell {
                scope.nlocals = 1;
                scope.cells.push(0);
                scope.class_cell = Some(0);
                scope.local_names.push(intern("__class__"));
                map.insert(intern("__class__"), NameRes::Cell(0));
            }
            for s in &node.bound {
                if !node.globals.contains(s) {
                    map.insert(*s, NameRes::ClassBody(module.slot(*s)));
                }
            }
            // The body's namespace starts with these two: they are read from it.
            for s in [intern("__module__"), intern("__qualname__")] {
                map.entry(s)
                    .or_insert_with(|| NameRes::ClassBody(module.slot(s)));
            }
        }
    }
    for (i, s) in node.free.iter().enumerate() {
        map.insert(*s, NameRes::Free(i as u32));
        let outer = parent
            .and_then(|p| p.get(s))
            .copied()
            .unwrap_or(NameRes::Unresolved);
        scope.freevars.push(outer);
        if *s == intern("__class__") && node.kind == Kind::Function {
            scope.class_cell = Some(i as u32);
        }
    }
    for s in &node.globals {
        map.insert(*s, NameRes::Global(module.slot(*s)));
    }
    scope.is_generator = node.has_yield;
    let inner = map.clone();
    if node.kind == Kind::Class {
        // The body's own code reads and writes its namespace for the names it binds,
        // even those its methods take from the enclosing function.
        for s in &node.bound {
            let nonlocal = node.nonlocals.iter().any(|(n, _)| n == s);
            if !node.globals.contains(s) && !nonlocal {
                map.insert(*s, NameRes::ClassBody(module.slot(*s)));
            }
        }
    }
    (map, inner, scope)
}

impl Applier<'_> {
    fn lookup(&self, s: Symbol) -> NameRes {
        match self.maps.last().and_then(|m| m.get(&s)) {
            Some(r) => *r,
            None => NameRes::Global(self.module.slot(s)),
        }
    }
    fn name(&self, n: &mut Name) {
        n.res = self.lookup(n.id);
    }

    fn enter(&mut self, node: &ScopeNode) -> Scope {
        let (map, inner, scope) = scope_map(node, self.inner_maps.last(), self.module);
        self.maps.push(map);
        self.inner_maps.push(inner);
        scope
    }
    fn leave(&mut self) {
        self.maps.pop();
        self.inner_maps.pop();
    }

    fn qualname(&self, name: &str) -> Rc<str> {
        let mut q = String::new();
        for p in &self.qual {
            q.push_str(p);
            q.push('.');
        }
        q.push_str(name);
        q.into()
    }

    fn stmts(&mut self, node: &ScopeNode, ci: &mut usize, body: &mut [Stmt]) {
        for s in body {
            self.stmt(node, ci, s);
        }
    }

    fn function(&mut self, node: &ScopeNode, ci: &mut usize, f: &mut FunctionDef) {
        for d in &mut f.decorators {
            self.expr(node, ci, d);
        }
        for p in all_params_mut(&mut f.params) {
            if let Some(d) = &mut p.default {
                self.expr(node, ci, d);
            }
            if let Some(a) = &mut p.annotation {
                self.expr(node, ci, a);
            }
        }
        if let Some(r) = &mut f.returns {
            self.expr(node, ci, r);
        }
        let child = &node.children[*ci];
        *ci += 1;
        f.qualname = self.qualname(f.name.as_str());
        let scope = self.enter(child);
        for p in all_params_mut(&mut f.params) {
            self.name(&mut p.name);
        }
        self.qual.push(format!("{}.<locals>", f.name));
        let mut cci = 0;
        self.stmts(child, &mut cci, &mut f.body);
        self.qual.pop();
        self.leave();
        f.scope = scope;
        // Its address is fixed from here on: other processes may name it.
        crate::mp::codec::register_def(f as *const FunctionDef, f.span);
    }

    fn stmt(&mut self, node: &ScopeNode, ci: &mut usize, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Expr(e) => self.expr(node, ci, e),
            StmtKind::Assign { targets, value } => {
                self.expr(node, ci, value);
                for t in targets {
                    self.expr(node, ci, t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(node, ci, value);
                self.expr(node, ci, target);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.expr(node, ci, annotation);
                if let Some(v) = value {
                    self.expr(node, ci, v);
                }
                self.expr(node, ci, target);
            }
            StmtKind::FunctionDef(f) => {
                let f = Rc::get_mut(f).expect("a fresh AST is not shared");
                self.function(node, ci, f);
                f.binding = self.lookup(f.name);
            }
            StmtKind::ClassDef(c) => {
                let c = Rc::get_mut(c).expect("a fresh AST is not shared");
                for d in &mut c.decorators {
                    self.expr(node, ci, d);
                }
                for a in &mut c.bases {
                    self.arg(node, ci, a);
                }
                let child = &node.children[*ci];
                *ci += 1;
                c.qualname = self.qualname(c.name.as_str());
                let scope = self.enter(child);
                self.qual.push(c.name.as_str().to_string());
                let mut cci = 0;
                self.stmts(child, &mut cci, &mut c.body);
                self.qual.pop();
                self.leave();
                c.scope = scope;
                c.binding = self.lookup(c.name);
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(node, ci, v);
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.expr(node, ci, t);
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(node, ci, test);
                self.stmts(node, ci, body);
                self.stmts(node, ci, orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(node, ci, iter);
                self.expr(node, ci, target);
                self.stmts(node, ci, body);
                self.stmts(node, ci, orelse);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(node, ci, body);
                for h in handlers {
                    if let Some(t) = &mut h.typ {
                        self.expr(node, ci, t);
                    }
                    if let Some(n) = &mut h.name {
                        self.name(n);
                    }
                    self.stmts(node, ci, &mut h.body);
                }
                self.stmts(node, ci, orelse);
                self.stmts(node, ci, finalbody);
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(node, ci, e);
                }
                if let Some(c) = cause {
                    self.expr(node, ci, c);
                }
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.expr(node, ci, &mut it.context);
                    if let Some(t) = &mut it.target {
                        self.expr(node, ci, t);
                    }
                }
                self.stmts(node, ci, body);
            }
            StmtKind::Global(ns) | StmtKind::Nonlocal(ns) => {
                for n in ns {
                    self.name(n);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(node, ci, test);
                if let Some(m) = msg {
                    self.expr(node, ci, m);
                }
            }
            StmtKind::Import(aliases) | StmtKind::ImportFrom { names: aliases, .. } => {
                for a in aliases {
                    self.name(&mut a.bound);
                    if let Some(n) = &mut a.asname {
                        self.name(n);
                    }
                }
            }
        }
    }

    fn arg(&mut self, node: &ScopeNode, ci: &mut usize, a: &mut Arg) {
        match a {
            Arg::Pos(e) | Arg::Star(e) | Arg::Keyword(_, e) | Arg::DoubleStar(e) => {
                self.expr(node, ci, e)
            }
        }
    }

    fn comp(
        &mut self,
        node: &ScopeNode,
        ci: &mut usize,
        generators: &mut [Comprehension],
        elts: &mut [&mut Expr],
        label: &str,
    ) -> Scope {
        self.expr(node, ci, &mut generators[0].iter);
        let child = &node.children[*ci];
        *ci += 1;
        let mut scope = self.enter(child);
        self.qual.push(format!("{}.<locals>", label));
        let mut cci = 0;
        for (i, g) in generators.iter_mut().enumerate() {
            if i > 0 {
                self.expr(child, &mut cci, &mut g.iter);
            }
            self.expr(child, &mut cci, &mut g.target);
            for c in &mut g.ifs {
                self.expr(child, &mut cci, c);
            }
        }
        for e in elts.iter_mut() {
            self.expr(child, &mut cci, e);
        }
        self.qual.pop();
        self.leave();
        scope.is_generator = false;
        scope
    }

    fn expr(&mut self, node: &ScopeNode, ci: &mut usize, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::Name(n) => self.name(n),
            ExprKind::Const(c) => {
                let v = const_value(c);
                e.kind = ExprKind::Literal(v);
            }
            ExprKind::Literal(_) => {}
            ExprKind::FString(parts) => self.fparts(node, ci, parts),
            ExprKind::Attribute { value, .. } => self.expr(node, ci, value),
            ExprKind::Subscript { value, index } => {
                self.expr(node, ci, value);
                self.expr(node, ci, index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(node, ci, x);
                }
            }
            ExprKind::Call { func, args } => {
                self.expr(node, ci, func);
                for a in args {
                    self.arg(node, ci, a);
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(node, ci, left);
                self.expr(node, ci, right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(node, ci, operand),
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(node, ci, v);
                }
            }
            ExprKind::Compare { left, ops } => {
                self.expr(node, ci, left);
                for (_, c) in ops {
                    self.expr(node, ci, c);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(node, ci, test);
                self.expr(node, ci, body);
                self.expr(node, ci, orelse);
            }
            ExprKind::Lambda(f) => {
                let f = Rc::get_mut(f).expect("a fresh AST is not shared");
                self.function(node, ci, f);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(node, ci, i);
                }
            }
            ExprKind::Dict(items) => {
                for it in items {
                    match it {
                        DictItem::Pair(k, v) => {
                            self.expr(node, ci, k);
                            self.expr(node, ci, v);
                        }
                        DictItem::Unpack(m) => self.expr(node, ci, m),
                    }
                }
            }
            ExprKind::Starred(x) => self.expr(node, ci, x),
            ExprKind::Comp {
                kind,
                elt,
                generators,
                scope,
            } => {
                let label = match kind {
                    CompKind::List => "<listcomp>",
                    CompKind::Set => "<setcomp>",
                    CompKind::Generator => "<genexpr>",
                };
                let mut s = self.comp(node, ci, generators, &mut [&mut **elt], label);
                s.is_generator = *kind == CompKind::Generator;
                **scope = s;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
                scope,
            } => {
                **scope = self.comp(
                    node,
                    ci,
                    generators,
                    &mut [&mut **key, &mut **value],
                    "<dictcomp>",
                );
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(node, ci, v);
                }
            }
            ExprKind::YieldFrom(v) => self.expr(node, ci, v),
            ExprKind::NamedExpr { target, value } => {
                self.expr(node, ci, value);
                self.name(target);
            }
        }
    }

    fn fparts(&mut self, node: &ScopeNode, ci: &mut usize, parts: &mut [FPart]) {
        for p in parts {
            if let FPart::Field { value, spec, .. } = p {
                self.expr(node, ci, value);
                if let Some(s) = spec {
                    self.fparts(node, ci, s);
                }
            }
        }
    }
}

/// A literal's runtime value, built once.
pub fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::True => Value::Bool(true),
        Const::False => Value::Bool(false),
        Const::Ellipsis => Value::Ellipsis,
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(digits) => match digits.parse::<BigInt>() {
            Ok(b) => Value::from_bigint(b),
            Err(_) => Value::Int(0),
        },
        Const::Float(f) => Value::Float(*f),
        Const::Str(s) => Value::str(s),
        Const::Bytes(b) => Value::Bytes(Rc::new(b.to_vec())),
    }
}

/// Resolves a parsed module in place against the module's global table.
pub fn resolve_module(m: &mut Module, module: &ModuleObj) -> Result<(), ResolveError> {
    let sym_super = intern("super");
    let sym_class = intern("__class__");
    let mut c = Collector {
        stack: vec![ScopeNode::new(Kind::Module)],
        loops: vec![0],
        sym_super,
        sym_class,
    };
    c.stmts(&m.body)?;
    let mut root = c.stack.pop().expect("module scope");
    analyze(&mut root, &HashSet::new(), sym_class)?;
    let mut a = Applier {
        module,
        maps: Vec::new(),
        inner_maps: Vec::new(),
        qual: Vec::new(),
    };
    let mut ci = 0;
    a.stmts(&root, &mut ci, &mut m.body);
    m.globals = module.names.borrow().keys().copied().collect();
    Ok(())
}
