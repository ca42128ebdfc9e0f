"""Which headers name which field, per kind of sheet (staff, departments, partners, service
requests): the header names of each field, the fields that must have a column, the fields that
several columns may give, and the form platforms' own columns. See docs/sheets.md."""

from __future__ import annotations

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
