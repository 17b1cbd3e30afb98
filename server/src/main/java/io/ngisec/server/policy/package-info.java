/**
 * The policy engine: the HuJSON policy file (groups and first-match rules, default deny; see
 * {@link io.ngisec.server.policy.Policy} and docs/policy-file.md), the decisions it gives for a pair
 * of users and a service, and policy tests ({@link io.ngisec.server.policy.PolicyExpectations}).
 * Pure Java: no I/O, no database, no network. The only failure this package throws for bad input
 * is {@link io.ngisec.server.policy.PolicyException}.
 */
package io.ngisec.server.policy;
