package io.hypercast.ui.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.model.Project;
import io.hypercast.ui.RecordingDialogs;
import io.hypercast.ui.TestEngines;
import io.hypercast.ui.common.AppContext;
import io.hypercast.ui.common.TaskExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The projects list: create, select, rename, delete only when confirmed. */
class ProjectsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void createRenameAndDeleteWithConfirmation() {
        try (Engine engine = TestEngines.open(dir)) {
            RecordingDialogs dialogs = new RecordingDialogs();
            ProjectsViewModel vm = new ProjectsViewModel(AppContext.of(engine, TaskExecutor.sameThread(), dialogs));
            Project other = engine.projects().create("other", "");
            vm.load(null, null);
            assertEquals(1, vm.projects().size());

            dialogs.textAnswer = "Day-ahead load";
            vm.create();
            assertEquals(2, vm.projects().size());
            Project created = vm.selectedProperty().get();
            assertEquals("Day-ahead load", created.title(), "a new project is selected");

            dialogs.textAnswer = "Day-ahead load NL";
            vm.rename(created);
            assertEquals("Day-ahead load NL", engine.projects().get(created.id()).title());
            assertEquals("Day-ahead load NL", vm.selectedProperty().get().title());

            dialogs.confirmAnswer = false;
            vm.delete(created, null);
            assertEquals(2, engine.projects().list().size(), "not confirmed, kept");
            dialogs.confirmAnswer = true;
            vm.delete(created, null);
            assertEquals(1, engine.projects().list().size());
            assertEquals(other.id(), engine.projects().list().get(0).id(), "other projects are untouched");
            assertNull(vm.selectedProperty().get());
            assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        }
    }
}
