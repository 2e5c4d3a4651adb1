// Lib/random.py's remaining real-valued distributions, with CPython's float error behaviour.

use std::f64::consts::{E, PI, TAU};

use super::error::RandomError;
use super::random::Random;

/// `log(4.0)`, Lib/random.py's `LOG4`.
fn log4() -> f64 {
    4.0f64.ln()
}

/// `1.0 + log(4.5)`, Lib/random.py's `SG_MAGICCONST`.
fn sg_magicconst() -> f64 {
    1.0 + 4.5f64.ln()
}

fn domain_error() -> RandomError {
    RandomError::value("math domain error")
}

/// `math.log(x)` for a float.
fn py_log(x: f64) -> Result<f64, RandomError> {
    if x.is_nan() || x > 0.0 {
        Ok(x.ln())
    } else {
        Err(domain_error())
    }
}

/// `math.exp(x)`: overflow from a finite argument is an OverflowError.
fn py_exp(x: f64) -> Result<f64, RandomError> {
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        Err(RandomError::overflow("math range error"))
    } else {
        Ok(r)
    }
}

/// `math.sqrt(x)`.
fn py_sqrt(x: f64) -> Result<f64, RandomError> {
    if x < 0.0 {
        Err(domain_error())
    } else {
        Ok(x.sqrt())
    }
}

/// `math.acos(x)`.
fn py_acos(x: f64) -> Result<f64, RandomError> {
    if x.abs() > 1.0 {
        Err(domain_error())
    } else {
        Ok(x.acos())
    }
}

/// Float `a / b`.
fn py_div(a: f64, b: f64) -> Result<f64, RandomError> {
    if b == 0.0 {
        Err(RandomError::zero_division("float division by zero"))
    } else {
        Ok(a / b)
    }
}

/// Float `a % b`: the result takes the sign of `b`.
fn py_mod(a: f64, b: f64) -> Result<f64, RandomError> {
    if b == 0.0 {
        return Err(RandomError::zero_division("float modulo"));
    }
    let m = a % b;
    Ok(if m == 0.0 {
        0.0f64.copysign(b)
    } else if (b < 0.0) != (m < 0.0) {
        m + b
    } else {
        m
    })
}

/// Float `base ** exp` for the cases these distributions reach: zero to a negative power
/// is a ZeroDivisionError and overflow from finite operands an OverflowError. A negative
/// base with a non-integer exponent (a complex result in Python) is reported as a
/// domain error; no distribution here produces one.
fn py_pow(base: f64, exp: f64) -> Result<f64, RandomError> {
    if exp == 0.0 {
        return Ok(1.0);
    }
    if base.is_nan() || exp.is_nan() || base.is_infinite() || exp.is_infinite() {
        return Ok(base.powf(exp));
    }
    if base == 0.0 {
        if exp < 0.0 {
            return Err(RandomError::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(base.powf(exp));
    }
    if base < 0.0 && exp != exp.floor() {
        return Err(domain_error());
    }
    let r = base.powf(exp);
    if r.is_infinite() {
        return Err(RandomError::overflow(
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(r)
}

impl Random {
    /// `triangular(low, high, mode)`; `mode` `None` means the midpoint. When
    /// `high == low` CPython catches the ZeroDivisionError and returns `low`.
    pub fn triangular(
        &mut self,
        low: f64,
        high: f64,
        mode: Option<f64>,
    ) -> Result<f64, RandomError> {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(m) => match py_div(m - low, high - low) {
                Ok(c) => c,
                Err(_) => return Ok(low),
            },
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        Ok(low + (high - low) * py_sqrt(u * c)?)
    }

    /// `lognormvariate(mu, sigma)`: `exp(normalvariate(mu, sigma))`.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> Result<f64, RandomError> {
        let z = self.normalvariate(mu, sigma);
        py_exp(z)
    }

    /// `expovariate(lambd)`.
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, RandomError> {
        let l = py_log(1.0 - self.random())?;
        py_div(-l, lambd)
    }

    /// `vonmisesvariate(mu, kappa)`: an angle in [0, 2*pi).
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> Result<f64, RandomError> {
        if kappa <= 1e-6 {
            return Ok(TAU * self.random());
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = (PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * py_exp(d)? {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        if u3 > 0.5 {
            py_mod(mu + py_acos(f)?, TAU)
        } else {
            py_mod(mu - py_acos(f)?, TAU)
        }
    }

    /// `gammavariate(alpha, beta)`.
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        // Written as CPython writes it, so NaN arguments fall through the same way.
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(RandomError::value(
                "gammavariate: alpha and beta must be > 0.0",
            ));
        }
        if alpha > 1.0 {
            // Cheng's rejection algorithm GB.
            let ainv = py_sqrt(2.0 * alpha - 1.0)?;
            let bbb = alpha - log4();
            let ccc = alpha + ainv;
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = py_log(u1 / (1.0 - u1))? / ainv;
                let x = alpha * py_exp(v)?;
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + sg_magicconst() - 4.5 * z >= 0.0 || r >= py_log(z)? {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-py_log(1.0 - self.random())? * beta)
        } else {
            // alpha in (0, 1): algorithm GS of Statistical Computing, Kennedy & Gentle.
            loop {
                let u = self.random();
                let b = (E + alpha) / E;
                let p = b * u;
                let x = if p <= 1.0 {
                    py_pow(p, 1.0 / alpha)?
                } else {
                    -py_log((b - p) / alpha)?
                };
                let u1 = self.random();
                let accept = if p > 1.0 {
                    u1 <= py_pow(x, alpha - 1.0)?
                } else {
                    u1 <= py_exp(-x)?
                };
                if accept {
                    return Ok(x * beta);
                }
            }
        }
    }

    /// `betavariate(alpha, beta)`.
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            let other = self.gammavariate(beta, 1.0)?;
            return py_div(y, y + other);
        }
        Ok(0.0)
    }

    /// `paretovariate(alpha)`.
    pub fn paretovariate(&mut self, alpha: f64) -> Result<f64, RandomError> {
        let u = 1.0 - self.random();
        py_pow(u, py_div(-1.0, alpha)?)
    }

    /// `weibullvariate(alpha, beta)`.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        let u = 1.0 - self.random();
        Ok(alpha * py_pow(-py_log(u)?, py_div(1.0, beta)?)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_helpers_match_python() {
        assert_eq!(py_mod(-1.0, TAU).unwrap(), -1.0 + TAU);
        assert_eq!(py_mod(7.0, -2.0).unwrap(), -1.0);
        assert!(py_mod(-0.0, 2.0).unwrap().is_sign_positive());
        assert_eq!(
            py_mod(1.0, 0.0),
            Err(RandomError::zero_division("float modulo"))
        );
        assert_eq!(py_log(0.0), Err(domain_error()));
        assert_eq!(py_sqrt(-0.0).unwrap(), 0.0);
        assert_eq!(py_pow(-0.0, 2.0).unwrap(), 0.0);
        assert_eq!(
            py_pow(2.0, 10000.0),
            Err(RandomError::overflow(
                "(34, 'Numerical result out of range')"
            ))
        );
    }
}
