package cn.yibao.portal.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal started as production starts it — its own process, {@code SPRING_PROFILES_ACTIVE=production}, settings
 * from the environment — refuses to start unsafe: before it listens, with one message that names every missing or
 * unsafe setting by its environment variable and never shows a value. With everything set (PostgreSQL with the
 * owner and application roles, two OpenID Connect issuers) it starts and is healthy; with wrong database credentials
 * it stops before listening and says which settings to check.
 */
class ProductionStartIT {

    /**
     * Every setting production needs, by its environment variable, when residents sign in through the national
     * e-voucher protocol (the default).
     */
    private static final List<String> REQUIRED = List.of("SPRING_R2DBC_URL", "SPRING_R2DBC_USERNAME",
            "SPRING_R2DBC_PASSWORD", "SPRING_FLYWAY_URL", "SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD",
            "PORTAL_API_AUDIENCES", "PORTAL_STAFF_ISSUER_URI", "PORTAL_STAFF_CLIENT_SECRET", "PORTAL_CODE_KEYS",
            "PORTAL_ID_ENCRYPTION_KEY", "PORTAL_ID_HASH_KEY", "PORTAL_TRUSTED_PROXIES", "PORTAL_MIP_AUTHORIZE_URL",
            "PORTAL_MIP_API_BASE_URL", "PORTAL_MIP_PERSON_SERVICE_URL", "PORTAL_MIP_PARTNER_ID",
            "PORTAL_MIP_PARTNER_SECRET", "PORTAL_MIP_APP_ID", "PORTAL_MIP_APP_SECRET", "PORTAL_MIP_ORG_CHNL_CRTF_CODG",
            "PORTAL_MIP_PORTAL_PRIVATE_KEY", "PORTAL_MIP_PLATFORM_PUBLIC_KEY", "PORTAL_API_TOKEN_KEY");

    private static EmbeddedPostgres postgres;
    private static MockOAuth2Server issuer;

    @BeforeAll
    static void databaseAndIssuers() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create role portal_owner login password 'owner-password'");
            statement.execute("create role portal_app login password 'app-password'");
            statement.execute("create database portal owner portal_owner");
        }
        issuer = new MockOAuth2Server();
        issuer.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stop() throws IOException {
        if (issuer != null) {
            issuer.shutdown();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void withNothingSetItStopsBeforeListeningAndNamesEverySettingInOneMessage() throws Exception {
        Run run = Run.start("nothing-set", Map.of());

        String output = run.awaitExit(Duration.ofSeconds(90));

        assertThat(run.exitCode()).isNotZero();
        assertThat(output).doesNotContain("Netty started", "Started PortalApplication");
        String message = message(output);
        assertThat(message).contains(REQUIRED);
    }

    @Test
    void unsafeValuesAreNamedWithoutShowingThem() throws Exception {
        Map<String, String> settings = new HashMap<>(good());
        settings.put("PORTAL_BUSINESS_DATE", "2023-10-15T10:00");
        settings.put("PORTAL_EVOUCHER_CLIENT_SECRET", "sandbox-secret");
        settings.put("PORTAL_ID_HASH_KEY", "c2hvcnQta2V5");
        settings.put("PORTAL_STAFF_ISSUER_URI", "http://idp.example.cn/realms/staff");
        settings.put("PORTAL_CODE_KEYS", "1:bm90LWxvbmctZW5vdWdo");
        Run run = Run.start("unsafe-values", settings);

        String output = run.awaitExit(Duration.ofSeconds(90));

        assertThat(run.exitCode()).isNotZero();
        assertThat(output).doesNotContain("Netty started", "Started PortalApplication");
        String message = message(output);
        assertThat(message).contains("PORTAL_BUSINESS_DATE", "PORTAL_EVOUCHER_CLIENT_SECRET", "PORTAL_ID_HASH_KEY",
                "PORTAL_STAFF_ISSUER_URI", "PORTAL_CODE_KEYS");
        assertThat(message).doesNotContain("SPRING_R2DBC_URL", "PORTAL_API_AUDIENCES", "PORTAL_ID_ENCRYPTION_KEY");
        assertThat(output).doesNotContain("2023-10-15", "c2hvcnQta2V5", "idp.example.cn", "bm90LWxvbmctZW5vdWdo",
                "app-password", "owner-password");
    }

    @Test
    void withEverythingSetItStartsHealthy() throws Exception {
        Run run = Run.start("all-set", good());
        try {
            run.awaitHealthy(Duration.ofSeconds(120));
        } finally {
            run.stop();
        }
        assertThat(run.output()).doesNotContain("app-password", "owner-password", "evoucher-secret", "staff-secret");
    }

    @Test
    void withTheNationalEvoucherChannelSetItStartsHealthyWithoutAResidentOidcProvider() throws Exception {
        Map<String, String> settings = new HashMap<>(good());
        settings.remove("PORTAL_EVOUCHER_ISSUER_URI");
        settings.remove("PORTAL_EVOUCHER_CLIENT_SECRET");
        settings.put("PORTAL_EVOUCHER_SIGN_IN", "mip");
        java.util.Properties sandboxChannel = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/sandbox/mip-simulator.properties")) {
            sandboxChannel.load(in);
        }
        // The sandbox simulator's published keys stand in for a province's own; the hosts need not answer to start.
        settings.put("PORTAL_MIP_AUTHORIZE_URL", "https://mip.example.cn/authorize");
        settings.put("PORTAL_MIP_API_BASE_URL", "https://mip.example.cn");
        settings.put("PORTAL_MIP_PERSON_SERVICE_URL", "https://mip.example.cn/api/hsa/1101");
        settings.put("PORTAL_MIP_PARTNER_ID", "partner");
        settings.put("PORTAL_MIP_PARTNER_SECRET", "partner-secret-value");
        settings.put("PORTAL_MIP_APP_ID", sandboxChannel.getProperty("sandbox.mip.app-id"));
        settings.put("PORTAL_MIP_APP_SECRET", "app-secret-value");
        settings.put("PORTAL_MIP_ORG_CHNL_CRTF_CODG", sandboxChannel.getProperty("sandbox.mip.org-chnl-crtf-codg"));
        settings.put("PORTAL_MIP_PORTAL_PRIVATE_KEY", sandboxChannel.getProperty("sandbox.mip.portal-private-key"));
        settings.put("PORTAL_MIP_PLATFORM_PUBLIC_KEY", sandboxChannel.getProperty("sandbox.mip.platform-public-key"));
        settings.put("PORTAL_API_TOKEN_KEY", randomKey());
        Run run = Run.start("mip-set", settings);
        try {
            run.awaitHealthy(Duration.ofSeconds(120));
        } finally {
            run.stop();
        }
        assertThat(run.output()).doesNotContain("partner-secret-value", "app-secret-value",
                sandboxChannel.getProperty("sandbox.mip.portal-private-key"));
    }

    @Test
    void wrongDatabaseCredentialsStopTheStartBeforeListening() throws Exception {
        // The test's PostgreSQL trusts local connections whatever the password: a role that does not exist is what
        // it refuses.
        refusedBeforeListening("wrong-app-role", "SPRING_R2DBC_USERNAME", "no_such_app_role",
                "SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD");
    }

    @Test
    void wrongFlywayCredentialsStopTheStartBeforeListening() throws Exception {
        refusedBeforeListening("wrong-flyway-user", "SPRING_FLYWAY_USER", "no_such_owner", "SPRING_FLYWAY_USER");
    }

    /** A complete configuration but for one setting: the start stops before listening and names what to check. */
    private static void refusedBeforeListening(String name, String variable, String value, String... named)
            throws Exception {
        Map<String, String> settings = new HashMap<>(good());
        settings.put(variable, value);
        Run run = Run.start(name, settings);

        String output = run.awaitExit(Duration.ofSeconds(120));

        assertThat(run.exitCode()).isNotZero();
        assertThat(output).doesNotContain("Netty started", "Started PortalApplication", "app-password", "owner-password");
        assertThat(output).contains(named);
    }

    /** A production configuration that is complete and safe, residents signing in through an OIDC broker. */
    private static Map<String, String> good() {
        Map<String, String> settings = new HashMap<>();
        settings.put("PORTAL_EVOUCHER_SIGN_IN", "oidc");
        int port = postgres.getPort();
        settings.put("SPRING_R2DBC_URL", "r2dbc:postgresql://127.0.0.1:" + port + "/portal");
        settings.put("SPRING_R2DBC_USERNAME", "portal_app");
        settings.put("SPRING_R2DBC_PASSWORD", "app-password");
        settings.put("SPRING_FLYWAY_URL", "jdbc:postgresql://127.0.0.1:" + port + "/portal");
        settings.put("SPRING_FLYWAY_USER", "portal_owner");
        settings.put("SPRING_FLYWAY_PASSWORD", "owner-password");
        settings.put("PORTAL_API_AUDIENCES", "resident-app");
        settings.put("PORTAL_EVOUCHER_ISSUER_URI", issuer.issuerUrl("evoucher").toString());
        settings.put("PORTAL_EVOUCHER_CLIENT_SECRET", "evoucher-secret");
        settings.put("PORTAL_STAFF_ISSUER_URI", issuer.issuerUrl("staff").toString());
        settings.put("PORTAL_STAFF_CLIENT_SECRET", "staff-secret");
        settings.put("PORTAL_CODE_KEYS", "1:" + randomKey());
        settings.put("PORTAL_ID_ENCRYPTION_KEY", randomKey());
        settings.put("PORTAL_ID_HASH_KEY", randomKey());
        settings.put("PORTAL_TRUSTED_PROXIES", "127.0.0.1");
        return settings;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The lines of the refusal: from its first line to the end of the output. */
    private static String message(String output) {
        int start = output.indexOf("APPLICATION FAILED TO START");
        assertThat(start).as("the refusal in:\n" + output).isNotNegative();
        return output.substring(start);
    }

    /** One start of the portal as its own process, with only the given settings in its environment. */
    private static final class Run {

        private final Process process;
        private final Path log;
        private final int port;

        private Run(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static Run start(String name, Map<String, String> settings) throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Path.of("target", "production-start", name).toAbsolutePath();
            Files.createDirectories(dir);
            Path log = dir.resolve("portal.log");
            Files.deleteIfExists(log);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    "cn.yibao.portal.PortalApplication",
                    "--spring.main.banner-mode=off",
                    "--server.port=" + port,
                    "--portal.data-dir=" + dir));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(key -> key.startsWith("PORTAL_") || key.startsWith("SPRING_")
                    || key.startsWith("SERVER_") || key.startsWith("MANAGEMENT_"));
            environment.put("SPRING_PROFILES_ACTIVE", "production");
            environment.putAll(settings);
            return new Run(builder.start(), log, port);
        }

        String awaitExit(Duration within) throws InterruptedException {
            if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the portal did not stop by itself within " + within + ":\n" + output());
            }
            return output();
        }

        int exitCode() {
            return process.exitValue();
        }

        void awaitHealthy(Duration within) throws InterruptedException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the portal exited with " + process.exitValue() + ":\n" + output());
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("the portal was not healthy within " + within + ":\n" + output());
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }
    }
}
