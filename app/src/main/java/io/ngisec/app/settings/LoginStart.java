package io.ngisec.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Starting the app when the user logs in. On Linux an XDG autostart entry,
 * {@code $XDG_CONFIG_HOME/autostart/ngisec-communicator.desktop} ({@code ~/.config} without the
 * variable), that runs the app as it was started this time; elsewhere not supported (yet), and
 * {@link #unsupportedReason()} says so. File work: call off the FX thread. Immutable.
 */
public final class LoginStart {

    /** The autostart entry's file name. */
    public static final String FILE_NAME = "ngisec-communicator.desktop";

    private final Optional<Path> entry;
    private final List<String> command;
    private final String unsupportedReason;

    private LoginStart(Optional<Path> entry, List<String> command, String unsupportedReason) {
        this.entry = entry;
        this.command = List.copyOf(command);
        this.unsupportedReason = unsupportedReason;
    }

    /** For this machine and this process: the command that started the app is the one the entry runs. */
    public static LoginStart forThisSystem() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")),
                thisCommand());
    }

    /**
     * For {@code osName} with {@code environment} and {@code userHome}, the entry running
     * {@code command} (empty: this process's command line is unknown, so unsupported).
     */
    public static LoginStart of(String osName, Map<String, String> environment, Path userHome,
            Optional<List<String>> command) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return new LoginStart(Optional.empty(), List.of(), "Start on login is available on Linux only for now");
        }
        if (command.isEmpty() || command.get().isEmpty()) {
            return new LoginStart(Optional.empty(), List.of(), "The command that started the app is unknown");
        }
        String config = environment.get("XDG_CONFIG_HOME");
        // The XDG spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
        Path base = config != null && !config.isBlank() && Path.of(config).isAbsolute()
                ? Path.of(config) : userHome.resolve(".config");
        return new LoginStart(Optional.of(base.resolve("autostart").resolve(FILE_NAME)), command.get(), "");
    }

    public boolean supported() {
        return entry.isPresent();
    }

    /** Why it is not supported, for a tooltip; empty when it is. */
    public String unsupportedReason() {
        return unsupportedReason;
    }

    /** The autostart entry, when supported. */
    public Optional<Path> entry() {
        return entry;
    }

    /** Whether the entry is in place. */
    public boolean enabled() {
        return entry.map(Files::isRegularFile).orElse(false);
    }

    /** Turns it on (writes the entry) or off (removes it). */
    public void set(boolean on) throws IOException {
        Path file = entry.orElseThrow(() -> new IOException(unsupportedReason));
        if (on) {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".ngisec", ".tmp");
            try {
                Files.writeString(temp, desktopEntry(command));
                Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } else {
            Files.deleteIfExists(file);
        }
    }

    /** The desktop entry running {@code command} (Desktop Entry Specification 1.5). */
    static String desktopEntry(List<String> command) {
        List<String> quoted = new ArrayList<>();
        for (String arg : command) {
            quoted.add(quote(arg));
        }
        return """
                [Desktop Entry]
                Type=Application
                Name=NGISec Communicator
                Comment=Secure calls, chat and file transfers with your organization
                Exec=%s
                Terminal=false
                X-GNOME-Autostart-enabled=true
                """.formatted(String.join(" ", quoted));
    }

    /**
     * One Exec argument: quoted when it holds a reserved character, with {@code "}, {@code `},
     * {@code $} and {@code \} escaped inside the quotes; {@code %} doubled either way (field codes).
     */
    static String quote(String arg) {
        String escaped = arg.replace("%", "%%");
        if (!escaped.isEmpty() && escaped.chars().noneMatch(c -> " \t\n\"'\\><~|&;$*?#()`=".indexOf(c) >= 0)) {
            return escaped;
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : escaped.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        // The spec's string escaping reads the line once more: each backslash is written twice.
        return b.append('"').toString().replace("\\", "\\\\");
    }

    private static Optional<List<String>> thisCommand() {
        String packaged = System.getProperty("jpackage.app-path");
        if (packaged != null && !packaged.isBlank()) {
            return Optional.of(List.of(packaged));
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        return info.command().map(c -> {
            List<String> all = new ArrayList<>();
            all.add(c);
            info.arguments().ifPresent(a -> all.addAll(List.of(a)));
            return all;
        });
    }
}
