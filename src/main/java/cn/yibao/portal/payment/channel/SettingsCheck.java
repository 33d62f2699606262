package cn.yibao.portal.payment.channel;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a real channel's settings when it is switched on, so that an incomplete configuration stops the start with
 * one message naming every missing or wrong key, instead of failing at the first payment. Messages name keys and
 * files, never the secret values.
 */
public final class SettingsCheck {

    private final String prefix;
    private final List<String> problems = new ArrayList<>();

    public SettingsCheck(String prefix) {
        this.prefix = prefix;
    }

    public SettingsCheck require(String key, String value) {
        if (blank(value)) {
            problems.add(prefix + key + ": missing");
        }
        return this;
    }

    /** A file that must exist and be readable (only checked when set; pair with {@link #require}). */
    public SettingsCheck readableFile(String key, String path) {
        if (!blank(path) && !readable(path)) {
            problems.add(prefix + key + ": file not found or not readable (" + path + ")");
        }
        return this;
    }

    /** An absolute http(s) URL (only checked when set). */
    public SettingsCheck httpUrl(String key, String value) {
        if (!blank(value) && !isHttpUrl(value)) {
            problems.add(prefix + key + ": must be an absolute http(s) URL");
        }
        return this;
    }

    public SettingsCheck check(boolean fine, String key, String problem) {
        if (!fine) {
            problems.add(prefix + key + ": " + problem);
        }
        return this;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * A startup error for the log, in English like the portal's own startup check
     * ({@code startup.domain.ProductionSettings}).
     *
     * @throws IllegalStateException listing every problem, when there is one
     */
    public void throwIfAny(String channelName) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(channelName + " is enabled (" + prefix + "enabled=true) but its settings"
                    + " are incomplete, so the portal does not start:\n - " + String.join("\n - ", problems));
        }
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean readable(String path) {
        try {
            Path file = Path.of(path);
            return Files.isRegularFile(file) && Files.isReadable(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
