package io.ngisec.server.home;

/** The audit-log actor of administrative commands: {@code admin:<OS user name>}. */
public final class AdminActor {

    private AdminActor() {
    }

    /** The actor for whoever runs this process. */
    public static String current() {
        String user = System.getProperty("user.name", "");
        return "admin:" + (user.isBlank() ? "unknown" : user.strip());
    }
}
