package io.lifeline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lifeline.identity.DemoUsers;
import io.lifeline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class KnowledgeIntegrationTests extends IntegrationTest {

	/** title -> id of the bilingual fixture, written once per context. */
	private static final Map<String, String> FIXTURE = new HashMap<>();

	@Autowired
	DatabaseClient db;

	@BeforeEach
	void fixture() {
		synchronized (FIXTURE) {
			if (!FIXTURE.isEmpty()) {
				return;
			}
			WebTestClient alice = as("alice");
			article(alice, "Cannot log in: the password reset link has expired", "accounts", "login",
					"Login fails with 'invalid token' after clicking the password reset email.",
					"Reset links are valid for 30 minutes.", "Request a new reset link and use it within 30 minutes.");
			article(alice, "登录失败：提示密码错误", "accounts", "login", "输入正确的密码后仍然提示密码错误，无法登录系统。",
					"连续输错五次后账户被锁定。", "请管理员在用户管理中解除锁定，然后清除浏览器缓存重新登录。");
			article(alice, "Punch list app crashes when attaching a photo", "mobile", "crash",
					"On Android 14 the app closes as soon as a photo is taken from a punch list item.",
					"The camera permission was revoked by the system update.",
					"Open Settings > Apps > Punch list > Permissions and allow the camera.");
			article(alice, "打卡应用上传照片时闪退", "mobile", "crash", "在安卓手机上拍照上传照片时应用直接闪退。", "系统更新后相机权限被关闭。",
					"在系统设置中重新打开相机权限。");
			article(alice, "Gantt export to PDF times out for large schedules", "scheduling", "export",
					"Exporting a schedule with more than 1,000 tasks to PDF fails after a minute.",
					"Large schedules exceed the export time limit.", "Export by phase, or use the background export.");
			article(alice, "甘特图导出PDF超时", "scheduling", "export", "任务很多的进度计划导出PDF时一分钟后超时失败。", "导出时间超过上限。",
					"按阶段分批导出，或使用后台导出功能。");
			article(alice, "Drawing sync stops with conflict 409", "drawings", "sync",
					"The tablet syncs drawings up to one revision and then stops with 'conflict 409'.",
					"A revision was superseded while the tablet was offline.", "Remove the local copy and sync again.");
			article(alice, "图纸同步停在旧修订版", "drawings", "sync", "平板电脑同步图纸时停在旧的修订版，提示冲突。", "离线期间修订版被替换。",
					"删除本地副本后重新同步。");
			article(alice, "Budget report shows the wrong currency", "reports", "currency",
					"Cost report totals are labelled USD instead of the company currency.",
					"The report template has its own currency setting.", "Set the template currency to the company's.");
		}
	}

	@Test
	void theRightArticleIsInTheTopThreeForEachQueryInEitherLanguage() {
		Map<String, String> expected = new java.util.LinkedHashMap<>();
		expected.put("I can't sign in, the password reset link says expired",
				"Cannot log in: the password reset link has expired");
		expected.put("密码错误，登录不了", "登录失败：提示密码错误");
		expected.put("app closes when I take a photo", "Punch list app crashes when attaching a photo");
		expected.put("上传照片闪退", "打卡应用上传照片时闪退");
		expected.put("exporting my schedule to pdf fails", "Gantt export to PDF times out for large schedules");
		expected.put("导出超时", "甘特图导出PDF超时");
		expected.put("drawings not syncing", "Drawing sync stops with conflict 409");
		expected.put("图纸同步有问题", "图纸同步停在旧修订版");
		expected.put("report currency", "Budget report shows the wrong currency");
		expected.put("passw", "Cannot log in: the password reset link has expired");
		WebTestClient carol = as("carol");
		List<String> misses = new ArrayList<>();
		expected.forEach((query, title) -> {
			List<String> top = search(carol, query, 3).stream().map(hit -> hit.get("title").asString()).toList();
			if (!top.contains(title)) {
				misses.add(query + " -> " + top);
			}
		});
		assertThat(misses).isEmpty();
		JsonNode hit = search(carol, "上传照片闪退", 1).getFirst();
		assertThat(hit.get("score").asDouble()).isBetween(0.0, 1.0);
		assertThat(hit.get("snippet").asString()).isNotBlank();
	}

	@Test
	void customersSeePublishedArticlesOnly() {
		WebTestClient alice = as("alice");
		JsonNode draft = alice.post().uri("/api/kb/articles").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Zeppelin hangar doors jam", "symptoms", "the zeppelin hangar door jams",
					"status", "DRAFT"))
			.exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
		String id = draft.get("id").asString();
		assertThat(search(alice, "zeppelin", 5)).hasSize(1);
		assertThat(search(as("carol"), "zeppelin", 5)).isEmpty();
		as("carol").get().uri("/api/kb/articles/" + id).exchange().expectStatus().isNotFound();
		as("carol").post().uri("/api/kb/articles").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "x")).exchange().expectStatus().isForbidden();

		alice.put().uri("/api/kb/articles/" + id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Zeppelin hangar doors jam", "symptoms", "the zeppelin hangar door jams",
					"solution", "Oil the rails.", "status", "PUBLISHED"))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2)
			.jsonPath("$.publishedAt").isNotEmpty();
		assertThat(search(as("carol"), "zeppelin", 5)).hasSize(1);
		alice.put().uri("/api/kb/articles/" + id).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "stale")).exchange().expectStatus().isEqualTo(409);
		alice.post().uri("/api/kb/articles").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", " ", "status", "PUBLISHED")).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors.length()").isEqualTo(2);
	}

	@Test
	void aTicketSolvedWithoutAnArticleGivesItsSolverATaskDueIn48Hours() {
		WebTestClient alice = as("alice");
		String id = ticket("Printer queue stuck", "Nothing prints from the plan viewer.");
		JsonNode solved = patch(alice, id, Map.of("status", "SOLVED"));
		Instant solvedAt = Instant.parse(solved.get("updatedAt").asString());

		JsonNode task = tasks(alice).stream().filter(t -> t.get("ticket").get("id").asString().equals(id)).findFirst()
			.orElseThrow();
		assertThat(task.get("assignee").get("id").asString()).isEqualTo(DemoUsers.ALICE.id().toString());
		assertThat(Duration.between(solvedAt, Instant.parse(task.get("dueAt").asString())))
			.isEqualTo(Duration.ofHours(48));
		assertThat(task.get("overdue").asBoolean()).isFalse();
		assertThat(tasks(as("bob"))).noneMatch(t -> t.get("ticket").get("id").asString().equals(id));
		assertThat(tasks(as("sam"))).anyMatch(t -> t.get("ticket").get("id").asString().equals(id));

		db.sql("update kb_tasks set due_at = now() - interval '1 hour' where ticket_id = cast(:t as uuid)")
			.bind("t", id).then().block();
		assertThat(tasks(as("sam"))).anyMatch(t -> t.get("ticket").get("id").asString().equals(id)
				&& t.get("overdue").asBoolean());

		// Linking an article completes it.
		link(alice, id, FIXTURE.get("Drawing sync stops with conflict 409")).expectStatus().isCreated();
		assertThat(tasks(alice)).noneMatch(t -> t.get("ticket").get("id").asString().equals(id));
	}

	@Test
	void aTicketSolvedWithALinkedArticleGivesNoTaskAndTheArticleKnowsItsTickets() {
		WebTestClient alice = as("alice");
		String id = ticket("登录不了", "密码明明是对的，但是一直提示密码错误");
		String article = FIXTURE.get("登录失败：提示密码错误");
		link(alice, id, article).expectStatus().isCreated();
		link(alice, id, article).expectStatus().isOk();
		patch(alice, id, Map.of("status", "SOLVED"));
		assertThat(tasks(as("sam"))).noneMatch(t -> t.get("ticket").get("id").asString().equals(id));

		alice.get().uri("/api/kb/articles/" + article + "/tickets").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[?(@.id == '" + id + "')]").exists();
		alice.get().uri("/api/tickets/" + id + "/timeline").exchange().expectBody()
			.jsonPath("$[?(@.type == 'kb.linked')].data.articleId").isEqualTo(article);
		as("carol").get().uri("/api/tickets/" + id + "/timeline").exchange().expectBody()
			.jsonPath("$[?(@.type == 'kb.linked')]").doesNotExist();
		as("carol").post().uri("/api/tickets/" + id + "/kb-links").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("articleId", article)).exchange().expectStatus().isForbidden();
	}

	@Test
	void deflectionsCountOncePerCustomerAndArticleADay() {
		WebTestClient sam = as("sam");
		long before = stats(sam).get("deflections").asLong();
		String article = FIXTURE.get("Budget report shows the wrong currency");
		deflect(as("carol"), article).expectStatus().isCreated();
		deflect(as("carol"), article).expectStatus().isOk().expectBody().jsonPath("$.counted").isEqualTo(false);
		deflect(as("dave"), article).expectStatus().isCreated();
		assertThat(stats(sam).get("deflections").asLong()).isEqualTo(before + 2);
		deflect(as("carol"), "00000000-0000-0000-0000-000000000000").expectStatus().isNotFound();
		as("alice").get().uri("/api/kb/stats").exchange().expectStatus().isForbidden();
	}

	@Test
	void similarTicketsPutSolvedOnesFirstInEitherLanguage() {
		WebTestClient alice = as("alice");
		String solved = ticket("同步图纸失败", "平板同步图纸时提示冲突409");
		patch(alice, solved, Map.of("status", "SOLVED"));
		String open = ticket("图纸同步失败了", "今天平板同步图纸又失败");
		String unrelated = ticket("预算报表货币错误", "报表显示美元");
		String probe = ticket("图纸同步失败", "平板无法同步图纸");
		List<JsonNode> similar = alice.get().uri("/api/tickets/" + probe + "/similar?limit=10").exchange()
			.expectStatus().isOk().expectBodyList(JsonNode.class).returnResult().getResponseBody();
		List<String> ids = similar.stream().map(s -> s.get("id").asString()).toList();
		assertThat(ids).contains(solved, open).doesNotContain(unrelated, probe);
		assertThat(ids.indexOf(solved)).isLessThan(ids.indexOf(open));
		assertThat(similar.getFirst().get("solved").asBoolean()).isTrue();

		String english = ticket("Drawing sync fails on the tablet", "Syncing drawings stopped with a conflict");
		String englishProbe = ticket("Tablet drawings do not sync", "sync of the drawings fails");
		assertThat(alice.get().uri("/api/tickets/" + englishProbe + "/similar").exchange().expectStatus().isOk()
			.expectBodyList(JsonNode.class).returnResult().getResponseBody().stream().map(s -> s.get("id").asString()))
			.contains(english);
	}

	private String ticket(String subject, String description) {
		return as("carol").post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", subject, "description", description)).exchange().expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
	}

	private static JsonNode patch(WebTestClient client, String id, Map<String, ?> body) {
		JsonNode current = client.get().uri("/api/tickets/" + id).exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		return client.patch().uri("/api/tickets/" + id).header("If-Match", current.get("version").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	private static WebTestClient.ResponseSpec link(WebTestClient client, String ticket, String article) {
		return client.post().uri("/api/tickets/" + ticket + "/kb-links").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("articleId", article)).exchange();
	}

	private static WebTestClient.ResponseSpec deflect(WebTestClient client, String article) {
		return client.post().uri("/api/kb/deflections").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("articleId", article, "query", "currency")).exchange();
	}

	private static JsonNode stats(WebTestClient client) {
		return client.get().uri("/api/kb/stats").exchange().expectStatus().isOk().expectBody(JsonNode.class)
			.returnResult().getResponseBody();
	}

	private static List<JsonNode> tasks(WebTestClient client) {
		return client.get().uri("/api/kb/tasks").exchange().expectStatus().isOk().expectBodyList(JsonNode.class)
			.returnResult().getResponseBody();
	}

	private static List<JsonNode> search(WebTestClient client, String q, int limit) {
		return client.get().uri(uri -> uri.path("/api/kb/search").queryParam("q", q).queryParam("limit", limit).build())
			.exchange().expectStatus().isOk().expectBodyList(JsonNode.class).returnResult().getResponseBody();
	}

	private static void article(WebTestClient client, String title, String module, String faultType, String symptoms,
			String cause, String solution) {
		JsonNode created = client.post().uri("/api/kb/articles").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", title, "module", module, "faultType", faultType, "symptoms", symptoms, "cause",
					cause, "solution", solution, "status", "PUBLISHED"))
			.exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
		FIXTURE.put(title, created.get("id").asString());
	}

}
