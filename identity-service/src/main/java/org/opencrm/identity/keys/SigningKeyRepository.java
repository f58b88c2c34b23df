package org.opencrm.identity.keys;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

    /** The newest key still in service: it signs new tokens. */
    @Query("select k from SigningKey k where k.retiredAt is null order by k.createdAt desc limit 1")
    List<SigningKey> findActive();

    /** Keys whose tokens may still be valid: those in service and those retired after the given time. */
    @Query("select k from SigningKey k where k.retiredAt is null or k.retiredAt > :since order by k.createdAt desc")
    List<SigningKey> findPublishable(Instant since);
}
