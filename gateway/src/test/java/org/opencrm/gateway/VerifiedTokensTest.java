package org.opencrm.gateway;

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
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private final Instant issued = Instant.parse("2026-11-27T10:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);

    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        return token.startsWith("forged") ? Mono.error(new BadJwtException("bad signature"))
                : Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("user").issuedAt(issued)
                        .expiresAt(issued.plus(Duration.ofMinutes(15))).build());
    };

    @Test
    void aTokenIsVerifiedOnceAndItsClaimsOnEveryUse() {
        var tokens = new VerifiedTokens(verifier, validator, 10);
        validator.setClock(Clock.fixed(issued.plusSeconds(60), ZoneOffset.UTC));

        assertThat(tokens.decode("token-a").block().getSubject()).isEqualTo("user");
        assertThat(tokens.decode("token-a").block().getSubject()).isEqualTo("user");
        assertThat(verifications).hasValue(1);

        validator.setClock(Clock.fixed(issued.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));
        assertThatThrownBy(() -> tokens.decode("token-a").block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenThatFailsIsNotRemembered() {
        var tokens = new VerifiedTokens(verifier, validator, 10);

        assertThatThrownBy(() -> tokens.decode("forged-1").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }
}
