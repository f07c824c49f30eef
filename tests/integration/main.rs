//! End-to-end tests, compiled as one binary (one link instead of one per file).
