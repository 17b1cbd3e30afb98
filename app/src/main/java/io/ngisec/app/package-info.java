/** The JavaFX desktop app on top of {@code io.ngisec.client} (issue 8). */
package io.ngisec.app;
