// One test per syntax form: the parsed AST, printed as s-expressions, has the right shape.

mod common;

macro_rules! form {
    ($name:ident, $src:expr, $want:expr) => {
        #[test]
        fn $name() {
            assert_eq!(common::module($src), $want, "source: {:?}", $src);
        }
    };
}

// ---- simple statements ----
form!(expression_statement, "x\n", "x");
form!(
    pass_break_continue,
    "while x:\n    pass\n    break\n    continue\n",
    "(while x (body pass break continue) (body))"
);
form!(several_on_one_line, "a = 1; b = 2;\n", "(= a 1) (= b 2)");
form!(chained_assignment, "a = b = 0\n", "(= a b 0)");
form!(tuple_swap, "a, b = b, a\n", "(= (tuple a b) (tuple b a))");
form!(
    starred_target,
    "first, *rest = [1, 2, 3]\n",
    "(= (tuple first (* rest)) (list 1 2 3))"
);
form!(list_target, "[a, b] = t\n", "(= (list a b) t)");
form!(
    attribute_and_subscript_targets,
    "o.x = d[k] = 1\n",
    "(= (. o x) ([] d k) 1)"
);
form!(
    augmented_assignments,
    "x += 1\nx -= 1\nx *= 1\nx /= 1\nx //= 1\nx %= 1\nx **= 1\nx &= 1\nx |= 1\nx ^= 1\nx <<= 1\nx >>= 1\nx @= 1\n",
    "(+= x 1) (-= x 1) (*= x 1) (/= x 1) (//= x 1) (%= x 1) (**= x 1) (&= x 1) (|= x 1) (^= x 1) (<<= x 1) (>>= x 1) (@= x 1)"
);
form!(
    annotated_assignment,
    "x: int = 0\ny: list\n",
    "(ann x int 0) (ann y list _)"
);
form!(
    return_tuple,
    "def f():\n    return 1, 2\n",
    "(def f [] (body (return (tuple 1 2))))"
);
form!(
    bare_return,
    "def f():\n    return\n",
    "(def f [] (body (return)))"
);
form!(
    raise_forms,
    "raise\nraise E\nraise E('x') from err\n",
    "(raise _ _) (raise E _) (raise (call E \"x\") err)"
);
form!(
    global_nonlocal,
    "def f():\n    global a, b\n    nonlocal c\n",
    "(def f [] (body (global a b) (nonlocal c)))"
);
form!(delete, "del a, b[0], c.d\n", "(del a ([] b 0) (. c d))");
form!(
    assert_forms,
    "assert x\nassert x, 'msg'\n",
    "(assert x _) (assert x \"msg\")"
);
form!(
    import_forms,
    "import os\nimport a.b as c, d.e\n",
    "(import os:os) (import a.b:c d.e:d)"
);
form!(
    from_import_forms,
    "from a import b as c, d\nfrom a.b import (e, f,)\nfrom . import x\nfrom ..p import y\nfrom m import *\n",
    "(from a b:c d:d) (from a.b e:e f:f) (from . x:x) (from ..p y:y) (from m *)"
);
form!(
    yield_statement_and_expression,
    "def g():\n    yield\n    yield 1\n    x = yield y\n    yield from z\n",
    "(def g [] (body (yield) (yield 1) (= x (yield y)) (yield-from z)))"
);

// ---- compound statements ----
form!(
    if_elif_else,
    "if a:\n    x\nelif b:\n    y\nelse:\n    z\n",
    "(if a (body x) (body (if b (body y) (body z))))"
);
form!(
    if_on_one_line,
    "if x: y = 1; z = 2\n",
    "(if x (body (= y 1) (= z 2)) (body))"
);
form!(
    while_else,
    "while x:\n    x -= 1\nelse:\n    done()\n",
    "(while x (body (-= x 1)) (body (call done)))"
);
form!(
    for_else_tuple_target,
    "for k, v in d.items():\n    pass\nelse:\n    pass\n",
    "(for (tuple k v) (call (. d items)) (body pass) (body pass))"
);
form!(
    try_except_else_finally,
    "try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n",
    "(try (body a) (except (tuple A B) as e (body b)) (except C (body c)) (except _ (body d)) (else (body e)) (finally (body f)))"
);
form!(
    try_finally,
    "try:\n    a\nfinally:\n    b\n",
    "(try (body a) (else (body)) (finally (body b)))"
);
form!(
    with_items,
    "with open(p) as f, lock:\n    pass\n",
    "(with ((call open p) as f) (lock) (body pass))"
);
form!(
    with_parenthesized_items,
    "with (open(a) as f, open(b) as g):\n    pass\n",
    "(with ((call open a) as f) ((call open b) as g) (body pass))"
);
form!(
    def_all_parameter_kinds,
    "def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    pass\n",
    "(def f [a b=1 / c=2 *args d e=3 **kw] -> int (body pass))"
);
form!(
    def_annotations_and_bare_star,
    "def f(x: int, *, y: str = 'a'):\n    pass\n",
    "(def f [x:int * y:str=\"a\"] (body pass))"
);
form!(
    decorators,
    "@dec\n@mod.dec(1)\ndef f():\n    pass\n",
    "(def f [] (@ dec (call (. mod dec) 1)) (body pass))"
);
form!(
    class_with_bases_and_keywords,
    "class A(B, C, metaclass=M):\n    x = 1\n    def m(self):\n        pass\n",
    "(class A (bases B C metaclass=M) (body (= x 1) (def m [self] (body pass))))"
);
form!(
    class_without_bases,
    "@d\nclass A:\n    pass\n",
    "(class A (bases) (@ d) (body pass))"
);
form!(
    nested_blocks_and_dedent,
    "if a:\n    if b:\n        c\nd\n",
    "(if a (body (if b (body c) (body))) (body)) d"
);

// ---- expressions ----
form!(
    arithmetic_precedence,
    "1 + 2 * 3 - 4 / 5 // 6 % 7\n",
    "(- (+ 1 (* 2 3)) (% (// (/ 4 5) 6) 7))"
);
form!(
    power_binds_tighter_than_unary_minus,
    "-2 ** 2\n",
    "(neg (** 2 2))"
);
form!(power_with_negative_exponent, "2 ** -1\n", "(** 2 (neg 1))");
form!(
    power_is_right_associative,
    "2 ** 3 ** 2\n",
    "(** 2 (** 3 2))"
);
form!(
    bitwise_precedence,
    "a | b ^ c & d << 1 >> 2\n",
    "(| a (^ b (& c (>> (<< d 1) 2))))"
);
form!(
    unary_operators,
    "-x + +y - ~z\n",
    "(- (+ (neg x) (pos y)) (~ z))"
);
form!(
    chained_comparison,
    "a < b <= c == d != e > f >= g\n",
    "(cmp a < b <= c == d != e > f >= g)"
);
form!(
    membership_and_identity,
    "a in b\na not in b\na is b\na is not b\n",
    "(cmp a in b) (cmp a not-in b) (cmp a is b) (cmp a is-not b)"
);
form!(
    not_is_lower_than_comparison,
    "not a == b\n",
    "(not (cmp a == b))"
);
form!(and_or_not, "a or b and not c\n", "(or a (and b (not c)))");
form!(
    conditional_expression,
    "x = a if c else b\n",
    "(= x (ifexp c a b))"
);
form!(
    lambda_all_params,
    "f = lambda a, b=1, *c, d, **e: a\n",
    "(= f (lambda [a b=1 *c d **e] (body (return a))))"
);
form!(
    lambda_no_params,
    "f = lambda: 0\n",
    "(= f (lambda [] (body (return 0))))"
);
form!(
    walrus,
    "if (n := len(a)) > 10:\n    pass\n",
    "(if (cmp (:= n (call len a)) > 10) (body pass) (body))"
);
form!(
    walrus_in_while,
    "while chunk := read():\n    pass\n",
    "(while (:= chunk (call read)) (body pass) (body))"
);
form!(
    call_with_unpacking,
    "f(1, *a, k=2, **kw)\n",
    "(call f 1 (* a) k=2 (** kw))"
);
form!(
    genexp_sole_argument,
    "sum(x for x in y)\n",
    "(call sum (genexp x (for x y)))"
);
form!(
    subscript_slices,
    "a[1:2]\na[::2]\na[:]\na[i:j:k]\n",
    "([] a (slice 1 2 _)) ([] a (slice _ _ 2)) ([] a (slice _ _ _)) ([] a (slice i j k))"
);
form!(
    tuple_subscript,
    "a[1, 2]\na[1:2, 3]\n",
    "([] a (tuple 1 2)) ([] a (tuple (slice 1 2 _) 3))"
);
form!(
    attribute_chain,
    "a.b.c(d).e\n",
    "(. (call (. (. a b) c) d) e)"
);
form!(
    displays,
    "[1, 2]\n(1,)\n()\n{1, 2}\n{}\n{'a': 1, **m}\n",
    "(list 1 2) (tuple 1) (tuple) (set 1 2) (dict) (dict (\"a\" 1) (** m))"
);
form!(
    display_unpacking,
    "[*a, *b]\n{*a, 1}\n{**a, **b}\n",
    "(list (* a) (* b)) (set (* a) 1) (dict (** a) (** b))"
);
form!(parenthesized_expression, "(a + b) * c\n", "(* (+ a b) c)");
form!(
    comprehensions,
    "[x for x in a if x if y for z in b]\n{x for x in a}\n{k: v for k, v in d}\n(x for x in a)\n",
    "(listcomp x (for x a (if x) (if y)) (for z b)) (setcomp x (for x a)) (dictcomp k v (for (tuple k v) d)) (genexp x (for x a))"
);
form!(
    conditional_in_comprehension,
    "[a if c else b for a in x]\n",
    "(listcomp (ifexp c a b) (for a x))"
);
form!(
    ellipsis_and_constants,
    "...\nNone\nTrue\nFalse\n",
    "... None True False"
);

// ---- literals ----
form!(
    int_bases,
    "0x_ff\n0o17\n0b1010\n1_000_000\n0\n00\n",
    "255 15 10 1000000 0 0"
);
form!(
    big_int,
    "123456789012345678901234567890\n0xffffffffffffffffff\n",
    "big:123456789012345678901234567890 big:4722366482869645213695"
);
form!(
    floats,
    "1.\n.5\n1e-3\n1_000.5\n1.5E+2\n",
    "1.0 0.5 0.001 1000.5 150.0"
);
form!(
    string_prefixes,
    "r'a\\n'\nR\"b\"\nu'c'\nb'd'\nBR'\\x'\nrb'e'\n",
    "\"a\\\\n\" \"b\" \"c\" b\"d\" b\"\\\\x\" b\"e\""
);
form!(
    escape_sequences,
    "'\\n\\t\\\\\\'\\\"\\x41\\u00e9\\U0001F600\\101\\\nz'\n",
    "\"\\n\\t\\\\'\\\"Aé😀Az\""
);
form!(triple_quoted, "s = '''a\nb'''\n", "(= s \"a\\nb\")");
form!(implicit_concatenation, "'a' \"b\"\n", "\"ab\"");
form!(
    concatenation_with_fstring,
    "'a' f'{x}' 'b'\n",
    "(f \"a\" (field x) \"b\")"
);
form!(
    fstring_conversions,
    "f'{a!r} {b!s} {c!a}'\n",
    "(f (field a !r) \" \" (field b !s) \" \" (field c !a))"
);
form!(
    fstring_nested_spec,
    "f'{x:>{width}.{p}f}'\n",
    "(f (field x (spec \">\" (field width) \".\" (field p) \"f\")))"
);
form!(fstring_braces, "f'{{a}} {b}'\n", "(f \"{a} \" (field b))");
form!(fstring_debug, "f'{x=}'\n", "(f (field x debug=\"x=\" !r))");
form!(
    fstring_debug_spaces,
    "f'{x = !r:>10}'\n",
    "(f (field x debug=\"x = \" !r (spec \">10\")))"
);
form!(
    fstring_expression,
    "f'{a + b[0]} {d[\"k\"]}'\n",
    "(f (field (+ a ([] b 0))) \" \" (field ([] d \"k\")))"
);
form!(raw_fstring, "rf'\\d{x}'\n", "(f \"\\\\d\" (field x))");

// ---- layout ----
form!(
    blank_and_comment_lines,
    "# c\n\nif a:\n\n        # odd\n    b  # end\n\n  # x\nc\n",
    "(if a (body b) (body)) c"
);
form!(
    implicit_line_joining,
    "x = (1 +\n  2)\ny = [\n1,\n]\n",
    "(= x (+ 1 2)) (= y (list 1))"
);
form!(
    backslash_continuation,
    "x = 1 + \\\n    2\n",
    "(= x (+ 1 2))"
);
form!(
    missing_final_newline,
    "if a:\n    b",
    "(if a (body b) (body))"
);
form!(
    tabs_consistent,
    "if a:\n\tb\n\tif c:\n\t\td\n",
    "(if a (body b (if c (body d) (body))) (body))"
);
form!(
    keywords_are_not_names,
    "class = 3\n",
    "ERROR SyntaxError: invalid syntax"
);
form!(
    async_is_a_keyword,
    "async = 1\n",
    "ERROR SyntaxError: invalid syntax"
);
form!(
    await_is_a_keyword,
    "await = 1\n",
    "ERROR SyntaxError: invalid syntax"
);
form!(
    assert_after_as_in_keywords,
    "assert x, 'msg'\nassert_ = asynchronous = as_ = 1\n",
    "(assert x \"msg\") (= assert_ asynchronous as_ 1)"
);
form!(
    name_starting_with_keyword,
    "iffy = format_ = notable = 1\n",
    "(= iffy format_ notable 1)"
);

#[test]
fn needs_more_input_for_the_repl() {
    use spindle::syntax::needs_more_input as more;
    assert!(more("x = (1,\n"));
    assert!(more("s = '''abc\n"));
    assert!(more("x = 1 + \\\n"));
    assert!(more("if x:\n"));
    assert!(more("if x:\n    y = 1\n"));
    assert!(!more("if x:\n    y = 1\n\n"));
    assert!(!more("x = 1\n"));
    assert!(!more("print('hi')"));
    assert!(more("@functools.cache\n"));
    assert!(more("class A:\n    @property\n"));
    assert!(!more("@cache\ndef f(): pass\n\n"));
}

#[test]
fn spans_point_into_the_original_source() {
    let src = "if a:\n    x = foo(1)\ny = 2\n";
    let m = spindle::syntax::parse_module(src).expect("parses");
    let spindle::syntax::ast::StmtKind::If { body, .. } = &m.body[0].kind else {
        panic!("not an if")
    };
    let s = body[0].span;
    assert_eq!(&src[s.start as usize..s.end as usize], "x = foo(1)");
    let s = m.body[1].span;
    assert_eq!(&src[s.start as usize..s.end as usize], "y = 2");
}
form!(
    tabs_and_form_feeds_between_tokens,
    "x =\t1\t+\x0c2\nf'{x\t+ 1}\t'\n",
    "(= x (+ 1 2)) (f (field (+ x 1)) \"\\t\")"
);
