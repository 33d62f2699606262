package cn.yibao.portal.upstream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** How big a batch file may be, and how many problems a refusal lists (the rest are counted). */
@Component
public class ImportLimits {

    private final long maxBytes;
    private final int maxLines;
    private final int maxProblems;

    ImportLimits(@Value("${portal.upstream.max-file-size:10MB}") DataSize maxFileSize,
                 @Value("${portal.upstream.max-lines:50000}") int maxLines,
                 @Value("${portal.upstream.max-problems:200}") int maxProblems) {
        this.maxBytes = maxFileSize.toBytes();
        this.maxLines = maxLines;
        this.maxProblems = maxProblems;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxLines() {
        return maxLines;
    }

    public int maxProblems() {
        return maxProblems;
    }

    /** "10 MB", for messages. */
    public String maxSizeText() {
        return maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
    }
}
