package org.opencrm.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.chat.MessagePosted;
import org.opencrm.platform.events.contacts.CommentAdded;
import org.opencrm.platform.events.contacts.CompanyCreated;
import org.opencrm.platform.events.contacts.ContactMerged;
import org.opencrm.platform.events.contacts.CompanyDeleted;
import org.opencrm.platform.events.contacts.CompanyMerged;
import org.opencrm.platform.events.contacts.CompanyUpdated;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.contacts.ContactDeleted;
import org.opencrm.platform.events.contacts.ContactUpdated;
import org.opencrm.platform.events.contacts.ContactUpserted;
import org.opencrm.platform.events.contacts.ImportFinished;
import org.opencrm.platform.events.notifications.EmailFailed;
import org.opencrm.platform.events.notifications.EmailSent;
import org.opencrm.platform.events.notifications.NotificationCreated;
import org.opencrm.platform.events.notifications.SmsFailed;
import org.opencrm.platform.events.notifications.SmsSent;
import org.opencrm.platform.events.telephony.CallAnswered;
import org.opencrm.platform.events.telephony.CallEnded;
import org.opencrm.platform.events.telephony.CallMissed;
import org.opencrm.platform.events.telephony.CallRecordingAvailable;
import org.opencrm.platform.events.telephony.CallRinging;
import org.opencrm.platform.events.telephony.CallerCard;
import org.opencrm.platform.events.deals.CampaignCreated;
import org.opencrm.platform.events.deals.CampaignDeleted;
import org.opencrm.platform.events.deals.CampaignUpdated;
import org.opencrm.platform.events.deals.DealCreated;
import org.opencrm.platform.events.deals.DealDeleted;
import org.opencrm.platform.events.deals.DealLost;
import org.opencrm.platform.events.deals.DealStageChanged;
import org.opencrm.platform.events.deals.DealUpdated;
import org.opencrm.platform.events.deals.DealWon;
import org.opencrm.platform.events.deals.LeadConverted;
import org.opencrm.platform.events.deals.LeadCreated;
import org.opencrm.platform.events.deals.LeadDeleted;
import org.opencrm.platform.events.deals.LeadLost;
import org.opencrm.platform.events.deals.LoyaltyPointsChanged;
import org.opencrm.platform.events.deals.OrderLine;
import org.opencrm.platform.events.deals.OrderReceived;
import org.opencrm.platform.events.deals.PaymentReceived;
import org.opencrm.platform.events.deals.ReturnApproved;
import org.opencrm.platform.events.deals.ReturnItem;
import org.opencrm.platform.events.deals.ReturnRejected;
import org.opencrm.platform.events.deals.ReturnRequested;
import org.opencrm.platform.events.deals.ShopCustomer;
import org.opencrm.platform.events.deals.StageRef;
import org.opencrm.platform.events.identity.ApiKeyCreated;
import org.opencrm.platform.events.identity.ApiKeyRevoked;
import org.opencrm.platform.events.identity.DepartmentChanged;
import org.opencrm.platform.events.identity.DepartmentDeleted;
import org.opencrm.platform.events.identity.PasswordResetRequested;
import org.opencrm.platform.events.identity.TenantCreated;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.events.identity.UserDeactivated;
import org.opencrm.platform.events.identity.UserInvited;
import org.opencrm.platform.events.identity.UserPresenceChanged;
import org.opencrm.platform.events.identity.UserUpdated;
import org.opencrm.platform.events.tasks.TaskCompleted;
import org.opencrm.platform.events.tasks.TaskCreated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GoldenSamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final UUID ADMIN = UUID.fromString("5d2b8c1e-7a44-4f0e-8c55-2b3f4a6d9e01");
    private static final Instant SIGNED_UP = Instant.parse("2026-11-24T09:00:00Z");
    private static final UUID CONTACT = UUID.fromString("0b9f6a2e-2f0c-4a53-9d3c-6f1f3c1d2a10");
    private static final UUID COMPANY = UUID.fromString("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
    private static final UUID API_KEY = UUID.fromString("8d1e2f3a-4b5c-4d6e-9f70-8192a3b4c5d6");
    private static final UUID MANAGER = UUID.fromString("2f6b1a9c-4d3e-4b8a-9c1d-0e5f6a7b8c90");
    private static final UUID LEAD = UUID.fromString("6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final UUID DEAL = UUID.fromString("7b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e");
    private static final UUID LEAD_FUNNEL = UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    private static final UUID ORDER_FUNNEL = UUID.fromString("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a");
    private static final UUID CAMPAIGN = UUID.fromString("0f1a2b3c-4d5e-4f6a-9b7c-8d9e0f1a2b3c");
    private static final UUID MARKETER = UUID.fromString("4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d");
    private static final UUID MARKETED = UUID.fromString("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
    private static final UUID PROMOTION = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    private static final StageRef NEW_REQUEST = new StageRef(UUID.fromString("3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b"),
            "new-request", null, "OPEN");
    private static final StageRef CONVERTED = new StageRef(UUID.fromString("4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c"),
            "converted", null, "WON");
    private static final StageRef LEAD_FAILED = new StageRef(UUID.fromString("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"),
            "failed", "Не дозвонились", "LOST");
    private static final StageRef NEW_ORDER = new StageRef(UUID.fromString("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e"),
            "new-order", null, "OPEN");
    private static final StageRef ORDER_SHIPPED = new StageRef(UUID.fromString("7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"),
            "order-shipped", null, "OPEN");
    private static final StageRef SUCCESSFUL = new StageRef(UUID.fromString("8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a"),
            "successful", null, "WON");
    private static final StageRef DEAL_FAILED = new StageRef(UUID.fromString("9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b"),
            null, "Refused at the post office", "LOST");

    private static final ShopCustomer SHOP_BUYER = new ShopCustomer("cust-4411", "Olena Kovalenko", "+380671234567",
            "olena.kovalenko@example.com");
    private static final UUID PRODUCT = UUID.fromString("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
    private static final UUID RETURN = UUID.fromString("d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a");
    private static final UUID CALL = UUID.fromString("d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70");
    private static final UUID NOTIFICATION = UUID.fromString("e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9");
    private static final UUID MESSAGE = UUID.fromString("f6a7b8c9-d0e1-4f2a-b3c4-d5e6f7a8b9c0");
    private static final UUID TASK = UUID.fromString("a8b9c0d1-e2f3-4a4b-8c5d-6e7f8a9b0c1d");
    private static final UUID CHAT = UUID.fromString("c0d1e2f3-a4b5-4c6d-8e7f-8a9b0c1d2e3f");
    private static final UUID SHOP_CUSTOMER_ID = UUID.fromString("e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7a8b");
    private static final OrderLine ANCHOR_LINE = new OrderLine(PRODUCT, "ANC-860", "Anchor 8x60", new BigDecimal("94.440"),
            new BigDecimal("12.50"));
    private static final ReturnItem ANCHOR_BACK = new ReturnItem(PRODUCT, "ANC-860", "Anchor 8x60", new BigDecimal("10"));

    /** One sample of each event type; the golden JSON next to it is what producers must send. */
    private static final Map<String, DomainEvent> SAMPLES = Stream.of(
            new CallMissed(UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"), "INBOUND", "+380671234567",
                    "+380441234567", "101", MANAGER, CONTACT, List.of(CONTACT), "Olena Kovalenko",
                    Instant.parse("2026-11-27T09:00:00Z"), Instant.parse("2026-11-27T09:00:25Z"), 25),
            new ImportFinished(UUID.fromString("a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d"), "CONTACT", "clients-2026.xlsx", ADMIN,
                    "COMPLETED", 12840, 311, 42, 7, Instant.parse("2026-11-24T14:02:11Z")),
            new CallRinging(CALL, "INBOUND", "+380671234567", "+380441234567", "101", MANAGER,
                    List.of(new CallerCard(CONTACT, "Olena Kovalenko", COMPANY, "Kovalenko Trading LLC", MANAGER, true, 2,
                            List.of(new CallerCard.Amount(new BigDecimal("1180.50"), "UAH")),
                            Instant.parse("2026-11-25T12:00:00Z"), "DEAL")),
                    Instant.parse("2026-11-27T10:00:00Z")),
            new CallAnswered(CALL, "INBOUND", "+380671234567", "+380441234567", "101", MANAGER, CONTACT,
                    Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T10:00:07Z"), 7),
            new CallEnded(CALL, "INBOUND", "+380671234567", "+380441234567", "101", MANAGER, CONTACT, List.of(CONTACT),
                    "Olena Kovalenko", Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T10:00:07Z"),
                    Instant.parse("2026-11-27T10:04:12Z"), 7, 245),
            new CallRecordingAvailable(CALL, CONTACT, MANAGER, "EXCHANGE", 245, Instant.parse("2026-11-27T10:04:30Z")),
            new NotificationCreated(NOTIFICATION, MANAGER, "mention", "Olena Kovalenko mentioned you",
                    "@Taras please call her back about the wholesale prices", "CONTACT", CONTACT,
                    UUID.fromString("4c5d6e7f-8091-4a2b-b3c4-d5e6f7a8b9c0"), Instant.parse("2026-11-24T15:00:01Z")),
            new EmailSent(MESSAGE, "invitation", "taras@kovalenko.example", null, null,
                    "Запрошення до Kovalenko Trading LLC", "uk", 1, Instant.parse("2026-11-24T09:00:04Z")),
            new EmailFailed(MESSAGE, "invitation", "taras@kovalenko.example", null, null,
                    "Запрошення до Kovalenko Trading LLC", "550 5.1.1 mailbox unavailable", 1,
                    Instant.parse("2026-11-24T09:00:04Z")),
            new SmsSent(MESSAGE, "call-missed", "+380671234567", MANAGER, null, "bin-88231", 1,
                    Instant.parse("2026-11-27T09:00:27Z")),
            new SmsFailed(MESSAGE, "call-missed", "+380671234567", MANAGER, null, "provider answered 400: invalid number",
                    3, Instant.parse("2026-11-27T09:05:00Z")),
            new TaskCreated(TASK, "Call back about the wholesale prices", Instant.parse("2026-11-28T10:00:00Z"), MANAGER,
                    CONTACT, COMPANY, DEAL, null, Instant.parse("2026-11-27T10:05:00Z")),
            new TaskCompleted(TASK, "Call back about the wholesale prices", MANAGER, Instant.parse("2026-11-28T09:40:00Z"),
                    "Agreed on 5% off from 100 boxes", CONTACT, COMPANY, DEAL, null),
            new MessagePosted(UUID.fromString("b9c0d1e2-f3a4-4b5c-9d6e-7f8a9b0c1d2e"), CHAT, "telegram", CONTACT, "IN",
                    null, "Добрий день! Анкери 8x60 ще є в наявності?", Instant.parse("2026-11-27T11:00:00Z")),
            new TenantCreated(UUID.fromString("7c0e3c52-1b8f-4f0e-9a57-3d1a2b4c5d60"), "Kovalenko Trading LLC", ADMIN,
                    SIGNED_UP),
            new UserActivated(ADMIN, "olena@kovalenko.example", "Olena", "Kovalenko", "ADMIN", null, SIGNED_UP),
            new UserInvited(UUID.fromString("2f6b1a9c-4d3e-4b8a-9c1d-0e5f6a7b8c90"), "taras@kovalenko.example",
                    "MANAGER", UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), ADMIN,
                    "/accept-invitation?token=q8Zx3n1Vb7Yc5Rt2Lp9Kw4Jh6Gf0Ds3A", Instant.parse("2026-12-01T09:00:00Z"), "uk"),
            new UserUpdated(ADMIN, "olena@kovalenko.example", "Olena", "Kovalenko", "Petrivna", "ADMIN", null,
                    "+380441234567", "101", "Director", Instant.parse("2026-11-24T09:30:00Z")),
            new UserDeactivated(UUID.fromString("6e3c9d2f-8b55-4a1f-9d66-3c4f5b7e0f12"), ADMIN,
                    Instant.parse("2026-11-24T10:00:00Z")),
            new ApiKeyCreated(API_KEY, "Online shop", "crm_Xy7Q", List.of("shop:write", "read"), ADMIN,
                    Instant.parse("2026-11-24T11:00:00Z")),
            new ApiKeyRevoked(API_KEY, ADMIN, Instant.parse("2026-11-25T08:00:00Z")),
            new DepartmentChanged(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), "Retail",
                    UUID.fromString("8b7c6d5e-4f3a-4b2c-9d1e-0f9a8b7c6d5e"), ADMIN, 1, Instant.parse("2026-11-24T09:10:00Z")),
            new DepartmentDeleted(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), ADMIN,
                    Instant.parse("2026-11-26T10:00:00Z")),
            new UserPresenceChanged(ADMIN, "DO_NOT_DISTURB", true, Instant.parse("2026-11-24T12:00:00Z")),
            new PasswordResetRequested(ADMIN, "olena@kovalenko.example", "/reset-password?token=Zk3m9Qp1Xw7Rt5Yb2Nc8Vd4Lh6Gj0Fs1",
                    Instant.parse("2026-11-24T13:00:00Z"), "ru"),
            new ContactCreated(CONTACT, "Olena", "Kovalenko", "olena.kovalenko@example.com", "+380 67 123 4567", ADMIN,
                    Instant.parse("2026-11-24T10:15:30Z"), "Petrivna", "PERSON", "LEAD", true, List.of("wholesale"),
                    List.of("+380671234567", "+380441234567"), List.of("olena.kovalenko@example.com"), 0),
            new ContactUpdated(CONTACT, "PERSON", "Olena", "Petrivna", "Kovalenko-Shevchenko",
                    "olena.kovalenko@example.com", "+380 67 123 4567", List.of("+380671234567"),
                    List.of("olena.kovalenko@example.com"), ADMIN, "ACTIVE", true, List.of("wholesale", "kyiv"),
                    Instant.parse("2026-11-24T11:00:00Z"), 3, "q3Zt8xWm1bKc"),
            new ContactDeleted(CONTACT, ADMIN, Instant.parse("2026-11-25T09:00:00Z")),
            new CompanyCreated(COMPANY, "Kovalenko Trading LLC", "12345678", "Wholesale", ADMIN, List.of("partner"),
                    List.of("+380441234567"), List.of("office@kovalenko.example"), Instant.parse("2026-11-24T10:20:00Z"), 0),
            new CompanyUpdated(COMPANY, "Kovalenko Trading LLC", "12345678", "Retail", ADMIN, List.of("partner"),
                    List.of("+380441234567"), List.of("office@kovalenko.example"), Instant.parse("2026-11-24T12:00:00Z"), 2),
            new CompanyDeleted(COMPANY, ADMIN, Instant.parse("2026-11-26T09:00:00Z")),
            new CompanyMerged(COMPANY, UUID.fromString("7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b"), ADMIN,
                    Instant.parse("2026-11-26T10:00:00Z")),
            new ContactMerged(CONTACT, UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"), ADMIN,
                    Instant.parse("2026-11-25T10:00:00Z")),
            new CommentAdded(UUID.fromString("4c5d6e7f-8091-4a2b-b3c4-d5e6f7a8b9c0"), "CONTACT", CONTACT, ADMIN,
                    List.of(UUID.fromString("2f6b1a9c-4d3e-4b8a-9c1d-0e5f6a7b8c90")),
                    "@Taras please call her back about the wholesale prices", Instant.parse("2026-11-24T15:00:00Z")),
            new CampaignCreated(CAMPAIGN, "FB - Саморезы, весна", MARKETED, "FACEBOOK", new BigDecimal("15000.00"),
                    "UAH", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-05-31"), "PLANNED", MARKETER,
                    Instant.parse("2026-02-20T09:00:00Z"), 0),
            new CampaignUpdated(CAMPAIGN, "FB - Саморезы, весна", MARKETED, "FACEBOOK", new BigDecimal("18000.00"),
                    "UAH", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-06-15"), "ACTIVE", MARKETER,
                    Instant.parse("2026-03-10T12:00:00Z"), 1),
            new CampaignDeleted(CAMPAIGN, MARKETER, Instant.parse("2026-02-21T08:00:00Z")),
            new LeadCreated(LEAD, 237159, LEAD_FUNNEL, NEW_REQUEST, null, "Антонов Артем", "+380996453478",
                    "antonov@example.com", null, MANAGER, "facebook", "FB - Саморезы", CAMPAIGN, null,
                    Instant.parse("2026-11-24T16:48:00Z"), 0),
            new LeadConverted(LEAD, 237159, DEAL, 1042, null, new BigDecimal("1250.00"), "UAH", null, "Антонов Артем",
                    "+380996453478", "antonov@example.com", null, MANAGER, LEAD_FUNNEL, CONVERTED, "facebook",
                    "FB - Саморезы", CAMPAIGN, null, Instant.parse("2026-11-24T17:30:00Z"), 3),
            new LeadLost(LEAD, 237160, CONTACT, "Olena Kovalenko", null, MANAGER, LEAD_FUNNEL, LEAD_FAILED,
                    "Did not answer three calls", "missed-call", "Пропущенный звонок", null, null,
                    Instant.parse("2026-11-25T09:00:00Z"), 4),
            new LeadDeleted(LEAD, 237161, null, null, MANAGER, LEAD_FUNNEL, CONVERTED, "CONVERTED", DEAL, "facebook",
                    CAMPAIGN, null, ADMIN, Instant.parse("2026-11-25T11:00:00Z"), 5),
            new DealCreated(DEAL, 1042, null, new BigDecimal("1250.00"), "UAH", null, "Антонов Артем", null, LEAD,
                    MANAGER, ORDER_FUNNEL, NEW_ORDER, "OPEN", "NOT_PAID", null, null, "facebook", "FB - Саморезы",
                    CAMPAIGN, null, null, null, Instant.parse("2026-11-24T17:30:00Z"), 0),
            new DealUpdated(DEAL, 1042, "Anchors for the warehouse", new BigDecimal("1180.50"), "UAH", CONTACT,
                    "Olena Kovalenko", COMPANY, LEAD, MANAGER, ORDER_FUNNEL, NEW_ORDER, "OPEN", "SUCCESSFUL",
                    "CARD_ONLINE", "555555", "facebook", "FB - Саморезы", CAMPAIGN, PROMOTION, "SPRING10",
                    LocalDate.parse("2026-12-15"), null, Instant.parse("2026-11-25T10:00:00Z"), 2),
            new DealStageChanged(DEAL, 1042, "Anchors for the warehouse", new BigDecimal("1180.50"), "UAH", CONTACT,
                    COMPANY, MANAGER, ORDER_FUNNEL, NEW_ORDER, ORDER_SHIPPED, "OPEN", "OPEN", MANAGER,
                    Instant.parse("2026-11-25T12:00:00Z"), 3),
            new DealWon(DEAL, 1042, "Anchors for the warehouse", new BigDecimal("1180.50"), "UAH", CONTACT, COMPANY,
                    MANAGER, ORDER_FUNNEL, SUCCESSFUL, LEAD, "facebook", CAMPAIGN, PROMOTION,
                    Instant.parse("2026-11-27T15:00:00Z"), 5),
            new DealLost(DEAL, 1043, null, new BigDecimal("320.00"), "EUR", CONTACT, null, MANAGER, ORDER_FUNNEL,
                    DEAL_FAILED, "The parcel was not picked up", null, "shop", null, null,
                    Instant.parse("2026-11-28T09:00:00Z"), 6),
            new DealDeleted(DEAL, 1044, "Duplicate of #1042", new BigDecimal("1180.50"), "UAH", CONTACT, COMPANY, MANAGER,
                    ORDER_FUNNEL, NEW_ORDER, "OPEN", LEAD, "facebook", CAMPAIGN, null, ADMIN,
                    Instant.parse("2026-11-28T10:00:00Z"), 2),
            new OrderReceived(DEAL, 1042, "555555", true, SHOP_BUYER, null, new BigDecimal("1180.50"), "UAH",
                    "NOT_PAID", "CASH_ON_DELIVERY", List.of(ANCHOR_LINE), 3, Instant.parse("2026-11-25T09:58:00Z"),
                    Instant.parse("2026-11-25T10:00:00Z")),
            new PaymentReceived(DEAL, "555555", "pay-90817", "SUCCESSFUL", "CARD_ONLINE", new BigDecimal("1180.50"),
                    "UAH", Instant.parse("2026-11-25T10:05:00Z"), Instant.parse("2026-11-25T10:05:02Z")),
            new ReturnRequested(RETURN, DEAL, "555555", "ret-771", CONTACT, "Wrong size", "Box unopened",
                    List.of(ANCHOR_BACK), "REQUESTED", null, Instant.parse("2026-11-29T09:00:00Z")),
            new ReturnApproved(RETURN, DEAL, "555555", "ret-771", CONTACT, "Wrong size", "Box unopened",
                    List.of(ANCHOR_BACK), "APPROVED", MANAGER, Instant.parse("2026-11-29T11:00:00Z")),
            new ReturnRejected(RETURN, DEAL, "555555", "ret-771", CONTACT, "Wrong size", "Box unopened",
                    List.of(ANCHOR_BACK), "REJECTED", MANAGER, Instant.parse("2026-11-29T11:00:00Z")),
            new LoyaltyPointsChanged(UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"), SHOP_CUSTOMER_ID,
                    "cust-4411", CONTACT, 118, 530, "order", "555555", Instant.parse("2026-11-25T10:00:00Z")),
            new ContactUpserted(CONTACT, false, "ACTIVE", "phone", "cust-4411", "555555", DEAL, null,
                    Instant.parse("2026-11-25T10:00:03Z")))
            .collect(Collectors.toMap(DomainEvent::eventType, Function.identity()));

    @Test
    void everyEventTypeHasAGoldenSample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.names());
        for (String type : EventTypes.names()) {
            assertThat(GoldenSamples.read(type)).as(type).isNotBlank();
        }
    }

    @Test
    void eventsSerialiseExactlyAsTheirGoldenSample() {
        for (var sample : SAMPLES.entrySet()) {
            JsonNode expected = JSON.readTree(GoldenSamples.read(sample.getKey()));
            // read back from text, so that a long field and the int the sample holds compare as the same number
            JsonNode actual = JSON.readTree(JSON.writeValueAsString(sample.getValue()));
            assertThat(actual).as(sample.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void goldenSamplesDeserialiseIntoTheirRecords() {
        for (var sample : SAMPLES.entrySet()) {
            Class<? extends DomainEvent> type = EventTypes.classOf(sample.getKey()).orElseThrow();
            assertThat(JSON.readValue(GoldenSamples.read(sample.getKey()), type)).isEqualTo(sample.getValue());
        }
    }

    @Test
    void envelopeRoundTripsWithItsDataType() {
        var data = SAMPLES.get(ContactCreated.TYPE);
        var envelope = EventEnvelope.wrap(data, "contacts-service", UUID.randomUUID(), UUID.randomUUID(),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        String json = JSON.writeValueAsString(envelope);
        assertThat(JSON.readValue(json, EventEnvelope.class)).isEqualTo(envelope);
        assertThat(envelope.subject()).isEqualTo(data.aggregateId());
        assertThat(envelope.type()).isEqualTo("contact.created");
    }

    @Test
    void deadLetterTopicIsTheTopicWithDltSuffix() {
        assertThat(Topics.deadLetter(Topics.CONTACTS_CONTACT)).isEqualTo("crm.contacts.contact.dlt");
        assertThat(Topics.ALL).allMatch(t -> t.startsWith("crm.")).doesNotHaveDuplicates();
    }
}
