package io.hypercast.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every dialog the window shows goes through here, so that tests can answer them (and choose
 * files) without a real dialog. Called on the FX thread.
 */
public interface DialogService {

    /** Asks a yes/no question; true when the user confirms {@code action}. */
    boolean confirm(String title, String message, String action);

    /** Reports a failure or a refusal (a guardrail, invalid input). */
    void error(String title, String message);

    /** Asks for one line of text (a project's title), or empty when cancelled. */
    Optional<String> askText(String title, String prompt, String initial);

    /** A file to save to, or empty when cancelled. {@code extension} without the dot, e.g. "csv". */
    Optional<Path> saveFile(String title, String initialName, String extension);

    /** A file to open, or empty when cancelled. {@code extension} without the dot, e.g. "csv". */
    default Optional<Path> openFile(String title, String extension) {
        return Optional.empty();
    }

    /** A short, non-blocking notice (a run ended, an export was written). */
    void notify(String title, String message);
}
