package io.ngisec.server.policy;

/**
 * The policy file {@code server init} writes: open within the organization, and commented so that
 * an administrator can tighten it without reading the manual first.
 */
final class DefaultPolicy {

    private static final String TEMPLATE = """
            // NGISec policy for %s.
            //
            // HuJSON: JSON with comments and trailing commas. Apply changes with
            // `ngisec server policy apply FILE`, check them with `ngisec server policy test FILE`.
            //
            // Rules are tried top to bottom. For a caller, a callee and a service (call, chat,
            // file), the first rule that matches all three decides; whatever no rule allows is
            // denied. Rules are one-way: "from" opens the session, "to" receives it.
            {
              // Groups beyond those given at enrollment (`invite --groups`): name -> user names.
              "groups": {
                // "eng": ["alice", "bob"],
                // "guest": ["gary"],
              },

              "rules": [
                // A deny rule goes above the rules it makes exceptions to. It lists services only:
                // {
                //   "name": "guests-no-files",
                //   "action": "deny",
                //   "from": ["group:guest"],
                //   "to": ["*"],
                //   "services": ["file"],
                // },

                // Everyone in the organization may call, chat with and send files to everyone:
                // calls up to voice (EF), chat up to interactive (AF21), files at bulk (AF11).
                // Add "maxFileSize": "10 GiB" to cap file sizes; without it there is no limit.
                {
                  "name": "everyone",
                  "action": "allow",
                  "from": ["*"],
                  "to": ["*"],
                  "services": { "call": "voice", "chat": "interactive", "file": "bulk" },
                },
              ],
            }
            """;

    private DefaultPolicy() {
    }

    static String text(String orgName) {
        // The name goes into a // comment: a line break in it would end the comment and break the file.
        String safe = orgName.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ").strip();
        return TEMPLATE.formatted(safe.isEmpty() ? "this organization" : safe);
    }
}
