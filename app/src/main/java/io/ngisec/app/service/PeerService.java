package io.ngisec.app.service;

import java.util.List;

/**
 * The enrolled device's life online, for the screens: brings it online, keeps it there across
 * server outages, and reports the directory with presence and the server connection. Network
 * and disk work happen off the UI thread; listeners hear on the UI thread. Implementations are
 * thread safe; {@link #directory()} and {@link #status()} are the latest values a listener was told.
 */
public interface PeerService extends AutoCloseable {

    /** Who this device is. */
    SelfIdentity self();

    /** Starts bringing the device online (returns at once); later calls do nothing. */
    void start();

    /** Adds {@code listener}; it hears changes from now on (read {@link #directory()} and {@link #status()} for the present). */
    void addListener(PeerServiceListener listener);

    /** The directory as last reported. */
    List<Colleague> directory();

    /** The server connection as last reported. */
    ServerStatus status();

    /** Fetches the directory again (when online). */
    void refreshDirectory();

    /** Takes the device offline and releases the home; the service cannot start again. */
    @Override
    void close();
}
