package dev.allowlist.portal.catalog.core;

import java.util.List;
import java.util.Optional;

/**
 * The eight Sophos Central data regions and the AWS region code each is written as in the
 * profile and in host names. The vendor page names region-bound hosts for four codes only (the
 * catalog's regions); the others are offered so that a customer can say where its data lives,
 * and the allowlist then names every rule it could not emit (docs/regions.md).
 */
public final class DataRegions {

    /** A data region's code and the message key of its name. */
    public record DataRegion(String code, String dataRegion) {

        public String messageKey() {
            return "region.name." + code;
        }
    }

    private static final List<DataRegion> ALL = List.of(
            new DataRegion("us-east-2", "us"),
            new DataRegion("us-west-2", "us"),
            new DataRegion("ca-central-1", "ca"),
            new DataRegion("eu-west-1", "ie"),
            new DataRegion("eu-central-1", "de"),
            new DataRegion("ap-southeast-2", "au"),
            new DataRegion("ap-south-1", "in"),
            new DataRegion("sa-east-1", "br"),
            new DataRegion("ap-northeast-1", "jp"));

    private DataRegions() {
    }

    public static List<DataRegion> all() {
        return ALL;
    }

    public static Optional<DataRegion> byCode(String code) {
        return ALL.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public static boolean isDataRegion(String code) {
        return byCode(code).isPresent();
    }
}
