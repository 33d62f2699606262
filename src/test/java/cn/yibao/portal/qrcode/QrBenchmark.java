package cn.yibao.portal.qrcode;

import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.qrcode.api.CodeTokens;
import cn.yibao.portal.qrcode.api.SignedCode;
import cn.yibao.portal.qrcode.domain.SigningKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Single-threaded throughput of {@link QrImages}; a tool to run by hand, not a test.
 * Args: [secondsPerPhase=5] [maxOpsPerPhase=1000000] [warmupSeconds=2].
 */
public final class QrBenchmark {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final int MODULE_PX = 8;

    private static long sink;

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int maxOps = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        double warmupSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;

        byte[] png = QrImages.png(token(0), MODULE_PX);
        IntFunction<Object> svg = i -> QrImages.svg(token(i));
        IntFunction<Object> pngRender = i -> QrImages.png(token(i), MODULE_PX);
        IntFunction<Object> decode = i -> QrImages.decode(png).orElseThrow();
        // Verification as the portal does it: real signed tokens, the signature, purpose and expiry checks.
        SigningKey key = new SigningKey(1, new byte[32]);
        Instant now = Instant.parse("2023-10-15T02:00:00Z");
        String[] signed = new String[1024];
        for (int i = 0; i < signed.length; i++) {
            signed[i] = CodeTokens.sign(new SignedCode(CodePurpose.RESIDENT, new UUID(i, i), now, now.plusSeconds(90),
                    i, 1), key);
        }
        Map<Integer, SigningKey> keys = Map.of(1, key);
        Set<CodePurpose> purposes = EnumSet.allOf(CodePurpose.class);
        IntFunction<Object> verify = i -> CodeTokens.verify(signed[i & 1023], keys, now, purposes);

        for (IntFunction<Object> op : Arrays.asList(svg, pngRender, decode, verify)) {
            run(op, warmupSeconds, maxOps);
        }
        System.out.printf(Locale.ROOT, "svg bytes for a 63-char token: %d (version %d)%n",
                QrImages.svg(token(0)).length(), QrImages.version(token(0)));
        report("svg renders/s", run(svg, seconds, maxOps), true);
        report("png renders/s (" + MODULE_PX + " px/module)", run(pngRender, seconds, maxOps), false);
        report("png decodes/s (" + png.length + " B png)", run(decode, seconds, maxOps), false);
        report("token verifications/s (HMAC-SHA256)", run(verify, seconds, maxOps), true);
        System.out.println(sink == 42 ? "" : "done");
    }

    /** A distinct 63-character base64url token per index, as the portal's signed codes are. */
    static String token(int i) {
        byte[] bytes = new byte[47];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = (byte) (k < 4 ? i >>> (8 * k) : k * 37 + i * k);
        }
        return BASE64URL.encodeToString(bytes);
    }

    private record Result(int count, long elapsedNanos, long[] latencies) {
    }

    private static Result run(IntFunction<Object> op, double seconds, int maxOps) {
        long[] latencies = new long[maxOps];
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int n = 0;
        while (n < maxOps) {
            long before = System.nanoTime();
            if (before >= deadline) {
                break;
            }
            sink += op.apply(n).hashCode();
            latencies[n++] = System.nanoTime() - before;
        }
        return new Result(n, System.nanoTime() - start, Arrays.copyOf(latencies, n));
    }

    private static void report(String label, Result result, boolean withP99) {
        double secs = result.elapsedNanos() / 1e9;
        String line = String.format(Locale.ROOT, "%s: %.0f (n=%d, %.1f s)", label, result.count() / secs, result.count(), secs);
        if (withP99 && result.count() > 0) {
            long[] sorted = result.latencies().clone();
            Arrays.sort(sorted);
            long p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)];
            line += String.format(Locale.ROOT, ", p99 %.1f us", p99 / 1e3);
        }
        System.out.println(line);
    }
}
