package org.opencrm.contacts.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactUpdated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The photo on a contact's card: set, shown, cached, removed; by whom; and what it does to the card. */
@CrmIntegrationTest
class PhotoApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();

    private ApiClient as(UUID user, String role) {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, user, role));
    }

    private ApiClient api() {
        return as(manager, "MANAGER");
    }

    private String contact(ApiClient as, String firstName) {
        var created = as.post("/api/contacts?confirmDuplicate=true", Map.of("firstName", firstName));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String path(String contact) {
        return "/api/contacts/" + contact + "/photo";
    }

    private static BufferedImage image(HttpResponse<byte[]> response) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    private ApiClient.Response upload(ApiClient as, String contact, byte[] picture) {
        return as.putFile(path(contact), "photo.png", "image/png", picture);
    }

    @Test
    void anUploadedPhotoIsScaledDownShownWithItsThumbnailAndCachedByVersionUntilRemoved() throws IOException {
        String id = contact(api(), "Oksana");

        try (var events = TopicProbe.on(Topics.CONTACTS_CONTACT)) {
            var uploaded = upload(api(), id, Pictures.plain("png", 1200, 900, Color.ORANGE));

            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
            String version = uploaded.json().get("photoVersion").asString();
            assertThat(version).isNotBlank();
            assertThat(uploaded.json().get("version").asLong()).as("a change of the card").isEqualTo(1);
            var event = events.awaitRecord(r -> id.equals(r.key())
                    && ContactUpdated.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
            assertThat(JSON.readTree(event.value()).get("photoVersion").asString()).isEqualTo(version);
            assertThat(api().get("/api/contacts/" + id).json().get("photoVersion").asString()).isEqualTo(version);
            JsonNode row = api().get("/api/contacts").json().get("items").get(0);
            assertThat(row.get("photoVersion").asString()).as("the list knows, too").isEqualTo(version);

            var photo = api().getBytes(path(id));
            assertThat(photo.statusCode()).isEqualTo(200);
            assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(photo.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
            assertThat(photo.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                    assertThat(cache).contains("private", "max-age=0"));
            assertThat(image(photo)).extracting(BufferedImage::getWidth, BufferedImage::getHeight).containsExactly(512, 384);

            var byVersion = api().getBytes(path(id) + "?v=" + version);
            assertThat(byVersion.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                    assertThat(cache).contains("private", "max-age=31536000", "immutable"));
            var unchanged = api().withHeader("If-None-Match", "\"" + version + "\"").getBytes(path(id));
            assertThat(unchanged.statusCode()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();

            var thumb = api().getBytes(path(id) + "?size=thumb");
            assertThat(thumb.statusCode()).isEqualTo(200);
            assertThat(image(thumb)).extracting(BufferedImage::getWidth, BufferedImage::getHeight).containsExactly(64, 48);
            assertThat(thumb.headers().firstValue("ETag")).isNotEqualTo(photo.headers().firstValue("ETag"));
            assertThat(api().get(path(id) + "?size=huge").json().get("errors").findValuesAsString("field"))
                    .containsExactly("size");

            var removed = api().delete(path(id));

            assertThat(removed.status()).isEqualTo(204);
            events.awaitRecord(r -> id.equals(r.key()) && ContactUpdated.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE))
                    && JSON.readTree(r.value()).get("version").asLong() == 2
                    && JSON.readTree(r.value()).get("photoVersion").isNull());
        }
        var gone = api().get(path(id));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api().get("/api/contacts/" + id).json().get("photoVersion").isNull()).isTrue();
        assertThat(api().delete(path(id)).status()).as("removing none again").isEqualTo(204);
        assertThat(api().get("/api/contacts/" + id).json().get("version").asLong()).as("and no change").isEqualTo(2);
    }

    @Test
    void aNewPhotoAndARemovedOneAreChangesInTheCardsHistory() {
        String id = contact(api(), "Petro");
        String first = upload(api(), id, Pictures.plain("jpeg", 300, 300, Color.RED)).json().get("photoVersion").asString();
        String second = upload(api(), id, Pictures.plain("gif", 300, 300, Color.BLUE)).json().get("photoVersion").asString();
        api().delete(path(id));

        JsonNode history = api().get("/api/contacts/" + id + "/history").json();

        assertThat(history.findValuesAsString("action")).containsExactly("UPDATED", "UPDATED", "UPDATED", "CREATED");
        for (int i = 0; i < 3; i++) {
            assertThat(history.get(i).get("fields").findValuesAsString("field")).containsExactly("photo");
            assertThat(history.get(i).get("actorId").asString()).isEqualTo(manager.toString());
        }
        assertThat(history.at("/2/fields/0/from").isNull()).isTrue();
        assertThat(history.at("/2/fields/0/to").asString()).isEqualTo(first);
        assertThat(history.at("/1/fields/0/to").asString()).isEqualTo(second);
        assertThat(history.at("/0/fields/0/from").asString()).isEqualTo(second);
        assertThat(history.at("/0/fields/0/to").isNull()).isTrue();
    }

    @Test
    void aFileLargerThanFiveMegabytesIsRefusedWith413AndChangesNothing() {
        String id = contact(api(), "Large");
        byte[] large = Arrays.copyOf(Pictures.plain("jpeg", 50, 50, Color.RED), 5 * 1024 * 1024 + 1);

        var refused = upload(api(), id, large);

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/photo-too-large");
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("file");
        assertThat(api().get(path(id)).status()).isEqualTo(404);
        assertThat(api().get("/api/contacts/" + id).json().get("version").asLong()).isZero();
    }

    @Test
    void aTextFileCalledJpgOrNoFileAtAllIsRefusedNamingTheFileAndChangesNothing() {
        String id = contact(api(), "Text");
        String version = upload(api(), id, Pictures.plain("png", 80, 80, Color.GREEN)).json().get("photoVersion").asString();

        var text = api().putFile(path(id), "photo.jpg", "image/jpeg",
                "Not a photo at all, only its name says so.".getBytes(StandardCharsets.UTF_8));
        var empty = api().putFile(path(id), "photo.jpg", "image/jpeg", new byte[0]);

        for (var refused : List.of(text, empty)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("file");
        }
        var card = api().get("/api/contacts/" + id).json();
        assertThat(card.get("photoVersion").asString()).isEqualTo(version);
        assertThat(card.get("version").asLong()).isEqualTo(1);
        assertThat(api().getBytes(path(id)).headers().firstValue("ETag")).hasValue("\"" + version + "\"");
    }

    @Test
    void anotherCompanysOrAnInvisibleContactsPhotoIsNotFoundAndAReaderMayNotChangeOne() {
        String id = contact(api(), "Private");
        byte[] picture = Pictures.plain("png", 64, 64, Color.ORANGE);
        upload(api(), id, picture);
        var stranger = ApiClient.onPort(port).withToken(TestTokens.accessToken(UUID.randomUUID(), manager, "ADMIN"));
        var colleague = as(UUID.randomUUID(), "MANAGER");
        var marketer = as(UUID.randomUUID(), "MARKETER");
        var developer = as(UUID.randomUUID(), "DEVELOPER");

        for (var outsider : List.of(stranger, colleague)) {
            assertThat(outsider.getBytes(path(id)).statusCode()).isEqualTo(404);
            assertThat(outsider.getBytes(path(id) + "?size=thumb").statusCode()).isEqualTo(404);
            assertThat(upload(outsider, id, picture).status()).isEqualTo(404);
            assertThat(outsider.delete(path(id)).status()).isEqualTo(404);
        }
        assertThat(marketer.getBytes(path(id)).statusCode()).as("a marketer sees the card").isEqualTo(200);
        assertThat(upload(marketer, id, picture).status()).isEqualTo(403);
        assertThat(marketer.delete(path(id)).status()).isEqualTo(403);
        assertThat(developer.getBytes(path(id)).statusCode()).isEqualTo(403);
        assertThat(ApiClient.onPort(port).getBytes(path(id)).statusCode()).isEqualTo(401);
        assertThat(api().getBytes(path(id)).statusCode()).as("still there").isEqualTo(200);
        assertThat(api().get("/api/contacts/" + id).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aMergedCardsPhotoGoesToASurvivorWithoutOneAndASurvivorKeepsItsOwn() throws IOException {
        var admin = as(UUID.randomUUID(), "ADMIN");
        String bare = contact(admin, "Olena");
        String pictured = contact(admin, "Olena");
        String blue = upload(admin, pictured, Pictures.plain("png", 100, 100, Color.BLUE)).json().get("photoVersion").asString();

        var merged = admin.post("/api/contacts/merge", Map.of("survivorId", bare, "mergedId", pictured));

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("photoVersion").asString()).isEqualTo(blue);
        assertThat(isBlue(image(admin.getBytes(path(bare))).getRGB(50, 50))).isTrue();
        assertThat(admin.get("/api/contacts/" + bare + "/history").json().get(0).get("fields").findValuesAsString("field"))
                .contains("photo");

        String other = contact(admin, "Olena");
        upload(admin, other, Pictures.plain("png", 100, 100, Color.RED));

        var again = admin.post("/api/contacts/merge", Map.of("survivorId", bare, "mergedId", other));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("photoVersion").asString()).isEqualTo(blue);
        assertThat(isBlue(image(admin.getBytes(path(bare))).getRGB(50, 50))).isTrue();
        assertThat(admin.getBytes(path(other)).statusCode()).isEqualTo(404);
    }

    private static boolean isBlue(int rgb) {
        return (rgb & 0xFF) > 200 && (rgb >> 16 & 0xFF) < 60;
    }
}
