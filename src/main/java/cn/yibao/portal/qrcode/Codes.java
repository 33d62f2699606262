package cn.yibao.portal.qrcode;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.qrcode.api.CodeTokens.Reason;
import cn.yibao.portal.qrcode.api.CodeTokens;
import cn.yibao.portal.qrcode.api.SignedCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Issues, verifies and revokes signed codes for every module (医保码, receipts, filings, prescriptions, pay links). */
@Service
public class Codes {

    private final CodeKeyring keys;
    private final BusinessClock clock;
    private final DatabaseClient database;
    private final SecureRandom random = new SecureRandom();

    Codes(CodeKeyring keys, BusinessClock clock, DatabaseClient database) {
        this.keys = keys;
        this.clock = clock;
        this.database = database;
    }

    public record IssuedCode(String token, Instant expiresAt) {
    }

    public IssuedCode issue(CodePurpose purpose, UUID subject, Duration lifetime) {
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS); // the token carries whole seconds
        SignedCode code = new SignedCode(purpose, subject, now, now.plus(lifetime), random.nextInt(), keys.signing().id());
        return new IssuedCode(CodeTokens.sign(code, keys.signing()), code.expiresAt());
    }

    /** Signature, purpose and expiry first (no I/O); then whether it was revoked. */
    public Mono<CodeTokens.Verification> verify(String token, Set<CodePurpose> accepted) {
        CodeTokens.Verification checked = CodeTokens.verify(token, keys.verifying(), clock.now(), accepted);
        if (!(checked instanceof CodeTokens.Verified verified)) {
            return Mono.just(checked);
        }
        return database.sql("select 1 from revoked_code where token_hash = :hash")
                .bind("hash", hash(token))
                .map(row -> 1)
                .one()
                .<CodeTokens.Verification>map(revoked -> new CodeTokens.Refused(Reason.REVOKED, verified.code()))
                .defaultIfEmpty(checked);
    }

    /** Whether the token was signed by us at all (expired or not): only such codes are ever drawn. */
    public boolean isOurs(String token) {
        CodeTokens.Verification checked = CodeTokens.verify(token, keys.verifying(), Instant.EPOCH,
                Set.of(CodePurpose.values()));
        return checked instanceof CodeTokens.Verified;
    }

    public Mono<Void> revoke(String token, Instant expiresAt) {
        return database.sql("""
                        insert into revoked_code (token_hash, revoked_at, expires_at) values (:hash, :now, :expires)
                        on conflict (token_hash) do nothing""")
                .bind("hash", hash(token))
                .bind("now", clock.now())
                .bind("expires", expiresAt)
                .then();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
