package io.parity.remote;

import io.parity.core.ParityException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerSettingsTest {

    @Test
    void parsesUserPasswordHostPortAndVirtualHostAndNeverShowsThePassword() {
        BrokerSettings b = BrokerSettings.parse("amqp://parity:s%40cret@rabbit.example:5673/prod", "q1",
                Duration.ofMinutes(5), Map.<String, String>of()::get);

        assertThat(b.host()).isEqualTo("rabbit.example");
        assertThat(b.port()).isEqualTo(5673);
        assertThat(b.virtualHost()).isEqualTo("prod");
        assertThat(b.user()).isEqualTo("parity");
        assertThat(b.password().reveal()).isEqualTo("s@cret");
        assertThat(b.queue()).isEqualTo("q1");
        assertThat(b.replyTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.safeUrl()).isEqualTo("amqp://parity:******@rabbit.example:5673/prod");
        assertThat(b.toString()).doesNotContain("cret");
    }

    @Test
    void takesThePasswordFromTheEnvironmentAndFillsDefaults() {
        BrokerSettings b = BrokerSettings.parse("amqp://parity@rabbit", null, null,
                Map.of("PARITY_BROKER_PASSWORD", "fromenv")::get);

        assertThat(b.password().reveal()).isEqualTo("fromenv");
        assertThat(b.port()).isEqualTo(5672);
        assertThat(b.virtualHost()).isEqualTo("/");
        assertThat(b.queue()).isEqualTo(BrokerSettings.DEFAULT_QUEUE);
        assertThat(b.replyTimeout()).isEqualTo(BrokerSettings.DEFAULT_REPLY_TIMEOUT);
        assertThat(b.safeUrl()).isEqualTo("amqp://parity:******@rabbit:5672");
    }

    @Test
    void guestWithoutPasswordIsRabbitMqsDefaultAccount() {
        BrokerSettings b = BrokerSettings.parse("amqp://127.0.0.1", null, null, Map.<String, String>of()::get);

        assertThat(b.user()).isEqualTo("guest");
        assertThat(b.password().reveal()).isEqualTo("guest");
    }

    @Test
    void refusesOtherSchemesWithoutEchoingThePassword() {
        assertThatThrownBy(() -> BrokerSettings.parse("http://u:topsecret@host", null, null, Map.<String, String>of()::get))
                .isInstanceOf(ParityException.class)
                .hasMessageContaining("amqp://user@host:5672")
                .hasMessageNotContaining("topsecret");
    }
}
