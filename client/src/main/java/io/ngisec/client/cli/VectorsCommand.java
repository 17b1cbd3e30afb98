package io.ngisec.client.cli;

import io.ngisec.protocol.noise.vectors.NoiseVectorRunner;
import io.ngisec.protocol.noise.vectors.VectorFileException;
import io.ngisec.protocol.noise.vectors.VectorOutcome;
import io.ngisec.protocol.noise.vectors.VectorReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ngisec vectors FILE}: checks the Noise implementation against a test-vector file. */
@Command(
        name = "vectors",
        mixinStandardHelpOptions = true,
        description = {
            "Run a Noise test-vector file (cacophony/snow JSON format) against the NGISec Noise implementation.",
            "Prints one line per failing vector, then 'N passed, M failed, K skipped'. Exit 0 only when none failed."
        })
public final class VectorsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "JSON file with a top-level \"vectors\" array.")
    private Path file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        VectorReport report;
        try {
            report = NoiseVectorRunner.runFile(file);
        } catch (VectorFileException e) {
            throw new UsageException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        for (VectorOutcome failure : report.failures()) {
            out.println("FAIL " + failure.describe());
        }
        out.println(report.summaryLine());
        out.flush();
        return report.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
