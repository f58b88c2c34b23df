package org.opencrm.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@CrmIntegrationTest
class PhotoApiTest {

    @LocalServerPort
    int port;

    private record Person(UUID id, ApiClient api) {
    }

    private Person signUp() {
        var signup = ApiClient.onPort(port).withHeader("X-Forwarded-For", "198.23.0." + (1 + (int) (Math.random() * 250)))
                .post("/api/identity/signup", Map.of("companyName", "Photo " + UUID.randomUUID(), "fullName",
                        "Oksana Hrytsenko", "email", "oksana-" + UUID.randomUUID() + "@example.com",
                        "password", "a long enough password"));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        return new Person(UUID.fromString(signup.json().get("userId").asString()),
                ApiClient.onPort(port).withToken(signup.json().get("accessToken").asString()));
    }

    private static byte[] picture(String format, int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void aPhotoUploadedByTheUserIsScaledDownAndShownToColleaguesUntilRemoved() throws IOException {
        Person me = signUp();

        var uploaded = me.api().putFile("/api/identity/me/photo", "me.png", "image/png", picture("png", 1200, 900));

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        String photoUrl = uploaded.json().get("photoUrl").asString();
        assertThat(photoUrl).startsWith("/api/identity/users/" + me.id() + "/photo?v=");
        assertThat(me.api().get("/api/identity/users/" + me.id()).json().get("photoUrl").asString()).isEqualTo(photoUrl);

        var photo = me.api().getBytes(photoUrl);
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        var stored = ImageIO.read(new ByteArrayInputStream(photo.body()));
        assertThat(stored.getWidth()).isEqualTo(256);
        assertThat(stored.getHeight()).isEqualTo(192);

        var removed = me.api().delete("/api/identity/me/photo");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(me.api().get("/api/identity/users/" + me.id()).json().get("photoUrl").isNull()).isTrue();
        assertThat(me.api().getBytes("/api/identity/users/" + me.id() + "/photo").statusCode()).isEqualTo(404);
    }

    @Test
    void somethingThatIsNotAJpegOrPngPictureIsRefusedAndChangesNothing() throws IOException {
        Person me = signUp();
        me.api().putFile("/api/identity/me/photo", "me.jpg", "image/jpeg", picture("jpeg", 300, 300));
        String before = me.api().get("/api/identity/users/" + me.id()).json().get("photoUrl").asString();

        var text = me.api().putFile("/api/identity/me/photo", "me.png", "image/png", "not a picture".getBytes());
        var gif = me.api().putFile("/api/identity/me/photo", "me.gif", "image/gif", picture("gif", 50, 50));
        var empty = me.api().putFile("/api/identity/me/photo", "me.png", "image/png", new byte[0]);

        for (var refused : java.util.List.of(text, gif, empty)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("type").asString()).isEqualTo("/problems/invalid-photo");
        }
        assertThat(me.api().get("/api/identity/users/" + me.id()).json().get("photoUrl").asString()).isEqualTo(before);
    }

    @Test
    void anotherCompanyCannotSeeAPhotoEvenWithItsAddressAndNobodyWithoutAToken() throws IOException {
        Person owner = signUp();
        Person stranger = signUp();
        String photoUrl = owner.api().putFile("/api/identity/me/photo", "me.png", "image/png", picture("png", 64, 64))
                .json().get("photoUrl").asString();

        assertThat(stranger.api().getBytes(photoUrl).statusCode()).isEqualTo(404);
        assertThat(ApiClient.onPort(port).getBytes(photoUrl).statusCode()).isEqualTo(401);
        assertThat(ApiClient.onPort(port).putFile("/api/identity/me/photo", "me.png", "image/png",
                picture("png", 64, 64)).status()).isEqualTo(401);
    }
}
