package io.hypercast.model;

/**
 * Input that breaks a rule: a bad spec key, bound, cron, CSV row. {@code where} names the place
 * (a JSON key path such as {@code search_space.max_depth.lower}, or {@code file.csv:12:demand}) so
 * that every interface can say what is wrong and where. The command line maps it to exit code 2.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String where;

    public InvalidInputException(String where, String message) {
        super(where == null || where.isEmpty() ? message : where + ": " + message);
        this.where = where == null ? "" : where;
    }

    public String where() {
        return where;
    }

    /** The same failure, located one level further out (e.g. {@code lower} -> {@code search_space.max_depth.lower}). */
    public InvalidInputException within(String outer) {
        String path = where.isEmpty() ? outer : outer + "." + where;
        String bare = getMessage().substring(where.isEmpty() ? 0 : where.length() + 2);
        return new InvalidInputException(path, bare);
    }
}
