package io.hypercast.ui.common;

import java.util.UUID;

/** Moves the window between its pages. Implemented by the main window; FX thread. */
public interface Navigator {

    /** The Experiment page of a project (its backtests and HPOs). */
    void showExperiments(UUID projectId);

    /** A new HPO (or backtest) form in the project. */
    void createExperiment(UUID projectId, boolean hpo);

    /** An experiment's page: its definition, and once run its trials, result and charts. */
    void showExperiment(UUID experimentId);

    /** The result page of one trial of an experiment. */
    void showTrial(UUID experimentId, int trialNumber);
}
