// Frozen trees: parsed modules encoded with bincode (the build freezes the embedded
// standard library this way) and decoded at import instead of parsed again.

use super::ast::Module;
use crate::intern::{intern, Symbol};
use bincode::de::{Decode, Decoder};
use bincode::enc::{Encode, Encoder};
use bincode::error::{DecodeError, EncodeError};

/// What decoding a symbol needs: the encoder's name table (a symbol is written as
/// its index there) and the symbols already interned for it.
pub struct Names {
    names: &'static [&'static str],
    symbols: Vec<Option<Symbol>>,
}

impl Encode for Symbol {
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<(), EncodeError> {
        self.0.encode(encoder)
    }
}

impl Decode<Names> for Symbol {
    fn decode<D: Decoder<Context = Names>>(decoder: &mut D) -> Result<Self, DecodeError> {
        let index = u32::decode(decoder)? as usize;
        let names = decoder.context();
        match names.symbols.get(index) {
            Some(Some(s)) => Ok(*s),
            Some(None) => {
                let s = intern(names.names[index]);
                names.symbols[index] = Some(s);
                Ok(s)
            }
            None => Err(DecodeError::Other("symbol outside the name table")),
        }
    }
}

bincode::impl_borrow_decode_with_context!(Symbol, Names);

// Only a parsed tree is frozen: runtime values appear once the resolver has run.
impl Encode for crate::value::Value {
    fn encode<E: Encoder>(&self, _: &mut E) -> Result<(), EncodeError> {
        Err(EncodeError::Other("a resolved tree cannot be frozen"))
    }
}

impl Decode<Names> for crate::value::Value {
    fn decode<D: Decoder<Context = Names>>(_: &mut D) -> Result<Self, DecodeError> {
        Err(DecodeError::Other("a frozen tree holds no runtime values"))
    }
}

bincode::impl_borrow_decode_with_context!(crate::value::Value, Names);

/// Encodes a parsed (not yet resolved) module; symbols are written as their interner
/// indices, so the reader needs `intern::names()` of the same process.
pub fn freeze(module: &Module) -> Result<Vec<u8>, EncodeError> {
    bincode::encode_to_vec(module, bincode::config::standard())
}

/// Decodes a module frozen by a process whose interned names were `names`.
pub fn thaw(bytes: &[u8], names: &'static [&'static str]) -> Result<Module, DecodeError> {
    let context = Names {
        names,
        symbols: vec![None; names.len()],
    };
    let (module, _) =
        bincode::decode_from_slice_with_context(bytes, bincode::config::standard(), context)?;
    Ok(module)
}
