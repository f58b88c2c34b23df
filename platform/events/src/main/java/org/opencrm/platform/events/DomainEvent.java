package org.opencrm.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import org.opencrm.platform.events.chat.MessagePosted;
import org.opencrm.platform.events.contacts.CommentAdded;
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
import org.opencrm.platform.events.contacts.CompanyCreated;
import org.opencrm.platform.events.contacts.ContactMerged;
import org.opencrm.platform.events.contacts.CompanyDeleted;
import org.opencrm.platform.events.contacts.CompanyMerged;
import org.opencrm.platform.events.contacts.CompanyUpdated;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.contacts.ContactDeleted;
import org.opencrm.platform.events.contacts.ContactUpdated;
import org.opencrm.platform.events.contacts.ContactUpserted;
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
import org.opencrm.platform.events.deals.OrderReceived;
import org.opencrm.platform.events.deals.PaymentReceived;
import org.opencrm.platform.events.deals.ReturnApproved;
import org.opencrm.platform.events.deals.ReturnRejected;
import org.opencrm.platform.events.deals.ReturnRequested;
import org.opencrm.platform.events.identity.ApiKeyCreated;
import org.opencrm.platform.events.identity.DepartmentChanged;
import org.opencrm.platform.events.identity.DepartmentDeleted;
import org.opencrm.platform.events.identity.ApiKeyRevoked;
import org.opencrm.platform.events.identity.PasswordResetRequested;
import org.opencrm.platform.events.identity.TenantCreated;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.events.identity.UserDeactivated;
import org.opencrm.platform.events.identity.UserInvited;
import org.opencrm.platform.events.identity.UserPresenceChanged;
import org.opencrm.platform.events.identity.UserUpdated;
import org.opencrm.platform.events.tasks.TaskCompleted;
import org.opencrm.platform.events.tasks.TaskCreated;

/**
 * The data of an integration event: a past-tense record that says what happened to one aggregate.
 * <p>
 * The subtypes listed here are every event type of the published language; a new event type is added
 * to this list and to {@code docs/events.md}. The names are the CloudEvents {@code type} values, so
 * Java class names never appear on the wire.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(value = TenantCreated.class, name = TenantCreated.TYPE),
        @JsonSubTypes.Type(value = UserInvited.class, name = UserInvited.TYPE),
        @JsonSubTypes.Type(value = UserActivated.class, name = UserActivated.TYPE),
        @JsonSubTypes.Type(value = UserUpdated.class, name = UserUpdated.TYPE),
        @JsonSubTypes.Type(value = UserDeactivated.class, name = UserDeactivated.TYPE),
        @JsonSubTypes.Type(value = UserPresenceChanged.class, name = UserPresenceChanged.TYPE),
        @JsonSubTypes.Type(value = PasswordResetRequested.class, name = PasswordResetRequested.TYPE),
        @JsonSubTypes.Type(value = DepartmentChanged.class, name = DepartmentChanged.TYPE),
        @JsonSubTypes.Type(value = DepartmentDeleted.class, name = DepartmentDeleted.TYPE),
        @JsonSubTypes.Type(value = ApiKeyCreated.class, name = ApiKeyCreated.TYPE),
        @JsonSubTypes.Type(value = ApiKeyRevoked.class, name = ApiKeyRevoked.TYPE),
        @JsonSubTypes.Type(value = ContactCreated.class, name = ContactCreated.TYPE),
        @JsonSubTypes.Type(value = ContactUpdated.class, name = ContactUpdated.TYPE),
        @JsonSubTypes.Type(value = ContactDeleted.class, name = ContactDeleted.TYPE),
        @JsonSubTypes.Type(value = ContactMerged.class, name = ContactMerged.TYPE),
        @JsonSubTypes.Type(value = CommentAdded.class, name = CommentAdded.TYPE),
        @JsonSubTypes.Type(value = CompanyCreated.class, name = CompanyCreated.TYPE),
        @JsonSubTypes.Type(value = CompanyUpdated.class, name = CompanyUpdated.TYPE),
        @JsonSubTypes.Type(value = CompanyDeleted.class, name = CompanyDeleted.TYPE),
        @JsonSubTypes.Type(value = CompanyMerged.class, name = CompanyMerged.TYPE),
        @JsonSubTypes.Type(value = CampaignCreated.class, name = CampaignCreated.TYPE),
        @JsonSubTypes.Type(value = CampaignUpdated.class, name = CampaignUpdated.TYPE),
        @JsonSubTypes.Type(value = CampaignDeleted.class, name = CampaignDeleted.TYPE),
        @JsonSubTypes.Type(value = LeadCreated.class, name = LeadCreated.TYPE),
        @JsonSubTypes.Type(value = LeadConverted.class, name = LeadConverted.TYPE),
        @JsonSubTypes.Type(value = LeadLost.class, name = LeadLost.TYPE),
        @JsonSubTypes.Type(value = LeadDeleted.class, name = LeadDeleted.TYPE),
        @JsonSubTypes.Type(value = DealCreated.class, name = DealCreated.TYPE),
        @JsonSubTypes.Type(value = DealUpdated.class, name = DealUpdated.TYPE),
        @JsonSubTypes.Type(value = DealStageChanged.class, name = DealStageChanged.TYPE),
        @JsonSubTypes.Type(value = DealWon.class, name = DealWon.TYPE),
        @JsonSubTypes.Type(value = DealLost.class, name = DealLost.TYPE),
        @JsonSubTypes.Type(value = DealDeleted.class, name = DealDeleted.TYPE),
        @JsonSubTypes.Type(value = OrderReceived.class, name = OrderReceived.TYPE),
        @JsonSubTypes.Type(value = PaymentReceived.class, name = PaymentReceived.TYPE),
        @JsonSubTypes.Type(value = ReturnRequested.class, name = ReturnRequested.TYPE),
        @JsonSubTypes.Type(value = ReturnApproved.class, name = ReturnApproved.TYPE),
        @JsonSubTypes.Type(value = ReturnRejected.class, name = ReturnRejected.TYPE),
        @JsonSubTypes.Type(value = LoyaltyPointsChanged.class, name = LoyaltyPointsChanged.TYPE),
        @JsonSubTypes.Type(value = ContactUpserted.class, name = ContactUpserted.TYPE),
        @JsonSubTypes.Type(value = ImportFinished.class, name = ImportFinished.TYPE),
        @JsonSubTypes.Type(value = CallRinging.class, name = CallRinging.TYPE),
        @JsonSubTypes.Type(value = CallAnswered.class, name = CallAnswered.TYPE),
        @JsonSubTypes.Type(value = CallEnded.class, name = CallEnded.TYPE),
        @JsonSubTypes.Type(value = CallMissed.class, name = CallMissed.TYPE),
        @JsonSubTypes.Type(value = CallRecordingAvailable.class, name = CallRecordingAvailable.TYPE),
        @JsonSubTypes.Type(value = NotificationCreated.class, name = NotificationCreated.TYPE),
        @JsonSubTypes.Type(value = EmailSent.class, name = EmailSent.TYPE),
        @JsonSubTypes.Type(value = EmailFailed.class, name = EmailFailed.TYPE),
        @JsonSubTypes.Type(value = SmsSent.class, name = SmsSent.TYPE),
        @JsonSubTypes.Type(value = SmsFailed.class, name = SmsFailed.TYPE),
        @JsonSubTypes.Type(value = TaskCreated.class, name = TaskCreated.TYPE),
        @JsonSubTypes.Type(value = TaskCompleted.class, name = TaskCompleted.TYPE),
        @JsonSubTypes.Type(value = MessagePosted.class, name = MessagePosted.TYPE),
})
public interface DomainEvent {

    /** The CloudEvents {@code type}, such as {@code contact.created}. */
    @JsonIgnore
    String eventType();

    /** The topic of the aggregate this event belongs to. */
    @JsonIgnore
    String topic();

    /** The aggregate id: the Kafka key and the CloudEvents {@code subject}. */
    @JsonIgnore
    String aggregateId();
}
