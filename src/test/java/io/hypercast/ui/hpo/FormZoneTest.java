package io.hypercast.ui.hpo;

import static io.hypercast.ui.WindowFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypercast.ui.WindowFixture;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A draft's time zones survive the form being drawn after they were loaded: an editable ComboBox
 * writes its own value into its editor when its skin is made, and that value once stayed at the
 * form's default (UTC), so a draft opened quickly and run at once was saved in UTC.
 */
@ExtendWith(ApplicationExtension.class)
class FormZoneTest {
    @TempDir
    Path dir;
    private WindowFixture w;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        w = new WindowFixture(dir, stage);
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void zonesLoadedBeforeTheFirstLayoutAreKept() {
        AtomicReference<HpoDetailViewModel> vm = new AtomicReference<>();
        AtomicReference<HpoFormView> view = new AtomicReference<>();
        fx(() -> {
            vm.set(new HpoDetailViewModel(w.app));
            view.set(new HpoFormView(vm.get())); // made with the defaults, not yet in a scene
            vm.get().testZone().set("Europe/London"); // the draft's values arrive
            vm.get().fitZone().set("America/New_York");
            vm.get().predictZone().set("Asia/Tokyo");
            Stage s = new Stage();
            s.setScene(new Scene(view.get().root(), 1000, 700));
            s.show();
            view.get().root().applyCss();
            view.get().root().layout();
        });
        AtomicReference<String> seen = new AtomicReference<>();
        fx(() -> {
            ComboBox<?> test = (ComboBox<?>) view.get().root().getScene().lookup("#testZone");
            seen.set(vm.get().testZone().get() + " " + vm.get().fitZone().get() + " " + vm.get().predictZone().get() + " "
                    + test.getValue() + " " + test.getEditor().getText());
        });
        assertEquals("Europe/London America/New_York Asia/Tokyo Europe/London Europe/London", seen.get());
    }
}
