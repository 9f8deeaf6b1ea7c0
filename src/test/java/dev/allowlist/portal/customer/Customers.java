package dev.allowlist.portal.customer;

import static dev.allowlist.portal.TestUsers.as;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates customers through the public API, as a partner's user would. */
public final class Customers {

    private Customers() {
    }

    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long create(String user, String name, List<String> licenses) {
        Number id = as(user).contentType(ContentType.JSON)
                .body(Map.of("name", name, "licenses", licenses, "wildcardSupport", true))
                .post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    public static long addHost(String user, long customerId, String host) {
        as(user).contentType(ContentType.JSON).body(Map.of("hosts", List.of(host)))
                .post("/api/v1/customers/" + customerId + "/mcs-hosts").then().statusCode(200);
        Number id = as(user).get("/api/v1/customers/" + customerId + "/mcs-hosts")
                .then().statusCode(200).extract().path("find { it.value == '" + host + "' }.id");
        return id.longValue();
    }
}
