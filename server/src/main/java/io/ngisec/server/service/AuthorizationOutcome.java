package io.ngisec.server.service;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.server.policy.Decision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the policy decided for the services of one authorization request: the granted subset with
 * its ceilings and file limit (what the ticket carries), the decision worth telling the caller
 * (the first denial if any, else the first grant), and the audit text. Immutable.
 */
record AuthorizationOutcome(Map<Service, QosClass> grants, long maxFileBytes, Service told, Decision toldDecision,
        String auditDetail) {

    /** The outcome of {@code decisions}, one per requested service in the order requested. */
    static AuthorizationOutcome of(List<Service> requested, Map<Service, Decision> decisions) {
        Map<Service, QosClass> grants = new EnumMap<>(Service.class);
        long maxFile = 0;
        Service firstDenied = null;
        Map<String, List<Service>> allowedByRule = new LinkedHashMap<>();
        Map<String, List<Service>> deniedByRule = new LinkedHashMap<>();
        for (Service service : requested) {
            Decision decision = decisions.get(service);
            if (decision.allowed()) {
                grants.put(service, decision.ceiling());
                if (service == Service.FILE) {
                    maxFile = decision.maxFileBytes();
                }
                allowedByRule.computeIfAbsent(decision.rule(), r -> new ArrayList<>()).add(service);
            } else {
                firstDenied = firstDenied == null ? service : firstDenied;
                deniedByRule.computeIfAbsent(decision.rule(), r -> new ArrayList<>()).add(service);
            }
        }
        Service told = firstDenied != null ? firstDenied : requested.get(0);
        String detail = join(audit("allowed", allowedByRule), audit("denied", deniedByRule));
        return new AuthorizationOutcome(Collections.unmodifiableMap(grants), maxFile, told, decisions.get(told), detail);
    }

    boolean allowed() {
        return !grants.isEmpty();
    }

    /** The name of the rule the caller is told about. */
    String rule() {
        return toldDecision.rule();
    }

    /** The told decision in words, such as {@code rule "guests" denies file}. */
    String reason() {
        return toldDecision.explain(told);
    }

    /** The grants as the API writes them: service name to QoS class name. */
    Map<String, String> grantNames() {
        Map<String, String> out = new LinkedHashMap<>();
        grants.forEach((service, qos) -> out.put(service.name(), qos.name()));
        return out;
    }

    /** {@code allowed CALL,CHAT by rule eng} and the like, one clause per rule. */
    private static String audit(String verb, Map<String, List<Service>> byRule) {
        List<String> clauses = new ArrayList<>();
        byRule.forEach((rule, services) -> clauses.add(verb + " " + String.join(",",
                services.stream().map(Service::name).toList()) + " by rule " + rule));
        return String.join("; ", clauses);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
