//! rdap (in progress).
