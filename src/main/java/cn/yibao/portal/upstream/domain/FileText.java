package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.shared.Phrase;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Batch files are UTF-8, with or without a byte-order mark (Excel writes one). Anything else — GBK from an old
 * export, UTF-16 from a Windows tool — is refused with a message saying what to do, rather than read as garbage.
 */
public final class FileText {

    public sealed interface Decoded permits Text, Unreadable {
    }

    /** The file's text, without the byte-order mark. */
    public record Text(String text, boolean byteOrderMark) implements Decoded {
    }

    public record Unreadable(Phrase reason) implements Decoded {
    }

    private FileText() {
    }

    public static Decoded decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return new Unreadable(Phrase.of("upstream.problem.file.utf16"));
        }
        boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        int start = bom ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        String text;
        try {
            text = decoder.decode(input).toString();
        } catch (MalformedInputException e) {
            return new Unreadable(Phrase.of("upstream.problem.file.encodingAt", lineAt(bytes, input.position())));
        } catch (CharacterCodingException e) {
            return new Unreadable(Phrase.of("upstream.problem.file.encoding"));
        }
        if (text.indexOf('\0') >= 0) {
            return new Unreadable(Phrase.of("upstream.problem.file.binary"));
        }
        if (text.isBlank()) {
            return new Unreadable(Phrase.of("upstream.problem.file.empty"));
        }
        return new Text(text, bom);
    }

    /** The 1-based line of a byte offset, for pointing at the first undecodable byte. */
    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Lines that hold something, to enforce the line limit before parsing. */
    public static int nonBlankLines(String text) {
        int count = 0;
        boolean content = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                count += content ? 1 : 0;
                content = false;
            } else if (!Character.isWhitespace(c)) {
                content = true;
            }
        }
        return count + (content ? 1 : 0);
    }
}
