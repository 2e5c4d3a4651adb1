// The `random.Random` object's own data: its generator, the cached gauss value, seeding and state.

use num_bigint::BigInt;

use super::error::RandomError;
use super::mt::{Mt19937, N};

/// One `random.Random` instance. The module-level functions of `random` are one shared
/// instance of this; every other `Random(...)` is independent of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Random {
    pub(crate) mt: Mt19937,
    /// The second value of the last Box–Muller pair, returned by the next `gauss()`.
    pub(crate) gauss_next: Option<f64>,
}

/// Everything `Random.getstate()` captures: CPython's `(3, (*words, index), gauss_next)`.
#[derive(Clone, Debug, PartialEq)]
pub struct RandomState {
    pub words: [u32; N],
    pub index: usize,
    pub gauss_next: Option<f64>,
}

impl Random {
    fn with(mt: Mt19937) -> Self {
        Random {
            mt,
            gauss_next: None,
        }
    }

    /// `Random()` / `Random(None)`: seeded from the operating system's entropy.
    pub fn from_os() -> Self {
        let mut r = Self::with(Mt19937::from_key(&[0]));
        r.seed_os();
        r
    }

    /// `Random(seed)` for an int seed.
    pub fn from_seed_i64(seed: i64) -> Self {
        Self::with(Mt19937::from_seed_i64(seed))
    }

    /// `Random(seed)` for an arbitrary int seed.
    pub fn from_seed_int(seed: &BigInt) -> Self {
        Self::with(Mt19937::from_seed_int(seed))
    }

    /// `Random(seed)` for a str seed.
    pub fn from_seed_str(seed: &str) -> Self {
        let mut r = Self::with(Mt19937::from_key(&[0]));
        r.seed_str(seed);
        r
    }

    /// `Random(seed)` for a bytes or bytearray seed.
    pub fn from_seed_bytes(seed: &[u8]) -> Self {
        let mut r = Self::with(Mt19937::from_key(&[0]));
        r.seed_bytes(seed);
        r
    }

    /// `seed(None)`.
    pub fn seed_os(&mut self) {
        self.mt.seed_os();
        self.gauss_next = None;
    }

    /// `seed(n)` for an int `n`.
    pub fn seed_i64(&mut self, seed: i64) {
        self.mt.seed_u64(seed.unsigned_abs());
        self.gauss_next = None;
    }

    /// `seed(n)` for an arbitrary int `n`.
    pub fn seed_int(&mut self, seed: &BigInt) {
        self.mt.seed_int(seed);
        self.gauss_next = None;
    }

    /// `seed(x)` for a float (or any other hashable CPython accepts), given `hash(x)`.
    pub fn seed_hash(&mut self, hash: i64) {
        self.mt.seed_hash(hash);
        self.gauss_next = None;
    }

    /// `seed(s)` for a str, version 2.
    pub fn seed_str(&mut self, seed: &str) {
        self.mt.seed_str(seed);
        self.gauss_next = None;
    }

    /// `seed(b)` for bytes or bytearray, version 2.
    pub fn seed_bytes(&mut self, seed: &[u8]) {
        self.mt.seed_bytes(seed);
        self.gauss_next = None;
    }

    /// `seed(s, version=1)` for a str or bytes, given its code points (bytes: byte values).
    pub fn seed_version1(&mut self, code_points: &[u32]) {
        self.mt.seed_version1(code_points);
        self.gauss_next = None;
    }

    /// The underlying generator.
    pub fn generator(&self) -> &Mt19937 {
        &self.mt
    }

    /// The underlying generator, mutably (for callers that need raw 32-bit outputs).
    pub fn generator_mut(&mut self) -> &mut Mt19937 {
        &mut self.mt
    }

    /// `getstate()`.
    pub fn getstate(&self) -> RandomState {
        let (words, index) = self.mt.getstate();
        RandomState {
            words,
            index,
            gauss_next: self.gauss_next,
        }
    }

    /// `setstate(state)`; fails like CPython on a position above 624.
    pub fn setstate(&mut self, state: &RandomState) -> Result<(), RandomError> {
        self.mt.setstate(&state.words, state.index)?;
        self.gauss_next = state.gauss_next;
        Ok(())
    }

    /// `random()`: a float in [0, 1).
    pub fn random(&mut self) -> f64 {
        self.mt.random()
    }

    /// `getrandbits(k)`; a negative `k` is a ValueError.
    pub fn getrandbits(&mut self, k: i64) -> Result<BigInt, RandomError> {
        self.mt.getrandbits(k)
    }

    /// `getrandbits(k)` for `k <= 64`, without allocating.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        self.mt.getrandbits_u64(k)
    }

    /// `randbytes(n)`.
    pub fn randbytes(&mut self, n: usize) -> Vec<u8> {
        self.mt.randbytes(n)
    }
}
