package dev.allowlist.portal.customer;

import static dev.allowlist.portal.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allowlist.portal.TestPartners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** No N+1: the statements a page runs do not grow with the rows it shows (Hibernate statistics). */
@QuarkusTest
class QueryCountTest {

    @Inject
    EntityManagerFactory emf;

    long statementsFor(String path) {
        as("alice").get(path).then().statusCode(200); // warm: login recording, caches
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        as("alice").get(path).then().statusCode(200);
        return stats.getPrepareStatementCount();
    }

    @Test
    void theListAndDetailPagesRunAFixedNumberOfStatements() {
        TestPartners.ensureRegistered();
        String prefix = "Counted " + UUID.randomUUID().toString().substring(0, 6);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long id = as("alice").contentType(ContentType.JSON).body(Map.of("name", prefix + " " + (100 + i),
                    "licenses", List.of("EDR", "AD_SYNC"))).post("/api/v1/customers").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            ids.add(id);
        }
        long small = ids.get(0);
        long large = ids.get(1);
        as("alice").contentType(ContentType.JSON).body(Map.of("hosts", List.of("one.sophos.com")))
                .post("/api/v1/customers/" + small + "/mcs-hosts").then().statusCode(200);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("mcs" + i + ".sophos.com");
        }
        as("alice").contentType(ContentType.JSON).body(Map.of("hosts", many))
                .post("/api/v1/customers/" + large + "/mcs-hosts").then().statusCode(200);

        long listOfTwenty = statementsFor("/customers?q=" + prefix.replace(" ", "+"));
        long listOfOne = statementsFor("/customers?q=" + prefix.replace(" ", "+") + "+119");
        assertThat(listOfTwenty).as("list page statements").isEqualTo(listOfOne).isLessThanOrEqualTo(1);

        long detailSmall = statementsFor("/customers/" + small);
        long detailLarge = statementsFor("/customers/" + large);
        // the customer, its allowlist, versions and uploads come from the snapshot, the feeds list from a view
        // kept as long as pull counts are written apart (5 s): a repeated visit runs no statement
        assertThat(detailLarge).as("detail page statements").isEqualTo(detailSmall).isZero();
        // the API's full list loads licenses and hosts in batches of 100, not one query per customer
        int customers = as("alice").get("/api/v1/customers").then().extract().jsonPath().getList("").size();
        long apiList = statementsFor("/api/v1/customers");
        assertThat(apiList).as("API list statements for %d customers", customers)
                .isLessThanOrEqualTo(3 + 2L * ((customers + 99) / 100));
        // the bulk ZIP reads customers 200 at a time: per batch the customers, their licenses and hosts
        // (100 at a time) and their newest version numbers, never a query per customer
        long bulk = statementsFor("/exports/all.zip?format=txt");
        assertThat(bulk).as("bulk ZIP statements for %d customers", customers)
                .isLessThanOrEqualTo(4 + 6L * ((customers + 199) / 200));
    }
}
