package io.lifeline.signaling;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Makes each join token good for one join across every signaling node: the first to claim a token id wins. Two
 * implementations: in memory (one node) and Redis ({@code SET NX}, several).
 */
public interface TokenClaims {

	/** Emits true for the first claim of this token id, false for every later one (until it is forgotten). */
	Mono<Boolean> claim(String tokenId, Instant keepUntil);

}
