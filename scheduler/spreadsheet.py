"""Spreadsheets in: staff, departments or partners from what a hospital's HR system exports, and
service requests from an online form's export (问卷星, 金数据, WeChat forms) (.xlsx, or CSV in
UTF-8 with or without BOM, or GBK). Read the sheet, find the header row (also under a merged
title), guess which column is which field from the header names (Chinese or English), turn each
row into a record with its problems (missing department, unknown qualification, duplicate person,
bad phone, unknown partner with the closest names), and update existing records by their key (the
staff number) instead of duplicating them; a request row is imported once (its id is made from
its cells). Duty-roster grids are read by duty.py."""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from .model import Contact, Department, Partner, Plan, ServiceRequest, Slot, Staff
from .validation import (
    MAX_AUDIENCE,
    MAX_HOURS_MONTH,
    MAX_ON_DUTY,
    MAX_POPULATION,
    date_in_range,
)

TARGETS = ("staff", "departments", "partners", "requests")

# field -> header names (lower case, spaces removed) that mean it
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "staff": {
        "id": (
            "工号",
            "职工号",
            "员工号",
            "员工编号",
            "人员编号",
            "编号",
            "staffnumber",
            "staffno",
            "employeeno",
            "employeeid",
            "id",
        ),
        "name": ("姓名", "名字", "name", "fullname"),
        "department": ("科室", "部门", "所在科室", "科室名称", "department", "dept"),
        "title": ("职称", "职务", "title"),
        "phone": ("电话", "手机", "手机号", "联系电话", "手机号码", "phone", "mobile", "tel"),
        "qualifications": ("资质", "执业资格", "资格", "qualifications", "qualification", "skills"),
        "party_member": ("党员", "是否党员", "政治面貌", "partymember", "party"),
        "branch": ("党支部", "所在支部", "支部", "branch", "partybranch"),
        "max_hours_month": ("每月时长上限", "月时长上限", "maxhours", "maxhoursmonth", "hourscap"),
        "volunteer_no": (
            "志愿者编号",
            "志愿者号",
            "志愿者证号",
            "volunteerno",
            "volunteernumber",
            "volunteerid",
        ),
        "active": ("在职", "在职状态", "状态", "active", "status"),
    },
    "departments": {
        "id": ("科室编码", "科室代码", "编码", "代码", "编号", "code", "id"),
        "name": ("科室名称", "科室", "名称", "name", "department"),
        "campus": ("院区", "campus"),
        "min_on_duty": ("最少在岗人数", "最低在岗", "在岗下限", "minonduty", "minimum"),
    },
    "partners": {
        "id": ("编号", "代码", "code", "id"),
        "name": ("单位名称", "名称", "单位", "name", "partner"),
        "kind": ("类型", "单位类型", "kind", "type"),
        "district": ("区", "所属区", "辖区", "district"),
        "address": ("地址", "address"),
        "population": ("人口", "常住人口", "population"),
        "contact_name": ("联系人", "contact", "contactname"),
        "contact_phone": ("联系电话", "电话", "contactphone", "phone"),
    },
    # In this order: a header is matched by the first field one of whose names it contains,
    # so "联系人电话" is a phone, "预计服务人数" an audience and "服务时间" a time.
    "requests": {
        "contact_phone": (
            "联系电话",
            "电话",
            "手机",
            "手机号",
            "联系方式",
            "contactphone",
            "phone",
            "tel",
            "mobile",
        ),
        "contact_name": ("联系人", "联系人姓名", "申请人", "contact", "contactname"),
        "received": (
            "提交时间",
            "提交答卷时间",
            "填写时间",
            "提交日期",
            "申请时间",
            "填报时间",
            "submitted",
            "submittedat",
            "submissiontime",
            "timestamp",
            "received",
        ),
        "audience": (
            "人数",
            "预计人数",
            "参加人数",
            "服务人数",
            "受众人数",
            "audience",
            "people",
            "attendees",
        ),
        "priority": ("紧急程度", "优先级", "是否紧急", "priority", "urgency"),
        "date": ("期望日期", "日期", "活动日期", "希望日期", "预约日期", "date", "preferreddate"),
        "time": ("期望时间", "时间", "活动时间", "时间段", "time", "preferredtime"),
        "notes": ("备注", "说明", "其他需求", "其他", "notes", "remarks", "comment", "comments"),
        "partner": (
            "单位",
            "社区",
            "单位名称",
            "社区名称",
            "结对单位",
            "申请单位",
            "partner",
            "community",
            "organisation",
            "organization",
        ),
        "service": ("服务项目", "服务", "项目", "服务内容", "需求项目", "service", "item"),
    },
}
REQUIRED = {
    "staff": ("id", "name", "department"),
    "departments": ("id", "name"),
    "partners": ("id", "name"),
    "requests": ("partner", "service"),
}

QUALIFICATION_WORDS = {
    "医师": "physician",
    "执业医师": "physician",
    "医生": "physician",
    "护士": "nurse",
    "护师": "nurse",
    "中医师": "tcm_physician",
    "中医": "tcm_physician",
    "针灸": "acupuncture",
    "针刺": "acupuncture",
    "推拿": "massage",
    "按摩": "massage",
    "艾灸": "moxibustion",
    "心电图": "ecg",
    "急救培训师": "first_aid_instructor",
    "急救": "first_aid_instructor",
    "药师": "pharmacist",
    "康复治疗师": "rehab_therapist",
    "康复": "rehab_therapist",
    "营养师": "dietitian",
    "心理咨询师": "psychologist",
    "心理": "psychologist",
    "检验": "lab_technician",
    "检验师": "lab_technician",
    "超声": "ultrasound",
}
PARTNER_KIND_WORDS = {
    "社区": "community",
    "街道": "subdistrict",
    "村": "village",
    "企业": "enterprise",
    "公司": "enterprise",
    "学校": "school",
    "高校": "school",
    "车站": "station",
    "机关": "agency",
    "商场": "mall",
    "其他": "other",
}
YES = {"是", "党员", "中共党员", "中共预备党员", "预备党员", "yes", "y", "true", "1", "在职", "active"}
NO = {"否", "群众", "no", "n", "false", "0", "离职", "退休", "inactive"}
PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")


def N_(text: str) -> str:
    """Marks a problem's template for translation (the GUI shows it in the user's language)."""
    return text


# (field, template with {value}, value)
Problem = tuple[str, str, str]


class SheetError(ValueError):
    """A file that cannot be read as a spreadsheet, with the reason."""


# Bounds on the work a file from outside can cause: an HR export of even a large hospital is a
# few thousand rows of a few dozen columns. Columns past MAX_COLUMNS are not read.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # all parts of an .xlsx unpacked (a zip bomb is refused)
MAX_PARTS = 1_000
MAX_ROWS = 65_536
MAX_COLUMNS = 256
MAX_CELLS = 1_000_000  # cells and shared strings in the file's XML, before anything parses it
MAX_STRUCTURE = 20_000  # merged ranges, column and style records, rules, links: costly to parse
MAX_MERGED_FILL = 2_000_000  # cells filled from merged ranges, all sheets together


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    rows: list[list[Any]]  # cell values; merged cells filled from their top-left


def read_workbook(data: bytes, filename: str) -> list[Sheet]:
    """The sheets of an .xlsx, or the one sheet of a CSV (UTF-8 with or without BOM, or GBK).
    Any file, however made, gives sheets or SheetError, in time bounded by its used cells."""
    if len(data) > MAX_FILE_BYTES:
        raise SheetError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if filename.lower().endswith(".csv"):
        return [Sheet(filename, _read_csv(data))]
    return _read_xlsx(data)


def _too_many_rows() -> SheetError:
    return SheetError(f"the sheet has more than {MAX_ROWS:,} rows")


def _trimmed(values: Any) -> list[Any]:
    """A row's values up to its last non-empty cell, at most MAX_COLUMNS of them."""
    row = list(values[:MAX_COLUMNS])
    while row and (row[-1] is None or row[-1] == ""):
        row.pop()
    return row


def _read_csv(data: bytes) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetError("the CSV file is neither UTF-8 nor GBK text")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[list[Any]] = []
    try:
        for values in reader:
            if len(rows) >= MAX_ROWS:
                raise _too_many_rows()
            rows.append(_trimmed(values))
    except csv.Error as exc:
        limit = csv.field_size_limit()
        if "field larger than field limit" in str(exc):
            raise SheetError(f"line {reader.line_num}: a cell is longer than {limit:,} characters") from None
        raise SheetError(f"line {reader.line_num}: not readable as CSV ({exc})") from None
    return rows


_CELL_TAG = re.compile(rb"<(?:\w+:)?(?:c|si)[\s/>]")
_STRUCTURE_TAG = re.compile(
    rb"<(?:\w+:)?(?:mergeCell|col|cfRule|dataValidation|hyperlink|brk|customSheetView|xf|font|fill|"
    rb"border|numFmt|dxf|definedName|sheet|tablePart|tableColumn)[\s/>]"
)


def _count(pattern: re.Pattern[bytes], text: bytes, limit: int) -> int:
    """How many times `pattern` occurs, counting no further than just past `limit`."""
    n = 0
    for _ in pattern.finditer(text):
        n += 1
        if n > limit:
            break
    return n


def _check_parts(archive: zipfile.ZipFile) -> None:
    """Refuse, before openpyxl parses anything, a workbook whose parts would take long to
    parse: too big unpacked, too many cells, or too many records of other kinds."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES:
        raise SheetError(
            f"not a readable .xlsx workbook (it unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB)"
        )
    cells = structure = 0
    for part in parts:
        if not part.filename.lower().endswith((".xml", ".rels")):
            continue
        text = archive.read(part)
        cells += _count(_CELL_TAG, text, MAX_CELLS)
        structure += _count(_STRUCTURE_TAG, text, MAX_STRUCTURE)
        if cells > MAX_CELLS:
            raise SheetError(f"the workbook has more than {MAX_CELLS:,} cells")
        if structure > MAX_STRUCTURE:
            raise SheetError(
                f"the workbook has more than {MAX_STRUCTURE:,} merged ranges, column or style records and the like"
            )


_MERGE = re.compile(
    rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]{1,3}[0-9]{1,7})(?::([A-Za-z]{1,3}[0-9]{1,7}))?\""
)
_CELL = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,7})")


def _cell_ref(ref: bytes) -> tuple[int, int]:
    """(row, column), 1-based, of a reference like b"C3"."""
    m = _CELL.fullmatch(ref)
    assert m is not None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ch - 64
    return int(m.group(2)), col


def _merged_ranges(xml: bytes) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column) of every merged range of a sheet's XML."""
    out = []
    for m in _MERGE.finditer(xml):
        r0, c0 = _cell_ref(m.group(1))
        r1, c1 = _cell_ref(m.group(2) or m.group(1))
        out.append((min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)))
    return out


def _fill_merged(rows: list[list[Any]], ranges: list[tuple[int, int, int, int]], budget: list[int]) -> None:
    """A merged cell's value stands in all its cells, within the cells that hold data (a range
    reaching to the sheet's last row and column costs no more than the data it covers)."""
    width = max((len(r) for r in rows), default=0)
    for r0, c0, r1, c1 in ranges:
        if r0 > len(rows) or c0 > len(rows[r0 - 1]):
            continue
        value = rows[r0 - 1][c0 - 1]
        last_row, last_col = min(r1, len(rows)), min(c1, width, MAX_COLUMNS)
        budget[0] -= (last_row - r0 + 1) * (last_col - c0 + 1)
        if budget[0] < 0:
            raise SheetError("the sheet merges too many cells")
        for r in range(r0, last_row + 1):
            row = rows[r - 1]
            if len(row) < last_col:
                row.extend([None] * (last_col - len(row)))
            for c in range(c0, last_col + 1):
                row[c - 1] = value


def _read_xlsx(data: bytes) -> list[Sheet]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _check_parts(archive)
    except SheetError:
        raise
    except Exception:  # zipfile and zlib raise many kinds for a damaged archive
        raise SheetError("not a readable .xlsx workbook (not a zip file, or a damaged one)") from None
    budget = [MAX_MERGED_FILL]
    try:
        from openpyxl import load_workbook

        # Read-only: cells are streamed and merged ranges are not expanded by openpyxl (which
        # would make every cell of C3:XFD1048576); the merges are applied below, within the data.
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheets = []
            for ws in wb.worksheets:
                if not hasattr(ws, "reset_dimensions"):
                    continue  # a chart sheet: no cells
                ws.reset_dimensions()  # the file's own claim of its size is not trusted
                rows: list[list[Any]] = []
                for values in ws.iter_rows(values_only=True, max_col=MAX_COLUMNS):
                    if len(rows) >= MAX_ROWS:
                        raise _too_many_rows()
                    rows.append(_trimmed(values))
                while rows and not rows[-1]:
                    rows.pop()
                path = getattr(ws, "_worksheet_path", None)
                if path:
                    _fill_merged(rows, _merged_ranges(archive.read(path.lstrip("/"))), budget)
                sheets.append(Sheet(ws.title, rows))
        finally:
            wb.close()
    except SheetError:
        raise
    except Exception as exc:  # openpyxl, zipfile and the XML parser raise many kinds for a bad file
        raise SheetError(
            f"not a readable .xlsx workbook ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
        ) from None
    if not sheets:
        raise SheetError("the workbook has no worksheet")
    return sheets


def _norm(value: Any) -> str:
    return re.sub(r"[\s_\-（）()*：:]", "", str(value or "")).lower()


def guess_field(target: str, header: Any) -> str | None:
    h = _norm(header)
    if not h:
        return None
    for f, names in SYNONYMS[target].items():
        if h in names:
            return f
    for f, names in SYNONYMS[target].items():  # "科室名称（全称）" and the like
        if any(len(n) > 1 and n in h for n in names):
            return f
    return None


def find_header(target: str, rows: list[list[Any]]) -> int:
    """The first row (of the first ten) naming at least two known fields; 0 if none does."""
    for i, row in enumerate(rows[:10]):
        if len({g for g in (guess_field(target, c) for c in row) if g}) >= 2:
            return i
    return 0


def guess_mapping(target: str, header: list[Any]) -> dict[int, str]:
    """Column index -> field, each field taken once (the first column that names it)."""
    out: dict[int, str] = {}
    for i, cell in enumerate(header):
        f = guess_field(target, cell)
        if f is not None and f not in out.values():
            out[i] = f
    return out


@dataclass(slots=True)
class RowResult:
    line: int  # 1-based row number in the sheet
    values: dict[str, str]
    record: Any | None  # the record to save (merged with the existing one), None when unusable
    problems: list[Problem] = field(default_factory=list)
    update: bool = False  # an existing record is updated
    # Why a good row is not imported (a template with {value}): a request imported before.
    skip: tuple[str, str] | None = None
    # For a name not found (field "partner", "service"): the ids of the closest names, closest first.
    candidates: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.record is not None and not self.problems and self.skip is None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _by_name_or_id(items: dict[str, Any], value: str) -> str | None:
    if value in items:
        return value
    found = [k for k, v in items.items() if getattr(v, "name", None) == value]
    return found[0] if len(found) == 1 else None


def _number(text: str, highest: float, whole: bool = True) -> float | None:
    """A number from 0 to `highest` (a whole one when `whole`), or None: "12", "12.0", "1,200"."""
    t = text.replace(",", "").strip()
    if len(t) > 20 or not re.fullmatch(r"\d+(\.\d+)?", t):
        return None
    value = float(t)
    if value > highest or (whole and not value.is_integer()):
        return None
    return value


def convert(
    target: str,
    rows: list[list[Any]],
    header_row: int,
    mapping: dict[int, str],
    plan: Plan,
    *,
    now: datetime | None = None,
    source: str = "",
    choices: Mapping[str, Mapping[str, str]] | None = None,
) -> list[RowResult]:
    """Every data row below the header as a record with its problems; blank rows are skipped.
    Requests: `now` is the receipt time of a row that does not say when it was sent, `source`
    the file's name, `choices` names the user matched by hand (field → name → id)."""
    if target == "requests":
        if now is None:
            raise ValueError("reading requests needs the time they are received (now)")
        return _convert_requests(rows, header_row, mapping, plan, now, source, choices or {})
    out: list[RowResult] = []
    seen: dict[str, int] = {}
    missing = [f for f in REQUIRED[target] if f not in mapping.values()]
    for n, row in enumerate(rows[header_row + 1 :], start=header_row + 2):
        values = {f: _text(row[i]) if i < len(row) else "" for i, f in mapping.items()}
        if not any(values.values()):
            continue
        problems: list[Problem] = [(f, N_("no column is mapped to it"), "") for f in missing]
        for f in REQUIRED[target]:
            if f in values and not values[f]:
                problems.append((f, N_("is empty"), ""))
        key = values.get("id", "")
        if key:
            if key in seen:
                problems.append(("id", N_("appears twice (row {value})"), str(seen[key])))
            else:
                seen[key] = n
        record, update, more = _record(target, values, plan)
        problems += more
        out.append(RowResult(n, values, record, problems, update))
    return out


def _record(target: str, v: dict[str, str], plan: Plan) -> tuple[Any | None, bool, list[Problem]]:
    problems: list[Problem] = []
    key = v.get("id", "")
    if not key or not v.get("name"):
        return None, False, problems
    if target == "staff":
        old = plan.staff.get(key)
        rec = old or Staff(key, v["name"], "")
        changes: dict[str, Any] = {"name": v["name"]}
        if "department" in v:
            dept = _by_name_or_id(plan.departments, v["department"])
            if v["department"] and dept is None:
                problems.append(("department", N_("no department {value}"), v["department"]))
            changes["department"] = dept or ""
        if v.get("title"):
            changes["title"] = v["title"]
        if v.get("phone"):
            phone = re.sub(r"[\s]", "", v["phone"])
            if not PHONE.match(phone):
                problems.append(("phone", N_("{value} is not a phone number"), v["phone"]))
            changes["phone"] = phone
        if v.get("qualifications"):
            quals = []
            for word in re.split(r"[、,，;；/\s]+", v["qualifications"]):
                if not word:
                    continue
                code = QUALIFICATION_WORDS.get(word, word if re.fullmatch(r"[a-z_]+", word) else None)
                if code is None:
                    problems.append(("qualifications", N_("unknown qualification {value}"), word))
                elif code not in quals:
                    quals.append(code)
            changes["qualifications"] = tuple(quals)
        if v.get("party_member"):
            changes["party_member"] = _norm(v["party_member"]) in YES
        if v.get("branch"):
            branch = _by_name_or_id(plan.branches, v["branch"])
            if branch is None:
                problems.append(("branch", N_("no party branch {value}"), v["branch"]))
            changes["branch"] = branch
        if v.get("max_hours_month"):
            hours = _number(v["max_hours_month"], MAX_HOURS_MONTH, whole=False)
            if hours is None:
                problems.append(
                    ("max_hours_month", N_("{value} is not a number of hours a month"), v["max_hours_month"])
                )
            else:
                changes["max_hours_month"] = hours
        if v.get("active"):
            changes["active"] = _norm(v["active"]) not in NO
        if v.get("volunteer_no"):
            changes["volunteer_no"] = v["volunteer_no"].strip()
        return replace(rec, **changes), old is not None, problems
    if target == "departments":
        old_d = plan.departments.get(key)
        d = old_d or Department(key, v["name"])
        dchanges: dict[str, Any] = {"name": v["name"]}
        if v.get("campus"):
            campus = _by_name_or_id(plan.campuses, v["campus"])
            if campus is None:
                problems.append(("campus", N_("no campus {value}"), v["campus"]))
            dchanges["campus"] = campus
        if v.get("min_on_duty"):
            cover = _number(v["min_on_duty"], MAX_ON_DUTY)
            if cover is None:
                problems.append(("min_on_duty", N_("{value} is not a number of people"), v["min_on_duty"]))
            else:
                dchanges["min_on_duty"] = int(cover)
        return replace(d, **dchanges), old_d is not None, problems
    old_p = plan.partners.get(key)
    p = old_p or Partner(key, v["name"])
    pchanges: dict[str, Any] = {"name": v["name"]}
    if v.get("kind"):
        kind = next((code for word, code in PARTNER_KIND_WORDS.items() if word in v["kind"]), None)
        kind = kind or (v["kind"] if v["kind"] in PARTNER_KIND_WORDS.values() else None)
        if kind is None:
            problems.append(("kind", N_("unknown kind {value}"), v["kind"]))
        pchanges["kind"] = kind or "other"
    for f in ("district", "address"):
        if v.get(f):
            pchanges[f] = v[f]
    if v.get("population"):
        people = _number(v["population"], MAX_POPULATION)
        if people is None:
            problems.append(("population", N_("{value} is not a number of people"), v["population"]))
        else:
            pchanges["population"] = int(people)
    if v.get("contact_name") or v.get("contact_phone"):
        contact_phone = re.sub(r"\s", "", v.get("contact_phone", ""))
        if contact_phone and not PHONE.match(contact_phone):
            problems.append(("contact_phone", N_("{value} is not a phone number"), v["contact_phone"]))
        pchanges["contact"] = Contact(
            v.get("contact_name") or p.contact.name, contact_phone or p.contact.phone
        )
    return replace(p, **pchanges), old_p is not None, problems


# -- service requests from a form's export


def _fold(text: str) -> str:
    """A name as it is compared: NFKC (full-width letters and digits made plain), no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def closest(name: str, items: Mapping[str, Any], n: int = 3) -> tuple[str, ...]:
    """The ids of the records whose names come closest to `name`: names holding it or held in it
    first, then the most alike (difflib)."""
    folded = _fold(name)
    names = {_fold(getattr(v, "name", "") or ""): k for k, v in items.items()}
    out = [k for nm, k in names.items() if nm and folded and (folded in nm or nm in folded)]
    for nm in difflib.get_close_matches(folded, list(names), n=n + len(out), cutoff=0.4):
        if names[nm] not in out:
            out.append(names[nm])
    return tuple(out[:n])


def _find(items: Mapping[str, Any], name: str, chosen: Mapping[str, str]) -> str | None:
    """The record a name means: one chosen by hand, its id, or the one record of that name."""
    if name in chosen and chosen[name] in items:
        return chosen[name]
    if name in items:
        return name
    folded = _fold(name)
    found = [k for k, v in items.items() if _fold(getattr(v, "name", "") or "") == folded]
    return found[0] if len(found) == 1 else None


def unmatched_names(
    rows: list[list[Any]], header_row: int, mapping: dict[int, str], plan: Plan
) -> dict[str, dict[str, tuple[str, ...]]]:
    """Per field ("partner", "service"), the names the rows give that match no record, each with
    its closest candidates: what the user may match by hand."""
    out: dict[str, dict[str, tuple[str, ...]]] = {"partner": {}, "service": {}}
    items: dict[str, Mapping[str, Any]] = {"partner": plan.partners, "service": plan.services}
    for row in rows[header_row + 1 :]:
        for i, f in mapping.items():
            if f in out and i < len(row):
                name = _text(row[i])
                if name and name not in out[f] and _find(items[f], name, {}) is None:
                    out[f][name] = closest(name, items[f])
    return out


def row_digest(row: list[Any]) -> str:
    """What identifies a form's row whatever file it comes in: a hash of its cells' text."""
    cells = "\x1f".join(_fold(_text(c)) for c in row)
    return hashlib.sha256(cells.encode("utf-8")).hexdigest()


def request_id(row: list[Any]) -> str:
    return "form-" + row_digest(row)[:12]


_DATE_TEXT = re.compile(r"^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(.*)$")
_CLOCK = r"(\d{1,2})\s*(?:[:：点时]\s*(\d{2})?\s*分?)"
_TIME_TEXT = re.compile(rf"^{_CLOCK}\s*(?:[-~～至到—–]+\s*{_CLOCK}?)?$")
_PARTS_OF_DAY = {
    "上午": (time(9, 0), time(11, 30)),
    "早上": (time(9, 0), time(11, 30)),
    "中午": (time(12, 0), time(13, 30)),
    "下午": (time(14, 30), time(17, 0)),
    "晚上": (time(19, 0), time(21, 0)),
    "傍晚": (time(18, 0), time(20, 0)),
    "全天": (time(9, 0), time(17, 0)),
    "morning": (time(9, 0), time(11, 30)),
    "afternoon": (time(14, 30), time(17, 0)),
    "evening": (time(19, 0), time(21, 0)),
}
DEFAULT_START = time(9, 0)  # a preferred date without a time
DEFAULT_MINUTES = 120  # a preferred time without an end, for a service without a duration


def _times(text: str) -> tuple[time, time | None] | None:
    """A time of day or span: "9:00", "09:00-11:00", "14点", "下午"; None when not one."""
    t = unicodedata.normalize("NFKC", text).strip().lower()
    if not t:
        return None
    afternoon = False
    for word, span in _PARTS_OF_DAY.items():
        if t.startswith(word):
            if not re.search(r"\d", t):
                return span
            afternoon = span[0].hour >= 12  # "下午2:30"
            t = t[len(word) :].strip()
            break
    got = _clock_span(t)
    if got is None or not afternoon:
        return got
    start, end = got
    return (
        time((start.hour + 12) % 24, start.minute) if start.hour < 12 else start,
        time((end.hour + 12) % 24, end.minute) if end is not None and end.hour < 12 else end,
    )


def _clock_span(t: str) -> tuple[time, time | None] | None:
    m = _TIME_TEXT.match(re.sub(r"\s+", " ", t.replace("：", ":")))
    if not m:
        m2 = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", t)
        if not m2:
            return None
        h, mi = int(m2.group(1)), int(m2.group(2))
        return (time(h, mi), None) if h < 24 and mi < 60 else None
    h0, m0, h1, m1 = m.groups()
    if int(h0) > 23 or int(m0 or 0) > 59:
        return None
    start = time(int(h0), int(m0 or 0))
    if h1 is None:
        return start, None
    if int(h1) > 23 or int(m1 or 0) > 59:
        return None
    return start, time(int(h1), int(m1 or 0))


def _when(value: Any, year: int) -> tuple[date, tuple[time, time | None] | None] | None:
    """A date (and a time or span written with it) from a cell; `year` for "12月5日"."""
    if isinstance(value, datetime):
        return value.date(), ((value.time(), None) if value.time() != time() else None)
    if isinstance(value, date):
        return value, None
    text = unicodedata.normalize("NFKC", _text(value))
    m = _DATE_TEXT.match(text)
    if not m:
        return None
    y, mo, d, rest = m.groups()
    try:
        day = date(int(y) if y else year, int(mo), int(d))
    except ValueError:
        return None
    rest = rest.strip()
    if not rest:
        return day, None
    span = _times(rest)
    return (day, span) if span is not None else None


def _received(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time())
    text = _text(value)
    if not re.match(r"^\D*\d{4}", text):  # a receipt time names its year
        return None
    found = _when(text, 2000)
    if found is None:
        return None
    day, span = found
    return datetime.combine(day, span[0] if span else time())


_URGENT = {"紧急", "加急", "特急", "急", "是", "urgent", "high", "yes", "y", "高"}
_NORMAL = {"一般", "普通", "正常", "否", "不急", "不紧急", "normal", "low", "no", "n", "低", "中"}


def _convert_requests(
    rows: list[list[Any]],
    header_row: int,
    mapping: dict[int, str],
    plan: Plan,
    now: datetime,
    source: str,
    choices: Mapping[str, Mapping[str, str]],
) -> list[RowResult]:
    out: list[RowResult] = []
    missing = [f for f in REQUIRED["requests"] if f not in mapping.values()]
    seen: dict[str, int] = {}
    for n, row in enumerate(rows[header_row + 1 :], start=header_row + 2):
        values = {f: _text(row[i]) if i < len(row) else "" for i, f in mapping.items()}
        if not any(values.values()):
            continue
        raw = {f: row[i] if i < len(row) else None for i, f in mapping.items()}
        problems: list[Problem] = [(f, N_("no column is mapped to it"), "") for f in missing]
        for f in REQUIRED["requests"]:
            if f in values and not values[f]:
                problems.append((f, N_("is empty"), ""))
        res = RowResult(n, values, None, problems)
        out.append(res)
        rid = request_id(row)
        record = _request(rid, values, raw, plan, now, source, n, choices, res)
        if rid in seen:
            res.skip = (N_("the same as row {value}"), str(seen[rid]))
        elif rid in plan.requests:
            res.skip = (N_("imported before ({value})"), rid)
        seen.setdefault(rid, n)
        res.record = record if not res.problems else None
    return out


def _request(
    rid: str,
    v: dict[str, str],
    raw: dict[str, Any],
    plan: Plan,
    now: datetime,
    source: str,
    line: int,
    choices: Mapping[str, Mapping[str, str]],
    res: RowResult,
) -> ServiceRequest:
    problems = res.problems
    found: dict[str, str | None] = {}
    lookups: tuple[tuple[str, Mapping[str, Any], str], ...] = (
        ("partner", plan.partners, N_("no partner {value}")),
        ("service", plan.services, N_("no service {value}")),
    )
    for f, items, reason in lookups:
        name = v.get(f, "")
        found[f] = _find(items, name, choices.get(f, {})) if name else None
        if name and found[f] is None:
            problems.append((f, reason, name))
            res.candidates[f] = closest(name, items)
    received = now.replace(second=0, microsecond=0)
    if v.get("received"):
        got = _received(raw["received"])
        if got is None or not date_in_range(got):
            problems.append(("received", N_("{value} is not a date and time"), v["received"]))
        else:
            received = got
    priority = "normal"
    if v.get("priority"):
        word = _norm(v["priority"])
        if word in _NORMAL:
            pass
        elif word in _URGENT or "急" in word:
            priority = "urgent"
        else:
            problems.append(("priority", N_("{value} is neither urgent nor normal"), v["priority"]))
    service = plan.services.get(found["service"] or "")
    minutes = service.duration_minutes if service and service.duration_minutes else DEFAULT_MINUTES
    preferred: tuple[Slot, ...] = ()
    span: tuple[time, time | None] | None = None
    day: date | None = None
    if v.get("date"):
        when = _when(raw["date"], received.year)
        if when is None or not date_in_range(when[0]):
            problems.append(("date", N_("{value} is not a date"), v["date"]))
        else:
            day, span = when
    if v.get("time"):
        value = raw["time"]
        got_span = (value, None) if isinstance(value, time) else _times(v["time"])
        if got_span is None:
            problems.append(("time", N_("{value} is not a time of day"), v["time"]))
        else:
            span = got_span
    if day is not None:
        start_t, end_t = span or (DEFAULT_START, None)
        start = datetime.combine(day, start_t)
        end = datetime.combine(day, end_t) if end_t is not None else start + timedelta(minutes=minutes)
        if end <= start:
            problems.append(("time", N_("{value} ends before it starts"), v.get("time") or v["date"]))
        else:
            preferred = (Slot(start, end),)
    elif v.get("time") and not problems:
        problems.append(("date", N_("a time without a date"), v["time"]))
    audience = None
    if v.get("audience"):
        m = re.search(r"\d+", unicodedata.normalize("NFKC", v["audience"]))
        if m is None or len(m.group()) > 9 or int(m.group()) > MAX_AUDIENCE:
            problems.append(("audience", N_("{value} is not a number of people"), v["audience"]))
        else:
            audience = int(m.group())
    extra: dict[str, Any] = {"source": f"{source} row {line}" if source else f"row {line}"}
    for f in ("contact_name", "contact_phone", "notes"):
        if v.get(f):
            extra[f] = v[f]
    return ServiceRequest(
        rid,
        found["partner"] or "",
        found["service"] or "",
        received,
        priority,
        preferred,
        audience,
        "new",
        extra,
    )
