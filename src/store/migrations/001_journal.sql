-- mentee journal, schema version 1: every record kind of PRODUCT.md.
-- Append-only history: never edit a released migration; add a new file instead.
-- Conventions: integer row id, a stable uuid, created_at/updated_at as UTC RFC 3339 text,
-- calendar dates as 'YYYY-MM-DD', meeting times as local 'YYYY-MM-DD HH:MM', text NOT NULL ''.

CREATE TABLE mentors (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    private        INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    name           TEXT NOT NULL,
    contact        TEXT NOT NULL DEFAULT '',
    expertise      TEXT NOT NULL DEFAULT '',
    why_them       TEXT NOT NULL DEFAULT '',
    research_notes TEXT NOT NULL DEFAULT '',
    pitch_draft    TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'candidate'
                   CHECK (status IN ('candidate', 'approached', 'active', 'paused', 'ended')),
    status_since   TEXT,
    goals_covered  TEXT NOT NULL DEFAULT '',
    cadence_days   INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    expected_end   TEXT,
    channel        TEXT NOT NULL DEFAULT '',
    review_on      TEXT,
    closing_notes  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentors_by_status ON mentors (status, name COLLATE NOCASE);
CREATE INDEX mentors_by_name ON mentors (name COLLATE NOCASE);

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    mentor_id   INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    channel     TEXT NOT NULL DEFAULT '',
    initiative  TEXT NOT NULL CHECK (initiative IN ('me', 'mentor')),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_by_mentor ON contacts (mentor_id, on_date);
CREATE INDEX contacts_by_date ON contacts (on_date);

CREATE TABLE health_checks (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    mentor_id   INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    -- JSON array of {"question": code, "rating": 1..5}
    ratings     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(ratings)),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX health_checks_by_mentor ON health_checks (mentor_id, on_date);
CREATE INDEX health_checks_by_date ON health_checks (on_date);

CREATE TABLE goals (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    title       TEXT NOT NULL,
    specific    TEXT NOT NULL DEFAULT '',
    metric      TEXT NOT NULL DEFAULT '',
    baseline    REAL,
    target      REAL,
    unit        TEXT NOT NULL DEFAULT '',
    achievable  TEXT NOT NULL DEFAULT '',
    relevant    TEXT NOT NULL DEFAULT '',
    due_on      TEXT,
    area        TEXT NOT NULL DEFAULT 'skills'
                CHECK (area IN ('skills', 'network', 'confidence', 'decisions', 'career',
                                'job-satisfaction', 'leadership')),
    status      TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'achieved', 'paused', 'dropped')),
    mentor_id   INTEGER REFERENCES mentors (id) ON DELETE SET NULL
);
CREATE INDEX goals_by_status ON goals (status, due_on);
CREATE INDEX goals_by_mentor ON goals (mentor_id, status);
CREATE INDEX goals_by_area ON goals (area, status);

CREATE TABLE goal_progress (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    value       REAL NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX goal_progress_by_goal ON goal_progress (goal_id, on_date);
CREATE INDEX goal_progress_by_date ON goal_progress (on_date);

CREATE TABLE reflections (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    private      INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    period       TEXT NOT NULL CHECK (period IN ('week', 'month', 'quarter')),
    period_start TEXT NOT NULL,
    template     TEXT NOT NULL,
    -- JSON array of {"prompt": code, "answer": text}
    answers      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(answers))
);
CREATE INDEX reflections_by_period ON reflections (period_start, period);

CREATE TABLE goal_revisions (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    private       INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    goal_id       INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    on_date       TEXT NOT NULL,
    field         TEXT NOT NULL CHECK (field IN ('target', 'due', 'status')),
    old_value     TEXT NOT NULL DEFAULT '',
    new_value     TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    reflection_id INTEGER REFERENCES reflections (id) ON DELETE SET NULL
);
CREATE INDEX goal_revisions_by_goal ON goal_revisions (goal_id, on_date);
CREATE INDEX goal_revisions_by_reflection ON goal_revisions (reflection_id);

CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    private      INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    mentor_id    INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    starts_at    TEXT NOT NULL,
    minutes      INTEGER NOT NULL DEFAULT 30 CHECK (minutes > 0),
    status       TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
    channel      TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    agenda_ready INTEGER NOT NULL DEFAULT 0 CHECK (agenda_ready IN (0, 1))
);
CREATE INDEX meetings_by_start ON meetings (starts_at);
CREATE INDEX meetings_by_mentor ON meetings (mentor_id, starts_at);
CREATE INDEX meetings_by_status ON meetings (status, starts_at);

CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    mentor_id   INTEGER REFERENCES mentors (id) ON DELETE SET NULL,
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    received_on TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('praise', 'suggestion', 'critique')),
    text        TEXT NOT NULL,
    reaction    TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'trying', 'done', 'parked')),
    goal_id     INTEGER REFERENCES goals (id) ON DELETE SET NULL
);
CREATE INDEX feedback_by_date ON feedback (received_on);
CREATE INDEX feedback_by_status ON feedback (status, received_on);
CREATE INDEX feedback_by_mentor ON feedback (mentor_id, received_on);
CREATE INDEX feedback_by_meeting ON feedback (meeting_id);
CREATE INDEX feedback_by_goal ON feedback (goal_id);

CREATE TABLE commitments (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    owner       TEXT NOT NULL CHECK (owner IN ('me', 'mentor')),
    text        TEXT NOT NULL,
    due_on      TEXT,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    done_on     TEXT,
    result      TEXT NOT NULL DEFAULT '',
    mentor_id   INTEGER REFERENCES mentors (id) ON DELETE SET NULL,
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    feedback_id INTEGER REFERENCES feedback (id) ON DELETE SET NULL,
    reported_on TEXT,
    created_on  TEXT NOT NULL
);
CREATE INDEX commitments_by_status ON commitments (status, due_on);
CREATE INDEX commitments_by_owner ON commitments (owner, status, due_on);
CREATE INDEX commitments_by_due ON commitments (due_on);
CREATE INDEX commitments_by_mentor ON commitments (mentor_id, status, due_on);
CREATE INDEX commitments_by_meeting ON commitments (meeting_id);
CREATE INDEX commitments_by_feedback ON commitments (feedback_id);
CREATE INDEX commitments_by_created ON commitments (created_on);

CREATE TABLE agenda_items (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    private       INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    meeting_id    INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL DEFAULT 'topic' CHECK (kind IN ('topic', 'question', 'update', 'ask')),
    text          TEXT NOT NULL,
    outcome       TEXT NOT NULL DEFAULT '',
    minutes       INTEGER CHECK (minutes IS NULL OR minutes >= 0),
    position      INTEGER NOT NULL DEFAULT 0,
    discussed     INTEGER NOT NULL DEFAULT 0 CHECK (discussed IN (0, 1)),
    note          TEXT NOT NULL DEFAULT '',
    goal_id       INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    commitment_id INTEGER REFERENCES commitments (id) ON DELETE SET NULL,
    feedback_id   INTEGER REFERENCES feedback (id) ON DELETE SET NULL,
    carried_from  INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    source        TEXT
);
CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_by_carried ON agenda_items (carried_from);
CREATE INDEX agenda_items_by_goal ON agenda_items (goal_id);
CREATE INDEX agenda_items_by_commitment ON agenda_items (commitment_id);
CREATE INDEX agenda_items_by_feedback ON agenda_items (feedback_id);

CREATE TABLE questions (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    private        INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    text           TEXT NOT NULL,
    mentor_id      INTEGER REFERENCES mentors (id) ON DELETE SET NULL,
    agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL
);
CREATE INDEX questions_open ON questions (agenda_item_id, created_at);

CREATE TABLE gratitude (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    private       INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    mentor_id     INTEGER REFERENCES mentors (id) ON DELETE SET NULL,
    meeting_id    INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    commitment_id INTEGER REFERENCES commitments (id) ON DELETE SET NULL,
    on_date       TEXT NOT NULL,
    what_for      TEXT NOT NULL,
    sent          INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1)),
    channel       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX gratitude_by_date ON gratitude (on_date);
CREATE INDEX gratitude_by_mentor ON gratitude (mentor_id, on_date);
CREATE INDEX gratitude_by_meeting ON gratitude (meeting_id);
CREATE INDEX gratitude_by_commitment ON gratitude (commitment_id);
CREATE INDEX gratitude_by_sent ON gratitude (sent, on_date);

-- Unsaved form text, one row per open form, so a crash loses nothing typed.
CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    form_key    TEXT NOT NULL UNIQUE,
    payload     TEXT NOT NULL CHECK (json_valid(payload))
);
