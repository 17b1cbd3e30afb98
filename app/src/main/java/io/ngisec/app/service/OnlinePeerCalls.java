package io.ngisec.app.service;

import io.ngisec.client.call.Call;
import io.ngisec.client.call.CallEndReason;
import io.ngisec.client.call.CallEvent;
import io.ngisec.client.call.CallException;
import io.ngisec.client.call.CallListener;
import io.ngisec.client.call.CallState;
import io.ngisec.client.call.IncomingCall;
import io.ngisec.client.call.VoiceMedia;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.client.server.ServerException;
import io.ngisec.client.session.SessionSetupException;
import io.ngisec.protocol.qos.Service;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real {@link CallService} over the running {@link OnlinePeer}'s call manager. It follows one
 * call: the one it placed or the one ringing here; rings the manager refuses by itself (busy) are
 * not shown. Placing a call (policy check, session set-up, ring) runs on one virtual-thread
 * worker; answering and hanging up on short virtual threads, so a slow set-up never delays them.
 * Its {@link #listener()} and {@link CallAudio} go into the peer's options: it decides incoming calls.
 */
public final class OnlinePeerCalls implements CallService, AutoCloseable {

    /** How often the screen gets the call's quality: often enough for a level meter to move. */
    static final Duration QUALITY_INTERVAL = Duration.ofMillis(250);

    private static final Logger LOG = Logger.getLogger(OnlinePeerCalls.class.getName());

    private final Supplier<Optional<OnlinePeer>> peer;
    private final CallAudio audio;
    private final Executor ui;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("app-calls").factory());
    private volatile CallServiceListener listener = update -> { };

    private final Object lock = new Object();
    // Guarded by lock.
    private Call current;
    private IncomingCall ringing;
    private boolean placing;
    private boolean cancelPlacing;
    private AutoCloseable quality;

    /** Calls through the peer {@code peer} gives once online, with {@code audio}, telling the listener through {@code ui}. */
    public OnlinePeerCalls(Supplier<Optional<OnlinePeer>> peer, CallAudio audio, Executor ui) {
        this.peer = Objects.requireNonNull(peer, "peer");
        this.audio = Objects.requireNonNull(audio, "audio");
        this.ui = Objects.requireNonNull(ui, "ui");
        VoiceMedia.warmUp();
    }

    /** The listener the peer's options carry: it takes rings and follows the call's events. */
    public CallListener listener() {
        return new Events();
    }

    /** The media starter the peer's options carry. */
    public CallAudio audio() {
        return audio;
    }

    @Override
    public void setListener(CallServiceListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void dial(Colleague colleague) {
        synchronized (lock) {
            if (current != null || placing) {
                return;
            }
            placing = true;
            cancelPlacing = false;
        }
        submit(() -> place(colleague));
    }

    @Override
    public void accept() {
        IncomingCall answering;
        synchronized (lock) {
            answering = ringing;
            ringing = null;
        }
        if (answering != null) {
            Thread.ofVirtual().name("app-call-accept").start(() -> {
                try {
                    answering.accept();
                } catch (CallException e) {
                    // It ended first (cancelled, missed): its Ended event says so.
                }
            });
        }
    }

    @Override
    public void decline() {
        IncomingCall declining;
        synchronized (lock) {
            declining = ringing;
            ringing = null;
        }
        if (declining != null) {
            Thread.ofVirtual().name("app-call-decline").start(() -> declining.decline());
        }
    }

    @Override
    public void hangUp() {
        Call call;
        synchronized (lock) {
            if (placing && current == null) {
                cancelPlacing = true;
                return;
            }
            call = current;
            ringing = null;
        }
        if (call != null) {
            Thread.ofVirtual().name("app-call-hangup").start(call::hangUp);
        }
    }

    @Override
    public void mute(boolean on) {
        Call call;
        synchronized (lock) {
            call = current;
        }
        if (call != null && call.media().orElse(null) instanceof VoiceMedia voice) {
            voice.mute(on);
        }
    }

    @Override
    public void listAudio() {
        Thread.ofVirtual().name("app-audio-list").start(() -> {
            AudioChoices choices = audio.list();
            ui.execute(() -> listener.audioListed(choices));
        });
    }

    @Override
    public void chooseInput(AudioChoice choice) {
        audio.chooseInput(choice);
    }

    @Override
    public void chooseOutput(AudioChoice choice) {
        audio.chooseOutput(choice);
    }

    /** Hangs up the call in progress and stops the worker (the peer's own close ends the call too). */
    @Override
    public void close() {
        hangUp();
        worker.shutdownNow();
    }

    private void place(Colleague colleague) {
        try {
            Optional<CallUpdate.Ended> refused = ring(colleague);
            refused.ifPresent(this::publish);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (lock) {
                placing = false;
            }
        }
    }

    /** Sets up the session and rings; the end to show when the call could not be placed. */
    private Optional<CallUpdate.Ended> ring(Colleague colleague) throws InterruptedException {
        String user = colleague.user();
        Optional<OnlinePeer> online = peer.get();
        if (online.isEmpty()) {
            return ended(user, CallEndReason.CONNECTION_LOST, "not connected to the policy server yet; try again in a moment");
        }
        OnlinePeer p = online.get();
        // A device the policy lets this one call, else any online one (the server then names the rule).
        Optional<DirectoryEntry> device = colleague.devices().stream()
                .filter(d -> d.online() && d.services().containsKey(Service.CALL)).findFirst()
                .or(() -> colleague.devices().stream().filter(DirectoryEntry::online).findFirst());
        if (device.isEmpty()) {
            return ended(user, CallEndReason.CONNECTION_LOST, user + " is offline; calls need both of you online");
        }
        Set<Service> services = SessionServices.of(device.get(), Service.CALL);
        PeerLink link;
        try {
            if (!device.get().services().containsKey(Service.CALL)) {
                // The directory says no; the server says which rule, which is what an admin needs to hear.
                Optional<String> denial = p.policyDenial(device.get().deviceId(), Service.CALL);
                if (denial.isPresent()) {
                    return ended(user, CallEndReason.NOT_ALLOWED, "the policy does not allow calls with " + user + ": " + denial.get());
                }
            }
            link = p.connect(device.get().deviceId(), services);
        } catch (ServerException e) {
            return ended(user, CallEndReason.CONNECTION_LOST, "cannot call " + user + ": " + e.getMessage());
        } catch (SessionSetupException e) {
            return ended(user, e.reason() == SessionSetupException.Reason.DENIED ? CallEndReason.NOT_ALLOWED
                    : CallEndReason.CONNECTION_LOST, "cannot call " + user + ": " + e.getMessage());
        }
        synchronized (lock) {
            if (cancelPlacing) {
                return ended(user, CallEndReason.CANCELLED, "you cancelled the call");
            }
        }
        Call call;
        try {
            call = p.calls().dial(link);
        } catch (CallException e) {
            return ended(user, e.reason(), e.getMessage());
        }
        boolean cancel;
        synchronized (lock) {
            if (current == null) {
                current = call;
            }
            cancel = cancelPlacing;
        }
        if (cancel) {
            call.hangUp();
        }
        return Optional.empty();
    }

    private static Optional<CallUpdate.Ended> ended(String user, CallEndReason reason, String message) {
        return Optional.of(new CallUpdate.Ended(user, reason, message));
    }

    private void startQuality(Call call) {
        Optional<String> cipher = peer.get().flatMap(p -> p.links().stream()
                .filter(l -> l.peer().deviceId().equals(call.peer().deviceId()) && l.closed().isEmpty())
                .findFirst()).flatMap(PeerLink::stats).map(s -> s.security().cipherSuite());
        AutoCloseable subscription = call.subscribe(QUALITY_INTERVAL, stats -> {
            if (call.state() == CallState.ACTIVE) {
                publish(new CallUpdate.Quality(new CallQuality(stats, cipher, audio.outputLevelDbfs())));
            }
        });
        synchronized (lock) {
            quality = subscription;
        }
    }

    private void stopQuality() {
        AutoCloseable subscription;
        synchronized (lock) {
            subscription = quality;
            quality = null;
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the quality updates", e);
            }
        }
    }

    private void publish(CallUpdate update) {
        ui.execute(() -> listener.callUpdated(update));
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            synchronized (lock) {
                placing = false;
            }
        }
    }

    /** The peer's call events, on its call event thread: only the followed call's reach the screen. */
    private final class Events implements CallListener {

        @Override
        public void onIncoming(IncomingCall incoming) {
            synchronized (lock) {
                if (current != null || placing) {
                    // The manager is not busy yet while this side sets up a session to call out.
                    Thread.ofVirtual().start(() -> incoming.decline("in another call"));
                    return;
                }
                current = incoming.call();
                ringing = incoming;
            }
            publish(new CallUpdate.Incoming(incoming.peer().user(), incoming.peer().deviceName()));
        }

        @Override
        public void onEvent(CallEvent event) {
            Call call = event.call();
            synchronized (lock) {
                if (current == null && placing && call.outgoing()) {
                    current = call; // an answer raced the dial's return
                }
                if (call != current) {
                    return;
                }
            }
            String user = call.peer().user();
            switch (event) {
                case CallEvent.Ringing r -> publish(new CallUpdate.Ringing(user));
                case CallEvent.Incoming i -> {
                }
                case CallEvent.Started s -> {
                    publish(new CallUpdate.Active(user));
                    startQuality(call);
                }
                case CallEvent.Ended e -> {
                    synchronized (lock) {
                        current = null;
                        ringing = null;
                    }
                    stopQuality();
                    publish(new CallUpdate.Ended(user, e.end().reason(), e.end().message()));
                }
            }
        }
    }
}
