package io.ngisec.server.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code policy}: groups show, apply and test. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Shows, applies and tests the policy file (docs/policy-file.md).",
        subcommands = {PolicyShowCommand.class, PolicyApplyCommand.class, PolicyTestCommand.class})
final class PolicyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** A policy or policy test file as text; bad input (exit 2) when it cannot be read. */
    static String read(Path file) throws CliException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CliException.usage(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw CliException.usage(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw CliException.usage(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }
}
