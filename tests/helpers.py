"""Shared test helpers: a small valid plan document in the shape of docs/plan-file.md."""

from __future__ import annotations

import copy
import json
from typing import Any

SAMPLE: dict[str, Any] = {
    "format": "outreach-plan",
    "version": 1,
    "hospital": {
        "name": "株洲市中医伤科医院",
        "timezone": "Asia/Shanghai",
        "clinical_hours": ["08:00", "17:30"],
    },
    "campuses": [{"id": "east", "name": "城东院区"}],
    "departments": [
        {"id": "ortho", "name": "骨伤科", "campus": "east", "min_on_duty": 3},
        {"id": "acu", "name": "针灸科", "campus": "east", "min_on_duty": 1},
    ],
    "branches": [
        {
            "id": "b-ortho",
            "name": "骨伤党支部",
            "departments": ["ortho"],
            "secretary": "s001",
            "contact": "s002",
        }
    ],
    "staff": [
        {
            "id": "s001",
            "name": "金伟",
            "department": "ortho",
            "branch": "b-ortho",
            "party_member": True,
            "title": "副主任医师",
            "qualifications": ["physician"],
            "phone": "13800000000",
            "max_hours_month": 16,
            "active": True,
        },
        {
            "id": "s002",
            "name": "李娜",
            "department": "ortho",
            "branch": "b-ortho",
            "party_member": True,
            "qualifications": ["nurse"],
        },
        {
            "id": "s003",
            "name": "王强",
            "department": "acu",
            "qualifications": ["acupuncture", "physician"],
            "x_employee_no": "E1003",
        },
    ],
    "unavailability": [
        {"staff": "s001", "start": "2026-12-01T08:00", "end": "2026-12-01T17:30", "reason": "leave"}
    ],
    "partners": [
        {
            "id": "p-youyi",
            "name": "友谊社区",
            "kind": "community",
            "district": "南湖区",
            "address": "友谊路1号",
            "population": 8200,
            "share_60_plus": 0.23,
            "contact": {"name": "张主任", "phone": "0731-1234567"},
        }
    ],
    "pairings": [
        {
            "id": "pr1",
            "branch": "b-ortho",
            "partner": "p-youyi",
            "start": "2025-05-01",
            "end": None,
            "visits_per_year": 12,
        }
    ],
    "services": [
        {
            "id": "sports-injury",
            "name": "运动损伤预防讲座",
            "needs": [{"department": "ortho", "qualification": "physician", "count": 1}],
            "duration_minutes": 90,
        }
    ],
    "activities": [
        {
            "id": "a1",
            "title": "中医夜市",
            "kind": "night_market",
            "partner": "p-youyi",
            "venue": "合乐城商场",
            "start": "2026-12-03T18:00",
            "end": "2026-12-03T21:00",
            "rrule": "FREQ=WEEKLY;BYDAY=TH;COUNT=10",
            "exdates": ["2026-12-31"],
            "organizer": "b-ortho",
            "request": "r1",
            "status": "planned",
            "stations": [
                {
                    "id": "consult",
                    "name": "健康咨询区",
                    "needs": [
                        {"qualification": "physician", "count": 2},
                        {"department": "ortho", "count": 1},
                    ],
                }
            ],
            "rotation": [{"occurrence": "2026-12-03", "station": "consult", "department": "ortho"}],
            "moved": [{"from": "2026-12-10", "start": "2026-12-11T18:00", "end": "2026-12-11T21:00"}],
        }
    ],
    "assignments": [
        {"activity": "a1", "occurrence": "2026-12-03", "station": "consult", "staff": "s001", "role": "lead"},
        {"activity": "a1", "station": "consult", "staff": "s003", "role": "member"},
    ],
    "requests": [
        {
            "id": "r1",
            "partner": "p-youyi",
            "service": "sports-injury",
            "received": "2026-11-20T09:30",
            "priority": "normal",
            "preferred": [{"start": "2026-12-05T09:00", "end": "2026-12-05T11:00"}],
            "audience": 100,
            "status": "scheduled",
        }
    ],
    "records": [
        {
            "activity": "a1",
            "occurrence": "2026-12-03",
            "status": "done",
            "reason": None,
            "served": 180,
            "services": {"blood_pressure": 60, "acupuncture": 25},
            "attended": [{"staff": "s001", "hours": 3.0}],
            "notes": "人很多",
            "recorded_at": "2026-12-03T21:40",
            "recorded_by": "王老师",
        }
    ],
    "calendar": [
        {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
        {"date": "2027-02-07", "kind": "workday", "name": "春节调休"},
    ],
}


def sample() -> dict[str, Any]:
    return copy.deepcopy(SAMPLE)


def sample_text() -> str:
    return json.dumps(SAMPLE, ensure_ascii=False)
