package io.ngisec.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The app's command line: {@code [--home DIR] [ngisec:invite?...]}. {@link #parse} throws
 * IllegalArgumentException with a one-line message for anything else.
 */
public record AppArguments(Optional<Path> home, Optional<String> invite, boolean help) {

    /** The usage line. */
    public static final String USAGE = "usage: ngisec-app [--home DIR] [ngisec:invite?...]";

    public static AppArguments parse(List<String> args) {
        Path home = null;
        String invite = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                return new AppArguments(Optional.empty(), Optional.empty(), true);
            } else if (a.equals("--home") || a.startsWith("--home=")) {
                if (home != null) {
                    throw new IllegalArgumentException("--home given twice");
                }
                String value = a.equals("--home") ? (i + 1 < args.size() ? args.get(++i) : "") : a.substring(7);
                if (value.isBlank()) {
                    throw new IllegalArgumentException("--home needs a folder");
                }
                try {
                    home = Path.of(value);
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException("--home: not a path: " + value);
                }
            } else if (a.startsWith("ngisec:")) {
                if (invite != null) {
                    throw new IllegalArgumentException("more than one invite link");
                }
                invite = a;
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (an invite link starts with ngisec:)");
            }
        }
        return new AppArguments(Optional.ofNullable(home), Optional.ofNullable(invite), false);
    }
}
