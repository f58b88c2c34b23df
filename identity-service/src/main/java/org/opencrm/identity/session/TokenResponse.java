package org.opencrm.identity.session;

/** A session's tokens: the access token for API calls and the refresh token to get the next one. */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType) {
}
