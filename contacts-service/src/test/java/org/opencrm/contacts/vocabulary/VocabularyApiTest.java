package org.opencrm.contacts.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.contacts.importing.ImportClient;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The tags and sources the inputs suggest: the company's own words, learnt from every way a card is written. */
@CrmIntegrationTest
class VocabularyApiTest {

    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();

    private ApiClient as(UUID user, String role) {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, user, role));
    }

    private static List<String> words(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().valueStream().map(JsonNode::asString).toList();
    }

    private static String typed(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String contact(ApiClient api, String name, List<String> tags, String source) {
        var body = new java.util.HashMap<String, Object>(Map.of("firstName", name, "tags", tags));
        if (source != null) {
            body.put("source", source);
        }
        var created = api.post("/api/contacts", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void wordsThatBeginWithTheTypedTextComeFirstInAnyCaseThenThoseThatHoldIt() {
        ApiClient api = as(manager, "MANAGER");
        contact(api, "Olena", List.of("vip", "retail"), null);
        contact(api, "Petro", List.of("VIP gold", "non-vip"), null);
        contact(api, "Iryna", List.of("wholesale", "vip"), null);

        assertThat(words(api.get("/api/contacts/tags?q=Vi"))).containsExactly("vip", "VIP gold", "non-vip");
        assertThat(words(api.get("/api/contacts/tags?q=sale"))).containsExactly("wholesale");
        assertThat(words(api.get("/api/contacts/tags"))).containsExactly("non-vip", "retail", "vip", "VIP gold", "wholesale");
        assertThat(words(api.get("/api/contacts/tags?limit=2"))).containsExactly("non-vip", "retail");
        assertThat(words(api.get("/api/contacts/tags?q=zzz"))).isEmpty();
    }

    @Test
    void likeWildcardsTypedAreTakenLiterally() {
        ApiClient api = as(manager, "MANAGER");
        contact(api, "Marta", List.of("50% off", "first_order", "firstorder"), null);

        assertThat(words(api.get("/api/contacts/tags?q=" + typed("%")))).containsExactly("50% off");
        assertThat(words(api.get("/api/contacts/tags?q=" + typed("first_")))).containsExactly("first_order");
    }

    @Test
    void sourcesAndCompanyTagsAreDictionariesOfTheirOwn() {
        ApiClient api = as(manager, "MANAGER");
        contact(api, "Taras", List.of("expo-lead"), "Expo Kyiv 2025");
        var company = api.post("/api/companies", Map.of("name", "Expo Partners", "tags", List.of("expo-partner")));
        assertThat(company.status()).as(company.body()).isEqualTo(201);

        assertThat(words(api.get("/api/contacts/sources?q=expo"))).containsExactly("Expo Kyiv 2025");
        assertThat(words(api.get("/api/contacts/tags?q=expo"))).containsExactly("expo-lead");
        assertThat(words(api.get("/api/companies/tags?q=expo"))).containsExactly("expo-partner");
    }

    @Test
    void wordsGivenByAnEditThePatchAndTheBulkTagEndpointAreSuggested() {
        ApiClient api = as(manager, "MANAGER");
        String olena = contact(api, "Olena", List.of(), null);
        String petro = contact(api, "Petro", List.of(), null);

        var patched = api.patch("/api/contacts/" + olena, Map.of("tags", List.of("Партнер"), "source", "Сайт"));
        var tagged = api.post("/api/contacts/tag", Map.of("ids", List.of(olena, petro), "add", List.of("Black Friday")));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
        assertThat(words(api.get("/api/contacts/tags?q=" + typed("парт")))).containsExactly("Партнер");
        assertThat(words(api.get("/api/contacts/sources?q=" + typed("сай")))).containsExactly("Сайт");
        assertThat(words(api.get("/api/contacts/tags?q=black"))).containsExactly("Black Friday");
    }

    @Test
    void tagsAndSourcesOfAnImportedFileAreSuggested() {
        var company = new ImportClient(port);
        UUID admin = UUID.randomUUID();
        ApiClient api = company.as(admin, "ADMIN");
        company.importCsv(api, company.token(admin, "ADMIN"), """
                Name,Phone,Tags,Source
                Olena Bondar,+380 67 111 22 33,"imported-vip, Оптовик",Facebook Ads
                Petro Melnyk,+380 50 222 33 44,imported-vip,
                """, "SKIP");
        var companies = ImportClient.ofCompanies(port);
        UUID companiesAdmin = UUID.randomUUID();
        ApiClient companiesApi = companies.as(companiesAdmin, "ADMIN");
        companies.importCsv(companiesApi, companies.token(companiesAdmin, "ADMIN"), """
                Name,Tags
                Dnipro Steel,imported-supplier
                """, "SKIP");

        assertThat(words(api.get("/api/contacts/tags?q=imp"))).containsExactly("imported-vip");
        assertThat(words(api.get("/api/contacts/tags?q=" + typed("опт")))).containsExactly("Оптовик");
        assertThat(words(api.get("/api/contacts/sources?q=face"))).containsExactly("Facebook Ads");
        assertThat(words(companiesApi.get("/api/companies/tags?q=imp"))).containsExactly("imported-supplier");
    }

    @Test
    void anotherCompanysWordsAreNeverSuggested() {
        ApiClient ours = as(manager, "MANAGER");
        ApiClient theirs = ApiClient.onPort(port).withToken(TestTokens.accessToken(UUID.randomUUID(), manager, "ADMIN"));
        contact(ours, "Olena", List.of("partner"), "Website");
        contact(theirs, "Stranger", List.of("partner-secret", "competitor"), "Their fair");
        assertThat(theirs.post("/api/companies", Map.of("name", "Rival", "tags", List.of("partner-rival"))).status())
                .isEqualTo(201);

        assertThat(words(ours.get("/api/contacts/tags?q=partner"))).containsExactly("partner");
        assertThat(words(ours.get("/api/contacts/tags"))).containsExactly("partner");
        assertThat(words(ours.get("/api/contacts/sources"))).containsExactly("Website");
        assertThat(words(ours.get("/api/companies/tags?q=partner"))).isEmpty();
    }

    @Test
    void aMarketerReadsTheWordsADeveloperIsRefusedAndBadInputNamesItsField() {
        contact(as(manager, "MANAGER"), "Olena", List.of("newsletter"), null);

        var marketer = as(UUID.randomUUID(), "MARKETER").get("/api/contacts/tags?q=news");
        var developer = as(UUID.randomUUID(), "DEVELOPER").get("/api/contacts/tags?q=news");
        var anonymous = ApiClient.onPort(port).get("/api/contacts/tags?q=news");
        var tooLong = as(manager, "MANAGER").get("/api/contacts/sources?q=" + "x".repeat(101));
        var badLimit = as(manager, "MANAGER").get("/api/companies/tags?limit=many");

        assertThat(words(marketer)).containsExactly("newsletter");
        assertThat(developer.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactly("q");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("errors").findValuesAsString("field")).containsExactly("limit");
    }
}
