package io.ngisec.client.call;

import static io.ngisec.client.call.RecordingCallListener.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.link.ControlJson;
import io.ngisec.client.link.MalformedControlException;
import io.ngisec.client.link.MemoryLinkPair;
import io.ngisec.client.link.PeerLink;
import io.ngisec.protocol.fuzz.FuzzInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bounded, seeded fuzzing of call control, one input at a time from this thread: genuine call
 * messages mutated, random messages of the call types whose ids are mostly the call in progress
 * (so calls really walk through their states), and garbage, while this side sometimes places a
 * call, its listener answers, declines, hangs up or lets it ring at random, the ring times out
 * after 50 ms and its media sometimes fails to start. Only MalformedControlException is thrown,
 * and every media started is closed exactly once.
 */
class CallControlFuzzTest {

    private static final int TRIES = 3000;
    private static final List<String> IDS = List.of("$", "$", "$", "a1", "b2", "a1", "A1", "", "a".repeat(65));
    private static final List<String> GENUINE = List.of(
            "{\"type\":\"call.ring\",\"id\":\"a1\",\"codec\":\"opus/48000/1\"}",
            "{\"type\":\"call.ringing\",\"id\":\"$\"}",
            "{\"type\":\"call.accept\",\"id\":\"$\"}",
            "{\"type\":\"call.decline\",\"id\":\"$\",\"reason\":\"declined\",\"detail\":\"busy day\"}",
            "{\"type\":\"call.busy\",\"id\":\"$\"}",
            "{\"type\":\"call.cancel\",\"id\":\"a1\",\"reason\":\"no-answer\"}",
            "{\"type\":\"call.hangup\",\"id\":\"$\",\"reason\":\"failed\",\"detail\":\"no audio device\"}",
            "{\"type\":\"call.media.report\",\"id\":\"$\",\"lost\":3}");
    private static final List<String> TYPES = List.of("call.ring", "call.ringing", "call.accept", "call.decline", "call.busy",
            "call.cancel", "call.hangup", "call.media.report", "call.other");
    private static final List<String> REASONS = List.of("declined", "not-allowed", "no-answer", "failed", "cancelled", "hung-up", "x");

    @Test
    void onlyDeclaredFailuresAndEveryMediaClosedOnce() throws Exception {
        FuzzInputs inputs = new FuzzInputs("CallControlFuzzTest");
        SplittableRandom random = inputs.random();
        // The listener and the media threads choose from their own generators: SplittableRandom is not thread safe.
        SplittableRandom answers = random.split();
        SplittableRandom failures = random.split();
        FakeMediaStarter media = new FakeMediaStarter();
        MemoryLinkPair pair = new MemoryLinkPair(MemoryLinkPair.peer("mallory"), MemoryLinkPair.peer("bob"), MemoryLinkPair.ALL);
        CallListener chaotic = new CallListener() {
            @Override
            public void onIncoming(IncomingCall call) {
                switch (answers.nextInt(4)) {
                    case 0 -> acceptQuietly(call);
                    case 1 -> call.decline("no");
                    case 2 -> call.call().hangUp();
                    default -> {
                        // let it ring
                    }
                }
            }

            @Override
            public void onEvent(CallEvent event) {
                if (event instanceof CallEvent.Started started && answers.nextInt(3) == 0) {
                    started.call().hangUp();
                }
            }
        };
        CallManager bob = new CallManager((link, id) -> {
            synchronized (failures) {
                if (failures.nextInt(5) == 0) {
                    throw new IOException("no audio input device available");
                }
            }
            return media.start(link, id);
        }, chaotic, Duration.ofMillis(50));
        bob.linkUp(pair.b());
        long malformed = 0;
        long unknown = 0;
        long dialed = 0;
        try {
            for (int i = 0; i < TRIES; i++) {
                if (bob.current().isEmpty() && random.nextInt(8) == 0) {
                    dialed += dialQuietly(bob, pair.b());
                }
                String current = bob.current().map(Call::id).orElse("ab");
                String json = switch (i % 3) {
                    case 0 -> new String(inputs.mutate(GENUINE.get(i % GENUINE.size()).replace("$", current)
                            .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                    case 1 -> randomJson(random, current);
                    default -> new String(inputs.randomBytes(120), StandardCharsets.ISO_8859_1);
                };
                try {
                    if (!bob.onControl(pair.b(), ControlJson.parse(json))) {
                        unknown++;
                    }
                } catch (MalformedControlException expected) {
                    malformed++; // the declared failure
                }
            }
        } finally {
            pair.kill("done");
            bob.linkDown(pair.b(), "done");
        }
        assertThat(malformed).isPositive();
        assertThat(unknown).isPositive();
        assertThat(dialed).as("calls placed, so the caller's messages were exercised").isPositive();
        assertThat(bob.current()).isEmpty();
        assertThat(media.allClosedOnce(WAIT)).as("every media closed exactly once").isTrue();
    }

    private static int dialQuietly(CallManager manager, PeerLink link) {
        try {
            manager.dial(link);
            return 1;
        } catch (CallException e) {
            return 0; // a call came in meanwhile: a declared outcome
        }
    }

    private static void acceptQuietly(IncomingCall call) {
        try {
            call.accept();
        } catch (CallException e) {
            // ended before the answer: a declared outcome
        }
    }

    /** A call message whose fields are mostly valid, so that calls really ring, start and end. */
    private static String randomJson(SplittableRandom random, String current) {
        StringBuilder json = new StringBuilder("{\"type\":\"").append(TYPES.get(random.nextInt(TYPES.size()))).append('"');
        json.append(",\"id\":").append(random.nextInt(16) == 0 ? "7" : "\"" + IDS.get(random.nextInt(IDS.size())).replace("$", current) + "\"");
        if (random.nextInt(8) > 0) {
            json.append(",\"reason\":\"").append(REASONS.get(random.nextInt(REASONS.size()))).append('"');
        }
        if (random.nextInt(8) > 0) {
            json.append(",\"detail\":").append(random.nextInt(8) == 0 ? "null" : "\"why\"");
        }
        if (random.nextInt(8) > 0) {
            json.append(",\"codec\":\"").append(random.nextInt(8) == 0 ? "speex" : CallWire.CODEC).append('"');
        }
        return json.append('}').toString();
    }
}
