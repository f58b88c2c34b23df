package org.opencrm.deals.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Contracts through HTTP (`003_*`): made with a client, a service, a period and an amount; their document
 * uploaded (PDF, DOC, DOCX, ODT by content; 20 MB at most) and sent back only to those who see the contract,
 * as the deals of its owner are seen.
 */
@CrmIntegrationTest
class ContractApiTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    private static Map<String, Object> contract(String title, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", title, "contactId", UUID.randomUUID().toString(),
                "amount", "12000.00", "startDate", "2026-01-01", "endDate", "2026-12-31"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static String id(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("id").asString();
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").findValuesAsString("field");
    }

    @Test
    void aManagerMakesAContractForAServiceAndAttachesItsSignedDocument() {
        Company company = new Company(port);
        var manager = company.as(company.hire("MANAGER", null), "MANAGER");
        String service = id(company.admin().post("/api/deals/products", Map.of("name", "Support", "kind", "SERVICE",
                "price", "1000")));
        String deal = id(manager.post("/api/deals/deals", Map.of("title", "Support for a year")));

        var created = manager.post("/api/deals/contracts", contract("Support 2026", "productId", service, "dealId", deal,
                "currency", "usd", "status", "ACTIVE"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("currency").asString()).isEqualTo("USD");
        assertThat(created.json().get("document").isNull()).isTrue();

        var attached = manager.putFile("/api/deals/contracts/" + id + "/document", "../signed\"contract.pdf",
                "application/octet-stream", PDF);
        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        assertThat(attached.json().get("document").get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(attached.json().get("document").get("filename").asString()).isEqualTo("signedcontract.pdf");
        assertThat(attached.json().get("document").get("size").asLong()).isEqualTo(PDF.length);
        assertThat(attached.json().get("version").asLong()).isEqualTo(1);

        var download = manager.getBytes("/api/deals/contracts/" + id + "/document");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("signedcontract.pdf");

        byte[] docx = zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
        var replaced = manager.putFile("/api/deals/contracts/" + id + "/document", "v2.docx", "application/zip", docx);
        assertThat(replaced.json().get("document").get("mediaType").asString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(manager.getBytes("/api/deals/contracts/" + id + "/document").body()).isEqualTo(docx);
        assertThat(manager.get("/api/deals/contracts?q=support").json().get("items").get(0).get("document")
                .get("filename").asString()).isEqualTo("v2.docx");

        assertThat(manager.delete("/api/deals/contracts/" + id + "/document").json().get("document").isNull()).isTrue();
        assertThat(manager.getBytes("/api/deals/contracts/" + id + "/document").statusCode()).isEqualTo(404);
    }

    @Test
    void theDocumentIsJudgedByItsContentAndItsSize() throws IOException {
        Company company = new Company(port);
        var api = company.admin();
        String id = id(api.post("/api/deals/contracts", contract("Formats")));
        String path = "/api/deals/contracts/" + id + "/document";

        byte[] odt = zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document/>");
        assertThat(api.putFile(path, "c.odt", "application/pdf", odt).json().get("document").get("mediaType")
                .asString()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(api.putFile(path, "c.doc", "application/msword", ole2("WordDocument")).json().get("document")
                .get("filename").asString()).isEqualTo("c.doc");

        assertThat(fields(api.putFile(path, "fake.pdf", "application/pdf", "just text".getBytes(StandardCharsets.UTF_8))))
                .containsExactly("file");
        assertThat(fields(api.putFile(path, "book.doc", "application/msword", ole2("Workbook"))))
                .as("an Excel book is no Word document").containsExactly("file");
        assertThat(fields(api.putFile(path, "pics.docx", "application/zip", zip("a.png", "x"))))
                .containsExactly("file");
        assertThat(fields(api.putFile(path, "empty.pdf", "application/pdf", new byte[0]))).containsExactly("file");

        byte[] tooLarge = Arrays.copyOf(PDF, 20 * 1024 * 1024 + 1);
        var refused = api.putFile(path, "huge.pdf", "application/pdf", tooLarge);
        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("file");
        assertThat(api.get("/api/deals/contracts/" + id).json().get("document").get("filename").asString())
                .as("the refused uploads changed nothing").isEqualTo("c.doc");
        byte[] justFits = Arrays.copyOf(PDF, 20 * 1024 * 1024);
        assertThat(api.putFile(path, "big.pdf", "application/pdf", justFits).status()).isEqualTo(200);
    }

    @Test
    void contractsAreSeenAsTheDealsOfTheirOwnerAre() {
        Company company = new Company(port);
        UUID olena = company.hire("MANAGER", null);
        var asOlena = company.as(olena, "MANAGER");
        var asTaras = company.as(company.hire("MANAGER", null), "MANAGER");
        var marketer = company.as(UUID.randomUUID(), "MARKETER");
        String id = id(asOlena.post("/api/deals/contracts", contract("Olena's")));
        asOlena.putFile("/api/deals/contracts/" + id + "/document", "c.pdf", "application/pdf", PDF);

        assertThat(asTaras.get("/api/deals/contracts/" + id).status()).isEqualTo(404);
        assertThat(asTaras.getBytes("/api/deals/contracts/" + id + "/document").statusCode()).isEqualTo(404);
        assertThat(asTaras.patch("/api/deals/contracts/" + id, Map.of("title", "Mine")).status()).isEqualTo(404);
        assertThat(asTaras.putFile("/api/deals/contracts/" + id + "/document", "x.pdf", "application/pdf", PDF)
                .status()).isEqualTo(404);
        assertThat(asTaras.get("/api/deals/contracts").json().get("items").size()).isZero();
        assertThat(asTaras.post("/api/deals/contracts", contract("For Olena", "ownerId", olena.toString())).status())
                .as("a manager does not hand contracts to others").isEqualTo(403);

        assertThat(marketer.get("/api/deals/contracts/" + id).status()).isEqualTo(200);
        assertThat(marketer.getBytes("/api/deals/contracts/" + id + "/document").statusCode()).isEqualTo(200);
        assertThat(marketer.patch("/api/deals/contracts/" + id, Map.of("title", "Mine")).status()).isEqualTo(403);
        assertThat(marketer.delete("/api/deals/contracts/" + id + "/document").status()).isEqualTo(403);
        assertThat(marketer.post("/api/deals/contracts", contract("New")).status()).isEqualTo(403);
        assertThat(company.as(UUID.randomUUID(), "DEVELOPER").get("/api/deals/contracts/" + id).status()).isEqualTo(403);

        var stranger = new Company(port).admin();
        assertThat(stranger.get("/api/deals/contracts/" + id).status()).isEqualTo(404);
        assertThat(stranger.getBytes("/api/deals/contracts/" + id + "/document").statusCode()).isEqualTo(404);
        assertThat(stranger.delete("/api/deals/contracts/" + id).status()).isEqualTo(404);
        assertThat(company.admin().get("/api/deals/contracts/" + id).json().get("title").asString())
                .isEqualTo("Olena's");
        assertThat(company.admin().get("/api/deals/contracts/" + id).json().get("document").isNull()).isFalse();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        Company company = new Company(port);
        var api = company.admin();
        String theirDeal = id(new Company(port).admin().post("/api/deals/deals", Map.of("title", "Theirs")));

        assertThat(fields(api.post("/api/deals/contracts", contract("Backwards", "endDate", "2025-01-01"))))
                .containsExactly("endDate");
        assertThat(fields(api.post("/api/deals/contracts", contract("Negative", "amount", "-1")))).containsExactly("amount");
        assertThat(fields(api.post("/api/deals/contracts", contract("Money", "currency", "QQQ")))).containsExactly("currency");
        assertThat(fields(api.post("/api/deals/contracts", contract("Service", "productId", UUID.randomUUID().toString()))))
                .containsExactly("productId");
        assertThat(fields(api.post("/api/deals/contracts", contract("Deal", "dealId", theirDeal)))).containsExactly("dealId");
        Map<String, Object> noClient = contract("Nobody's");
        noClient.remove("contactId");
        assertThat(fields(api.post("/api/deals/contracts", noClient))).containsExactly("contactId");
        assertThat(api.get("/api/deals/contracts").json().get("items").size()).isZero();
    }

    private static byte[] zip(String... entries) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** An OLE2 compound file (what .doc and .xls are) holding one stream of this name. */
    private static byte[] ole2(String stream) {
        try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
