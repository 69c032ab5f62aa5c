package io.hypercast.model;

public enum ExperimentKind {
    HPO, BACKTEST
}
