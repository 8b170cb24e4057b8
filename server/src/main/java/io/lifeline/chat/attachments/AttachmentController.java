package io.lifeline.chat.attachments;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.PathIds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tickets/{id}/attachments} (multipart, part {@code file}, optional {@code internal}),
 * {@code GET /api/tickets/{id}/attachments} and {@code GET /api/attachments/{id}}.
 */
@RestController
class AttachmentController {

	private final AttachmentService attachments;

	AttachmentController(AttachmentService attachments) {
		this.attachments = attachments;
	}

	@PostMapping(path = "/api/tickets/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Mono<ResponseEntity<AttachmentView>> upload(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			ServerHttpRequest request, @RequestBody Flux<PartEvent> parts) {
		return attachments.upload(user, PathIds.parse(id, "Ticket"), request.getHeaders().getContentLength(), parts)
			.map(view -> ResponseEntity.created(URI.create(view.url())).body(view));
	}

	@GetMapping("/api/tickets/{id}/attachments")
	Mono<List<AttachmentView>> list(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return attachments.list(user, PathIds.parse(id, "Ticket"));
	}

	@GetMapping("/api/attachments/{id}")
	Mono<ResponseEntity<byte[]>> download(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return attachments.download(user, PathIds.parse(id, "Attachment"))
			.map(content -> ResponseEntity.ok().headers(Downloads.headers(content.attachment())).body(content.data()));
	}

}
