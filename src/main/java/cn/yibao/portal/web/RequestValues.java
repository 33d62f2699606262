package cn.yibao.portal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/** Small conversions every handler needs: ids from paths (a malformed one is simply "not found"), upload bytes. */
public final class RequestValues {

    private RequestValues() {
    }

    public static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * A calendar date as a caller writes it, {@code yyyy-MM-dd} with a four-digit year. ISO-8601 also allows
     * {@code +999999999-12-31}, which no rule here can work with (PostgreSQL's dates end in year 5874897): refused
     * like any other malformed date.
     */
    public static LocalDate isoDate(String text) {
        String date = text.strip();
        if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new DateTimeParseException("not yyyy-MM-dd", date, 0);
        }
        return LocalDate.parse(date);
    }

    /** Copies a joined upload out of its buffer and releases the buffer. */
    public static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }
}
