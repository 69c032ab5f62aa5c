package io.hypercast.ui.bench;

import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.testfx.framework.junit5.Start;

/**
 * {@link FxStallBenchTest} with 5 trial workers, so that 5 trials really run at once beside the FX
 * thread (the window's own pool has cores - 1 workers). Run: {@code mvn test -Dgroups=bench
 * -DexcludedGroups= -Dtest='FxStall*'}.
 */
@Tag("bench")
class FxStallFiveWorkersBenchTest extends FxStallBenchTest {
    @Start
    @Override
    void start(Stage stage) {
        super.start(stage); // TestFX looks for @Start on the class itself
    }

    @Override
    int workers() {
        return 5;
    }
}
