"""Spreadsheets in: staff, departments or partners from what a hospital's HR system exports
(.xlsx, or CSV in UTF-8 with or without BOM, or GBK). Read the sheet, find the header row (also
under a merged title), guess which column is which field from the header names (Chinese or
English), turn each row into a record with its problems (missing department, unknown
qualification, duplicate person, bad phone), and update existing records by their key (the staff
number) instead of duplicating them."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from typing import Any

from .model import Contact, Department, Partner, Plan, Staff

TARGETS = ("staff", "departments", "partners")

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
        "volunteer_no": ("志愿者编号", "志愿者号", "志愿者证号", "volunteerno", "volunteernumber", "volunteerid"),
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
}
REQUIRED = {"staff": ("id", "name", "department"), "departments": ("id", "name"), "partners": ("id", "name")}

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


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    rows: list[list[Any]]  # cell values; merged cells filled from their top-left


def read_workbook(data: bytes, filename: str) -> list[Sheet]:
    """The sheets of an .xlsx, or the one sheet of a CSV (UTF-8 with or without BOM, or GBK)."""
    if filename.lower().endswith(".csv"):
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
        return [Sheet(filename, [list(r) for r in csv.reader(io.StringIO(text), dialect)])]
    try:
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        raise SheetError(f"not a readable .xlsx workbook ({type(exc).__name__})") from None
    sheets = []
    for ws in wb.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        for rng in ws.merged_cells.ranges:  # a merged cell's value stands in all its cells
            value = ws.cell(rng.min_row, rng.min_col).value
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if r - 1 < len(rows) and c - 1 < len(rows[r - 1]):
                        rows[r - 1][c - 1] = value
        sheets.append(Sheet(ws.title, rows))
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

    @property
    def ok(self) -> bool:
        return self.record is not None and not self.problems


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


def convert(
    target: str, rows: list[list[Any]], header_row: int, mapping: dict[int, str], plan: Plan
) -> list[RowResult]:
    """Every data row below the header as a record with its problems; blank rows are skipped."""
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
            try:
                changes["max_hours_month"] = float(v["max_hours_month"])
            except ValueError:
                problems.append(("max_hours_month", N_("{value} is not a number"), v["max_hours_month"]))
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
            try:
                dchanges["min_on_duty"] = int(float(v["min_on_duty"]))
            except ValueError:
                problems.append(("min_on_duty", N_("{value} is not a number"), v["min_on_duty"]))
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
        try:
            pchanges["population"] = int(float(v["population"]))
        except ValueError:
            problems.append(("population", N_("{value} is not a number"), v["population"]))
    if v.get("contact_name") or v.get("contact_phone"):
        contact_phone = re.sub(r"\s", "", v.get("contact_phone", ""))
        if contact_phone and not PHONE.match(contact_phone):
            problems.append(("contact_phone", N_("{value} is not a phone number"), v["contact_phone"]))
        pchanges["contact"] = Contact(
            v.get("contact_name") or p.contact.name, contact_phone or p.contact.phone
        )
    return replace(p, **pchanges), old_p is not None, problems
