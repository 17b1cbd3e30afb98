package io.ngisec.server.service;

import io.ngisec.protocol.qos.Service;
import io.ngisec.server.api.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the services of an authorization request: CALL, FILE, CHAT in any case, at least one. */
final class RequestedServices {

    /** More entries than services exist can only be abuse; stop reading early. */
    private static final int MAX_ENTRIES = 16;

    private RequestedServices() {
    }

    /** The distinct services asked for, in the order asked; invalid_request otherwise. */
    static List<Service> parse(List<String> names) throws ApiException {
        if (names == null || names.isEmpty()) {
            throw ServiceErrors.invalidRequest("services must list at least one of CALL, FILE, CHAT");
        }
        if (names.size() > MAX_ENTRIES) {
            throw ServiceErrors.invalidRequest("too many services");
        }
        Set<Service> out = new LinkedHashSet<>();
        for (String name : names) {
            out.add(one(name));
        }
        return new ArrayList<>(out);
    }

    private static Service one(String name) throws ApiException {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (Service service : Service.values()) {
            // CONTROL is part of every session and never asked for.
            if (service != Service.CONTROL && service.name().equals(wanted)) {
                return service;
            }
        }
        throw ServiceErrors.invalidRequest("unknown service; services are CALL, FILE, CHAT");
    }
}
