package io.hypercast.model;

/** The four kinds of NoTS node (SPEC section 1); each has concrete types (e.g. SOURCE: CsvObservations). */
public enum NodeKind {
    SOURCE, OPERATION, TIME_SERIES, MODEL
}
