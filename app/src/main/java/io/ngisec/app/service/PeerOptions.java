package io.ngisec.app.service;

import io.ngisec.client.call.CallListener;
import io.ngisec.client.call.MediaStarter;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.session.PeerSessions;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.TransferListener;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@link OnlinePeer.Options} the app runs with. Until the transfer, chat and call screens
 * exist the device declines what comes in; those screens replace the deciders and listeners here.
 */
public final class PeerOptions {

    /** As for the command line: restricts ICE host candidates to these addresses (comma separated), e.g. for loopback tests. */
    public static final String HOST_ADDRESSES = "NGISEC_HOST_ADDRESSES";

    private PeerOptions() {
    }

    /** Options that decline files and calls, ignore chat, and pass notices to {@code notices}. */
    public static OnlinePeer.Options declining(Consumer<String> notices) {
        return new OnlinePeer.Options(sessions(System.getenv(HOST_ADDRESSES)),
                OfferDecider.declineAll("the desktop app does not take files yet"), false,
                TransferListener.NONE, ChatListener.NONE, notices);
    }

    /**
     * {@code base} with transfers and chat handed to the app's screens: offers go to {@code offers}
     * (which asks the user), chat is accepted, and both engines report to the listeners given.
     */
    public static OnlinePeer.Options withTransfersAndChat(OnlinePeer.Options base, OfferDecider offers,
            TransferListener transfers, ChatListener chat) {
        return new OnlinePeer.Options(base.sessions(), offers, true, transfers, chat, base.notices(), base.media(), base.calls());
    }

    /** {@code base} with calls: {@code media} opens their audio, {@code calls} takes rings and hears events. */
    public static OnlinePeer.Options withCalls(OnlinePeer.Options base, MediaStarter media, CallListener calls) {
        return new OnlinePeer.Options(base.sessions(), base.offers(), base.acceptChat(), base.transferListener(),
                base.chatListener(), base.notices(), media, calls);
    }

    /** Session settings with host candidates limited to {@code hostAddresses} (null or blank: every interface); bad entries are skipped. */
    static PeerSessions.Settings sessions(String hostAddresses) {
        PeerSessions.Settings defaults = PeerSessions.Settings.defaults();
        List<InetAddress> addresses = new ArrayList<>();
        if (hostAddresses != null) {
            for (String a : hostAddresses.split(",")) {
                try {
                    if (!a.isBlank()) {
                        addresses.add(InetAddress.ofLiteral(a.strip()));
                    }
                } catch (IllegalArgumentException e) {
                    // A typo must not keep the window from opening; the CLI reports it, the app uses every interface.
                }
            }
        }
        return new PeerSessions.Settings(addresses, defaults.iceTimeout(), defaults.streamWindow(), defaults.sendBuffer());
    }
}
