//! Integration tests of the export side, compiled as one test binary.

mod atomic;
mod clients;
mod common;
mod fidelity;
mod report;
mod roundtrip;
mod template;
