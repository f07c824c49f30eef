//! Parquet and Arrow IPC files: record batches in (written atomically) and out.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::Path;

use arrow_array::RecordBatch;
use arrow_schema::{ArrowError, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::columns::BATCH_ROWS;
use crate::error::ColumnarError;

/// A columnar file format, told by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Apache Parquet (`.parquet`, `.pq`), Snappy-compressed when written.
    Parquet,
    /// The Arrow IPC file format (`.arrow`, `.feather`, `.ipc`), uncompressed.
    ArrowIpc,
}

impl Format {
    /// The format of `path`, by its extension (case-insensitive); `None` for any other file.
    ///
    /// ```
    /// use planfin_columnar::Format;
    /// assert_eq!(Format::of("l.Parquet".as_ref()), Some(Format::Parquet));
    /// assert_eq!(Format::of("l.arrow".as_ref()), Some(Format::ArrowIpc));
    /// assert_eq!(Format::of("l.json".as_ref()), None);
    /// ```
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "parquet" | "pq" => Some(Format::Parquet),
            "arrow" | "feather" | "ipc" => Some(Format::ArrowIpc),
            _ => None,
        }
    }
}

/// The batches of a file, as they are read, with the file's schema.
pub(crate) type Batches = (
    SchemaRef,
    Box<dyn Iterator<Item = Result<RecordBatch, ArrowError>>>,
);

/// Opens `path` (named `file` in errors) and reads its schema; the batches come as the
/// iterator is advanced.
pub(crate) fn open(path: &Path, format: Format, file: &str) -> Result<Batches, ColumnarError> {
    let unreadable = |detail: String| ColumnarError::Unreadable {
        file: file.to_string(),
        detail,
    };
    let handle = File::open(path).map_err(|e| unreadable(e.to_string()))?;
    match format {
        Format::Parquet => {
            let builder = ParquetRecordBatchReaderBuilder::try_new(handle)
                .map_err(|e| unreadable(e.to_string()))?;
            let schema = builder.schema().clone();
            let reader = builder
                .with_batch_size(BATCH_ROWS)
                .build()
                .map_err(|e| unreadable(e.to_string()))?;
            Ok((schema, Box::new(reader)))
        }
        Format::ArrowIpc => {
            let reader = arrow_ipc::reader::FileReader::try_new(BufReader::new(handle), None)
                .map_err(|e| unreadable(e.to_string()))?;
            Ok((reader.schema(), Box::new(reader)))
        }
    }
}

/// Writes `batches` with `schema` to `path` in `format`, atomically; `inputs` are refused as
/// the output.
pub(crate) fn write(
    path: &Path,
    inputs: &[&Path],
    format: Format,
    schema: &SchemaRef,
    batches: &[RecordBatch],
) -> Result<(), ColumnarError> {
    let failed = |e: &dyn std::fmt::Display| ColumnarError::Write {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    planfin_atomic::write_atomically(path, inputs, |file: &mut File| {
        let mut out = BufWriter::new(file);
        match format {
            Format::Parquet => {
                let props = WriterProperties::builder()
                    .set_compression(Compression::SNAPPY)
                    .build();
                let mut writer = ArrowWriter::try_new(&mut out, schema.clone(), Some(props))
                    .map_err(|e| failed(&e))?;
                for batch in batches {
                    writer.write(batch).map_err(|e| failed(&e))?;
                }
                writer.close().map_err(|e| failed(&e))?;
            }
            Format::ArrowIpc => {
                let mut writer = arrow_ipc::writer::FileWriter::try_new(&mut out, schema)
                    .map_err(|e| failed(&e))?;
                for batch in batches {
                    writer.write(batch).map_err(|e| failed(&e))?;
                }
                writer.finish().map_err(|e| failed(&e))?;
            }
        }
        out.flush().map_err(|e| failed(&e))
    })
}
