package org.opencrm.identity.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An RSA key pair that signs access tokens, known to verifiers by its key id. Not tenant data. */
@Entity
@Table(name = "signing_key")
class SigningKey {

    @Id
    private String kid;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    @Column(name = "private_key", nullable = false)
    private String privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {
    }

    SigningKey(String kid, String publicKey, String privateKey, Instant createdAt) {
        this.kid = kid;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.createdAt = createdAt;
    }

    String kid() {
        return kid;
    }

    String publicKey() {
        return publicKey;
    }

    String privateKey() {
        return privateKey;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant retiredAt() {
        return retiredAt;
    }
}
