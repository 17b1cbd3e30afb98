package io.ngisec.server.cli;

import io.ngisec.server.home.PublicHome;
import io.ngisec.server.policy.Policy;
import io.ngisec.server.policy.PolicyException;
import io.ngisec.server.policy.PolicyExpectations;
import io.ngisec.server.policy.PolicyTestReport;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoredUser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy test FILE}: checks expectations against the current or a candidate policy. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Checks the expectations in FILE (such as \"alice may call bob with EF\") against the current",
            "policy, or against --policy before applying it, with the users enrolled so far.",
            "Exits 1 if an expectation fails, naming the rule that decided."})
final class PolicyTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy test file.")
    Path file;

    @Option(names = "--policy", paramLabel = "FILE", description = "Test this policy file instead of the current policy.")
    Path candidate;

    @Override
    public Integer call() throws Exception {
        PolicyExpectations expectations;
        try {
            expectations = PolicyExpectations.parse(PolicyCommand.read(file));
        } catch (PolicyException e) {
            throw CliException.usage(file + ": " + e.getMessage());
        }
        Policy candidatePolicy = null;
        if (candidate != null) {
            try {
                candidatePolicy = Policy.parse(PolicyCommand.read(candidate));
            } catch (PolicyException e) {
                throw CliException.usage(candidate + ": " + e.getMessage());
            }
        }
        PublicHome home = store.readHome();
        Policy policy;
        Map<String, Set<String>> users = new HashMap<>();
        try (JdbcServerStore s = store.openStore(home)) {
            for (StoredUser u : s.users()) {
                users.put(u.name(), Set.copyOf(u.groups()));
            }
            if (candidatePolicy != null) {
                policy = candidatePolicy;
            } else {
                String text = s.currentPolicy().orElseThrow(() -> CliException.failed("the database holds no policy")).text();
                try {
                    policy = Policy.parse(text);
                } catch (PolicyException e) {
                    throw CliException.failed("the current policy no longer parses: " + e.getMessage());
                }
            }
        }
        PolicyTestReport report = expectations.run(policy, users);
        PrintWriter out = spec.commandLine().getOut();
        for (PolicyTestReport.Outcome outcome : report.lines()) {
            out.println((outcome.passed() ? "ok    " : "FAIL  ") + outcome.message());
        }
        out.println(report.summary());
        out.flush();
        return report.allPassed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
