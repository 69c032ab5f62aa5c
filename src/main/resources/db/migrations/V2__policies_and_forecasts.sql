-- Version 2: policies, the runs of active deployments, and their forecasts.

-- A Model Fit Policy (kind MODEL_FIT: when to refit, on which window) or a Time Series Run Policy
-- (kind TS_RUN: when to forecast, for which horizon), both attached to a model.
CREATE TABLE policy (
    id           TEXT PRIMARY KEY,
    project_id   TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('MODEL_FIT', 'TS_RUN')),
    model_id     TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
    schedule     TEXT NOT NULL,
    start_timing TEXT NOT NULL,
    end_timing   TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX policy_project ON policy(project_id);

-- One run of a policy of an active deployment at a scheduled time; the unique key makes a run
-- happen once, however many processes look for due work.
CREATE TABLE policy_run (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    deployment_id  TEXT NOT NULL REFERENCES deployment(id) ON DELETE CASCADE,
    policy_id      TEXT NOT NULL REFERENCES policy(id) ON DELETE CASCADE,
    scheduled_time INTEGER NOT NULL,
    state          TEXT NOT NULL,
    started_at     INTEGER,
    finished_at    INTEGER,
    fit_time       INTEGER,
    rows           INTEGER,
    error          TEXT,
    UNIQUE (deployment_id, policy_id, scheduled_time)
);

CREATE TABLE forecast (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    deployment_id  TEXT NOT NULL REFERENCES deployment(id) ON DELETE CASCADE,
    policy_run_id  INTEGER NOT NULL REFERENCES policy_run(id) ON DELETE CASCADE,
    model_id       TEXT NOT NULL,
    reference_time INTEGER NOT NULL,
    fit_time       INTEGER NOT NULL,
    n              INTEGER NOT NULL,
    data           BLOB NOT NULL,
    created_at     INTEGER NOT NULL
);
CREATE INDEX forecast_deployment ON forecast(deployment_id, reference_time);
