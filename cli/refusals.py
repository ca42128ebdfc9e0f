"""A row or cell the `sheet` command refused, as its JSON says it and as its line says it."""

from __future__ import annotations

from typing import Any

from cli.lang import tf


def refusal(row: int, column: str, header: str, value: str, reason: str, **more: Any) -> dict[str, Any]:
    """A refusal in the JSON: the row (0: a whole sheet), the column's letter and header, the
    value and why."""
    return {"row": row, "column": column, "header": header, "value": value, "reason": reason, **more}


def refusal_line(r: dict[str, Any]) -> str:
    where = tf("row %1", r["row"]) if r["row"] else tf("sheet %1", r.get("sheet", ""))  # 0: a whole sheet
    if r["column"]:
        col = f"{r['column']} ({r['header']})" if r["header"] else r["column"]
        where = tf("row %1, column %2", r["row"], col)
    return f"{where}: {r['reason']}"
