package io.lifeline.identity;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request whose principal is the {@link CurrentUser} its token names. */
public final class CurrentUserAuthentication extends AbstractAuthenticationToken {

	private final CurrentUser user;

	private final Jwt token;

	CurrentUserAuthentication(CurrentUser user, Jwt token) {
		super(List.of(new SimpleGrantedAuthority(user.role().authority())));
		this.user = user;
		this.token = token;
		setAuthenticated(true);
	}

	/** For Spring Security's resource server: turns a verified token into this authentication. */
	public static Converter<Jwt, Mono<AbstractAuthenticationToken>> fromToken() {
		return jwt -> Mono.just(new CurrentUserAuthentication(TokenService.currentUser(jwt), jwt));
	}

	@Override
	public CurrentUser getPrincipal() {
		return user;
	}

	@Override
	public Jwt getCredentials() {
		return token;
	}

	@Override
	public String getName() {
		return user.username();
	}

}
