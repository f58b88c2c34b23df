package org.opencrm.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.contacts.contact.ContactApiTest.fields;
import static org.opencrm.contacts.contact.ContactApiTest.point;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CrmIntegrationTest
class ContactSearchTest {

    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();
    private final UUID admin = UUID.randomUUID();

    private ApiClient api() {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, admin, "ADMIN"));
    }

    private String create(Map<String, Object> card) {
        var created = api().post("/api/contacts?confirmDuplicate=true", card);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private List<String> names(String query) {
        var page = api().get("/api/contacts?" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items").findValuesAsString("displayName");
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @BeforeEach
    void someClients() {
        create(fields("firstName", "Taras", "lastName", "Shevchenko", "status", "ACTIVE", "vip", true,
                "tags", List.of("poet"), "source", "Fair",
                "points", List.of(point("PHONE", "+380 67 123 45 67"), point("EMAIL", "taras@kobzar.example"))));
        create(fields("firstName", "Lesia", "lastName", "Ukrainka", "status", "LEAD", "tags", List.of("poet", "kyiv"),
                "points", List.of(point("PHONE", "050 765 43 21"))));
        create(fields("firstName", "Іван", "lastName", "Франко", "status", "FORMER",
                "points", List.of(point("EMAIL", "ivan.franko@lviv.example"))));
    }

    @Test
    void findsANameTypedWithATypoOrInPart() {
        assertThat(names(q("Shevcenko"))).containsExactly("Shevchenko Taras");
        assertThat(names(q("ukrain"))).containsExactly("Ukrainka Lesia");
        assertThat(names(q("франка"))).containsExactly("Франко Іван");
        assertThat(names(q("taras shevchenko"))).containsExactly("Shevchenko Taras");
        assertThat(names(q("shevch tar"))).as("the beginnings of two words").containsExactly("Shevchenko Taras");
        assertThat(names(q("lesia shevchenko"))).as("every typed word must meet the name").isEmpty();
    }

    @Test
    void aRenamedOrDoubleBarrelledNameIsFoundByEachOfItsWords() {
        String id = create(fields("firstName", "Olena", "lastName", "Kovalenko"));
        api().patch("/api/contacts/" + id, Map.of("lastName", "Kotliarevska-Kovalenko"));

        assertThat(names(q("Kotliarevska"))).containsExactly("Kotliarevska-Kovalenko Olena");
        assertThat(names(q("kovalenko olena"))).containsExactly("Kotliarevska-Kovalenko Olena");
        assertThat(names(q("Kotlarevska"))).as("with a typo").containsExactly("Kotliarevska-Kovalenko Olena");
    }

    @Test
    void findsAPhoneTypedInAnyFormatOrInPart() {
        assertThat(names(q("067 123-45-67"))).containsExactly("Shevchenko Taras");
        assertThat(names(q("+380671234567"))).containsExactly("Shevchenko Taras");
        assertThat(names(q("(050) 765 43 21"))).containsExactly("Ukrainka Lesia");
        assertThat(names(q("765-43-21"))).containsExactly("Ukrainka Lesia");
    }

    @Test
    void findsAnEmailOrAPartOfIt() {
        assertThat(names(q("taras@kobzar.example"))).containsExactly("Shevchenko Taras");
        assertThat(names(q("lviv.example"))).containsExactly("Франко Іван");
    }

    @Test
    void filtersCombineWithTheSearch() {
        assertThat(names("tag=poet&sort=name")).containsExactly("Shevchenko Taras", "Ukrainka Lesia");
        assertThat(names("tag=kyiv")).containsExactly("Ukrainka Lesia");
        assertThat(names("status=FORMER")).containsExactly("Франко Іван");
        assertThat(names("vip=true")).containsExactly("Shevchenko Taras");
        assertThat(names("source=Fair")).containsExactly("Shevchenko Taras");
        assertThat(names("tag=poet&" + q("lesia"))).containsExactly("Ukrainka Lesia");
        assertThat(names("status=LEAD&" + q("Shevchenko"))).isEmpty();
        assertThat(api().get("/api/contacts/count?tag=poet").json().get("count").asLong()).isEqualTo(2);
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsInEverySort() {
        for (int i = 0; i < 5; i++) {
            create(fields("firstName", "Client " + i, "lastName", "Paged"));
        }
        for (String sort : List.of("-updatedAt", "createdAt", "name", "-name")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                var page = api().get("/api/contacts?limit=3&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                page.json().get("items").forEach(item -> seen.add(item.get("id").asString()));
                JsonNode next = page.json().get("nextCursor");
                cursor = next == null || next.isNull() ? null : next.asString();
            } while (cursor != null);
            assertThat(seen).as(sort).hasSize(8).doesNotHaveDuplicates();
        }
        assertThat(names("sort=name&limit=1")).containsExactly("Paged Client 0");
    }

    @Test
    void anotherCompanysContactsNeverAppear() {
        var stranger = ApiClient.onPort(port).withToken(TestTokens.accessToken(UUID.randomUUID(), UUID.randomUUID(), "ADMIN"));

        var page = stranger.get("/api/contacts?" + q("Shevchenko"));
        var all = stranger.get("/api/contacts");
        var count = stranger.get("/api/contacts/count");

        assertThat(page.json().get("items").size()).isZero();
        assertThat(all.json().get("items").size()).isZero();
        assertThat(count.json().get("count").asLong()).isZero();
    }

    @Test
    void aCursorOrSortThatMakesNoSenseIsABadRequest() {
        assertThat(api().get("/api/contacts?cursor=garbage").status()).isEqualTo(400);
        assertThat(api().get("/api/contacts?sort=shoeSize").status()).isEqualTo(400);
        assertThat(api().get("/api/contacts?sort=relevance").status()).as("relevance without a search").isEqualTo(400);
        assertThat(api().get("/api/contacts?status=SLEEPING").status()).isEqualTo(400);
        var nameCursor = api().get("/api/contacts?sort=name&limit=1").json().get("nextCursor").asString();
        assertThat(api().get("/api/contacts?sort=-updatedAt&cursor=" + nameCursor).status())
                .as("a cursor of another sort").isEqualTo(400);
    }
}
