package io.lifeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the production deployment in {@code docker/}: that Compose accepts the
 * file, that the server nodes only get variables the server reads, that every
 * service reports its health and that nginx carries WebSocket upgrades.
 *
 * <p>Runs from the server module directory (Maven's working directory for
 * tests), so the deployment files are under {@code ../docker}. Needs a Compose
 * client ({@code docker compose} or {@code docker-compose}) for the tests that
 * render the file, but no Docker engine: {@code config} does not talk to one.
 */
class DockerComposeTests {

	private static final Path MODULE_DIR = Path.of("").toAbsolutePath();

	private static final Path DOCKER_DIR = MODULE_DIR.resolve("../docker").normalize();

	private static final Path COMPOSE_FILE = DOCKER_DIR.resolve("compose.yaml");

	private static final Path DOCKERFILE = DOCKER_DIR.resolve("Dockerfile");

	private static final Path NGINX_CONF = DOCKER_DIR.resolve("nginx.conf");

	private static final Path APPLICATION_YAML = MODULE_DIR.resolve("src/main/resources/application.yaml");

	private static final List<String> SERVICES = List.of("postgres", "redis", "server-1", "server-2", "lb", "coturn");

	/** Variables compose.yaml requires (${NAME:?...}); dummy values, only rendered. */
	private static final Map<String, String> REQUIRED_VARIABLES = Map.of(
			"LIFELINE_TOKEN_SECRET", "compose-test-token-secret-0123456789abcdef0123456789",
			"LIFELINE_TURN_SECRET", "0123456789abcdef0123456789abcdef",
			"LIFELINE_DATABASE_PASSWORD", "compose-test-database-password");

	/** Set on the server nodes without being one of the server's own settings. */
	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

	private static final Duration COMPOSE_TIMEOUT = Duration.ofSeconds(60);

	/** WebSockets idle longer than the 60s nginx default between STOMP heart-beats on a slow network. */
	private static final Duration MINIMUM_WEBSOCKET_TIMEOUT = Duration.ofMinutes(10);

	@TempDir
	Path tempDir;

	@Test
	void composeFileParses() throws Exception {
		ProcessResult result = compose(REQUIRED_VARIABLES, "config");

		assertThat(result.exitCode())
			.as("`%s` rejected %s:%n%s", result.command(), COMPOSE_FILE, result.output())
			.isZero();
		Map<String, Object> rendered = loadYaml(result.stdout());
		assertThat(mapAt(rendered, "services"))
			.as("services rendered by `%s`", result.command())
			.containsKeys(SERVICES.toArray(String[]::new));
	}

	@ParameterizedTest
	@ValueSource(strings = { "LIFELINE_TOKEN_SECRET", "LIFELINE_TURN_SECRET", "LIFELINE_DATABASE_PASSWORD" })
	void composeRefusesToRunWithoutASecret(String secret) throws Exception {
		Map<String, String> variables = new TreeMap<>(REQUIRED_VARIABLES);
		variables.remove(secret);

		ProcessResult result = compose(variables, "config");

		assertThat(result.exitCode())
			.as("`%s` without %s should fail (required-variable syntax ${%s:?...}) but printed:%n%s",
					result.command(), secret, secret, result.output())
			.isNotZero();
		assertThat(result.output()).as("error of `%s` without %s", result.command(), secret).contains(secret);
	}

	@Test
	void everyServerVariableIsOneTheServerReads() throws IOException {
		Map<String, Map<String, Object>> servers = serverServices(services(loadCompose()));
		assertThat(servers.keySet()).as("Lifeline server services in %s", COMPOSE_FILE)
			.contains("server-1", "server-2");
		assertThat(APPLICATION_YAML)
			.as("the server's configuration, whose ${NAME} placeholders list the variables it reads")
			.isRegularFile();
		String configuration = Files.readString(APPLICATION_YAML);

		Map<String, List<String>> unknown = new TreeMap<>();
		List<String> withEnvFile = new ArrayList<>();
		servers.forEach((name, service) -> {
			if (service.containsKey("env_file")) {
				withEnvFile.add(name);
			}
			for (String variable : environmentKeys(name, service)) {
				if (!JVM_VARIABLES.contains(variable) && !hasPlaceholder(configuration, variable)) {
					unknown.computeIfAbsent(variable, (key) -> new ArrayList<>()).add(name);
				}
			}
		});

		assertThat(withEnvFile)
			.as("server services using env_file, whose variables cannot be checked; set them under environment")
			.isEmpty();
		assertThat(unknown)
			.as("environment variables set on server services (variable=[services]) that %s never reads as "
					+ "${NAME} or ${NAME:default}; the server would ignore them. Known JVM variables: %s",
					APPLICATION_YAML, JVM_VARIABLES)
			.isEmpty();
	}

	@Test
	void everyServiceHasAHealthCheck() throws IOException {
		Map<String, Map<String, Object>> services = services(loadCompose());
		assertThat(services.keySet()).as("services in %s", COMPOSE_FILE).contains(SERVICES.toArray(String[]::new));

		List<String> withoutHealthCheck = new ArrayList<>();
		services.forEach((name, service) -> {
			if (!(service.get("healthcheck") instanceof Map<?, ?> healthcheck)
					|| Boolean.TRUE.equals(healthcheck.get("disable"))
					|| !hasTest(healthcheck.get("test"))) {
				withoutHealthCheck.add(name);
			}
		});

		assertThat(withoutHealthCheck)
			.as("services in %s without an enabled healthcheck with a test", COMPOSE_FILE)
			.isEmpty();
	}

	@Test
	void loadBalancerPassesWebSocketUpgrades() throws IOException {
		assertThat(NGINX_CONF).isRegularFile();
		List<Directive> http = Nginx.parse(Files.readString(NGINX_CONF)).stream()
			.filter((directive) -> directive.named("http"))
			.findFirst()
			.map(Directive::children)
			.orElseGet(() -> fail("%s has no http block", NGINX_CONF));
		List<Directive> servers = http.stream().filter((directive) -> directive.named("server")).toList();
		assertThat(servers).as("server blocks in %s", NGINX_CONF).isNotEmpty();
		Set<String> nodes = serverServices(services(loadCompose())).keySet();

		for (Directive server : servers) {
			for (String path : List.of("/ws", "/signal")) {
				String where = "location serving " + path + " in " + NGINX_CONF;
				Directive location = Nginx.locationFor(server.children(), path);
				assertThat(location).as("%s (none found)", where).isNotNull();
				List<Directive> settings = location.children();

				assertThat(Nginx.values(settings, "proxy_http_version")).as("%s: proxy_http_version", where)
					.containsExactly(List.of("1.1"));
				assertThat(Nginx.header(settings, "Upgrade")).as("%s: proxy_set_header Upgrade", where)
					.isEqualTo("$http_upgrade");
				String connection = Nginx.header(settings, "Connection");
				assertThat(connection).as("%s: proxy_set_header Connection", where).isNotNull();
				if (connection.startsWith("$")) {
					assertThat(http)
						.as("%s: Connection is %s, which needs a `map $http_upgrade %s { ... }` in http", where,
								connection, connection)
						.anyMatch((directive) -> directive.named("map")
								&& directive.args().equals(List.of("$http_upgrade", connection)));
				}
				else {
					assertThat(connection).as("%s: proxy_set_header Connection", where).isEqualToIgnoringCase("upgrade");
				}
				assertThat(Nginx.header(settings, "X-Forwarded-For")).as("%s: X-Forwarded-For", where).isNotNull();
				assertThat(Nginx.header(settings, "X-Forwarded-Proto")).as("%s: X-Forwarded-Proto", where).isNotNull();
				for (String timeout : List.of("proxy_read_timeout", "proxy_send_timeout")) {
					assertThat(Nginx.values(settings, timeout)).as("%s: %s", where, timeout).hasSize(1);
					assertThat(Nginx.duration(Nginx.values(settings, timeout).get(0).get(0)))
						.as("%s: %s (idle WebSockets are cut after it)", where, timeout)
						.isGreaterThanOrEqualTo(MINIMUM_WEBSOCKET_TIMEOUT);
				}

				List<List<String>> proxyPass = Nginx.values(settings, "proxy_pass");
				assertThat(proxyPass).as("%s: proxy_pass", where).hasSize(1);
				Matcher target = Pattern.compile("https?://([^/:]+)").matcher(proxyPass.get(0).get(0));
				assertThat(target.lookingAt()).as("%s: proxy_pass %s", where, proxyPass.get(0)).isTrue();
				String upstreamName = target.group(1);
				Directive upstream = http.stream()
					.filter((directive) -> directive.named("upstream") && directive.args().equals(List.of(upstreamName)))
					.findFirst()
					.orElseGet(() -> fail("%s: proxy_pass names upstream %s, which %s does not define", where,
							upstreamName, NGINX_CONF));
				Set<String> upstreamHosts = new LinkedHashSet<>();
				for (List<String> args : Nginx.values(upstream.children(), "server")) {
					upstreamHosts.add(args.get(0).replaceFirst(":\\d+$", ""));
				}
				assertThat(upstreamHosts)
					.as("servers of upstream %s in %s (every server node of %s)", upstreamName, NGINX_CONF, COMPOSE_FILE)
					.containsAll(nodes);
			}
		}
	}

	// Compose

	private ProcessResult compose(Map<String, String> variables, String... arguments)
			throws IOException, InterruptedException {
		List<String> client = composeClient();
		// An empty env file: a developer's docker/.env must not change the outcome.
		Path envFile = Files.writeString(this.tempDir.resolve("empty.env"), "");
		List<String> command = new ArrayList<>(client);
		command.addAll(List.of("--env-file", envFile.toString(), "-f", COMPOSE_FILE.toString()));
		command.addAll(List.of(arguments));
		return run(command, variables, COMPOSE_TIMEOUT);
	}

	private List<String> composeClient() throws InterruptedException {
		for (List<String> client : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
			List<String> version = new ArrayList<>(client);
			version.add("version");
			try {
				if (run(version, Map.of(), Duration.ofSeconds(30)).exitCode() == 0) {
					return client;
				}
			}
			catch (IOException ex) {
				// Not installed; try the next one.
			}
		}
		return fail("Neither `docker compose` (the Compose v2 CLI plugin) nor `docker-compose` works here; "
				+ "install one to validate %s (no Docker engine is needed)", COMPOSE_FILE);
	}

	private ProcessResult run(List<String> command, Map<String, String> variables, Duration timeout)
			throws IOException, InterruptedException {
		String name = "process-" + System.nanoTime();
		Path stdout = this.tempDir.resolve(name + ".out");
		Path stderr = this.tempDir.resolve(name + ".err");
		ProcessBuilder builder = new ProcessBuilder(command).directory(MODULE_DIR.toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		// Only the variables given here: nothing from the caller's shell leaks into the render.
		builder.environment().keySet().removeIf((key) -> key.startsWith("LIFELINE_") || key.startsWith("COMPOSE_"));
		builder.environment().putAll(variables);
		Process process = builder.start();
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			return fail("`%s` did not finish within %s", String.join(" ", command), timeout);
		}
		return new ProcessResult(String.join(" ", command), process.exitValue(),
				Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
	}

	private record ProcessResult(String command, int exitCode, String stdout, String stderr) {

		String output() {
			return this.stdout + this.stderr;
		}

	}

	private static Map<String, Object> loadCompose() throws IOException {
		assertThat(COMPOSE_FILE).isRegularFile();
		return loadYaml(Files.readString(COMPOSE_FILE));
	}

	private static Map<String, Object> loadYaml(String text) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		Object document = new Yaml(new SafeConstructor(options)).load(text);
		assertThat(document).as("YAML document").isInstanceOf(Map.class);
		return asMap(document);
	}

	private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
		Map<String, Map<String, Object>> services = new LinkedHashMap<>();
		mapAt(compose, "services").forEach((name, service) -> services.put(name, asMap(service)));
		return services;
	}

	/**
	 * The services running the Lifeline server: built from docker/Dockerfile, named
	 * server*, or using the image such a service builds.
	 */
	private static Map<String, Map<String, Object>> serverServices(Map<String, Map<String, Object>> services) {
		Set<Object> serverImages = new LinkedHashSet<>();
		services.forEach((name, service) -> {
			if (buildsServerImage(service) && service.get("image") != null) {
				serverImages.add(service.get("image"));
			}
		});
		Map<String, Map<String, Object>> servers = new LinkedHashMap<>();
		services.forEach((name, service) -> {
			if (name.startsWith("server") || buildsServerImage(service) || serverImages.contains(service.get("image"))) {
				servers.put(name, service);
			}
		});
		return servers;
	}

	private static boolean buildsServerImage(Map<String, Object> service) {
		Object build = service.get("build");
		String context;
		String dockerfile = "Dockerfile";
		if (build instanceof String path) {
			context = path;
		}
		else if (build instanceof Map<?, ?> map) {
			context = (map.get("context") != null) ? map.get("context").toString() : ".";
			if (map.get("dockerfile") != null) {
				dockerfile = map.get("dockerfile").toString();
			}
		}
		else {
			return false;
		}
		return DOCKER_DIR.resolve(context).resolve(dockerfile).normalize().equals(DOCKERFILE);
	}

	private static List<String> environmentKeys(String name, Map<String, Object> service) {
		Object environment = service.get("environment");
		List<String> keys = new ArrayList<>();
		if (environment instanceof Map<?, ?> map) {
			map.keySet().forEach((key) -> keys.add(key.toString()));
		}
		else if (environment instanceof List<?> list) {
			list.forEach((entry) -> keys.add(entry.toString().split("=", 2)[0].trim()));
		}
		else if (environment != null) {
			fail("environment of %s is neither a map nor a list: %s", name, environment);
		}
		return keys;
	}

	private static boolean hasPlaceholder(String configuration, String variable) {
		return Pattern.compile("\\$\\{" + Pattern.quote(variable) + "[}:]").matcher(configuration).find();
	}

	private static boolean hasTest(Object test) {
		if (test instanceof String command) {
			return !command.isBlank();
		}
		if (test instanceof List<?> command) {
			return !command.isEmpty() && !"NONE".equals(command.get(0));
		}
		return false;
	}

	private static Map<String, Object> mapAt(Map<String, Object> map, String key) {
		assertThat(map.get(key)).as("`%s` mapping", key).isInstanceOf(Map.class);
		return asMap(map.get(key));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (value instanceof Map) ? (Map<String, Object>) value : Map.of();
	}

	// nginx

	private record Directive(String name, List<String> args, List<Directive> children) {

		boolean named(String candidate) {
			return this.name.equals(candidate);
		}

	}

	/** Just enough of nginx's configuration syntax to find locations, headers and upstreams. */
	private static final class Nginx {

		private static final Pattern TOKEN = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"|'((?:\\\\.|[^'\\\\])*)'|([{};])|([^\\s{};\"']+)");

		private static final Pattern TIME = Pattern.compile("(\\d+)(ms|s|m|h|d|w|M|y)?");

		static List<Directive> parse(String text) {
			List<String> tokens = new ArrayList<>();
			List<Boolean> quoted = new ArrayList<>();
			for (String line : text.split("\n")) {
				Matcher matcher = TOKEN.matcher(line);
				while (matcher.find()) {
					String word = matcher.group(4);
					if (word != null && word.startsWith("#")) {
						break;
					}
					String value = (matcher.group(1) != null) ? matcher.group(1)
							: (matcher.group(2) != null) ? matcher.group(2)
							: (matcher.group(3) != null) ? matcher.group(3) : word;
					tokens.add(value);
					quoted.add(matcher.group(1) != null || matcher.group(2) != null);
				}
			}
			int[] position = { 0 };
			return block(tokens, quoted, position, null);
		}

		/** Directives up to the `}` closing {@code parent}, or to the end of the file when it is null. */
		private static List<Directive> block(List<String> tokens, List<Boolean> quoted, int[] position, String parent) {
			List<Directive> directives = new ArrayList<>();
			List<String> words = new ArrayList<>();
			while (position[0] < tokens.size()) {
				String token = tokens.get(position[0]);
				boolean literal = quoted.get(position[0]);
				position[0]++;
				if (!literal && token.equals(";")) {
					if (!words.isEmpty()) {
						directives.add(new Directive(words.get(0), List.copyOf(words.subList(1, words.size())), List.of()));
					}
					words.clear();
				}
				else if (!literal && token.equals("{")) {
					if (words.isEmpty()) {
						fail("block without a directive name in %s", NGINX_CONF);
					}
					List<Directive> children = block(tokens, quoted, position, words.get(0));
					directives.add(new Directive(words.get(0), List.copyOf(words.subList(1, words.size())), children));
					words.clear();
				}
				else if (!literal && token.equals("}")) {
					if (parent == null) {
						fail("unbalanced `}` in %s", NGINX_CONF);
					}
					if (!words.isEmpty()) {
						fail("directive `%s` in %s lacks its `;`", words.get(0), NGINX_CONF);
					}
					return directives;
				}
				else {
					words.add(token);
				}
			}
			if (parent != null) {
				fail("unclosed `%s` block in %s", parent, NGINX_CONF);
			}
			if (!words.isEmpty()) {
				fail("directive `%s` in %s lacks its `;`", words.get(0), NGINX_CONF);
			}
			return directives;
		}

		/** The location nginx picks for {@code path}: exact, then ^~ prefix, then regex, then longest prefix. */
		static Directive locationFor(List<Directive> server, String path) {
			Directive longestPrefix = null;
			int longest = -1;
			for (Directive location : server) {
				if (!location.named("location") || location.args().size() != 2) {
					continue;
				}
				if (location.args().get(0).equals("=") && location.args().get(1).equals(path)) {
					return location;
				}
			}
			for (Directive location : server) {
				if (!location.named("location")) {
					continue;
				}
				List<String> args = location.args();
				String prefix = (args.size() == 1) ? args.get(0)
						: (args.size() == 2 && args.get(0).equals("^~")) ? args.get(1) : null;
				if (prefix != null && !prefix.startsWith("@") && path.startsWith(prefix) && prefix.length() > longest) {
					longestPrefix = location;
					longest = prefix.length();
				}
			}
			if (longestPrefix != null && longestPrefix.args().get(0).equals("^~")) {
				return longestPrefix;
			}
			for (Directive location : server) {
				List<String> args = location.args();
				if (location.named("location") && args.size() == 2 && args.get(0).startsWith("~")) {
					int flags = args.get(0).equals("~*") ? Pattern.CASE_INSENSITIVE : 0;
					if (Pattern.compile(args.get(1), flags).matcher(path).find()) {
						return location;
					}
				}
			}
			return longestPrefix;
		}

		static List<List<String>> values(List<Directive> directives, String name) {
			return directives.stream().filter((directive) -> directive.named(name)).map(Directive::args).toList();
		}

		/** The value of {@code proxy_set_header name value}, or null. */
		static String header(List<Directive> directives, String name) {
			return values(directives, "proxy_set_header").stream()
				.filter((args) -> args.size() == 2 && args.get(0).equalsIgnoreCase(name))
				.map((args) -> args.get(1))
				.reduce((first, second) -> fail("proxy_set_header %s is set twice in one location", name))
				.orElse(null);
		}

		/** nginx time syntax: 1h, 3600s, 90 (seconds), 1h30m, 500ms. */
		static Duration duration(String value) {
			Matcher matcher = TIME.matcher(value);
			Duration total = Duration.ZERO;
			int end = 0;
			while (matcher.lookingAt()) {
				long amount = Long.parseLong(matcher.group(1));
				String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
				total = total.plus(switch (unit) {
					case "ms" -> Duration.ofMillis(amount);
					case "m" -> Duration.ofMinutes(amount);
					case "h" -> Duration.ofHours(amount);
					case "d" -> Duration.ofDays(amount);
					case "w" -> Duration.ofDays(7 * amount);
					case "M" -> Duration.ofDays(30 * amount);
					case "y" -> Duration.ofDays(365 * amount);
					default -> Duration.ofSeconds(amount);
				});
				end = matcher.end();
				matcher.region(end, value.length());
			}
			if (end != value.length() || end == 0) {
				fail("`%s` in %s is not an nginx time", value, NGINX_CONF);
			}
			return total;
		}

	}

}
