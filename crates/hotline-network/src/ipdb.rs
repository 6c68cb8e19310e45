//! ipdb (in progress).
