-- Hypercast store, version 1. Instants are epoch milliseconds (UTC); JSON columns hold the spec
-- file's snake_case shapes.

CREATE TABLE project (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    creator     TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    is_demo     INTEGER NOT NULL DEFAULT 0
);

-- NoTS nodes: kind is SOURCE, OPERATION, TIME_SERIES or MODEL; type the concrete kind
-- (CsvObservations, TimeTrends, Resampling, FillNA, TimeTransformations, TimeSeries, LightGBM).
CREATE TABLE node (
    id         TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    type       TEXT NOT NULL,
    settings   TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (project_id, name)
);

-- An edge feeds the output of one node (a source column, an operation's output, a time series)
-- into an input of another (a time series layer, an operation input, a model's features or targets).
CREATE TABLE edge (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    from_node  TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
    from_port  TEXT NOT NULL DEFAULT '',
    to_node    TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
    to_port    TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX edge_project ON edge(project_id);

-- Imported observations of a source column on a regular grid: values as little-endian doubles
-- (NaN = missing), deflated.
CREATE TABLE series_data (
    node_id    TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
    column     TEXT NOT NULL,
    start_s    INTEGER NOT NULL,
    period_s   INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    data       BLOB NOT NULL,
    PRIMARY KEY (node_id, column)
);

-- Backtests and HPOs. A row is the draft and, once run, its job: one run per experiment
-- (duplicate a finished one to run it again).
CREATE TABLE experiment (
    id           TEXT PRIMARY KEY,
    project_id   TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('HPO', 'BACKTEST')),
    title        TEXT NOT NULL,
    model_id     TEXT NOT NULL,
    spec         TEXT NOT NULL,
    state        TEXT NOT NULL,
    creator      TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    started_at   INTEGER,
    finished_at  INTEGER,
    deadline_at  INTEGER,
    timed_out    INTEGER NOT NULL DEFAULT 0,
    error        TEXT,
    owner_pid    INTEGER,
    owner_host   TEXT,
    heartbeat_at INTEGER,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX experiment_project ON experiment(project_id, kind, deleted);
CREATE INDEX experiment_state ON experiment(state);

CREATE TABLE trial (
    experiment_id     TEXT NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
    number            INTEGER NOT NULL,
    state             TEXT NOT NULL,
    parameters        TEXT NOT NULL,
    mae               REAL,
    mse               REAL,
    rmse              REAL,
    mape              REAL,
    rows              INTEGER,
    mape_zero_actuals INTEGER,
    objective         REAL,
    error             TEXT,
    started_at        INTEGER,
    finished_at       INTEGER,
    seed              INTEGER NOT NULL,
    provenance        TEXT,
    PRIMARY KEY (experiment_id, number)
);

-- Per fold results and the predictions of a trial, written with the trial in one transaction.
CREATE TABLE trial_fold (
    experiment_id TEXT NOT NULL,
    number        INTEGER NOT NULL,
    fold          INTEGER NOT NULL,
    fit_time      INTEGER NOT NULL,
    fit_rows      INTEGER NOT NULL,
    fit_seconds   REAL NOT NULL,
    predictions   INTEGER NOT NULL,
    skipped_null  INTEGER NOT NULL,
    mae REAL, mse REAL, rmse REAL, mape REAL,
    PRIMARY KEY (experiment_id, number, fold),
    FOREIGN KEY (experiment_id, number) REFERENCES trial(experiment_id, number) ON DELETE CASCADE
);

CREATE TABLE trial_predictions (
    experiment_id TEXT NOT NULL,
    number        INTEGER NOT NULL,
    n             INTEGER NOT NULL,
    data          BLOB NOT NULL,
    PRIMARY KEY (experiment_id, number),
    FOREIGN KEY (experiment_id, number) REFERENCES trial(experiment_id, number) ON DELETE CASCADE
);

-- A deployment freezes its project's NoTS. Inactive ones (made by the first run) only freeze.
CREATE TABLE deployment (
    id             TEXT PRIMARY KEY,
    project_id     TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    active         INTEGER NOT NULL,
    reason         TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    activated_at   INTEGER,
    deactivated_at INTEGER
);
CREATE INDEX deployment_project ON deployment(project_id);
