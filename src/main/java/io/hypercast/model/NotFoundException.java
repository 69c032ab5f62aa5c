package io.hypercast.model;

/** A project, node, model or experiment named by the user does not exist. Reported as invalid input. */
public final class NotFoundException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String where, String what, String ref) {
        super(where, "no " + what + " '" + ref + "'");
    }
}
