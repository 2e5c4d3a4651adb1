// Test helper: prints the AST as compact s-expressions so tests can compare shapes.
#![allow(dead_code)]

use spindle::syntax::ast::*;

pub fn module(src: &str) -> String {
    match spindle::syntax::parse_module(src) {
        Ok(m) => m.body.iter().map(stmt).collect::<Vec<_>>().join(" "),
        Err(e) => format!("ERROR {}: {}", e.kind.name(), e.message),
    }
}

fn list(head: &str, items: Vec<String>) -> String {
    if items.is_empty() {
        format!("({head})")
    } else {
        format!("({head} {})", items.join(" "))
    }
}

fn body(b: &[Stmt]) -> String {
    list("body", b.iter().map(stmt).collect())
}

fn opt(e: &Option<Expr>) -> String {
    e.as_ref().map_or("_".into(), expr)
}

fn optb(e: &Option<Box<Expr>>) -> String {
    e.as_ref().map_or("_".into(), |e| expr(e))
}

fn param(p: &Param) -> String {
    let mut s = p.name.id.to_string();
    if let Some(a) = &p.annotation {
        s = format!("{s}:{}", expr(a));
    }
    if let Some(d) = &p.default {
        s = format!("{s}={}", expr(d));
    }
    s
}

fn params(p: &Params) -> String {
    let mut v: Vec<String> = p.posonly.iter().map(param).collect();
    if !p.posonly.is_empty() {
        v.push("/".into());
    }
    v.extend(p.args.iter().map(param));
    if let Some(a) = &p.vararg {
        v.push(format!("*{}", param(a)));
    } else if !p.kwonly.is_empty() {
        v.push("*".into());
    }
    v.extend(p.kwonly.iter().map(param));
    if let Some(k) = &p.kwarg {
        v.push(format!("**{}", param(k)));
    }
    format!("[{}]", v.join(" "))
}

fn arg(a: &Arg) -> String {
    match a {
        Arg::Pos(e) => expr(e),
        Arg::Star(e) => format!("(* {})", expr(e)),
        Arg::Keyword(k, e) => format!("{k}={}", expr(e)),
        Arg::DoubleStar(e) => format!("(** {})", expr(e)),
    }
}

fn gens(g: &[Comprehension]) -> Vec<String> {
    g.iter()
        .map(|c| {
            let mut v = vec![expr(&c.target), expr(&c.iter)];
            v.extend(c.ifs.iter().map(|i| format!("(if {})", expr(i))));
            list("for", v)
        })
        .collect()
}

fn fparts(parts: &[FPart]) -> Vec<String> {
    parts
        .iter()
        .map(|p| match p {
            FPart::Literal(s) => format!("{:?}", &**s),
            FPart::Field {
                value,
                debug_text,
                conversion,
                spec,
            } => {
                let mut v = vec![expr(value)];
                if let Some(d) = debug_text {
                    v.push(format!("debug={:?}", &**d));
                }
                match conversion {
                    Conversion::None => {}
                    Conversion::Str => v.push("!s".into()),
                    Conversion::Repr => v.push("!r".into()),
                    Conversion::Ascii => v.push("!a".into()),
                }
                if let Some(s) = spec {
                    v.push(list("spec", fparts(s)));
                }
                list("field", v)
            }
        })
        .collect()
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is-not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not-in",
    }
}

pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name(n) => n.id.to_string(),
        ExprKind::Literal(v) => format!("{:?}", v),
        ExprKind::Const(c) => match c {
            Const::None => "None".into(),
            Const::True => "True".into(),
            Const::False => "False".into(),
            Const::Ellipsis => "...".into(),
            Const::Int(i) => i.to_string(),
            Const::BigInt(s) => format!("big:{s}"),
            Const::Float(f) => format!("{f:?}"),
            Const::Str(s) => format!("{:?}", &**s),
            Const::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        },
        ExprKind::FString(parts) => list("f", fparts(parts)),
        ExprKind::Attribute { value, attr } => format!("(. {} {attr})", expr(value)),
        ExprKind::Subscript { value, index } => format!("([] {} {})", expr(value), expr(index)),
        ExprKind::Slice { lower, upper, step } => {
            format!("(slice {} {} {})", optb(lower), optb(upper), optb(step))
        }
        ExprKind::Call { func, args } => {
            let mut v = vec![expr(func)];
            v.extend(args.iter().map(arg));
            list("call", v)
        }
        ExprKind::BinOp { op, left, right } => {
            format!(
                "({} {} {})",
                spindle::interp::ops::binop_symbol(*op),
                expr(left),
                expr(right)
            )
        }
        ExprKind::UnaryOp { op, operand } => {
            let o = match op {
                UnaryOp::Neg => "neg",
                UnaryOp::Pos => "pos",
                UnaryOp::Invert => "~",
                UnaryOp::Not => "not",
            };
            format!("({o} {})", expr(operand))
        }
        ExprKind::BoolOp { op, values } => list(
            if *op == BoolOp::And { "and" } else { "or" },
            values.iter().map(expr).collect(),
        ),
        ExprKind::Compare { left, ops } => {
            let mut v = vec![expr(left)];
            for (op, e) in ops {
                v.push(cmpop(*op).into());
                v.push(expr(e));
            }
            list("cmp", v)
        }
        ExprKind::IfExp { test, body, orelse } => {
            format!("(ifexp {} {} {})", expr(test), expr(body), expr(orelse))
        }
        ExprKind::Lambda(f) => format!("(lambda {} {})", params(&f.params), body(&f.body)),
        ExprKind::Tuple(v) => list("tuple", v.iter().map(expr).collect()),
        ExprKind::List(v) => list("list", v.iter().map(expr).collect()),
        ExprKind::Set(v) => list("set", v.iter().map(expr).collect()),
        ExprKind::Dict(items) => list(
            "dict",
            items
                .iter()
                .map(|i| match i {
                    DictItem::Pair(k, v) => format!("({} {})", expr(k), expr(v)),
                    DictItem::Unpack(m) => format!("(** {})", expr(m)),
                })
                .collect(),
        ),
        ExprKind::Starred(x) => format!("(* {})", expr(x)),
        ExprKind::Comp {
            kind,
            elt,
            generators,
            ..
        } => {
            let head = match kind {
                CompKind::List => "listcomp",
                CompKind::Set => "setcomp",
                CompKind::Generator => "genexp",
            };
            let mut v = vec![expr(elt)];
            v.extend(gens(generators));
            list(head, v)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
            ..
        } => {
            let mut v = vec![expr(key), expr(value)];
            v.extend(gens(generators));
            list("dictcomp", v)
        }
        ExprKind::Yield(x) => match x {
            Some(x) => format!("(yield {})", expr(x)),
            None => "(yield)".into(),
        },
        ExprKind::YieldFrom(x) => format!("(yield-from {})", expr(x)),
        ExprKind::NamedExpr { target, value } => format!("(:= {} {})", target.id, expr(value)),
    }
}

fn alias(a: &Alias) -> String {
    match &a.asname {
        Some(n) => format!("{}:{}", a.name, n.id),
        None => format!("{}:{}", a.name, a.bound.id),
    }
}

pub fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(e) => expr(e),
        StmtKind::Assign { targets, value } => {
            let mut v: Vec<String> = targets.iter().map(expr).collect();
            v.push(expr(value));
            list("=", v)
        }
        StmtKind::AugAssign { target, op, value } => {
            format!(
                "({}= {} {})",
                spindle::interp::ops::binop_symbol(*op),
                expr(target),
                expr(value)
            )
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            format!("(ann {} {} {})", expr(target), expr(annotation), opt(value))
        }
        StmtKind::FunctionDef(f) => {
            let mut v = vec![f.name.to_string(), params(&f.params)];
            if let Some(r) = &f.returns {
                v.push(format!("-> {}", expr(r)));
            }
            if !f.decorators.is_empty() {
                v.push(list("@", f.decorators.iter().map(expr).collect()));
            }
            v.push(body(&f.body));
            list("def", v)
        }
        StmtKind::ClassDef(c) => {
            let mut v = vec![
                c.name.to_string(),
                list("bases", c.bases.iter().map(arg).collect()),
            ];
            if !c.decorators.is_empty() {
                v.push(list("@", c.decorators.iter().map(expr).collect()));
            }
            v.push(body(&c.body));
            list("class", v)
        }
        StmtKind::Return(e) => list("return", e.iter().map(expr).collect()),
        StmtKind::Delete(v) => list("del", v.iter().map(expr).collect()),
        StmtKind::Pass => "pass".into(),
        StmtKind::Break => "break".into(),
        StmtKind::Continue => "continue".into(),
        StmtKind::If {
            test,
            body: b,
            orelse,
        } => format!("(if {} {} {})", expr(test), body(b), body(orelse)),
        StmtKind::While {
            test,
            body: b,
            orelse,
        } => format!("(while {} {} {})", expr(test), body(b), body(orelse)),
        StmtKind::For {
            target,
            iter,
            body: b,
            orelse,
        } => {
            format!(
                "(for {} {} {} {})",
                expr(target),
                expr(iter),
                body(b),
                body(orelse)
            )
        }
        StmtKind::Try {
            body: b,
            handlers,
            orelse,
            finalbody,
        } => {
            let mut v = vec![body(b)];
            for h in handlers {
                let mut hv = vec![opt(&h.typ)];
                if let Some(n) = &h.name {
                    hv.push(format!("as {}", n.id));
                }
                hv.push(body(&h.body));
                v.push(list("except", hv));
            }
            v.push(format!("(else {})", body(orelse)));
            v.push(format!("(finally {})", body(finalbody)));
            list("try", v)
        }
        StmtKind::Raise { exc, cause } => format!("(raise {} {})", opt(exc), opt(cause)),
        StmtKind::With { items, body: b } => {
            let mut v: Vec<String> = items
                .iter()
                .map(|i| match &i.target {
                    Some(t) => format!("({} as {})", expr(&i.context), expr(t)),
                    None => format!("({})", expr(&i.context)),
                })
                .collect();
            v.push(body(b));
            list("with", v)
        }
        StmtKind::Global(n) => list("global", n.iter().map(|n| n.id.to_string()).collect()),
        StmtKind::Nonlocal(n) => list("nonlocal", n.iter().map(|n| n.id.to_string()).collect()),
        StmtKind::Assert { test, msg } => format!("(assert {} {})", expr(test), opt(msg)),
        StmtKind::Import(a) => list("import", a.iter().map(alias).collect()),
        StmtKind::ImportFrom {
            module,
            level,
            names,
        } => {
            let mut v = vec![format!("{}{}", ".".repeat(*level as usize), module)];
            if names.is_empty() {
                v.push("*".into());
            }
            v.extend(names.iter().map(alias));
            list("from", v)
        }
    }
}
