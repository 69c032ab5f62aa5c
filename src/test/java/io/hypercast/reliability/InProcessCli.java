package io.hypercast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line run in this JVM, with its exit code, stdout and stderr. */
record InProcessCli(int code, String out, String err) {

    static InProcessCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new InProcessCli(code, out.toString(), err.toString());
    }

    /** Refused with this exit code, a message holding every fragment, and no stack trace. */
    InProcessCli assertRefused(int expectedCode, String... fragments) {
        assertEquals(expectedCode, code, "exit code; stderr: " + err + " stdout: " + out);
        for (String f : fragments) {
            assertTrue(err.contains(f), "the message names '" + f + "': " + err);
        }
        assertNoStackTrace();
        return this;
    }

    void assertNoStackTrace() {
        String all = out + err;
        assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("at io.hypercast") || all.contains("Caused by"),
                "no stack trace or exception class name is shown: " + all);
    }
}
