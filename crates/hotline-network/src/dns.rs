//! dns (in progress).
