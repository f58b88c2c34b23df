package org.opencrm.deals.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.starter.web.NewestFirst;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The list of all leads and deals (002_* 2.1.3): one list, its filters, keyset pages, and its export. */
@CrmIntegrationTest
class ItemApiTest {

    @LocalServerPort
    int port;

    @Test
    void leadsAndDealsComeInOneListNewestFirstAPageAtATime() {
        Company company = new Company(port);
        var api = company.admin();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(api.post("/api/deals/leads", Map.of("contactName", "Lead " + i, "comment", "call back"))
                    .json().get("id").asString());
            created.add(api.post("/api/deals/deals", Map.of("title", "Deal " + i, "amount", i, "paymentStatus",
                    i == 0 ? "SUCCESSFUL" : "NOT_PAID", "paymentType", "CARD_ONLINE")).json().get("id").asString());
        }

        var first = api.get("/api/deals/items?limit=4").json();
        var second = api.get("/api/deals/items?limit=4&cursor=" + first.get("nextCursor").asString()).json();

        List<String> ids = new ArrayList<>(first.get("items").findValuesAsString("id"));
        ids.addAll(second.get("items").findValuesAsString("id"));
        assertThat(ids).containsExactlyElementsOf(created.reversed());
        assertThat(second.get("nextCursor").isNull()).isTrue();
        JsonNode deal = first.get("items").get(0);
        assertThat(deal.get("type").asString()).isEqualTo("DEAL");
        assertThat(deal.get("pipelineCode").asString()).isEqualTo("orders");
        assertThat(deal.get("stageCode").asString()).isEqualTo("new-order");
        assertThat(deal.get("paymentType").asString()).isEqualTo("CARD_ONLINE");
        JsonNode lead = first.get("items").get(1);
        assertThat(lead.get("type").asString()).isEqualTo("LEAD");
        assertThat(lead.get("contactName").asString()).isEqualTo("Lead 2");
        assertThat(lead.get("comment").asString()).isEqualTo("call back");
        assertThat(lead.get("ownerId").asString()).isEqualTo(company.admin.toString());
    }

    @Test
    void theListFiltersByTypePipelineStagePaymentStatusAndSearch() {
        Company company = new Company(port);
        var api = company.admin();
        api.post("/api/deals/leads", Map.of("contactName", "Olena Kovalenko", "source", "google"));
        String leadInQualification = api.post("/api/deals/leads", Map.of("contactName", "Taras",
                "stageId", company.stageId("leads", "qualification"))).json().get("id").asString();
        String paid = api.post("/api/deals/deals", Map.of("title", "Paid", "paymentStatus", "SUCCESSFUL"))
                .json().get("id").asString();
        api.post("/api/deals/deals", Map.of("title", "Kovalenko order", "source", "google"));

        assertThat(names(api.get("/api/deals/items?type=lead"))).containsExactly("Taras", "Olena Kovalenko");
        assertThat(names(api.get("/api/deals/leads"))).containsExactly("Taras", "Olena Kovalenko");
        assertThat(names(api.get("/api/deals/deals"))).containsExactly("Kovalenko order", "Paid");
        assertThat(names(api.get("/api/deals/items?pipeline=" + company.pipelineId("orders"))))
                .containsExactly("Kovalenko order", "Paid");
        assertThat(api.get("/api/deals/items?stage=" + company.stageId("leads", "qualification")).json().get("items")
                .findValuesAsString("id")).containsExactly(leadInQualification);
        assertThat(api.get("/api/deals/items?paymentStatus=SUCCESSFUL").json().get("items").findValuesAsString("id"))
                .as("leads have no payment status").containsExactly(paid);
        assertThat(names(api.get("/api/deals/items?q=kovalenko"))).containsExactly("Kovalenko order", "Olena Kovalenko");
        assertThat(names(api.get("/api/deals/items?source=google"))).containsExactly("Kovalenko order", "Olena Kovalenko");
        assertThat(names(api.get("/api/deals/items?q=%232"))).as("#2: both second cards").containsExactly(
                "Kovalenko order", "Taras");

        var unknownPipeline = api.get("/api/deals/items?pipeline=" + UUID.randomUUID());
        var leadsInDealPipeline = api.get("/api/deals/items?type=lead&pipeline=" + company.pipelineId("orders"));
        var badType = api.get("/api/deals/items?type=order");
        var badCursor = api.get("/api/deals/items?cursor=nonsense");
        assertThat(unknownPipeline.status()).isEqualTo(400);
        assertThat(unknownPipeline.json().get("errors").findValuesAsString("field")).containsExactly("pipeline");
        assertThat(leadsInDealPipeline.status()).isEqualTo(400);
        assertThat(badType.json().get("errors").findValuesAsString("field")).containsExactly("type");
        assertThat(badCursor.json().get("errors").findValuesAsString("field")).containsExactly("cursor");
    }

    @Test
    void aContactsLeadsAndDealsAreListedForItsCardEvenWithoutAName() {
        Company company = new Company(port);
        var api = company.admin();
        String contact = UUID.randomUUID().toString();
        String lead = api.post("/api/deals/leads", Map.of("contactId", contact)).json().get("id").asString();
        String deal = api.post("/api/deals/deals", Map.of("title", "Fasteners", "contactId", contact))
                .json().get("id").asString();
        api.post("/api/deals/deals", Map.of("title", "Someone else's", "contactId", UUID.randomUUID().toString()));

        assertThat(api.get("/api/deals/items?contact=" + contact).json().get("items").findValuesAsString("id"))
                .containsExactly(deal, lead);
        assertThat(api.get("/api/deals/leads?contact=" + contact).json().get("items").findValuesAsString("id"))
                .containsExactly(lead);
        assertThat(api.get("/api/deals/items?contact=nonsense").status()).isEqualTo(400);
    }

    @Test
    void theListIsExportedAsCsvAndAsAnExcelWorkbookInTheReadersLanguage() throws Exception {
        Company company = new Company(port);
        var api = company.admin();
        api.post("/api/deals/leads", Map.of("contactName", "Антонов Артем", "phone", "+380996453478",
                "sourceDetail", "FB - Саморезы"));
        api.post("/api/deals/deals", Map.of("title", "Заказ №555555", "amount", "1250.50", "paymentStatus",
                "SUCCESSFUL", "paymentType", "CARD_ONLINE"));

        var csv = api.withHeader("Accept-Language", "ru").getBytes("/api/deals/items/export?format=csv");
        var xlsx = api.getBytes("/api/deals/items/export?format=xlsx&type=deal");
        var badFormat = api.get("/api/deals/items/export?format=pdf");

        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFНомер,Тип,Воронка,Этап,Дата создания,Статус оплаты");
        assertThat(text).contains("Сделка,Заказы,Новый заказ").contains("Успешная. Картой онлайн")
                .contains("Лид,Лиды,Новая заявка").contains("FB - Саморезы").contains("+380996453478");
        assertThat(text.lines().count()).isEqualTo(3);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Number");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo("Заказ №555555");
            assertThat(sheet.getRow(1).getCell(11).getNumericCellValue()).isEqualTo(1250.5);
        }
        assertThat(badFormat.status()).isEqualTo(400);
    }

    private static List<String> names(org.opencrm.platform.test.ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().get("items").forEach(item -> names.add(item.get("title").isNull()
                ? item.get("contactName").asString() : item.get("title").asString()));
        return names;
    }
}
