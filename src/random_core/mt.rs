// The MT19937 generator as CPython's `_random` module runs it: seeding, 32-bit words, floats, bits.

use num_bigint::{BigInt, BigUint, Sign};

use super::error::RandomError;
use super::sha512::sha512;

/// Number of 32-bit words of state.
pub const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// A Mersenne Twister in exactly CPython's configuration.
#[derive(Clone, PartialEq, Eq)]
pub struct Mt19937 {
    state: [u32; N],
    /// Index of the next word to temper; `N` means the state must be regenerated first.
    index: usize,
}

impl std::fmt::Debug for Mt19937 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mt19937")
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

impl Mt19937 {
    /// A generator seeded like `random.Random(seed)` for an int seed.
    pub fn from_seed_i64(seed: i64) -> Self {
        let mut mt = Self::blank();
        mt.seed_u64(seed.unsigned_abs());
        mt
    }

    /// A generator seeded like `random.Random(seed)` for an arbitrary int seed.
    pub fn from_seed_int(seed: &BigInt) -> Self {
        let mut mt = Self::blank();
        mt.seed_int(seed);
        mt
    }

    /// A generator seeded with `init_by_array(key)`.
    pub fn from_key(key: &[u32]) -> Self {
        let mut mt = Self::blank();
        mt.init_by_array(key);
        mt
    }

    fn blank() -> Self {
        Mt19937 {
            state: [0; N],
            index: N,
        }
    }

    /// The reference `init_genrand`: fill the state from one 32-bit seed.
    pub fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// The reference `init_by_array`: fill the state from a key of 32-bit words.
    /// CPython never passes an empty key; one is treated as `[0]`.
    pub fn init_by_array(&mut self, key: &[u32]) {
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        self.init_genrand(19_650_218);
        let mut i = 1usize;
        let mut j = 0usize;
        for _ in 0..N.max(key.len()) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        // The most significant bit is 1, which assures a non-zero initial state.
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    /// Seed from a non-negative integer given as 32-bit words, least significant first,
    /// as CPython's `random_seed` does for `abs(seed)`. Leading zero words are ignored and
    /// zero becomes the key `[0]`.
    pub fn seed_words(&mut self, words: &[u32]) {
        match words.iter().rposition(|&w| w != 0) {
            Some(last) => self.init_by_array(&words[..=last]),
            None => self.init_by_array(&[0]),
        }
    }

    /// Seed from a non-negative integer (CPython seeds from `abs(seed)`).
    pub fn seed_u64(&mut self, seed: u64) {
        self.seed_words(&[seed as u32, (seed >> 32) as u32]);
    }

    /// Seed from an int like `random.seed(seed)`: the absolute value is used.
    pub fn seed_int(&mut self, seed: &BigInt) {
        self.seed_words(&seed.magnitude().to_u32_digits());
    }

    /// Seed from an object that is neither None nor an int, given its Python `hash()`:
    /// CPython reinterprets the hash as an unsigned machine word (no absolute value).
    /// This is how float seeds work: `random.seed(3.5)` seeds with `hash(3.5)`.
    pub fn seed_hash(&mut self, hash: i64) {
        self.seed_u64(hash as u64);
    }

    /// Seed from bytes like `random.seed(b)` with version 2 (also bytearray, and str after
    /// UTF-8 encoding): the integer `int.from_bytes(b + sha512(b).digest(), 'big')`.
    pub fn seed_bytes(&mut self, bytes: &[u8]) {
        let mut all = Vec::with_capacity(bytes.len() + 64);
        all.extend_from_slice(bytes);
        all.extend_from_slice(&sha512(bytes));
        self.seed_int(&BigInt::from_bytes_be(Sign::Plus, &all));
    }

    /// Seed from a str like `random.seed(s)` with version 2.
    pub fn seed_str(&mut self, s: &str) {
        self.seed_bytes(s.as_bytes());
    }

    /// Seed like `random.seed(a, version=1)` for a str or bytes, given its code points
    /// (for bytes, the byte values: CPython decodes them as Latin-1).
    pub fn seed_version1(&mut self, code_points: &[u32]) {
        let mut x: u64 = code_points.first().map_or(0, |&c| u64::from(c) << 7);
        for &c in code_points {
            x = 1_000_003u64.wrapping_mul(x) ^ u64::from(c);
        }
        x ^= code_points.len() as u64;
        self.seed_u64(x);
    }

    /// Seed from the operating system's entropy source like `random.seed(None)`:
    /// 624 words of key. Falls back to the clock and process id if that source fails.
    pub fn seed_os(&mut self) {
        let mut bytes = vec![0u8; N * 4];
        if read_urandom(&mut bytes) {
            let key: Vec<u32> = bytes
                .chunks_exact(4)
                .map(|c| u32::from_ne_bytes(c.try_into().expect("4-byte chunk")))
                .collect();
            self.init_by_array(&key);
        } else {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            let nanos = now.as_nanos();
            let key = [
                nanos as u32,
                (nanos >> 32) as u32,
                (nanos >> 64) as u32,
                std::process::id(),
            ];
            self.init_by_array(&key);
        }
    }

    /// The next 32-bit output (the reference `genrand_uint32`).
    pub fn genrand_uint32(&mut self) -> u32 {
        if self.index >= N {
            self.generate();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn generate(&mut self) {
        let mag01 = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for kk in 0..N - M {
            let y = (self.state[kk] & UPPER_MASK) | (self.state[kk + 1] & LOWER_MASK);
            self.state[kk] = self.state[kk + M] ^ (y >> 1) ^ mag01(y);
        }
        for kk in N - M..N - 1 {
            let y = (self.state[kk] & UPPER_MASK) | (self.state[kk + 1] & LOWER_MASK);
            self.state[kk] = self.state[kk + M - N] ^ (y >> 1) ^ mag01(y);
        }
        let y = (self.state[N - 1] & UPPER_MASK) | (self.state[0] & LOWER_MASK);
        self.state[N - 1] = self.state[M - 1] ^ (y >> 1) ^ mag01(y);
        self.index = 0;
    }

    /// `random.random()`: a float in [0, 1) with 53 random bits, from two 32-bit outputs.
    pub fn random(&mut self) -> f64 {
        let a = self.genrand_uint32() >> 5;
        let b = self.genrand_uint32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k <= 64`, without allocating. Panics if `k > 64`.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        assert!(k <= 64, "getrandbits_u64 takes at most 64 bits, got {k}");
        match k {
            0 => 0,
            1..=32 => u64::from(self.genrand_uint32() >> (32 - k)),
            _ => {
                let low = u64::from(self.genrand_uint32());
                let high = u64::from(self.genrand_uint32() >> (64 - k));
                low | (high << 32)
            }
        }
    }

    /// `getrandbits(k)` for `k <= 128`, without allocating. Panics if `k > 128`.
    pub fn getrandbits_u128(&mut self, k: u32) -> u128 {
        assert!(k <= 128, "getrandbits_u128 takes at most 128 bits, got {k}");
        if k <= 32 {
            return u128::from(self.getrandbits_u64(k));
        }
        let mut result = 0u128;
        let mut remaining = k;
        let mut shift = 0;
        while remaining > 0 {
            let mut word = self.genrand_uint32();
            if remaining < 32 {
                word >>= 32 - remaining;
            }
            result |= u128::from(word) << shift;
            shift += 32;
            remaining = remaining.saturating_sub(32);
        }
        result
    }

    /// `getrandbits(k)` for any `k`: 32-bit outputs fill the result from the least
    /// significant word up, and the last one keeps only its top bits.
    pub fn getrandbits_biguint(&mut self, k: u64) -> BigUint {
        if k <= 64 {
            return BigUint::from(self.getrandbits_u64(k as u32));
        }
        BigUint::new(self.getrandbits_words(k))
    }

    /// `getrandbits(k)` as a `BigInt`; a negative `k` is CPython's ValueError.
    pub fn getrandbits(&mut self, k: i64) -> Result<BigInt, RandomError> {
        if k < 0 {
            return Err(RandomError::value("number of bits must be non-negative"));
        }
        Ok(BigInt::from(self.getrandbits_biguint(k as u64)))
    }

    /// The words of `getrandbits(k)`, least significant first (`ceil(k / 32)` of them).
    fn getrandbits_words(&mut self, k: u64) -> Vec<u32> {
        let count = k.div_ceil(32) as usize;
        let mut words = Vec::with_capacity(count);
        let mut remaining = k;
        for _ in 0..count {
            let mut word = self.genrand_uint32();
            if remaining < 32 {
                word >>= 32 - remaining;
            }
            words.push(word);
            remaining = remaining.saturating_sub(32);
        }
        words
    }

    /// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
    pub fn randbytes(&mut self, n: usize) -> Vec<u8> {
        let words = self.getrandbits_words(n as u64 * 8);
        let mut bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        bytes.truncate(n);
        bytes
    }

    /// The raw state: the 624 words and the position of the next one, as CPython's
    /// `getstate()` returns them (its last tuple element is the position).
    pub fn getstate(&self) -> ([u32; N], usize) {
        (self.state, self.index)
    }

    /// Restore a raw state from `getstate()`. A position above 624 is CPython's
    /// `ValueError("invalid state")`.
    pub fn setstate(&mut self, words: &[u32; N], index: usize) -> Result<(), RandomError> {
        if index > N {
            return Err(RandomError::value("invalid state"));
        }
        self.state = *words;
        self.index = index;
        Ok(())
    }
}

fn read_urandom(buf: &mut [u8]) -> bool {
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(buf))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_init_by_array_outputs() {
        // The reference implementation's published test: key {0x123, 0x234, 0x345, 0x456}.
        let mut mt = Mt19937::from_key(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| mt.genrand_uint32()).collect();
        assert_eq!(
            first,
            [
                1_067_595_299,
                955_945_823,
                477_289_528,
                4_107_218_783,
                4_228_976_476
            ]
        );
    }

    #[test]
    fn seed_zero_is_key_zero() {
        let mut a = Mt19937::from_seed_i64(0);
        let mut b = Mt19937::from_key(&[0]);
        assert_eq!(a.genrand_uint32(), b.genrand_uint32());
    }

    #[test]
    fn wide_paths_agree() {
        for k in [0u32, 1, 31, 32, 33, 63, 64] {
            let mut a = Mt19937::from_seed_i64(7);
            let mut b = a.clone();
            let mut c = a.clone();
            let narrow = a.getrandbits_u64(k);
            assert_eq!(u128::from(narrow), b.getrandbits_u128(k));
            assert_eq!(
                BigUint::from(narrow),
                BigUint::new(c.getrandbits_words(u64::from(k)))
            );
            assert_eq!(a, b);
            assert_eq!(a, c);
        }
    }

    #[test]
    fn state_round_trip() {
        let mut a = Mt19937::from_seed_i64(99);
        a.random();
        let (words, index) = a.getstate();
        let mut b = Mt19937::from_seed_i64(1);
        b.setstate(&words, index).unwrap();
        assert_eq!(a.random(), b.random());
        assert_eq!(
            b.setstate(&words, N + 1),
            Err(RandomError::value("invalid state"))
        );
    }
}
