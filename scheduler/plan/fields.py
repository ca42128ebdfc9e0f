"""Every field of a plan section said once: its key, type, limits, default, label, the sheet
headers it answers to and how the editor shows it. The plan-file reader, the sheet import and
the master-data editor derive their parts from this table (docs/plan-file.md describes the keys;
docs/fields.md how to add one). FIELDS[section] lists a section's fields in the order the plan
file reads them, which is the order its problems are listed in.

A key with a dot ("contact.name") is a key of a small object of the record (the partner's
`contact`); its form and sheet name is the key with "_" for the dot (`Field.name`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scheduler.plan.model import (
    ACTIVITY_KINDS,
    ACTIVITY_STATUSES,
    ASSIGNMENT_ROLES,
    CALENDAR_KINDS,
    CLINICAL_HOURS,
    HOLIDAY_POLICIES,
    KNOWN_QUALIFICATIONS,
    PARTNER_KINDS,
    RECORD_STATUSES,
    REQUEST_PRIORITIES,
    REQUEST_STATUSES,
    STAFF_UNAVAILABILITY_REASONS,
)
from scheduler.plan.validation import (
    MAX_AUDIENCE,
    MAX_DURATION_MINUTES,
    MAX_HOURS_MONTH,
    MAX_ID_LENGTH,
    MAX_OCCURRENCE_DAYS,
    MAX_ON_DUTY,
    MAX_PEOPLE_SERVED,
    MAX_POPULATION,
    MAX_RULE_LENGTH,
    MAX_VISITS_PER_YEAR,
)
from scheduler.plan.wording import N_

# The types a field can have (`Field.kind`) and the editor's widget for each (`Field.widget`
# unless a field says otherwise; "" for none: the field is not edited in a master-data form).
KINDS = {
    "id": "id",  # the record's own id: trimmed, NFC, at most MAX_ID_LENGTH characters
    "text": "text",
    "phone": "text",  # text in the plan file; the editor and the sheets check it is a number
    "int": "int",  # a whole number from `minimum` to `maximum` ("opt_int" when it has no default)
    "float": "opt_float",  # a number from 0 to `maximum`
    "share": "share",  # a number from 0 to 1
    "bool": "bool",
    "date": "opt_date",
    "datetime": "",
    "timezone": "",  # an IANA time-zone name
    "hours": "",  # two times of day, "HH:MM", the second after the first
    "choice": "choice",  # one of `choices`
    "ref": "ref",  # the id of a record of section `ref`
    "refs": "multi_ref",  # ids of records of section `ref`, none twice
    "codes": "multi_choice",  # ids, none twice; `choices` are those the app knows by name
    "rule": "",  # a recurrence rule, at most `max_length` characters
    "nested": "",  # a list or object of its own, read by hand (needs, preferred times, …)
}


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a section (see the module's docstring)."""

    key: str  # the plan file's key: the dataclass attribute and the database column
    kind: str  # one of KINDS
    label: str  # English, marked with N_ (the Chinese comes through the translation file)
    required: bool = False
    default: Any = None  # what the record holds when the key is not given
    minimum: int = 0  # int: the least value
    maximum: float | None = None  # int, float: the most
    max_length: int | None = None  # id, rule: the most characters
    ref: str | None = None  # ref, refs: the section named
    choices: tuple[str, ...] = ()  # choice, codes
    after: str | None = None  # date, datetime: the key of the field it may not come before
    within_days: int | None = None  # datetime: at most this many days after `after`
    headers: tuple[str, ...] = ()  # sheet headers meaning it (lower case, no spaces or punctuation)
    exact_headers: bool = False  # a header names it only when it is one of `headers`, whole
    widget: str | None = (
        None  # the editor's widget; None: KINDS[kind], with opt_int for an int without default
    )
    form_maximum: float | None = None  # the editor's spin box stops here, below `maximum`
    column: bool = True  # shown as a column of the master-data table
    column_label: str | None = None  # the column's header when it is not `label`
    help: str = ""  # the editor's tooltip
    placeholder: str = ""

    @property
    def name(self) -> str:
        """The name of the field in a form or a sheet mapping ("contact.name" -> "contact_name")."""
        return self.key.replace(".", "_")

    @property
    def form_widget(self) -> str:
        if self.widget is not None:
            return self.widget
        if self.kind == "int" and self.default is None:
            return "opt_int"
        return KINDS[self.kind]


def _id(label: str = N_("ID"), column: bool = False, **kw: Any) -> Field:
    """A record's id: not a table column but where people use it (a staff number)."""
    return Field("id", "id", label, required=True, max_length=MAX_ID_LENGTH, column=column, **kw)


def _name(label: str = N_("Name"), headers: tuple[str, ...] = (), **kw: Any) -> Field:
    return Field("name", "text", label, required=True, headers=headers, **kw)


FIELDS: dict[str, tuple[Field, ...]] = {
    "hospital": (
        Field("name", "text", N_("Hospital name"), default=""),
        Field("timezone", "timezone", N_("Time zone"), default="Asia/Shanghai"),
        Field("clinical_hours", "hours", N_("Clinical hours"), default=CLINICAL_HOURS),
    ),
    "campuses": (_id(), _name()),
    "departments": (
        _id(headers=("科室编码", "科室代码", "编码", "代码", "编号", "code", "id")),
        _name(headers=("科室名称", "科室", "名称", "name", "department")),
        Field("campus", "ref", N_("Campus"), ref="campuses", headers=("院区", "campus")),
        Field(
            "min_on_duty",
            "int",
            N_("Minimum on duty"),
            default=0,
            maximum=MAX_ON_DUTY,
            form_maximum=10_000,
            headers=("最少在岗人数", "最低在岗", "在岗下限", "minonduty", "minimum"),
            help=N_("People who must stay in the hospital during clinical hours."),
        ),
    ),
    "branches": (
        _id(),
        _name(),
        Field("departments", "refs", N_("Departments"), default=(), ref="departments"),
        Field("secretary", "ref", N_("Secretary"), ref="staff"),
        Field(
            "contact", "ref", N_("Contact person"), ref="staff", help=N_("Named contact for the partners.")
        ),
    ),
    "staff": (
        # Only these (whole) headers name the staff number: a 科室编号 or 编号 beside it does not.
        _id(
            help=N_("Staff number, unique in the hospital."),
            column=True,
            column_label=N_("Staff number"),
            headers=(
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
            exact_headers=True,
        ),
        _name(N_("Full name"), ("姓名", "名字", "name", "fullname")),
        Field(
            "department",
            "ref",
            N_("Department"),
            required=True,
            ref="departments",
            headers=("科室", "部门", "所在科室", "科室名称", "department", "dept"),
        ),
        Field(
            "branch",
            "ref",
            N_("Party branch"),
            ref="branches",
            headers=("党支部", "所在支部", "支部", "branch", "partybranch"),
        ),
        Field(
            "party_member",
            "bool",
            N_("Party member"),
            default=False,
            headers=("党员", "是否党员", "政治面貌", "partymember", "party"),
        ),
        Field(
            "title",
            "text",
            N_("Title"),
            headers=("职称", "专业技术职称", "技术职称", "职称名称", "title"),
            placeholder=N_("e.g. 主治医师"),
        ),
        Field(
            "qualifications",
            "codes",
            N_("Qualifications"),
            default=(),
            choices=KNOWN_QUALIFICATIONS,
            headers=("资质", "执业资格", "资格", "qualifications", "qualification", "skills"),
        ),
        Field(
            "phone",
            "phone",
            N_("Phone"),
            headers=("电话", "手机", "手机号", "联系电话", "手机号码", "phone", "mobile", "tel"),
        ),
        Field(
            "max_hours_month",
            "float",
            N_("Hours cap / month"),
            maximum=MAX_HOURS_MONTH,
            form_maximum=200,
            headers=("每月时长上限", "月时长上限", "maxhours", "maxhoursmonth", "hourscap"),
            help=N_("Most outreach hours a month; empty: no cap."),
        ),
        Field(
            "active",
            "bool",
            N_("Active"),
            default=True,
            headers=("在职", "在职状态", "人员状态", "在岗状态", "状态", "active", "status"),
        ),
        Field(
            "volunteer_no",
            "text",
            N_("Volunteer number"),
            headers=("志愿者编号", "志愿者号", "志愿者证号", "volunteerno", "volunteernumber", "volunteerid"),
            help=N_("Number on the national volunteer service platform (志愿者编号)."),
        ),
    ),
    "unavailability": (
        Field("staff", "ref", N_("Staff member"), required=True, ref="staff"),
        Field("start", "datetime", N_("Start"), required=True),
        Field("end", "datetime", N_("Ends"), required=True, after="start"),
        Field("reason", "choice", N_("Reason"), default="leave", choices=STAFF_UNAVAILABILITY_REASONS),
    ),
    "partners": (
        _id(headers=("编号", "代码", "code", "id")),
        _name(headers=("单位名称", "名称", "单位", "name", "partner")),
        Field(
            "kind",
            "choice",
            N_("Kind"),
            default="community",
            choices=PARTNER_KINDS,
            headers=("类型", "单位类型", "kind", "type"),
        ),
        Field("district", "text", N_("District"), headers=("区", "所属区", "辖区", "district")),
        Field("address", "text", N_("Address"), headers=("地址", "address"), column=False),
        Field(
            "population",
            "int",
            N_("Population"),
            maximum=MAX_POPULATION,
            headers=("人口", "常住人口", "population"),
        ),
        Field(
            "share_60_plus",
            "share",
            N_("Aged 60+"),
            maximum=1,
            help=N_("Share of residents aged 60 or over."),
        ),
        Field(
            "contact.name",
            "text",
            N_("Contact name"),
            headers=("联系人", "contact", "contactname"),
            column_label=N_("Contact"),
        ),
        Field(
            "contact.phone",
            "phone",
            N_("Contact phone"),
            headers=("联系电话", "电话", "contactphone", "phone"),
            column=False,  # the table shows the contact's name and phone in one column
        ),
        Field(
            "wechat_group",
            "text",
            N_("WeChat group"),
            headers=("微信群", "群名称", "微信群名", "微信群名称", "wechatgroup"),
            help=N_("The WeChat group (微信群) the office posts notices in for this partner."),
        ),
    ),
    "pairings": (
        _id(),
        Field("branch", "ref", N_("Party branch"), required=True, ref="branches"),
        Field("partner", "ref", N_("Partner"), required=True, ref="partners"),
        Field("start", "date", N_("From")),
        Field("end", "date", N_("Until"), after="start"),
        Field(
            "visits_per_year",
            "int",
            N_("Visits a year"),
            default=0,
            maximum=MAX_VISITS_PER_YEAR,
            help=N_("The yearly visit target."),
        ),
    ),
    "services": (
        _id(),
        _name(),
        Field(
            "needs",
            "nested",
            N_("Needs"),
            default=(),
            widget="needs",
            help=N_("Who must go: each line is met by that many people."),
        ),
        Field(
            "duration_minutes",
            "int",
            N_("Duration (minutes)"),
            minimum=1,
            maximum=MAX_DURATION_MINUTES,
        ),
    ),
    # An activity: its flat fields, then its nested parts, read by hand after the flat ones are
    # checked (scheduler/exchange/planfile/activities.py).
    "activities": (
        _id(),
        Field("title", "text", N_("Activity name"), required=True),
        Field("kind", "choice", N_("Kind"), default="other", choices=ACTIVITY_KINDS),
        Field("partner", "ref", N_("Partner"), ref="partners"),
        Field("venue", "text", N_("Venue")),
        Field("start", "datetime", N_("Starts"), required=True),
        Field("end", "datetime", N_("Ends"), required=True, after="start", within_days=MAX_OCCURRENCE_DAYS),
        Field("rrule", "rule", N_("Repeat"), max_length=MAX_RULE_LENGTH),
        Field("organizer", "ref", N_("Organizer"), ref="branches"),
        Field("request", "ref", N_("Service request"), ref="requests"),
        Field("status", "choice", N_("Status"), default="planned", choices=ACTIVITY_STATUSES),
        Field("holiday_policy", "choice", N_("On a holiday"), default="keep", choices=HOLIDAY_POLICIES),
        Field("exdates", "nested", N_("Excluded dates"), default=()),
        Field("stations", "nested", N_("Stations"), default=()),
        Field("rotation", "nested", N_("Rotation"), default=()),
        Field("moved", "nested", N_("Moved"), default=()),
    ),
    "assignments": (
        Field("activity", "ref", N_("Activity"), required=True, ref="activities"),
        Field("occurrence", "date", N_("Occurrence")),
        Field("station", "ref", N_("Station")),  # a station of the activity, checked by hand
        Field("staff", "ref", N_("Staff member"), required=True, ref="staff"),
        Field("role", "choice", N_("Role"), default="member", choices=ASSIGNMENT_ROLES),
    ),
    "requests": (
        _id(),
        Field("partner", "ref", N_("Partner"), required=True, ref="partners"),
        Field("service", "ref", N_("Service"), required=True, ref="services"),
        Field("received", "datetime", N_("Received"), required=True),
        Field("priority", "choice", N_("Priority"), default="normal", choices=REQUEST_PRIORITIES),
        Field("audience", "int", N_("Expected audience"), maximum=MAX_AUDIENCE),
        Field("status", "choice", N_("Status"), default="new", choices=REQUEST_STATUSES),
        Field("preferred", "nested", N_("Preferred time"), default=()),
    ),
    # A record: its flat fields, then the services counted and the people there, read by hand.
    "records": (
        Field("activity", "ref", N_("Activity"), required=True, ref="activities"),
        Field("occurrence", "date", N_("Occurrence"), required=True),
        Field("status", "choice", N_("Status"), default="done", choices=RECORD_STATUSES),
        Field("reason", "text", N_("Reason")),
        Field("served", "int", N_("People served"), maximum=MAX_PEOPLE_SERVED),
        Field("notes", "text", N_("Notes")),
        Field("recorded_at", "datetime", N_("Recorded at")),
        Field("recorded_by", "text", N_("Recorded by")),
        Field("services", "nested", N_("Services"), default=()),
        Field("attended", "nested", N_("Attended"), default=()),
    ),
    "calendar": (
        Field("date", "date", N_("Date"), required=True),
        Field("kind", "choice", N_("Kind"), required=True, choices=CALENDAR_KINDS),
        Field("name", "text", N_("Name"), placeholder=N_("e.g. 春节")),
    ),
}


def field_of(section: str, key: str) -> Field:
    """The field of a section with this key (KeyError when there is none)."""
    for f in FIELDS[section]:
        if f.key == key:
            return f
    raise KeyError(f"{section}.{key}")
