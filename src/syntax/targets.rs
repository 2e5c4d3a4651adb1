// Assignment targets: which expressions may be assigned, deleted or annotated.

use super::ast::*;
use super::error::SyntaxError;

/// Where a target appears; decides CPython's wording of the error.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetCtx {
    Assign,
    Aug,
    Annotated,
    For,
    With,
    Del,
}

/// What CPython calls an expression in "cannot assign to ..." messages.
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Const(Const::None) => "None",
        ExprKind::Const(Const::True) => "True",
        ExprKind::Const(Const::False) => "False",
        ExprKind::Const(Const::Ellipsis) => "ellipsis",
        ExprKind::Const(_) => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Comp {
            kind: CompKind::List,
            ..
        } => "list comprehension",
        ExprKind::Comp {
            kind: CompKind::Set,
            ..
        } => "set comprehension",
        ExprKind::Comp { .. } => "generator expression",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Starred(_) => "starred",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        _ => "expression",
    }
}

/// Checks that `e` can be the target of an assignment in `ctx`.
pub(crate) fn check_target(e: &Expr, ctx: TargetCtx) -> Result<(), SyntaxError> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(items) | ExprKind::List(items)
            if !matches!(ctx, TargetCtx::Aug | TargetCtx::Annotated) =>
        {
            let mut starred = 0;
            for item in items {
                match &item.kind {
                    ExprKind::Starred(inner) if ctx != TargetCtx::Del => {
                        starred += 1;
                        if starred > 1 {
                            return Err(SyntaxError::syntax(
                                "multiple starred expressions in assignment",
                                item.span,
                                "only one target can be starred",
                            ));
                        }
                        check_target(inner, ctx)?;
                    }
                    _ => check_target(item, ctx)?,
                }
            }
            Ok(())
        }
        ExprKind::Starred(_) if ctx != TargetCtx::Del && ctx != TargetCtx::Aug => {
            Err(SyntaxError::syntax(
                "starred assignment target must be in a list or tuple",
                e.span,
                "add a comma to make this a tuple target",
            ))
        }
        _ => {
            let what = describe(e);
            let (msg, label) = match ctx {
                TargetCtx::Assign => (
                    format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                    format!("a {what} cannot be assigned to"),
                ),
                TargetCtx::Aug => (
                    format!("'{what}' is an illegal expression for augmented assignment"),
                    "only a name, attribute or subscript can be updated in place".to_string(),
                ),
                TargetCtx::Annotated => {
                    let msg = if matches!(e.kind, ExprKind::Tuple(_)) {
                        "only single target (not tuple) can be annotated".to_string()
                    } else if matches!(e.kind, ExprKind::List(_)) {
                        "only single target (not list) can be annotated".to_string()
                    } else {
                        "illegal target for annotation".to_string()
                    };
                    (
                        msg,
                        "only a name, attribute or subscript can be annotated".to_string(),
                    )
                }
                TargetCtx::Del => (
                    format!("cannot delete {what}"),
                    format!("a {what} cannot be deleted"),
                ),
                TargetCtx::For | TargetCtx::With => (
                    format!("cannot assign to {what}"),
                    format!("a {what} cannot be assigned to"),
                ),
            };
            Err(SyntaxError::syntax(msg, e.span, label))
        }
    }
}
