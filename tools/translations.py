"""Keeps the Chinese translation complete: collects every tr("..."), trf("...") and N_("...") string of ui/,
merges them into resources/translations/outreach_zh_CN.ts (Qt Linguist's format, edit it there
or here) and compiles the .qm the app loads.

    python tools/translations.py            update the .ts and compile the .qm
    python tools/translations.py --check    exit 1 when a string has no translation
    python tools/translations.py --fill F   take translations from a JSON {source: text} file
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "outreach_zh_CN.ts"
QM = TS.with_suffix(".qm")
CONTEXT = "app"
MARKERS = {"tr", "trf", "N_", "t", "tf"}  # t: the translator handed to reports


FOLDERS = ("ui", "reports", "scheduler", "db", "cli")


def collect() -> dict[str, list[str]]:
    """Every marked string of ui/ and reports/, with where it is used (file:line)."""
    found: dict[str, list[str]] = {}
    for path in sorted(p for f in FOLDERS for p in (ROOT / f).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                found.setdefault(node.args[0].value, []).append(where)
    return found


def read_ts(path: Path = TS) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        t = message.find("translation")
        if t is not None and t.get("type") not in ("unfinished", "obsolete", "vanished") and t.text:
            out[source] = t.text
    return out


def write_ts(strings: dict[str, list[str]], translations: dict[str, str], path: Path = TS) -> None:
    root = ET.Element("TS", version="2.1", language="zh_CN")
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    for source in sorted(strings):
        m = ET.SubElement(ctx, "message")
        for where in strings[source][:1]:
            file, line = where.rsplit(":", 1)
            ET.SubElement(m, "location", filename=f"../../{file}", line=line)
        ET.SubElement(m, "source").text = source
        t = ET.SubElement(m, "translation")
        if source in translations:
            t.text = translations[source]
        else:
            t.set("type", "unfinished")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def lrelease() -> None:
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    subprocess.run([exe, "-silent", str(TS), "-qm", str(QM)], check=True)


def missing() -> list[str]:
    have = read_ts()
    return [s for s in sorted(collect()) if s not in have]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        gaps = missing()
        for s in gaps:
            print(f"no translation: {s!r}")
        return 1 if gaps else 0
    translations = read_ts()
    if "--fill" in argv:
        extra = json.loads(Path(argv[argv.index("--fill") + 1]).read_text(encoding="utf-8"))
        translations.update({k: v for k, v in extra.items() if v})
    strings = collect()
    write_ts(strings, translations)
    lrelease()
    gaps = missing()
    print(f"{len(strings)} strings, {len(gaps)} without translation")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
