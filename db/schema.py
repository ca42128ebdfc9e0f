"""The database schema as numbered migrations; `PRAGMA user_version` says which have run."""

from __future__ import annotations

# Foreign keys are deferred so that a transaction may write records that refer to each
# other (a branch names its secretary, the secretary names the branch) in any order.
_D = "DEFERRABLE INITIALLY DEFERRED"

MIGRATION_1 = f"""
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE campuses (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    extra TEXT
);
CREATE TABLE departments (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    campus TEXT REFERENCES campuses(id) {_D},
    min_on_duty INTEGER NOT NULL DEFAULT 0 CHECK (min_on_duty >= 0),
    extra TEXT
);
CREATE TABLE branches (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    secretary TEXT REFERENCES staff(id) {_D},
    contact TEXT REFERENCES staff(id) {_D},
    extra TEXT
);
CREATE TABLE branch_departments (
    branch TEXT NOT NULL REFERENCES branches(id) ON DELETE CASCADE {_D},
    department TEXT NOT NULL REFERENCES departments(id) {_D},
    pos INTEGER NOT NULL,
    PRIMARY KEY (branch, department)
);
CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    department TEXT NOT NULL REFERENCES departments(id) {_D},
    branch TEXT REFERENCES branches(id) {_D},
    party_member INTEGER NOT NULL DEFAULT 0,
    title TEXT,
    phone TEXT,
    max_hours_month REAL CHECK (max_hours_month IS NULL OR max_hours_month >= 0),
    active INTEGER NOT NULL DEFAULT 1,
    extra TEXT
);
CREATE TABLE staff_qualifications (
    staff TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE {_D},
    qualification TEXT NOT NULL,
    pos INTEGER NOT NULL,
    PRIMARY KEY (staff, qualification)
);
CREATE TABLE unavailability (
    id INTEGER PRIMARY KEY,
    staff TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE {_D},
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    reason TEXT NOT NULL,
    extra TEXT,
    UNIQUE (staff, start, "end"),
    CHECK ("end" > start)
);
CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    district TEXT,
    address TEXT,
    population INTEGER CHECK (population IS NULL OR population >= 0),
    share_60_plus REAL CHECK (share_60_plus IS NULL OR (share_60_plus >= 0 AND share_60_plus <= 1)),
    contact_name TEXT,
    contact_phone TEXT,
    extra TEXT
);
CREATE TABLE pairings (
    id TEXT PRIMARY KEY,
    branch TEXT NOT NULL REFERENCES branches(id) {_D},
    partner TEXT NOT NULL REFERENCES partners(id) {_D},
    start TEXT,
    "end" TEXT,
    visits_per_year INTEGER NOT NULL DEFAULT 0 CHECK (visits_per_year >= 0),
    extra TEXT
);
CREATE TABLE services (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    duration_minutes INTEGER,
    extra TEXT
);
CREATE TABLE service_needs (
    service TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE {_D},
    pos INTEGER NOT NULL,
    department TEXT REFERENCES departments(id) {_D},
    qualification TEXT,
    count INTEGER NOT NULL CHECK (count >= 1),
    extra TEXT,
    PRIMARY KEY (service, pos)
);
CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    partner TEXT NOT NULL REFERENCES partners(id) {_D},
    service TEXT NOT NULL REFERENCES services(id) {_D},
    received TEXT NOT NULL,
    priority TEXT NOT NULL,
    audience INTEGER,
    status TEXT NOT NULL,
    extra TEXT
);
CREATE TABLE request_slots (
    request TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE {_D},
    pos INTEGER NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    PRIMARY KEY (request, pos)
);
CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    partner TEXT REFERENCES partners(id) {_D},
    venue TEXT,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    rrule TEXT,
    organizer TEXT REFERENCES branches(id) {_D},
    request TEXT REFERENCES requests(id) {_D},
    status TEXT NOT NULL,
    extra TEXT,
    CHECK ("end" > start)
);
CREATE TABLE activity_exdates (
    activity TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE {_D},
    date TEXT NOT NULL,
    PRIMARY KEY (activity, date)
);
CREATE TABLE activity_moves (
    activity TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE {_D},
    from_date TEXT NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    extra TEXT,
    PRIMARY KEY (activity, from_date)
);
CREATE TABLE stations (
    activity TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE {_D},
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,
    name TEXT NOT NULL,
    extra TEXT,
    PRIMARY KEY (activity, id)
);
CREATE TABLE station_needs (
    activity TEXT NOT NULL,
    station TEXT NOT NULL,
    pos INTEGER NOT NULL,
    department TEXT REFERENCES departments(id) {_D},
    qualification TEXT,
    count INTEGER NOT NULL CHECK (count >= 1),
    extra TEXT,
    PRIMARY KEY (activity, station, pos),
    FOREIGN KEY (activity, station) REFERENCES stations(activity, id) ON DELETE CASCADE {_D}
);
CREATE TABLE rotations (
    activity TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE {_D},
    pos INTEGER NOT NULL,
    occurrence TEXT,
    station TEXT,
    department TEXT NOT NULL REFERENCES departments(id) {_D},
    extra TEXT,
    PRIMARY KEY (activity, pos)
);
CREATE TABLE assignments (
    id INTEGER PRIMARY KEY,
    activity TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE {_D},
    occurrence TEXT,
    station TEXT,
    staff TEXT NOT NULL REFERENCES staff(id) {_D},
    role TEXT NOT NULL,
    extra TEXT
);
CREATE UNIQUE INDEX assignments_key
    ON assignments (activity, coalesce(occurrence, ''), coalesce(station, ''), staff);
CREATE TABLE records (
    activity TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE {_D},
    occurrence TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    served INTEGER,
    notes TEXT,
    recorded_at TEXT,
    recorded_by TEXT,
    extra TEXT,
    PRIMARY KEY (activity, occurrence)
);
CREATE TABLE record_services (
    activity TEXT NOT NULL,
    occurrence TEXT NOT NULL,
    pos INTEGER NOT NULL,
    service TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (activity, occurrence, pos),
    FOREIGN KEY (activity, occurrence) REFERENCES records(activity, occurrence)
        ON DELETE CASCADE {_D}
);
CREATE TABLE record_attendance (
    activity TEXT NOT NULL,
    occurrence TEXT NOT NULL,
    pos INTEGER NOT NULL,
    staff TEXT NOT NULL REFERENCES staff(id) {_D},
    hours REAL NOT NULL,
    PRIMARY KEY (activity, occurrence, pos),
    FOREIGN KEY (activity, occurrence) REFERENCES records(activity, occurrence)
        ON DELETE CASCADE {_D}
);
CREATE TABLE calendar (
    date TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT,
    extra TEXT
);
"""

# Indexes on the referring columns: deleting or checking a referenced record without them
# scans whole tables (SQLite does not index foreign keys by itself).
MIGRATION_2 = """
CREATE INDEX departments_campus ON departments (campus);
CREATE INDEX branch_departments_department ON branch_departments (department);
CREATE INDEX branches_secretary ON branches (secretary);
CREATE INDEX branches_contact ON branches (contact);
CREATE INDEX staff_department ON staff (department);
CREATE INDEX staff_branch ON staff (branch);
CREATE INDEX pairings_branch ON pairings (branch);
CREATE INDEX pairings_partner ON pairings (partner);
CREATE INDEX service_needs_department ON service_needs (department);
CREATE INDEX station_needs_department ON station_needs (department);
CREATE INDEX rotations_department ON rotations (department);
CREATE INDEX requests_partner ON requests (partner);
CREATE INDEX requests_service ON requests (service);
CREATE INDEX activities_partner ON activities (partner);
CREATE INDEX activities_organizer ON activities (organizer);
CREATE INDEX activities_request ON activities (request);
CREATE INDEX assignments_staff ON assignments (staff);
CREATE INDEX record_attendance_staff ON record_attendance (staff);
"""

# A series' holiday policy: keep, skip, or move to the next working day.
MIGRATION_3 = """
ALTER TABLE activities ADD COLUMN holiday_policy TEXT NOT NULL DEFAULT 'keep'
    CHECK (holiday_policy IN ('keep', 'skip', 'next_working_day'));
"""

# Warnings a planner has looked at and accepted, with the reason (so they stop nagging).
MIGRATION_4 = """
CREATE TABLE acknowledgements (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    by TEXT,
    at TEXT NOT NULL
);
"""

# The volunteer time bank: an append-only ledger of hours per person and occurrence; a changed
# record adds correction entries, nothing is ever updated or deleted (triggers refuse it).
MIGRATION_5 = """
CREATE TABLE time_bank (
    id INTEGER PRIMARY KEY,
    staff TEXT NOT NULL,
    activity TEXT NOT NULL,
    occurrence TEXT NOT NULL,
    hours REAL NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('credit', 'correction')),
    by TEXT
);
CREATE INDEX time_bank_staff ON time_bank (staff);
CREATE INDEX time_bank_occurrence ON time_bank (activity, occurrence);
CREATE TRIGGER time_bank_no_update BEFORE UPDATE ON time_bank
    BEGIN SELECT RAISE(ABORT, 'the time bank is append-only'); END;
CREATE TRIGGER time_bank_no_delete BEFORE DELETE ON time_bank
    BEGIN SELECT RAISE(ABORT, 'the time bank is append-only'); END;
"""

# Field packages brought back: which were imported (so a second import changes nothing), and
# records changed both in the office and in the field, kept until someone chooses.
MIGRATION_6 = """
CREATE TABLE field_imports (
    package TEXT NOT NULL,
    checksum TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (package, checksum)
);
CREATE TABLE field_conflicts (
    id INTEGER PRIMARY KEY,
    package TEXT NOT NULL,
    activity TEXT NOT NULL,
    occurrence TEXT NOT NULL,
    field TEXT NOT NULL,
    at TEXT NOT NULL
);
"""

# The audit history: every change through the operations, old and new values (plan-file JSON),
# when and by whom; append-only like the time bank.
MIGRATION_7 = """
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    by TEXT,
    section TEXT NOT NULL,
    key TEXT NOT NULL,
    old TEXT,
    new TEXT
);
CREATE INDEX audit_record ON audit (section, key);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END;
"""

# The staff member's number on the national volunteer service platform (志愿者编号), and a
# revision counter every write through the write core raises: a long job (the solver) that read
# revision N saves only while the database is still at N.
MIGRATION_8 = """
ALTER TABLE staff ADD COLUMN volunteer_no TEXT;
CREATE TABLE revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n INTEGER NOT NULL
);
INSERT INTO revision (id, n) VALUES (1, 0);
"""

# The WeChat group (微信群) the office posts its notices in for a partner.
MIGRATION_9 = """
ALTER TABLE partners ADD COLUMN wechat_group TEXT;
"""

MIGRATIONS: tuple[str, ...] = (
    MIGRATION_1,
    MIGRATION_2,
    MIGRATION_3,
    MIGRATION_4,
    MIGRATION_5,
    MIGRATION_6,
    MIGRATION_7,
    MIGRATION_8,
    MIGRATION_9,
)
SCHEMA_VERSION = len(MIGRATIONS)
