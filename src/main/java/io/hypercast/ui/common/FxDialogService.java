package io.hypercast.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** The real dialogs: JavaFX alerts, a text input dialog, the platform file chooser, ControlsFX notifications. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private Path lastFolder;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message, yes, no);
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public void error(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message, ButtonType.OK).showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String message, ButtonType... buttons) {
        Alert a = new Alert(type, "", buttons);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        a.getDialogPane().setContent(text);
        a.getDialogPane().setMinWidth(460);
        return a;
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial == null ? "" : initial);
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText(prompt);
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(initialName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files", "*." + extension));
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            fc.setInitialDirectory(lastFolder.toFile());
        }
        File f = fc.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.toPath().toAbsolutePath().getParent();
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> openFile(String title, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files", "*." + extension));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            fc.setInitialDirectory(lastFolder.toFile());
        }
        File f = fc.showOpenDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.toPath().toAbsolutePath().getParent();
        return Optional.of(f.toPath());
    }

    @Override
    public void notify(String title, String message) {
        Window w = owner.get();
        if (w == null || !w.isShowing()) {
            return;
        }
        Notifications.create().owner(w).title(title).text(message).hideAfter(Duration.seconds(6)).showInformation();
    }
}
