"""Files the app ships: fonts, translations, the demo recipe."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
FONT_FILE = ROOT / "fonts" / "wqy-microhei.ttc"
TRANSLATIONS = ROOT / "translations"


@cache
def demo_recipe() -> dict[str, Any]:
    with open(ROOT / "demo" / "recipe.json", encoding="utf-8") as f:
        return json.load(f)
