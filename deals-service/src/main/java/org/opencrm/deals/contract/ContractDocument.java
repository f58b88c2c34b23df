package org.opencrm.deals.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The signed document of a contract, as it was uploaded. */
@Entity
@Table(name = "contract_document")
class ContractDocument {

    @Id
    @Column(name = "contract_id")
    private UUID contractId;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String filename;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(nullable = false)
    private long size;

    @Column(nullable = false)
    private String sha256;

    @Column(nullable = false)
    private byte[] data;

    @Column(name = "uploaded_by")
    private UUID uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected ContractDocument() {
    }

    ContractDocument(UUID contractId) {
        this.contractId = contractId;
    }

    void replace(String filename, DocumentFormat format, byte[] data, String sha256, UUID by, Instant at) {
        this.filename = filename;
        this.mediaType = format.mediaType();
        this.size = data.length;
        this.sha256 = sha256;
        this.data = data;
        this.uploadedBy = by;
        this.uploadedAt = at;
    }

    UUID contractId() {
        return contractId;
    }

    String filename() {
        return filename;
    }

    String mediaType() {
        return mediaType;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    byte[] data() {
        return data;
    }

    UUID uploadedBy() {
        return uploadedBy;
    }

    Instant uploadedAt() {
        return uploadedAt;
    }
}
