"""The field conflicts dialog on a real SQLite database: a choice goes through the write core and
is announced once on the session's one change signal; the list follows that signal (a choice made
here, or a conflict settled by another connection), never a reload of its own after a click."""

from __future__ import annotations

from datetime import date

import pytest

from db import operations as ops
from db.field import (
    export_package,
    field_conflicts,
    import_package,
    open_package,
    resolve_conflict,
    write_back,
)
from db.store import Store
from scheduler.plan.model import Record
from tests.helpers import sample_text
from ui.office.field_dialogs import FieldConflictsDialog
from ui.session import Session

DEC10, DEC17 = date(2026, 12, 10), date(2026, 12, 17)


@pytest.fixture
def office(tmp_path):
    """An office database with two records changed both here and in the field (two conflicts)."""
    path = tmp_path / "office.sqlite3"
    with Store(path) as s:
        ops.import_document(s, sample_text())
        pkg = tmp_path / "dec.outreach-field"
        pkg.write_text(export_package(s, date(2026, 12, 1), date(2026, 12, 31)), encoding="utf-8")
    with Store(open_package(pkg, tmp_path / "field")) as laptop:
        ops.save(laptop, "records", [Record("a1", d, "done", served=77) for d in (DEC10, DEC17)])
        write_back(laptop)
    with Store(path) as s:
        ops.save(s, "records", [Record("a1", d, "done", served=5) for d in (DEC10, DEC17)])
        assert import_package(s, pkg.read_bytes()).conflicts == 2
    return path


@pytest.fixture
def dialog(qtbot, office):
    session = Session(office)
    d = FieldConflictsDialog(session)
    qtbot.addWidget(d)
    yield d
    session.close()


def listen(d: FieldConflictsDialog) -> tuple[list[ops.Changes], list[int]]:
    """What the session announced, and how many times the dialog read its list again."""
    heard: list[ops.Changes] = []
    reads: list[int] = []
    d.session.changed.connect(lambda changes, initiator: heard.append(changes))
    real = d.reload

    def counted() -> None:
        reads.append(1)
        real()

    d.reload = counted  # type: ignore[method-assign]
    return heard, reads


def test_keeping_the_office_is_announced_once_and_the_list_follows(dialog) -> None:
    heard, reads = listen(dialog)
    assert dialog.list.count() == 2
    first = dialog.items[0]
    dialog.keep_office.click()
    assert [set(c.keys) for c in heard] == [{"field_conflicts"}]  # once, beside the plan
    assert heard[0].keys["field_conflicts"] == {first.id}
    assert len(reads) == 1  # read again once, from the signal
    assert dialog.list.count() == 1 and first.id not in {c.id for c in dialog.items}
    assert dialog.session.catalog.records[("a1", first.field.occurrence)].served == 5
    with Store(dialog.session.path) as s:
        assert [c.id for c in field_conflicts(s)] == [c.id for c in dialog.items]


def test_taking_the_field_is_announced_once_and_every_screen_sees_it(dialog) -> None:
    heard, reads = listen(dialog)
    dialog.list.setCurrentRow(1)
    chosen = dialog.items[1]
    dialog.take_field.click()
    assert len(heard) == 1 and heard[0].touches("records", "field_conflicts")
    assert len(reads) == 1
    assert dialog.session.catalog.records[("a1", chosen.field.occurrence)].served == 77
    assert chosen.id not in {c.id for c in dialog.items} and dialog.list.count() == 1
    dialog.take_field.click()  # the last one: nothing left to choose
    assert len(heard) == 2 and dialog.list.count() == 0
    assert not dialog.keep_office.isEnabled() and not dialog.take_field.isEnabled()


def test_a_conflict_settled_by_another_connection_reaches_the_list_through_the_signal(dialog) -> None:
    heard, reads = listen(dialog)
    with Store(dialog.session.path) as other:  # another window or computer chooses
        for c in field_conflicts(other):
            resolve_conflict(other, c.id, "office")
    assert dialog.list.count() == 2  # nothing heard yet
    assert dialog.session.poll()  # the session notices the commit and announces it
    assert len(heard) == 1 and reads == [1]
    assert dialog.list.count() == 0


def test_a_conflict_already_settled_elsewhere_changes_nothing_and_the_list_is_read_again(dialog) -> None:
    heard, reads = listen(dialog)
    with Store(dialog.session.path) as other:
        resolve_conflict(other, dialog.items[0].id, "field")
    dialog.keep_office.click()  # on the one no longer there
    assert heard == [] and reads == [1]
    assert dialog.list.count() == 1


def test_a_closed_dialog_no_longer_listens(dialog) -> None:
    heard, reads = listen(dialog)
    dialog.reject()
    with Store(dialog.session.path) as other:
        for c in field_conflicts(other):
            resolve_conflict(other, c.id, "office")
    assert dialog.session.poll()
    assert len(heard) == 1 and reads == []
