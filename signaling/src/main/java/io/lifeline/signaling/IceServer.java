package io.lifeline.signaling;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of an RTCConfiguration's {@code iceServers}: {@code {urls, username?, credential?}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceServer(List<String> urls, String username, String credential) {
}
