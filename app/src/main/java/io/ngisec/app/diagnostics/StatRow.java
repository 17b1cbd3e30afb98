package io.ngisec.app.diagnostics;

/** One line of the statistics table: its area (Path, RTT, ...), the figure's name, and its value as read. */
public record StatRow(String group, String name, String value) {
}
