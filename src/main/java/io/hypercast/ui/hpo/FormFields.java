package io.hypercast.ui.hpo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Ties form controls to the ViewModel's problems: a ControlsFX ValidationSupport marks each
 * control (red for an error, amber for a warning such as a guardrail) and a message label beside it
 * says what is wrong. The messages are the ViewModel's, that is the engine's rules; the support
 * only shows them, re-checking whenever the problems change.
 */
final class FormFields {
    private final ValidationSupport support = new ValidationSupport();
    private final ObservableMap<String, String> errors;
    private final ObservableMap<String, String> warnings;
    private final BooleanProperty editable;
    private final List<Control> controls = new ArrayList<>();

    FormFields(ObservableMap<String, String> errors, ObservableMap<String, String> warnings, BooleanProperty editable) {
        this.errors = errors;
        this.warnings = warnings;
        this.editable = editable;
        support.setValidationDecorator(new StyleClassValidationDecoration("field-error", "field-warning"));
        MapChangeListener<String, String> again = c -> support.revalidate();
        errors.addListener(again);
        warnings.addListener(again);
    }

    /** A label that shows the error (or else the warning) for {@code key}; hidden when there is none. */
    Label message(String key, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("field-message");
        l.textProperty().bind(Bindings.createStringBinding(() -> errors.containsKey(key) ? errors.get(key)
                : warnings.getOrDefault(key, ""), errors, warnings));
        l.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("warning"), false);
        Runnable style = () -> {
            boolean warn = !errors.containsKey(key) && warnings.containsKey(key);
            l.getStyleClass().removeAll("message-warning");
            if (warn) {
                l.getStyleClass().add("message-warning");
            }
        };
        errors.addListener((MapChangeListener<String, String>) c -> style.run());
        warnings.addListener((MapChangeListener<String, String>) c -> style.run());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** Marks {@code c} from the problems under {@code key}, and makes it read-only when the form is. */
    <C extends Control> C watch(C c, String key) {
        return watch(c, () -> errors.get(key), () -> warnings.get(key));
    }

    <C extends Control> C watch(C c, Supplier<String> error, Supplier<String> warning) {
        support.registerValidator(c, false, (Control ctl, Object value) -> {
            String e = error.get();
            if (e != null && !e.isEmpty()) {
                return ValidationResult.fromError(ctl, e);
            }
            String w = warning.get();
            return ValidationResult.fromWarningIf(ctl, w, w != null && !w.isEmpty());
        });
        readOnly(c);
        return c;
    }

    void readOnly(Control c) {
        controls.add(c);
        if (c instanceof TextInputControl t) {
            t.editableProperty().bind(editable);
            t.getStyleClass().add("form-field");
        } else if (c instanceof ComboBox<?> || c instanceof DatePicker) {
            c.disableProperty().bind(editable.not());
        }
    }

    void revalidate() {
        support.revalidate();
    }

    ValidationSupport support() {
        return support;
    }
}
