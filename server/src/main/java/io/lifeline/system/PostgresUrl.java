package io.lifeline.system;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL location written once, as {@code postgresql://[user[:password]@]host[:port]/database[?user=&password=]},
 * and rendered for the two drivers that need it: R2DBC for the application, JDBC for Flyway.
 * A {@code jdbc:} or {@code r2dbc:} prefix is accepted and ignored.
 */
public record PostgresUrl(String host, int port, String database, String username, String password) {

	static final int DEFAULT_PORT = 5432;

	public static PostgresUrl parse(String url) {
		String plain = url.strip().replaceFirst("^(jdbc:|r2dbc:)", "");
		if (!plain.startsWith("postgresql://") && !plain.startsWith("postgres://")) {
			throw new IllegalArgumentException("A PostgreSQL URL looks like postgresql://host:5432/database, not " + url);
		}
		URI uri = URI.create(plain);
		if (uri.getHost() == null) {
			throw new IllegalArgumentException("The PostgreSQL URL names no host: " + url);
		}
		String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
		if (database.isEmpty()) {
			throw new IllegalArgumentException("The PostgreSQL URL names no database: " + url);
		}
		Map<String, String> query = query(uri.getRawQuery());
		String username = query.get("user");
		String password = query.get("password");
		if (uri.getRawUserInfo() != null) {
			String[] userInfo = uri.getRawUserInfo().split(":", 2);
			username = decode(userInfo[0]);
			password = userInfo.length > 1 ? decode(userInfo[1]) : password;
		}
		return new PostgresUrl(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT, database, username, password);
	}

	public PostgresUrl withDatabase(String otherDatabase) {
		return new PostgresUrl(host, port, otherDatabase, username, password);
	}

	public PostgresUrl withCredentials(String user, String secret) {
		return new PostgresUrl(host, port, database,
				isBlank(user) ? username : user,
				isBlank(secret) ? password : secret);
	}

	public String r2dbc() {
		return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
	}

	public String jdbc() {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	/** The neutral form, as {@code LIFELINE_DATABASE_URL} takes it (credentials left out). */
	public String plain() {
		return "postgresql://" + host + ":" + port + "/" + database;
	}

	private static Map<String, String> query(String rawQuery) {
		Map<String, String> params = new LinkedHashMap<>();
		if (rawQuery == null) {
			return params;
		}
		for (String pair : rawQuery.split("&")) {
			String[] kv = pair.split("=", 2);
			params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
		}
		return params;
	}

	private static String decode(String s) {
		return URLDecoder.decode(s, StandardCharsets.UTF_8);
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

}
