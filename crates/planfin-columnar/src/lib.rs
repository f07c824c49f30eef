//! # planfin-columnar
//!
//! Ledgers and plans as Arrow record batches, and as Parquet and Arrow IPC files, exactly
//! (`README.md`: the schema, and why arrow 59).
