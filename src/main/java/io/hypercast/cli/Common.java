package io.hypercast.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every command takes: {@code --db FILE} and {@code --json}. */
public final class Common {
    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", description = "The store file (default: $HYPERCAST_HOME/hypercast.db, HYPERCAST_HOME defaults to ~/.hypercast).")
    Path db;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    Settings settings() {
        Settings s = Settings.fromEnvironment();
        if (db == null) {
            return s;
        }
        Path parent = db.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            // a typo in --db must not quietly create folders and an empty store
            throw new io.hypercast.model.InvalidInputException("--db", "the folder " + parent + " does not exist");
        }
        return s.withDatabase(db);
    }

    Engine open() {
        return Engine.open(settings());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printJson(Object value) {
        try {
            out().println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
