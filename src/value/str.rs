// Python `str`: UTF-8 text indexed by code point, with its length and hash cached.

use std::cell::Cell;

pub struct PyStr {
    text: Text,
    /// Number of code points; equals the byte length for ASCII text.
    nchars: usize,
    hash: Cell<i64>,
}

/// Short texts (most words, keys and names) live inside the `PyStr` itself, so a
/// string is one allocation, as in CPython; longer ones own a heap buffer.
enum Text {
    Inline { len: u8, buf: [u8; INLINE] },
    Heap(String),
}

const INLINE: usize = 22;
const NO_HASH: i64 = -1;

fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            return PyStr {
                text: Text::Inline {
                    len: s.len() as u8,
                    buf,
                },
                nchars: count_chars(s),
                hash: Cell::new(NO_HASH),
            };
        }
        PyStr::from_string(s.to_string())
    }
    pub fn from_string(s: String) -> PyStr {
        if s.len() <= INLINE {
            return PyStr::new(&s);
        }
        PyStr {
            nchars: count_chars(&s),
            text: Text::Heap(s),
            hash: Cell::new(NO_HASH),
        }
    }
    /// The text, keeping its buffer (for in-place `+=` on a sole owner).
    pub fn into_string(self) -> String {
        match self.text {
            Text::Heap(s) => s,
            Text::Inline { .. } => self.as_str().to_string(),
        }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.text {
            // SAFETY: the inline bytes were copied from a `&str` of exactly `len` bytes.
            Text::Inline { len, buf } => unsafe {
                std::str::from_utf8_unchecked(&buf[..*len as usize])
            },
            Text::Heap(s) => s,
        }
    }
    /// Length in code points, as `len()` sees it.
    #[inline]
    pub fn len(&self) -> usize {
        self.nchars
    }
    pub fn is_empty(&self) -> bool {
        self.nchars == 0
    }
    pub fn len_bytes(&self) -> usize {
        self.as_str().len()
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.as_str().len()
    }
    /// The code point at index `i` (0 <= i < len).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.as_str().as_bytes()[i] as char
        } else {
            self.as_str().chars().nth(i).unwrap_or('\0')
        }
    }
    /// Byte offset of code point `i` (i <= len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.as_str()
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.as_str().len())
        }
    }
    /// Code-point index of a byte offset that lies on a char boundary.
    pub fn char_index(&self, byte: usize) -> usize {
        if self.is_ascii() {
            byte
        } else {
            self.as_str()[..byte].chars().count()
        }
    }
    /// The substring of code points `[start, end)`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if self.is_ascii() {
            &self.as_str()[start..end]
        } else {
            let a = self.byte_offset(start);
            let b = a + self.as_str()[a..]
                .char_indices()
                .nth(end - start)
                .map(|(b, _)| b)
                .unwrap_or(self.as_str().len() - a);
            &self.as_str()[a..b]
        }
    }
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != NO_HASH {
            return h;
        }
        let h = hash_bytes(self.as_str().as_bytes());
        self.hash.set(h);
        h
    }
}

/// A fast, fixed-key string hash (Python randomizes str hashes, so no program can
/// depend on particular values).
pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    for &x in chunks.remainder() {
        h = (h.rotate_left(5) ^ x as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h ^= h >> 29;
    let h = (h as i64) >> 1;
    if h == -1 {
        -2
    } else {
        h
    }
}
