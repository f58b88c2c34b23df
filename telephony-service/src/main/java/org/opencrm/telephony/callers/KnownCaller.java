package org.opencrm.telephony.callers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A contact or client company as the call log's visibility rule needs it: its responsible user. The call log's
 * query names this entity ({@code KnownCaller}) to show a MANAGER the calls of the clients they own; the rest
 * of the card (name, deals, last interaction) is read by {@link Callers} on the ringing path.
 */
@Entity
@Table(name = "caller_card")
class KnownCaller {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "card_type", nullable = false)
    private String cardType;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(nullable = false)
    private boolean deleted;

    protected KnownCaller() {
    }
}
