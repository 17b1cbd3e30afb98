package io.ngisec.client.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.chat.ChatEngine;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.TransferEngine;
import io.ngisec.client.transfer.TransferListener;
import io.ngisec.protocol.fuzz.FuzzInputs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bounded, seeded fuzzing of the control path: genuine messages mutated, random JSON of known
 * types with random fields, and garbage. Parsing throws only MalformedControlException, and the
 * dispatcher, with the real engines behind it, counts every input without a handler failing.
 */
class ControlMessageFuzzTest {

    private static final int TRIES = 3000;
    private static final String UUID_TEXT = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final List<String> GENUINE = List.of(
            "{\"type\":\"file.offer\",\"transfer\":\"" + UUID_TEXT + "\",\"chunkBytes\":1048576,\"entryCount\":1,\"totalBytes\":3}",
            "{\"type\":\"file.entries\",\"transfer\":\"" + UUID_TEXT + "\",\"entries\":[{\"index\":0,\"path\":\"a.txt\",\"size\":3,"
                    + "\"sha256\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"}]}",
            "{\"type\":\"file.hashes\",\"transfer\":\"" + UUID_TEXT + "\",\"entry\":0,\"first\":0,"
                    + "\"hashes\":[\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"]}",
            "{\"type\":\"file.have\",\"transfer\":\"" + UUID_TEXT + "\",\"entry\":0,\"ranges\":[0,4,6,9]}",
            "{\"type\":\"file.decline\",\"transfer\":\"" + UUID_TEXT + "\",\"reason\":\"no\",\"denied\":true}",
            "{\"type\":\"file.need\",\"transfer\":\"" + UUID_TEXT + "\",\"entry\":0,\"chunk\":3}",
            "{\"type\":\"file.cancel\",\"transfer\":\"" + UUID_TEXT + "\",\"reason\":\"x\"}",
            "{\"type\":\"chat.message\",\"id\":\"" + UUID_TEXT + "\",\"text\":\"hi\"}",
            "{\"type\":\"chat.receipt\",\"id\":\"" + UUID_TEXT + "\"}");
    private static final List<String> TYPES = List.of("file.offer", "file.entries", "file.hashes", "file.have", "file.accept",
            "file.decline", "file.need", "file.pause", "file.resume", "file.cancel", "file.done", "file.failed", "chat.message",
            "chat.receipt", "other.thing");
    private static final List<String> FIELDS = List.of("transfer", "id", "text", "entry", "entries", "first", "hashes", "ranges",
            "chunk", "chunkBytes", "entryCount", "totalBytes", "reason", "denied", "path", "size", "sha256", "index");

    @Test
    void onlyDeclaredFailuresAndEveryInputCounted() throws Exception {
        FuzzInputs inputs = new FuzzInputs("ControlMessageFuzzTest");
        MemoryLinkPair pair = new MemoryLinkPair(MemoryLinkPair.peer("mallory"), MemoryLinkPair.peer("bob"), MemoryLinkPair.ALL);
        try (PeerDatabase db = PeerDatabase.inMemory("control-fuzz")) {
            List<LinkFeature> features = List.of(new TransferEngine(db, OfferDecider.declineAll("no"), TransferListener.NONE),
                    new ChatEngine(db, ChatListener.NONE));
            features.forEach(f -> f.linkUp(pair.b()));
            // Not started: this test feeds dispatch() directly, one input at a time.
            LinkDispatcher dispatcher = new LinkDispatcher(pair.b(), features);
            for (int i = 0; i < TRIES; i++) {
                String json = switch (i % 3) {
                    case 0 -> new String(inputs.mutate(GENUINE.get(i % GENUINE.size()).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                    case 1 -> randomJson(inputs.random());
                    default -> new String(inputs.randomBytes(200), StandardCharsets.ISO_8859_1);
                };
                try {
                    ControlJson.parse(json);
                } catch (MalformedControlException expected) {
                    // the declared failure
                }
                dispatcher.dispatch(json);
            }
            DispatchStats stats = dispatcher.stats();
            assertThat(stats.handlerErrors()).as("handlers that threw unexpectedly").isZero();
            assertThat(stats.handled() + stats.malformed() + stats.unknown()).isEqualTo(TRIES);
            assertThat(stats.malformed()).isPositive();
            assertThat(stats.handled()).isPositive();
            pair.kill("done");
        }
    }

    private static String randomJson(SplittableRandom random) {
        StringBuilder json = new StringBuilder("{\"type\":\"").append(TYPES.get(random.nextInt(TYPES.size()))).append('"');
        for (int n = random.nextInt(6); n > 0; n--) {
            json.append(",\"").append(FIELDS.get(random.nextInt(FIELDS.size()))).append("\":").append(randomValue(random, 2));
        }
        return json.append('}').toString();
    }

    private static String randomValue(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth > 0 ? 8 : 6)) {
            case 0 -> Long.toString(random.nextLong());
            case 1 -> Integer.toString(random.nextInt(-2, 10));
            case 2 -> "\"" + UUID_TEXT + "\"";
            case 3 -> random.nextBoolean() ? "true" : "null";
            case 4 -> "\"" + "ab/../c\\u0000".substring(0, random.nextInt(14)) + "\"";
            case 5 -> "1e999";
            case 6 -> "[" + randomValue(random, depth - 1) + "," + randomValue(random, depth - 1) + "]";
            default -> "{\"index\":" + randomValue(random, depth - 1) + ",\"path\":" + randomValue(random, depth - 1) + "}";
        };
    }
}
