package io.ngisec.app.diagnostics;

/** A live session in the session picker: its id and how it reads. */
public record SessionChoice(String id, String title) {

    @Override
    public String toString() {
        return title;
    }
}
