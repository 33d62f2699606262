package cn.yibao.portal.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code deploy/cluster/run.sh} as a newcomer runs it (PostgreSQL, Redis, the sandbox issuer, two nodes, nginx), on
 * free ports and with the jar this build made; stopped as Ctrl-C would, with SIGTERM.
 */
final class LocalCluster {

    private static final Pattern WORKING_IN = Pattern.compile("working in (\\S+)");
    private static final Pattern NODE = Pattern.compile("(node-\\d) \\(pid (\\d+)\\) on 127\\.0\\.0\\.1:(\\d+)");

    private final Process script;
    private final int proxyPort;
    private final List<String> output = new ArrayList<>();
    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile Path workDir;

    private LocalCluster(Process script, int proxyPort) {
        this.script = script;
        this.proxyPort = proxyPort;
    }

    static LocalCluster start() throws IOException, InterruptedException {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        int[] free = freePorts(6);
        ProcessBuilder builder = new ProcessBuilder("bash", base.resolve("deploy/cluster/run.sh").toString())
                .directory(base.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PORTAL_CLUSTER_PORT", String.valueOf(free[0]));
        env.put("PORTAL_CLUSTER_NODE_PORTS", free[1] + " " + free[2]);
        env.put("PORTAL_CLUSTER_ISSUER_PORT", String.valueOf(free[3]));
        env.put("PORTAL_CLUSTER_PG_PORT", String.valueOf(free[4]));
        env.put("PORTAL_CLUSTER_REDIS_PORT", String.valueOf(free[5]));
        env.put("PORTAL_CLUSTER_JAR", builtJar(base).toString());
        LocalCluster cluster = new LocalCluster(builder.start(), free[0]);
        Thread reader = new Thread(cluster::readOutput, "cluster-output");
        reader.setDaemon(true);
        reader.start();
        if (!cluster.ready.await(6, TimeUnit.MINUTES) || !cluster.script.isAlive()) {
            cluster.stop();
            throw new AssertionError("the cluster did not start:\n" + String.join("\n", cluster.output));
        }
        return cluster;
    }

    String url(String path) {
        return "http://127.0.0.1:" + proxyPort + path;
    }

    /** A node's own address, past the proxy. */
    String nodeUrl(String node, String path) {
        return "http://127.0.0.1:" + ports.get(node) + path;
    }

    List<String> nodes() {
        return ports.keySet().stream().sorted().toList();
    }

    /** Kills the node as a crash would (SIGKILL): no shutdown, no goodbye to anyone. */
    void kill(String node) {
        ProcessHandle handle = ProcessHandle.of(pids.get(node)).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().join();
    }

    /** The end of each log of the run (for a failure's report). */
    String logs() {
        StringBuilder text = new StringBuilder(String.join("\n", output));
        if (workDir != null && Files.isDirectory(workDir)) {
            // Two levels: the nginx access and error logs (which node answered what) live in nginx/.
            try (Stream<Path> files = Files.walk(workDir, 2)) {
                files.filter(file -> file.toString().endsWith(".log")).sorted().forEach(file -> {
                    try {
                        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                        text.append("\n==== ").append(workDir.relativize(file)).append('\n')
                                .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                    } catch (IOException | UncheckedIOException unreadable) {
                        text.append("\n==== ").append(file.getFileName()).append(": ").append(unreadable);
                    }
                });
            } catch (IOException e) {
                text.append('\n').append(e);
            }
        }
        return text.toString();
    }

    /** SIGTERM, as Ctrl-C's neighbour: the script stops everything it started. */
    void stop() throws InterruptedException {
        script.destroy();
        if (!script.waitFor(90, TimeUnit.SECONDS)) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
            throw new AssertionError("the cluster did not stop within 90 s on SIGTERM");
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(script.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println(line);
                synchronized (output) {
                    output.add(line);
                }
                Matcher working = WORKING_IN.matcher(line);
                if (working.find()) {
                    workDir = Path.of(working.group(1));
                }
                Matcher node = NODE.matcher(line);
                if (node.find()) {
                    pids.put(node.group(1), Long.parseLong(node.group(2)));
                    ports.put(node.group(1), Integer.parseInt(node.group(3)));
                }
                if (line.contains("Portal cluster ready at")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            output.add("(output ended: " + e + ")");
        }
        ready.countDown();
    }

    private static Path builtJar(Path base) throws IOException {
        try (Stream<Path> jars = Files.list(base.resolve("target"))) {
            return jars.filter(jar -> jar.getFileName().toString().matches("resident-portal-.*\\.jar"))
                    .filter(jar -> !jar.getFileName().toString().contains("plain")).findFirst()
                    .orElseThrow(() -> new AssertionError("no portal jar in target/: the package phase makes it"));
        }
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
