package io.lifeline.chat.attachments;

import static io.lifeline.chat.attachments.AttachmentsApi.carolsTicket;
import static io.lifeline.chat.attachments.AttachmentsApi.list;
import static io.lifeline.chat.attachments.AttachmentsApi.ticket;
import static io.lifeline.chat.attachments.AttachmentsApi.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.DemoUsers;
import io.lifeline.system.ApiProblem;
import io.lifeline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The Java API the messages code uses: {@link Attachments#attach} and {@link Attachments#forMessages}. */
class AttachmentMessagesIntegrationTests extends IntegrationTest {

	private static final UUID CAROL = DemoUsers.CAROL.id();

	private static final UUID ALICE = DemoUsers.ALICE.id();

	@Autowired
	Attachments attachments;

	@Autowired
	TransactionalOperator transaction;

	@Autowired
	DatabaseClient db;

	@Test
	void aMessageTakesItsSendersUnusedFilesInUploadOrder() {
		WebTestClient carol = as("carol");
		UUID ticket = UUID.fromString(ticket(carol));
		UUID first = upload(carol, ticket, "first.png", Samples.png());
		UUID second = upload(carol, ticket, "second.log", Samples.log());
		UUID message = UUID.randomUUID();

		List<AttachmentView> attached = attach(ticket, CAROL, List.of(second, first, second), message, false);
		assertThat(attached).extracting(AttachmentView::id).containsExactly(first, second);
		assertThat(attached.get(1)).isEqualTo(new AttachmentView(second, "second.log", "text/plain",
				Samples.log().length, "/api/attachments/" + second, false));

		UUID bare = UUID.randomUUID();
		Map<UUID, List<AttachmentView>> byMessage = attachments.forMessages(List.of(message, bare)).block();
		assertThat(byMessage).containsOnlyKeys(message, bare);
		assertThat(byMessage.get(message)).isEqualTo(attached);
		assertThat(byMessage.get(bare)).isEmpty();
		assertThat(attachments.forMessages(List.of()).block()).isEmpty();
	}

	@Test
	void noIdsIsNoFiles() {
		assertThat(attach(UUID.randomUUID(), CAROL, List.of(), UUID.randomUUID(), false)).isEmpty();
	}

	@Test
	void aFileGoesOnOneMessageOnly() {
		WebTestClient carol = as("carol");
		UUID ticket = UUID.fromString(ticket(carol));
		UUID file = upload(carol, ticket, "once.png", Samples.png());
		UUID message = UUID.randomUUID();
		attach(ticket, CAROL, List.of(file), message, false);
		assertRefused(() -> attach(ticket, CAROL, List.of(file), UUID.randomUUID(), false));
		assertThat(attachments.forMessages(List.of(message)).block().get(message)).hasSize(1);
	}

	@Test
	void onlyTheSendersOwnFilesOnThisTicketAndAllOrNothing() {
		WebTestClient carol = as("carol");
		UUID ticket = UUID.fromString(carolsTicket(as("alice")));
		UUID carols = upload(carol, ticket, "mine.png", Samples.png());
		UUID alices = upload(as("alice"), ticket, "agent.png", Samples.png());
		UUID elsewhere = upload(carol, UUID.fromString(ticket(carol)), "other.png", Samples.png());

		assertRefused(() -> attach(ticket, CAROL, List.of(carols, alices), UUID.randomUUID(), false));
		assertRefused(() -> attach(ticket, CAROL, List.of(carols, elsewhere), UUID.randomUUID(), false));
		assertRefused(() -> attach(ticket, CAROL, List.of(carols, UUID.randomUUID()), UUID.randomUUID(), false));
		assertThat(messageOf(carols)).isNull();

		UUID message = UUID.randomUUID();
		assertThat(attach(ticket, CAROL, List.of(carols), message, false)).hasSize(1);
		assertThat(messageOf(carols)).isEqualTo(message);
	}

	@Test
	void anInternalNoteMakesItsFilesInternal() {
		WebTestClient carol = as("carol");
		WebTestClient alice = as("alice");
		UUID ticket = UUID.fromString(ticket(carol));
		UUID file = upload(alice, ticket, "diagnosis.log", Samples.log());
		List<AttachmentView> attached = attach(ticket, ALICE, List.of(file), UUID.randomUUID(), true);
		assertThat(attached.getFirst().internal()).isTrue();
		carol.get().uri("/api/attachments/" + file).exchange().expectStatus().isNotFound();
		assertThat(list(carol, ticket.toString()).size()).isZero();
		alice.get().uri("/api/attachments/" + file).exchange().expectStatus().isOk();
	}

	@Test
	void anInternalFileCannotGoOnAPublicMessage() {
		WebTestClient alice = as("alice");
		UUID ticket = UUID.fromString(carolsTicket(alice));
		JsonNode created = AttachmentsApi
			.upload(alice, ticket.toString(), "secret.png", Samples.png(), MediaType.IMAGE_PNG, "true")
			.expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		UUID internal = UUID.fromString(created.get("id").asString());
		assertRefused(() -> attach(ticket, ALICE, List.of(internal), UUID.randomUUID(), false));
		assertThat(attach(ticket, ALICE, List.of(internal), UUID.randomUUID(), true)).hasSize(1);
	}

	@Test
	void aFailedAttachRollsBackWithTheCallersTransaction() {
		WebTestClient carol = as("carol");
		UUID ticket = UUID.fromString(ticket(carol));
		UUID file = upload(carol, ticket, "draft.png", Samples.png());
		UUID message = UUID.randomUUID();
		assertThatThrownBy(() -> attachments.attach(ticket, CAROL, List.of(file), message, false)
			.then(Mono.error(new IllegalStateException("the message insert failed")))
			.as(transaction::transactional)
			.block()).hasMessageContaining("the message insert failed");
		assertThat(messageOf(file)).isNull();
	}

	@Test
	void twoMessagesRacingForOneFileGetItOnce() {
		WebTestClient carol = as("carol");
		UUID ticket = UUID.fromString(ticket(carol));
		UUID file = upload(carol, ticket, "contested.png", Samples.png());
		Mono<Boolean> one = attachments.attach(ticket, CAROL, List.of(file), UUID.randomUUID(), false)
			.as(transaction::transactional).map(views -> true).onErrorReturn(ApiProblem.class::isInstance, false)
			.subscribeOn(Schedulers.parallel());
		Mono<Boolean> other = attachments.attach(ticket, CAROL, List.of(file), UUID.randomUUID(), false)
			.as(transaction::transactional).map(views -> true).onErrorReturn(ApiProblem.class::isInstance, false)
			.subscribeOn(Schedulers.parallel());
		var results = Mono.zip(one, other).block();
		assertThat(List.of(results.getT1(), results.getT2())).containsExactlyInAnyOrder(true, false);
	}

	private List<AttachmentView> attach(UUID ticket, UUID uploader, List<UUID> ids, UUID message, boolean internal) {
		return attachments.attach(ticket, uploader, ids, message, internal).as(transaction::transactional).block();
	}

	private static void assertRefused(Runnable call) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiProblem.class, problem -> {
			assertThat(problem.getStatusCode().value()).isEqualTo(400);
			assertThat((List<?>) problem.getBody().getProperties().get("errors")).singleElement()
				.isInstanceOfSatisfying(ApiProblem.FieldError.class,
						error -> assertThat(error.field()).isEqualTo("attachmentIds"));
		});
	}

	private UUID messageOf(UUID attachment) {
		return db.sql("select message_id from attachments where id = :id")
			.bind("id", attachment)
			.map(row -> java.util.Optional.ofNullable(row.get("message_id", UUID.class)))
			.one()
			.block()
			.orElse(null);
	}

	private static UUID upload(WebTestClient client, UUID ticket, String name, byte[] data) {
		return UUID.fromString(uploaded(client, ticket.toString(), name, data).get("id").asString());
	}

}
