package io.ngisec.client.transfer;

import io.ngisec.client.link.ControlJson;
import io.ngisec.client.link.ControlMessage;
import io.ngisec.client.link.MalformedControlException;
import io.ngisec.client.link.PeerLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The {@code "file.*"} type names of {@link FileMessage}s and their JSON; splits long lists across messages. */
final class FileMessageCodec {

    static final String PREFIX = "file.";

    private static final Map<String, Class<? extends FileMessage>> TYPES = Map.ofEntries(
            Map.entry("file.offer", FileMessage.Offer.class),
            Map.entry("file.entries", FileMessage.Entries.class),
            Map.entry("file.hashes", FileMessage.Hashes.class),
            Map.entry("file.have", FileMessage.Have.class),
            Map.entry("file.accept", FileMessage.Accept.class),
            Map.entry("file.decline", FileMessage.Decline.class),
            Map.entry("file.need", FileMessage.Need.class),
            Map.entry("file.pause", FileMessage.Pause.class),
            Map.entry("file.resume", FileMessage.Resume.class),
            Map.entry("file.cancel", FileMessage.Cancel.class),
            Map.entry("file.done", FileMessage.Done.class),
            Map.entry("file.failed", FileMessage.Failed.class));

    /** Room left in a control message for a list, after the type, ids and field names. */
    private static final int LIST_BUDGET = PeerLink.MAX_CONTROL_BYTES - 1024;

    private FileMessageCodec() {
    }

    /** The message, or empty for a type this version does not know; throws for invalid fields. */
    static Optional<FileMessage> decode(ControlMessage message) throws MalformedControlException {
        Class<? extends FileMessage> type = TYPES.get(message.type());
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(ControlJson.decode(message, type));
    }

    static String encode(FileMessage message) {
        String type = TYPES.entrySet().stream().filter(e -> e.getValue() == message.getClass())
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        return ControlJson.encode(type, (Record) message);
    }

    /** {@code items} cut into consecutive lists whose JSON fits one control message. */
    static <T> List<List<T>> split(List<T> items, Function<T, Object> asJson) {
        List<List<T>> parts = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int size = 0;
        for (T item : items) {
            int length = ControlJson.encodedLength(asJson.apply(item)) + 1;
            if (!current.isEmpty() && size + length > LIST_BUDGET) {
                parts.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(item);
            size += length;
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }
}
