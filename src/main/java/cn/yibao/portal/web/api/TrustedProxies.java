package cn.yibao.portal.web.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose {@code X-Forwarded-*} headers the portal believes (IP addresses or CIDR ranges), and who
 * the client is behind them. A client can write any {@code X-Forwarded-For} it likes, and a proxy that appends to it
 * ({@code $proxy_add_x_forwarded_for}) keeps that text on the left: only the entries our own proxies added, read from
 * the right, say where a request came from.
 */
public final class TrustedProxies {

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Comma-separated addresses or ranges ({@code 10.0.0.5}, {@code 10.0.0.0/24}, {@code ::1}, {@code fd00::/8});
     * blank is none. Host names are not allowed: what a name resolves to can change.
     *
     * @throws IllegalArgumentException naming the position of an entry that is neither (never its text)
     */
    public static TrustedProxies parse(String configured) {
        List<Range> ranges = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            String[] entries = configured.split(",");
            for (int i = 0; i < entries.length; i++) {
                int position = i + 1;
                ranges.add(Range.parse(entries[i].strip())
                        .orElseThrow(() -> new IllegalArgumentException("entry " + position
                                + " is not an IP address or CIDR range")));
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        return address != null && ranges.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * The client of a request that reached us from {@code peer} with these {@code X-Forwarded-For} values (in header
     * order): walking from the right, the first address that is not one of our proxies. Empty when the peer is not
     * a trusted proxy, or when the entry to believe is not an address (then nobody can say who the client is).
     */
    public Optional<InetAddress> clientOf(InetAddress peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return Optional.empty();
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = address(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            client = hop.get();
            if (!trusts(client)) {
                return Optional.of(client);
            }
        }
        return Optional.of(client);
    }

    /** {@code 1.2.3.4:567} → {@code 1.2.3.4}; {@code [::1]:80} → {@code ::1}; anything else as it is. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** An IP literal, never a name: nothing here may ask DNS. */
    static Optional<InetAddress> address(String text) {
        boolean ipv4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefix) {

        static Optional<Range> parse(String text) {
            String[] parts = text.split("/", -1);
            if (parts.length > 2) {
                return Optional.empty();
            }
            Optional<InetAddress> address = address(parts[0]);
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = address.get().getAddress();
            int prefix = bytes.length * 8;
            if (parts.length == 2) {
                if (!parts[1].matches("\\d{1,3}") || Integer.parseInt(parts[1]) > bytes.length * 8) {
                    return Optional.empty();
                }
                prefix = Integer.parseInt(parts[1]);
            }
            return Optional.of(new Range(bytes, prefix));
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
