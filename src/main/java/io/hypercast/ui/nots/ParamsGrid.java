package io.hypercast.ui.nots;

import io.hypercast.engine.models.HyperparameterSpec;
import io.hypercast.ui.common.Formats;
import io.hypercast.ui.nots.NotsViewModel.ParamRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Every hyperparameter of a model kind: its name and one-line description, a field (blank: the default, shown as prompt). */
final class ParamsGrid {
    private final GridPane grid = new GridPane();
    private final Map<String, TextField> fields = new LinkedHashMap<>();

    ParamsGrid(List<ParamRow> rows, boolean editable) {
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setId("paramsGrid");
        int r = 0;
        for (ParamRow row : rows) {
            HyperparameterSpec h = row.spec();
            Label name = new Label(h.name());
            name.getStyleClass().add("param-name");
            Label help = new Label(h.description() + " · default " + Formats.value(h.defaultValue()));
            help.getStyleClass().add("param-help");
            help.setWrapText(true);
            help.setMaxWidth(230);
            TextField f = new TextField(row.value());
            f.setId("param-" + h.name());
            f.setPromptText(Formats.value(h.defaultValue()));
            f.setPrefColumnCount(8);
            f.setEditable(editable);
            f.setTooltip(new Tooltip(h.name() + " must be " + h.rule() + "; blank uses the default, " + Formats.value(h.defaultValue())));
            fields.put(h.name(), f);
            grid.add(new VBox(0, name, help), 0, r);
            grid.add(f, 1, r++);
        }
    }

    /** What is typed, by parameter (blank: the default). */
    Map<String, String> typed() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, f) -> out.put(k, f.getText() == null ? "" : f.getText()));
        return out;
    }

    GridPane root() {
        return grid;
    }
}
