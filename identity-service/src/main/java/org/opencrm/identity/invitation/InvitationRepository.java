package org.opencrm.identity.invitation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    @Query("select i from Invitation i where i.acceptedAt is null and i.revokedAt is null order by i.createdAt desc")
    List<Invitation> findOpen();

    @Query("select i from Invitation i where i.email = :email and i.acceptedAt is null and i.revokedAt is null")
    Optional<Invitation> findOpenFor(String email);
}
