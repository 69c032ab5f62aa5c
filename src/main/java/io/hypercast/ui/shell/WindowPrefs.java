package io.hypercast.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The window's small memory between starts: its size and place, and the last project shown. A
 * properties file beside the store's home ({@code window.properties}); a missing or damaged file
 * just means the defaults.
 */
public final class WindowPrefs {
    public static final String FILE = "window.properties";
    private final Path file;
    private final Properties p = new Properties();

    private WindowPrefs(Path file) {
        this.file = file;
    }

    public static WindowPrefs load(Path home) {
        WindowPrefs w = new WindowPrefs(home.resolve(FILE));
        if (Files.isRegularFile(w.file)) {
            try (Reader r = Files.newBufferedReader(w.file, StandardCharsets.UTF_8)) {
                w.p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                w.p.clear();
            }
        }
        return w;
    }

    public double width() {
        return number("width", 1400, 640, 10_000);
    }

    public double height() {
        return number("height", 880, 480, 10_000);
    }

    public Optional<double[]> position() {
        String x = p.getProperty("x");
        String y = p.getProperty("y");
        try {
            return x == null || y == null ? Optional.empty() : Optional.of(new double[] {Double.parseDouble(x), Double.parseDouble(y)});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean maximized() {
        return Boolean.parseBoolean(p.getProperty("maximized", "false"));
    }

    public Optional<UUID> lastProject() {
        try {
            String s = p.getProperty("lastProject");
            return s == null ? Optional.empty() : Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void setBounds(double x, double y, double width, double height, boolean maximized) {
        p.setProperty("maximized", Boolean.toString(maximized));
        if (!maximized) {
            p.setProperty("x", Double.toString(x));
            p.setProperty("y", Double.toString(y));
            p.setProperty("width", Double.toString(width));
            p.setProperty("height", Double.toString(height));
        }
    }

    public void setLastProject(UUID id) {
        if (id == null) {
            p.remove("lastProject");
        } else {
            p.setProperty("lastProject", id.toString());
        }
    }

    /** Writes the file; small, so callers may do it while closing. */
    public synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "Hypercast window");
            }
        } catch (IOException e) {
            // the window's size is a convenience: failing to remember it must not stop anything
        }
    }

    private double number(String key, double dflt, double min, double max) {
        try {
            double v = Double.parseDouble(p.getProperty(key, Double.toString(dflt)));
            return v < min || v > max ? dflt : v;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
