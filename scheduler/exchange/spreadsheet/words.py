"""The words a sheet's cells say things with: yes and no, party membership, a staff status,
qualifications, kinds of partner, a choice marked or not, an empty answer. See docs/sheets.md."""

from __future__ import annotations

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
