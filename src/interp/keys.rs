// Looking keys up in dicts and sets that user code can reach: `__eq__` runs with the
// table unborrowed, since it may read or change the very table being searched.

use super::{Interp, PyResult};
use crate::value::dict::KeyTable;
use crate::value::{Dict, HKey, PySet, Value};
use std::cell::RefCell;

impl Interp {
    /// The first of `stored` that `__eq__` says equals `k`.
    fn first_equal(&mut self, stored: Vec<Value>, k: &HKey) -> PyResult<Option<Value>> {
        for s in stored {
            if self.eq(&s, &k.key)? {
                return Ok(Some(s));
            }
        }
        Ok(None)
    }

    /// The slot of the key equal to `k` in `table`, or None. Keys that only their
    /// `__eq__` can compare are compared outside the borrow; if that code removed the
    /// key it matched, the search starts again, as CPython's does.
    #[inline]
    pub fn find_key<T: KeyTable>(
        &mut self,
        table: &RefCell<T>,
        k: &HKey,
    ) -> PyResult<Option<usize>> {
        let mut undecided = false;
        let found = table.borrow().probe(k, &mut undecided);
        if found.is_some() || !undecided {
            return Ok(found);
        }
        self.compare_keys(table, k)
    }

    /// Adds `k` to a set still being built, which no user code can reach (a display,
    /// a comprehension, `set()`); an `__eq__` error reaches the caller.
    pub fn add_key(&mut self, s: &mut PySet, k: HKey) -> PyResult<bool> {
        let k = match s.try_add(k) {
            Ok(added) => return Ok(added),
            Err(k) => k,
        };
        if self.first_equal(s.undecided_keys(&k), &k)?.is_some() {
            return Ok(false);
        }
        Ok(s.add_new(k))
    }

    /// `d[k] = v` in a dict still being built, which no user code can reach.
    pub fn put_key(&mut self, d: &mut Dict, k: HKey, v: Value) -> PyResult<()> {
        let (k, v) = match d.try_set(k, v) {
            Ok(()) => return Ok(()),
            Err(kv) => kv,
        };
        let equal = self.first_equal(d.undecided_keys(&k), &k)?;
        let slot = equal.and_then(|stored| d.slot_of(k.hash, &stored));
        d.set_at(slot, k, v);
        Ok(())
    }

    /// `k in t` for a table no one can change (a frozenset's): a key's `__eq__` runs
    /// with nothing borrowed, and its error reaches the caller.
    pub fn table_has<T: KeyTable>(&mut self, t: &T, k: &HKey) -> PyResult<bool> {
        let mut undecided = false;
        if t.probe(k, &mut undecided).is_some() {
            return Ok(true);
        }
        Ok(undecided && self.first_equal(t.undecided_keys(k), k)?.is_some())
    }

    /// The second step of `find_key`: runs `__eq__` against each stored key that
    /// needs it, then finds the equal one again by identity.
    #[inline(never)]
    fn compare_keys<T: KeyTable>(
        &mut self,
        table: &RefCell<T>,
        k: &HKey,
    ) -> PyResult<Option<usize>> {
        loop {
            let keys = table.borrow().undecided_keys(k);
            let Some(stored) = self.first_equal(keys, k)? else {
                return Ok(None);
            };
            if let Some(slot) = table.borrow().slot_of(k.hash, &stored) {
                return Ok(Some(slot));
            }
            let mut undecided = false;
            let found = table.borrow().probe(k, &mut undecided);
            if found.is_some() || !undecided {
                return Ok(found);
            }
        }
    }

    /// `d[k]`, or None when `k` is not there.
    #[inline]
    pub fn dict_get(&mut self, d: &RefCell<Dict>, k: &HKey) -> PyResult<Option<Value>> {
        let mut undecided = false;
        if let Some(v) = d.borrow().get_quick(k, &mut undecided) {
            return Ok(Some(v.clone()));
        }
        if !undecided {
            return Ok(None);
        }
        let slot = self.compare_keys(d, k)?;
        Ok(slot.map(|slot| d.borrow().value_at(slot).clone()))
    }

    /// `k in d`.
    pub fn dict_has(&mut self, d: &RefCell<Dict>, k: &HKey) -> PyResult<bool> {
        Ok(self.find_key(d, k)?.is_some())
    }

    /// `d[k] = v` (a key already there keeps its place and its object).
    pub fn dict_set(&mut self, d: &RefCell<Dict>, k: HKey, v: Value) -> PyResult<()> {
        let attempt = d.borrow_mut().try_set(k, v);
        if let Err((k, v)) = attempt {
            let slot = self.compare_keys(d, &k)?;
            d.borrow_mut().set_at(slot, k, v);
        }
        Ok(())
    }

    /// Removes `k` from `d`, giving its value (None when it is not there).
    pub fn dict_pop(&mut self, d: &RefCell<Dict>, k: &HKey) -> PyResult<Option<Value>> {
        Ok(match self.find_key(d, k)? {
            Some(slot) => d.borrow_mut().remove_at(slot).map(|(_, v)| v),
            None => None,
        })
    }

    /// `k in s`.
    pub fn set_has(&mut self, s: &RefCell<PySet>, k: &HKey) -> PyResult<bool> {
        Ok(self.find_key(s, k)?.is_some())
    }

    /// `s.add(k)`; true when `k` was not there. A key whose `__eq__` says equal
    /// counts as there even if that `__eq__` changed the set (CPython's
    /// `set_add_entry` does not search again then).
    pub fn set_add(&mut self, s: &RefCell<PySet>, k: HKey) -> PyResult<bool> {
        let attempt = s.borrow_mut().try_add(k);
        let k = match attempt {
            Ok(added) => return Ok(added),
            Err(k) => k,
        };
        let keys = s.borrow().undecided_keys(&k);
        if self.first_equal(keys, &k)?.is_some() {
            return Ok(false);
        }
        Ok(s.borrow_mut().add_new(k))
    }

    /// `s.discard(k)`; true when `k` was there.
    pub fn set_discard(&mut self, s: &RefCell<PySet>, k: &HKey) -> PyResult<bool> {
        Ok(match self.find_key(s, k)? {
            Some(slot) => {
                s.borrow_mut().remove_at(slot);
                true
            }
            None => false,
        })
    }
}
