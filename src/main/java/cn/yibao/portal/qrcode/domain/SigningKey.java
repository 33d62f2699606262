package cn.yibao.portal.qrcode.domain;

/** An HMAC-SHA256 key with its id (1–255), carried in every code it signs so that verification finds it. */
public record SigningKey(int id, byte[] secret) {

    public SigningKey {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("key id must be 1–255, not " + id);
        }
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("key " + id + " must have at least 32 bytes");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "SigningKey[" + id + "]";
    }
}
