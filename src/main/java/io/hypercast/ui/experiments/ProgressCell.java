package io.hypercast.ui.experiments;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.StackPane;

/** A progress bar by completed trials with "12 / 30" written on it. */
final class ProgressCell<S> extends TableCell<S, ProgressCell.Progress> {
    /** Completed trials out of planned (a record, so that a change is seen as a new value). */
    record Progress(int completed, int planned) {
        String text() {
            return completed + " / " + planned;
        }
    }

    private final ProgressBar bar = new ProgressBar(0);
    private final Label text = new Label();
    private final StackPane box = new StackPane(bar, text);

    ProgressCell() {
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add("trial-progress");
        text.getStyleClass().add("progress-text");
    }

    @Override
    protected void updateItem(Progress p, boolean empty) {
        super.updateItem(p, empty);
        if (empty || p == null) {
            setGraphic(null);
            return;
        }
        bar.setProgress(p.planned() == 0 ? 0 : (double) p.completed() / p.planned());
        text.setText(p.text());
        setGraphic(box);
    }
}
