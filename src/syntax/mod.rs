// The front end: source text -> layout marks -> pest parse -> AST.

pub mod ast;
pub mod error;
pub mod frozen;
pub mod layout;
mod literal;
pub mod parser;
mod pest_error;
mod targets;

pub use layout::needs_more_input;

/// Parses a whole module.
pub fn parse_module(source: &str) -> Result<ast::Module, error::SyntaxError> {
    // pest recurses once per nesting level, which the layout pass bounds; a fresh
    // segment makes room for that bound wherever the parse is called from (the
    // interpreter itself runs on coroutine stacks).
    stacker::grow(PARSE_STACK, || parse_module_here(source))
}

/// Stack for one parse: the deepest line the layout pass accepts needs well under this.
const PARSE_STACK: usize = 32 * 1024 * 1024;

fn parse_module_here(source: &str) -> Result<ast::Module, error::SyntaxError> {
    let layout = layout::layout(source);
    let parsed = parser::parse_body(&layout);
    // A lexical error stops the text before its logical line; an error the parser
    // finds strictly before that line came first in the file and wins.
    if let Some(lex) = layout.error.clone() {
        return Err(match parsed {
            Err(parser::Failure::Grammar(g)) if pest_error::position(&g) >= layout.cut_at => lex,
            Err(failure) => {
                let e = pest_error::explain(&layout, source, failure);
                if (e.span.start as usize) < layout.error_line_start {
                    e
                } else {
                    lex
                }
            }
            Ok(_) => lex,
        });
    }
    match parsed {
        Ok(body) => Ok(ast::Module {
            body,
            ..Default::default()
        }),
        Err(failure) => Err(pest_error::explain(&layout, source, failure)),
    }
}

/// Parses a single expression (for the REPL and tools): the source must be one
/// expression, possibly a tuple without parentheses.
pub fn parse_expression(source: &str) -> Result<ast::Expr, error::SyntaxError> {
    let module = parse_module(source)?;
    let span = module.body.first().map(|s| s.span).unwrap_or_default();
    let mut body = module.body.into_iter();
    match (body.next(), body.next()) {
        (
            Some(ast::Stmt {
                kind: ast::StmtKind::Expr(e),
                ..
            }),
            None,
        ) => Ok(e),
        _ => Err(error::SyntaxError::syntax(
            "invalid syntax",
            span,
            "expected a single expression",
        )),
    }
}
