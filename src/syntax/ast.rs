// The abstract syntax tree: what the parser builds and the resolver annotates in place.
//
// Every node carries a byte span into its source. Names carry a `NameRes` slot that the
// parser leaves `Unresolved` and `compile::resolve` fills in, so the evaluator never looks
// a local variable up by name.

use super::frozen::Names;
use crate::intern::Symbol;
use bincode::{Decode, Encode};
use std::rc::Rc;

/// Byte offsets `[start, end)` into the module's source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Encode, Decode)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// Where a name lives once scopes are resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum NameRes {
    #[default]
    Unresolved,
    /// A plain local of the current frame.
    Local(u32),
    /// A local of the current frame that inner functions capture: the slot holds a cell.
    Cell(u32),
    /// A variable of an enclosing function, through the function's closure.
    Free(u32),
    /// A module global: slot in the module table; falls back to the builtin of that name.
    Global(u32),
    /// A name assigned in a class body: lives in the class namespace; a read that
    /// misses there falls back to this global slot.
    ClassBody(u32),
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct Name {
    pub id: Symbol,
    pub span: Span,
    pub res: NameRes,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    /// An integer literal too big for i64, as decimal digits.
    BigInt(Rc<str>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum Arg {
    Pos(Expr),
    /// `*iterable`
    Star(Expr),
    /// `name=value`
    Keyword(Symbol, Expr),
    /// `**mapping`
    DoubleStar(Expr),
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum DictItem {
    Pair(Expr, Expr),
    /// `**mapping`
    Unpack(Expr),
}

/// One `for target in iter if cond ...` clause of a comprehension.
#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

/// A piece of an f-string.
#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum FPart {
    Literal(Rc<str>),
    Field {
        value: Expr,
        /// Text of the expression followed by `=` for the `{x=}` debugging form.
        debug_text: Option<Rc<str>>,
        conversion: Conversion,
        /// The format spec, itself an f-string (it may contain `{}` fields).
        spec: Option<Vec<FPart>>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum CompKind {
    List,
    Set,
    Generator,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum ExprKind {
    Name(Name),
    Const(Const),
    /// A constant already turned into a runtime value (the resolver does this).
    Literal(crate::value::Value),
    FString(Vec<FPart>),
    Attribute {
        value: Box<Expr>,
        attr: Symbol,
    },
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    /// `lower:upper:step`, only inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Arg>,
    },
    BinOp {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `left op1 c1 op2 c2 ...`, chained.
    Compare {
        left: Box<Expr>,
        ops: Vec<(CmpOp, Expr)>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Lambda(Rc<FunctionDef>),
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    Dict(Vec<DictItem>),
    /// `*x` inside a display or an assignment target.
    Starred(Box<Expr>),
    /// List, set and generator comprehensions. Each runs in its own scope, as in
    /// Python 3: slot 0 holds the iterator of the first `for`, which the enclosing
    /// scope evaluates; a generator expression's scope is a generator.
    Comp {
        kind: CompKind,
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
        scope: Box<Scope>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
        scope: Box<Scope>,
    },
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `target := value`
    NamedExpr {
        target: Name,
        value: Box<Expr>,
    },
}

/// What the resolver learns about a function, lambda, class body or comprehension.
#[derive(Clone, Debug, Default, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct Scope {
    /// Number of local slots (parameters first, in order).
    pub nlocals: u32,
    /// Local slots that hold cells because an inner function captures them; a
    /// parameter among them is moved into its cell on entry.
    pub cells: Vec<u32>,
    /// For each free variable, where to find it in the defining frame
    /// (a `Cell` slot or a `Free` index of the enclosing function).
    pub freevars: Vec<NameRes>,
    /// Names of the local slots, for `locals()`, errors and debugging.
    pub local_names: Vec<Symbol>,
    /// The function contains `yield`.
    pub is_generator: bool,
    /// In a class body: the slot of the `__class__` cell that `super()` reads. In a
    /// function: the index of `__class__` among its free variables.
    pub class_cell: Option<u32>,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct Param {
    pub name: Name,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
}

#[derive(Clone, Debug, Default, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct Params {
    pub posonly: Vec<Param>,
    pub args: Vec<Param>,
    pub vararg: Option<Param>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<Param>,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct FunctionDef {
    /// `<lambda>` for lambdas.
    pub name: Symbol,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    pub scope: Scope,
    pub span: Span,
    /// Qualified name (`Outer.method`, `f.<locals>.g`), filled by the resolver.
    pub qualname: Rc<str>,
    /// Where the `def` statement stores the function, filled by the resolver.
    pub binding: NameRes,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct ClassDef {
    pub name: Symbol,
    pub bases: Vec<Arg>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub scope: Scope,
    pub span: Span,
    pub qualname: Rc<str>,
    /// Where the `class` statement stores the class, filled by the resolver.
    pub binding: NameRes,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct ExceptHandler {
    pub typ: Option<Expr>,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct Alias {
    /// Dotted module path (`a.b.c`) or imported name.
    pub name: Rc<str>,
    pub asname: Option<Name>,
    /// The name bound by `import a.b` (that is `a`), resolved like any target.
    pub bound: Name,
    pub span: Span,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub enum StmtKind {
    Expr(Expr),
    /// `t1 = t2 = value`
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    FunctionDef(Rc<FunctionDef>),
    ClassDef(Rc<ClassDef>),
    Return(Option<Expr>),
    Delete(Vec<Expr>),
    Pass,
    Break,
    Continue,
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    Global(Vec<Name>),
    Nonlocal(Vec<Name>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Import(Vec<Alias>),
    /// `from .mod import a as b, c` (`names` empty means `*`).
    ImportFrom {
        module: Rc<str>,
        level: u32,
        names: Vec<Alias>,
    },
}

/// A parsed module: its statements and, after resolution, the globals it names.
#[derive(Clone, Debug, Default, Encode, Decode)]
#[bincode(decode_context = "Names")]
pub struct Module {
    pub body: Vec<Stmt>,
    /// Hidden locals of module-level code (comprehension variables).
    pub scope: Scope,
    /// Global slot names, in slot order.
    pub globals: Vec<Symbol>,
}
