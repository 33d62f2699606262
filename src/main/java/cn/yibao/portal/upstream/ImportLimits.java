package cn.yibao.portal.upstream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How big a batch file may be, how many problems a refusal lists (the rest are counted), and the longest supply a
 * prescription may have — portal settings, not policy figures.
 */
@Component
public class ImportLimits {

    private final long maxBytes;
    private final int maxLines;
    private final int maxProblems;
    private final int maxDaysSupply;

    ImportLimits(@Value("${portal.upstream.max-file-size:10MB}") DataSize maxFileSize,
                 @Value("${portal.upstream.max-lines:50000}") int maxLines,
                 @Value("${portal.upstream.max-problems:200}") int maxProblems,
                 @Value("${portal.upstream.max-days-supply:84}") int maxDaysSupply) {
        if (maxDaysSupply < 1) {
            throw new IllegalStateException("portal.upstream.max-days-supply must be at least 1, not " + maxDaysSupply);
        }
        this.maxBytes = maxFileSize.toBytes();
        this.maxLines = maxLines;
        this.maxProblems = maxProblems;
        this.maxDaysSupply = maxDaysSupply;
    }

    /**
     * The longest supply (days) an imported prescription may have: 84 (12 weeks) by default, the usual bound of a
     * long prescription (长处方, up to 12 weeks); no seed document gives a figure, so it is a setting ({@code portal.upstream.max-days-supply}).
     */
    public int maxDaysSupply() {
        return maxDaysSupply;
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
