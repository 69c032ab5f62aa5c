package io.hypercast.ui;

import io.hypercast.ui.common.DialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A dialog service for tests: records what would be shown and answers with preset values. */
public final class RecordingDialogs implements DialogService {
    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final List<String> notices = new CopyOnWriteArrayList<>();
    public final List<String> confirmations = new CopyOnWriteArrayList<>();
    public volatile boolean confirmAnswer = true;
    public volatile String textAnswer;
    public volatile Path saveAnswer;
    public volatile Path openAnswer;

    @Override
    public boolean confirm(String title, String message, String action) {
        confirmations.add(title + ": " + message);
        return confirmAnswer;
    }

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        return Optional.ofNullable(textAnswer);
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName, String extension) {
        return Optional.ofNullable(saveAnswer);
    }

    @Override
    public Optional<Path> openFile(String title, String extension) {
        return Optional.ofNullable(openAnswer);
    }

    @Override
    public void notify(String title, String message) {
        notices.add(title + ": " + message);
    }
}
