package io.hypercast.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering rule: only io.hypercast.ui may use JavaFX (ARCHITECTURE: arrows point down, only ui imports javafx). */
class NoJavafxOutsideUiTest {
    private static final Pattern JAVAFX = Pattern.compile("^\\s*import\\s+(static\\s+)?javafx\\.", Pattern.MULTILINE);

    @Test
    void noSourceOutsideTheUiPackageImportsJavafx() throws IOException {
        Path main = Path.of("src/main/java");
        Path ui = main.resolve("io/hypercast/ui");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> !f.startsWith(ui)).filter(f -> {
                try {
                    String text = Files.readString(f);
                    return JAVAFX.matcher(text).find() || text.contains("javafx.application.") || text.contains("javafx.scene.");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
        assertTrue(Files.isDirectory(ui), "run from the project folder");
        assertTrue(offenders.isEmpty(), "javafx used outside io.hypercast.ui: " + offenders);
    }
}
