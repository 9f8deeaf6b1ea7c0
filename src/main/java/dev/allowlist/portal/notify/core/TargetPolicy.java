package dev.allowlist.portal.notify.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a webhook may go (server-side request forgery): an absolute https URL (http only where the
 * platform allows it), without credentials in it, to a host whose addresses are all public: no
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud
 * metadata address, fe80::/10), carrier-grade NAT (100.64/10), unspecified or multicast address,
 * unless the platform allows that host by name. Checked when the subscription is made and again at
 * each delivery, on the addresses the name resolves to then.
 */
public final class TargetPolicy {

    private TargetPolicy() {
    }

    /** Null when the URL may be used, else the message key of the reason. */
    public static String checkUrl(String url, boolean httpAllowed) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return "error.webhook.url";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return "error.webhook.url";
        }
        if (!scheme.equals("https") && !(httpAllowed && scheme.equals("http"))) {
            return "error.webhook.https";
        }
        return null;
    }

    /** Null when every address is public (or the host is one the platform allows), else the reason's key. */
    public static String checkAddresses(String host, List<InetAddress> addresses, Set<String> allowedHosts) {
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (addresses.isEmpty()) {
            return "error.webhook.unresolved";
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "error.webhook.private";
            }
        }
        return null;
    }

    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || first == 10 || first == 127 || (first == 100 && second >= 64 && second <= 127)
                    || (first == 169 && second == 254) || (first == 172 && second >= 16 && second <= 31)
                    || (first == 192 && second == 168) || first >= 224);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            return (first & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        return false;
    }
}
