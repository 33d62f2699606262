package cn.yibao.portal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Linux says about processes and the machine, read from /proc (no tool to install). */
final class ProcFs {

    private ProcFs() {
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    /**
     * CPU time a process has used so far, user and system, in milliseconds (/proc/pid/stat fields 14 and 15, in clock
     * ticks of 10 ms); 0 once it is gone.
     */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after it are counted from its closing ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Resident set size in KiB ({@code VmRSS} of /proc/pid/status). */
    static OptionalLong rssKib(long pid) {
        return field(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS");
    }

    /**
     * Proportional set size in KiB (/proc/pid/smaps_rollup): PostgreSQL's processes share their buffers, so summing
     * their RSS would count the shared memory once per process; PSS splits it between them.
     */
    static OptionalLong pssKib(long pid) {
        return field(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss");
    }

    /** A process and all its descendants (through /proc/pid/task/tid/children). */
    static List<Long> withDescendants(long pid) {
        List<Long> all = new ArrayList<>();
        all.add(pid);
        for (int i = 0; i < all.size(); i++) {
            Path tasks = Path.of("/proc", String.valueOf(all.get(i)), "task");
            try (var stream = Files.list(tasks)) {
                for (Path task : stream.toList()) {
                    String children = Files.readString(task.resolve("children")).strip();
                    if (!children.isEmpty()) {
                        for (String child : children.split("\\s+")) {
                            all.add(Long.parseLong(child));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The process ended meanwhile: nothing more below it.
            }
        }
        return all;
    }

    private static OptionalLong field(Path file, String name) {
        try {
            Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\d+) kB").matcher(Files.readString(file));
            return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
