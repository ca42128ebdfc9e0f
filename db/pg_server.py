"""The office server's roles and logins: three group roles, enforced by the database itself
(GRANTs and row-level security), never only by hidden buttons.

- planner: reads and writes everything (the time bank and the audit only grow).
- recorder: reads the plan; records what was done (records, their services and attended people,
  the time bank, and a request marked done by a record) only for occurrences organized by their
  own branches (`login_branches`).
- viewer: reads.
The field-package secret is readable by planners only; the time bank and the audit are
append-only for every role (no UPDATE, DELETE or TRUNCATE granted, and triggers refuse them) and
name the database login (`current_user`) as who made each entry."""

from __future__ import annotations

import re
from collections.abc import Iterable

from db.pg import ROLES, ServerRefused, psycopg_driver, translated
from db.store import Store, StoreError
from scheduler.plan.wording import N_

# Tables a recorder writes, each with the condition a row must meet (its activity organized by
# one of the login's branches).
_OWN = "outreach_own_activity(activity)"
RECORDER_TABLES = {
    "records": _OWN,
    "record_services": _OWN,
    "record_attendance": _OWN,
    "requests": "outreach_own_request(id)",
    "request_slots": "outreach_own_request(request)",
}
APPEND_ONLY = ("audit", "time_bank")
# A login name: letters of any script (王芳 is a name), digits, _ . - @; up to 63 bytes, the
# server's limit. It reaches SQL only as an identifier (psycopg.sql.Identifier), never pasted.
NAME = re.compile(r"[^\W\d][\w.\-@]*")
NAME_BYTES = 63

_FUNCTIONS = [
    """CREATE TABLE IF NOT EXISTS login_branches (
    login TEXT COLLATE "C" NOT NULL,
    branch TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (login, branch))""",
    # The policies' conditions. Every name is the schema's, and the search path is fixed: a login
    # may make temporary tables, which would otherwise be found first (a temporary login_branches
    # naming another branch would let a recorder record for it).
    """CREATE OR REPLACE FUNCTION outreach_own_activity(a text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM public.activities x JOIN public.login_branches b ON b.branch = x.organizer
                 WHERE x.id = a AND b.login = current_user) $$""",
    """CREATE OR REPLACE FUNCTION outreach_own_request(r text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM public.activities x JOIN public.login_branches b ON b.branch = x.organizer
                 WHERE x.request = r AND b.login = current_user) $$""",
    # The revision only rises, one step per change (a recorder may raise it, not set it).
    """CREATE OR REPLACE FUNCTION outreach_revision_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.n IS DISTINCT FROM OLD.n + 1 OR NEW.id IS DISTINCT FROM OLD.id THEN
    RAISE EXCEPTION 'the revision only rises, one step per change';
  END IF;
  RETURN NEW;
END $$""",
    # A recorder's record marks the request it answers done (the write core writes the whole
    # row): of a request a recorder changes its status only, never the partner's wishes.
    """CREATE OR REPLACE FUNCTION outreach_recorder_request() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF pg_has_role(current_user, 'recorder', 'USAGE') AND NOT pg_has_role(current_user, 'planner', 'USAGE')
     AND (to_jsonb(NEW) - 'status') IS DISTINCT FROM (to_jsonb(OLD) - 'status') THEN
    RAISE EXCEPTION 'a recorder changes only whether a request is done';
  END IF;
  RETURN NEW;
END $$""",
    # The write core writes a request's wanted dates as delete and insert: for a recorder the
    # delete is skipped and an insert of the very row kept is skipped too (the dates stay as they
    # were); any other change of them is refused.
    """CREATE OR REPLACE FUNCTION outreach_recorder_slots() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT pg_has_role(current_user, 'recorder', 'USAGE') OR pg_has_role(current_user, 'planner', 'USAGE') THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' AND EXISTS (SELECT 1 FROM public.request_slots s WHERE s.request = NEW.request
      AND s.pos = NEW.pos AND s.start = NEW.start AND s."end" = NEW."end") THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'a recorder changes only whether a request is done';
END $$""",
    # Who made an entry of the time bank or the audit is the login, whatever the client says:
    # the session's (a SET ROLE to the group, planner or recorder, does not hide who it was).
    """CREATE OR REPLACE FUNCTION outreach_login() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.by := session_user; RETURN NEW; END $$""",
]


def _role_sql() -> list[str]:
    out = []
    for role in ROLES:
        out.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') "
            f"THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"
        )
    return out


def grants(tables: Iterable[str]) -> list[str]:
    """The GRANTs and policies of the three roles on the tables (run again after an upgrade)."""
    everyone = ", ".join(ROLES)
    out = [
        # Only the administrator makes things in the schema (PostgreSQL before 15 let every login
        # create tables and functions there: a name or a function made by a recorder would then
        # run as the administrator at the next `server init`, or shadow a built-in function).
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"REVOKE CREATE ON SCHEMA public FROM {everyone}",
        f"GRANT USAGE ON SCHEMA public TO {everyone}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {everyone}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}",
        "GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO planner",
        "REVOKE INSERT, UPDATE, DELETE ON schema_version, login_branches FROM planner",
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO planner, recorder",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(RECORDER_TABLES)} TO recorder",
    ]
    tables = list(tables)
    out += [f"GRANT INSERT ON {t} TO recorder" for t in APPEND_ONLY if t in tables]
    if "revision" in tables:
        out.append("GRANT UPDATE ON revision TO recorder")
    out += [f"REVOKE UPDATE, DELETE ON {t} FROM planner" for t in APPEND_ONLY if t in tables]
    for table in tables:
        out.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        out.extend(
            f"DROP POLICY IF EXISTS {p} ON {table}"
            for p in ("everyone_reads", "planner_writes", "recorder_writes", "recorder_adds", "planner_adds")
        )
        if table == "settings":
            out.append(f"CREATE POLICY everyone_reads ON {table} FOR SELECT USING (key <> 'field_secret')")
        else:
            out.append(f"CREATE POLICY everyone_reads ON {table} FOR SELECT USING (true)")
        if table in APPEND_ONLY:
            out.append(f"CREATE POLICY planner_adds ON {table} FOR INSERT TO planner WITH CHECK (true)")
            check = _OWN if table == "time_bank" else "true"
            out.append(f"CREATE POLICY recorder_adds ON {table} FOR INSERT TO recorder WITH CHECK ({check})")
            out.append(f"DROP TRIGGER IF EXISTS {table}_login ON {table}")
            out.append(
                f"CREATE TRIGGER {table}_login BEFORE INSERT ON {table} FOR EACH ROW "
                "EXECUTE FUNCTION outreach_login()"
            )
            out.append(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
            out.append(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION outreach_refuse('the {table.replace('_', ' ')} is append-only')"
            )
            continue
        out.append(
            f"CREATE POLICY planner_writes ON {table} FOR ALL TO planner USING (true) WITH CHECK (true)"
        )
        if table == "requests":
            out.append("DROP TRIGGER IF EXISTS requests_recorder ON requests")
            out.append(
                "CREATE TRIGGER requests_recorder BEFORE UPDATE ON requests FOR EACH ROW "
                "EXECUTE FUNCTION outreach_recorder_request()"
            )
        if table == "request_slots":
            out.append("DROP TRIGGER IF EXISTS request_slots_recorder ON request_slots")
            out.append(
                "CREATE TRIGGER request_slots_recorder BEFORE INSERT OR UPDATE OR DELETE ON request_slots "
                "FOR EACH ROW EXECUTE FUNCTION outreach_recorder_slots()"
            )
        if table in RECORDER_TABLES:
            cond = RECORDER_TABLES[table]
            out.append(
                f"CREATE POLICY recorder_writes ON {table} FOR ALL TO recorder USING ({cond}) WITH CHECK ({cond})"
            )
        elif table == "revision":
            out.append(f"CREATE POLICY recorder_writes ON {table} FOR UPDATE TO recorder USING (true)")
            out.append("DROP TRIGGER IF EXISTS revision_step ON revision")
            out.append(
                "CREATE TRIGGER revision_step BEFORE UPDATE ON revision FOR EACH ROW "
                "EXECUTE FUNCTION outreach_revision_step()"
            )
    return out


# A write holds the revision row's lock, so every other computer's write waits for it: one left
# open (a computer that hung, slept or lost its network mid-write) is ended by the server after
# five idle minutes instead of stopping the office's writes until someone notices.
IDLE_WRITE_LIMIT = (
    "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', "
    "current_database(), '5min'); END $$"
)


def _tables(store: Store) -> list[str]:
    """The schema's tables, those with a plain name only (each is written into the grants' SQL)."""
    return [
        str(r[0])
        for r in store.conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "AND table_type = 'BASE TABLE' AND table_name NOT IN ('schema_version', 'login_branches') "
            "ORDER BY table_name"
        ).fetchall()
        if re.fullmatch(r"[a-z_][a-z0-9_]*", str(r[0]))
    ]


def init_server(store: Store) -> list[str]:
    """Make (or bring up to date) the schema, the roles and their rights: idempotent."""
    if store.engine != "postgresql":  # the office server's store (db/pg_store.py)
        raise StoreError(N_("server init needs --db postgresql://… (an office server), not a file"))
    try:
        with store.atomic(lock=False):  # type: ignore[call-arg]  # a PgStore (the engine checked above)
            for statement in _role_sql() + _FUNCTIONS:
                store.conn.execute(statement)
            tables = _tables(store)
            for statement in grants(tables):
                store.conn.execute(statement)
            store.conn.execute(IDLE_WRITE_LIMIT)
    except ServerRefused as exc:
        raise StoreError(
            N_("server init needs the server's administrator (a login that may create roles): %1"),
            exc.values[-1],
        ) from exc
    return tables


def add_login(store: Store, name: str, role: str, branches: Iterable[str], password: str | None) -> None:
    """A login in one of the roles; a recorder's branches (ids of the plan) say what it records."""
    psycopg = psycopg_driver()
    from psycopg import sql

    if store.engine != "postgresql":  # the office server's store (db/pg_store.py)
        raise StoreError(N_("server user add needs --db postgresql://… (an office server), not a file"))
    if role not in ROLES:
        raise StoreError(N_("unknown role %1 (planner, recorder or viewer)"), role)
    if not NAME.fullmatch(name) or len(name.encode("utf-8")) > NAME_BYTES:
        raise StoreError(
            N_("%1 cannot be a login name (letters, digits, _ . - @; up to 63 bytes, 21 Chinese characters)"),
            "".join(c if c.isprintable() else ascii(c)[1:-1] for c in name[:80]),
        )
    if name.lower() in (*ROLES, "public") or name.lower().startswith("pg_"):
        raise StoreError(N_("%1 is the name of one of the server's roles, not of a login"), name)
    branches = list(dict.fromkeys(branches))
    if role == "recorder" and not branches:
        raise StoreError(N_("a recorder records for their branches: name at least one with --branch ID"))
    known = {str(r[0]) for r in store.conn.execute("SELECT id FROM branches").fetchall()}
    unknown = [b for b in branches if b not in known]
    if unknown:
        raise StoreError(N_("no such branch in the plan: %1"), ", ".join(unknown))
    raw = store.conn.raw  # type: ignore[attr-defined]
    try:
        with store.atomic(lock=False):  # type: ignore[call-arg]  # a PgStore (the engine checked above)
            exists = store.conn.execute(
                "SELECT rolsuper OR rolcreaterole OR rolbypassrls FROM pg_roles WHERE rolname = ?", (name,)
            ).fetchone()
            if exists and exists[0]:
                raise StoreError(
                    N_(
                        "%1 is an administrator of the server (it may do anything): not made a login of a role"
                    ),
                    name,
                )
            verb = "ALTER" if exists else "CREATE"
            statement = sql.SQL(verb + " ROLE {} LOGIN").format(sql.Identifier(name))
            if password:
                # Only its SCRAM verifier leaves this computer: the password never reaches the
                # server's statement log.
                verifier = raw.pgconn.encrypt_password(
                    password.encode("utf-8"), name.encode("utf-8"), b"scram-sha-256"
                )
                statement = statement + sql.SQL(" PASSWORD {}").format(sql.Literal(verifier.decode("ascii")))
            raw.execute(statement)
            for other in ROLES:
                if other != role:
                    raw.execute(
                        sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), sql.Identifier(name))
                    )
            raw.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(role), sql.Identifier(name)))
            store.conn.execute("DELETE FROM login_branches WHERE login = ?", (name,))
            for b in branches:
                store.conn.execute("INSERT INTO login_branches (login, branch) VALUES (?, ?)", (name, b))
    except psycopg.Error as exc:
        found = translated(exc)
        if isinstance(found, ServerRefused):
            raise StoreError(
                N_("adding a login needs the server's administrator (a login that may create roles): %1"),
                found.values[-1],
            ) from exc
        raise found from exc
