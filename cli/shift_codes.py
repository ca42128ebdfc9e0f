"""`shift-codes list|set|remove`: what the codes of the departments' duty rosters mean, kept with
the hospital (so the plan file carries them), edited through the one write core as Settings ▸
Shift codes does."""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

from cli.common import EXIT_OK, Command, CommandError, open_store
from cli.lang import LANGUAGES, t, terminal, tf
from db.operations import save_shift_codes, shift_codes
from scheduler.exchange.duty.codes import MEANINGS, default_reason, normalize_code, shift_of


def _clock(text: str) -> str:
    """HH:MM from "8:00", "08:00", "24:00" (midnight: 00:00); refused otherwise."""
    m = re.fullmatch(r"\s*(\d{1,2})[:：](\d{2})\s*", text)
    if (
        m is None
        or int(m.group(1)) > 24
        or int(m.group(2)) > 59
        or (int(m.group(1)) == 24 and m.group(2) != "00")
    ):
        raise argparse.ArgumentTypeError(f"not a time of day (HH:MM): {text!r}")
    h = int(m.group(1)) % 24
    return f"{h:02d}:{m.group(2)}"


def _said(value: Any) -> str:
    shift = shift_of(value)
    if shift is None:
        return "?"
    if not shift.timed:
        return {
            "day": t("day: on duty in clinical hours"),
            "night": t("night: on duty overnight, resting the next day"),
            "free": t("free"),
            "leave": t("leave: away all day"),
        }[shift.kind]
    off = "24:00" if shift.off == "00:00" else shift.off
    text = tf("on duty %1–%2", shift.on, off) if shift.kind != "leave" else tf("away %1–%2", shift.on, off)
    if shift.overnight and shift.off != "00:00":
        text += " " + t("(ends the next day)")
    if shift.rest_until:
        text += ", " + tf("then rest until %1", shift.rest_until)
    return text


def _find(codes: dict[str, Any], code: str) -> str | None:
    norm = normalize_code(code)
    return next((k for k in codes if normalize_code(k) == norm), None)


def cmd_shift_codes(args: argparse.Namespace) -> int:
    with open_store(args, write=args.action != "list") as store:
        codes = shift_codes(store)
        if args.action == "list":
            rows = []
            for code, value in codes.items():
                why = default_reason(code)
                default = why is not None and shift_of(value) == shift_of(_default_value(code))
                rows.append(
                    {
                        "code": code,
                        "means": value,
                        "default": default,
                        "why": t(why) if default and why else "",
                    }
                )
            if args.json:
                print(json.dumps(rows, ensure_ascii=False, indent=1))
            else:
                for r in rows:
                    line = f"{r['code']}\t{_said(r['means'])}"
                    if r["why"]:
                        line += f"\t({t('default')}: {r['why']})"
                    print(terminal(line))
            return EXIT_OK
        if args.action == "remove":
            found = _find(codes, args.code)
            if found is None:
                raise CommandError(
                    tf("there is no shift code %1 (the codes: %2)", args.code, ", ".join(codes))
                )
            codes = {k: v for k, v in codes.items() if k != found}
            save_shift_codes(store, codes)
            print(terminal(tf("shift code %1 removed", found)))
            return EXIT_OK
        value: Any
        if args.on is not None or args.off is not None:
            if args.meaning is not None:
                raise CommandError(
                    t("give either a meaning (day, night, free, leave) or --on and --off, not both")
                )
            if args.on is None or args.off is None:
                raise CommandError(t("a shift with its own hours needs both --on and --off"))
            value = {"on": args.on, "off": args.off}
            if args.rest_until:
                value["rest_until"] = args.rest_until
            if args.leave:
                value["kind"] = "leave"
        else:
            if args.meaning not in MEANINGS:
                raise CommandError(
                    tf(
                        "say what %1 means: one of %2, or its hours with --on HH:MM --off HH:MM",
                        args.code,
                        ", ".join(MEANINGS),
                    )
                )
            if args.rest_until or args.leave:
                raise CommandError(t("--rest-until and --leave go with --on and --off"))
            value = args.meaning
        found = _find(codes, args.code)
        codes[found if found is not None else args.code.strip()] = value  # the spelling held kept
        save_shift_codes(store, codes)
        print(terminal(tf("shift code %1: %2", args.code.strip(), _said(value))))
    return EXIT_OK


def _default_value(code: str) -> Any:
    from scheduler.exchange.duty.codes import DEFAULT_SHIFT_CODES

    return next(
        (v for k, v in DEFAULT_SHIFT_CODES.items() if normalize_code(k) == normalize_code(code)), None
    )


def add_parser(command: Command) -> None:
    """`shift-codes list [--json] | set CODE MEANING | set CODE --on HH:MM --off HH:MM
    [--rest-until HH:MM] [--leave] | remove CODE`."""
    p = command(
        "shift-codes",
        cmd_shift_codes,
        "What the codes of the departments' duty rosters mean (as Settings ▸ Shift codes): list them, "
        "set one (a meaning: day, night, free, leave; or its own hours), or remove one.",
    )
    actions = p.add_subparsers(
        dest="action", required=True, metavar="list|set|remove", help="list the codes, set one, or remove one"
    )

    def action(name: str, help_: str) -> argparse.ArgumentParser:
        a = actions.add_parser(name, help=help_, description=help_)
        a.add_argument("--db", default=argparse.SUPPRESS, help="database file")
        a.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language of messages")
        return a

    a = action("list", "List the shift codes and what each means (the defaults with why).")
    a.add_argument("--json", action="store_true", help="print them as JSON")
    a = action(
        "set",
        "Set what a code means: day, night, free or leave, or a shift with its own hours (--on, --off: "
        "an --off not after --on ends the next day; 24:00 is midnight).",
    )
    a.add_argument("code", help="the code as the rosters write it (A, N, 小夜, 年 …)")
    a.add_argument("meaning", nargs="?", help="day, night, free or leave (or give --on and --off)")
    a.add_argument("--on", type=_clock, help="the shift starts, HH:MM")
    a.add_argument("--off", type=_clock, help="the shift ends, HH:MM")
    a.add_argument(
        "--rest-until", type=_clock, help="rest after the shift until this time of the day it ends"
    )
    a.add_argument("--leave", action="store_true", help="the code is an absence at those hours, not duty")
    a = action("remove", "Remove a shift code (a roster's cell with it is then refused).")
    a.add_argument("code", help="the code to remove")
