package cn.yibao.portal.startup.domain;

import cn.yibao.portal.web.api.TrustedProxies;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What production needs before it may start, as rules over the resolved settings. Each problem names the environment
 * variable (and the property it sets) and says what is wrong in general terms — never the value, which may be a
 * secret. The list follows the README's table, so that an operator can work down both together.
 */
public final class ProductionSettings {

    /** A setting by its environment variable and the property it sets. */
    public record Setting(String variable, String property) {
    }

    /** What is wrong with one setting, in words that do not repeat its value. */
    public record Problem(String variable, String property, String why) {
    }

    public static final Setting R2DBC_URL = new Setting("SPRING_R2DBC_URL", "spring.r2dbc.url");
    public static final Setting R2DBC_USERNAME = new Setting("SPRING_R2DBC_USERNAME", "spring.r2dbc.username");
    public static final Setting R2DBC_PASSWORD = new Setting("SPRING_R2DBC_PASSWORD", "spring.r2dbc.password");
    public static final Setting FLYWAY_URL = new Setting("SPRING_FLYWAY_URL", "spring.flyway.url");
    public static final Setting FLYWAY_USER = new Setting("SPRING_FLYWAY_USER", "spring.flyway.user");
    public static final Setting FLYWAY_PASSWORD = new Setting("SPRING_FLYWAY_PASSWORD", "spring.flyway.password");
    public static final Setting EVOUCHER_ISSUER = new Setting("PORTAL_EVOUCHER_ISSUER_URI",
            "spring.security.oauth2.client.provider.evoucher.issuer-uri");
    public static final Setting EVOUCHER_SECRET = new Setting("PORTAL_EVOUCHER_CLIENT_SECRET",
            "spring.security.oauth2.client.registration.evoucher.client-secret");
    public static final Setting STAFF_ISSUER = new Setting("PORTAL_STAFF_ISSUER_URI",
            "spring.security.oauth2.client.provider.staff.issuer-uri");
    public static final Setting STAFF_SECRET = new Setting("PORTAL_STAFF_CLIENT_SECRET",
            "spring.security.oauth2.client.registration.staff.client-secret");
    public static final Setting AUDIENCES = new Setting("PORTAL_API_AUDIENCES", "portal.api.audiences");
    public static final Setting CODE_KEYS = new Setting("PORTAL_CODE_KEYS", "portal.codes.keys");
    public static final Setting ID_ENCRYPTION_KEY = new Setting("PORTAL_ID_ENCRYPTION_KEY", "portal.crypto.id-encryption-key");
    public static final Setting ID_HASH_KEY = new Setting("PORTAL_ID_HASH_KEY", "portal.crypto.id-hash-key");
    public static final Setting TRUSTED_PROXIES = new Setting("PORTAL_TRUSTED_PROXIES", "portal.trusted-proxies");
    public static final Setting BUSINESS_DATE = new Setting("PORTAL_BUSINESS_DATE", "portal.business-date");
    public static final Setting PROFILES = new Setting("SPRING_PROFILES_ACTIVE", "spring.profiles.active");
    public static final Setting SANDBOX_PAYMENT = new Setting("PORTAL_PAYMENT_SANDBOX_ENABLED",
            "portal.payment.sandbox.enabled");
    public static final Setting FORWARD_HEADERS = new Setting("SERVER_FORWARD_HEADERS_STRATEGY",
            "server.forward-headers-strategy");

    /** How residents sign in: {@code mip} (the national e-voucher protocol, the default) or {@code oidc}. */
    public static final Setting RESIDENT_SIGN_IN = new Setting("PORTAL_EVOUCHER_SIGN_IN", "portal.evoucher.sign-in");
    /** The national e-voucher channel, required when residents sign in through it ({@code sign-in=mip}). */
    public static final List<Setting> MIP = java.util.stream.Stream.of("AUTHORIZE_URL", "API_BASE_URL",
                    "PERSON_SERVICE_URL", "PARTNER_ID", "PARTNER_SECRET", "APP_ID", "APP_SECRET", "ORG_CHNL_CRTF_CODG",
                    "PORTAL_PRIVATE_KEY", "PLATFORM_PUBLIC_KEY")
            .map(name -> new Setting("PORTAL_MIP_" + name,
                    "portal.evoucher.mip." + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-')))
            .toList();
    public static final Setting API_TOKEN_KEY = new Setting("PORTAL_API_TOKEN_KEY", "portal.api.token-key");

    static final String SANDBOX_SECRET = "sandbox-secret";

    private ProductionSettings() {
    }

    /**
     * Every problem, in the README's order; empty when production may start.
     *
     * @param settings the resolved value of a property, or null when it is not set
     * @param activeProfiles the active Spring profiles
     */
    public static List<Problem> problems(Function<String, String> settings, Set<String> activeProfiles) {
        Checks checks = new Checks(settings);
        checks.url(R2DBC_URL, "r2dbc:postgresql://", "r2dbc:pool:postgresql://");
        checks.required(R2DBC_USERNAME);
        checks.required(R2DBC_PASSWORD);
        checks.url(FLYWAY_URL, "jdbc:postgresql://");
        checks.required(FLYWAY_USER);
        checks.required(FLYWAY_PASSWORD);
        checks.notTheOwner();
        boolean residentsThroughOidc = checks.value(RESIDENT_SIGN_IN).filter("oidc"::equalsIgnoreCase).isPresent();
        if (residentsThroughOidc) {
            checks.issuer(EVOUCHER_ISSUER);
            checks.secret(EVOUCHER_SECRET);
        }
        checks.issuer(STAFF_ISSUER);
        checks.secret(STAFF_SECRET);
        checks.required(AUDIENCES);
        checks.codeKeys();
        checks.key(ID_ENCRYPTION_KEY);
        checks.key(ID_HASH_KEY);
        checks.trustedProxies();
        checks.value(RESIDENT_SIGN_IN).filter(mode -> !mode.equalsIgnoreCase("mip") && !mode.equalsIgnoreCase("oidc"))
                .ifPresent(mode -> checks.problem(RESIDENT_SIGN_IN, "must be mip (the national e-voucher protocol, "
                        + "the default) or oidc (an OpenID Connect broker in front of it)"));
        if (!residentsThroughOidc) {
            MIP.forEach(checks::required);
            if (checks.required(API_TOKEN_KEY)
                    && checks.decoded(checks.value(API_TOKEN_KEY).get()).filter(bytes -> bytes.length >= 32).isEmpty()) {
                checks.problem(API_TOKEN_KEY, "must be at least 32 random bytes, base64 (openssl rand -base64 32), "
                        + "the same on every node");
            }
        }
        checks.absent(BUSINESS_DATE, "must not be set in production: the portal runs on real time (a business date "
                + "would date payments and audit rows wrongly)");
        if (activeProfiles.contains("sandbox")) {
            checks.problem(PROFILES, "must not include the sandbox profile (demo residents, in-process issuer, sandbox "
                    + "payment channel)");
        }
        if (Boolean.parseBoolean(checks.value(SANDBOX_PAYMENT).orElse("false"))) {
            checks.problem(SANDBOX_PAYMENT, "must be off in production: the sandbox channel takes no money");
        }
        checks.value(FORWARD_HEADERS).filter(strategy -> !strategy.equalsIgnoreCase("none"))
                .ifPresent(strategy -> checks.problem(FORWARD_HEADERS, "must be left unset: it would believe forwarded "
                        + "headers from anyone; name the proxies in PORTAL_TRUSTED_PROXIES instead"));
        return checks.problems;
    }

    /** One message naming every problem, for the operator; no value appears in it. */
    public static String message(List<Problem> problems) {
        StringBuilder message = new StringBuilder("The production profile does not start: ").append(problems.size())
                .append(problems.size() == 1 ? " setting is" : " settings are")
                .append(" missing or unsafe (values are never shown):\n");
        for (Problem problem : problems) {
            message.append("  - ").append(problem.variable()).append(" (").append(problem.property()).append("): ")
                    .append(problem.why()).append('\n');
        }
        return message.toString();
    }

    private static final class Checks {

        private final Function<String, String> settings;
        private final List<Problem> problems = new ArrayList<>();

        Checks(Function<String, String> settings) {
            this.settings = settings;
        }

        Optional<String> value(Setting setting) {
            return Optional.ofNullable(settings.apply(setting.property())).map(String::strip).filter(v -> !v.isEmpty());
        }

        void problem(Setting setting, String why) {
            problems.add(new Problem(setting.variable(), setting.property(), why));
        }

        boolean required(Setting setting) {
            if (value(setting).isEmpty()) {
                problem(setting, "missing");
                return false;
            }
            return true;
        }

        void url(Setting setting, String... prefixes) {
            if (required(setting) && java.util.Arrays.stream(prefixes)
                    .noneMatch(prefix -> value(setting).get().toLowerCase(Locale.ROOT).startsWith(prefix))) {
                problem(setting, "must be a PostgreSQL URL starting with " + prefixes[0]);
            }
        }

        /** The application must not connect as the schema's owner: the owner could rewrite the audit trail. */
        void notTheOwner() {
            Optional<String> app = value(R2DBC_USERNAME);
            if (app.isPresent() && app.equals(value(FLYWAY_USER))) {
                problem(R2DBC_USERNAME, "must not be the migrations' owner role (SPRING_FLYWAY_USER): connect as the "
                        + "restricted application role, see README");
            }
        }

        void issuer(Setting setting) {
            if (!required(setting)) {
                return;
            }
            URI uri;
            try {
                uri = URI.create(value(setting).get());
            } catch (IllegalArgumentException e) {
                problem(setting, "is not a URI");
                return;
            }
            if (uri.getHost() == null || uri.getScheme() == null) {
                problem(setting, "must be an absolute https:// URI (the provider's OpenID Connect issuer)");
            } else if (!uri.getScheme().equals("https") && !(uri.getScheme().equals("http") && loopback(uri.getHost()))) {
                problem(setting, "must use https (plain http only for a provider on this machine's loopback)");
            }
        }

        void secret(Setting setting) {
            if (required(setting) && value(setting).get().equals(SANDBOX_SECRET)) {
                problem(setting, "is the sandbox's published secret: use the one the provider issued");
            }
        }

        void codeKeys() {
            if (!required(CODE_KEYS)) {
                return;
            }
            String[] entries = value(CODE_KEYS).get().split(",");
            for (int i = 0; i < entries.length; i++) {
                String[] parts = entries[i].strip().split(":", 2);
                boolean idOk = parts.length == 2 && parts[0].matches("\\d{1,3}") && Integer.parseInt(parts[0]) >= 1
                        && Integer.parseInt(parts[0]) <= 255;
                if (!idOk || decoded(parts[1]).filter(bytes -> bytes.length >= 32).isEmpty()) {
                    problem(CODE_KEYS, "entry " + (i + 1) + " must be <id 1-255>:<base64 of at least 32 random bytes>");
                    return;
                }
            }
        }

        void key(Setting setting) {
            if (required(setting) && decoded(value(setting).get()).filter(bytes -> bytes.length == 32).isEmpty()) {
                problem(setting, "must be 32 random bytes, base64 (openssl rand -base64 32)");
            }
        }

        void trustedProxies() {
            if (!required(TRUSTED_PROXIES)) {
                return;
            }
            try {
                TrustedProxies.parse(value(TRUSTED_PROXIES).get());
            } catch (IllegalArgumentException e) {
                problem(TRUSTED_PROXIES, e.getMessage() + ": list the reverse proxies' addresses or ranges "
                        + "(e.g. 10.0.0.5 or 10.0.0.0/24), comma-separated");
            }
        }

        void absent(Setting setting, String why) {
            if (value(setting).isPresent()) {
                problem(setting, why);
            }
        }

        private static Optional<byte[]> decoded(String base64) {
            try {
                return Optional.of(Base64.getDecoder().decode(base64.strip()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private static boolean loopback(String host) {
            return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1")
                    || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        }
    }
}
