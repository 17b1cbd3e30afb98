/**
 * {@code ./ngisec demo}: a policy server, the echo contact and a demo user on loopback in a
 * temporary folder, then the app (or, with {@code --headless}, the same scenario on the command
 * line). Uses no JavaFX class: the app is started as a process by name, so the headless demo runs
 * where JavaFX cannot. The server runs from the class path the launcher hands in (system property
 * {@value io.ngisec.app.demo.DemoMain#SERVER_CLASSPATH}); the app never links against it.
 */
package io.ngisec.app.demo;
