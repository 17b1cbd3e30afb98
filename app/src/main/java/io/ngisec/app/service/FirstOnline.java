package io.ngisec.app.service;

/** Runs something once, the first time a {@link PeerService} is online (now, if it already is). */
public final class FirstOnline {

    private FirstOnline() {
    }

    /** Runs {@code action} on the UI thread when {@code service} first reports ONLINE; call on the UI thread. */
    public static void run(PeerService service, Runnable action) {
        PeerServiceListener listener = new PeerServiceListener() {
            private boolean done;

            @Override
            public void statusChanged(ServerStatus now) {
                if (!done && now.phase() == ConnectionPhase.ONLINE) {
                    done = true;
                    action.run();
                }
            }
        };
        service.addListener(listener);
        listener.statusChanged(service.status());
    }
}
