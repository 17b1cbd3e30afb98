package io.ngisec.client.call;

/** Something that happened to a call, as {@link CallListener#onEvent} hears it. */
public sealed interface CallEvent {

    /** The call this event is about. */
    Call call();

    /** The callee's device rings (it answered {@code call.ringing}); outgoing calls only. */
    record Ringing(Call call) implements CallEvent {
    }

    /** A peer calls; {@link CallListener#onIncoming} follows with the means to answer. */
    record Incoming(Call call) implements CallEvent {
    }

    /** The media runs on this side. */
    record Started(Call call) implements CallEvent {
    }

    /** The call is over; also comes, alone, for a ring refused without asking (busy, not allowed). */
    record Ended(Call call, CallEnd end) implements CallEvent {
    }
}
