package org.opencrm.contacts.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.CompanyCreated;
import org.opencrm.platform.events.contacts.CompanyUpdated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@CrmIntegrationTest
class CompanyApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TopicProbe companyEvents;

    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();

    @BeforeAll
    static void watch() {
        companyEvents = TopicProbe.on(Topics.CONTACTS_COMPANY);
    }

    @AfterAll
    static void stop() {
        companyEvents.close();
    }

    private ApiClient api() {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, manager, "MANAGER"));
    }

    private String company(String name, String taxId) {
        var created = api().post("/api/companies", Map.of("name", name, "taxId", taxId, "industry", "Banking",
                "points", List.of(Map.of("kind", "PHONE", "value", "044 123 45 67"),
                        Map.of("kind", "EMAIL", "value", "Office@" + name.toLowerCase().replace(' ', '-') + ".example"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String contact(String first, String last) {
        return api().post("/api/contacts?confirmDuplicate=true", Map.of("firstName", first, "lastName", last))
                .json().get("id").asString();
    }

    @Test
    void aCompanyIsKeptWithItsTaxNumberAndContactPointsAndAnnounced() {
        String id = company("Privat Trade", "1436 0570");

        var card = api().get("/api/companies/" + id).json();

        assertThat(card.get("taxId").asString()).isEqualTo("14360570");
        assertThat(card.get("phone").asString()).isEqualTo("+380 44 123 4567");
        assertThat(card.get("email").asString()).isEqualTo("office@privat-trade.example");
        assertThat(card.get("ownerId").asString()).isEqualTo(manager.toString());
        var created = companyEvents.awaitRecord(r -> id.equals(r.key()));
        assertThat(TopicProbe.header(created, EventHeaders.TYPE)).isEqualTo(CompanyCreated.TYPE);
        assertThat(JSON.readTree(created.value()).get("phones").toString()).isEqualTo("[\"+380441234567\"]");

        var renamed = api().patch("/api/companies/" + id, Map.of("industry", "Retail"));
        assertThat(renamed.json().get("industry").asString()).isEqualTo("Retail");
        companyEvents.awaitRecord(r -> id.equals(r.key())
                && CompanyUpdated.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
        var history = api().get("/api/companies/" + id + "/history").json();
        assertThat(history.findValuesAsString("action")).containsExactly("UPDATED", "CREATED");
        assertThat(history.get(0).at("/fields/0/field").asString()).isEqualTo("industry");
    }

    @Test
    void aWrongOrTakenTaxNumberIsRefused() {
        company("First Ltd", "00032129");

        var wrongCheckDigit = api().post("/api/companies", Map.of("name", "Bad", "taxId", "14360571"));
        var taken = api().post("/api/companies", Map.of("name", "Second Ltd", "taxId", "00032129"));
        var foreign = api().post("/api/companies", Map.of("name", "GmbH", "taxId", "DE 123 456 789"));

        assertThat(wrongCheckDigit.status()).isEqualTo(400);
        assertThat(wrongCheckDigit.json().get("errors").findValuesAsString("field")).containsExactly("taxId");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(foreign.status()).isEqualTo(201);
        assertThat(foreign.json().get("taxId").asString()).isEqualTo("DE123456789");
    }

    @Test
    void twoPeopleCreatingTheSameCompanyAtOnceGetOneCompanyAndOneFieldError() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            String taxId = List.of("14360570", "00033715", "00032129", "DE111111111", "DE222222222").get(attempt);
            try (var executor = Executors.newFixedThreadPool(2)) {
                var first = executor.submit(() -> api().post("/api/companies", Map.of("name", "Twin A", "taxId", taxId)));
                var second = executor.submit(() -> api().post("/api/companies", Map.of("name", "Twin B", "taxId", taxId)));
                List<Integer> statuses = List.of(first.get().status(), second.get().status());

                assertThat(statuses).containsExactlyInAnyOrder(201, 400);
                var refused = first.get().status() == 400 ? first.get() : second.get();
                assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("taxId");
            }
            var holders = api().get("/api/companies?q=" + taxId).json().get("items");
            assertThat(holders).hasSize(1);
        }
    }

    @Test
    void aPersonWorksForSeveralCompaniesWithAPositionInEachAndIsFoundByTheirNames() {
        String bank = company("Oschad Partners", "00032106");
        String shop = company("Kobzar Books", "21560766");
        String olena = contact("Olena", "Melnyk");

        var asAccountant = api().post("/api/companies/" + bank + "/members",
                Map.of("contactId", olena, "position", "Chief accountant"));
        api().post("/api/companies/" + shop + "/members", Map.of("contactId", olena, "position", "Consultant"));

        assertThat(asAccountant.status()).as(asAccountant.body()).isEqualTo(200);
        var people = api().get("/api/companies/" + bank + "/members").json();
        assertThat(people.findValuesAsString("displayName")).containsExactly("Melnyk Olena");
        assertThat(people.get(0).get("position").asString()).isEqualTo("Chief accountant");
        var workplaces = api().get("/api/contacts/" + olena + "/companies").json();
        assertThat(workplaces.findValuesAsString("name")).containsExactly("Oschad Partners", "Kobzar Books");
        assertThat(api().get("/api/companies?q=" + URLEncoder.encode("Oschad Partnrs", StandardCharsets.UTF_8))
                .json().get("items").findValuesAsString("id")).containsExactly(bank);
        assertThat(api().get("/api/companies?q=00032106").json().get("items").findValuesAsString("id"))
                .containsExactly(bank);
        assertThat(api().get("/api/companies?sort=name").json().get("items").findValuesAsString("members"))
                .isNotEmpty();
        assertThat(api().get("/api/contacts?q=" + URLEncoder.encode("kobzar books", StandardCharsets.UTF_8))
                .json().get("items").findValuesAsString("id")).as("a person by their company's name").contains(olena);
        assertThat(api().get("/api/contacts?q=21560766").json().get("items").findValuesAsString("id"))
                .as("by the company's tax number").contains(olena);

        assertThat(api().delete("/api/companies/" + shop + "/members/" + olena).status()).isEqualTo(204);
        assertThat(api().get("/api/contacts/" + olena + "/companies").json().findValuesAsString("name"))
                .containsExactly("Oschad Partners");
    }

    @Test
    void anotherCompanysCardsCannotBeReadOrLinked() {
        String company = company("Hidden Ltd", "30991664");
        var stranger = ApiClient.onPort(port).withToken(TestTokens.accessToken(UUID.randomUUID(), UUID.randomUUID(), "ADMIN"));
        String strangersContact = stranger.post("/api/contacts", Map.of("firstName", "Mallory")).json().get("id").asString();

        assertThat(stranger.get("/api/companies/" + company).status()).isEqualTo(404);
        assertThat(stranger.get("/api/companies/" + company + "/members").status()).isEqualTo(404);
        assertThat(stranger.get("/api/companies").json().get("items").size()).isZero();
        assertThat(api().post("/api/companies/" + company + "/members", Map.of("contactId", strangersContact)).status())
                .as("a contact of another company").isEqualTo(404);
        assertThat(stranger.patch("/api/companies/" + company, Map.of("name", "Pwned")).status()).isEqualTo(404);
    }
}
