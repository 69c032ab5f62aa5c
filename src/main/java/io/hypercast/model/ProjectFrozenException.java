package io.hypercast.model;

/** An edit of a NoTS that a deployment has frozen. Says why and what to do instead. */
public final class ProjectFrozenException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public ProjectFrozenException(String projectTitle, String reason) {
        super("project", "the NoTS of project '" + projectTitle + "' is frozen (" + reason
                + "); copy the project to change it (hypercast project copy)");
    }
}
