"""Which headers name which field, per kind of sheet. The sheets of a plan section (staff,
departments, partners) have the section's declared fields that name sheet headers
(scheduler/plan/fields.py: a field's `headers`, `exact_headers`, `required` and `label`), and
the staff sheet also the position (职务); a form's export (service requests) has the columns
said here: its answers and the form platform's own columns. See docs/sheets.md."""

from __future__ import annotations

from functools import cache

from scheduler.plan.fields import FIELDS, Field
from scheduler.plan.wording import N_

SECTIONS = ("staff", "departments", "partners")  # the sheets whose columns the declaration says


# The order a sheet's fields are tried in (a header holding the names of two fields is the first
# one's) and a row's problems are listed in, where it is not the declaration's: the staff sheet's
# as it was before the declaration. A declared field not named here comes after these, in the
# declaration's order.
SHEET_ORDER = {
    "staff": (
        "id",
        "name",
        "department",
        "title",
        "phone",
        "qualifications",
        "party_member",
        "branch",
        "max_hours_month",
        "volunteer_no",
        "active",
    ),
}


@cache
def sheet_fields(target: str) -> tuple[Field, ...]:
    """The declared fields of a section that a sheet's column can give (those with headers), in
    the sheet's order (worked out once: the declaration is made when the app starts)."""
    if target not in SECTIONS:
        return ()
    order = SHEET_ORDER.get(target, ())
    fields = [f for f in FIELDS[target] if f.headers]
    return tuple(sorted(fields, key=lambda f: order.index(f.name) if f.name in order else len(order)))


# Columns of a section's sheet that are no field of the section: the staff's position (职务, a
# position such as 护士长 or 科主任, not the professional title 主管护师), kept in the record's
# extra as the plan file's `position`.
SHEET_ONLY: dict[str, dict[str, tuple[str, ...]]] = {
    "staff": {"position": ("职务", "行政职务", "职务名称", "position", "post")},
}

# In this order: a header is matched by the first field one of whose names it contains,
# so "联系人电话" is a phone, "预计服务人数" an audience and "服务时间" a time.
_REQUEST_HEADERS: dict[str, tuple[str, ...]] = {
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
}
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


# field -> header names (lower case, no spaces or punctuation, as headers.read_header makes
# them) that mean it; in the order a header's names are tried.
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    **{t: {**{f.name: f.headers for f in sheet_fields(t)}, **SHEET_ONLY.get(t, {})} for t in SECTIONS},
    "requests": _REQUEST_HEADERS,
}
# Fields only a whole header names (a 科室编号 or 编号 is no staff number).
EXACT_ONLY = {(t, f.name) for t in SECTIONS for f in sheet_fields(t) if f.exact_headers} | {
    ("requests", "number"),
    ("requests", "platform"),
    ("requests", "other"),
}
# Fields a row cannot be taken without.
REQUIRED: dict[str, tuple[str, ...]] = {
    **{t: tuple(f.name for f in sheet_fields(t) if f.required) for t in SECTIONS},
    "requests": ("partner", "service"),
}

# The names of a form's columns that are no field of a request (or are one by another name).
_FORM_LABELS = {
    "date": N_("Preferred date"),
    "time": N_("Preferred time"),
    "notes": N_("Notes"),
    "contact_name": N_("Contact name"),
    "contact_phone": N_("Contact phone"),
    "number": N_("Submission number (form platform)"),
    "platform": N_("Form platform's column (not an answer)"),
    "other": N_("Text written beside 其他 (a note)"),
}
_SHEET_ONLY_LABELS = {"position": N_("Position (职务)")}
# The key column matches a row to the record it updates, so the import names it by that use.
KEY_LABEL = N_("Key (staff number / code)")


def field_label(target: str, name: str) -> str:
    """What a column's field is called on screen (English, marked for translation): the
    declared field's label, or the sheet's own name for a column that is no declared field."""
    if target in SECTIONS:
        if name == "id":
            return KEY_LABEL
        found = next((f for f in sheet_fields(target) if f.name == name), None)
        return found.label if found is not None else _SHEET_ONLY_LABELS.get(name, name)
    if name in _FORM_LABELS:
        return _FORM_LABELS[name]
    return next((f.label for f in FIELDS["requests"] if f.name == name), name)


def ref_section(target: str, name: str) -> str:
    """The section whose records a field names (a staff member's department: departments, a
    request's partner: partners), as the declaration says; "" for a field that names none."""
    declared = sheet_fields(target) if target in SECTIONS else FIELDS["requests"]
    return next((f.ref or "" for f in declared if f.name == name and f.kind == "ref"), "")
