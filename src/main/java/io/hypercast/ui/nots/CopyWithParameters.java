package io.hypercast.ui.nots;

import io.hypercast.model.Project;
import io.hypercast.ui.common.AppContext;
import java.util.UUID;
import java.util.function.Consumer;

/** "Copy project with these parameters": a new, mutable project whose model has an HPO trial's values. */
public final class CopyWithParameters {
    private CopyWithParameters() {
    }

    /** Asks for the copy's title, copies in the background, then hands the new project to {@code opened}. */
    public static void run(AppContext app, UUID hpoId, int trialNumber, Consumer<Project> opened) {
        app.tasks().submit(() -> app.engine().projects().get(app.engine().experiments().get(hpoId).projectId()), source ->
                app.dialogs().askText("Copy project with these parameters",
                        "A new, editable project with the same network and data, its model set to trial " + trialNumber
                                + "'s parameter values. Title of the copy:", source.title() + " (trial " + trialNumber + ")")
                        .ifPresent(title -> app.tasks().submit(() -> app.engine().projects().copyWithTrial(hpoId, trialNumber, title), copy -> {
                            app.dialogs().notify("Project copied", "'" + copy.title() + "' has trial " + trialNumber
                                    + "'s parameters; add policies and deploy it from its Deployments page.");
                            opened.accept(copy);
                        }, t -> app.dialogs().error("Copy refused", AppContext.message(t)))),
                t -> app.dialogs().error("Copy refused", AppContext.message(t)));
    }
}
