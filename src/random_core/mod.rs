// The `random` module's algorithms, bit-for-bit like CPython 3.11, independent of the value model.
//
// Layout, one concern per file:
// - `mt`: the MT19937 generator, seeding and raw state (CPython's `_random` C module).
// - `sha512`: the SHA-512 digest used when seeding from str/bytes.
// - `random`: the `Random` object: a generator plus the cached gauss value, its seeding and state.
// - `dist`: the pure-Python layer of `Lib/random.py` (randrange, choice, shuffle, sample,
//   choices, uniform, gauss, normalvariate).
// - `variates`: the other real-valued distributions of `Lib/random.py` (expovariate, ...).
// - `error`: the Python exceptions those algorithms raise, as data.
//
// Nothing here knows about interpreter values: sequences are described by their length and
// the functions return indices, integers are `i64` (or `BigInt` where CPython goes beyond),
// floats are `f64`. The interpreter maps `RandomError` onto its exception objects.

pub mod dist;
pub mod error;
pub mod mt;
pub mod random;
pub mod sha512;
pub mod variates;

pub use error::RandomError;
pub use mt::Mt19937;
pub use random::{Random, RandomState};
