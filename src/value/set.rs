// Python `set` and `frozenset`: a hash set that iterates in CPython's order.
//
// CPython's set is an open-addressing table whose iteration order follows slot order;
// programs print sets of small ints in that order, so the table is reproduced here:
// the same sizes, probe sequence (linear probes, then perturbation) and growth.

use super::dict::{HKey, KeyTable};
use crate::interp::ops::quick_eq;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(HKey),
}

#[derive(Clone)]
pub struct PySet {
    table: Vec<Slot>,
    /// Active entries.
    used: usize,
    /// Active plus dummy entries.
    fill: usize,
    /// CPython's `finger` for `pop()`.
    finger: usize,
}

impl Default for PySet {
    fn default() -> Self {
        PySet::new()
    }
}

impl PySet {
    pub fn new() -> PySet {
        PySet {
            table: vec![Slot::Empty; MIN_SIZE],
            used: 0,
            fill: 0,
            finger: 0,
        }
    }
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Index of the slot holding `key`, or None.
    fn find(&self, key: &HKey) -> Option<usize> {
        self.find_by(key.hash, |k| k == key)
    }

    /// Index of the first slot along `hash`'s probe sequence whose key `matches`,
    /// or None at the first empty slot.
    #[inline]
    pub fn find_by(&self, hash: i64, mut matches: impl FnMut(&HKey) -> bool) -> Option<usize> {
        let mask = self.mask();
        let hash = hash as u64;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => return None,
                    Slot::Full(k) if matches(k) => return Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = ((i as u64)
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb) as usize)
                & mask;
        }
    }

    pub fn contains(&self, key: &HKey) -> bool {
        self.find(key).is_some()
    }

    /// Adds `key`; returns false when it was already present.
    pub fn insert(&mut self, key: HKey) -> bool {
        match self.add_by(key, |s, k| Some(s == k)) {
            Ok(added) => added,
            Err(_) => unreachable!("every comparison decided"),
        }
    }

    /// Adds `key` if comparing keys without user code decides that it is absent (one
    /// probe); otherwise gives it back.
    #[inline]
    pub fn try_add(&mut self, key: HKey) -> Result<bool, HKey> {
        self.add_by(key, |s, k| {
            if s.hash != k.hash {
                Some(false)
            } else {
                quick_eq(&s.key, &k.key)
            }
        })
    }

    /// Adds `key`, known to equal no stored key but possibly stored itself.
    pub fn add_new(&mut self, key: HKey) -> bool {
        self.add_by(key, |s, k| Some(s.key.is(&k.key)))
            .unwrap_or(false)
    }

    /// Empties `slot` (a slot `probe` or `slot_of` found).
    pub fn remove_at(&mut self, slot: usize) -> HKey {
        self.used -= 1;
        match std::mem::replace(&mut self.table[slot], Slot::Dummy) {
            Slot::Full(k) => k,
            _ => unreachable!("slot_of and probe give full slots"),
        }
    }

    /// Adds `key` unless `eq` finds it among the stored keys (Ok(true): added). When
    /// `eq` cannot decide a comparison (None), nothing is added: Err gives the key
    /// back.
    #[inline]
    fn add_by(
        &mut self,
        key: HKey,
        eq: impl Fn(&HKey, &HKey) -> Option<bool>,
    ) -> Result<bool, HKey> {
        let mask = self.mask();
        let hash = key.hash as u64;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let mut undecided = false;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => {
                        if undecided {
                            return Err(key);
                        }
                        let at = freeslot.unwrap_or(j);
                        if freeslot.is_none() {
                            self.fill += 1;
                        }
                        self.table[at] = Slot::Full(key);
                        self.used += 1;
                        if self.fill * 5 >= mask * 3 {
                            self.resize(if self.used > 50000 {
                                self.used * 2
                            } else {
                                self.used * 4
                            });
                        }
                        return Ok(true);
                    }
                    Slot::Full(k) => match eq(k, &key) {
                        Some(true) => return Ok(false),
                        Some(false) => {}
                        None => undecided = true,
                    },
                    Slot::Dummy if freeslot.is_none() => freeslot = Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = ((i as u64)
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb) as usize)
                & mask;
        }
    }

    /// Grows the table once before `n` more entries arrive, as CPython's `set_merge`
    /// does when one set is added to another (decides the iteration order).
    pub fn reserve_merge(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// Rebuilds the table when more than a quarter of it is dummies, as CPython's
    /// `difference_update` does after discarding.
    pub fn shrink_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; newsize]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Full(k) = slot {
                self.insert_clean(k);
            }
        }
    }

    /// Puts `k` in the first empty slot of its probe sequence: the table has no
    /// dummies and does not hold `k` (CPython's `set_insert_clean`).
    fn insert_clean(&mut self, k: HKey) {
        let mask = self.mask();
        let hash = k.hash as u64;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if let Slot::Empty = self.table[j] {
                    self.table[j] = Slot::Full(k);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = ((i as u64)
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb) as usize)
                & mask;
        }
    }

    /// Adds every element of `other` the way CPython's `set_merge` does (used by
    /// `set(s)`, `s.copy()`, `s | t`, `s.update(t)` when `t` is a set), so the
    /// resulting slot order, and thus the printed order, is CPython's.
    pub fn merge(&mut self, other: &PySet) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table.clone_from(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for k in other.iter() {
                self.insert_clean(k.clone());
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for k in other.iter() {
            self.insert(k.clone());
        }
    }

    /// A copy laid out as CPython's `set_copy` lays it out.
    pub fn copy(&self) -> PySet {
        let mut s = PySet::new();
        s.merge(self);
        s
    }

    /// Before adding `n` keys of a dict: CPython grows the table once up front.
    pub fn reserve_for_dict(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// A set display of more than two constants: CPython folds it into a frozenset
    /// constant (built twice by the compiler) and copies that into a new set.
    pub fn from_constants(keys: Vec<HKey>) -> PySet {
        let mut first = PySet::new();
        for k in keys {
            first.insert(k);
        }
        let mut folded = PySet::new();
        for k in first.iter() {
            folded.insert(k.clone());
        }
        folded.copy()
    }

    pub fn remove(&mut self, key: &HKey) -> bool {
        match self.find(key) {
            Some(j) => {
                self.remove_at(j);
                true
            }
            None => false,
        }
    }

    /// Removes and returns an arbitrary element, as CPython's `set.pop` picks it.
    pub fn pop(&mut self) -> Option<HKey> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        loop {
            if let Slot::Full(_) = self.table[i] {
                break;
            }
            i = (i + 1) & mask;
        }
        let slot = std::mem::replace(&mut self.table[i], Slot::Dummy);
        self.used -= 1;
        self.finger = i + 1;
        match slot {
            Slot::Full(k) => Some(k),
            _ => None,
        }
    }

    pub fn clear(&mut self) {
        *self = PySet::new();
    }

    pub fn iter(&self) -> impl Iterator<Item = &HKey> {
        self.table.iter().filter_map(|s| match s {
            Slot::Full(k) => Some(k),
            _ => None,
        })
    }

    /// The element at table position `pos` or later, for iterators that survive
    /// between calls; returns the element and the next position.
    pub fn next_from(&self, mut pos: usize) -> Option<(&HKey, usize)> {
        while pos < self.table.len() {
            if let Slot::Full(k) = &self.table[pos] {
                return Some((k, pos + 1));
            }
            pos += 1;
        }
        None
    }
}

impl KeyTable for PySet {
    #[inline]
    fn find_by(&self, hash: i64, matches: impl FnMut(&HKey) -> bool) -> Option<usize> {
        PySet::find_by(self, hash, matches)
    }
}
