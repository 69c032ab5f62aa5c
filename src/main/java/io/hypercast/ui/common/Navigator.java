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

    /** A project's NoTS page (its graph, node inspector and edits). */
    default void showNots(UUID projectId) {
    }

    /** A project's Deployments page (policies, deployments, their runs and forecasts). */
    default void showDeployments(UUID projectId) {
    }

    /** Reloads the projects list and opens {@code projectId} (a new copy) on its NoTS page. */
    default void openProject(UUID projectId) {
        showExperiments(projectId);
    }
}
