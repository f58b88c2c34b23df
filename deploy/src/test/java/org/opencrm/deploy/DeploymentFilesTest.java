package org.opencrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the deployment files against each other and against the services' {@code application.yml}:
 * docker-compose.yml, the Dockerfile, the database init script, the Prometheus configurations and
 * alerting rules, and the Grafana provisioning and dashboard. Plain unit test: files only, no Spring
 * context, no Docker. Paths are relative to this module's folder (Maven runs the tests there); the
 * system property {@code crm.root} may point elsewhere.
 */
@DisplayName("Deployment files")
class DeploymentFilesTest {

	private static final Path ROOT = Path.of(System.getProperty("crm.root", "..")).toAbsolutePath().normalize();

	/** The CRM components (module folder = compose service = {@code application} label) and their ports. */
	private static final Map<String, Integer> PORTS = orderedMap("gateway", 8080, "identity-service", 8081,
			"contacts-service", 8082, "deals-service", 8083, "tasks-service", 8084, "chat-service", 8085,
			"telephony-service", 8086, "analytics-service", 8087, "notifications-service", 8088);

	/** Database of each service behind the gateway. */
	private static final Map<String, String> DATABASES = orderedMap("identity-service", "crm_identity",
			"contacts-service", "crm_contacts", "deals-service", "crm_deals", "tasks-service", "crm_tasks",
			"chat-service", "crm_chat", "telephony-service", "crm_telephony", "analytics-service", "crm_analytics",
			"notifications-service", "crm_notifications");

	/** Gateway variable naming the address of each service it routes to. */
	private static final Map<String, String> GATEWAY_ROUTES = orderedMap("IDENTITY_URL", "identity-service",
			"CONTACTS_URL", "contacts-service", "DEALS_URL", "deals-service", "TASKS_URL", "tasks-service",
			"CHAT_URL", "chat-service", "TELEPHONY_URL", "telephony-service", "ANALYTICS_URL", "analytics-service",
			"NOTIFICATIONS_URL", "notifications-service");

	private static final List<String> INFRASTRUCTURE = List.of("kafka", "postgres", "redis", "prometheus",
			"grafana");

	private static final String READINESS = "/actuator/health/readiness";

	private static final String METRICS_PATH = "/actuator/prometheus";

	private static final String JWKS_URI = "http://identity-service:8081/.well-known/jwks.json";

	/** {@code ${NAME} / ${NAME:default}}: an environment-style placeholder and whether a default follows. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)([:}])");

	private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([A-Za-z0-9_]+)");

	private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?([A-Za-z0-9_]+)");

	private static Map<String, Object> compose;

	private static Map<String, Object> composeServices;

	@BeforeAll
	static void loadCompose() {
		compose = yamlMap(ROOT.resolve("docker-compose.yml"));
		composeServices = map(compose.get("services"), "services of docker-compose.yml");
	}

	static Stream<String> crmServices() {
		return PORTS.keySet().stream();
	}

	static Stream<String> backendServices() {
		return DATABASES.keySet().stream();
	}

	// ------------------------------------------------------------------ docker-compose.yml

	@Test
	@DisplayName("docker-compose.yml has the gateway, the eight services, Kafka, PostgreSQL, Redis, Prometheus and Grafana")
	void composeHasEveryComponent() {
		Set<String> expected = new LinkedHashSet<>(PORTS.keySet());
		expected.addAll(INFRASTRUCTURE);
		assertThat(composeServices.keySet()).as("services of docker-compose.yml").containsAll(expected);
	}

	@ParameterizedTest(name = "{0} is built by deploy/docker/Dockerfile with MODULE={0}")
	@MethodSource("crmServices")
	void serviceIsBuiltFromTheGenericDockerfile(String name) {
		Map<String, Object> build = map(service(name).get("build"), name + ".build");
		assertThat(ROOT.resolve(String.valueOf(build.get("context"))).normalize()).as(name + ".build.context")
			.isEqualTo(ROOT);
		assertThat(build.get("dockerfile")).as(name + ".build.dockerfile").isEqualTo("deploy/docker/Dockerfile");
		Map<String, Object> args = map(build.get("args"), name + ".build.args");
		assertThat(args.get("MODULE")).as(name + ".build.args.MODULE").isEqualTo(name);
		if (args.containsKey("PORT")) {
			assertThat(String.valueOf(args.get("PORT"))).as(name + ".build.args.PORT")
				.isEqualTo(String.valueOf(PORTS.get(name)));
		}
	}

	@Test
	@DisplayName("the Dockerfile takes MODULE, copies <module>/target/<module>.jar and runs as a non-root user")
	void dockerfileIsGeneric() throws IOException {
		String dockerfile = Files.readString(ROOT.resolve("deploy/docker/Dockerfile"));
		assertThat(dockerfile).contains("ARG MODULE")
			.contains("${MODULE}/target/${MODULE}.jar")
			.contains("eclipse-temurin:25-jre")
			.contains("JAVA_TOOL_OPTIONS")
			.contains(READINESS);
		List<String> users = dockerfile.lines()
			.map(String::strip)
			.filter(line -> line.startsWith("USER "))
			.toList();
		assertThat(users).as("USER instructions").isNotEmpty();
		assertThat(users.getLast()).as("the user the container runs as").doesNotContain("root").isNotEqualTo("USER 0");
	}

	@ParameterizedTest(name = "{0} has a health check on http://localhost:<its port>" + READINESS)
	@MethodSource("crmServices")
	void serviceHasAReadinessHealthcheck(String name) {
		String test = healthcheck(name);
		assertThat(test).as(name + ".healthcheck.test").contains(READINESS).contains(":" + PORTS.get(name) + "/");
	}

	@ParameterizedTest(name = "{0} starts once Kafka and PostgreSQL are healthy")
	@MethodSource("backendServices")
	void backendServiceDependsOnHealthyKafkaAndPostgres(String name) {
		assertThat(dependsOn(name)).as(name + ".depends_on")
			.containsEntry("kafka", "service_healthy")
			.containsEntry("postgres", "service_healthy");
	}

	@Test
	@DisplayName("gateway starts once Redis (rate limiter) and identity-service (JWKS) are healthy")
	void gatewayDependsOnHealthyRedisAndIdentity() {
		assertThat(dependsOn("gateway")).as("gateway.depends_on")
			.containsEntry("redis", "service_healthy")
			.containsEntry("identity-service", "service_healthy");
	}

	@ParameterizedTest(name = "{0}: every variable docker-compose.yml sets is a placeholder of {0}/src/main/resources/application.yml")
	@MethodSource("crmServices")
	void composeVariablesAreReadByApplicationYml(String name) {
		Map<String, Boolean> placeholders = placeholders(name);
		assertThat(placeholders.keySet())
			.as("${NAME...} placeholders of %s/src/main/resources/application.yml (a variable set in docker-compose.yml"
					+ " that the service no longer reads: was a property renamed?)", name)
			.containsAll(environment(name).keySet());
	}

	@ParameterizedTest(name = "{0}: every placeholder without a default in application.yml is set by docker-compose.yml")
	@MethodSource("crmServices")
	void requiredPlaceholdersAreSetByCompose(String name) {
		Set<String> required = placeholders(name).entrySet()
			.stream()
			.filter(entry -> !entry.getValue())
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(environment(name).keySet()).as("environment of %s in docker-compose.yml", name)
			.containsAll(required);
	}

	@ParameterizedTest(name = "{0}: SERVER_PORT, DB_URL, DB_USER, DB_PASSWORD, KAFKA_BOOTSTRAP_SERVERS and CRM_JWKS_URI point at the compose services")
	@MethodSource("backendServices")
	void backendEnvironmentFollowsTheContract(String name) {
		Map<String, String> env = environment(name);
		assertThat(env).as("environment of " + name)
			.containsKeys("SERVER_PORT", "DB_URL", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "CRM_JWKS_URI")
			.containsEntry("SERVER_PORT", String.valueOf(PORTS.get(name)))
			.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
			.containsEntry("CRM_JWKS_URI", JWKS_URI);
		Matcher url = JDBC_URL.matcher(env.get("DB_URL"));
		assertThat(url.matches()).as("%s DB_URL %s is jdbc:postgresql://postgres:5432/<database>", name, env.get("DB_URL"))
			.isTrue();
		assertThat(url.group(1)).as(name + " database host").isEqualTo("postgres");
		assertThat(url.group(2)).as(name + " database port").isEqualTo("5432");
		assertThat(url.group(3)).as(name + " database").isEqualTo(DATABASES.get(name));
	}

	@Test
	@DisplayName("gateway: SERVER_PORT, CRM_JWKS_URI, the eight *_URL routes and REDIS_HOST/REDIS_PORT point at the compose services")
	void gatewayEnvironmentFollowsTheContract() {
		Map<String, String> env = environment("gateway");
		assertThat(env).as("environment of gateway")
			.containsEntry("SERVER_PORT", "8080")
			.containsEntry("CRM_JWKS_URI", JWKS_URI)
			.containsEntry("REDIS_HOST", "redis")
			.containsEntry("REDIS_PORT", "6379");
		GATEWAY_ROUTES.forEach((variable, target) -> assertThat(env).as("environment of gateway")
			.containsEntry(variable, "http://" + target + ":" + PORTS.get(target)));
		assertThat(env).as("gateway has no database").doesNotContainKeys("DB_URL", "DB_USER", "DB_PASSWORD");
	}

	@Test
	@DisplayName("every database named in a DB_URL is created by deploy/postgres/init-databases.sql, one per service")
	void databasesAreCreatedByTheInitScript() throws IOException {
		Set<String> created = new TreeSet<>();
		Matcher matcher = CREATE_DATABASE.matcher(Files.readString(ROOT.resolve("deploy/postgres/init-databases.sql")));
		while (matcher.find()) {
			created.add(matcher.group(1));
		}
		Map<String, String> used = new TreeMap<>();
		composeServices.keySet().forEach(name -> {
			String url = environment(name).get("DB_URL");
			if (url != null) {
				Matcher jdbc = JDBC_URL.matcher(url);
				assertThat(jdbc.matches()).as("%s DB_URL %s", name, url).isTrue();
				used.put(name, jdbc.group(3));
			}
		});
		assertThat(used.keySet()).as("services with a DB_URL").containsExactlyInAnyOrderElementsOf(DATABASES.keySet());
		assertThat(new TreeSet<>(used.values())).as("one database per service").hasSize(used.size());
		assertThat(created).as("databases created by init-databases.sql").containsAll(used.values());
	}

	@Test
	@DisplayName("postgres: postgres:17, the init script in /docker-entrypoint-initdb.d and a pg_isready health check")
	void postgresIsSetUp() {
		assertThat(service("postgres").get("image")).isEqualTo("postgres:17");
		assertThat(volumes("postgres")).as("postgres volumes")
			.anyMatch(volume -> volume.startsWith("./deploy/postgres/init-databases.sql:/docker-entrypoint-initdb.d/"));
		assertThat(healthcheck("postgres")).contains("pg_isready");
	}

	@Test
	@DisplayName("kafka: apache/kafka:4.1.2 in KRaft combined mode, internal listener kafka:9092, data on a volume, health check")
	void kafkaIsSetUp() {
		assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:4.1.2");
		Map<String, String> env = environment("kafka");
		assertThat(env.get("KAFKA_PROCESS_ROLES")).as("KAFKA_PROCESS_ROLES").contains("broker").contains("controller");
		assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as("KAFKA_ADVERTISED_LISTENERS").contains("//kafka:9092");
		String logDirs = env.getOrDefault("KAFKA_LOG_DIRS", "/var/lib/kafka/data");
		assertThat(volumes("kafka")).as("kafka volumes").anyMatch(volume -> volume.endsWith(":" + logDirs));
		assertThat(healthcheck("kafka")).as("kafka health check").contains("9092");
	}

	@Test
	@DisplayName("redis, prometheus and grafana have health checks; Prometheus is published on 9090, Grafana on 3000")
	void supportingServicesAreSetUp() {
		assertThat(healthcheck("redis")).contains("ping");
		assertThat(healthcheck("prometheus")).isNotBlank();
		assertThat(healthcheck("grafana")).isNotBlank();
		assertThat(String.valueOf(service("prometheus").get("image"))).startsWith("prom/prometheus");
		assertThat(String.valueOf(service("grafana").get("image"))).startsWith("grafana/grafana");
		assertThat(strings(service("prometheus").get("ports"), "prometheus.ports")).anyMatch(port -> port.endsWith("9090:9090"));
		assertThat(strings(service("grafana").get("ports"), "grafana.ports")).anyMatch(port -> port.endsWith("3000:3000"));
		assertThat(volumes("prometheus")).contains("./deploy/prometheus/prometheus-compose.yml:/etc/prometheus/prometheus.yml:ro",
				"./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
		assertThat(volumes("grafana")).anyMatch(volume -> volume.startsWith("./deploy/grafana/provisioning:/etc/grafana/provisioning"))
			.anyMatch(volume -> volume.startsWith("./deploy/grafana/dashboards:"));
	}

	@Test
	@DisplayName("every file or folder docker-compose.yml mounts from the repository exists")
	void mountedFilesExist() {
		composeServices.keySet().forEach(name -> volumes(name).stream()
			.filter(volume -> volume.startsWith("./"))
			.map(volume -> volume.substring(0, volume.indexOf(':')))
			.forEach(source -> assertThat(ROOT.resolve(source)).as("%s mounts %s", name, source).exists()));
	}

	// ------------------------------------------------------------------ Prometheus

	@Test
	@DisplayName("prometheus-compose.yml scrapes /actuator/prometheus of every CRM service by its compose name, labelled application")
	void composePrometheusScrapesEveryService() {
		Map<String, String> targets = scrapeTargets(ROOT.resolve("deploy/prometheus/prometheus-compose.yml"));
		PORTS.forEach((name, port) -> assertThat(targets).as("targets (-> application label) of prometheus-compose.yml")
			.containsEntry(name + ":" + port, name));
	}

	@Test
	@DisplayName("prometheus.yml scrapes /actuator/prometheus of every CRM service of the local stack on 127.0.0.1, labelled application")
	void localPrometheusScrapesEveryService() {
		Map<String, String> targets = scrapeTargets(ROOT.resolve("deploy/prometheus/prometheus.yml"));
		PORTS.forEach((name, port) -> assertThat(targets).as("targets (-> application label) of prometheus.yml")
			.containsEntry("127.0.0.1:" + port, name));
	}

	@ParameterizedTest(name = "{0} loads alerts.yml")
	@MethodSource("prometheusConfigs")
	void prometheusConfigLoadsTheAlerts(String file) {
		Path config = ROOT.resolve("deploy/prometheus").resolve(file);
		List<String> ruleFiles = strings(yamlMap(config).get("rule_files"), file + " rule_files");
		assertThat(ruleFiles).as(file + " rule_files").anyMatch(rules -> rules.endsWith("alerts.yml"));
		ruleFiles.forEach(rules -> assertThat(config.resolveSibling(rules)).as(file + " rule file").exists());
	}

	static Stream<String> prometheusConfigs() {
		return Stream.of("prometheus.yml", "prometheus-compose.yml");
	}

	@Test
	@DisplayName("alerts.yml alerts on a service down, a high 5xx ratio, dead letters, a growing outbox and a high consumer lag")
	void alertsCoverTheMessagingAndHttpFailures() {
		Map<String, Object> alerts = yamlMap(ROOT.resolve("deploy/prometheus/alerts.yml"));
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Object group : list(alerts.get("groups"), "groups")) {
			for (Object rule : list(map(group, "group").get("rules"), "rules")) {
				rules.add(map(rule, "rule"));
			}
		}
		assertThat(rules).as("alerting rules").isNotEmpty().allSatisfy(rule -> {
			assertThat(rule).containsKeys("alert", "expr");
			assertThat(map(rule.get("labels"), "labels")).containsKey("severity");
			assertThat(map(rule.get("annotations"), "annotations")).containsKey("summary");
		});
		String expressions = rules.stream().map(rule -> String.valueOf(rule.get("expr"))).collect(Collectors.joining("\n"));
		assertThat(expressions).contains("up{", "http_server_requests_seconds_count", "status=~\"5..\"",
				"crm_events_dead_letter_total", "crm_outbox_pending", "kafka_consumer_fetch_manager_records_lag_max");
	}

	// ------------------------------------------------------------------ Grafana

	@Test
	@DisplayName("the Grafana data source is the compose Prometheus and the dashboard provider reads the mounted dashboards folder")
	void grafanaProvisioningMatchesCompose() {
		Map<String, Object> datasource = map(
				list(yamlMap(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")).get("datasources"),
						"datasources")
					.getFirst(),
				"datasource");
		assertThat(datasource).containsEntry("type", "prometheus").containsEntry("uid", "prometheus");
		URI url = URI.create(String.valueOf(datasource.get("url")));
		assertThat(composeServices).as("compose service of the data source URL").containsKey(url.getHost());
		assertThat(url.getPort()).isEqualTo(9090);

		Map<String, Object> provider = map(
				list(yamlMap(ROOT.resolve("deploy/grafana/provisioning/dashboards/crm.yml")).get("providers"), "providers")
					.getFirst(),
				"provider");
		String path = String.valueOf(map(provider.get("options"), "options").get("path"));
		assertThat(volumes("grafana")).as("grafana volumes").anyMatch(volume -> volume.startsWith("./deploy/grafana/dashboards:" + path));
	}

	@Test
	@DisplayName("crm-overview.json parses, has the template variable application, and every query selects on application")
	void dashboardQueriesUseTheApplicationVariable() {
		Map<String, Object> dashboard = yamlMap(ROOT.resolve("deploy/grafana/dashboards/crm-overview.json"));
		List<String> variables = list(map(dashboard.get("templating"), "templating").get("list"), "templating.list").stream()
			.map(variable -> String.valueOf(map(variable, "variable").get("name")))
			.toList();
		assertThat(variables).as("template variables").contains("application");

		List<Map<String, Object>> panels = new ArrayList<>();
		collectPanels(list(dashboard.get("panels"), "panels"), panels);
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> panel : panels) {
			if ("row".equals(panel.get("type"))) {
				continue;
			}
			List<Object> targets = list(panel.get("targets"), "targets of panel " + panel.get("title"));
			assertThat(targets).as("queries of panel %s", panel.get("title")).isNotEmpty();
			for (Object target : targets) {
				String expr = String.valueOf(map(target, "target").get("expr"));
				assertThat(expr).as("query of panel %s", panel.get("title")).contains("application");
				expressions.add(expr);
			}
		}
		assertThat(String.join("\n", expressions)).as("dashboard queries")
			.contains("$application", "http_server_requests_seconds_count", "status=~\"5..\"",
					"http_server_requests_seconds_bucket", "histogram_quantile(0.95", "histogram_quantile(0.99",
					"jvm_memory_used_bytes", "kafka_consumer_fetch_manager_records_lag_max", "crm_outbox_pending",
					"crm_events_dead_letter_total", "kafka_producer_record_error_total");
	}

	// ------------------------------------------------------------------ helpers

	private static void collectPanels(List<Object> panels, List<Map<String, Object>> into) {
		for (Object item : panels) {
			Map<String, Object> panel = map(item, "panel");
			into.add(panel);
			if (panel.get("panels") != null) {
				collectPanels(list(panel.get("panels"), "panels"), into);
			}
		}
	}

	/** Scrape targets of the jobs on {@value #METRICS_PATH}, each with its {@code application} label. */
	private static Map<String, String> scrapeTargets(Path config) {
		Map<String, String> targets = new LinkedHashMap<>();
		for (Object item : list(yamlMap(config).get("scrape_configs"), "scrape_configs")) {
			Map<String, Object> job = map(item, "scrape config");
			if (!METRICS_PATH.equals(job.get("metrics_path"))) {
				continue;
			}
			for (Object staticConfig : list(job.get("static_configs"), "static_configs")) {
				Map<String, Object> group = map(staticConfig, "static config");
				Object labels = group.get("labels");
				String application = (labels != null) ? String.valueOf(map(labels, "labels").get("application")) : null;
				strings(group.get("targets"), "targets").forEach(target -> targets.put(target, application));
			}
		}
		return targets;
	}

	/** The environment-style placeholders of a module's application.yml, each with whether it has a default. */
	private static Map<String, Boolean> placeholders(String module) {
		Path file = ROOT.resolve(module).resolve("src/main/resources/application.yml");
		assertThat(file).as("application.yml of " + module).exists();
		String text;
		try {
			text = Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Boolean> placeholders = new TreeMap<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			boolean hasDefault = matcher.group(2).equals(":");
			placeholders.merge(matcher.group(1), hasDefault, Boolean::logicalAnd);
		}
		return placeholders;
	}

	private static Map<String, Object> service(String name) {
		assertThat(composeServices).as("services of docker-compose.yml").containsKey(name);
		return map(composeServices.get(name), "service " + name);
	}

	private static Map<String, String> environment(String name) {
		Object environment = service(name).get("environment");
		Map<String, String> env = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> entries) {
			entries.forEach((key, value) -> env.put(String.valueOf(key), (value != null) ? String.valueOf(value) : ""));
		}
		else if (environment instanceof List<?> entries) {
			for (Object entry : entries) {
				String text = String.valueOf(entry);
				int equals = text.indexOf('=');
				env.put((equals < 0) ? text : text.substring(0, equals), (equals < 0) ? "" : text.substring(equals + 1));
			}
		}
		return env;
	}

	private static String healthcheck(String name) {
		Map<String, Object> healthcheck = map(service(name).get("healthcheck"), name + ".healthcheck");
		Object test = healthcheck.get("test");
		return (test instanceof List<?> parts) ? parts.stream().map(String::valueOf).collect(Collectors.joining(" "))
				: String.valueOf(test);
	}

	/** depends_on as service -> condition (the short list form means service_started). */
	private static Map<String, String> dependsOn(String name) {
		Object dependsOn = service(name).get("depends_on");
		Map<String, String> conditions = new LinkedHashMap<>();
		if (dependsOn instanceof Map<?, ?> entries) {
			entries.forEach((key, value) -> conditions.put(String.valueOf(key),
					String.valueOf(map(value, name + ".depends_on." + key).getOrDefault("condition", "service_started"))));
		}
		else if (dependsOn instanceof List<?> entries) {
			entries.forEach(entry -> conditions.put(String.valueOf(entry), "service_started"));
		}
		return conditions;
	}

	private static List<String> volumes(String name) {
		Object volumes = service(name).get("volumes");
		return (volumes == null) ? List.of() : strings(volumes, name + ".volumes");
	}

	/** Parses YAML, or JSON (which is YAML), with the safe constructor and no duplicate keys allowed. */
	private static Map<String, Object> yamlMap(Path file) {
		assertThat(file).exists();
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		try {
			Object document = new Yaml(new SafeConstructor(options)).load(Files.readString(file));
			return map(document, file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value, String what) {
		if (!(value instanceof Map<?, ?>)) {
			fail("%s: expected a mapping but got %s", what, value);
		}
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value, String what) {
		if (!(value instanceof List<?>)) {
			fail("%s: expected a list but got %s", what, value);
		}
		return (List<Object>) value;
	}

	private static List<String> strings(Object value, String what) {
		return list(value, what).stream().map(String::valueOf).toList();
	}

	@SuppressWarnings("unchecked")
	private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
		Map<String, V> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

}
