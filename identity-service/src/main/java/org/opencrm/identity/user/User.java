package org.opencrm.identity.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
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
}
