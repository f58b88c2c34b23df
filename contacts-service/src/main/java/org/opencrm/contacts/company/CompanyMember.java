package org.opencrm.contacts.company;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A contact person of a company, with their position there (`001_*`: contact persons are not the client). */
@Entity
@Table(name = "company_member")
class CompanyMember {

    /** A person belongs to a company at most once. */
    @Embeddable
    record Key(@Column(name = "company_id") UUID companyId, @Column(name = "contact_id") UUID contactId)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String position;

    @Column(nullable = false, updatable = false)
    private Instant since;

    protected CompanyMember() {
    }

    CompanyMember(UUID companyId, UUID contactId, String position, Instant since) {
        this.key = new Key(companyId, contactId);
        this.position = position;
        this.since = since;
    }

    void moveTo(String position) {
        this.position = position;
    }

    UUID companyId() {
        return key.companyId();
    }

    UUID contactId() {
        return key.contactId();
    }

    String position() {
        return position;
    }

    Instant since() {
        return since;
    }
}
