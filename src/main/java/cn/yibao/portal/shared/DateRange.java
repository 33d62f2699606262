package cn.yibao.portal.shared;

import java.time.LocalDate;

/** Both days included. */
public record DateRange(LocalDate start, LocalDate end) {

    public DateRange {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("range ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public static DateRange parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected YYYY-MM-DD/YYYY-MM-DD, not '" + text + "'");
        }
        return new DateRange(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public boolean overlaps(DateRange other) {
        return !other.end.isBefore(start) && !other.start.isAfter(end);
    }
}
