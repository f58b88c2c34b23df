package org.opencrm.contacts.company;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;
import org.opencrm.contacts.point.ContactPoint;
import org.opencrm.contacts.point.ContactPoints;
import org.opencrm.contacts.point.PointKind;
import org.opencrm.contacts.point.SearchText;

/** An organisation in the client base (`001_*`: a client can be a company), with its contact points. */
@Entity
@Table(name = "company")
@Audited
@SQLRestriction("deleted_at is null")
public class Company {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(name = "tax_id")
    private String taxId;

    private String industry;

    @Column(name = "owner_id")
    private UUID ownerId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    private String notes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_fields", nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> customFields = new LinkedHashMap<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "company_point", joinColumns = @JoinColumn(name = "company_id"))
    @OrderColumn(name = "position")
    private List<ContactPoint> points = new ArrayList<>();

    @NotAudited
    private String email;

    @NotAudited
    private String phone;

    @NotAudited
    @Column(name = "search_name", nullable = false)
    private String searchName;

    @NotAudited
    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @NotAudited
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @NotAudited
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @NotAudited
    @Column(name = "deleted_at")
    private Instant deletedAt;

    @NotAudited
    @Column(name = "merged_into")
    private UUID mergedInto;

    @NotAudited
    @Version
    private long version;

    protected Company() {
    }

    Company(UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void apply(CompanyState state, String taxId, List<ContactPoint> points, Map<String, Object> customFields,
            Instant now) {
        this.name = state.name().strip();
        this.taxId = taxId;
        this.industry = blankToNull(state.industry());
        this.ownerId = state.ownerId();
        this.tags = ContactPoints.tags(state.tags());
        this.notes = blankToNull(state.notes());
        this.customFields = new LinkedHashMap<>(customFields);
        this.points.clear();
        this.points.addAll(points);
        this.email = ContactPoints.primaryValue(points, PointKind.EMAIL);
        this.phone = ContactPoints.primaryValue(points, PointKind.PHONE);
        this.searchName = SearchText.of(name);
        this.updatedAt = now;
    }

    void assignOwner(UUID ownerId, Instant now) {
        this.ownerId = ownerId;
        this.updatedAt = now;
    }

    void delete(Instant now) {
        this.deletedAt = now;
        this.updatedAt = now;
    }

    void mergeInto(UUID survivorId, Instant now) {
        this.mergedInto = survivorId;
        delete(now);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String taxId() {
        return taxId;
    }

    public String industry() {
        return industry;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public String notes() {
        return notes;
    }

    public Map<String, Object> customFields() {
        return customFields;
    }

    public List<ContactPoint> points() {
        return List.copyOf(points);
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
