package cn.yibao.portal.filing.domain;

import cn.yibao.portal.shared.Phrase;
import java.util.Locale;
import java.util.Optional;

/**
 * Materials are PDF, JPEG or PNG, recognised by their first bytes: what a file claims to be (its name or declared
 * type) must match what it is, so a renamed executable or a "PDF" that is not one is refused before it is stored.
 */
public final class Uploads {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private Uploads() {
    }

    public static Optional<String> detectedType(byte[] bytes) {
        if (startsWith(bytes, new int[] {0x25, 0x50, 0x44, 0x46, 0x2D})) {
            return Optional.of("application/pdf");
        }
        if (startsWith(bytes, new int[] {0xFF, 0xD8, 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, new int[] {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    /** Null when the file is accepted, else why it is refused. */
    public static FilingRules.Violation check(String fileName, String declaredType, byte[] bytes, String field) {
        if (bytes == null || bytes.length == 0) {
            return new FilingRules.Violation(field, Phrase.of("filing.upload.empty"));
        }
        if (bytes.length > MAX_BYTES) {
            return new FilingRules.Violation(field, Phrase.of("filing.upload.max", MAX_BYTES / 1024 / 1024));
        }
        Optional<String> actual = detectedType(bytes);
        String claimed = claimedType(fileName, declaredType);
        if (claimed != null && !actual.equals(Optional.of(claimed))) {
            return new FilingRules.Violation(field, Phrase.of("filing.upload.mismatch", fileName));
        }
        if (actual.isEmpty()) {
            return new FilingRules.Violation(field, Phrase.of("filing.upload.type"));
        }
        return null;
    }

    private static String claimedType(String fileName, String declaredType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf") || "application/pdf".equals(declaredType)) {
            return "application/pdf";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg") || "image/jpeg".equals(declaredType)) {
            return "image/jpeg";
        }
        if (name.endsWith(".png") || "image/png".equals(declaredType)) {
            return "image/png";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int[] magic) {
        if (bytes == null || bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
