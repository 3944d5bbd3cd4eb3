//! What the learned models share: the reader of their little-endian weight files and the
//! deterministic shuffle their training uses, so that the same command gives the same bytes.

/// Reads a weights file front to back; running out of bytes is the model's own "bad size"
/// error.
pub(crate) struct Reader<'a, E> {
    bytes: &'a [u8],
    /// Bytes read so far.
    pub(crate) at: usize,
    short: fn() -> E,
}

impl<'a, E> Reader<'a, E> {
    pub(crate) fn new(bytes: &'a [u8], short: fn() -> E) -> Self {
        Reader { bytes, at: 0, short }
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], E> {
        let end = self.at.checked_add(n).ok_or_else(self.short)?;
        let s = self.bytes.get(self.at..end).ok_or_else(self.short)?;
        self.at = end;
        Ok(s)
    }

    pub(crate) fn u32(&mut self) -> Result<u32, E> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// A small deterministic generator (xorshift64*) for shuffling training examples.
pub(crate) struct Rng(u64);

impl Rng {
    /// Any seed works; zero, the one fixed point of xorshift, is avoided.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Fisher-Yates.
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_file_is_the_callers_error_and_reading_stops_where_it_was() {
        let mut r = Reader::new(&[1, 0, 0, 0, 9], || "short");
        assert_eq!(r.u32(), Ok(1));
        assert_eq!(r.u32(), Err("short"));
        assert_eq!(r.at, 4);
        assert_eq!(r.take(1), Ok(&[9u8][..]));
    }

    #[test]
    fn shuffling_is_a_permutation_and_the_same_for_the_same_seed() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        Rng::new(7).shuffle(&mut a);
        Rng::new(7).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
    }
}
