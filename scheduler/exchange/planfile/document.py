"""Reading a plan-file document into a Plan, every problem listed with its JSON path: the
document's format and version, each section's records by the section readers, duplicates,
then what the ids refer to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from scheduler.exchange.planfile.activities import activity_reader
from scheduler.exchange.planfile.guard import load_json
from scheduler.exchange.planfile.problems import PlanError, Problem
from scheduler.exchange.planfile.reader import FORMAT, VERSION, Reader, extra_of
from scheduler.exchange.planfile.records import record_reader
from scheduler.exchange.planfile.references import check_references
from scheduler.exchange.planfile.sections import flat_reader, read_hospital
from scheduler.plan.model import SECTIONS, Plan, key_of
from scheduler.plan.validation import normalize_id
from scheduler.plan.wording import N_, Phrase


@dataclass(slots=True)
class ParsedPlan:
    """A document read into a Plan, with the JSON path of every record it holds."""

    plan: Plan
    paths: dict[tuple[str, Any], str]
    # What was taken but may not be what the writer meant (a rule cut at the horizon, a start
    # off its rule): said at import beside what changed.
    warnings: list[Problem] = field(default_factory=list)


def parse_document(text: str | bytes, base: Plan | None = None) -> ParsedPlan:
    """Read a plan file's text; raise PlanError listing every problem.

    `base` is what the database holds already: references may point into it."""
    return parse_plan(load_json(text), base)


def parse_plan(doc: Any, base: Plan | None = None) -> ParsedPlan:
    r = Reader()
    if not isinstance(doc, dict):
        raise PlanError([Problem("$", type(doc).__name__, N_("must be a JSON object"))])
    if doc.get("format") != FORMAT:
        r.bad("$.format", doc.get("format"), Phrase(N_('must be "%1"'), FORMAT))
    version = doc.get("version")
    if version != VERSION or isinstance(version, bool):
        r.bad("$.version", version, Phrase(N_("must be %1"), VERSION))
    if r.problems:
        raise PlanError(r.problems)

    plan = Plan()
    paths: dict[tuple[str, Any], str] = {}
    refused: set[tuple[str, str]] = set()
    _read_sections(r, doc, plan, paths, refused)
    check_references(r, plan, paths, base or Plan(), refused)
    if r.problems:
        raise PlanError(r.problems)
    return ParsedPlan(plan, paths, r.warnings)


_TOP_KEYS = {"format", "version", "hospital", *SECTIONS}


def _read_sections(
    r: Reader, doc: dict[str, Any], plan: Plan, paths: dict, refused: set[tuple[str, str]]
) -> None:
    """Read every section into `plan`; the ids of records refused go into `refused`, so that
    what refers to them is not reported as well."""
    if "hospital" in doc and doc["hospital"] is not None:
        plan.hospital = read_hospital(r, doc["hospital"], "$.hospital")
    plan.extra = extra_of(doc, _TOP_KEYS)
    readers: dict[str, Callable[[Reader, dict[str, Any], str], Any]] = {
        section: _HAND_READ[section](r) if section in _HAND_READ else flat_reader(r, section)
        for section in SECTIONS
    }
    for section, reader in readers.items():
        if doc.get(section) is None:
            continue
        target: dict = getattr(plan, section)
        for path, raw in r.items(doc[section], f"$.{section}"):
            obj = r.obj(raw, path)
            if obj is None:
                continue
            item = reader(r, obj, path)
            if item is None:
                if isinstance(obj.get("id"), str):
                    refused.add((section, normalize_id(obj["id"])))
                continue
            key = key_of(section, item)
            if key in target:
                if not isinstance(key, str):
                    what = N_("duplicate entry: also at %1")
                elif obj.get("id") != key:
                    what = N_(
                        "duplicate id (ids are compared without surrounding spaces, in Unicode NFC): also at %1"
                    )
                else:
                    what = N_("duplicate id: also at %1")
                r.bad(path, _shown_key(key), Phrase(what, paths[(section, key)]))
                continue
            target[key] = item
            paths[(section, key)] = path


# The sections whose nested parts are read by hand.
_HAND_READ = {"activities": activity_reader, "records": record_reader}


def _shown_key(key: Any) -> Any:
    if isinstance(key, tuple):
        return [k.isoformat() if isinstance(k, (date, datetime)) else k for k in key]
    if isinstance(key, date):
        return key.isoformat()
    return key
