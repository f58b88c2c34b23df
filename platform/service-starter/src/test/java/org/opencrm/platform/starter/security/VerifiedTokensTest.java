package org.opencrm.platform.starter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private final Instant issued = Instant.parse("2026-11-27T10:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);

    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("user").issuedAt(issued)
                .expiresAt(issued.plus(Duration.ofMinutes(15))).build();
    };

    private void at(Instant now) {
        validator.setClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenIsVerifiedOnceAndItsClaimsOnEveryUse() {
        var tokens = new VerifiedTokens(verifier, validator, 10);
        at(issued.plusSeconds(60));

        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("user");
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("user");
        assertThat(verifications).hasValue(1);

        at(issued.plus(Duration.ofMinutes(16)));
        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenThatFailsIsNotRemembered() {
        var tokens = new VerifiedTokens(verifier, validator, 10);

        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }
}
