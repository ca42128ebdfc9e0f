"""Shift codes of the departments' duty rosters: what a code means (a kind, or a shift with its own
hours), the defaults with why each is so, their validation, and the legend a roster states its
codes in (班次说明 / 注 / 备注: "A班 08:00-16:00；N班 00:00-08:00；年：年休假"). Pure."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


def N_(text: str) -> str:
    """Marks a reason's template for translation (shown in the user's language at the edge)."""
    return text


# day: clinical duty during clinical hours; night: night duty from the end of clinical hours to
# their start next day, then rest until the end of that day's clinical hours; free: nothing;
# leave: away all day. A shift with hours says its own times instead.
MEANINGS = ("day", "night", "free", "leave")
MAX_CODE_LENGTH = 20
MAX_CODES = 500
CODE_SEPARATORS = re.compile(r"[/、,，+＋;；|]")
_HM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
HOURS_KEYS = ("on", "off", "rest_until", "kind")


@dataclass(frozen=True, slots=True)
class Shift:
    """What a code means. kind: day, night, free or leave; a shift with its own hours has `on`
    and `off` ("HH:MM"; an off not after on ends the next day), kind "duty" or "leave", and
    optionally rest until `rest_until` on the day it ends."""

    kind: str
    on: str | None = None
    off: str | None = None
    rest_until: str | None = None

    @property
    def timed(self) -> bool:
        return self.on is not None

    @property
    def overnight(self) -> bool:
        return self.on is not None and self.off is not None and self.off <= self.on

    def value(self) -> str | dict[str, str]:
        """As the plan file and the setting keep it."""
        if not self.timed:
            return self.kind
        out: dict[str, str] = {"on": self.on or "", "off": self.off or ""}
        if self.rest_until:
            out["rest_until"] = self.rest_until
        if self.kind == "leave":
            out["kind"] = "leave"
        return out

    def label(self) -> str:
        """Short, language-neutral: "16:00-24:00", "00:00-08:00 rest→12:00", or the kind."""
        if not self.timed:
            return self.kind
        off = "24:00" if self.off == "00:00" else self.off
        text = f"{self.on}-{off}"
        if self.overnight and self.off != "00:00":
            text += "(+1)"
        if self.rest_until:
            text += f" rest→{self.rest_until}"
        if self.kind == "leave":
            text += " leave"
        return text


def hours(on: str, off: str, rest_until: str | None = None, kind: str = "duty") -> Shift:
    return Shift(kind, on, off, rest_until)


# The defaults, each with why (docs/duty-rosters.md says the same to the office). Nursing's three
# shifts (三班倒) are A 08-16, P 16-24, N 00-08: N is the night *of that date* from midnight, not
# the evening before a day; P ends at midnight. 小夜/大夜 split the night the same way (小夜 from
# the end of the day shift, 大夜 from midnight). 下夜/夜休 mark the day after a night (the roster
# itself says it, so nights with hours carry no implicit rest). 值 is the physicians' on-call night
# (值班: from the end of clinical hours to the next morning, then rest). 办/门诊/病房/手术 and √
# (present) are a day in clinical hours; 年/病/事/婚/产/丧/进修 and their 假 forms are away.
DEFAULT_CODES: dict[str, tuple[Shift, str]] = {
    "白": (Shift("day"), N_("day shift (白班) in clinical hours")),
    "白班": (Shift("day"), N_("day shift in clinical hours")),
    "D": (Shift("day"), N_("day shift (Day) in clinical hours")),
    "办": (Shift("day"), N_("office shift (办公班) in clinical hours")),
    "门诊": (Shift("day"), N_("outpatient clinic in clinical hours (one-week sheets)")),
    "病房": (Shift("day"), N_("on the ward in clinical hours (one-week sheets)")),
    "手术": (Shift("day"), N_("in theatre in clinical hours (one-week sheets)")),
    "√": (Shift("day"), N_("a tick: present on a working day, in clinical hours")),
    "A": (hours("08:00", "16:00"), N_("nursing's A shift (三班倒) 08:00-16:00")),
    "P": (hours("16:00", "00:00"), N_("nursing's P shift 16:00-24:00: ends at midnight, not overnight")),
    "N": (
        hours("00:00", "08:00"),
        N_("nursing's N shift 00:00-08:00 of that date (the night from midnight)"),
    ),
    "小夜": (hours("17:30", "00:00"), N_("the evening half of the night, 17:30-24:00")),
    "大夜": (hours("00:00", "08:00"), N_("the night from midnight, 00:00-08:00 of that date")),
    "夜": (Shift("night"), N_("night duty from the end of clinical hours to the next morning, then rest")),
    "夜班": (Shift("night"), N_("night duty, as 夜")),
    "值": (
        Shift("night"),
        N_("on call (值班) from the end of clinical hours to the next morning, then rest"),
    ),
    "值班": (Shift("night"), N_("on call, as 值")),
    "下夜": (Shift("free"), N_("the day after a night: free (the roster marks the rest itself)")),
    "夜休": (Shift("free"), N_("the day after a night: free")),
    "休": (Shift("free"), N_("a day off")),
    "休息": (Shift("free"), N_("a day off")),
    "空": (Shift("free"), N_("nothing planned")),
    "假": (Shift("leave"), N_("leave: away all day")),
    "年": (Shift("leave"), N_("annual leave (年休假): away all day")),
    "年假": (Shift("leave"), N_("annual leave: away all day")),
    "病": (Shift("leave"), N_("sick leave: away all day")),
    "病假": (Shift("leave"), N_("sick leave: away all day")),
    "事": (Shift("leave"), N_("personal leave (事假): away all day")),
    "事假": (Shift("leave"), N_("personal leave: away all day")),
    "婚": (Shift("leave"), N_("marriage leave: away all day")),
    "婚假": (Shift("leave"), N_("marriage leave: away all day")),
    "产": (Shift("leave"), N_("maternity leave: away all day")),
    "产假": (Shift("leave"), N_("maternity leave: away all day")),
    "丧": (Shift("leave"), N_("bereavement leave: away all day")),
    "进修": (Shift("leave"), N_("training at another hospital (进修): away all day")),
    "L": (Shift("leave"), N_("leave: away all day")),
}
DEFAULT_SHIFT_CODES: dict[str, str | dict[str, str]] = {c: s.value() for c, (s, _w) in DEFAULT_CODES.items()}


def normalize_code(text: Any) -> str:
    """A code as it is compared: full-width letters made plain, spaces dropped, upper case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).upper()


_DEFAULTS = {normalize_code(c): s for c, (s, _w) in DEFAULT_CODES.items()}


def _code_ok(code: Any) -> bool:
    norm = normalize_code(code)
    return (
        isinstance(code, str)
        and bool(norm)
        and len(norm) <= MAX_CODE_LENGTH
        and not CODE_SEPARATORS.search(norm)
    )


def _meaning_problems(where: str, meaning: Any) -> list[tuple[str, Any, str]]:
    if isinstance(meaning, str):
        if meaning in MEANINGS:
            return []
        return [
            (
                where,
                meaning,
                N_('must be one of day, night, free, leave, or hours {"on": "HH:MM", "off": "HH:MM"}'),
            )
        ]
    if not isinstance(meaning, dict):
        return [
            (
                where,
                meaning,
                N_('must be one of day, night, free, leave, or hours {"on": "HH:MM", "off": "HH:MM"}'),
            )
        ]
    out: list[tuple[str, Any, str]] = []
    for k in meaning:
        if k not in HOURS_KEYS:
            out.append((f"{where}.{k}", k, N_("a shift's hours take only on, off, rest_until and kind")))
    for k in ("on", "off"):
        if k not in meaning:
            out.append((f"{where}.{k}", None, N_("is required (HH:MM)")))
    for k in ("on", "off", "rest_until"):
        v = meaning.get(k)
        if v is not None and not (isinstance(v, str) and _HM.match(v)):
            out.append(
                (f"{where}.{k}", v, N_("must be a time HH:MM from 00:00 to 23:59 (midnight is 00:00)"))
            )
    if meaning.get("kind", "duty") not in ("duty", "leave"):
        out.append((f"{where}.kind", meaning.get("kind"), N_("must be duty or leave")))
    if not out and meaning.get("rest_until") is not None:
        off, rest = meaning["off"], meaning["rest_until"]
        if rest <= off:
            out.append((f"{where}.rest_until", rest, N_("must be after the shift's end (off)")))
    return out


def shift_code_problems(value: Any) -> list[tuple[str, Any, str]]:
    """(path under shift_codes, value, reason) for each thing wrong with a shift-code table as a
    plan file or a setting gives it: an object of code → a kind of MEANINGS or a shift's hours."""
    if not isinstance(value, dict):
        return [("", value, N_('must be an object of code → meaning, e.g. {"夜": "night"}'))]
    if len(value) > MAX_CODES:
        return [("", len(value), N_("must hold at most 500 codes"))]
    out: list[tuple[str, Any, str]] = []
    seen: set[str] = set()
    for code, meaning in value.items():
        where = f".{code}"
        norm = normalize_code(code)
        if not _code_ok(code):
            out.append((where, code, N_("a code is 1 to 20 characters, without / , + ; | or spaces")))
        elif norm in seen:
            out.append((where, code, N_("is the same code as another one (case and width aside)")))
        else:
            seen.add(norm)
        out.extend(_meaning_problems(where, meaning))
    return out


def shift_of(meaning: Any) -> Shift | None:
    """The Shift a valid stored meaning gives, None for an invalid one."""
    if _meaning_problems("", meaning):
        return None
    if isinstance(meaning, str):
        return Shift(meaning)
    return Shift(meaning.get("kind", "duty"), meaning["on"], meaning["off"], meaning.get("rest_until"))


def read_shift_codes(value: Any) -> dict[str, Shift]:
    """The table a stored value gives (normalised codes → Shift): the defaults when there is
    none; of a damaged one, the entries that are usable."""
    if not isinstance(value, dict):
        return dict(_DEFAULTS)
    out: dict[str, Shift] = {}
    for code, meaning in list(value.items())[:MAX_CODES]:
        shift = shift_of(meaning)
        if shift is not None and _code_ok(code):
            out.setdefault(normalize_code(code), shift)
    return out


def own_codes(codes: Mapping[str, Shift]) -> set[str]:
    """The codes the office set itself (those that differ from the defaults): a roster's legend
    does not override them."""
    return {c for c, s in codes.items() if _DEFAULTS.get(c) != s}


def default_reason(code: str) -> str | None:
    for c, (_s, why) in DEFAULT_CODES.items():
        if normalize_code(c) == normalize_code(code):
            return why
    return None


# -- the legend

_LABEL = re.compile(r"^\s*(?:班次说明|班次|说明|注|备注|图例)\s*[:：]\s*")
CLOCK_TEXT = r"(\d{1,2})\s*[:：.点]\s*(\d{2})?"
_HOURS_ENTRY = re.compile(
    rf"^(?P<code>[^\s:：=＝\d][^\s:：=＝]{{0,9}}?)\s*[:：=＝]?\s*(?:\(|（)?\s*{CLOCK_TEXT}\s*[-—–~～至到]+\s*(?:次日|翌日)?\s*{CLOCK_TEXT}\s*(?:\)|）)?\s*$"
)
_HOURS_SEARCH = re.compile(
    rf"[^\s\d:：;；,，]\s*[:：=]?\s*{CLOCK_TEXT}\s*[-—–~～至到]+\s*(?:次日|翌日)?\s*{CLOCK_TEXT}"
)
_LOOKS_TIMED = re.compile(r"^[^\s\d:：]{1,6}\s*[:：=]?\s*\d{1,2}\s*[:：.点]")
_MEANING_ENTRY = re.compile(r"^(?P<code>[^\s:：=＝]{1,10}?)\s*[:：=＝]\s*(?P<text>.+)$")
_ENTRY_SPLIT = re.compile(r"[；;，,\n。]|\s{2,}")
# What a legend's words mean, leave first ("年休假" holds 休 too).
_WORDS = (
    ("leave", ("假", "进修", "学习", "外出", "培训", "出差")),
    ("free", ("休", "下夜", "空", "补休")),
    ("night", ("夜", "值班")),
    ("day", ("白", "日班", "门诊", "病房", "手术", "办公", "上班", "正常班")),
)


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One entry of a roster's legend: the code and what it was read as (None: not understood),
    the text it came from, and whether this import used it (the office's own code wins)."""

    code: str
    shift: Shift | None
    text: str
    used: bool = True


def _hm(h: str, m: str | None) -> str | None:
    hh, mm = int(h), int(m or 0)
    if hh == 24 and mm == 0:
        return "00:00"
    if hh > 23 or mm > 59:
        return None
    return f"{hh:02d}:{mm:02d}"


def looks_like_legend(text: str) -> bool:
    """A cell that states codes: labelled 班次说明/注/备注…, or holding a code with its hours."""
    if len(text) < 4 or len(text) > 2000:
        return False
    return bool(_LABEL.match(text)) or bool(_HOURS_SEARCH.search(text))


def _entry(part: str) -> LegendEntry | None:
    m = _HOURS_ENTRY.match(part)
    if m:
        code = m.group("code")
        on, off = _hm(m.group(2), m.group(3)), _hm(m.group(4), m.group(5))
        shift = hours(on, off) if on and off else None
        return LegendEntry(code, shift, part)
    m = _MEANING_ENTRY.match(part)
    if m:
        code, text = m.group("code"), m.group("text")
        if _HOURS_SEARCH.search(text) or re.search(r"\d", code):
            return LegendEntry(code, None, part)
        for kind, words in _WORDS:
            if any(w in text for w in words):
                return LegendEntry(code, Shift(kind), part)
        return LegendEntry(code, None, part)
    return None


def read_legend(text: str) -> list[LegendEntry]:
    """The entries a legend cell states; an entry that names a code but cannot be read is kept
    with shift None (named to the user, never guessed)."""
    body = _LABEL.sub("", text, count=1)
    out: list[LegendEntry] = []
    for part in _ENTRY_SPLIT.split(body):
        part = part.strip()
        if not part:
            continue
        entry = _entry(part)
        if entry is None:
            if len(part) <= 20 and _LOOKS_TIMED.match(part):  # "N班 25:00-08:00" and the like
                out.append(LegendEntry(part, None, part))
            continue
        code = entry.code
        if code.endswith("班") and len(code) > 1:
            out.append(LegendEntry(code[:-1], entry.shift, entry.text, entry.used))
        out.append(entry)
    return out


def legend_codes(
    entries: list[LegendEntry], codes: Mapping[str, Shift]
) -> tuple[dict[str, Shift], list[LegendEntry]]:
    """The codes an import uses (the table with the legend's readable entries, the office's own
    codes kept; a code whose entry cannot be read taken out), and the legend entries marked used
    or not."""
    own = own_codes(codes)
    table = dict(codes)
    marked: list[LegendEntry] = []
    seen: set[str] = set()
    for e in entries:
        norm = normalize_code(e.code)
        if norm in seen:
            continue
        seen.add(norm)
        if e.shift is None or not _code_ok(e.code):
            # The sheet says this code means something the app cannot read: its cells are refused
            # (unless the office set the code itself), never read by the defaults.
            if norm not in own:
                table.pop(norm, None)
            marked.append(LegendEntry(e.code, None, e.text, False))
            continue
        if norm in own and codes[norm] != e.shift:
            marked.append(LegendEntry(e.code, e.shift, e.text, False))
            continue
        table[norm] = e.shift
        marked.append(e)
    return table, marked


def legend_groups(entries: list[LegendEntry]) -> list[tuple[str, LegendEntry]]:
    """The legend's entries as said once each: the codes one entry defines joined ("A/A班") with
    the entry (an "A班 08:00-16:00" defines A and A班)."""
    out: dict[tuple[str, bool], tuple[list[str], LegendEntry]] = {}
    for e in entries:
        key = (e.text, e.used)
        if key in out:
            out[key][0].append(e.code)
        else:
            out[key] = ([e.code], e)
    return [("/".join(codes), e) for codes, e in out.values()]
