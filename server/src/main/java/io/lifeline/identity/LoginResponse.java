package io.lifeline.identity;

import java.time.Instant;

record LoginResponse(String token, Instant expiresAt, User user) {
}
