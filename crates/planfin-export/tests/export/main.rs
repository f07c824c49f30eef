//! Integration tests of the export side, compiled as one test binary.

mod atomic;
mod clients;
mod common;
mod fidelity;
mod messages;
mod report;
mod roundtrip;
mod template;
