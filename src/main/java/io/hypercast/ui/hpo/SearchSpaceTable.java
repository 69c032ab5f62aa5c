package io.hypercast.ui.hpo;

import io.hypercast.engine.models.HyperparameterSpec;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The editable search-space table: one line per optimized hyperparameter (parameter, distribution,
 * lower, upper, q, base, choices), with the line's problem written under it. Cells that the chosen
 * distribution does not use are disabled.
 */
final class SearchSpaceTable {
    private final HpoDetailViewModel vm;
    private final FormFields fields;
    private final GridPane grid = new GridPane();
    private final VBox root = new VBox(6);

    SearchSpaceTable(HpoDetailViewModel vm, FormFields fields) {
        this.vm = vm;
        this.fields = fields;
        grid.setHgap(8);
        grid.setVgap(4);
        grid.getStyleClass().add("space-table");
        double[] widths = {170, 125, 95, 95, 70, 60, 220, 36};
        for (double w : widths) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPrefWidth(w);
            c.setMinWidth(w * 0.7);
            grid.getColumnConstraints().add(c);
        }
        grid.getColumnConstraints().get(6).setHgrow(Priority.ALWAYS);
        vm.rows().addListener((ListChangeListener<SearchSpaceRow>) c -> {
            boolean structure = false;
            while (c.next()) {
                structure |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            }
            if (structure) {
                rebuild();
            }
        });
        Button add = new Button("+ Add hyperparameter");
        add.setId("addParameter");
        add.getStyleClass().add("small");
        add.setOnAction(e -> vm.addRow());
        add.disableProperty().bind(vm.editableProperty().not());
        root.getChildren().addAll(grid, add);
        rebuild();
    }

    private void rebuild() {
        grid.getChildren().clear();
        String[] heads = {"Parameter", "Distribution", "Lower", "Upper", "q", "Base", "Choices / value", ""};
        for (int i = 0; i < heads.length; i++) {
            Label h = new Label(heads[i]);
            h.getStyleClass().add("table-head");
            grid.add(h, i, 0);
        }
        int line = 1;
        for (int i = 0; i < vm.rows().size(); i++) {
            addRow(vm.rows().get(i), i, line);
            line += 2;
        }
    }

    private void addRow(SearchSpaceRow row, int index, int line) {
        String id = "row" + index + "-";
        ComboBox<String> param = new ComboBox<>();
        param.setId(id + "parameter");
        vm.kind().hyperparameters().forEach(h -> param.getItems().add(h.name()));
        param.setValue(row.parameterProperty().get());
        param.setMaxWidth(Double.MAX_VALUE);
        param.setOnAction(e -> {
            HyperparameterSpec h = vm.kind().hyperparameter(param.getValue()).orElse(null);
            row.choose(h);
        });
        row.parameterProperty().addListener((o, a, b) -> param.setValue(b));
        vm.kind().hyperparameter(row.parameterProperty().get()).ifPresent(h -> param.setTooltip(new Tooltip(h.description())));
        ComboBox<String> type = new ComboBox<>();
        type.setId(id + "type");
        type.getItems().setAll(SearchSpaceRow.TYPES);
        type.valueProperty().bindBidirectional(row.typeProperty());
        type.setMaxWidth(Double.MAX_VALUE);
        fields.watch(param, () -> startsWith(row, "") ? row.errorProperty().get() : null, () -> null);
        row.errorProperty().addListener((o, a, b) -> fields.revalidate());
        fields.readOnly(type);
        grid.add(param, 0, line);
        grid.add(type, 1, line);
        grid.add(field(row, row.lowerProperty(), "lower", id + "lower"), 2, line);
        grid.add(field(row, row.upperProperty(), "upper", id + "upper"), 3, line);
        grid.add(field(row, row.qProperty(), "q", id + "q"), 4, line);
        grid.add(field(row, row.baseProperty(), "base", id + "base"), 5, line);
        TextField choices = field(row, row.choicesProperty(), "choices", id + "choices");
        choices.setPromptText("e.g. mean_squared_error, mean_absolute_error");
        grid.add(choices, 6, line);
        Button remove = new Button("✕");
        remove.setId(id + "remove");
        remove.getStyleClass().addAll("small", "icon-button");
        remove.setTooltip(new Tooltip("Remove from the search space"));
        remove.setOnAction(e -> vm.removeRow(row));
        remove.disableProperty().bind(vm.editableProperty().not());
        grid.add(remove, 7, line);
        Label message = new Label();
        message.setId(id + "message");
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.textProperty().bind(row.errorProperty());
        message.visibleProperty().bind(row.errorProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setPadding(new Insets(0, 0, 4, 2));
        grid.add(message, 0, line + 1, 8, 1);
    }

    private TextField field(SearchSpaceRow row, javafx.beans.property.StringProperty p, String name, String id) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        BooleanBinding unused = Bindings.createBooleanBinding(() -> !row.uses(name), row.typeProperty());
        fields.watch(t, () -> startsWith(row, name) ? row.errorProperty().get() : null, () -> null);
        t.disableProperty().bind(unused);
        t.setMaxWidth(Double.MAX_VALUE);
        return t;
    }

    /** Whether the row's problem is about {@code field} ("max_depth.lower: ..."; "" for the parameter itself). */
    private static boolean startsWith(SearchSpaceRow row, String field) {
        String e = row.errorProperty().get();
        if (blank(e)) {
            return false;
        }
        String at = row.parameterProperty().get() + "." + field;
        return field.isEmpty() ? !e.startsWith(row.parameterProperty().get() + ".") : e.startsWith(at);
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    VBox root() {
        return root;
    }
}
