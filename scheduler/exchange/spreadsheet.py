"""Spreadsheets in: staff, departments or partners from what a hospital's HR system exports, and
service requests from an online form's export (问卷星, 金数据, WeChat forms) (.xlsx, or CSV in
UTF-8 with or without BOM, or GBK). Read the sheet, find the header row (also under a merged
title), guess which column is which field from the header names (Chinese or English), turn each
row into a record with its problems (missing department, unknown qualification, duplicate person,
bad phone, unknown partner with the closest names), and update existing records by their key (the
staff number) instead of duplicating them; a request row is imported once (its id is made from
its cells). Duty-roster grids are read by duty.py."""

from __future__ import annotations

import codecs
import csv
import difflib
import hashlib
import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.plan.model import Contact, Department, Partner, Plan, ServiceRequest, Slot, Staff
from scheduler.plan.validation import (
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
        # Only these (whole) headers name the staff number: a 科室编号 or 编号 beside it does not.
        "id": (
            "工号",
            "职工号",
            "员工号",
            "员工编号",
            "人员编号",
            "职工编号",
            "staffnumber",
            "staffno",
            "employeeno",
            "employeeid",
            "id",
        ),
        "name": ("姓名", "名字", "name", "fullname"),
        "department": ("科室", "部门", "所在科室", "科室名称", "department", "dept"),
        "title": ("职称", "专业技术职称", "技术职称", "职称名称", "title"),
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
        "active": ("在职", "在职状态", "人员状态", "在岗状态", "状态", "active", "status"),
        # 职务 (护士长, 科主任) is a position, not the professional title (主管护师).
        "position": ("职务", "行政职务", "职务名称", "position", "post"),
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
            "结束答题时间",
            "创建时间",
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
        # The form platform's own columns (问卷星, 腾讯问卷, 金数据), matched whole, before the
        # questions: the submission's number, its time (`received` above), the rest
        # (PLATFORM_COLUMNS), never read as answers.
        "number": (
            "序号",
            "编号",
            "答卷编号",
            "原始记录编号",
            "答卷序号",
            "答题序号",
            "答卷id",
            "记录编号",
            "no",
            "number",
        ),
        "platform": ("平台列",),
        # The fill-in text of a choice question's 其他 option (a column of its own): a note.
        "other": ("其他选项填写",),
    },
}
EXACT_ONLY = {("staff", "id"), ("requests", "number"), ("requests", "platform"), ("requests", "other")}
# Columns the platforms add (normalised as headers are): recognised, shown, never read as answers.
PLATFORM_COLUMNS = (
    # 问卷星
    "所用时间",
    "来源",
    "来源详情",
    "来自ip",
    "ip",
    "ip地址",
    "ip属地",
    "总分",
    "答题时长",
    "填写者",
    "微信昵称",
    "微信头像",
    "微信openid",
    "微信性别",
    "微信地区",
    "用户名",
    # 腾讯问卷
    "开始答题时间",
    "填写设备",
    "地理位置",
    "地理位置国家和地区",
    "地理位置省",
    "地理位置市",
    "用户类型",
    "用户标识",
    "昵称",
    "自定义字段",
    "数据版本",
    "答卷状态",
    "状态",
    "标签",
    # 金数据
    "提交人",
    "填写时长",
    "更新时间",
    "修改时间",
    "填写地区",
    "操作系统",
    "浏览器",
    "来源渠道",
    "渠道",
    "扩展属性",
    "审核状态",
    "分数",
    "得分",
    "设备",
)
# Fields that several columns may give (a choice spread over 0/1 columns, the platform's columns).
MANY = {"platform", "service", "other"}
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
YES = {
    "是",
    "党员",
    "中共党员",
    "中共预备党员",
    "预备党员",
    "共产党员",
    "中国共产党党员",
    "中国共产党员",
    "中共正式党员",
    "正式党员",
    "党员预备",  # 党员（预备）, as the punctuation is taken out
    "中共党员预备",
    "中共党员正式",
    "yes",
    "y",
    "true",
    "1",
    "在职",
    "active",
}
# 政治面貌 that are not the party's members: the youth league, the eight other parties, none.
NOT_PARTY = {
    "群众",
    "共青团员",
    "团员",
    "中共团员",
    "无党派",
    "无党派人士",
    "非党员",
    "民革党员",
    "民革",
    "民盟盟员",
    "民盟",
    "民建会员",
    "民建",
    "民进会员",
    "民进",
    "农工党党员",
    "农工党",
    "致公党党员",
    "致公党",
    "九三学社社员",
    "九三学社",
    "台盟盟员",
    "台盟",
}
NO = {"否", "群众", "no", "n", "false", "0", "离职", "退休", "inactive"}
# 人员状态: who works here (在职, 返聘: re-employed after retiring) and who no longer does.
ACTIVE = {"在职", "在岗", "返聘", "正式", "试用", "试用期", "合同", "聘用", "规培", "进修"}
INACTIVE = {"调出", "离职", "退休", "辞职", "离岗", "已离职", "已退休", "死亡", "除名", "解聘", "停薪留职"}
_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area codes of two digits after the 0: Beijing 010 and 020-029; the others have three.
_SHORT_AREA = re.compile(r"0(?:10|2\d)")


_COUNT = r"(\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.0+)?"
_AUDIENCE = re.compile(
    r"^(?:约|大约|大概|预计|预估|估计|近|将近|接近|超过|不少于|至少|不低于|多于)?\s*"
    + _COUNT
    + r"\s*(?:(?:-|~|至|到|—|–)\s*"
    + _COUNT
    + r"\s*)?(?:余|多|来|左右|以上|上下|\+)?\s*(?:人次|人|名|位)?\s*(?:左右|以上|上下)?\s*(?:\(.*\))?$"
)


def audience_number(text: str) -> int | None:
    """The number of people an answer states (120, 约80人, 100余人, 1,200, 80-100: the most, for
    planning), or None for anything else: a number is never picked out of other text (1e3, 3月份约
    50人, 2026年12月 are none)."""
    m = _AUDIENCE.match(unicodedata.normalize("NFKC", text).strip())
    if m is None:
        return None
    n = max(int(g.replace(",", "")) for g in m.groups() if g)
    return n if n <= MAX_AUDIENCE else None


def phone_number(text: str) -> str | None:
    """A phone number as people write it, in one spelling: a mobile as its 11 digits
    ("+86 136 0000 0000", "136-0000-0000"), a landline as area code, dash, number and any
    extension ("(0731) 8888 6666", "+86 731 88886666", "0731-88886666-123"); None when the
    text is none ("abc", too few digits)."""
    t = unicodedata.normalize("NFKC", text).strip()
    if len(t) > 40 or not re.fullmatch(r"[+\d\s\-()（）./]+(?:(?:转|ext\.?|x|分机)\s*\d{1,6})?", t, re.I):
        return None
    ext = ""
    m = re.search(r"(?:转|ext\.?|x|分机)\s*(\d{1,6})$", t, re.I)
    if m:
        ext, t = m.group(1), t[: m.start()]
    international = t.startswith("+") or t.startswith("00")
    groups = re.findall(r"\d+", t)
    digits = "".join(groups)
    if international:
        if not digits.startswith(("86", "0086")):
            return None
        digits = digits[4:] if digits.startswith("0086") else digits[2:]
        if not _MOBILE.fullmatch(digits):
            digits = "0" + digits.lstrip("0")  # the area code without its 0, as dialled from abroad
    elif digits.startswith("86") and len(digits) == 13 and _MOBILE.fullmatch(digits[2:]):
        digits = digits[2:]
    if _MOBILE.fullmatch(digits) and not ext:
        return digits
    if not digits.startswith("0"):
        return None
    if not ext and len(groups) >= 3 and not international and len(groups[-1]) <= 6 and len(digits) > 12:
        ext, digits = groups[-1], digits[: -len(groups[-1])]  # "0731-8888 6666-123": the last part
    area = 3 if _SHORT_AREA.match(digits) else 4
    number = digits[area:]
    if not 7 <= len(number) <= 8:
        return None
    return f"{digits[:area]}-{number}" + (f"-{ext}" if ext else "")


def N_(text: str) -> str:
    """Marks a problem's template for translation (the GUI shows it in the user's language)."""
    return text


LEADING_ZEROS = N_(
    "staff number {value}: the same number with other leading zeros (Excel drops them from a number; "
    "format the column as text and write the number as it is)"
)


# (field, template with {value}, value)
Problem = tuple[str, str, str]


class SheetError(ValueError):
    """A file that cannot be read as a spreadsheet, with the reason: a template with {value}
    (marked with N_ where it is one) for the edge to translate with `text`."""

    def __init__(self, reason: str, value: str = ""):
        self.reason = reason
        self.value = value
        super().__init__(self.text())

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.reason).replace("{value}", self.value)


OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # a compound document: .xls 97-2003, or encrypted


def _not_xlsx(data: bytes) -> SheetError | None:
    """What a file that is no .xlsx is, when it is a kind offices meet (an old .xls, a workbook
    with a password, a web page saved as .xls, an OpenDocument sheet): said, with what to do."""
    head = data[:2048]
    if head.startswith(OLE_SIGNATURE):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data[: 1 << 16]:
            return SheetError(
                N_(
                    "the workbook is protected by a password: open it in Excel or WPS, remove the password and save it as .xlsx"
                )
            )
        return SheetError(
            N_(
                "an old Excel workbook (.xls, Excel 97–2003), which the app does not read: open it in Excel or WPS and save it as .xlsx (Excel workbook)"
            )
        )
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")) or b"<html" in text[:512]:
        return SheetError(
            N_(
                "a web page or XML file saved with a spreadsheet's name, not an .xlsx workbook: open it in Excel or WPS and save it as .xlsx"
            )
        )
    if head.startswith(b"PK") and b"mimetypeapplication/vnd.oasis.opendocument" in head:
        return SheetError(N_("an OpenDocument spreadsheet (.ods), not an .xlsx workbook: save it as .xlsx"))
    return None


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
MAX_CELL_TEXT = 32_767  # characters in a cell: Excel's own limit (a longer one was not made by it)
MAX_HEADER_TEXT = 200  # a header cell longer than this names no field


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    rows: list[list[Any]]  # cell values; merged cells filled from their top-left
    state: str = "visible"  # workbook.xml's sheet state: visible, hidden or veryHidden
    # The first cell past column MAX_COLUMNS that holds something ("IW1"): those columns are
    # not read, and the edges say so (never dropped in silence).
    cut: str = ""


def read_workbook(data: bytes, filename: str) -> list[Sheet]:
    """The sheets of an .xlsx, or the one sheet of a CSV (UTF-8 with or without BOM, or GBK).
    Any file, however made, gives sheets or SheetError, in time bounded by its used cells."""
    if len(data) > MAX_FILE_BYTES:
        raise SheetError(N_("the file is larger than {value} MB"), str(MAX_FILE_BYTES // (1024 * 1024)))
    if filename.lower().endswith(".csv"):
        cut: list[str] = []
        return [Sheet(filename, _read_csv(data, cut), cut=cut[0] if cut else "")]
    return _read_xlsx(data)


def _too_many_rows() -> SheetError:
    return SheetError(N_("the sheet has more than {value} rows"), f"{MAX_ROWS:,}")


def _trimmed(values: Any) -> list[Any]:
    """A row's values up to its last non-empty cell, at most MAX_COLUMNS of them."""
    row = list(values[:MAX_COLUMNS])
    while row and (row[-1] is None or row[-1] == ""):
        row.pop()
    return row


def columns_not_read(sheet: str, first: str, fill: Callable[..., str]) -> str:
    """The line that says a sheet's columns past MAX_COLUMNS were not read (`fill`: the edge's
    trf/tf, which translates)."""
    return fill(
        N_(
            "sheet %1: the columns after IV (the 256th) are not read; the first of them that holds something is %2"
        ),
        sheet,
        first,
    )


_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ue000-\uf8ff\ufeff\ufff0-\uffff]")


def _read_csv(data: bytes, cut: list[str] | None = None) -> list[list[Any]]:
    # UTF-16 with its BOM: Excel's "Unicode text" (tab-separated), which offices save as .csv too.
    encodings = ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetError(N_("the CSV file is neither UTF-8 nor GBK text"))
    text = text.removeprefix("\ufeff")  # GB18030's BOM (84 31 95 33) decodes to U+FEFF
    if encodings == ("utf-16",) and _NOT_TEXT.search(text):
        # Any bytes decode as UTF-16: text it is only without unassigned, private or control
        # characters (a BOM in the middle, U+FFFE …).
        raise SheetError(N_("the CSV file is neither UTF-8 nor GBK text"))
    # newline=None: lines end in CR LF, LF or a lone CR (old Mac Excel), all read alike.
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=csv_delimiter(text))
    rows: list[list[Any]] = []
    try:
        for values in reader:
            if len(rows) >= MAX_ROWS:
                raise _too_many_rows()
            row = _trimmed(values)
            if cut is not None and not cut and len(values) > MAX_COLUMNS:
                past = next((i for i, v in enumerate(values[MAX_COLUMNS:], MAX_COLUMNS) if v), None)
                if past is not None:
                    cut.append(f"{_letter(past)}{len(rows) + 1}")
            for i, v in enumerate(row):
                if len(v) > MAX_CELL_TEXT:
                    raise _too_long(len(rows) + 1, i)
            rows.append(row)
    except csv.Error as exc:
        limit = csv.field_size_limit()
        if "field larger than field limit" in str(exc):
            raise SheetError(f"line {reader.line_num}: a cell is longer than {limit:,} characters") from None
        raise SheetError(f"line {reader.line_num}: not readable as CSV ({exc})") from None
    return rows


DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


def csv_delimiter(text: str) -> str:
    """The separator of a CSV's cells, among comma, semicolon and tab: the one that splits the
    first 50 records into the same number (more than one) of cells most often. Records are read
    as the file's reader will (a quoted cell may hold a line break), strictly: a separator that
    leaves a quote where none may stand is not the file's. When two do equally well the file
    can be read two ways and is refused, both readings named."""
    scores: dict[str, tuple[int, int]] = {}
    for d in DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=None), delimiter=d, strict=True)
        try:
            counts = [len(r) for r in itertools.islice(reader, 50) if r]
        except csv.Error:
            continue
        wide = [n for n in counts if n > 1]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        scores[d] = (counts.count(mode), mode)
    if not scores:
        return ","
    best = max(scores.values())
    found = [d for d, score in scores.items() if score[0] == best[0]]
    if len(found) > 1:
        names = " or ".join(f"{DELIMITERS[d]} ({best_cells(scores[d])})" for d in found)
        raise SheetError(f"the CSV file can be read two ways: its cells separated by {names}")
    return found[0]


def best_cells(score: tuple[int, int]) -> str:
    return f"{score[1]} cells a line"


def _too_long(row: int, column: int) -> SheetError:
    return SheetError(
        f"row {row}, column {_letter(column)}: a cell holds more than {MAX_CELL_TEXT:,} characters "
        "(more than a spreadsheet cell can)"
    )


def _letter(index: int) -> str:
    """The column letters of a 0-based index: 0 → A, 27 → AB."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


# Any namespace prefix (an XML name may hold letters of any script, digits, '-', '.', '_').
_PREFIX = rb"(?:[^\s<>/:=\"'!?]+:)?"
_CELL_TAG = re.compile(rb"<" + _PREFIX + rb"(?:c|si)[\s/>]")
_STRUCTURE_TAG = re.compile(
    rb"<" + _PREFIX + rb"(?:mergeCell|col|cfRule|dataValidation|hyperlink|brk|customSheetView|xf|font|fill|"
    rb"border|numFmt|dxf|definedName|sheet|tablePart|tableColumn)[\s/>]"
)
_ROW_OR_CELL = re.compile(rb"<" + _PREFIX + rb"(row|c)\b([^>]*)>")
_REF = re.compile(rb"""\sr\s*=\s*["']([^"']*)["']""")
_UTF32_STARTS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"<\x00\x00\x00", b"\x00\x00\x00<")
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def _count(pattern: re.Pattern[bytes], text: bytes, limit: int) -> int:
    """How many times `pattern` occurs, counting no further than just past `limit`."""
    n = 0
    for _ in pattern.finditer(text):
        n += 1
        if n > limit:
            break
    return n


def _as_parsed(name: str, text: bytes) -> bytes:
    """A part's XML as UTF-8 bytes, whatever encoding it declares, so that counting its tags
    counts what the parser will see (a part in UTF-16 would otherwise hide every tag)."""
    wide = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16", b"<\x00": "utf-16-le", b"\x00<": "utf-16-be"}
    encoding = "utf-32" if text[:4] in _UTF32_STARTS else wide.get(text[:2])
    if encoding is not None:  # XML in UTF-16 or UTF-32 (anything else, an image say, is left alone)
        try:
            return text.decode(encoding).encode("utf-8")
        except UnicodeDecodeError:
            raise SheetError(
                f"not a readable .xlsx workbook (part {name} is not text in {encoding})"
            ) from None
    m = _DECLARED.match(text[:200])
    if m:
        try:
            encoding = codecs.lookup(m.group(1).decode("ascii")).name
            same = "<c r>".encode(encoding) == b"<c r>"
        except (LookupError, UnicodeError):
            raise SheetError(f"not a readable .xlsx workbook (part {name} is in no encoding known)") from None
        if not same:
            raise SheetError(f"not a readable .xlsx workbook (part {name} is in the encoding {encoding})")
    return text


def _check_rows(name: str, text: bytes) -> str:
    """Rows numbered from 1 upwards and cells left to right, as every spreadsheet writes them:
    a row numbered 0 or out of order, or a cell out of order, would be lost or misplaced when
    read (the reader puts a row where its number says), so the file is refused, not misread.
    Returns the first cell past column MAX_COLUMNS that is not empty ("IW1"), or ""."""
    last_row = 0
    last_col = 0
    cut = ""
    for m in _ROW_OR_CELL.finditer(text):
        ref = _REF.search(m.group(2))
        if m.group(1) == b"row":
            last_col = 0
            if ref is None:
                last_row += 1
                continue
            value = ref.group(1).decode("ascii", "replace")
            if not value.isdigit() or int(value) < 1:
                raise SheetError(f"sheet part {name}: a row is numbered {value!r} (rows are numbered from 1)")
            if int(value) <= last_row:
                raise SheetError(
                    f"sheet part {name}: row {int(value)} comes after row {last_row} (rows out of order)"
                )
            last_row = int(value)
        elif ref is not None:
            cell = _CELL.fullmatch(ref.group(1))
            if cell is None or int(cell.group(2)) < 1:
                shown = ref.group(1).decode("ascii", "replace")
                raise SheetError(f"sheet part {name}, row {last_row}: a cell is numbered {shown!r}")
            _, col = _cell_ref(ref.group(1))
            if col <= last_col:
                raise SheetError(
                    f"sheet part {name}, row {last_row}: cell {ref.group(1).decode()} comes after "
                    f"column {_letter(last_col - 1)} (cells out of order)"
                )
            last_col = col
        else:
            last_col += 1
        if (
            m.group(1) == b"c"
            and last_col > MAX_COLUMNS
            and not cut
            and not m.group(2).rstrip().endswith(b"/")
        ):
            cut = f"{_letter(last_col - 1)}{last_row}"
    return cut


def _check_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Refuse, before openpyxl parses anything, a workbook whose parts would take long to
    parse (too big unpacked, too many cells, or too many records of other kinds) or would be
    read wrong (rows out of order). Every part is looked at, whatever its name: the workbook
    may name a sheet part that does not end in .xml."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES:
        raise SheetError(
            f"not a readable .xlsx workbook (it unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB)"
        )
    cells = structure = 0
    cuts: dict[str, str] = {}
    for part in parts:
        if part.is_dir():
            continue
        text = _as_parsed(part.filename, archive.read(part))
        cells += _count(_CELL_TAG, text, MAX_CELLS)
        structure += _count(_STRUCTURE_TAG, text, MAX_STRUCTURE)
        if cells > MAX_CELLS:
            raise SheetError(N_("the workbook has more than {value} cells"), f"{MAX_CELLS:,}")
        if structure > MAX_STRUCTURE:
            raise SheetError(
                f"the workbook has more than {MAX_STRUCTURE:,} merged ranges, column or style records and the like"
            )
        cut = _check_rows(part.filename, text)
        if cut:
            cuts[part.filename] = cut
    return cuts


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
    other = _not_xlsx(data)
    if other is not None:
        raise other
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        cuts = _check_parts(archive)
    except SheetError:
        raise
    except Exception:  # zipfile and zlib raise many kinds for a damaged archive
        raise SheetError(N_("not a readable .xlsx workbook (not a zip file, or a damaged one)")) from None
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
                    row = _trimmed(values)
                    for i, v in enumerate(row):
                        if isinstance(v, str) and len(v) > MAX_CELL_TEXT:
                            raise _too_long(len(rows) + 1, i)
                    rows.append(row)
                while rows and not rows[-1]:
                    rows.pop()
                path = getattr(ws, "_worksheet_path", None)
                if path:
                    _fill_merged(rows, _merged_ranges(archive.read(path.lstrip("/"))), budget)
                state = str(getattr(ws, "sheet_state", None) or "visible")
                sheets.append(Sheet(ws.title, rows, state, cuts.get((path or "").lstrip("/"), "")))
        finally:
            wb.close()
    except SheetError:
        raise
    except Exception as exc:  # openpyxl, zipfile and the XML parser raise many kinds for a bad file
        raise SheetError(
            f"not a readable .xlsx workbook ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
        ) from None
    if not sheets:
        raise SheetError(N_("the workbook has no worksheet"))
    return sheets


_QUESTION_NO = re.compile(
    r"^\s*(?:[Qq]\s*(\d{1,3})|第\s*(\d{1,3})\s*题|(\d{1,3})(?=\s*[、.．:：)）(（\s]))\s*[、.．:：)）]?\s*"
)
_CHOICE = re.compile(r"^(.*?)\s*(?:[(（]\s*(.+?)\s*[)）]|[:：]\s*([^:：]+?))\s*$", re.S)
_PUNCT = re.compile(r"[\s_\-（）()*：:、.．。?？!！]")


@dataclass(frozen=True, slots=True)
class Header:
    """A header cell read once: its question number ("4、", "Q4.", "第4题"), its text without it,
    and, for a choice spread over columns ("3(义诊)", "3、服务项目:义诊"), the question's stem and
    the choice; `key` is the text as it is matched (no spaces or punctuation, lower case)."""

    number: str | None
    key: str
    stem: str
    choice: str | None


_NO_HEADER = Header(None, "", "", None)
_headers: dict[str, Header] = {}


def read_header(value: Any) -> Header:
    """The header of a cell, worked out once per distinct text (a sheet may repeat one long text
    in every cell; a text longer than any header is none)."""
    if value is None:
        return _NO_HEADER
    text = value if isinstance(value, str) else _text(value)
    if len(text) > MAX_HEADER_TEXT:
        return _NO_HEADER
    found = _headers.get(text)
    if found is None:
        if len(_headers) > 50_000:
            _headers.clear()
        t = unicodedata.normalize("NFKC", text).strip()
        m = _QUESTION_NO.match(t)
        number = next((g for g in m.groups() if g), None) if m else None
        rest = t[m.end() :] if m and m.end() < len(t) else t
        choice = _CHOICE.match(rest)
        stem, label = (choice.group(1), choice.group(2) or choice.group(3)) if choice else (rest, None)
        found = Header(number, _norm(rest), _norm(stem), label.strip() if label else None)
        _headers[text] = found
    return found


def _norm(value: Any) -> str:
    return _PUNCT.sub("", str(value or "")).lower()


_CODE_ENDINGS = ("编号", "编码", "代码")
_LONG_PLATFORM = tuple(p for p in PLATFORM_COLUMNS if len(p) >= 3)


def _named(target: str, key: str, exact_only: bool = False) -> str | None:
    """The field a header's key names: the whole of one of its names first, then (not for a
    code such as 科室编号, which names none of the fields its words do) one name within it."""
    if not key:
        return None
    for f, names in SYNONYMS[target].items():
        if key in names:
            return f
    if exact_only:
        return None
    if target == "requests" and (key in PLATFORM_COLUMNS or key.startswith(_LONG_PLATFORM)):
        return "platform"  # "所用时间(秒)" too
    code = key.endswith(_CODE_ENDINGS)
    for f, names in SYNONYMS[target].items():  # "科室名称（全称）" and the like
        if (target, f) in EXACT_ONLY:
            continue  # only a whole staff-number header is one, and so on
        if any(len(n) > 1 and n in key and (not code or n.endswith(_CODE_ENDINGS)) for n in names):
            return f
    return None


def guess_field(target: str, header: Any) -> str | None:
    h = read_header(header)
    if target == "requests" and h.number is None and h.key in PLATFORM_COLUMNS:
        return "platform"
    return _named(target, h.key)


def find_header(target: str, rows: list[list[Any]]) -> int:
    """The first row (of the first ten) naming at least two known fields; 0 if none does."""
    for i, row in enumerate(rows[:10]):
        if len({g for g in (guess_field(target, c) for c in row[:MAX_COLUMNS]) if g}) >= 2:
            return i
    return 0


CHOSEN = {"1", "1.0", "√", "✓", "✔", "选中", "已选", "是", "true"}
NOT_CHOSEN = {
    "0",
    "0.0",
    "",
    "-2",
    "-3",
    "-1",
    "未选中",
    "未选",
    "否",
    "false",
    "×",
    "(跳过)",
    "(空)",
    "跳过",
}
EMPTY = {"(空)", "（空）", "(跳过)", "（跳过）", "n/a", "N/A", "#N/A"}


def _flag(value: Any, label: str | None = None) -> bool | None:
    """A 0/1 cell of a choice column: chosen, not chosen, or None when it is text. A cell that
    repeats its column's choice (腾讯问卷: 义诊 under "Q2:服务项目:义诊", empty when not chosen)
    is chosen."""
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, str) and len(value) > 12:
        return None  # text, not a mark
    t = _text(value).lower()
    if t in CHOSEN or (label and t and _norm(t) == _norm(label)):
        return True
    if t in NOT_CHOSEN or t in EMPTY:
        return False
    return None


def guess_mapping(target: str, header: list[Any], rows: list[list[Any]] | None = None) -> dict[int, str]:
    """Column index -> field, each field taken once (the first column that names it), except
    the fields in MANY. For a form export (`target` "requests"): the platform's own columns
    first; then a choice spread over 0/1 columns ("3(义诊)", "3(讲座)" …, each column 0 or 1 in
    every row of `rows`) is the service when its question names the service, or names nothing
    and no other column does; its 其他 column's text is "other" (a note). A field two columns
    could be the staff number of is given to neither (see `ambiguous`)."""
    header = header[:MAX_COLUMNS]
    heads = [read_header(c) for c in header]
    out: dict[int, str] = {}
    services: set[str | None] = set()
    if target == "requests":
        for i, h in enumerate(heads):
            f = "platform" if h.number is None and h.key in PLATFORM_COLUMNS else None
            if h.number is None and _named(target, h.key, exact_only=True) in ("number", "received"):
                f = _named(target, h.key, exact_only=True)
            if f is not None and (f in MANY or f not in out.values()):
                out[i] = f
        groups: dict[tuple[str | None, str], list[int]] = {}
        for i, h in enumerate(heads):
            if i not in out and h.choice is not None:
                groups.setdefault((h.number, h.stem), []).append(i)
        data = rows or []
        for (_number, stem), cols in groups.items():
            flags = [c for c in cols if not heads[c].choice.startswith("其他")]  # type: ignore[union-attr]
            if len(cols) < 2 or not flags:
                continue
            if any(_flag(r[c], heads[c].choice) is None for r in data for c in flags if c < len(r)):
                continue  # not a 0/1 column
            names_service = _named(target, stem) == "service"
            if not (
                names_service or (not stem and not any(_named(target, h.key) == "service" for h in heads))
            ):
                continue
            if "service" in out.values():
                continue
            for c in cols:
                out[c] = "service" if c in flags else "other"
        services = {heads[i].number for i, f in out.items() if f == "service"}
    clashes = ambiguous(target, header)
    for i, h in enumerate(heads):
        if i in out:
            continue
        f = _named(target, h.key)
        if f is None or f in clashes:
            continue
        if target == "requests" and h.number and h.choice and h.choice.startswith("其他"):
            continue  # the text beside a question's 其他: see below
        if f == "platform" or f not in out.values():
            out[i] = f
    if target == "requests":  # 问卷星's "4、(其他（请补充）:)": the text written beside 其他
        services = {heads[i].number for i, f in out.items() if f == "service"}
        for i, h in enumerate(heads):
            other = h.choice and h.choice.startswith("其他") and h.number and h.number in services
            if other and out.get(i) != "service":
                out[i] = "other"
    return out


def ambiguous(target: str, header: list[Any]) -> dict[str, list[int]]:
    """Fields that two or more columns name whole and that must be one column (the staff
    number: 工号 and 人员编号 side by side): field -> those columns. The file can be read two
    ways, so neither is taken; the user chooses."""
    if target != "staff":
        return {}
    cols = [i for i, c in enumerate(header[:MAX_COLUMNS]) if _named(target, read_header(c).key, True) == "id"]
    return {"id": cols} if len(cols) > 1 else {}


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
        values, problems = _values(row, mapping)
        if not any(values.values()):
            continue
        problems = [(f, N_("no column is mapped to it"), "") for f in missing] + problems
        for f in REQUIRED[target]:
            if f in values and not values[f]:
                problems.append((f, N_("is empty"), ""))
        if any(t == TOO_LONG for _f, t, _v in problems):
            out.append(RowResult(n, values, None, problems))  # refused: its cells not looked into
            continue
        key = values.get("id", "")
        if key:
            if key in seen:
                problems.append(("id", N_("appears twice (row {value})"), str(seen[key])))
            else:
                seen[key] = n
        record, update, more = _record(target, values, plan)
        problems += more
        res = RowResult(n, values, record, problems, update)
        if target == "staff" and any(f == "department" and v for f, _t, v in more):
            res.candidates["department"] = closest(values["department"], plan.departments)
        out.append(res)
    return out


MAX_FIELD_TEXT = 1_000  # characters of a name, a phone number, a note: a longer cell is none
TOO_LONG = N_("is longer than {value} characters")


def _values(row: list[Any], mapping: Mapping[int, str]) -> tuple[dict[str, str], list[Problem]]:
    """The text of each mapped cell of a row (but the fields in MANY), "(空)" and "N/A" as
    empty; a cell longer than MAX_FIELD_TEXT is a problem, its text cut (the row is refused, so
    no more work than that is spent on it)."""
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for i, f in mapping.items():
        if f in MANY:
            continue
        cell = row[i] if i < len(row) else None
        if isinstance(cell, str) and len(cell) > MAX_FIELD_TEXT:
            problems.append((f, TOO_LONG, f"{MAX_FIELD_TEXT:,}"))
            cell = cell[:MAX_FIELD_TEXT]
        text = _text(cell)
        values[f] = "" if text in EMPTY else text
    return values, problems


def _record(target: str, v: dict[str, str], plan: Plan) -> tuple[Any | None, bool, list[Problem]]:
    problems: list[Problem] = []
    key = v.get("id", "")
    if not key or not v.get("name"):
        return None, False, problems
    if target == "staff":
        old = plan.staff.get(key)
        if old is None and key.isdigit():
            # 00123 and 123: Excel drops a number's leading zeros, so a sheet saved from one that
            # had them names the same person another way; never a new person in silence.
            same = sorted(
                s for s in plan.staff if s != key and s.isdigit() and s.lstrip("0") == key.lstrip("0")
            )
            if same:
                names = ", ".join(f"{s} {plan.staff[s].name}" for s in same)
                problems.append(("id", LEADING_ZEROS, f"{key} / {names}"))
        rec = old or Staff(key, v["name"], "")
        changes: dict[str, Any] = {"name": v["name"]}
        if "department" in v:
            dept = _by_name_or_id(plan.departments, v["department"])
            if v["department"] and dept is None:
                problems.append(("department", N_("no department {value}"), v["department"]))
            changes["department"] = dept or ""
        if v.get("title"):
            changes["title"] = v["title"]
        if v.get("position"):  # kept beside the title, as the plan file's `position`
            changes["extra"] = {**rec.extra, "position": v["position"]}
        if v.get("phone"):
            phone = phone_number(v["phone"])
            if phone is None:
                problems.append(("phone", N_("{value} is not a phone number"), v["phone"]))
            changes["phone"] = phone or v["phone"]
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
            word = _norm(v["party_member"])
            if word in YES:
                changes["party_member"] = True
            elif word in NO or word in NOT_PARTY:
                changes["party_member"] = False
            else:
                problems.append(
                    (
                        "party_member",
                        N_("{value} is not a 政治面貌 the app knows (中共党员, 中共预备党员, 群众 …)"),
                        v["party_member"],
                    )
                )
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
            word = _norm(v["active"])
            if word in YES or word in ACTIVE:
                changes["active"] = True
            elif word in NO or word in INACTIVE:
                changes["active"] = False
            else:
                problems.append(
                    ("active", N_("{value} is not a staff status (在职, 返聘, 离职, 退休 …)"), v["active"])
                )
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
        contact_phone = v.get("contact_phone", "")
        if contact_phone:
            contact_phone = phone_number(contact_phone) or contact_phone
            if phone_number(v["contact_phone"]) is None:
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
    header = rows[header_row] if header_row < len(rows) else []
    for row in rows[header_row + 1 :]:
        names = {"service": _services(row, header, mapping, plan.services, {})[0], "partner": []}
        for i, f in mapping.items():
            if f == "partner" and i < len(row):
                cell = row[i]
                if not (isinstance(cell, str) and len(cell) > MAX_FIELD_TEXT) and _text(cell) not in EMPTY:
                    names["partner"].append(_text(cell))
        for f, found in names.items():
            for name in found:
                if name and name not in out[f] and _find(items[f], name, {}) is None:
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
            platform, "text", [(cols[0], _text(header[cols[0]]) if cols[0] < len(header) else "")]
        )
    return FormColumns(platform, "", [])


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
    serial = _serial(value)
    if serial is not None:
        return (serial.date(), (serial.time(), None) if serial.time() != time() else None)
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


def _serial(value: Any) -> datetime | None:
    """An Excel serial date (46376 = 2026-12-20; 46376.5 its noon) in a number cell whose date
    format was lost: 2000-01-01 to 2099-12-31 only (a count of people is far below)."""
    if type(value) not in (int, float) or not 36526 <= value < 73051:
        return None
    return datetime(1899, 12, 30) + timedelta(minutes=round(value * 24 * 60))


def _received(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0)
    serial = _serial(value)
    if serial is not None:
        return serial
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
_NORMAL = {
    "一般",
    "普通",
    "正常",
    "否",
    "不急",
    "不紧急",
    "非紧急",
    "不太急",
    "不太紧急",
    "不着急",
    "normal",
    "low",
    "no",
    "n",
    "低",
    "中",
}


_JOINED = re.compile(r"\s*[┋;；,，、|｜\n]\s*")
_OTHER = re.compile(r"^其他\s*(?:[〖【\[(（:：]\s*(.*?)\s*[〗】\])）]?)?$", re.S)
# What identifies a submission by its answers (its services apart: see _submission).
_ANSWERS = ("partner", "date", "time", "audience", "contact_name", "contact_phone", "notes", "priority")


@dataclass(slots=True)
class Submission:
    """One row of a form's export: its answers, the services chosen and the notes written."""

    values: dict[str, str]
    services: list[str]
    notes: list[str]


def _services(
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
        text = _text(cell)
        if isinstance(cell, str) and len(cell) > MAX_FIELD_TEXT:
            text = cell[:MAX_FIELD_TEXT]
        if text in EMPTY:
            continue
        label = read_header(header[i]).choice if i < len(header) else None
        if f == "other":
            if _flag(cell) is None and text:
                notes.append(text)
            continue
        if label is not None and _flag(cell, label) is not None and _count_service_columns(mapping) > 1:
            if _flag(cell, label):
                m = _OTHER.match(label)
                if m is None:
                    services.append(label)
            continue
        if not text:
            continue
        parts = [text] if _find(items, text, chosen) is not None else [p for p in _JOINED.split(text) if p]
        for part in parts:
            m = _OTHER.match(part)
            if m is not None:
                if m.group(1) and _find(items, m.group(1), chosen) is not None:
                    services.append(m.group(1))  # 其他〖义诊〗: a service after all
                elif m.group(1):
                    notes.append(m.group(1))
                continue
            services.append(part)
    return list(dict.fromkeys(services)), notes


def _short(name: str) -> str:
    return hashlib.sha256(_fold(name).encode("utf-8")).hexdigest()[:6]


def _count_service_columns(mapping: Mapping[int, str]) -> int:
    return sum(1 for f in mapping.values() if f == "service")


def _stamp(value: Any) -> str:
    """A submission time to the second, the same whether the file holds a date cell or text."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    text = unicodedata.normalize("NFKC", _text(value))
    m = re.match(r"^(\d{4})\D(\d{1,2})\D(\d{1,2})\D*?(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?", text)
    if m:
        y, mo, d, h, mi, sec = (int(g or 0) for g in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{sec:02d}"
    return _fold(text)


def submission_id(
    values: Mapping[str, str], raw_received: Any, services: list[str], by_answers: bool = False
) -> str:
    """What identifies a submission whatever columns its export holds: the platform's number and
    time where the export has both, else (or `by_answers`) its time (if any) and its answers."""
    if isinstance(raw_received, str):
        raw_received = values.get("received", "")  # the text as read, cut to MAX_FIELD_TEXT
    stamp = _stamp(raw_received) if values.get("received") else ""
    if values.get("number") and stamp and not by_answers:
        key = f"n\x1f{_fold(values['number'])}\x1f{stamp}"
    else:
        answers = [_fold(values.get(f, "")) for f in _ANSWERS]
        key = "a\x1f" + stamp + "\x1f" + "\x1f".join([*answers, *sorted(_fold(s) for s in services)])
    return "form-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _convert_requests(
    rows: list[list[Any]],
    header_row: int,
    mapping: dict[int, str],
    plan: Plan,
    now: datetime,
    source: str,
    choices: Mapping[str, Mapping[str, str]],
) -> list[RowResult]:
    """One result per service a submission chose (a row choosing two gives two requests, of one
    submission: extra "submission" the same), each with the row's problems."""
    out: list[RowResult] = []
    fields = set(mapping.values())
    missing = [f for f in REQUIRED["requests"] if f not in fields]
    header = rows[header_row] if header_row < len(rows) else []
    seen: dict[str, int] = {}
    column_of = {f: i for i, f in mapping.items() if f not in MANY}
    # The requests imported before by their answers (extra "answers"): an export that leaves out
    # the platform's number (or one that has it, after one that did not) is the same submission.
    by_answers = {
        (r.extra.get("answers"), r.service): k for k, r in plan.requests.items() if r.extra.get("answers")
    }
    for n, row in enumerate(rows[header_row + 1 :], start=header_row + 2):
        values, long = _values(row, mapping)
        services, notes = _services(row, header, mapping, plan.services, choices.get("service", {}))
        answered = {f: v for f, v in values.items() if f not in ("number", "received")}
        if not any(answered.values()) and not services and not notes:
            continue
        if notes:
            values["notes"] = "；".join([*([values["notes"]] if values.get("notes") else []), *notes])
        raw = {f: row[i] if i < len(row) else None for f, i in column_of.items()}
        submission = submission_id(values, raw.get("received"), services)
        answers = submission_id(values, raw.get("received"), services, by_answers=True)
        # The id an import before this version gave the row (a hash of every cell; not worked out
        # for a row with a cell longer than any answer, which that import never took either).
        short = all(not isinstance(c, str) or len(c) <= MAX_FIELD_TEXT for c in row)
        legacy = request_id(row) if short else ""
        for service in services or [""]:
            v = {**values, "service": service}
            problems: list[Problem] = [(f, N_("no column is mapped to it"), "") for f in missing] + list(long)
            if "partner" in fields and not v.get("partner"):
                problems.append(("partner", N_("is empty"), ""))
            if "service" in fields and not service:
                problems.append(("service", N_("no service chosen"), ""))
            res = RowResult(n, v, None, problems)
            out.append(res)
            rid = submission if len(services) <= 1 else f"{submission}-{_short(service)}"
            record = _request(rid, v, raw, plan, now, source, n, choices, res)
            more = {"answers": answers, **({"submission": submission} if len(services) > 1 else {})}
            record = replace(record, extra={**record.extra, **more})
            if rid in seen:
                res.skip = (N_("the same as row {value}"), str(seen[rid]))
            elif rid in plan.requests:
                res.skip = (N_("imported before ({value})"), rid)
            elif (answers, record.service) in by_answers:
                res.skip = (N_("imported before ({value})"), by_answers[(answers, record.service)])
            elif legacy in plan.requests and len(services) <= 1:
                res.skip = (N_("imported before ({value})"), legacy)
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
        elif word in _URGENT or ("急" in word and not re.search("[不非无否没]", word)):
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
        audience = audience_number(v["audience"])
        if audience is None:
            problems.append(("audience", N_("{value} is not a number of people"), v["audience"]))
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
