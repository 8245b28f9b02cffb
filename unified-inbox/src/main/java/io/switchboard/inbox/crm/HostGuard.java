package io.switchboard.inbox.crm;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses outbound requests to private, loopback, link-local and other internal addresses (SSRF)
 * unless the host name or a CIDR containing the address is allow-listed in
 * {@code hub.crm.allowed-hosts}. Every address the name resolves to is checked.
 */
final class HostGuard {

    private final List<String> hosts = new ArrayList<>();
    private final List<Cidr> cidrs = new ArrayList<>();

    HostGuard(List<String> allowed) {
        for (String entry : allowed) {
            String value = entry.trim().toLowerCase(Locale.ROOT);
            if (value.contains("/")) {
                cidrs.add(Cidr.parse(value));
            } else if (!value.isEmpty()) {
                hosts.add(value);
            }
        }
    }

    /** @throws RefusedDestinationException when the URL may not be called, saying why */
    void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedDestinationException("Webhook URL must be http or https: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedDestinationException("Webhook URL has no host: " + uri);
        }
        if (hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedDestinationException("Webhook host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (internal(address) && cidrs.stream().noneMatch(c -> c.contains(address))) {
                throw new RefusedDestinationException("Refused to call " + host + ": " + address.getHostAddress()
                        + " is a private or loopback address; allow it with hub.crm.allowed-hosts");
            }
        }
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8
            return (b[0] == 100 && (b[1] & 0xC0) == 64) || b[0] == 0;
        }
        // fc00::/7 unique local
        return a instanceof Inet6Address && (b[0] & 0xFE) == 0xFC;
    }

    /** An address range in CIDR notation, IPv4 or IPv6. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String value) {
            String[] parts = value.split("/", 2);
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = Integer.parseInt(parts[1]);
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new NumberFormatException();
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("hub.crm.allowed-hosts: '" + value
                        + "' is not a CIDR such as 10.0.0.0/8 or 127.0.0.1/32");
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
