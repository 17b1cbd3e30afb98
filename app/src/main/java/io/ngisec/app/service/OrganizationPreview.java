package io.ngisec.app.service;

import java.util.Objects;

/** What the invite's server says about itself before enrolling: the organization named by the pinned CA. */
public record OrganizationPreview(String organization) {

    public OrganizationPreview {
        Objects.requireNonNull(organization, "organization");
    }
}
