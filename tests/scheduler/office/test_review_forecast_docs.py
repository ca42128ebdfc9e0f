"""docs/review-forecast.md lists every key `review --json` and `forecast --json` print, and only
those: the commands are run on the demo hospital (and the forecast on a plan whose fix moves
visits) and the key paths they print compared with the tables of the document."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from cli.commands import run
from db.operations import import_plan
from db.store import Store
from resources import demo_recipe
from scheduler.calendar.workdays import WorkCalendar, official_calendar
from scheduler.demo.hospital import build_demo
from scheduler.office.forecast.as_json import to_json
from scheduler.office.forecast.year import forecast
from tests.scheduler.office.test_forecast import moving_plan

DOC = Path(__file__).resolve().parents[3] / "docs" / "review-forecast.md"
CAL = WorkCalendar(official_calendar())
TODAY = date(2026, 12, 6)
# Objects keyed by data, not by name: a kind of service, a severity.
BY_DATA = {"services", "conflicts", "conflicts_by_severity"}


def documented(heading: str) -> set[str]:
    """The keys in the first column of the table under `### heading`."""
    text = DOC.read_text(encoding="utf-8")
    part = text.split(f"### {heading}\n", 1)[1].split("\n#", 1)[0]
    return {m.group(1) for m in re.finditer(r"^\| `([^`]+)` \|", part, re.M)}


def paths(value: object, prefix: str = "") -> set[str]:
    """Every key path of a JSON value: `a.b`, a list's items as `a[].b`; objects keyed by data
    stop at their own key."""
    out: set[str] = set()
    if isinstance(value, dict):
        for key, v in value.items():
            path = f"{prefix}.{key}" if prefix else key
            out.add(path)
            if key not in BY_DATA:
                out |= paths(v, path)
    elif isinstance(value, list):
        for v in value:
            out |= paths(v, prefix + "[]")
    return out


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docs") / "demo.db"
    plan = build_demo(demo_recipe(), "small", 1, 2026, TODAY, CAL)
    with Store(path) as store:
        import_plan(store, plan)
    return path


def printed(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    assert run(["--db", str(db), "--lang", "en", *args, "--today", TODAY.isoformat(), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_review_keys_are_the_documents(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = printed(db, capsys, "review", "--week", "2026-W41")
    assert doc["occurrence_list"] and doc["by_department"] and doc["by_branch"]
    said = paths(doc)
    before = {p.removeprefix("before.") for p in said if p.startswith("before.")}
    said = {p for p in said if not p.startswith("before.")}
    # "before": the week before's week and figures, the same keys as the week's.
    figures = {p for p in said if "." not in p and p not in ("occurrence_list", "by_department", "by_branch")}
    figures -= {"ahead", "before"}
    requests = {p.removeprefix("requests.") for p in said if p.startswith("requests.")}
    assert before == figures | {f"requests.{r}" for r in requests}
    assert said == documented("`review --json`")


def test_forecast_keys_are_the_documents(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = printed(db, capsys, "forecast", "--year", "2026")
    assert doc["fixes"] and doc["fixes"][0]["peak_occurrences"] and doc["department_pools"]
    said = paths(doc) | paths({"fixes": to_json(_moving())["fixes"]})
    pools = {p.removeprefix("pools[].") for p in said if p.startswith("pools[].")}
    by_department = {
        p.removeprefix("department_pools[].") for p in said if p.startswith("department_pools[].")
    }
    assert by_department == pools  # "the same keys as pools"
    said = {p for p in said if not p.startswith("department_pools[].")}
    assert said == documented("`forecast --json`")


def _moving():
    """A forecast whose fix moves a visit: the physician is away the whole of June."""
    f = forecast(moving_plan(), CAL, 2027, date(2026, 12, 1))
    assert f is not None and f.fixes[0].moves
    return f
