"""pandas glue: DataFrames in and out. pandas is imported only when one of these runs."""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Sequence
from typing import Any


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-untyped,unused-ignore]
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "this needs pandas: pip install 'planfin[pandas]' (or pip install pandas)"
        ) from e
    return pandas


def records_of_frame(df: Any) -> list[dict[str, Any]]:
    """The rows of ``df`` as dicts, missing values (NaN, None, NaT, pd.NA) left out, and
    datetime64 columns holding dates only turned into ``datetime.date``."""
    pd = _pandas()
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas.DataFrame, got {type(df).__name__}")
    columns: dict[str, Any] = {}
    for name in df.columns:
        column = df[name]
        if pd.api.types.is_datetime64_any_dtype(column.dtype):
            timestamps = column.dropna()
            if (timestamps == timestamps.dt.normalize()).all():
                column = column.dt.date
        columns[name] = column.astype(object).where(column.notna(), None)
    frame = pd.DataFrame(columns, index=df.index)
    return [
        {k: v for k, v in row.items() if v is not None}
        for row in frame.to_dict(orient="records")
    ]


def _to_float(value: decimal.Decimal | None) -> float | None:
    return None if value is None else float(value)


def frame(
    rows: list[dict[str, Any]],
    columns: Sequence[str],
    decimal_columns: Sequence[str],
    float_amounts: bool,
) -> Any:
    """A DataFrame of ``rows`` with ``columns`` in order; ``decimal_columns`` hold
    ``decimal.Decimal`` (object dtype) unless ``float_amounts`` converts them to float64."""
    pd = _pandas()
    data: dict[str, list[Any]] = {c: [row.get(c) for row in rows] for c in columns}
    df = pd.DataFrame(data, columns=list(columns))
    for c in decimal_columns:
        if c not in df.columns:
            continue
        if float_amounts:
            df[c] = pd.Series([_to_float(v) for v in data[c]], dtype="float64", index=df.index)
        else:
            df[c] = pd.Series(data[c], dtype=object, index=df.index)
    for c in columns:
        if data[c] and all(isinstance(v, datetime.date) for v in data[c]):
            df[c] = pd.Series(data[c], dtype=object, index=df.index)
    return df


def frame_of_columns(
    columns: dict[str, list[Any]], decimal_columns: Sequence[str], float_amounts: bool
) -> Any:
    """A DataFrame of ``columns`` (in order); ``decimal_columns`` hold ``decimal.Decimal``
    (object dtype), or floats already when ``float_amounts``."""
    pd = _pandas()
    data = {
        name: pd.Series(
            values,
            dtype=("float64" if float_amounts else object) if name in decimal_columns else None,
        )
        for name, values in columns.items()
    }
    return pd.DataFrame(data)
