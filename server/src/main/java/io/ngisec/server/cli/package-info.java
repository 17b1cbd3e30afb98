/**
 * The policy server's command line ({@code ./ngisec server ...}): thin picocli commands over the
 * home ({@link io.ngisec.server.home}) and the store. {@link io.ngisec.server.cli.ServerMain} is the
 * one place that turns failures into one-line messages and exit codes (0 ok, 1 failed, 2 bad usage).
 */
package io.ngisec.server.cli;
