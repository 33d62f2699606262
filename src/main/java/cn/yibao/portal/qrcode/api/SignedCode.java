package cn.yibao.portal.qrcode.api;

import java.time.Instant;
import java.util.UUID;

/**
 * What a code says: its purpose, an opaque reference to its subject (a row id, never personal data), when it was
 * issued and until when it is valid, a nonce so that two codes for the same subject differ, and the signing key.
 */
public record SignedCode(CodePurpose purpose, UUID subject, Instant issuedAt, Instant expiresAt, int nonce, int keyId) {
}
