"""Operations: every change to the store goes through one of these, in one transaction,
and returns a Changes value saying what changed."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from db.audit import audit, bank
from db.planio import (
    bump_revision,
    get_setting,
    load_hospital,
    load_plan,
    revision,
    set_setting,
    write_acknowledgement,
    write_audit,
    write_hospital,
)
from db.references import Referrer, label_of, referrers
from db.sections import SECTION, delete_section, load_section, write_plain, write_section
from db.store import Store, StoreError
from scheduler.calendar.recurrence import planned_dates
from scheduler.exchange.planfile.document import parse_document
from scheduler.exchange.planfile.problems import PlanError, Problem
from scheduler.office.recording import record_problems
from scheduler.office.requests import ResponseTimes, requests_done
from scheduler.plan.history import AuditEntry
from scheduler.plan.model import SECTIONS, Hospital, Plan, Record, key_of
from scheduler.plan.wording import N_, Worded
from scheduler.solver.proposal import PREFERENCES, SolverSettings

# Settings the conflict checker reads: a change to one of them calls for a re-check.
CHECKED_SETTINGS = frozenset({"response_times"})
# Kinds of Changes.keys that are not the plan: records changed both in the office and in the
# field, kept until someone chooses (ids of those added and settled).
BESIDE_PLAN = frozenset({"field_conflicts"})


@dataclass(frozen=True, slots=True)
class Changes:
    """What an operation changed: the keys touched per plan section (and "acknowledgements"),
    whether the hospital's own settings changed, and the names of app settings changed."""

    keys: Mapping[str, frozenset[Any]] = field(default_factory=dict)
    hospital: bool = False
    settings: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return self.hospital or bool(self.settings) or any(self.keys.values())

    def touches(self, *sections: str) -> bool:
        return any(self.keys.get(s) for s in sections)

    @property
    def beside_plan(self) -> bool:
        """Whether only what waits beside the plan changed (field conflicts kept for a choice):
        the plan is as it was, so no undo step is made for it and none is lost."""
        return (
            bool(self)
            and not self.hospital
            and not self.settings
            and all(not keys or section in BESIDE_PLAN for section, keys in self.keys.items())
        )

    @property
    def needs_recheck(self) -> bool:
        """Whether the conflicts may have changed (settings like the number of backups do not)."""
        return self.hospital or bool(self.settings & CHECKED_SETTINGS) or self.touches(*SECTIONS)

    def merge(self, other: Changes) -> Changes:
        keys = {
            s: self.keys.get(s, frozenset()) | other.keys.get(s, frozenset())
            for s in {*self.keys, *other.keys}
        }
        return Changes(keys, self.hospital or other.hospital, self.settings | other.settings)

    @classmethod
    def of(cls, section: str, *keys: Any) -> Changes:
        return cls({section: frozenset(keys)})


class OperationError(Worded):
    """An operation refused: the message says why, in terms a user can act on (a template and
    its values, said in the reader's language where it is shown)."""


class StillReferenced(OperationError):
    """Said with names (the record's and the first referrers'), not internal ids."""

    def __init__(self, section: str, key: Any, referrers: list[Referrer], name: str | None = None):
        self.section = section
        self.key = key
        self.name = name or str(key)
        self.referrers = referrers
        shown = "、".join(r.label for r in referrers[:5]) + ("…" if len(referrers) > 5 else "")
        super().__init__(
            N_("“%1” is still referred to by %2 record(s): %3"), self.name, len(referrers), shown
        )


def _integrity(exc: sqlite3.IntegrityError) -> OperationError:
    text = str(exc)
    if "FOREIGN KEY" in text:
        return OperationError(N_("a record names another record that does not exist"))
    if "UNIQUE" in text:
        return OperationError(N_("a record with this id already exists"))
    if "CHECK" in text:
        return OperationError(N_("a value is out of its allowed range"))
    return OperationError(text)


class Stale(OperationError):
    """The database changed since the data a long job (the solver) worked from was read."""


@dataclass(frozen=True, slots=True)
class Ack:
    """A warning looked at and accepted, with the reason."""

    kind: str
    reason: str
    by: str | None
    at: str


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to the store, whatever door it came through: records to delete and to save per
    section (deletes go first, so one step may replace a record), the hospital, settings, the
    plan file's unknown top-level keys, acknowledgements (None: withdrawn)."""

    saves: Mapping[str, Iterable[Any]] = field(default_factory=dict)
    deletes: Mapping[str, Iterable[Any]] = field(default_factory=dict)
    hospital: Hospital | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    plan_extra: Mapping[str, Any] = field(default_factory=dict)
    acknowledgements: Mapping[str, Ack | None] = field(default_factory=dict)
    # Refuse a delete while other records still refer to what goes (naming them); off when
    # the same step saves what takes the deleted record's place.
    guard_references: bool = False
    # Save only while the database is still at this revision (see planio.revision).
    expect_revision: int | None = None
    # section → the key of one history entry for all of the section's changes in this step (a duty
    # roster import: one entry saying what came from which file, not one per entry).
    audit_as: Mapping[str, str] = field(default_factory=dict)
    # Field packages: records changed on both sides to keep for a choice, conflicts settled (ids),
    # and the package now imported (its id and checksum: a second import changes nothing).
    field_conflicts: Iterable[FieldConflictRow] = ()
    settle_field_conflicts: Iterable[int] = ()
    field_import: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class FieldConflictRow:
    """A field record kept aside: the package it came from, its occurrence, the field's record
    (plan-file JSON text) and when it was brought back."""

    package: str
    activity: str
    occurrence: date
    field: str
    at: str


def write(store: Store, edit: Edit) -> Changes:
    """The one write core: every change from every door (GUI, command line, plan import,
    recording, field package, settings) runs here, in one transaction: it validates, writes,
    keeps the audit history and the time bank, marks requests done whose activity was held,
    raises the revision, and says precisely what changed. All or nothing."""
    saves = {s: list(v) for s, v in edit.saves.items() if v}
    deletes = {s: list(v) for s, v in edit.deletes.items() if v}
    keys: dict[str, frozenset[Any]] = {}
    settings: set[str] = set()
    try:
        with store.atomic():
            if edit.expect_revision is not None and revision(store) != edit.expect_revision:
                raise Stale(N_("the plan was changed by someone else meanwhile; nothing was saved"))
            for section, gone in deletes.items():
                if edit.guard_references:
                    _refuse_referenced(store, section, gone)
                if section in edit.audit_as:
                    continue
                keys[section] = _write_section(store, section, gone, deleting=True)
            for section, items in saves.items():
                if section in edit.audit_as:
                    continue
                keys[section] = keys.get(section, frozenset()) | _write_section(
                    store, section, items, deleting=False
                )
            for section, label in edit.audit_as.items():
                keys[section] = _write_summarized(
                    store, section, deletes.get(section, []), saves.get(section, []), label
                )
            if saves.get("records"):
                _check_records(store, saves["records"])
                done = _requests_done(store, saves["records"])
                if done:
                    keys["requests"] = keys.get("requests", frozenset()) | done
            keys = {section: changed for section, changed in keys.items() if changed}
            hospital = edit.hospital is not None and _write_hospital(store, edit.hospital)
            if edit.plan_extra:
                set_setting(store, "plan_extra", {**get_setting(store, "plan_extra", {}), **edit.plan_extra})
            for name, value in edit.settings.items():
                if _write_setting(store, name, value):
                    settings.add(name)
            acks = frozenset(k for k, ack in edit.acknowledgements.items() if _write_ack(store, k, ack))
            if acks:
                keys["acknowledgements"] = acks
            aside = _write_field_conflicts(
                store, list(edit.field_conflicts), list(edit.settle_field_conflicts)
            )
            if edit.field_import is not None:
                store.conn.execute(
                    "INSERT INTO field_imports (package, checksum, at) VALUES (?, ?, ?)",
                    (*edit.field_import, datetime.now().replace(microsecond=0).isoformat()),
                )
            changes = Changes(keys, hospital, frozenset(settings))
            # The revision says the plan changed (a solver's answer is then stale): not for what waits beside it.
            if changes:
                bump_revision(store)
            if aside:
                changes = changes.merge(Changes({"field_conflicts": aside}))
    except sqlite3.IntegrityError as exc:
        raise _integrity(exc) from exc
    except sqlite3.OperationalError as exc:
        raise StoreError(N_("cannot write to %1: %2"), store.path, exc) from exc
    return changes


def _write_section(store: Store, section: str, items: list[Any], *, deleting: bool) -> frozenset[Any]:
    """Delete (items are keys) or save records of one section, with their history entries and,
    for records, the time bank moved in step. Returns the keys whose record really changed."""
    if deleting:
        before = load_section(store, section, items)
        delete_section(store, section, items)
        after: dict[Any, Any] = dict.fromkeys(items)
    else:
        after = {key_of(section, i): i for i in items}
        before = load_section(store, section, after)
        write_section(store, section, items)
    changed = audit(store, section, before, after)
    if section == "records":
        bank(store, [(k, after[k]) for k in changed])
    return changed


def _write_summarized(
    store: Store, section: str, gone: list[Any], items: list[Any], label: str
) -> frozenset[Any]:
    """Delete and save records of a section (no child rows, no time bank: unavailability) with one
    history entry for the lot: how many went and came, under `label`."""
    if section == "records" or SECTION[section].shape.children:
        raise ValueError(f"{section} is not written summarized")
    if gone:
        delete_section(store, section, gone)
    if items:
        write_plain(store, section, items)
    if gone or items:
        at = datetime.now().replace(microsecond=0)
        write_audit(
            store,
            [AuditEntry(at, store.user, section, label, {"entries": len(gone)}, {"entries": len(items)})],
        )
    return frozenset(gone) | frozenset(key_of(section, i) for i in items)


def _check_records(store: Store, records: list[Record]) -> None:
    """A record must be savable (record_problems) and name an occurrence its activity has."""
    people = {a.staff for r in records for a in r.attended}
    base = Plan(staff=load_section(store, "staff", people))
    activities = load_section(store, "activities", {r.activity for r in records})
    problems = []
    for rec in records:
        where = f"{rec.activity} {rec.occurrence.isoformat()}"
        activity = activities.get(rec.activity)
        if activity is None:
            problems.append(f"{where}: no such activity")
        elif rec.occurrence not in planned_dates(activity):
            problems.append(f"{where}: the activity has no occurrence on that day")
        problems.extend(f"{where}: {field_} {reason}" for field_, reason in record_problems(rec, base))
    if problems:
        raise OperationError("; ".join(problems))


def _requests_done(store: Store, records: list[Record]) -> frozenset[str]:
    """A request is done once the activity answering it is recorded as done."""
    activities = load_section(store, "activities", {r.activity for r in records if r.status == "done"})
    wanted = {a.request for a in activities.values() if a.request}
    done = requests_done(records, activities, load_section(store, "requests", wanted))
    return _write_section(store, "requests", done, deleting=False) if done else frozenset()


def _write_field_conflicts(store: Store, rows: list[FieldConflictRow], settled: list[int]) -> frozenset[int]:
    """Keep field records aside for a choice and drop the ones chosen; the ids of both."""
    gone = set()
    for cid in settled:
        if store.conn.execute("SELECT 1 FROM field_conflicts WHERE id = ?", (cid,)).fetchone():
            store.conn.execute("DELETE FROM field_conflicts WHERE id = ?", (cid,))
            gone.add(cid)
    added = set()
    for row in rows:
        found = store.conn.execute(
            "INSERT INTO field_conflicts (package, activity, occurrence, field, at) VALUES (?, ?, ?, ?, ?) "
            "RETURNING id",
            (row.package, row.activity, row.occurrence.isoformat(), row.field, row.at),
        ).fetchone()
        added.add(int(found[0]))
    return frozenset(gone | added)


def _write_hospital(store: Store, hospital: Hospital) -> bool:
    old = load_hospital(store)
    write_hospital(store, hospital)
    audit(store, "hospital", {"hospital": old}, {"hospital": hospital})
    return old != hospital


def _write_setting(store: Store, name: str, value: Any) -> bool:
    old = get_setting(store, name)
    if old == value:
        return False
    set_setting(store, name, value)
    at = datetime.now().replace(microsecond=0)
    write_audit(store, [AuditEntry(at, store.user, "settings", name, {"value": old}, {"value": value})])
    return True


def _write_ack(store: Store, key: str, ack: Ack | None) -> bool:
    new = None if ack is None else {"kind": ack.kind, "reason": ack.reason, "by": ack.by}
    row = store.conn.execute("SELECT kind, reason, by FROM acknowledgements WHERE key = ?", (key,)).fetchone()
    old_doc = {"kind": row[0], "reason": row[1], "by": row[2]} if row else None
    if old_doc != new:
        at = datetime.now().replace(microsecond=0)
        write_audit(store, [AuditEntry(at, store.user, "acknowledgements", key, old_doc, new)])
    write_acknowledgement(store, key, ack)
    return old_doc != new


def import_plan(store: Store, plan: Plan, expect_revision: int | None = None) -> Changes:
    """Add or update every record the plan holds, by id; all or nothing."""
    saves = {section: list(getattr(plan, section).values()) for section in SECTIONS}
    return write(
        store,
        Edit(saves=saves, hospital=plan.hospital, plan_extra=plan.extra, expect_revision=expect_revision),
    )


def import_document(
    store: Store,
    data: str | bytes,
    progress: Callable[[int, int], bool] | None = None,
    warnings: list[Problem] | None = None,
) -> Changes:
    """Read a plan file's text against what the store holds and import it, all or nothing.
    Raises PlanError with every problem; the store is then untouched. What was taken but may
    not be what the writer meant (a rule cut at the horizon, a start off its rule) is added to
    `warnings`, to be said beside what changed."""
    step = progress or (lambda done, total: True)
    step(0, 3)
    version = revision(store)
    base = load_plan(store)
    if not step(1, 3):
        raise OperationError(N_("cancelled, nothing was imported"))
    parsed = parse_document(data, base)
    if warnings is not None:
        warnings.extend(parsed.warnings)
    if not step(2, 3):
        raise OperationError(N_("cancelled, nothing was imported"))
    # The document was checked against `base`: save only if that is still what the store holds.
    changes = import_plan(store, parsed.plan, expect_revision=version)
    step(3, 3)
    return changes


def import_records(store: Store, data: str | bytes) -> Changes:
    """Completion records from a plan file's `records` section, all or nothing. A file with other
    sections, or a record that cannot be saved (a cancellation without reason, negative counts),
    raises PlanError listing every problem; the store is then untouched."""
    version = revision(store)
    base = load_plan(store)
    parsed = parse_document(data, base)
    plan = parsed.plan
    others = [name for name in SECTIONS if name != "records" and getattr(plan, name)]
    problems = []
    if others or plan.hospital is not None:
        found = ", ".join(others + (["hospital"] if plan.hospital is not None else []))
        problems.append(
            Problem("$", found, N_("a records file holds only the records section (use import for the rest)"))
        )
    for key, rec in plan.records.items():
        at = parsed.paths[("records", key)]
        for where, reason in record_problems(rec, base):
            problems.append(Problem(f"{at}.{where}", None, reason))
    if problems:
        raise PlanError(problems)
    return import_plan(store, Plan(records=plan.records), expect_revision=version)


def save(store: Store, section: str, items: Iterable[Any], expect_revision: int | None = None) -> Changes:
    """Add or update records of one section."""
    return write(store, Edit(saves={section: list(items)}, expect_revision=expect_revision))


def apply(
    store: Store,
    saves: Mapping[str, Iterable[Any]] | None = None,
    deletes: Mapping[str, Iterable[Any]] | None = None,
    audit_as: Mapping[str, str] | None = None,
) -> Changes:
    """Delete and save records of several sections as one step (a split series, a scheduled
    request): all or nothing. Deletes go first; nothing is refused for being referred to,
    since the same step may save what takes the deleted record's place. `audit_as`: sections
    whose changes are one history entry (Edit.audit_as)."""
    return write(store, Edit(saves=saves or {}, deletes=deletes or {}, audit_as=audit_as or {}))


def delete(store: Store, section: str, keys: Iterable[Any]) -> Changes:
    """Delete records; refused, naming what refers to them, while anything still does."""
    return write(store, Edit(deletes={section: list(keys)}, guard_references=True))


def response_times(store: Store) -> ResponseTimes:
    value = get_setting(store, "response_times", None)
    if not value:
        return ResponseTimes()
    return ResponseTimes(timedelta(hours=value["urgent_hours"]), timedelta(hours=value["normal_hours"]))


def save_response_times(store: Store, times: ResponseTimes) -> Changes:
    value = {
        "urgent_hours": times.urgent.total_seconds() / 3600,
        "normal_hours": times.normal.total_seconds() / 3600,
    }
    return write(store, Edit(settings={"response_times": value}))


def solver_settings(store: Store) -> SolverSettings:
    """The solver's settings (the order of the soft preferences, the budget, the cap's hardness).
    Settings saved before the order existed held weights: their preferences are read in the
    order of those weights (one weighed 0 left out)."""
    value = get_setting(store, "solver", None)
    if not value:
        return SolverSettings()
    if "preferences" in value:
        order = [p for p in dict.fromkeys(value["preferences"]) if p in PREFERENCES]
    else:
        weights = value.get("weights", {})
        order = sorted((p for p in PREFERENCES if weights.get(p, 1) != 0), key=lambda p: -weights.get(p, 0))
    return SolverSettings(
        preferences=tuple(order),
        time_limit=float(value.get("time_limit", SolverSettings().time_limit)),
        cap_is_hard=bool(value.get("cap_is_hard", True)),
    )


def save_solver_settings(store: Store, settings: SolverSettings) -> Changes:
    value = {
        "preferences": list(settings.preferences),
        "time_limit": settings.time_limit,
        "cap_is_hard": settings.cap_is_hard,
    }
    return write(store, Edit(settings={"solver": value}))


def backup_keep(store: Store) -> int:
    """How many backups to keep (a setting; default 10)."""
    return int(get_setting(store, "backup_keep", 10))


def save_backup_keep(store: Store, keep: int) -> Changes:
    if keep < 1:
        raise OperationError(N_("keep at least one backup"))
    return write(store, Edit(settings={"backup_keep": keep}))


@dataclass(frozen=True, slots=True)
class NoticeSettings:
    """How the notice for a WeChat group reads: when people gather (minutes before the start)
    and what the office always asks them to bring, beside what the stations call for."""

    gather_minutes: int = 30
    bring: str = ""


DEFAULT_GATHER_MINUTES, MAX_GATHER_MINUTES = 30, 240


def notice_settings(store: Store) -> NoticeSettings:
    value = get_setting(store, "notice", None)
    if not isinstance(value, dict):
        return NoticeSettings()
    minutes = value.get("gather_minutes", DEFAULT_GATHER_MINUTES)
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        minutes = DEFAULT_GATHER_MINUTES
    bring = value.get("bring", "")
    return NoticeSettings(max(0, min(minutes, MAX_GATHER_MINUTES)), bring if isinstance(bring, str) else "")


def save_notice_settings(store: Store, settings: NoticeSettings) -> Changes:
    if not 0 <= settings.gather_minutes <= MAX_GATHER_MINUTES:
        raise OperationError(N_("the gathering time is 0 to %1 minutes before the start"), MAX_GATHER_MINUTES)
    value = {"gather_minutes": settings.gather_minutes, "bring": settings.bring.strip()}
    return write(store, Edit(settings={"notice": value}))


def shift_codes(store: Store) -> dict[str, Any]:
    """The duty roster's shift codes (code → day, night, free, leave or a shift's hours) as the
    office wrote them: the hospital's `shift_codes` (so the plan file carries them), else the
    defaults."""
    from scheduler.exchange.duty.codes import DEFAULT_SHIFT_CODES, shift_of

    hospital = load_hospital(store)
    value = hospital.extra.get("shift_codes") if hospital is not None else None
    if not isinstance(value, dict):
        return dict(DEFAULT_SHIFT_CODES)
    return {k: v for k, v in value.items() if isinstance(k, str) and shift_of(v) is not None}


def save_shift_codes(store: Store, codes: Mapping[str, Any]) -> Changes:
    """Keep the shift codes with the hospital's settings (refused, saying why, when a code is
    empty, twice or means nothing known)."""
    from scheduler.exchange.duty.codes import shift_code_problems

    problems = shift_code_problems(dict(codes))
    if problems:
        raise OperationError("; ".join(f"{value}: {reason}" for _where, value, reason in problems[:10]))
    hospital = load_hospital(store) or Hospital()
    extra = {**hospital.extra, "shift_codes": dict(codes)}
    return write(
        store, Edit(hospital=Hospital(hospital.name, hospital.timezone, hospital.clinical_hours, extra))
    )


def acknowledge(store: Store, key: str, kind: str, reason: str, by: str | None, at: str) -> Changes:
    """Accept a warning with a reason, so that it is shown as looked at."""
    if not reason.strip():
        raise OperationError(N_("an acknowledgement needs a reason"))
    return write(store, Edit(acknowledgements={key: Ack(kind, reason.strip(), by, at)}))


def withdraw_acknowledgement(store: Store, key: str) -> Changes:
    return write(store, Edit(acknowledgements={key: None}))


def save_hospital(store: Store, hospital: Hospital) -> Changes:
    return write(store, Edit(hospital=hospital))


def _refuse_referenced(store: Store, section: str, keys: list[Any]) -> None:
    for key in keys:
        refs = [r for r in referrers(store, section, key) if not (r.section == section and r.key in keys)]
        if refs:
            raise StillReferenced(section, key, refs, label_of(store, section, key))


def database_hash(store: Store, skip: Iterable[str] = ()) -> str:
    """A digest of every row of every table (but those in `skip`): equal hashes, equal contents."""
    h = hashlib.sha256()
    tables = [
        r[0]
        for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if r[0] not in skip
    ]
    for t in tables:
        h.update(t.encode())
        for row in store.conn.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2'):
            h.update(repr(row).encode())
    h.update(str(store.conn.execute("PRAGMA user_version").fetchone()[0]).encode())
    return h.hexdigest()
