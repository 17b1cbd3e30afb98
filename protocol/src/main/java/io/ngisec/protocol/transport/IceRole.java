package io.ngisec.protocol.transport;

/**
 * The ICE role of this agent (RFC 8445 section 6.1.1). The controlling agent nominates the pair;
 * by our convention the caller controls and the callee is controlled, so the roles never clash.
 */
public enum IceRole {
    CONTROLLING,
    CONTROLLED
}
