package io.ngisec.protocol.transport;

import org.ice4j.TransportAddress;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.harvest.TurnCandidateHarvest;
import org.ice4j.ice.harvest.TurnCandidateHarvester;
import org.ice4j.security.LongTermCredential;

/**
 * ice4j's TURN harvester with our allocation handling ({@link TurnAllocationHarvest}): relayed
 * candidates get a {@link TurnRelaySocket}. Thread safe as ice4j's harvesters are.
 */
final class TurnHarvester extends TurnCandidateHarvester {

    TurnHarvester(TransportAddress server, LongTermCredential credential) {
        super(server, credential);
    }

    @Override
    protected TurnCandidateHarvest createHarvest(HostCandidate hostCandidate) {
        return new TurnAllocationHarvest(this, hostCandidate);
    }
}
