// Python `dict`: an insertion-ordered hash map keyed by hashed values.

use super::Value;
use indexmap::IndexMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A key with its Python hash computed up front, so the map never calls back into
/// the interpreter to hash (only, rarely, to compare user objects).
#[derive(Clone)]
pub struct HKey {
    pub hash: i64,
    pub key: Value,
}

impl Hash for HKey {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash as u64);
    }
}

impl PartialEq for HKey {
    #[inline]
    fn eq(&self, other: &HKey) -> bool {
        self.hash == other.hash && crate::interp::ops::key_eq(&self.key, &other.key)
    }
}
impl Eq for HKey {}

/// Passes the precomputed Python hash through, mixing it so that small ints spread.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub type KeyMap<V> = IndexMap<HKey, V, BuildHasherDefault<KeyHasher>>;

#[derive(Clone, Default)]
pub struct Dict {
    pub map: KeyMap<Value>,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    pub fn with_capacity(n: usize) -> Dict {
        Dict {
            map: KeyMap::with_capacity_and_hasher(n, Default::default()),
        }
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn get(&self, k: &HKey) -> Option<&Value> {
        self.map.get(k)
    }
    pub fn insert(&mut self, k: HKey, v: Value) {
        self.map.insert(k, v);
    }
    pub fn remove(&mut self, k: &HKey) -> Option<Value> {
        self.map.shift_remove(k)
    }
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.map.keys().map(|k| &k.key)
    }
    pub fn items(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.iter().map(|(k, v)| (&k.key, v))
    }
}
