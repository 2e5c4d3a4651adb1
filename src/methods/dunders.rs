// The operator methods of the built-in types as attributes: `(1).__add__(2)`,
// `super().__repr__()`, `int.__neg__`, `object.__eq__`. Each checks its receiver and
// operand as CPython does (an operand of another type gives NotImplemented), then runs
// the evaluator's own operator, so `x.__add__(y)` and `x + y` cannot disagree.

use crate::builtins::def_method;
use crate::builtins::functions as f;
use crate::intern::intern;
use crate::interp::err::type_error;
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::methods::list::ListRef;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::object::Payload;
use crate::value::{Class, Kwargs, NativeFn, TypeKind, Value};
use std::rc::Rc;

/// What the methods here need to know of the built-in type (`TypeKind`) they belong to.
trait Owner: Copy {
    fn name(self) -> &'static str;
    fn class(self) -> Rc<Class>;
    fn owns(self, v: &Value) -> bool;
    fn accepts(self, other: &Value) -> bool;
}

impl Owner for TypeKind {
    fn name(self) -> &'static str {
        match self {
            TypeKind::Object => "object",
            TypeKind::Int => "int",
            TypeKind::Float => "float",
            TypeKind::Str => "str",
            TypeKind::Bytes => "bytes",
            TypeKind::List => "list",
            TypeKind::Tuple => "tuple",
            TypeKind::Dict => "dict",
            TypeKind::Set => "set",
            TypeKind::FrozenSet => "frozenset",
            TypeKind::Range => "range",
            TypeKind::NoneType => "NoneType",
            other => unreachable!("no operator methods are installed on {other:?}"),
        }
    }

    fn class(self) -> Rc<Class> {
        let t = types();
        match self {
            TypeKind::Object => t.object.clone(),
            TypeKind::Int => t.int.clone(),
            TypeKind::Float => t.float.clone(),
            TypeKind::Str => t.str_.clone(),
            TypeKind::Bytes => t.bytes.clone(),
            TypeKind::List => t.list.clone(),
            TypeKind::Tuple => t.tuple.clone(),
            TypeKind::Dict => t.dict.clone(),
            TypeKind::Set => t.set.clone(),
            TypeKind::FrozenSet => t.frozenset.clone(),
            TypeKind::Range => t.range.clone(),
            TypeKind::NoneType => t.none.clone(),
            other => unreachable!("no operator methods are installed on {other:?}"),
        }
    }

    /// Whether `v` is an instance of this type (a list or dict subclass instance
    /// counts for list and dict).
    fn owns(self, v: &Value) -> bool {
        match self {
            TypeKind::Object => true,
            TypeKind::Int => is_int(v),
            TypeKind::Float => matches!(v, Value::Float(_)),
            TypeKind::Str => matches!(v, Value::Str(_)),
            TypeKind::Bytes => matches!(v, Value::Bytes(_)),
            TypeKind::List => ListRef::of(v).is_some(),
            TypeKind::Tuple => matches!(v, Value::Tuple(_)),
            TypeKind::Dict => is_dict(v),
            TypeKind::Set => matches!(v, Value::Set(_)),
            TypeKind::FrozenSet => matches!(v, Value::FrozenSet(_)),
            TypeKind::Range => matches!(v, Value::Range(_)),
            TypeKind::NoneType => v.is_none(),
            _ => false,
        }
    }

    /// Whether `other` is an operand this type's binary operators and comparisons
    /// handle; for any other they return NotImplemented.
    fn accepts(self, other: &Value) -> bool {
        match self {
            TypeKind::Object | TypeKind::NoneType => false,
            TypeKind::Int => is_int(other),
            TypeKind::Float => is_int(other) || matches!(other, Value::Float(_)),
            TypeKind::Set | TypeKind::FrozenSet => {
                matches!(other, Value::Set(_) | Value::FrozenSet(_))
            }
            TypeKind::List => ListRef::of(other).is_some(),
            TypeKind::Dict => is_dict(other),
            _ => self.owns(other),
        }
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

fn is_dict(v: &Value) -> bool {
    match v {
        Value::Dict(_) => true,
        Value::Instance(i) => matches!(i.payload, Payload::Dict(_)),
        _ => false,
    }
}

/// A list or dict subclass instance as a plain list or dict (a snapshot), so that the
/// operator does not dispatch back to the subclass's own method.
pub fn plain(v: &Value) -> Value {
    match v {
        Value::Instance(i) => i.builtin_value().unwrap_or_else(|| v.clone()),
        _ => v.clone(),
    }
}

/// What a method does.
#[derive(Clone, Copy)]
enum Slot {
    /// `a.__op__(b)` is `a op b`; reflected, `a.__rop__(b)` is `b op a`.
    Binary(BinOp, bool),
    /// `a.__iop__(b)`: in place, returns `a`.
    InPlace(BinOp),
    Compare(CmpOp),
    Unary(UnaryOp),
    Abs,
    Bool,
    Int,
    Float,
    Index,
    Trunc,
    Floor,
    Ceil,
    Round,
    DivMod(bool),
    Hash,
    Repr,
    Str,
    Reversed,
}

/// Runs method `name` of `owner` with `args` (receiver first).
fn call_slot(
    interp: &mut Interp,
    args: &[Value],
    owner: TypeKind,
    name: &str,
    slot: Slot,
) -> PyResult<Value> {
    let Some(a) = args.first() else {
        return Err(type_error(format!(
            "descriptor '{name}' of '{}' object needs an argument",
            owner.name()
        )));
    };
    if !owner.owns(a) {
        return Err(type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            owner.name(),
            interp.type_name(a)
        )));
    }
    // An operand that is an instance of a subclass of a built-in type is its value
    // (`"a" < S("b")`); object's identity comparison keeps the operand itself.
    let operands: Vec<Value> = match owner {
        TypeKind::Object => args[1..].to_vec(),
        _ => args[1..].iter().map(plain).collect(),
    };
    let rest = &operands[..];
    let takes = match slot {
        Slot::Binary(BinOp::Pow, _) => 1..=2,
        Slot::Round => 0..=1,
        Slot::Binary(..) | Slot::InPlace(_) | Slot::Compare(_) | Slot::DivMod(_) => 1..=1,
        _ => 0..=0,
    };
    if !takes.contains(&rest.len()) {
        let n = if rest.len() < *takes.start() {
            takes.start()
        } else {
            takes.end()
        };
        return Err(type_error(format!(
            "expected {n} argument{}, got {}",
            if *n == 1 { "" } else { "s" },
            rest.len()
        )));
    }
    let b = rest.first();
    match slot {
        Slot::Binary(op, reflected) => binary(interp, owner, op, reflected, a, rest),
        Slot::InPlace(op) => in_place(interp, owner, op, a, &rest[0]),
        Slot::Compare(op) => compare(interp, owner, op, a, &rest[0]),
        Slot::DivMod(reflected) => {
            let b = &rest[0];
            if !owner.accepts(b) {
                return Ok(Value::NotImplemented);
            }
            let pair = if reflected {
                [b.clone(), a.clone()]
            } else {
                [a.clone(), b.clone()]
            };
            f::divmod(interp, &pair, vec![])
        }
        Slot::Unary(op) => interp.unary(op, a),
        Slot::Abs => f::abs(interp, std::slice::from_ref(a), vec![]),
        Slot::Bool => Ok(Value::Bool(interp.truthy(a)?)),
        Slot::Int | Slot::Trunc | Slot::Index => {
            crate::builtins::ctors::int_new(interp, std::slice::from_ref(a), vec![])
        }
        Slot::Float => crate::builtins::ctors::float_new(interp, std::slice::from_ref(a), vec![]),
        Slot::Floor | Slot::Ceil => {
            let whole = match a {
                Value::Float(x) if matches!(slot, Slot::Floor) => Value::Float(x.floor()),
                Value::Float(x) => Value::Float(x.ceil()),
                other => other.clone(),
            };
            crate::builtins::ctors::int_new(interp, &[whole], vec![])
        }
        Slot::Round => {
            let mut call = vec![a.clone()];
            call.extend(b.cloned());
            f::round(interp, &call, vec![])
        }
        Slot::Hash => match owner {
            TypeKind::Object => Ok(Value::Int(a.id() >> 4)),
            _ => Ok(Value::Int(interp.hash(a)?)),
        },
        // object's repr is the default one even where a subclass defines its own.
        Slot::Repr => match (owner, a) {
            (TypeKind::Object, Value::Instance(i)) => {
                let c = i.class();
                Ok(Value::str(&format!(
                    "<{}.{} object at {:#x}>",
                    c.module,
                    c.qualname,
                    a.id()
                )))
            }
            _ => Ok(Value::str(&interp.repr(&plain(a))?)),
        },
        // object's str is the type's repr, which a subclass may define.
        Slot::Str => match owner {
            TypeKind::Object => Ok(Value::str(&interp.repr(a)?)),
            _ => Ok(Value::str(&interp.str(&plain(a))?)),
        },
        Slot::Reversed => f::reversed(interp, &[plain(a)], vec![]),
    }
}

fn binary(
    interp: &mut Interp,
    owner: TypeKind,
    op: BinOp,
    reflected: bool,
    a: &Value,
    rest: &[Value],
) -> PyResult<Value> {
    let b = &rest[0];
    let sequence = matches!(
        owner,
        TypeKind::Str | TypeKind::Bytes | TypeKind::List | TypeKind::Tuple
    );
    // A sequence's `+`, `*` and `%` raise for a wrong operand, as the operator does;
    // its reflected forms only take what the operator would have sent them.
    // `__rmul__` of a sequence takes the count as `__mul__` does.
    let handled = if sequence && (!reflected || op == BinOp::Mul) {
        true
    } else {
        owner.accepts(b)
    };
    if !handled {
        return Ok(Value::NotImplemented);
    }
    // The method, unlike the operator, asks for an index outright.
    if sequence && op == BinOp::Mul && !interp.is_count(b) {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(b)
        )));
    }
    let (x, y) = if reflected {
        (b.clone(), plain(a))
    } else {
        (plain(a), b.clone())
    };
    if op == BinOp::Pow && rest.len() == 2 {
        return f::pow(interp, &[x, y, rest[1].clone()], vec![]);
    }
    interp.binop(op, &x, &y)
}

fn in_place(
    interp: &mut Interp,
    owner: TypeKind,
    op: BinOp,
    a: &Value,
    b: &Value,
) -> PyResult<Value> {
    match (owner, op) {
        (TypeKind::List, BinOp::Add) => {
            let items = interp.collect(b)?;
            if let Some(l) = ListRef::of(a) {
                l.cell().borrow_mut().extend(items);
            }
            Ok(a.clone())
        }
        (TypeKind::List, BinOp::Mul) => {
            if !interp.is_count(b) {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(b)
                )));
            }
            if let Some(l) = ListRef::of(a) {
                interp.repeat_in_place(l.cell(), b)?;
            }
            Ok(a.clone())
        }
        (TypeKind::Dict, _) => {
            crate::methods::dict::update(interp, &[a.clone(), b.clone()], vec![])?;
            Ok(a.clone())
        }
        _ if !owner.accepts(b) => Ok(Value::NotImplemented),
        _ => interp.inplace_binop(op, a, b),
    }
}

fn compare(
    interp: &mut Interp,
    owner: TypeKind,
    op: CmpOp,
    a: &Value,
    b: &Value,
) -> PyResult<Value> {
    let ordering = !matches!(op, CmpOp::Eq | CmpOp::NotEq);
    match owner {
        TypeKind::Object => match op {
            CmpOp::Eq if a.is(b) => Ok(Value::Bool(true)),
            // `!=` is the negation of the type's own `==`, unless that declines.
            CmpOp::NotEq => {
                let eq = interp.getattr(a, intern("__eq__"))?;
                match interp.call(&eq, vec![b.clone()], vec![])? {
                    Value::NotImplemented => Ok(Value::NotImplemented),
                    r => Ok(Value::Bool(!interp.truthy(&r)?)),
                }
            }
            _ => Ok(Value::NotImplemented),
        },
        TypeKind::Dict | TypeKind::Range if ordering => Ok(Value::NotImplemented),
        _ if !owner.accepts(b) => Ok(Value::NotImplemented),
        _ => interp.compare(op, &plain(a), &plain(b)),
    }
}

/// Declares the methods of one type: each gets a function of its own that knows its
/// owner, name and slot (a built-in function carries no data of its own).
macro_rules! methods {
    ($owner:expr; $($name:literal => $slot:expr),* $(,)?) => {
        &[$(($name, {
            fn method(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
                call_slot(interp, args, $owner, $name, $slot)
            }
            method as NativeFn
        })),*]
    };
}

type Table = &'static [(&'static str, NativeFn)];

use BinOp::*;
use Slot::*;

const OBJECT: Table = methods!(TypeKind::Object;
    "__eq__" => Compare(CmpOp::Eq), "__ne__" => Compare(CmpOp::NotEq),
    "__lt__" => Compare(CmpOp::Lt), "__le__" => Compare(CmpOp::LtE),
    "__gt__" => Compare(CmpOp::Gt), "__ge__" => Compare(CmpOp::GtE),
    "__hash__" => Hash, "__repr__" => Repr, "__str__" => Str,
);

/// The arithmetic and comparisons that int and float share, for `$owner`.
macro_rules! number {
    ($owner:expr; $($extra:tt)*) => {
        methods!($owner;
            "__add__" => Binary(Add, false), "__radd__" => Binary(Add, true),
            "__sub__" => Binary(Sub, false), "__rsub__" => Binary(Sub, true),
            "__mul__" => Binary(Mul, false), "__rmul__" => Binary(Mul, true),
            "__truediv__" => Binary(Div, false), "__rtruediv__" => Binary(Div, true),
            "__floordiv__" => Binary(FloorDiv, false), "__rfloordiv__" => Binary(FloorDiv, true),
            "__mod__" => Binary(Mod, false), "__rmod__" => Binary(Mod, true),
            "__pow__" => Binary(Pow, false), "__rpow__" => Binary(Pow, true),
            "__divmod__" => DivMod(false), "__rdivmod__" => DivMod(true),
            "__eq__" => Compare(CmpOp::Eq), "__ne__" => Compare(CmpOp::NotEq),
            "__lt__" => Compare(CmpOp::Lt), "__le__" => Compare(CmpOp::LtE),
            "__gt__" => Compare(CmpOp::Gt), "__ge__" => Compare(CmpOp::GtE),
            "__neg__" => Unary(UnaryOp::Neg), "__pos__" => Unary(UnaryOp::Pos),
            "__abs__" => Abs, "__bool__" => Bool, "__int__" => Int, "__float__" => Float,
            "__trunc__" => Trunc, "__floor__" => Floor, "__ceil__" => Ceil,
            "__round__" => Round, "__hash__" => Hash, "__repr__" => Repr,
            $($extra)*
        )
    };
}

const INT: Table = number!(TypeKind::Int;
    "__lshift__" => Binary(LShift, false), "__rlshift__" => Binary(LShift, true),
    "__rshift__" => Binary(RShift, false), "__rrshift__" => Binary(RShift, true),
    "__and__" => Binary(BitAnd, false), "__rand__" => Binary(BitAnd, true),
    "__or__" => Binary(BitOr, false), "__ror__" => Binary(BitOr, true),
    "__xor__" => Binary(BitXor, false), "__rxor__" => Binary(BitXor, true),
    "__invert__" => Unary(UnaryOp::Invert), "__index__" => Index,
);

const FLOAT: Table = number!(TypeKind::Float;);

/// Concatenation, repetition and comparisons of an immutable sequence `$owner`.
macro_rules! sequence {
    ($owner:expr; $($extra:tt)*) => {
        methods!($owner;
            "__add__" => Binary(Add, false),
            "__mul__" => Binary(Mul, false), "__rmul__" => Binary(Mul, true),
            "__eq__" => Compare(CmpOp::Eq), "__ne__" => Compare(CmpOp::NotEq),
            "__lt__" => Compare(CmpOp::Lt), "__le__" => Compare(CmpOp::LtE),
            "__gt__" => Compare(CmpOp::Gt), "__ge__" => Compare(CmpOp::GtE),
            "__repr__" => Repr,
            $($extra)*
        )
    };
}

// Of the built-in types only object, str and bytes define `__str__` (the others
// inherit object's, which calls the type's `__repr__`, as a subclass may define it).
const STR: Table = sequence!(TypeKind::Str;
    "__mod__" => Binary(Mod, false), "__rmod__" => Binary(Mod, true), "__hash__" => Hash,
    "__str__" => Str,
);
const BYTES: Table = sequence!(TypeKind::Bytes;
    "__mod__" => Binary(Mod, false), "__rmod__" => Binary(Mod, true), "__hash__" => Hash,
    "__str__" => Str,
);
const TUPLE: Table = sequence!(TypeKind::Tuple; "__hash__" => Hash,);
const LIST: Table = sequence!(TypeKind::List;
    "__iadd__" => InPlace(Add), "__imul__" => InPlace(Mul), "__reversed__" => Reversed,
);

/// The set operators of `$owner`.
macro_rules! set_ops {
    ($owner:expr; $($extra:tt)*) => {
        methods!($owner;
            "__and__" => Binary(BitAnd, false), "__rand__" => Binary(BitAnd, true),
            "__or__" => Binary(BitOr, false), "__ror__" => Binary(BitOr, true),
            "__sub__" => Binary(Sub, false), "__rsub__" => Binary(Sub, true),
            "__xor__" => Binary(BitXor, false), "__rxor__" => Binary(BitXor, true),
            "__eq__" => Compare(CmpOp::Eq), "__ne__" => Compare(CmpOp::NotEq),
            "__lt__" => Compare(CmpOp::Lt), "__le__" => Compare(CmpOp::LtE),
            "__gt__" => Compare(CmpOp::Gt), "__ge__" => Compare(CmpOp::GtE),
            "__repr__" => Repr,
            $($extra)*
        )
    };
}

const SET: Table = set_ops!(TypeKind::Set;
    "__iand__" => InPlace(BitAnd), "__ior__" => InPlace(BitOr),
    "__isub__" => InPlace(Sub), "__ixor__" => InPlace(BitXor),
);
const FROZENSET: Table = set_ops!(TypeKind::FrozenSet; "__hash__" => Hash,);

const DICT: Table = methods!(TypeKind::Dict;
    "__or__" => Binary(BitOr, false), "__ror__" => Binary(BitOr, true),
    "__ior__" => InPlace(BitOr),
    "__eq__" => Compare(CmpOp::Eq), "__ne__" => Compare(CmpOp::NotEq),
    "__repr__" => Repr, "__reversed__" => Reversed,
);

const RANGE: Table = methods!(TypeKind::Range;
    "__eq__" => Compare(CmpOp::Eq), "__ne__" => Compare(CmpOp::NotEq),
    "__bool__" => Bool, "__hash__" => Hash, "__repr__" => Repr,
    "__reversed__" => Reversed,
);

// None compares and hashes as object does.
const NONE: Table = methods!(TypeKind::NoneType; "__bool__" => Bool, "__repr__" => Repr);

pub fn install() {
    let tables: [(TypeKind, Table); 12] = [
        (TypeKind::Object, OBJECT),
        (TypeKind::Int, INT),
        (TypeKind::Float, FLOAT),
        (TypeKind::Str, STR),
        (TypeKind::Bytes, BYTES),
        (TypeKind::Tuple, TUPLE),
        (TypeKind::List, LIST),
        (TypeKind::Set, SET),
        (TypeKind::FrozenSet, FROZENSET),
        (TypeKind::Dict, DICT),
        (TypeKind::Range, RANGE),
        (TypeKind::NoneType, NONE),
    ];
    for (owner, table) in tables {
        let cls = owner.class();
        for (name, method) in table {
            // A type's own definition (a method written for it elsewhere) stays.
            if !cls.dict.borrow().contains_key(&intern(name)) {
                def_method(&cls, owner.name(), name, *method);
            }
        }
    }
    // The mutable containers are unhashable: their `__hash__` is None, as in CPython
    // (so a subclass instance is unhashable too).
    let t = types();
    for cls in [&t.list, &t.dict, &t.set] {
        cls.dict
            .borrow_mut()
            .insert(intern("__hash__"), Value::None);
    }
}
