package io.ngisec.protocol.transport;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one ICE agent tells its peer, in one or more fragments (trickle ICE, RFC 8838): every
 * fragment carries the generation's credentials (ufrag and pwd, RFC 8445 section 5.3, as an RFC
 * 8840 SDP fragment does), the candidates gathered since the previous fragment, and whether that
 * was the last of them (end-of-candidates, RFC 8838 section 13). A fragment with a new ufrag
 * starts a new ICE generation (an ICE restart, RFC 8445 section 9). A one-shot description is a
 * single fragment with every candidate and end-of-candidates. Immutable; travels as JSON through
 * {@link IceDescriptionCodec}.
 */
public record IceDescription(String ufrag, String pwd, List<IceCandidate> candidates, boolean endOfCandidates) {

    private static final Pattern ICE_CHARS = Pattern.compile("[A-Za-z0-9+/]+");

    /** Refuses values that could not be signaled; throws IllegalArgumentException. */
    public IceDescription {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(pwd, "pwd");
        candidates = List.copyOf(candidates);
        if (!validCredential(ufrag, DescriptionLimits.UFRAG_MIN_CHARS, DescriptionLimits.UFRAG_MAX_CHARS)) {
            throw new IllegalArgumentException("ufrag");
        }
        if (!validCredential(pwd, DescriptionLimits.PWD_MIN_CHARS, DescriptionLimits.PWD_MAX_CHARS)) {
            throw new IllegalArgumentException("pwd");
        }
        if (candidates.size() > DescriptionLimits.MAX_CANDIDATES) {
            throw new IllegalArgumentException(candidates.size() + " candidates");
        }
    }

    static boolean validCredential(String s, int min, int max) {
        return s.length() >= min && s.length() <= max && ICE_CHARS.matcher(s).matches();
    }

    /** The password is a secret of this ICE session: keep it out of logs. */
    @Override
    public String toString() {
        return "IceDescription[ufrag=" + ufrag + ", candidates=" + candidates.size()
                + ", endOfCandidates=" + endOfCandidates + "]";
    }
}
