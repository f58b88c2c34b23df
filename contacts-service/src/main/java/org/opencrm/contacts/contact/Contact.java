package org.opencrm.contacts.contact;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
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

/**
 * A client or a contact person: the card a manager keeps (`001_*` 3.2, `002_*` 2.1.21). Every change of
 * an audited field is kept by Envers with who made it.
 */
@Entity
@Table(name = "contact")
@Audited
@SQLRestriction("deleted_at is null")
public class Contact {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactKind kind;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "middle_name")
    private String middleName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String position;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(nullable = false)
    private boolean vip;

    private String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    @Column(name = "news_consent", nullable = false)
    private boolean newsConsent;

    @Column(name = "payment_preference")
    private String paymentPreference;

    @Column(name = "delivery_preference")
    private String deliveryPreference;

    private String notes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_fields", nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> customFields = new LinkedHashMap<>();

    /** Which photo the card shows (a short hash of it), or null; the bytes are kept by the photo feature. */
    @Column(name = "photo_version")
    private String photoVersion;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "contact_point", joinColumns = @JoinColumn(name = "contact_id"))
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

    protected Contact() {
    }

    Contact(UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces everything the card holds with the given state. */
    void apply(ContactState state, List<ContactPoint> points, Map<String, Object> customFields, Instant now) {
        this.kind = state.kind() == null ? ContactKind.PERSON : state.kind();
        this.firstName = state.firstName().strip();
        this.middleName = blankToNull(state.middleName());
        this.lastName = blankToNull(state.lastName());
        this.birthDate = state.birthDate();
        this.position = blankToNull(state.position());
        this.ownerId = state.ownerId();
        this.vip = Boolean.TRUE.equals(state.vip());
        this.source = blankToNull(state.source());
        this.status = state.status() == null ? ContactStatus.LEAD : state.status();
        this.tags = ContactPoints.tags(state.tags());
        this.newsConsent = Boolean.TRUE.equals(state.newsConsent());
        this.paymentPreference = blankToNull(state.paymentPreference());
        this.deliveryPreference = blankToNull(state.deliveryPreference());
        this.notes = blankToNull(state.notes());
        this.customFields = new LinkedHashMap<>(customFields);
        this.points.clear();
        this.points.addAll(points);
        this.email = ContactPoints.primaryValue(points, PointKind.EMAIL);
        this.phone = ContactPoints.primaryValue(points, PointKind.PHONE);
        // in the order lists show names (last, first, middle), so that sorting by it sorts by surname
        this.searchName = SearchText.of(lastName, firstName, middleName);
        this.updatedAt = now;
    }

    void assignOwner(UUID ownerId, Instant now) {
        this.ownerId = ownerId;
        this.updatedAt = now;
    }

    /** Adds and removes tags, keeping the others in their order. */
    void retag(List<String> add, List<String> remove, Instant now) {
        List<String> kept = new ArrayList<>(tags);
        kept.removeIf(tag -> remove.stream().anyMatch(tag::equalsIgnoreCase));
        for (String tag : ContactPoints.tags(add)) {
            if (kept.stream().noneMatch(tag::equalsIgnoreCase)) {
                kept.add(tag);
            }
        }
        this.tags = kept;
        this.updatedAt = now;
    }

    /** The card shows another photo, or none (null). */
    void showPhoto(String version, Instant now) {
        this.photoVersion = version;
        this.updatedAt = now;
    }

    void delete(Instant now) {
        this.deletedAt = now;
        this.updatedAt = now;
    }

    /** This card turned out to be the same person as the survivor and went into it. */
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

    public UUID tenantId() {
        return tenantId;
    }

    public ContactKind kind() {
        return kind;
    }

    public String firstName() {
        return firstName;
    }

    public String middleName() {
        return middleName;
    }

    public String lastName() {
        return lastName;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public String position() {
        return position;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public boolean vip() {
        return vip;
    }

    public String source() {
        return source;
    }

    public ContactStatus status() {
        return status;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public boolean newsConsent() {
        return newsConsent;
    }

    public String paymentPreference() {
        return paymentPreference;
    }

    public String deliveryPreference() {
        return deliveryPreference;
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

    public String photoVersion() {
        return photoVersion;
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

    public boolean deleted() {
        return deletedAt != null;
    }

    public long version() {
        return version;
    }
}
