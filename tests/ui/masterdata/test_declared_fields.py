"""The master-data screens come from the field declaration (scheduler/plan/fields.py): every
declared field is in its section's editor and table, and a text field typed into the editor is
saved and read back, so a field added to the declaration needs no edit in ui/."""

from __future__ import annotations

import dataclasses
from operator import attrgetter

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QWidget

from scheduler.plan import fields as declared
from scheduler.plan.model import Partner
from tests.ui.windows import main_window
from ui.i18n import tr
from ui.masterdata.editor import RecordDialog
from ui.masterdata.entities import ALL_SPECS, PARTNERS

pytestmark = pytest.mark.gui

# The sections with a master-data screen: their declared fields are flat (a dotted key is a
# small object's, the services' needs have an editor of their own).
SECTIONS = ("campuses", "departments", "branches", "staff", "partners", "pairings", "services", "calendar")


def _headers(page) -> list[str]:
    model = page.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_every_screen_is_a_declared_section() -> None:
    assert sorted(s.section for s in ALL_SPECS) == sorted(SECTIONS)


@pytest.mark.parametrize("section", SECTIONS)
def test_every_declared_field_is_in_the_editor_and_the_table(qtbot, db_path, section) -> None:
    window = main_window(qtbot, db_path, section=section, checked=False)
    page = window.current_page()
    items = list(window.catalog.section(section).values())
    dialog = RecordDialog(page.spec, window.catalog, items[0], window)
    qtbot.addWidget(dialog)
    headers = _headers(page)
    for f in declared.FIELDS[section]:
        assert f.form_widget, f"{section}.{f.key} has no editor widget"
        widget = dialog.findChild(QWidget, f"field_{f.name}")
        assert widget is not None, f"{section}.{f.key} is not in the editor"
        assert dialog.labels[f.name].text().removesuffix(" *") == tr(f.label)
        if f.column:
            assert tr(f.column_label or f.label) in headers, f"{section}.{f.key} is not a column"
    assert len(dialog.widgets) == len(declared.FIELDS[section])  # and nothing the declaration lacks
    window.session.close()


def _type_and_save(qtbot, name: str, text: str, done: list) -> None:
    """When the editor opens: type `text` into the field, then press Save."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no editor open"
        widget = dialog.findChild(QLineEdit, f"field_{name}")
        if widget is None:  # the field is not in the editor: close it, the test fails
            done.append(f"no field {name}")
            dialog.reject()
            return
        widget.clear()
        widget.insert(text)  # Chinese arrives from the input method as committed text
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        done.append(dialog.findChild(QLabel, "message").text())
        if dialog.isVisible():
            done.append("refused")
            dialog.reject()

    QTimer.singleShot(0, act)


TEXT_FIELDS = [
    (section, f)
    for section in SECTIONS
    for f in declared.FIELDS[section]
    if f.kind == "text" and not f.required
]


@pytest.mark.parametrize("section,f", TEXT_FIELDS, ids=[f"{s}.{f.key}" for s, f in TEXT_FIELDS])
def test_a_text_field_typed_into_the_editor_is_saved_and_read_back(qtbot, db_path, section, f) -> None:
    window = main_window(qtbot, db_path, section=section, checked=False)
    page = window.current_page()
    page.view.selectRow(0)
    old = page.selected_items()[0]
    text = f"新的{f.name}"
    done: list = []
    _type_and_save(qtbot, f.name, text, done)
    page.edit()
    qtbot.waitUntil(lambda: bool(done))
    assert done == [""]  # saved, nothing refused
    key = page._key(old)
    assert attrgetter(f.key)(window.catalog.section(section)[key]) == text
    if f.column and f.name not in page.spec.shown:
        row = page.proxy.mapFromSource(page.model.index(page.model.row_of[key], 0)).row()
        assert text in [page.proxy.index(row, c).data() for c in range(page.proxy.columnCount())]
    window.session.close()
    window.close()

    again = main_window(qtbot, db_path, as_is=True, section=section, checked=False)
    assert attrgetter(f.key)(again.catalog.section(section)[key]) == text  # from the database
    again.session.close()


def test_a_field_added_to_the_declaration_shows_with_no_edit_in_ui(qtbot, db_path, monkeypatch) -> None:
    """An optional text field declared for partners (and on the record; made up here) is in the
    editor and the table, and what is typed into it is on the record the editor gives."""
    window = main_window(qtbot, db_path, section="partners", checked=False)  # before the declaration grows
    more = declared.Field("office_note", "text", "Office note", headers=("备注",))
    monkeypatch.setitem(declared.FIELDS, "partners", (*declared.FIELDS["partners"], more))
    partner_plus = dataclasses.make_dataclass(
        "PartnerPlus", [("office_note", "str | None", None)], bases=(Partner,), frozen=True
    )
    spec = dataclasses.replace(PARTNERS, cls=partner_plus)  # derived anew from the declaration
    assert [c.header for c in spec.columns][-2:] == ["Office note", "Paired branches"]
    old = next(iter(window.catalog.partners.values()))
    record = partner_plus(**{a: getattr(old, a) for a in Partner.__dataclass_fields__})
    dialog = RecordDialog(spec, window.catalog, record, window)
    qtbot.addWidget(dialog)
    assert dialog.labels["office_note"].text() == "Office note"
    dialog.widgets["office_note"].insert("周三上午可进社区")
    dialog.accept()
    assert dialog.result_item.office_note == "周三上午可进社区"
    assert dialog.result_item.contact == old.contact and dialog.result_item.name == old.name
    assert spec.columns[-2].value(dialog.result_item, window.catalog) == "周三上午可进社区"
    window.session.close()


PHONE_FIELDS = [(section, f) for section in SECTIONS for f in declared.FIELDS[section] if f.kind == "phone"]


@pytest.mark.parametrize("section,f", PHONE_FIELDS, ids=[f"{s}.{f.key}" for s, f in PHONE_FIELDS])
def test_a_field_declared_a_phone_refuses_what_is_no_number(qtbot, db_path, section, f) -> None:
    window = main_window(qtbot, db_path, section=section, checked=False)
    page = window.current_page()
    page.view.selectRow(0)
    old = page.selected_items()[0]
    done: list = []
    _type_and_save(qtbot, f.name, "电话号码", done)
    page.edit()
    qtbot.waitUntil(lambda: bool(done))
    assert done == [tr("A phone number has digits only (with + or - where needed)."), "refused"]
    assert window.catalog.section(section)[page._key(old)] == old  # nothing saved
    window.session.close()


def test_the_editor_offers_every_declared_choice_in_its_words() -> None:
    """The choices a form offers are the declaration's, in order, in the words of ui/labels;
    a code added to the declaration before its words is offered as itself, not left out (a
    record holding it would lose it on its next save)."""
    from ui.labels import CODE_LABELS
    from ui.masterdata.screen import form_field

    for spec in ALL_SPECS:
        for f in declared.FIELDS[spec.section]:
            if f.choices:
                words = CODE_LABELS.get((spec.section, f.key), {})
                got = form_field(spec.section, f).choices or {}
                assert list(got) == list(f.choices), f"{spec.section}.{f.key}"
                assert all(got[c] == words[c] for c in got if c in words)
    kind = dataclasses.replace(
        declared.field_of("partners", "kind"),
        choices=(*declared.field_of("partners", "kind").choices, "clinic"),
    )
    got = form_field("partners", kind).choices or {}
    assert got["clinic"] == "clinic" and got["community"] == CODE_LABELS[("partners", "kind")]["community"]
