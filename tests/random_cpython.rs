// Checks src/random_core against numbers CPython 3.11 printed for the same seeds and calls.

#[path = "random_cpython/expected.rs"]
mod expected;

use expected::*;
use num_bigint::BigInt;
use spindle::random_core::{Random, RandomError};

fn seeded(seed: i64) -> Random {
    Random::from_seed_i64(seed)
}

fn five(r: &mut Random) -> [f64; 5] {
    std::array::from_fn(|_| r.random())
}

fn big(s: &str) -> BigInt {
    s.parse().unwrap()
}

#[test]
fn random_floats() {
    for case in SEED_CASES {
        let mut r = seeded(case.seed);
        let got: Vec<f64> = (0..20).map(|_| r.random()).collect();
        assert_eq!(got, case.random, "seed {}", case.seed);
    }
}

#[test]
fn getrandbits_narrow() {
    for case in SEED_CASES {
        for (k, want) in [
            (1, &case.bits1),
            (7, &case.bits7),
            (32, &case.bits32),
            (33, &case.bits33),
            (64, &case.bits64),
        ] {
            let mut fast = seeded(case.seed);
            let mut wide = seeded(case.seed);
            for &w in want {
                assert_eq!(fast.getrandbits_u64(k), w, "seed {} k {k}", case.seed);
                assert_eq!(wide.getrandbits(i64::from(k)).unwrap(), BigInt::from(w));
            }
        }
    }
}

#[test]
fn getrandbits_100() {
    for case in SEED_CASES {
        let mut r = seeded(case.seed);
        for &w in &case.bits100 {
            assert_eq!(
                r.getrandbits(100).unwrap(),
                BigInt::from(w),
                "seed {}",
                case.seed
            );
        }
    }
}

#[test]
fn randint_and_randrange() {
    for case in SEED_CASES {
        let mut r = seeded(case.seed);
        let got: Vec<i64> = (0..20).map(|_| r.randint(1, 100).unwrap()).collect();
        assert_eq!(got, case.randint_1_100, "seed {}", case.seed);
        let mut r = seeded(case.seed);
        let got: Vec<i64> = (0..20)
            .map(|_| r.randrange(0, Some(1000), 7).unwrap())
            .collect();
        assert_eq!(got, case.randrange_0_1000_7, "seed {}", case.seed);
    }
}

#[test]
fn choice_index() {
    for case in SEED_CASES {
        let mut r = seeded(case.seed);
        let got: Vec<usize> = (0..20).map(|_| r.choice(10).unwrap()).collect();
        assert_eq!(got, case.choice_of_10, "seed {}", case.seed);
    }
}

#[test]
fn shuffle_ten() {
    for case in SEED_CASES {
        let mut r = seeded(case.seed);
        for want in &case.shuffle_10 {
            let mut x: Vec<usize> = (0..10).collect();
            r.shuffle(&mut x);
            assert_eq!(&x, want, "seed {}", case.seed);
        }
    }
}

#[test]
fn sample_pool_and_set_methods() {
    for case in SEED_CASES {
        // n = 100 > setsize 21: the selected-set method.
        let mut r = seeded(case.seed);
        for want in &case.sample_100_5 {
            assert_eq!(&r.sample(100, 5).unwrap(), want, "seed {}", case.seed);
        }
        // n = 30 <= setsize 85: the pool method.
        let mut r = seeded(case.seed);
        for want in &case.sample_30_20 {
            assert_eq!(&r.sample(30, 20).unwrap(), want, "seed {}", case.seed);
        }
    }
}

#[test]
fn uniform_floats() {
    for case in SEED_CASES {
        let mut r = seeded(case.seed);
        let got: Vec<f64> = (0..20).map(|_| r.uniform(1.5, 7.25)).collect();
        assert_eq!(got, case.uniform_1_5_7_25, "seed {}", case.seed);
    }
}

#[test]
fn separate_instances_do_not_share_state() {
    // Two instances drawn alternately behave like two fresh ones drawn one after the other.
    let a_case = &SEED_CASES[2];
    let b_case = &SEED_CASES[3];
    let mut a = seeded(a_case.seed);
    let mut b = seeded(b_case.seed);
    for i in 0..20 {
        assert_eq!(a.random(), a_case.random[i]);
        assert_eq!(b.random(), b_case.random[i]);
        let _ = seeded(0).random();
    }
    // A BigInt seed gives the same stream as the same i64 seed.
    for case in SEED_CASES {
        let mut r = Random::from_seed_int(&BigInt::from(case.seed));
        assert_eq!(r.random(), case.random[0]);
    }
}

#[test]
fn reseeding_restarts_the_stream() {
    let case = &SEED_CASES[1];
    let mut r = seeded(999);
    r.random();
    r.seed_i64(case.seed);
    assert_eq!(r.random(), case.random[0]);
}

#[test]
fn str_bytes_and_other_seeds() {
    for (s, want) in SEED_STR {
        assert_eq!(&five(&mut Random::from_seed_str(s)), want, "seed {s:?}");
    }
    for (b, want) in SEED_BYTES {
        assert_eq!(&five(&mut Random::from_seed_bytes(b)), want, "seed {b:?}");
    }
    assert_eq!(
        five(&mut Random::from_seed_bytes(&[0, 255])),
        SEED_BYTEARRAY_SAME_AS_BYTES
    );
    for (n, want) in SEED_BIG {
        assert_eq!(&five(&mut Random::from_seed_int(&big(n))), want, "seed {n}");
    }
    for (hash, want) in SEED_HASH {
        let mut r = seeded(0);
        r.seed_hash(*hash);
        assert_eq!(&five(&mut r), want, "hash {hash}");
    }
    let mut r = seeded(0);
    r.seed_version1(&['a' as u32, 'b' as u32, 'c' as u32]);
    assert_eq!(five(&mut r), SEED_V1_ABC);
    r.seed_version1(&[0xe9, u32::from(b't'), 0xe9]);
    assert_eq!(five(&mut r), SEED_V1_BYTES);
    r.seed_version1(&[]);
    assert_eq!(five(&mut r), SEED_V1_EMPTY);
}

#[test]
fn gauss_and_normalvariate() {
    let mut r = seeded(42);
    let got: Vec<f64> = (0..10).map(|_| r.gauss(0.0, 1.0)).collect();
    assert_eq!(got, GAUSS_42);
    let mut r = seeded(42);
    let mut got = vec![r.gauss(5.0, 2.0)];
    r.seed_i64(42);
    got.extend((0..3).map(|_| r.gauss(5.0, 2.0)));
    assert_eq!(got, GAUSS_42_RESEED);
    let mut r = seeded(42);
    let got: Vec<f64> = (0..10).map(|_| r.normalvariate(0.0, 1.0)).collect();
    assert_eq!(got, NORMALVARIATE_42);
    let mut r = seeded(7);
    let got: Vec<f64> = (0..10).map(|_| r.normalvariate(-3.0, 0.5)).collect();
    assert_eq!(got, NORMALVARIATE_7_MU_SIGMA);
}

#[test]
fn choices_with_and_without_weights() {
    assert_eq!(seeded(42).choices(10, 20), CHOICES_42_N10);
    let w = [1.0, 2.0, 3.0, 4.0];
    assert_eq!(
        seeded(42).choices_weighted(4, Some(&w), None, 20).unwrap(),
        CHOICES_42_W1234
    );
    let cw = [1.0, 3.0, 6.0, 10.0];
    assert_eq!(
        seeded(42).choices_weighted(4, None, Some(&cw), 20).unwrap(),
        CHOICES_42_CUM13610
    );
    let wf = [0.1, 0.0, 2.5];
    assert_eq!(
        seeded(42).choices_weighted(3, Some(&wf), None, 20).unwrap(),
        CHOICES_42_WFLOAT
    );
    assert_eq!(
        seeded(42).choices_weighted(3, None, None, 20).unwrap(),
        seeded(42).choices(3, 20)
    );
}

#[test]
fn sample_counts_and_sizes() {
    assert_eq!(
        seeded(42).sample_counts(3, &[3, 1, 4], 6).unwrap(),
        SAMPLE_COUNTS_42
    );
    assert_eq!(
        seeded(42).sample_counts(4, &[2, 0, 1, 5], 4).unwrap(),
        SAMPLE_COUNTS_ZERO_42
    );
    assert_eq!(seeded(42).sample(1_000_000, 10).unwrap(), SAMPLE_MILLION_10);
    // k = 100: setsize = 21 + 4**5 = 1045, so n = 1000 uses the pool and n = 1100 the set.
    assert_eq!(seeded(42).sample(1000, 100).unwrap(), SAMPLE_1000_100);
    assert_eq!(seeded(42).sample(1100, 100).unwrap(), SAMPLE_1100_100);
    assert_eq!(seeded(42).sample(10, 10).unwrap(), SAMPLE_10_10);
    assert_eq!(seeded(42).sample(0, 0).unwrap(), Vec::<usize>::new());
}

#[test]
fn randrange_forms_and_big_ints() {
    let mut r = seeded(42);
    let got = [
        r.randrange(10, None, 1).unwrap(),
        r.randrange(100, Some(0), -3).unwrap(),
        r.randrange(-5, Some(5), 2).unwrap(),
        r.randint(i64::MIN, i64::MAX).unwrap(),
        r.randrange(-10, Some(-3), 1).unwrap(),
    ];
    assert_eq!(got, RANDRANGE_MIX_42);

    let mut r = seeded(42);
    let one = BigInt::from(1);
    let ten = BigInt::from(10);
    let got = [
        r.randrange_big(&ten.pow(30), None, &one).unwrap(),
        r.randrange_big(&-ten.pow(25), Some(&ten.pow(25)), &BigInt::from(3))
            .unwrap(),
        r.getrandbits(200).unwrap(),
        r.randrange_big(&(BigInt::from(1) << 64u32), None, &one)
            .unwrap(),
        r.randint_big(&-(BigInt::from(1) << 100u32), &-(BigInt::from(1) << 99u32))
            .unwrap(),
        r.randrange_big(&ten.pow(20), Some(&-ten.pow(20)), &BigInt::from(-9))
            .unwrap(),
    ];
    let want: Vec<BigInt> = BIG_42.iter().map(|s| big(s)).collect();
    assert_eq!(got.to_vec(), want);
}

#[test]
fn randbytes_little_endian() {
    let mut r = seeded(42);
    for want in RANDBYTES_42 {
        assert_eq!(r.randbytes(want.len()), want);
    }
}

#[test]
fn state_matches_and_round_trips() {
    let mut r = seeded(5);
    for _ in 0..3 {
        r.random();
    }
    r.gauss(0.0, 1.0);
    let state = r.getstate();
    assert_eq!(state.index, STATE_5_INDEX);
    assert_eq!(state.words[..4], STATE_5_WORDS_HEAD);
    assert_eq!(state.gauss_next, Some(STATE_5_GAUSS_NEXT));

    let after: Vec<f64> = (0..5).map(|_| r.gauss(0.0, 1.0)).collect();
    let mut other = seeded(1);
    other.setstate(&state).unwrap();
    let again: Vec<f64> = (0..5).map(|_| other.gauss(0.0, 1.0)).collect();
    assert_eq!(after, again);
}

fn value(msg: &str) -> RandomError {
    RandomError::Value(msg.to_owned())
}

#[test]
fn error_messages() {
    let mut r = seeded(1);
    assert_eq!(
        r.randrange(5, Some(3), 1),
        Err(value("empty range for randrange() (5, 3, -2)"))
    );
    assert_eq!(
        r.randrange(3, Some(3), 1),
        Err(value("empty range for randrange() (3, 3, 0)"))
    );
    assert_eq!(r.randrange(5, Some(3), -2).unwrap(), 5);
    assert_eq!(
        r.randrange(0, None, 1),
        Err(value("empty range for randrange()"))
    );
    assert_eq!(
        r.randrange(-3, None, 1),
        Err(value("empty range for randrange()"))
    );
    assert_eq!(
        r.randrange(0, Some(10), 0),
        Err(value("zero step for randrange()"))
    );
    assert_eq!(
        r.randrange(0, Some(10), -1),
        Err(value("empty range for randrange()"))
    );
    assert_eq!(
        r.randrange(10, Some(0), 2),
        Err(value("empty range for randrange()"))
    );
    assert_eq!(
        r.randrange(3, None, 2),
        Err(RandomError::Type(
            "Missing a non-None stop argument".to_owned()
        ))
    );
    assert_eq!(
        r.randint(5, 3),
        Err(value("empty range for randrange() (5, 4, -1)"))
    );
    assert_eq!(
        r.randint(5, 4),
        Err(value("empty range for randrange() (5, 5, 0)"))
    );
    let b = |n: i64| BigInt::from(n);
    assert_eq!(
        r.randrange_big(&b(5), Some(&b(3)), &b(1)),
        Err(value("empty range for randrange() (5, 3, -2)"))
    );
    assert_eq!(
        r.randrange_big(&b(0), Some(&b(10)), &b(0)),
        Err(value("zero step for randrange()"))
    );
    let too_many = value("Sample larger than population or is negative");
    assert_eq!(r.sample(10, -1), Err(too_many.clone()));
    assert_eq!(r.sample(10, 11), Err(too_many));
    assert_eq!(
        r.choice(0),
        Err(RandomError::Index(
            "Cannot choose from an empty sequence".to_owned()
        ))
    );
    assert_eq!(
        r.getrandbits(-1),
        Err(value("number of bits must be non-negative"))
    );
    assert_eq!(
        r.choices_weighted(3, Some(&[1.0]), Some(&[1.0]), 1),
        Err(RandomError::Type(
            "Cannot specify both weights and cumulative weights".to_owned()
        ))
    );
    assert_eq!(
        r.choices_weighted(3, Some(&[1.0, 2.0]), None, 1),
        Err(value("The number of weights does not match the population"))
    );
    assert_eq!(
        r.choices_weighted(3, Some(&[0.0, 0.0, 0.0]), None, 1),
        Err(value("Total of weights must be greater than zero"))
    );
    assert_eq!(
        r.choices_weighted(3, Some(&[-1.0, 0.0, 0.0]), None, 1),
        Err(value("Total of weights must be greater than zero"))
    );
    assert_eq!(
        r.choices_weighted(3, Some(&[1.0, f64::INFINITY, 1.0]), None, 1),
        Err(value("Total of weights must be finite"))
    );
    assert_eq!(
        r.choices_weighted(0, Some(&[]), None, 1),
        Err(RandomError::Index("list index out of range".to_owned()))
    );
    assert_eq!(
        r.sample_counts(3, &[1, 2], 1),
        Err(value("The number of counts does not match the population"))
    );
    assert_eq!(
        r.sample_counts(3, &[0, 0, 0], 1),
        Err(value("Total of counts must be greater than zero"))
    );
    assert_eq!(
        r.sample_counts(0, &[], 1),
        Err(RandomError::Index("pop from empty list".to_owned()))
    );
}

type Variate = fn(&mut Random) -> Result<f64, RandomError>;

#[test]
fn other_real_distributions() {
    let cases: [(&str, Variate, [f64; 10]); 16] = [
        (
            "triangular()",
            |r| r.triangular(0.0, 1.0, None),
            TRIANGULAR_DEFAULT_42,
        ),
        (
            "triangular(2, 10, 3)",
            |r| r.triangular(2.0, 10.0, Some(3.0)),
            TRIANGULAR_MODE_42,
        ),
        (
            "triangular(10, 2, 9)",
            |r| r.triangular(10.0, 2.0, Some(9.0)),
            TRIANGULAR_REVERSED_42,
        ),
        (
            "lognormvariate",
            |r| r.lognormvariate(0.5, 0.25),
            LOGNORMVARIATE_42,
        ),
        ("expovariate", |r| r.expovariate(1.5), EXPOVARIATE_42),
        (
            "expovariate(-0.5)",
            |r| r.expovariate(-0.5),
            EXPOVARIATE_NEG_42,
        ),
        ("vonmises", |r| r.vonmisesvariate(1.0, 4.0), VONMISES_42),
        (
            "vonmises flat",
            |r| r.vonmisesvariate(1.0, 0.0),
            VONMISES_FLAT_42,
        ),
        (
            "vonmises mu<0",
            |r| r.vonmisesvariate(-7.0, 0.5),
            VONMISES_NEG_MU_42,
        ),
        ("gamma(3.5, 2)", |r| r.gammavariate(3.5, 2.0), GAMMA_BIG_42),
        ("gamma(1, 2)", |r| r.gammavariate(1.0, 2.0), GAMMA_ONE_42),
        (
            "gamma(0.3, 1.5)",
            |r| r.gammavariate(0.3, 1.5),
            GAMMA_SMALL_42,
        ),
        ("beta(2, 5)", |r| r.betavariate(2.0, 5.0), BETA_42),
        ("beta(0.2, 0.4)", |r| r.betavariate(0.2, 0.4), BETA_SMALL_42),
        ("pareto", |r| r.paretovariate(2.5), PARETO_42),
        ("weibull", |r| r.weibullvariate(1.5, 0.7), WEIBULL_42),
    ];
    for (name, f, want) in cases {
        let mut r = seeded(42);
        let got: Vec<f64> = (0..10).map(|_| f(&mut r).unwrap()).collect();
        assert_eq!(got, want, "{name}");
    }
    // high == low: CPython catches the ZeroDivisionError and returns low, after one draw.
    let mut r = seeded(42);
    assert_eq!(
        r.triangular(3.0, 3.0, Some(1.0)).unwrap(),
        TRIANGULAR_DEGENERATE
    );
    assert_eq!(r.random(), TRIANGULAR_DEGENERATE_NEXT);
}

#[test]
fn real_distribution_errors() {
    let mut r = seeded(1);
    let zero_div = RandomError::ZeroDivision("float division by zero".to_owned());
    assert_eq!(r.expovariate(0.0), Err(zero_div.clone()));
    assert_eq!(r.paretovariate(0.0), Err(zero_div.clone()));
    assert_eq!(r.weibullvariate(1.0, 0.0), Err(zero_div));
    assert_eq!(
        r.gammavariate(0.0, 1.0),
        Err(value("gammavariate: alpha and beta must be > 0.0"))
    );
    assert_eq!(
        r.gammavariate(1.0, -1.0),
        Err(value("gammavariate: alpha and beta must be > 0.0"))
    );
    assert_eq!(
        r.lognormvariate(1000.0, 1.0),
        Err(RandomError::Overflow("math range error".to_owned()))
    );
    assert_eq!(
        r.paretovariate(1e-300),
        Err(RandomError::Overflow(
            "(34, 'Numerical result out of range')".to_owned()
        ))
    );
}
