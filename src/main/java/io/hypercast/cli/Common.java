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
        return db != null ? s.withDatabase(db) : s;
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
