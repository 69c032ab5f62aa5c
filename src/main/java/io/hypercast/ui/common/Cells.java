package io.hypercast.ui.common;

import io.hypercast.model.HpoState;
import io.hypercast.model.TrialState;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Table columns and cells the pages share: text columns, right-aligned numbers, state chips. */
public final class Cells {
    private Cells() {
    }

    public static <S, T> TableColumn<S, T> column(String title, double width, Function<S, ObservableValue<T>> value) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        return c;
    }

    /** A column of numbers shown with {@code format}, right-aligned, sorted by value. */
    public static <S, T> TableColumn<S, T> numberColumn(String title, double width, Function<S, ObservableValue<T>> value,
                                                        Function<T, String> format) {
        TableColumn<S, T> c = column(title, width, value);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : format.apply(item));
            }
        });
        c.getStyleClass().add("number-column");
        return c;
    }

    /** A column of formatted values. */
    public static <S, T> TableColumn<S, T> textColumn(String title, double width, Function<S, ObservableValue<T>> value,
                                                      Function<T, String> format) {
        TableColumn<S, T> c = column(title, width, value);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return c;
    }

    /** A coloured chip naming a run or trial state. */
    public static <S, T extends Enum<T>> TableColumn<S, T> stateColumn(String title, double width, Function<S, ObservableValue<T>> value) {
        TableColumn<S, T> c = column(title, width, value);
        c.setCellFactory(col -> new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                chip.setText(label(item));
                chip.getStyleClass().setAll("label", "state-chip", "state-" + item.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                setGraphic(chip);
                setAlignment(Pos.CENTER_LEFT);
            }
        });
        return c;
    }

    /** A state as a person reads it: "Loading data", "Success". */
    public static String label(Enum<?> state) {
        if (state instanceof HpoState || state instanceof TrialState) {
            String s = state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        return state.name();
    }

    /** A state chip outside a table. */
    public static Label chip(Enum<?> state) {
        Label chip = new Label(label(state));
        chip.getStyleClass().setAll("label", "state-chip", "state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return chip;
    }
}
