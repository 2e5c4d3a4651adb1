// pest pairs -> AST: every statement and expression form, built once; the pairs are dropped.

use super::ast::*;
use super::error::SyntaxError;
use super::layout::Layout;
use super::literal;
use super::targets::{check_target, TargetCtx};
use crate::intern::intern;
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use pest::Parser;
use smallvec::SmallVec;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::OnceLock;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/spindle.pest"]
pub(crate) struct Grammar;

pub(crate) type R<T> = Result<T, SyntaxError>;

fn pratt() -> &'static PrattParser<Rule> {
    static PRATT: OnceLock<PrattParser<Rule>> = OnceLock::new();
    PRATT.get_or_init(|| {
        PrattParser::new()
            .op(Op::infix(Rule::bitorop, Assoc::Left))
            .op(Op::infix(Rule::bitxor, Assoc::Left))
            .op(Op::infix(Rule::bitand, Assoc::Left))
            .op(Op::infix(Rule::lshift, Assoc::Left) | Op::infix(Rule::rshift, Assoc::Left))
            .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
            .op(Op::infix(Rule::mul, Assoc::Left)
                | Op::infix(Rule::matmul, Assoc::Left)
                | Op::infix(Rule::div, Assoc::Left)
                | Op::infix(Rule::floordiv, Assoc::Left)
                | Op::infix(Rule::modulo, Assoc::Left))
            .op(Op::prefix(Rule::neg) | Op::prefix(Rule::pos) | Op::prefix(Rule::invert))
            .op(Op::infix(Rule::pow, Assoc::Right))
            .op(Op::postfix(Rule::call)
                | Op::postfix(Rule::subscript)
                | Op::postfix(Rule::attribute))
    })
}

/// Turns pairs into nodes; knows how to map text positions back to the source.
pub(crate) struct Builder<'l> {
    layout: Option<&'l Layout>,
    /// Source offset of position 0 when parsing a piece of text on its own (f-strings).
    base: usize,
    /// Where the last span start and end were found in the layout's insertion list:
    /// the builder walks the text mostly forwards, so each lookup starts there.
    start_hint: Cell<usize>,
    end_hint: Cell<usize>,
    /// Layout position of the text the current pairs were parsed from (each top-level
    /// statement is parsed from its own start).
    shift: Cell<usize>,
}

impl<'l> Builder<'l> {
    fn new(layout: Option<&'l Layout>, base: usize) -> Self {
        Builder {
            layout,
            base,
            start_hint: Cell::new(0),
            end_hint: Cell::new(0),
            shift: Cell::new(0),
        }
    }
}

fn pairs_to_stmts(layout: &Layout, pairs: Pairs<Rule>) -> R<Vec<Stmt>> {
    let b = Builder::new(Some(layout), 0);
    let mut body = Vec::new();
    for file in pairs {
        for p in file.into_inner() {
            if p.as_rule() != Rule::EOI {
                body.push(b.stmt(p)?);
            }
        }
    }
    Ok(body)
}

/// Parses the layout text into a module body, or gives the pest error or a build error.
pub(crate) enum Failure {
    Grammar(Box<pest::error::Error<Rule>>),
    Build(SyntaxError),
}

/// Parses one top-level statement at a time, each built before the next is parsed: the
/// parser's token queue stays the size of one statement instead of the whole file.
pub(crate) fn parse_body(layout: &Layout) -> Result<Vec<Stmt>, Failure> {
    let text = layout.text.as_str();
    let b = Builder::new(Some(layout), 0);
    let mut body = Vec::new();
    let mut at = skip_blank(text, 0);
    while at < text.len() {
        let Ok(pairs) = Grammar::parse(Rule::top_statement, &text[at..]) else {
            // The whole file's parse fails at the same place, with the expectations
            // the error report reads as the file rule sees them.
            let pairs =
                Grammar::parse(Rule::file, text).map_err(|e| Failure::Grammar(Box::new(e)))?;
            return pairs_to_stmts(layout, pairs).map_err(Failure::Build);
        };
        b.shift.set(at);
        let mut end = at + 1;
        for top in pairs {
            end = end.max(at + top.as_span().end());
            for p in top.into_inner() {
                body.push(b.stmt(p).map_err(Failure::Build)?);
            }
        }
        at = skip_blank(text, end);
    }
    Ok(body)
}

/// Past the spaces and line ends between top-level statements.
fn skip_blank(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() && matches!(b[i], b' ' | b'\n') {
        i += 1;
    }
    i
}

/// Parses the expression of an f-string field; `base` is its source offset.
pub(crate) fn parse_fexpr(text: &str, base: usize) -> R<Expr> {
    let flat = flatten_fexpr(text).map_err(|at| {
        SyntaxError::syntax(
            "f-string: unterminated string",
            Span::new(base + at, base + at + 1),
            "a string inside the field ends at this line break",
        )
    })?;
    // A long field could nest deeper than the parser's stack allows: the layout pass
    // measures that as for any line.
    if flat.len() > 200 {
        if let Some(mut e) = super::layout::layout(&flat)
            .error
            .filter(|e| e.is_too_deep())
        {
            e.span = Span::new(base + e.span.start as usize, base + e.span.end as usize);
            return Err(e);
        }
    }
    let b = Builder::new(None, base);
    let pairs = Grammar::parse(Rule::fexpr, &flat).map_err(|e| {
        let at = match e.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
        SyntaxError::syntax(
            "f-string: invalid syntax",
            Span::new(base + at, base + at + 1),
            "this f-string field does not hold a valid expression",
        )
    })?;
    for p in pairs.flatten() {
        if matches!(p.as_rule(), Rule::yield_expr | Rule::star_exprs) {
            return b.expr(p);
        }
    }
    Err(SyntaxError::syntax(
        "f-string: empty expression not allowed",
        Span::new(base, base + 1),
        "write an expression between the braces",
    ))
}

/// An f-string field's text as the grammar reads it: line breaks, tabs and form feeds
/// outside nested string literals become spaces, as the layout pass makes them. A
/// line break inside a nested (single-quoted) string ends it too early: `Err` holds
/// where, as the layout pass would say for a string of its own.
fn flatten_fexpr(text: &str) -> Result<String, usize> {
    let mut quote = None;
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        out.push(match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                c
            }
            (Some(q), _) if c == q => {
                quote = None;
                c
            }
            (Some(_), '\n') => return Err(i),
            (None, '\n' | '\r' | '\t' | '\x0c') => ' ',
            _ => c,
        });
    }
    Ok(out)
}

/// A flat run of expression tokens, grouped by the builder.
type Toks<'i> = std::iter::Peekable<Pairs<'i, Rule>>;

/// Operands and operators of the arithmetic (Pratt) level.
fn is_arith(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::primary
            | Rule::name
            | Rule::const_none
            | Rule::const_true
            | Rule::const_false
            | Rule::ellipsis
            | Rule::strings
            | Rule::number
            | Rule::paren_atom
            | Rule::list_atom
            | Rule::brace_atom
            | Rule::call
            | Rule::subscript
            | Rule::attribute
            | Rule::neg
            | Rule::pos
            | Rule::invert
            | Rule::pow
            | Rule::mul
            | Rule::matmul
            | Rule::floordiv
            | Rule::div
            | Rule::modulo
            | Rule::add
            | Rule::sub
            | Rule::lshift
            | Rule::rshift
            | Rule::bitand
            | Rule::bitxor
            | Rule::bitorop
    )
}

/// Comparison operators.
fn is_cmp(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::eq
            | Rule::ne
            | Rule::le
            | Rule::ge
            | Rule::lt
            | Rule::gt
            | Rule::not_in
            | Rule::kw_in
            | Rule::is_not
            | Rule::kw_is
    )
}

/// Tokens that carry no information once the tree is built.
fn is_noise(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::INDENT
            | Rule::DEDENT
            | Rule::colon
            | Rule::open_paren
            | Rule::kw_if
            | Rule::kw_elif
            | Rule::kw_else
            | Rule::kw_while
            | Rule::kw_for
            | Rule::kw_in
            | Rule::kw_is
            | Rule::kw_not
            | Rule::kw_and
            | Rule::kw_or
            | Rule::kw_try
            | Rule::kw_except
            | Rule::kw_finally
            | Rule::kw_with
            | Rule::kw_as
            | Rule::kw_def
            | Rule::kw_class
            | Rule::kw_lambda
            | Rule::kw_pass
            | Rule::kw_break
            | Rule::kw_continue
            | Rule::kw_return
            | Rule::kw_raise
            | Rule::kw_from
            | Rule::kw_global
            | Rule::kw_nonlocal
            | Rule::kw_del
            | Rule::kw_assert
            | Rule::kw_import
            | Rule::kw_yield
    )
}

/// The children of `p` that carry information, in order.
fn inner(p: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    p.into_inner().filter(|q| !is_noise(q.as_rule()))
}

/// The same, collected for the few places that look ahead or count.
fn inner_vec(p: Pair<'_, Rule>) -> SmallVec<[Pair<'_, Rule>; 4]> {
    inner(p).collect()
}

/// The text of a dotted name without the spaces the grammar allows around dots.
fn dotted(p: Pair<'_, Rule>) -> Rc<str> {
    let mut text = String::new();
    for (i, n) in inner(p).enumerate() {
        if i > 0 {
            text.push('.');
        }
        text.push_str(n.as_str());
    }
    Rc::from(text)
}

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl<'l> Builder<'l> {
    pub(crate) fn offset(&self, pos: usize) -> usize {
        match self.layout {
            Some(l) => l.source_offset_near(self.shift.get() + pos, &self.start_hint),
            None => self.base + pos,
        }
    }

    pub(crate) fn span(&self, p: &Pair<Rule>) -> Span {
        let s = p.as_span();
        match self.layout {
            Some(l) => Span::new(
                l.source_offset_near(self.shift.get() + s.start(), &self.start_hint),
                l.source_offset_near(self.shift.get() + s.end(), &self.end_hint),
            ),
            None => Span::new(self.base + s.start(), self.base + s.end()),
        }
    }

    fn name(&self, p: &Pair<Rule>) -> Name {
        Name {
            id: intern(p.as_str()),
            span: self.span(p),
            res: NameRes::Unresolved,
        }
    }

    // ---------------- statements ----------------

    fn block(&self, p: Pair<Rule>) -> R<Vec<Stmt>> {
        inner(p).map(|s| self.stmt(s)).collect()
    }

    fn stmt(&self, p: Pair<Rule>) -> R<Stmt> {
        let span = self.span(&p);
        let rule = p.as_rule();
        let kind = match rule {
            Rule::pass_stmt => StmtKind::Pass,
            Rule::break_stmt => StmtKind::Break,
            Rule::continue_stmt => StmtKind::Continue,
            Rule::return_stmt => {
                StmtKind::Return(inner(p).next().map(|e| self.expr(e)).transpose()?)
            }
            Rule::raise_stmt => {
                let mut it = inner(p);
                let exc = it.next().map(|e| self.expr(e)).transpose()?;
                let cause = it.next().map(|e| self.expr(e)).transpose()?;
                StmtKind::Raise { exc, cause }
            }
            Rule::global_stmt => StmtKind::Global(inner(p).map(|n| self.name(&n)).collect()),
            Rule::nonlocal_stmt => StmtKind::Nonlocal(inner(p).map(|n| self.name(&n)).collect()),
            Rule::del_stmt => {
                let t = inner(p).next().map(|e| self.expr(e)).transpose()?;
                let targets = match t {
                    Some(Expr {
                        kind: ExprKind::Tuple(items),
                        ..
                    }) => items,
                    Some(e) => vec![e],
                    None => vec![],
                };
                for t in &targets {
                    check_target(t, TargetCtx::Del)?;
                }
                StmtKind::Delete(targets)
            }
            Rule::assert_stmt => {
                let mut it = inner(p);
                let test = self.expr_opt(it.next(), span)?;
                let msg = it.next().map(|e| self.expr(e)).transpose()?;
                StmtKind::Assert { test, msg }
            }
            Rule::import_stmt => StmtKind::Import(inner(p).map(|a| self.dotted_alias(a)).collect()),
            Rule::from_stmt => self.import_from(p),
            Rule::expr_stmt => return self.expr_stmt(p, span),
            Rule::if_stmt => self.if_stmt(p, span)?,
            Rule::while_stmt => {
                let mut it = inner(p);
                let test = self.expr_opt(it.next(), span)?;
                let body = self.block_opt(it.next())?;
                let orelse = self.else_opt(it.next())?;
                StmtKind::While { test, body, orelse }
            }
            Rule::for_stmt => {
                let mut it = inner(p);
                let target = self.expr_opt(it.next(), span)?;
                check_target(&target, TargetCtx::For)?;
                let iter = self.expr_opt(it.next(), span)?;
                let body = self.block_opt(it.next())?;
                let orelse = self.else_opt(it.next())?;
                StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                }
            }
            Rule::try_stmt => self.try_stmt(p)?,
            Rule::with_stmt => {
                let mut items = Vec::new();
                let mut body = Vec::new();
                for q in inner(p) {
                    match q.as_rule() {
                        Rule::with_item => {
                            let mut it = inner(q);
                            let context = self.expr_opt(it.next(), span)?;
                            let target = it.next().map(|t| self.expr(t)).transpose()?;
                            if let Some(t) = &target {
                                check_target(t, TargetCtx::With)?;
                            }
                            items.push(WithItem { context, target });
                        }
                        _ => body = self.block(q)?,
                    }
                }
                StmtKind::With { items, body }
            }
            Rule::funcdef => StmtKind::FunctionDef(Rc::new(self.funcdef(p, Vec::new())?)),
            Rule::classdef => StmtKind::ClassDef(Rc::new(self.classdef(p, Vec::new())?)),
            Rule::decorated => {
                let mut decorators = Vec::new();
                let mut def = None;
                for q in inner(p) {
                    match q.as_rule() {
                        Rule::decorator => {
                            let e = inner(q).next();
                            decorators.push(self.expr_opt(e, span)?);
                        }
                        _ => def = Some(q),
                    }
                }
                match def {
                    Some(q) if q.as_rule() == Rule::funcdef => {
                        StmtKind::FunctionDef(Rc::new(self.funcdef(q, decorators)?))
                    }
                    Some(q) => StmtKind::ClassDef(Rc::new(self.classdef(q, decorators)?)),
                    None => unreachable!("grammar: a decorator is followed by def or class"),
                }
            }
            _ => unreachable!("grammar: not a statement: {:?}", rule),
        };
        Ok(Stmt { kind, span })
    }

    fn expr_opt(&self, p: Option<Pair<Rule>>, _at: Span) -> R<Expr> {
        match p {
            Some(p) => self.expr(p),
            None => unreachable!("grammar: expression required here"),
        }
    }

    fn block_opt(&self, p: Option<Pair<Rule>>) -> R<Vec<Stmt>> {
        p.map_or(Ok(Vec::new()), |b| self.block(b))
    }

    /// The body of an `else` clause, or nothing.
    fn else_opt(&self, p: Option<Pair<Rule>>) -> R<Vec<Stmt>> {
        match p {
            Some(e) => {
                let b = inner(e).next();
                self.block_opt(b)
            }
            None => Ok(Vec::new()),
        }
    }

    fn if_stmt(&self, p: Pair<Rule>, span: Span) -> R<StmtKind> {
        let mut it = inner(p);
        let test = self.expr_opt(it.next(), span)?;
        let body = self.block_opt(it.next())?;
        let rest: Vec<Pair<Rule>> = it.collect();
        // elif chains nest as an If in the orelse, as in Python's own AST.
        let mut orelse = Vec::new();
        for clause in rest.into_iter().rev() {
            let cspan = self.span(&clause);
            match clause.as_rule() {
                Rule::else_clause => orelse = self.else_opt(Some(clause))?,
                _ => {
                    let mut ci = inner(clause);
                    let test = self.expr_opt(ci.next(), cspan)?;
                    let body = self.block_opt(ci.next())?;
                    let span = match orelse.last() {
                        Some(last) => cspan.to(last.span),
                        None => cspan,
                    };
                    orelse = vec![Stmt {
                        kind: StmtKind::If { test, body, orelse },
                        span,
                    }];
                }
            }
        }
        Ok(StmtKind::If { test, body, orelse })
    }

    fn try_stmt(&self, p: Pair<Rule>) -> R<StmtKind> {
        let mut body = Vec::new();
        let mut handlers = Vec::new();
        let mut orelse = Vec::new();
        let mut finalbody = Vec::new();
        for q in inner(p) {
            match q.as_rule() {
                Rule::block => body = self.block(q)?,
                Rule::except_clause => {
                    let span = self.span(&q);
                    let mut typ = None;
                    let mut name = None;
                    let mut hbody = Vec::new();
                    for c in inner(q) {
                        match c.as_rule() {
                            Rule::expression => typ = Some(self.expr(c)?),
                            Rule::name => name = Some(self.name(&c)),
                            _ => hbody = self.block(c)?,
                        }
                    }
                    handlers.push(ExceptHandler {
                        typ,
                        name,
                        body: hbody,
                        span,
                    });
                }
                Rule::else_clause => orelse = self.else_opt(Some(q))?,
                _ => finalbody = self.else_opt(Some(q))?,
            }
        }
        Ok(StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        })
    }

    fn dotted_alias(&self, p: Pair<Rule>) -> Alias {
        let span = self.span(&p);
        let mut it = inner(p);
        let (name, first) = match it.next() {
            Some(d) => {
                let first = inner(d.clone()).next().map(|n| self.name(&n));
                (dotted(d), first)
            }
            None => unreachable!("grammar: import names a module"),
        };
        let asname = it.next().map(|n| self.name(&n));
        let bound = asname
            .clone()
            .or(first)
            .unwrap_or_else(|| unreachable!("grammar: dotted name has a part"));
        Alias {
            name,
            asname,
            bound,
            span,
        }
    }

    fn import_from(&self, p: Pair<Rule>) -> StmtKind {
        let mut module: Rc<str> = Rc::from("");
        let mut level = 0;
        let mut names = Vec::new();
        for q in inner(p) {
            match q.as_rule() {
                Rule::from_dots => level = q.as_str().chars().filter(|&c| c == '.').count() as u32,
                Rule::dotted_name => module = dotted(q),
                Rule::import_as_name => {
                    let span = self.span(&q);
                    let parts = inner_vec(q);
                    let first = self.name(&parts[0]);
                    let asname = parts.get(1).map(|n| self.name(n));
                    names.push(Alias {
                        name: Rc::from(parts[0].as_str()),
                        bound: asname.clone().unwrap_or(first),
                        asname,
                        span,
                    });
                }
                _ => {}
            }
        }
        StmtKind::ImportFrom {
            module,
            level,
            names,
        }
    }

    fn expr_stmt(&self, p: Pair<Rule>, span: Span) -> R<Stmt> {
        let parts = inner(p);
        let mut exprs = Vec::new();
        let mut aug = None;
        let mut ann = None;
        for q in parts {
            match q.as_rule() {
                Rule::augassign => aug = Some(q),
                Rule::annassign => ann = Some(q),
                _ => exprs.push(self.expr(q)?),
            }
        }
        let kind = if let Some(op) = aug {
            let value = exprs
                .pop()
                .unwrap_or_else(|| unreachable!("grammar: augmented assignment has a value"));
            let target = exprs
                .pop()
                .unwrap_or_else(|| unreachable!("grammar: augmented assignment has a target"));
            check_target(&target, TargetCtx::Aug)?;
            StmtKind::AugAssign {
                target,
                op: aug_op(op.as_str()),
                value,
            }
        } else if let Some(a) = ann {
            let target = exprs
                .pop()
                .unwrap_or_else(|| unreachable!("grammar: annotation has a target"));
            check_target(&target, TargetCtx::Annotated)?;
            let mut it = inner(a);
            let annotation = self.expr_opt(it.next(), span)?;
            let value = it.next().map(|v| self.expr(v)).transpose()?;
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            }
        } else if exprs.len() > 1 {
            let value = exprs.pop().unwrap_or_else(|| unreachable!());
            for t in &exprs {
                check_target(t, TargetCtx::Assign)?;
            }
            StmtKind::Assign {
                targets: exprs,
                value,
            }
        } else {
            StmtKind::Expr(
                exprs
                    .pop()
                    .unwrap_or_else(|| unreachable!("grammar: expression statement")),
            )
        };
        Ok(Stmt { kind, span })
    }

    fn funcdef(&self, p: Pair<Rule>, decorators: Vec<Expr>) -> R<FunctionDef> {
        let mut span = self.span(&p);
        if let Some(d) = decorators.first() {
            span = d.span.to(span);
        }
        let mut name = None;
        let mut params = Params::default();
        let mut returns = None;
        let mut body = Vec::new();
        for q in inner(p) {
            match q.as_rule() {
                Rule::name => name = Some(intern(q.as_str())),
                Rule::params => params = self.params(q)?,
                Rule::returns => returns = inner(q).next().map(|e| self.expr(e)).transpose()?,
                _ => body = self.block(q)?,
            }
        }
        Ok(FunctionDef {
            name: name.unwrap_or_else(|| unreachable!("grammar: def has a name")),
            params,
            body,
            decorators,
            returns,
            scope: Scope::default(),
            span,
            qualname: Rc::from(""),
            binding: NameRes::Unresolved,
        })
    }

    fn classdef(&self, p: Pair<Rule>, decorators: Vec<Expr>) -> R<ClassDef> {
        let span = self.span(&p);
        let mut name = None;
        let mut bases = Vec::new();
        let mut body = Vec::new();
        for q in inner(p) {
            match q.as_rule() {
                Rule::name => name = Some(intern(q.as_str())),
                Rule::arglist => bases = self.args(q)?,
                _ => body = self.block(q)?,
            }
        }
        Ok(ClassDef {
            name: name.unwrap_or_else(|| unreachable!("grammar: class has a name")),
            bases,
            body,
            decorators,
            scope: Scope::default(),
            span,
            qualname: Rc::from(""),
            binding: NameRes::Unresolved,
        })
    }

    /// Parameters of a def or a lambda, checked for Python's ordering rules.
    fn params(&self, p: Pair<Rule>) -> R<Params> {
        let mut ps = Params::default();
        let mut seen_star = false;
        let mut seen_slash = false;
        let mut seen_default = false;
        let mut bare_star: Option<Span> = None;
        for q in inner(p) {
            let qspan = self.span(&q);
            if ps.kwarg.is_some() {
                return Err(SyntaxError::syntax(
                    "arguments cannot follow var-keyword argument",
                    qspan,
                    "**kwargs must be the last parameter",
                ));
            }
            match q.as_rule() {
                Rule::slash => {
                    if seen_slash {
                        return Err(SyntaxError::syntax(
                            "/ may appear only once",
                            qspan,
                            "remove this '/'",
                        ));
                    }
                    if seen_star {
                        return Err(SyntaxError::syntax(
                            "/ must be ahead of *",
                            qspan,
                            "move '/' before '*'",
                        ));
                    }
                    if ps.args.is_empty() {
                        return Err(SyntaxError::syntax(
                            "at least one argument must precede /",
                            qspan,
                            "'/' needs parameters before it",
                        ));
                    }
                    seen_slash = true;
                    ps.posonly = std::mem::take(&mut ps.args);
                }
                Rule::star_param | Rule::lstar_param => {
                    if seen_star {
                        return Err(SyntaxError::syntax(
                            "* argument may appear only once",
                            qspan,
                            "remove this '*'",
                        ));
                    }
                    seen_star = true;
                    match inner(q).next() {
                        Some(param) => ps.vararg = Some(self.param(param)?),
                        None => bare_star = Some(qspan),
                    }
                }
                Rule::dstar_param | Rule::ldstar_param => {
                    if let Some(param) = inner(q).next() {
                        ps.kwarg = Some(self.param(param)?);
                    }
                }
                _ => {
                    let param = self.param(q)?;
                    if seen_star {
                        bare_star = None;
                        ps.kwonly.push(param);
                    } else {
                        if param.default.is_some() {
                            seen_default = true;
                        } else if seen_default {
                            return Err(SyntaxError::syntax(
                                "non-default argument follows default argument",
                                param.name.span,
                                "this parameter needs a default because an earlier one has one",
                            ));
                        }
                        ps.args.push(param);
                    }
                }
            }
        }
        if let Some(s) = bare_star {
            return Err(SyntaxError::syntax(
                "named arguments must follow bare *",
                s,
                "a bare '*' must be followed by keyword-only parameters",
            ));
        }
        Ok(ps)
    }

    fn param(&self, p: Pair<Rule>) -> R<Param> {
        let mut name = None;
        let mut annotation = None;
        let mut default = None;
        for q in inner(p) {
            match q.as_rule() {
                Rule::name => name = Some(self.name(&q)),
                Rule::annotation => {
                    annotation = inner(q).next().map(|e| self.expr(e)).transpose()?
                }
                _ => default = inner(q).next().map(|e| self.expr(e)).transpose()?,
            }
        }
        Ok(Param {
            name: name.unwrap_or_else(|| unreachable!("grammar: parameter has a name")),
            annotation,
            default,
        })
    }

    // ---------------- expressions ----------------

    pub(crate) fn expr(&self, mut p: Pair<Rule>) -> R<Expr> {
        // Skip the chain of single-child precedence levels in one loop: fewer stack
        // frames per nested bracket, and faster.
        while matches!(
            p.as_rule(),
            Rule::expression | Rule::disjunction | Rule::bitor | Rule::primary
        ) {
            let mut it = p.clone().into_inner();
            match (it.next(), it.next()) {
                (Some(only), None) => p = only,
                _ => break,
            }
        }
        let span = self.span(&p);
        let rule = p.as_rule();
        let kind = match rule {
            Rule::expression => {
                let mut it = p.into_inner().peekable();
                let body = self.or_test(&mut it)?;
                if it.next_if(|q| q.as_rule() == Rule::kw_if).is_none() {
                    return Ok(body);
                }
                let test = boxed(self.expr_opt(it.next(), span)?);
                it.next_if(|q| q.as_rule() == Rule::kw_else);
                let orelse = boxed(self.expr_opt(it.next(), span)?);
                ExprKind::IfExp {
                    test,
                    body: boxed(body),
                    orelse,
                }
            }
            Rule::walrus => {
                let parts = inner_vec(p);
                let mut it = parts.into_iter();
                let target = self.name(&it.next().unwrap_or_else(|| unreachable!()));
                let value = boxed(self.expr_opt(it.next(), span)?);
                ExprKind::NamedExpr { target, value }
            }
            Rule::disjunction => return self.or_test(&mut p.into_inner().peekable()),
            Rule::bitor => return self.arith(p.into_inner()),
            Rule::primary => return self.primary(p),
            Rule::star_expr | Rule::star_target => {
                ExprKind::Starred(boxed(self.expr_opt(inner(p).next(), span)?))
            }
            Rule::star_exprs | Rule::targets => {
                let mut items = Vec::new();
                let mut comma = false;
                for q in inner(p) {
                    if q.as_rule() == Rule::comma {
                        comma = true;
                    } else {
                        items.push(self.expr(q)?);
                    }
                }
                if !comma && items.len() == 1 {
                    return Ok(items.pop().unwrap_or_else(|| unreachable!()));
                }
                ExprKind::Tuple(items)
            }
            Rule::yield_expr => match inner(p).next() {
                None => ExprKind::Yield(None),
                Some(q) if q.as_rule() == Rule::yield_from => {
                    ExprKind::YieldFrom(boxed(self.expr_opt(inner(q).next(), span)?))
                }
                Some(q) => ExprKind::Yield(Some(boxed(self.expr(q)?))),
            },
            Rule::lambdef => {
                let mut params = Params::default();
                let mut body = None;
                for q in inner(p) {
                    match q.as_rule() {
                        Rule::lparams => params = self.params(q)?,
                        _ => body = Some(self.expr(q)?),
                    }
                }
                let body = body.unwrap_or_else(|| unreachable!("grammar: lambda has a body"));
                let ret_span = body.span;
                ExprKind::Lambda(Rc::new(FunctionDef {
                    name: intern("<lambda>"),
                    params,
                    body: vec![Stmt {
                        kind: StmtKind::Return(Some(body)),
                        span: ret_span,
                    }],
                    decorators: Vec::new(),
                    returns: None,
                    scope: Scope::default(),
                    span,
                    qualname: Rc::from(""),
                    binding: NameRes::Unresolved,
                }))
            }
            _ => return self.atom(p),
        };
        Ok(Expr { kind, span })
    }

    /// `or` over a flat run of operands and operator tokens (see the grammar).
    fn or_test(&self, it: &mut Toks<'_>) -> R<Expr> {
        self.bool_level(it, Rule::kw_or, BoolOp::Or)
    }

    fn bool_level(&self, it: &mut Toks<'_>, kw: Rule, op: BoolOp) -> R<Expr> {
        let first = if kw == Rule::kw_or {
            self.bool_level(it, Rule::kw_and, BoolOp::And)?
        } else {
            self.not_test(it)?
        };
        if it.peek().map(|q| q.as_rule()) != Some(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while it.next_if(|q| q.as_rule() == kw).is_some() {
            values.push(if kw == Rule::kw_or {
                self.bool_level(it, Rule::kw_and, BoolOp::And)?
            } else {
                self.not_test(it)?
            });
        }
        let span = values[0].span.to(values[values.len() - 1].span);
        Ok(Expr {
            kind: ExprKind::BoolOp { op, values },
            span,
        })
    }

    fn not_test(&self, it: &mut Toks<'_>) -> R<Expr> {
        let Some(kw) = it.next_if(|q| q.as_rule() == Rule::kw_not) else {
            return self.comparison(it);
        };
        let operand = self.not_test(it)?;
        Ok(Expr {
            span: self.span(&kw).to(operand.span),
            kind: ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand: boxed(operand),
            },
        })
    }

    fn comparison(&self, it: &mut Toks<'_>) -> R<Expr> {
        let left = self.arith(std::iter::from_fn(|| it.next_if(|q| is_arith(q.as_rule()))))?;
        let mut ops = Vec::new();
        while let Some(op) = it.next_if(|q| is_cmp(q.as_rule())) {
            let op = cmp_op(op.as_rule());
            let right = self.arith(std::iter::from_fn(|| it.next_if(|q| is_arith(q.as_rule()))))?;
            ops.push((op, right));
        }
        let Some((_, last)) = ops.last() else {
            return Ok(left);
        };
        let span = left.span.to(last.span);
        Ok(Expr {
            kind: ExprKind::Compare {
                left: boxed(left),
                ops,
            },
            span,
        })
    }

    fn arith<'i>(&self, pairs: impl Iterator<Item = Pair<'i, Rule>>) -> R<Expr> {
        let run: SmallVec<[Pair<'i, Rule>; 4]> = pairs.collect();
        // Most runs are one operand with its trailers and no operator: no precedence
        // to work out.
        let trailers_only = run
            .first()
            .is_some_and(|p| !matches!(p.as_rule(), Rule::neg | Rule::pos | Rule::invert))
            && run[1..]
                .iter()
                .all(|p| matches!(p.as_rule(), Rule::call | Rule::subscript | Rule::attribute));
        if trailers_only {
            let mut it = run.into_iter();
            let first = it.next().expect("a run has an operand");
            let mut e = self.expr(first)?;
            for t in it {
                e = self.trailer(e, t)?;
            }
            return Ok(e);
        }
        let pairs = run.into_iter();
        pratt()
            .map_primary(|p| self.expr(p))
            .map_postfix(|e, t| self.trailer(e?, t))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                let op_span = self.span(&op);
                let op = match op.as_rule() {
                    Rule::neg => UnaryOp::Neg,
                    Rule::pos => UnaryOp::Pos,
                    _ => UnaryOp::Invert,
                };
                Ok(Expr {
                    span: op_span.to(rhs.span),
                    kind: ExprKind::UnaryOp {
                        op,
                        operand: boxed(rhs),
                    },
                })
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                Ok(Expr {
                    span: lhs.span.to(rhs.span),
                    kind: ExprKind::BinOp {
                        op: bin_op(op.as_rule()),
                        left: boxed(lhs),
                        right: boxed(rhs),
                    },
                })
            })
            .parse(pairs)
    }

    fn primary(&self, p: Pair<Rule>) -> R<Expr> {
        let mut it = p.into_inner();
        let mut e = self.expr_opt(it.next(), Span::default())?;
        for t in it {
            e = self.trailer(e, t)?;
        }
        Ok(e)
    }

    /// A call, subscript or attribute applied to `e`.
    fn trailer(&self, e: Expr, t: Pair<Rule>) -> R<Expr> {
        let tspan = self.span(&t);
        let span = e.span.to(tspan);
        let kind = match t.as_rule() {
            Rule::call => ExprKind::Call {
                func: boxed(e),
                args: match inner(t).next() {
                    Some(a) => self.args(a)?,
                    None => Vec::new(),
                },
            },
            Rule::attribute => ExprKind::Attribute {
                value: boxed(e),
                attr: intern(inner(t).next().map_or("", |n| n.as_str())),
            },
            _ => {
                let slices = inner(t)
                    .next()
                    .unwrap_or_else(|| unreachable!("grammar: subscript has slices"));
                let sspan = self.span(&slices);
                let mut items = Vec::new();
                let mut comma = false;
                for q in inner(slices) {
                    if q.as_rule() == Rule::comma {
                        comma = true;
                    } else {
                        items.push(self.slice_item(q)?);
                    }
                }
                let index = if !comma && items.len() == 1 {
                    items.pop().unwrap_or_else(|| unreachable!())
                } else {
                    Expr {
                        kind: ExprKind::Tuple(items),
                        span: sspan,
                    }
                };
                ExprKind::Subscript {
                    value: boxed(e),
                    index: boxed(index),
                }
            }
        };
        Ok(Expr { kind, span })
    }

    fn slice_item(&self, p: Pair<Rule>) -> R<Expr> {
        let span = self.span(&p);
        let mut lower = None;
        let mut rest = None;
        for q in inner(p) {
            match q.as_rule() {
                Rule::slice_rest => rest = Some(q),
                _ => lower = Some(self.expr(q)?),
            }
        }
        let Some(rest) = rest else {
            return lower.ok_or_else(|| {
                SyntaxError::syntax("invalid syntax", span, "expected an index or a slice here")
            });
        };
        let mut upper = None;
        let mut step = None;
        for q in inner(rest) {
            match q.as_rule() {
                Rule::upper => upper = inner(q).next().map(|e| self.expr(e)).transpose()?,
                _ => step = inner(q).next().map(|e| self.expr(e)).transpose()?,
            }
        }
        Ok(Expr {
            kind: ExprKind::Slice {
                lower: lower.map(boxed),
                upper: upper.map(boxed),
                step: step.map(boxed),
            },
            span,
        })
    }

    /// Call arguments (and class bases), checked for Python's ordering rules.
    fn args(&self, p: Pair<Rule>) -> R<Vec<Arg>> {
        let parts: Vec<Pair<Rule>> = inner(p).filter(|q| q.as_rule() != Rule::comma).collect();
        let count = parts.len();
        let mut args = Vec::new();
        let mut seen_kw = false;
        let mut seen_dstar = false;
        for q in parts {
            let span = self.span(&q);
            match q.as_rule() {
                Rule::kwarg => {
                    let mut it = inner(q);
                    let key = it
                        .next()
                        .unwrap_or_else(|| unreachable!("grammar: a keyword argument has a name"));
                    let value = self.expr_opt(it.next(), span)?;
                    seen_kw = true;
                    args.push(Arg::Keyword(intern(key.as_str()), value));
                }
                Rule::star_arg => {
                    if seen_dstar {
                        return Err(SyntaxError::syntax(
                            "iterable argument unpacking follows keyword argument unpacking",
                            span,
                            "move this *argument before the **argument",
                        ));
                    }
                    args.push(Arg::Star(self.expr_opt(inner(q).next(), span)?));
                }
                Rule::dstar_arg => {
                    seen_dstar = true;
                    args.push(Arg::DoubleStar(self.expr_opt(inner(q).next(), span)?));
                }
                _ => {
                    if seen_dstar {
                        return Err(SyntaxError::syntax(
                            "positional argument follows keyword argument unpacking",
                            span,
                            "move this positional argument before the **argument",
                        ));
                    }
                    if seen_kw {
                        return Err(SyntaxError::syntax(
                            "positional argument follows keyword argument",
                            span,
                            "move this positional argument before the keyword arguments",
                        ));
                    }
                    let mut it = inner(q);
                    let value = self.expr_opt(it.next(), span)?;
                    match it.next() {
                        Some(comp) => {
                            if count > 1 {
                                return Err(SyntaxError::syntax(
                                    "Generator expression must be parenthesized",
                                    span,
                                    "put this generator expression in parentheses",
                                ));
                            }
                            let generators = self.comp_clauses(comp)?;
                            args.push(Arg::Pos(Expr {
                                kind: ExprKind::Comp {
                                    kind: CompKind::Generator,
                                    elt: boxed(value),
                                    generators,
                                    scope: Box::default(),
                                },
                                span,
                            }));
                        }
                        None => args.push(Arg::Pos(value)),
                    }
                }
            }
        }
        Ok(args)
    }

    fn comp_clauses(&self, p: Pair<Rule>) -> R<Vec<Comprehension>> {
        let mut out = Vec::new();
        for f in inner(p) {
            let span = self.span(&f);
            let mut it = inner(f);
            let target = self.expr_opt(it.next(), span)?;
            check_target(&target, TargetCtx::For)?;
            let iter = self.expr_opt(it.next(), span)?;
            let ifs = it
                .map(|c| self.expr_opt(inner(c).next(), span))
                .collect::<R<Vec<_>>>()?;
            out.push(Comprehension { target, iter, ifs });
        }
        Ok(out)
    }

    fn comp(&self, kind: CompKind, elt: Expr, clauses: Pair<Rule>) -> R<ExprKind> {
        Ok(ExprKind::Comp {
            kind,
            elt: boxed(elt),
            generators: self.comp_clauses(clauses)?,
            scope: Box::default(),
        })
    }

    fn atom(&self, p: Pair<Rule>) -> R<Expr> {
        let span = self.span(&p);
        let kind = match p.as_rule() {
            Rule::name => ExprKind::Name(self.name(&p)),
            Rule::const_none => ExprKind::Const(Const::None),
            Rule::const_true => ExprKind::Const(Const::True),
            Rule::const_false => ExprKind::Const(Const::False),
            Rule::ellipsis => ExprKind::Const(Const::Ellipsis),
            Rule::number => ExprKind::Const(literal::number(p.as_str(), span)?),
            Rule::strings => return literal::strings(self, p),
            Rule::paren_atom => {
                let mut it = inner(p);
                let Some(first) = it.next() else {
                    return Ok(Expr {
                        kind: ExprKind::Tuple(Vec::new()),
                        span,
                    });
                };
                match it.next() {
                    // A parenthesized expression is the expression itself (its own span).
                    None if first.as_rule() != Rule::star_expr => return self.expr(first),
                    // The grammar puts comprehension clauses only right after the element.
                    Some(c) if c.as_rule() == Rule::comp_clauses => {
                        let elt = self.expr(first)?;
                        self.comp(CompKind::Generator, elt, c)?
                    }
                    second => {
                        ExprKind::Tuple(self.items(std::iter::once(first).chain(second).chain(it))?)
                    }
                }
            }
            Rule::list_atom => {
                let mut it = inner(p);
                let first = it.next();
                let second = it.next();
                match (first, second) {
                    (Some(first), Some(c)) if c.as_rule() == Rule::comp_clauses => {
                        let elt = self.expr(first)?;
                        self.comp(CompKind::List, elt, c)?
                    }
                    (first, second) => {
                        ExprKind::List(self.items(first.into_iter().chain(second).chain(it))?)
                    }
                }
            }
            Rule::brace_atom => self.brace(p, span)?,
            r => unreachable!("grammar: not an expression: {:?}", r),
        };
        Ok(Expr { kind, span })
    }

    fn items<'i>(&self, parts: impl Iterator<Item = Pair<'i, Rule>>) -> R<Vec<Expr>> {
        parts
            .filter(|q| q.as_rule() != Rule::comma)
            .map(|q| self.expr(q))
            .collect()
    }

    fn brace(&self, p: Pair<Rule>, span: Span) -> R<ExprKind> {
        let parts = inner(p);
        let mut it = parts.into_iter();
        let Some(first) = it.next() else {
            return Ok(ExprKind::Dict(Vec::new()));
        };
        let second = it.next();
        if first.as_rule() == Rule::dict_unpack {
            let mut items = vec![DictItem::Unpack(self.expr_opt(inner(first).next(), span)?)];
            if let Some(tail) = second {
                items.extend(self.dict_tail(tail, span)?);
            }
            return Ok(ExprKind::Dict(items));
        }
        let first = self.expr(first)?;
        match second {
            Some(kv) if kv.as_rule() == Rule::kv_value => {
                let value = self.expr_opt(inner(kv).next(), span)?;
                match it.next() {
                    Some(c) if c.as_rule() == Rule::comp_clauses => Ok(ExprKind::DictComp {
                        key: boxed(first),
                        value: boxed(value),
                        generators: self.comp_clauses(c)?,
                        scope: Box::default(),
                    }),
                    tail => {
                        let mut items = vec![DictItem::Pair(first, value)];
                        if let Some(tail) = tail {
                            items.extend(self.dict_tail(tail, span)?);
                        }
                        Ok(ExprKind::Dict(items))
                    }
                }
            }
            Some(set_tail) => {
                let mut rest = inner(set_tail).peekable();
                if let Some(clauses) = rest.next_if(|q| q.as_rule() == Rule::comp_clauses) {
                    // The grammar puts comprehension clauses only alone in a set tail.
                    return self.comp(CompKind::Set, first, clauses);
                }
                let mut items = vec![first];
                items.extend(self.items(rest)?);
                Ok(ExprKind::Set(items))
            }
            None => Ok(ExprKind::Set(vec![first])),
        }
    }

    fn dict_tail(&self, p: Pair<Rule>, span: Span) -> R<Vec<DictItem>> {
        let mut items = Vec::new();
        let mut key = None;
        for q in inner(p) {
            match q.as_rule() {
                Rule::comma => {}
                Rule::dict_unpack => {
                    items.push(DictItem::Unpack(self.expr_opt(inner(q).next(), span)?))
                }
                Rule::kv_value => {
                    let value = self.expr_opt(inner(q).next(), span)?;
                    let k = key
                        .take()
                        .unwrap_or_else(|| unreachable!("grammar: a dict value follows a key"));
                    items.push(DictItem::Pair(k, value));
                }
                _ => key = Some(self.expr(q)?),
            }
        }
        Ok(items)
    }
}

fn cmp_op(rule: Rule) -> CmpOp {
    match rule {
        Rule::eq => CmpOp::Eq,
        Rule::ne => CmpOp::NotEq,
        Rule::lt => CmpOp::Lt,
        Rule::le => CmpOp::LtE,
        Rule::gt => CmpOp::Gt,
        Rule::ge => CmpOp::GtE,
        Rule::kw_in => CmpOp::In,
        Rule::not_in => CmpOp::NotIn,
        Rule::kw_is => CmpOp::Is,
        Rule::is_not => CmpOp::IsNot,
        r => unreachable!("grammar: not a comparison: {:?}", r),
    }
}

fn bin_op(rule: Rule) -> BinOp {
    match rule {
        Rule::add => BinOp::Add,
        Rule::sub => BinOp::Sub,
        Rule::mul => BinOp::Mul,
        Rule::matmul => BinOp::MatMul,
        Rule::div => BinOp::Div,
        Rule::floordiv => BinOp::FloorDiv,
        Rule::modulo => BinOp::Mod,
        Rule::pow => BinOp::Pow,
        Rule::lshift => BinOp::LShift,
        Rule::rshift => BinOp::RShift,
        Rule::bitorop => BinOp::BitOr,
        Rule::bitxor => BinOp::BitXor,
        Rule::bitand => BinOp::BitAnd,
        r => unreachable!("grammar: not a binary operator: {:?}", r),
    }
}

fn aug_op(text: &str) -> BinOp {
    match text.trim_end_matches('=') {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "@" => BinOp::MatMul,
        "/" => BinOp::Div,
        "//" => BinOp::FloorDiv,
        "%" => BinOp::Mod,
        "**" => BinOp::Pow,
        "<<" => BinOp::LShift,
        ">>" => BinOp::RShift,
        "|" => BinOp::BitOr,
        "^" => BinOp::BitXor,
        _ => BinOp::BitAnd,
    }
}
