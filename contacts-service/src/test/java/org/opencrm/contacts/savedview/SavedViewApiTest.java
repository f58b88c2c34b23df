package org.opencrm.contacts.savedview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

@CrmIntegrationTest
class SavedViewApiTest {

    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();
    private final UUID me = UUID.randomUUID();

    private ApiClient as(UUID user) {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, user, "MANAGER"));
    }

    @Test
    void eachUserKeepsTheirOwnNamedViewsOfTheList() {
        var saved = as(me).post("/api/contacts/views", Map.of("list", "contacts", "name", "VIP leads",
                "query", Map.of("vip", true, "status", "LEAD", "sort", "name")));
        var sameName = as(me).post("/api/contacts/views", Map.of("list", "contacts", "name", "VIP leads",
                "query", Map.of()));
        var colleague = UUID.randomUUID();

        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(sameName.status()).isEqualTo(400);
        assertThat(as(me).get("/api/contacts/views?list=contacts").json().findValuesAsString("name"))
                .containsExactly("VIP leads");
        assertThat(as(me).get("/api/contacts/views?list=contacts").json().get(0).at("/query/status").asString())
                .isEqualTo("LEAD");
        assertThat(as(colleague).get("/api/contacts/views?list=contacts").json().size()).isZero();
        String id = saved.json().get("id").asString();
        assertThat(as(colleague).delete("/api/contacts/views/" + id).status()).isEqualTo(404);
        assertThat(as(me).put("/api/contacts/views/" + id, Map.of("list", "contacts", "name", "VIP clients",
                "query", Map.of("vip", true))).json().get("name").asString()).isEqualTo("VIP clients");
        assertThat(as(me).delete("/api/contacts/views/" + id).status()).isEqualTo(204);
        assertThat(as(me).post("/api/contacts/views", Map.of("list", "deals", "name", "x", "query", Map.of()))
                .status()).isEqualTo(400);
    }
}
