package io.ngisec.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bounded fuzzing of the two parsers: random and mutated texts, from a fixed seed so every run sees
 * the same inputs ({@code -Dngisec.fuzz.seed=N} for others). Only PolicyException may come out.
 */
class PolicyFuzzTest {

    private static final long SEED = Long.getLong("ngisec.fuzz.seed", 0x90_11C7L);
    private static final int POLICY_TRIES = 100_000;
    private static final int EXPECTATION_TRIES = 20_000;

    private static final String[] POLICY_TOKENS = {
        "{", "}", "[", "]", ":", ",", ",", "\"", "//", "/*", "*/", "\n", " ", "\t", "\\", "\\u0000", "\"groups\"",
        "\"rules\"", "\"name\"", "\"action\"", "\"from\"", "\"to\"", "\"services\"", "\"maxFileSize\"", "\"allow\"",
        "\"deny\"", "\"*\"", "\"group:eng\"", "\"user:alice\"", "\"alice\"", "\"call\"", "\"chat\"", "\"file\"",
        "\"voice\"", "\"EF\"", "\"AF11\"", "\"bulk\"", "\"10 GiB\"", "\"0 B\"", "1", "-1", "1e999", "0.5", "true", "null",
        "99999999999999999999999", "\"default-deny\"", "'", "\u00e9", "\ud800", "\u2028"};

    private static final String[] EXPECTATION_TOKENS = {
        "alice", "bob", "eng", "guest", "group:eng", "user:alice", "group:", "may", "not", "call", "chat", "with",
        "send", "files", "file", "to", "up", "EF", "voice", "AF41", "10", "GiB", "10GiB", "#", "\n", " ", "\t",
        "\r", "\u00a0", "\ud800"};

    @Test
    void policyParseThrowsNothingButPolicyException() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> genuine = List.of(PolicyParseTest.EXAMPLE, Policy.defaultPolicy("Fuzz Org"));
        Subject alice = Subject.of("alice", "eng");
        Subject gary = Subject.of("gary");
        int parsed = 0;
        for (int i = 0; i < POLICY_TRIES; i++) {
            String text = switch (random.nextInt(5)) {
                case 0 -> randomChars(random, 200);
                case 1 -> fromTokens(random, POLICY_TOKENS, 60);
                case 2 -> random.nextInt(4) == 0 ? randomJson(random, 0) : randomPolicy(random);
                default -> mutate(random, genuine.get(random.nextInt(genuine.size())));
            };
            try {
                Policy policy = Policy.parse(text);
                parsed++;
                // Whatever parses must decide without failing.
                policy.decideAll(alice, gary);
                policy.mayContact(gary, alice);
            } catch (PolicyException expected) {
                assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
            } catch (RuntimeException | Error e) {
                fail("try " + i + " (seed " + SEED + ") threw " + e + " for " + PolicyNames.quote(text), e);
            }
        }
        // Mutations that keep a file valid (a changed comment, a renamed member) must exist.
        assertThat(parsed).isPositive();
    }

    @Test
    void expectationsParseAndRunThrowNothingButPolicyException() throws PolicyException {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        Policy policy = Policy.parse(PolicyParseTest.EXAMPLE);
        String genuine = "alice may call bob with EF\nguest may not send files to eng\nalice may chat with group:eng\n"
                + "alice may send files to bob up to 10 GiB # limit\n";
        for (int i = 0; i < EXPECTATION_TRIES; i++) {
            String text = switch (random.nextInt(3)) {
                case 0 -> randomChars(random, 100);
                case 1 -> fromTokens(random, EXPECTATION_TOKENS, 30);
                default -> mutate(random, genuine);
            };
            try {
                PolicyExpectations.parse(text).run(policy, Map.of("carol", Set.of("eng")));
            } catch (PolicyException expected) {
                assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
            } catch (RuntimeException | Error e) {
                fail("try " + i + " (seed " + SEED + ") threw " + e + " for " + PolicyNames.quote(text), e);
            }
        }
    }

    private static final String[] KEYS = {
        "groups", "rules", "name", "action", "from", "to", "services", "maxFileSize", "call", "chat", "file", "eng",
        "Call", "x"};
    private static final String[] STRINGS = {
        "allow", "deny", "DENY", "*", "group:eng", "user:alice", "alice", "user:", "role:x", "call", "chat", "file",
        "video", "voice", "EF", "bulk", "gold", "10 GiB", "0 B", "1.5 KB", "default-deny", "", "a b", "r", "r"};

    private static final String[] NAMES = {"eng", "guest", "alice", "bob", "a b", "../x", "default-deny", "r"};
    private static final String[] SELECTORS = {"*", "group:eng", "group:guest", "user:alice", "bob", "role:x", "group:", ""};
    private static final String[] SERVICES = {"call", "chat", "file", "CHAT", "*", "video"};
    private static final String[] CLASSES = {"voice", "EF", "af21", "bulk", "best-effort", "control", "gold"};
    private static final String[] SIZES = {"\"10 GiB\"", "\"500 MB\"", "\"0 B\"", "\"1.5 B\"", "1024", "0", "-1", "2.5",
        "99999999999999999999", "\"8388608 TiB\""};

    /** A policy file that is nearly right: the right keys with mostly plausible values, sometimes not. */
    private static String randomPolicy(SplittableRandom random) {
        StringBuilder out = new StringBuilder("{\n");
        if (random.nextInt(3) > 0) {
            out.append("\"groups\": {");
            for (int n = random.nextInt(4); n > 0; n--) {
                out.append(quoted(random, NAMES)).append(": ").append(list(random, NAMES)).append(",\n");
            }
            out.append("},\n");
        }
        if (random.nextInt(10) > 0) {
            out.append("\"rules\": [\n");
            for (int n = random.nextInt(5); n > 0; n--) {
                out.append(randomRule(random)).append(",\n");
            }
            out.append("],\n");
        }
        if (random.nextInt(20) == 0) {
            out.append("\"").append(KEYS[random.nextInt(KEYS.length)]).append("\": ").append(randomJson(random, 2));
        }
        return out.append("}").toString();
    }

    private static String randomRule(SplittableRandom random) {
        StringBuilder out = new StringBuilder("{");
        String[][] fields = {
            {"name", random.nextBoolean() ? "\"r" + random.nextInt(6) + "\"" : quoted(random, NAMES)},
            {"action", quoted(random, new String[] {"allow", "deny", "Allow", "permit"})},
            {"from", list(random, SELECTORS)},
            {"to", list(random, SELECTORS)},
            {"services", random.nextBoolean() ? list(random, SERVICES) : ceilings(random)},
            {"maxFileSize", SIZES[random.nextInt(SIZES.length)]},
        };
        for (String[] field : fields) {
            int roll = random.nextInt(20);
            if (roll == 0 || (field[0].equals("maxFileSize") && roll < 14)) {
                continue;
            }
            String value = roll == 1 ? randomJson(random, 3) : field[1];
            out.append('"').append(roll == 2 ? KEYS[random.nextInt(KEYS.length)] : field[0]).append("\": ")
                    .append(value).append(", ");
        }
        return out.append('}').toString();
    }

    private static String ceilings(SplittableRandom random) {
        StringBuilder out = new StringBuilder("{");
        for (int n = random.nextInt(4); n > 0; n--) {
            out.append(quoted(random, SERVICES)).append(": ").append(quoted(random, CLASSES)).append(", ");
        }
        return out.append('}').toString();
    }

    private static String list(SplittableRandom random, String[] words) {
        StringBuilder out = new StringBuilder("[");
        for (int n = random.nextInt(4); n > 0; n--) {
            out.append(quoted(random, words)).append(n > 1 ? ", " : "");
        }
        return out.append(']').toString();
    }

    private static String quoted(SplittableRandom random, String[] words) {
        return "\"" + words[random.nextInt(words.length)] + "\"";
    }

    /**
     * Well-formed JSON of random shape built from the format's own words, so that inputs get past
     * the syntax and into every check of the validator.
     */
    private static String randomJson(SplittableRandom random, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(depth > 4 ? 3 : 6);
        switch (kind) {
            case 0, 5 -> {
                StringBuilder out = new StringBuilder("{");
                for (int n = random.nextInt(depth == 0 ? 1 : 0, 5); n > 0; n--) {
                    out.append('"').append(KEYS[random.nextInt(KEYS.length)]).append("\":")
                            .append(randomJson(random, depth + 1)).append(n > 1 || random.nextBoolean() ? "," : "");
                }
                return out.append('}').toString();
            }
            case 3, 4 -> {
                StringBuilder out = new StringBuilder("[");
                for (int n = random.nextInt(4); n > 0; n--) {
                    out.append(randomJson(random, depth + 1)).append(n > 1 ? "," : "");
                }
                return out.append(']').toString();
            }
            case 1 -> {
                return "\"" + STRINGS[random.nextInt(STRINGS.length)] + "\"";
            }
            default -> {
                return List.of("0", "1", "-7", "1.5", "true", "null", "12345678901234567890").get(random.nextInt(7));
            }
        }
    }

    private static String randomChars(SplittableRandom random, int maxLength) {
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            out.append(random.nextInt(8) == 0 ? (char) random.nextInt(0x10000) : (char) random.nextInt(0x20, 0x7f));
        }
        return out.toString();
    }

    private static String fromTokens(SplittableRandom random, String[] tokens, int maxTokens) {
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(maxTokens + 1); n > 0; n--) {
            out.append(tokens[random.nextInt(tokens.length)]);
        }
        return out.toString();
    }

    /** {@code genuine} with one to four edits: a char replaced, inserted or deleted, a span cut, doubled or moved. */
    private static String mutate(SplittableRandom random, String genuine) {
        StringBuilder out = new StringBuilder(genuine);
        for (int edits = 1 + random.nextInt(4); edits > 0 && !out.isEmpty(); edits--) {
            int at = random.nextInt(out.length());
            int end = Math.min(out.length(), at + 1 + random.nextInt(40));
            switch (random.nextInt(6)) {
                case 0 -> out.setCharAt(at, "{}[]:,\"/*\\ \nax0-".charAt(random.nextInt(16)));
                case 1 -> out.insert(at, POLICY_TOKENS[random.nextInt(POLICY_TOKENS.length)]);
                case 2 -> out.deleteCharAt(at);
                case 3 -> out.delete(at, end);
                case 4 -> out.insert(at, out.substring(at, end));
                default -> {
                    String span = out.substring(at, end);
                    out.delete(at, end);
                    out.insert(random.nextInt(out.length() + 1), span);
                }
            }
        }
        return out.toString();
    }
}
