package org.opencrm.deals.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.events.telephony.CallMissed;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A missed call from telephony ({@code call.missed}) makes a lead with the source "missed call", once per caller. */
@CrmIntegrationTest
class MissedCallLeadTest {

    @LocalServerPort
    int port;

    private static CallMissed missed(String caller, UUID user, UUID contact, String direction) {
        return new CallMissed(UUID.randomUUID(), direction, caller, "+380441234567", "101", user, contact,
                contact == null ? List.of() : List.of(contact), contact == null ? null : "Olena Kovalenko",
                Instant.now().minusSeconds(30), Instant.now(), 25);
    }

    private static List<JsonNode> missedCallLeads(ApiClient api) {
        var items = api.get("/api/deals/leads?source=missed-call").json().get("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false).toList();
    }

    @Test
    void aMissedCallMakesOneLeadForTheUserItRangForWhileItIsOpen() {
        Company company = new Company(port);
        var api = company.admin();
        UUID manager = company.hire("MANAGER", null);
        UUID call = UUID.randomUUID();
        CallMissed first = missed("+380 67 765 43 21", manager, null, "INBOUND");
        TopicProbe.publish(first, company.tenant, null, call);
        TopicProbe.publish(first, company.tenant, null, call); // delivered twice
        TopicProbe.publish(missed("+380677654321", manager, null, "INBOUND"), company.tenant, null); // called again

        List<JsonNode> leads = await().until(() -> missedCallLeads(api), found -> !found.isEmpty());
        JsonNode lead = leads.getFirst();
        assertThat(lead.get("ownerId").asString()).isEqualTo(manager.toString());
        assertThat(lead.get("sourceDetail").asString()).isEqualTo("→ +380441234567");
        assertThat(api.get("/api/deals/leads/" + lead.get("id").asString()).json().get("phone").asString())
                .isEqualTo("+380677654321");
        assertThat(lead.get("stageId").asString()).isEqualTo(company.stageId("leads", "new-request"));

        // a known contact's call with an open lead of the contact makes none; once it is lost, the next one does
        UUID contact = UUID.randomUUID();
        String open = api.post("/api/deals/leads", java.util.Map.of("contactId", contact.toString(), "contactName",
                "Olena Kovalenko")).json().get("id").asString();
        TopicProbe.publish(missed("+380501112233", manager, contact, "INBOUND"), company.tenant, null);
        // an outgoing call the client did not take and a hidden number make none either
        TopicProbe.publish(missed("+380509998877", manager, null, "OUTBOUND"), company.tenant, null);
        TopicProbe.publish(missed(null, manager, null, "INBOUND"), company.tenant, null);
        // the same caller in another company is that company's lead
        Company other = new Company(port);
        TopicProbe.publish(missed("+380677654321", null, null, "INBOUND"), other.tenant, null);
        await().until(() -> missedCallLeads(other.admin()).size() == 1);
        assertThat(missedCallLeads(api)).hasSize(1);

        api.post("/api/deals/leads/" + open + "/lose", java.util.Map.of("reason", "Not interested"));
        TopicProbe.publish(missed("+380501112233", manager, contact, "INBOUND"), company.tenant, null);
        List<JsonNode> after = await().until(() -> missedCallLeads(api), found -> found.size() == 2);
        assertThat(after).anySatisfy(l -> assertThat(l.get("contactId").asString()).isEqualTo(contact.toString()));
    }
}
