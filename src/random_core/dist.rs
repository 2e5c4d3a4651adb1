// The pure-Python layer of CPython 3.11's Lib/random.py: integers, sequences and float variates.

use std::collections::HashSet;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};

use super::error::RandomError;
use super::random::Random;

/// `4 * exp(-0.5) / sqrt(2.0)`, Lib/random.py's `NV_MAGICCONST`.
fn nv_magicconst() -> f64 {
    4.0 * (-0.5f64).exp() / 2.0f64.sqrt()
}

fn empty_range(
    start: impl std::fmt::Display,
    stop: impl std::fmt::Display,
    width: impl std::fmt::Display,
) -> RandomError {
    RandomError::value(format!(
        "empty range for randrange() ({start}, {stop}, {width})"
    ))
}

/// Python's floor division for a non-zero divisor.
fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// `bisect.bisect_right(a, x, 0, hi)`, comparing with `<` exactly as the C code does
/// (so it is deterministic even on unsorted input).
fn bisect_right<T: PartialOrd>(a: &[T], x: &T, hi: usize) -> usize {
    let (mut lo, mut hi) = (0usize, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x < &a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

impl Random {
    /// `_randbelow(n)`: an int in `[0, n)` from `getrandbits(n.bit_length())`, retried
    /// while it is `>= n`. Panics if `n == 0` (CPython would loop forever).
    pub fn randbelow(&mut self, n: u64) -> u64 {
        assert!(n > 0, "randbelow needs a positive bound");
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.mt.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for bounds up to 128 bits.
    pub fn randbelow_u128(&mut self, n: u128) -> u128 {
        assert!(n > 0, "randbelow needs a positive bound");
        let k = 128 - n.leading_zeros();
        loop {
            let r = self.mt.getrandbits_u128(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for any positive int.
    pub fn randbelow_big(&mut self, n: &BigInt) -> BigInt {
        assert!(n.is_positive(), "randbelow needs a positive bound");
        if let Some(small) = n.to_u128() {
            return BigInt::from(self.randbelow_u128(small));
        }
        let k = n.bits();
        loop {
            let r = BigInt::from_biguint(Sign::Plus, self.mt.getrandbits_biguint(k));
            if &r < n {
                return r;
            }
        }
    }

    /// `randrange(start)` (with `stop` `None`) or `randrange(start, stop, step)`.
    ///
    /// `step` is the step argument as given; passing a step other than 1 without a stop
    /// is CPython's `TypeError('Missing a non-None stop argument')`.
    pub fn randrange(
        &mut self,
        start: i64,
        stop: Option<i64>,
        step: i64,
    ) -> Result<i64, RandomError> {
        let r = self.randrange_i128(i128::from(start), stop.map(i128::from), i128::from(step))?;
        Ok(i64::try_from(r).expect("randrange result lies between start and stop"))
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, RandomError> {
        let r = self.randrange_i128(i128::from(a), Some(i128::from(b) + 1), 1)?;
        Ok(i64::try_from(r).expect("randint result lies between a and b"))
    }

    fn randrange_i128(
        &mut self,
        start: i128,
        stop: Option<i128>,
        step: i128,
    ) -> Result<i128, RandomError> {
        let Some(stop) = stop else {
            if step != 1 {
                return Err(RandomError::type_error("Missing a non-None stop argument"));
            }
            if start > 0 {
                return Ok(self.randbelow_u128(start as u128) as i128);
            }
            return Err(RandomError::value("empty range for randrange()"));
        };
        let width = stop - start;
        if step == 1 {
            if width > 0 {
                return Ok(start + self.randbelow_u128(width as u128) as i128);
            }
            return Err(empty_range(start, stop, width));
        }
        let n = match step.signum() {
            1 => floor_div(width + step - 1, step),
            -1 => floor_div(width + step + 1, step),
            _ => return Err(RandomError::value("zero step for randrange()")),
        };
        if n <= 0 {
            return Err(RandomError::value("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow_u128(n as u128) as i128)
    }

    /// `randrange` for arbitrary ints; same rules and messages as [`Random::randrange`].
    pub fn randrange_big(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: &BigInt,
    ) -> Result<BigInt, RandomError> {
        let Some(stop) = stop else {
            if !step.is_one() {
                return Err(RandomError::type_error("Missing a non-None stop argument"));
            }
            if start.is_positive() {
                return Ok(self.randbelow_big(start));
            }
            return Err(RandomError::value("empty range for randrange()"));
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow_big(&width));
            }
            return Err(empty_range(start, stop, width));
        }
        let n = if step.is_positive() {
            (&width + step - 1i32).div_floor(step)
        } else if step.is_negative() {
            (&width + step + 1i32).div_floor(step)
        } else {
            return Err(RandomError::value("zero step for randrange()"));
        };
        if !n.is_positive() {
            return Err(RandomError::value("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow_big(&n))
    }

    /// `randint(a, b)` for arbitrary ints.
    pub fn randint_big(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, RandomError> {
        self.randrange_big(a, Some(&(b + 1)), &BigInt::one())
    }

    /// `choice(seq)` for a sequence of length `len`: the index to pick.
    pub fn choice(&mut self, len: usize) -> Result<usize, RandomError> {
        if len == 0 {
            return Err(RandomError::index("Cannot choose from an empty sequence"));
        }
        Ok(self.randbelow(len as u64) as usize)
    }

    /// `shuffle(x)`, in place: Fisher–Yates from the end.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }

    /// `sample(population, k)` for a population of length `n`: the indices chosen, in
    /// selection order. Uses CPython's pool method for small populations and its
    /// selected-set method otherwise, so it draws exactly the same numbers.
    pub fn sample(&mut self, n: usize, k: i64) -> Result<Vec<usize>, RandomError> {
        if k < 0 || k as u64 > n as u64 {
            return Err(RandomError::value(
                "Sample larger than population or is negative",
            ));
        }
        let k = k as usize;
        let mut setsize: u128 = 21;
        if k > 5 {
            let exponent = ((k as f64 * 3.0).ln() / 4.0f64.ln()).ceil() as u32;
            setsize += 4u128.saturating_pow(exponent);
        }
        let mut result = Vec::with_capacity(k);
        if n as u128 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while !selected.insert(j) {
                    j = self.randbelow(n as u64) as usize;
                }
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `sample(population, k, counts=counts)`: the population indices chosen.
    /// `counts.len()` must equal the population length (the caller's `len(population)`).
    pub fn sample_counts(
        &mut self,
        population_len: usize,
        counts: &[i64],
        k: i64,
    ) -> Result<Vec<usize>, RandomError> {
        let mut cum: Vec<i128> = counts
            .iter()
            .scan(0i128, |acc, &c| {
                *acc += i128::from(c);
                Some(*acc)
            })
            .collect();
        if cum.len() != population_len {
            return Err(RandomError::value(
                "The number of counts does not match the population",
            ));
        }
        let Some(total) = cum.pop() else {
            return Err(RandomError::index("pop from empty list"));
        };
        if total <= 0 {
            return Err(RandomError::value(
                "Total of counts must be greater than zero",
            ));
        }
        let total = usize::try_from(total)
            .map_err(|_| RandomError::value("Sample larger than population or is negative"))?;
        let selections = self.sample(total, k)?;
        Ok(selections
            .into_iter()
            .map(|s| bisect_right(&cum, &(s as i128), cum.len()))
            .collect())
    }

    /// `choices(population, k=k)` without weights, for a population of length `n`.
    /// With `n == 0` and `k > 0` CPython indexes the empty population and raises its
    /// IndexError after one `random()`; here that one draw happens and `vec![0]`
    /// is returned so the caller's own indexing raises the right error.
    pub fn choices(&mut self, n: usize, k: usize) -> Vec<usize> {
        let nf = n as f64;
        let mut out = Vec::with_capacity(k);
        for _ in 0..k {
            let i = (self.random() * nf).floor() as usize;
            out.push(i);
            if n == 0 {
                break;
            }
        }
        out
    }

    /// `choices(population, weights, cum_weights=..., k=k)` with at least one of the
    /// weight lists, as floats. Returns the population indices chosen.
    pub fn choices_weighted(
        &mut self,
        n: usize,
        weights: Option<&[f64]>,
        cum_weights: Option<&[f64]>,
        k: usize,
    ) -> Result<Vec<usize>, RandomError> {
        let cum: Vec<f64> = match (weights, cum_weights) {
            (Some(_), Some(_)) => {
                return Err(RandomError::type_error(
                    "Cannot specify both weights and cumulative weights",
                ))
            }
            (None, None) => return Ok(self.choices(n, k)),
            (Some(w), None) => w
                .iter()
                .scan(0.0f64, |acc, &x| {
                    *acc += x;
                    Some(*acc)
                })
                .collect(),
            (None, Some(c)) => c.to_vec(),
        };
        if cum.len() != n {
            return Err(RandomError::value(
                "The number of weights does not match the population",
            ));
        }
        let Some(&last) = cum.last() else {
            return Err(RandomError::index("list index out of range"));
        };
        let total = last + 0.0;
        if total <= 0.0 {
            return Err(RandomError::value(
                "Total of weights must be greater than zero",
            ));
        }
        if !total.is_finite() {
            return Err(RandomError::value("Total of weights must be finite"));
        }
        let hi = n - 1;
        Ok((0..k)
            .map(|_| bisect_right(&cum, &(self.random() * total), hi))
            .collect())
    }

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `gauss(mu, sigma)`: Box–Muller, caching the second value of each pair.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio-of-uniforms method.
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let magic = nv_magicconst();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = magic * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_div_matches_python() {
        assert_eq!(floor_div(7, 2), 3);
        assert_eq!(floor_div(-7, 2), -4);
        assert_eq!(floor_div(7, -2), -4);
        assert_eq!(floor_div(-7, -2), 3);
        assert_eq!(floor_div(-6, 2), -3);
    }

    #[test]
    fn bisect_right_matches_python() {
        let a = [1.0, 2.0, 2.0, 3.0];
        assert_eq!(bisect_right(&a, &2.0, 4), 3);
        assert_eq!(bisect_right(&a, &0.5, 4), 0);
        assert_eq!(bisect_right(&a, &9.0, 3), 3);
    }

    #[test]
    fn small_and_big_randrange_agree() {
        let mut a = Random::from_seed_i64(3);
        let mut b = a.clone();
        for (start, stop, step) in [(0, 10, 1), (-50, 50, 3), (100, -100, -7), (5, 6, 1)] {
            let small = a.randrange(start, Some(stop), step).unwrap();
            let big = b
                .randrange_big(&start.into(), Some(&stop.into()), &step.into())
                .unwrap();
            assert_eq!(BigInt::from(small), big);
        }
    }
}
