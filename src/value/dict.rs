// Python `dict`: an insertion-ordered hash map keyed by hashed values.

use super::Value;
use crate::interp::ops::quick_eq;
use indexmap::map::RawEntryApiV1;
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

/// The hash the map files `k` under (what `KeyHasher` makes of its Python hash).
#[inline]
fn map_hash(hash: i64) -> u64 {
    let mut h = KeyHasher::default();
    h.write_u64(hash as u64);
    h.finish()
}

/// A dict's or set's table. Lookups run in two steps when a key's `__eq__` must be
/// asked: that code may read or change the table, so it runs with the table
/// unborrowed (see `Interp::find_key`).
pub trait KeyTable {
    /// The first slot along `hash`'s probe sequence whose key `matches`.
    fn find_by(&self, hash: i64, matches: impl FnMut(&HKey) -> bool) -> Option<usize>;

    /// The slot of `k`, as far as the comparisons that run no user code tell;
    /// `undecided` is set when a stored key of the same hash needs its `__eq__`.
    #[inline]
    fn probe(&self, k: &HKey, undecided: &mut bool) -> Option<usize> {
        self.find_by(k.hash, |s| probe_eq(s, k, undecided))
    }

    /// The stored keys that only their `__eq__` can compare with `k`.
    fn undecided_keys(&self, k: &HKey) -> Vec<Value> {
        let mut keys = Vec::new();
        self.find_by(k.hash, |s| {
            if s.hash == k.hash && quick_eq(&s.key, &k.key).is_none() {
                keys.push(s.key.clone());
            }
            false
        });
        keys
    }

    /// The slot of the stored key that is `key` itself.
    fn slot_of(&self, hash: i64, key: &Value) -> Option<usize> {
        self.find_by(hash, |s| s.hash == hash && s.key.is(key))
    }
}

/// A probe's comparison: decides what it can without user code, and notes when it
/// cannot.
#[inline(always)]
fn probe_eq(stored: &HKey, k: &HKey, undecided: &mut bool) -> bool {
    if stored.hash != k.hash {
        return false;
    }
    match quick_eq(&stored.key, &k.key) {
        Some(eq) => eq,
        None => {
            *undecided = true;
            false
        }
    }
}

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

    /// A copy of the entries, to go through while user code may change the dict.
    pub fn entries(&self) -> Vec<(HKey, Value)> {
        self.map
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    pub fn value_at(&self, slot: usize) -> &Value {
        &self.map[slot]
    }

    /// `probe` giving the value.
    #[inline]
    pub fn get_quick(&self, k: &HKey, undecided: &mut bool) -> Option<&Value> {
        self.map
            .raw_entry_v1()
            .from_hash(map_hash(k.hash), |s| probe_eq(s, k, undecided))
            .map(|(_, v)| v)
    }

    /// Sets `k` to `v` if comparing keys without user code decides where `k` goes
    /// (one probe); otherwise gives them back.
    #[inline(always)]
    pub fn try_set(&mut self, k: HKey, v: Value) -> Result<(), (HKey, Value)> {
        use indexmap::map::raw_entry_v1::RawEntryMut;
        let mut undecided = false;
        let hash = map_hash(k.hash);
        match self
            .map
            .raw_entry_mut_v1()
            .from_hash(hash, |s| probe_eq(s, &k, &mut undecided))
        {
            RawEntryMut::Occupied(mut e) => {
                *e.get_mut() = v;
                Ok(())
            }
            RawEntryMut::Vacant(e) if !undecided => {
                e.insert_hashed_nocheck(hash, k, v);
                Ok(())
            }
            RawEntryMut::Vacant(_) => Err((k, v)),
        }
    }

    /// Sets the value in `slot`, or adds `k` (known to be absent) when `slot` is None.
    pub fn set_at(&mut self, slot: Option<usize>, k: HKey, v: Value) {
        match slot {
            Some(i) => self.map[i] = v,
            None => {
                use indexmap::map::raw_entry_v1::RawEntryMut;
                let hash = map_hash(k.hash);
                match self
                    .map
                    .raw_entry_mut_v1()
                    .from_hash(hash, |s| s.key.is(&k.key))
                {
                    RawEntryMut::Occupied(mut e) => *e.get_mut() = v,
                    RawEntryMut::Vacant(e) => {
                        e.insert_hashed_nocheck(hash, k, v);
                    }
                }
            }
        }
    }

    /// Removes the entry in `slot`, keeping the order of the others.
    pub fn remove_at(&mut self, slot: usize) -> Option<(HKey, Value)> {
        self.map.shift_remove_index(slot)
    }
}

impl KeyTable for Dict {
    #[inline]
    fn find_by(&self, hash: i64, mut matches: impl FnMut(&HKey) -> bool) -> Option<usize> {
        self.map
            .raw_entry_v1()
            .from_hash_full(map_hash(hash), |s| matches(s))
            .map(|(i, _, _)| i)
    }
}
