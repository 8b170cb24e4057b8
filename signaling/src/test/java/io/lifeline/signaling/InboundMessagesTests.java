package io.lifeline.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InboundMessagesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"type\":\"join\",\"token\":\"abc.def\"}|JOIN",
			"{\"type\":\"offer\",\"sdp\":\"v=0\"}|OFFER",
			"{\"type\":\"answer\",\"sdp\":\"v=0\"}|ANSWER",
			"{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 5000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}|CANDIDATE",
			"{\"type\":\"pointer\",\"x\":0.5,\"y\":1}|POINTER",
			"{\"type\":\"control\",\"action\":\"scroll\",\"dx\":0,\"dy\":-120}|CONTROL",
			"{\"type\":\"bye\"}|BYE" })
	void readsEachKind(String text, InboundMessage.Kind kind) throws MalformedMessage {
		assertThat(InboundMessages.read(text).kind()).isEqualTo(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not json", "[1,2]", "\"join\"", "{}", "{\"type\":7}", "{\"type\":\"shout\"}",
			"{\"type\":\"join\"}", "{\"type\":\"join\",\"token\":\"\"}", "{\"type\":\"offer\"}",
			"{\"type\":\"offer\",\"sdp\":{}}", "{\"type\":\"candidate\",\"candidate\":\"x\"}",
			"{\"type\":\"candidate\",\"candidate\":{}}",
			"{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":-1}}",
			"{\"type\":\"pointer\",\"x\":0.5}", "{\"type\":\"pointer\",\"x\":1.5,\"y\":0}",
			"{\"type\":\"pointer\",\"x\":\"0.5\",\"y\":0}", "{\"type\":\"pointer\",\"x\":0,\"y\":0,\"mark\":\"erase\"}",
			"{\"type\":\"control\"}", "{\"type\":\"control\",\"action\":\"shell\"}",
			"{\"type\":\"control\",\"action\":\"key\",\"key\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"}",
			"{\"type\":\"control\",\"action\":\"scroll\",\"dx\":\"far\"}" })
	void refusesWhatIsNotTheProtocol(String text) {
		assertThatThrownBy(() -> InboundMessages.read(text)).isInstanceOf(MalformedMessage.class);
	}

	@Test
	void relaysOnlyTheFieldsTheKindAllows() throws MalformedMessage {
		InboundMessage message = InboundMessages.read(
				"{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"c\",\"sdpMid\":\"0\",\"extra\":\"x\"},\"from\":\"me\"}");
		assertThat(message.relayed()).isEqualTo("{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"c\",\"sdpMid\":\"0\"}}");
	}

	@Test
	void aPointerWithoutMarkIsAMove() throws MalformedMessage {
		assertThat(InboundMessages.read("{\"type\":\"pointer\",\"x\":0,\"y\":1}").relayed())
			.isEqualTo("{\"type\":\"pointer\",\"x\":0.0,\"y\":1.0,\"mark\":\"move\"}");
	}

}
