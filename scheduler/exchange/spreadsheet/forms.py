"""The exports of online forms (问卷星, 腾讯问卷, 金数据, WeChat forms): how their columns are
read, the services a submission chose, what identifies a submission, and the names that match no
record. See docs/sheets.md."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from scheduler.exchange.spreadsheet.headers import choice_mark, read_header
from scheduler.exchange.spreadsheet.row import MAX_FIELD_TEXT
from scheduler.exchange.spreadsheet.values import cell_text, closest, find_record, fold
from scheduler.exchange.spreadsheet.words import EMPTY
from scheduler.plan.model import Plan

_JOINED = re.compile(r"\s*[┋;；,，、|｜\n]\s*")
_OTHER = re.compile(r"^其他\s*(?:[〖【\[(（:：]\s*(.*?)\s*[〗】\])）]?)?$", re.S)
# What identifies a submission by its answers (its services apart: see _submission).
_ANSWERS = ("partner", "date", "time", "audience", "contact_name", "contact_phone", "notes", "priority")


def chosen_services(
    row: list[Any],
    header: list[Any],
    mapping: Mapping[int, str],
    items: Mapping[str, Any],
    chosen: Mapping[str, str],
) -> tuple[list[str], list[str]]:
    """The services a row chose (names, in the file's order) and the text written beside 其他:
    from a text column (one name, or several joined by ┋ ; ， 、 …; "其他〖…〗" a note) or from
    0/1 columns, one per choice ("3(义诊)")."""
    services: list[str] = []
    notes: list[str] = []
    for i, f in mapping.items():
        if f not in ("service", "other") or i >= len(row):
            continue
        cell = row[i]
        text = cell_text(cell)
        if isinstance(cell, str) and len(cell) > MAX_FIELD_TEXT:
            text = cell[:MAX_FIELD_TEXT]
        if text in EMPTY:
            continue
        label = read_header(header[i]).choice if i < len(header) else None
        if f == "other":
            if choice_mark(cell) is None and text:
                notes.append(text)
            continue
        if label is not None and choice_mark(cell, label) is not None and count_service_columns(mapping) > 1:
            if choice_mark(cell, label):
                m = _OTHER.match(label)
                if m is None:
                    services.append(label)
            continue
        if not text:
            continue
        parts = (
            [text] if find_record(items, text, chosen) is not None else [p for p in _JOINED.split(text) if p]
        )
        for part in parts:
            m = _OTHER.match(part)
            if m is not None:
                if m.group(1) and find_record(items, m.group(1), chosen) is not None:
                    services.append(m.group(1))  # 其他〖义诊〗: a service after all
                elif m.group(1):
                    notes.append(m.group(1))
                continue
            services.append(part)
    return list(dict.fromkeys(services)), notes


def count_service_columns(mapping: Mapping[int, str]) -> int:
    return sum(1 for f in mapping.values() if f == "service")


def _stamp(value: Any) -> str:
    """A submission time to the second, the same whether the file holds a date cell or text."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    text = unicodedata.normalize("NFKC", cell_text(value))
    m = re.match(r"^(\d{4})\D(\d{1,2})\D(\d{1,2})\D*?(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?", text)
    if m:
        y, mo, d, h, mi, sec = (int(g or 0) for g in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{sec:02d}"
    return fold(text)


def submission_id(
    values: Mapping[str, str], raw_received: Any, services: list[str], by_answers: bool = False
) -> str:
    """What identifies a submission whatever columns its export holds: the platform's number and
    time where the export has both, else (or `by_answers`) its time (if any) and its answers."""
    if isinstance(raw_received, str):
        raw_received = values.get("received", "")  # the text as read, cut to MAX_FIELD_TEXT
    stamp = _stamp(raw_received) if values.get("received") else ""
    if values.get("number") and stamp and not by_answers:
        key = f"n\x1f{fold(values['number'])}\x1f{stamp}"
    else:
        answers = [fold(values.get(f, "")) for f in _ANSWERS]
        key = "a\x1f" + stamp + "\x1f" + "\x1f".join([*answers, *sorted(fold(s) for s in services)])
    return "form-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def unmatched_names(
    rows: list[list[Any]], header_row: int, mapping: dict[int, str], plan: Plan
) -> dict[str, dict[str, tuple[str, ...]]]:
    """Per field ("partner", "service"), the names the rows give that match no record, each with
    its closest candidates: what the user may match by hand."""
    out: dict[str, dict[str, tuple[str, ...]]] = {"partner": {}, "service": {}}
    items: dict[str, Mapping[str, Any]] = {"partner": plan.partners, "service": plan.services}
    header = rows[header_row] if header_row < len(rows) else []
    for row in rows[header_row + 1 :]:
        names = {"service": chosen_services(row, header, mapping, plan.services, {})[0], "partner": []}
        for i, f in mapping.items():
            if f == "partner" and i < len(row):
                cell = row[i]
                if (
                    not (isinstance(cell, str) and len(cell) > MAX_FIELD_TEXT)
                    and cell_text(cell) not in EMPTY
                ):
                    names["partner"].append(cell_text(cell))
        for f, found in names.items():
            for name in found:
                if name and name not in out[f] and find_record(items[f], name, {}) is None:
                    out[f][name] = closest(name, items[f])
    return out


@dataclass(frozen=True, slots=True)
class FormColumns:
    """How a form export's columns are read: the platform's own (column, field "number",
    "received" or "platform"), and where the services come from: one column of names ("text")
    or one 0/1 column per choice ("0/1", with each column's choice)."""

    platform: list[tuple[int, str]]
    service_kind: str  # "text", "0/1" or "" (no service column)
    service: list[tuple[int, str]]  # (column, header text or the choice)


def form_columns(header: list[Any], mapping: Mapping[int, str]) -> FormColumns:
    platform = [(i, f) for i, f in sorted(mapping.items()) if f in ("number", "received", "platform")]
    cols = [i for i, f in sorted(mapping.items()) if f == "service"]
    if len(cols) > 1:
        return FormColumns(platform, "0/1", [(i, read_header(header[i]).choice or "") for i in cols])
    if cols:
        return FormColumns(
            platform, "text", [(cols[0], cell_text(header[cols[0]]) if cols[0] < len(header) else "")]
        )
    return FormColumns(platform, "", [])


def row_digest(row: list[Any]) -> str:
    """What identifies a form's row whatever file it comes in: a hash of its cells' text."""
    cells = "\x1f".join(fold(cell_text(c)) for c in row)
    return hashlib.sha256(cells.encode("utf-8")).hexdigest()


def request_id(row: list[Any]) -> str:
    return "form-" + row_digest(row)[:12]
