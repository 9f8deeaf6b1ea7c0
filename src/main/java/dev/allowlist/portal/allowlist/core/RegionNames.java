package dev.allowlist.portal.allowlist.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the AWS-style region a Sophos host name carries, e.g. {@code dzr-api-amzn-eu-west-1-9af7...}. */
public final class RegionNames {

    private static final Pattern REGION = Pattern.compile(
            "(?:^|[.-])((?:us|eu|ap|ca|sa|me|af|il|mx)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-[0-9])(?=[.-]|$)");

    private RegionNames() {
    }

    public static Optional<String> named(String host) {
        Matcher matcher = REGION.matcher(host);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
