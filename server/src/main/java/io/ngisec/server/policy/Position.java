package io.ngisec.server.policy;

/**
 * Where something starts in a policy or policy test file: 1-based line and column, column 0 when
 * only the line is known. Lets error messages point at the text the administrator has to fix.
 */
record Position(int line, int column) {

    static Position ofLine(int line) {
        return new Position(line, 0);
    }

    /** {@code message} prefixed with this place, or unchanged when the line is unknown (0). */
    String locate(String message) {
        return line > 0 ? this + ": " + message : message;
    }

    @Override
    public String toString() {
        return column > 0 ? "line " + line + ", column " + column : "line " + line;
    }
}
