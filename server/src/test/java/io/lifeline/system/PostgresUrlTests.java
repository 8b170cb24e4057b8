package io.lifeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresUrlTests {

	@Test
	void rendersForBothDrivers() {
		PostgresUrl url = PostgresUrl.parse("postgresql://db.internal:6543/lifeline");
		assertThat(url.r2dbc()).isEqualTo("r2dbc:postgresql://db.internal:6543/lifeline");
		assertThat(url.jdbc()).isEqualTo("jdbc:postgresql://db.internal:6543/lifeline");
		assertThat(url.plain()).isEqualTo("postgresql://db.internal:6543/lifeline");
	}

	@Test
	void readsCredentialsFromUserInfoOrQuery() {
		PostgresUrl userInfo = PostgresUrl.parse("postgresql://app:s%40cret@localhost/lifeline");
		assertThat(userInfo.username()).isEqualTo("app");
		assertThat(userInfo.password()).isEqualTo("s@cret");
		assertThat(userInfo.port()).isEqualTo(5432);
		PostgresUrl query = PostgresUrl.parse("jdbc:postgresql://localhost:5432/postgres?user=postgres");
		assertThat(query.username()).isEqualTo("postgres");
		assertThat(query.withCredentials("other", null).username()).isEqualTo("other");
		assertThat(query.withCredentials("", "").username()).isEqualTo("postgres");
	}

	@ParameterizedTest
	@ValueSource(strings = { "mysql://localhost/db", "postgresql://localhost", "postgresql:///db" })
	void refusesWhatIsNotAPostgresDatabase(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> PostgresUrl.parse(url));
	}

}
