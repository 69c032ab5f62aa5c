package io.hypercast.model;

/** MODEL_FIT: when a deployed model is refit and on which window. TS_RUN: when it forecasts and for which horizon. */
public enum PolicyKind {
    MODEL_FIT, TS_RUN
}
