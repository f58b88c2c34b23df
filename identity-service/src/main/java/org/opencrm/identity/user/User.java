package org.opencrm.identity.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A person who works in the CRM for one company, with one role. */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String patronymic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "department_id")
    private UUID departmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserStatus status;

    @Column(name = "personal_phone")
    private String personalPhone;

    @Column(name = "work_phone")
    private String workPhone;

    @Column(name = "pbx_extension")
    private String pbxExtension;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "photo_updated_at")
    private Instant photoUpdatedAt;

    private String position;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected User() {
    }

    private User(String email, String firstName, String lastName, Role role, UserStatus status) {
        this.id = UUID.randomUUID();
        this.email = normaliseEmail(email);
        this.firstName = firstName;
        this.lastName = lastName;
        this.role = role;
        this.status = status;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** The first administrator of a company that signs up, able to sign in at once. */
    public static User founder(String email, String fullName, String passwordHash) {
        String name = fullName.trim().replaceAll("\\s+", " ");
        int space = name.indexOf(' ');
        var user = new User(email, space < 0 ? name : name.substring(0, space),
                space < 0 ? null : name.substring(space + 1), Role.ADMIN, UserStatus.ACTIVE);
        user.passwordHash = passwordHash;
        return user;
    }

    /** Someone who accepted an invitation: their e-mail, role and department come from it. */
    public static User invitee(String email, String firstName, String lastName, Role role, UUID departmentId,
            String passwordHash) {
        var user = new User(email, firstName.trim(), lastName == null || lastName.isBlank() ? null : lastName.trim(),
                role, UserStatus.ACTIVE);
        user.departmentId = departmentId;
        user.passwordHash = passwordHash;
        return user;
    }

    /** Replaces the profile fields a user keeps themselves. */
    void updateProfile(Profile profile) {
        this.firstName = profile.firstName().trim();
        this.lastName = blankToNull(profile.lastName());
        this.patronymic = blankToNull(profile.patronymic());
        this.personalPhone = blankToNull(profile.personalPhone());
        this.workPhone = blankToNull(profile.workPhone());
        this.pbxExtension = blankToNull(profile.pbxExtension());
        this.birthDate = profile.birthDate();
        this.position = blankToNull(profile.position());
        this.updatedAt = Instant.now();
    }

    void assign(Role role, UUID departmentId) {
        this.role = role;
        this.departmentId = departmentId;
        this.updatedAt = Instant.now();
    }

    void deactivate() {
        this.status = UserStatus.DEACTIVATED;
        this.deactivatedAt = Instant.now();
        this.updatedAt = deactivatedAt;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** E-mails are compared case-insensitively: stored trimmed and lower-cased. */
    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String email() {
        return email;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String patronymic() {
        return patronymic;
    }

    public Role role() {
        return role;
    }

    public UUID departmentId() {
        return departmentId;
    }

    public UserStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant deactivatedAt() {
        return deactivatedAt;
    }

    public String personalPhone() {
        return personalPhone;
    }

    public String workPhone() {
        return workPhone;
    }

    public String pbxExtension() {
        return pbxExtension;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Where colleagues fetch the photo; the address changes with each new photo, so it can be cached for good. */
    public String photoUrl() {
        return photoUpdatedAt == null ? null
                : "/api/identity/users/" + id + "/photo?v=" + photoUpdatedAt.toEpochMilli();
    }

    void photoChanged(Instant at) {
        this.photoUpdatedAt = at;
    }

    Instant photoUpdatedAt() {
        return photoUpdatedAt;
    }

    public String position() {
        return position;
    }

    public long version() {
        return version;
    }
}
