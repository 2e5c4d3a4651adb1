// Fast paths for small-int arithmetic: pure evaluation of expressions made only of
// int locals, int literals and int operators. They read frame slots and never fail
// or run user code: `None` means "not this shape" and the caller takes the general
// path, which then evaluates the expression from the start (nothing was changed).

use super::Frame;
use crate::syntax::ast::{BinOp, CmpOp, Expr, ExprKind, Name, NameRes};
use crate::value::Value;

/// `x op y` for inline ints, or `None` when the result needs the general path
/// (overflow into big ints, division by zero, floats, other operators).
#[inline(always)]
pub fn int_binop(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Mod => {
            // Python's modulo takes the sign of the divisor.
            let r = x.checked_rem(y)?;
            Some(if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            })
        }
        BinOp::FloorDiv => {
            let q = x.checked_div(y)?;
            Some(if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            })
        }
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        _ => None,
    }
}

/// `x op y` for inline ints, for the ordering and equality operators.
#[inline(always)]
pub fn int_cmp(op: CmpOp, x: i64, y: i64) -> Option<bool> {
    Some(match op {
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        _ => return None,
    })
}

/// The value of `e` if it is an int computed only from int locals, int literals
/// and the operators of `int_binop`.
#[inline]
pub fn int_expr(f: &Frame, e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::BinOp { op, left, right } => {
            let x = int_leaf(f, left)?;
            let y = int_leaf(f, right)?;
            int_binop(*op, x, y)
        }
        _ => int_leaf(f, e),
    }
}

/// Like `int_expr`, one level deep (keeps the fast path non-recursive).
#[inline(always)]
fn int_leaf(f: &Frame, e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Name(Name {
            res: NameRes::Local(i),
            ..
        }) => match f.locals.get(*i as usize) {
            Some(Value::Int(x)) => Some(*x),
            _ => None,
        },
        ExprKind::Literal(Value::Int(x)) => Some(*x),
        _ => None,
    }
}
