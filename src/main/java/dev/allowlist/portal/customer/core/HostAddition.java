package dev.allowlist.portal.customer.core;

import java.util.List;

/** What adding observed hosts did: new ones, already known ones (last seen updated), and those outside Sophos domains. */
public record HostAddition(List<String> added, List<String> alreadyKnown, List<String> outsideVendorDomains) {
}
