"""`server init` and `server user add`: the office server's schema, roles and logins
(with --db postgresql://…; see docs/server.md)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from cli.common import EXIT_OK, Command, CommandError, say_line
from cli.lang import LANGUAGES, t, tf
from db.pg import ROLES, is_server_url
from db.pg_server import add_login, init_server
from db.store import Store

PASSWORD_VARIABLE = "OUTREACH_NEW_PASSWORD"


def _server(args: argparse.Namespace) -> Store:
    db = getattr(args, "db", None)
    if not db or not is_server_url(db):
        raise CommandError(
            t("server commands need --db postgresql://user@host:port/dbname (the office server)")
        )
    return Store(db)  # made or upgraded here: the administrator runs these


def _password(name: str, none: bool) -> str | None:
    """The new login's password: from OUTREACH_NEW_PASSWORD, else asked twice on a terminal.
    None only when asked for (--no-password: the server's own authentication decides, e.g. peer
    or certificates); a login is never left without a password by accident."""
    if none:
        return None
    value = os.environ.get(PASSWORD_VARIABLE)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CommandError(
            tf(
                "no password for %1: set %2 or run this on a terminal (or give --no-password when the "
                "server authenticates logins otherwise); nothing was changed",
                name,
                PASSWORD_VARIABLE,
            )
        )
    first = getpass.getpass(tf("password for %1: ", name))
    if first != getpass.getpass(t("again: ")):
        raise CommandError(t("the two passwords differ; nothing was changed"))
    if not first:
        raise CommandError(
            t("an empty password; nothing was changed (--no-password makes a login without one)")
        )
    return first


def cmd_server(args: argparse.Namespace) -> int:
    if args.action == "init":
        with _server(args) as store:
            tables = init_server(store)
        say_line(
            tf(
                "the office server %1 is ready: schema %2, %3 tables, roles %4",
                store.path,
                store.version,
                len(tables),
                ", ".join(ROLES),
            )
        )
        return EXIT_OK
    password = _password(args.name, args.no_password)
    with _server(args) as store:
        add_login(store, args.name, args.role, args.branch or [], password)
    where = tf(" (branches: %1)", ", ".join(args.branch)) if args.branch else ""
    say_line(tf("login %1 is a %2 of %3%4", args.name, args.role, store.path, where))
    return EXIT_OK


def add_parser(command: Command) -> None:
    p = command("server", cmd_server, "The office server (PostgreSQL): its schema, roles and logins.")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p), help="init | user add")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="postgresql://user@host:port/dbname")
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language of messages")
    actions.add_parser(
        "init",
        parents=[common],
        help="create or upgrade the schema and the roles planner, recorder, viewer",
        description="Create or upgrade the office server's schema and its roles planner, recorder and "
        "viewer, with their rights (run by the server's administrator; again after an upgrade).",
    )
    user = actions.add_parser(
        "user", parents=[common], help="logins", description="The office server's logins and their roles."
    )
    user_actions = user.add_subparsers(dest="user_action", required=True, parser_class=type(p), help="add")
    add = user_actions.add_parser(
        "add",
        parents=[common],
        help=f"add a login (password from {PASSWORD_VARIABLE} or asked)",
        description="Add a login (or change its role): planner, recorder (with --branch, the branches it "
        f"records for) or viewer. Its password comes from {PASSWORD_VARIABLE}, else it is asked.",
    )
    add.add_argument("name", help="the login name (letters, digits, _ . - @)")
    add.add_argument("--role", required=True, choices=ROLES, help="what the login may do")
    add.add_argument("--branch", action="append", help="a branch id the recorder records for (repeat)")
    add.add_argument(
        "--no-password",
        action="store_true",
        help="no password (the server authenticates the login otherwise: peer, certificates)",
    )
