//! Receipts: the reporter's only handle on a report (docs/SPEC.md §4).
//!
//! 80 random bits written as 16 characters of Crockford base32, shown as `XXXX-XXXX-XXXX-XXXX`.
//! Read case-insensitively, with or without dashes or spaces, taking `O` for `0` and `I`/`L`
//! for `1`, because people copy receipts by hand. The hotline stores only a keyed hash.

use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Length of a receipt without dashes.
pub const RECEIPT_CHARS: usize = 16;

/// Why a typed receipt could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    #[error(
        "a receipt has 16 letters and digits (for example ABCD-EFGH-JKMN-PQRS); this one has {0}"
    )]
    WrongLength(usize),
    #[error("a receipt does not contain the character \"{0}\"")]
    BadCharacter(char),
}

/// A receipt. Its `Display` is the form shown to the reporter.
#[derive(Clone, PartialEq, Eq)]
pub struct Receipt([u8; RECEIPT_CHARS]);

impl Receipt {
    /// Makes a receipt from 10 random bytes (80 bits); the caller supplies the randomness.
    pub fn from_random(bytes: [u8; 10]) -> Self {
        let mut bits: u128 = 0;
        for b in bytes {
            bits = (bits << 8) | u128::from(b);
        }
        let mut chars = [0u8; RECEIPT_CHARS];
        for (i, c) in chars.iter_mut().enumerate() {
            let shift = 5 * (RECEIPT_CHARS - 1 - i);
            *c = ALPHABET[((bits >> shift) & 0x1f) as usize];
        }
        Self(chars)
    }

    /// Reads a receipt as a person typed it.
    pub fn parse(input: &str) -> Result<Self, ReceiptError> {
        let mut chars = [0u8; RECEIPT_CHARS];
        let mut n = 0;
        for ch in input.chars() {
            if ch == '-' || ch.is_whitespace() {
                continue;
            }
            let normalised = match ch.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !normalised.is_ascii() || !ALPHABET.contains(&(normalised as u8)) {
                return Err(ReceiptError::BadCharacter(ch));
            }
            if n < RECEIPT_CHARS {
                chars[n] = normalised as u8;
            }
            n += 1;
        }
        if n != RECEIPT_CHARS {
            return Err(ReceiptError::WrongLength(n));
        }
        Ok(Self(chars))
    }

    /// The 16 characters without dashes: what gets hashed.
    pub fn compact(&self) -> &str {
        // Only ALPHABET bytes are ever stored, all ASCII.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.compact();
        write!(f, "{}-{}-{}-{}", &s[0..4], &s[4..8], &s[8..12], &s[12..16])
    }
}

impl fmt::Debug for Receipt {
    // A receipt is a secret: keep it out of debug output and logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Receipt(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shows_four_groups() {
        let r = Receipt::from_random([0; 10]);
        assert_eq!(r.to_string(), "0000-0000-0000-0000");
        let r = Receipt::from_random([0xff; 10]);
        assert_eq!(r.to_string(), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    }

    #[test]
    fn reads_what_people_type() {
        let r = Receipt::parse("abcd-efgh-jkmn-pqrs").unwrap();
        assert_eq!(r.to_string(), "ABCD-EFGH-JKMN-PQRS");
        assert_eq!(Receipt::parse("ABCDEFGHJKMNPQRS").unwrap(), r);
        assert_eq!(Receipt::parse(" abcd efgh jkmn pqrs ").unwrap(), r);
        assert_eq!(
            Receipt::parse("OIL0-0000-0000-0000").unwrap().to_string(),
            "0110-0000-0000-0000"
        );
    }

    #[test]
    fn refuses_wrong_input() {
        assert_eq!(Receipt::parse("ABC"), Err(ReceiptError::WrongLength(3)));
        assert_eq!(
            Receipt::parse("ABCD-EFGH-JKMN-PQRS-T"),
            Err(ReceiptError::WrongLength(17))
        );
        assert_eq!(
            Receipt::parse("ABCD-EFGH-JKMN-PQRU"),
            Err(ReceiptError::BadCharacter('U'))
        );
        assert_eq!(
            Receipt::parse("ABCD-EFGH-JKMN-PQRé"),
            Err(ReceiptError::BadCharacter('é'))
        );
    }

    #[test]
    fn debug_hides_the_receipt() {
        let r = Receipt::from_random([7; 10]);
        assert!(!format!("{r:?}").contains(r.compact()));
    }

    proptest! {
        #[test]
        fn display_parses_back(bytes in any::<[u8; 10]>()) {
            let r = Receipt::from_random(bytes);
            prop_assert_eq!(Receipt::parse(&r.to_string()).unwrap(), r.clone());
            prop_assert_eq!(Receipt::parse(&r.to_string().to_lowercase()).unwrap(), r);
        }

        #[test]
        fn distinct_bits_give_distinct_receipts(a in any::<[u8; 10]>(), b in any::<[u8; 10]>()) {
            prop_assume!(a != b);
            prop_assert_ne!(Receipt::from_random(a), Receipt::from_random(b));
        }
    }
}
