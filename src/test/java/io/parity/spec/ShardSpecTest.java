package io.parity.spec;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.core.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code sources:}, {@code destinations:} and {@code shards:}: what a sharded spec reads as, and each mistake as one line. */
class ShardSpecTest {

    static final String SHARD_A = "  - name: a\n    url: jdbc:mysql://h1/shop\n    user: u\n    password: p\n";
    static final String SHARD_B = "  - url: jdbc:mysql://h2/shop\n    user: u\n    password-file: pw.txt\n"
            + "    where: \"region = 'eu'\"\n    tables: { orders: orders_eu }\n";
    static final String SINGLE = "url: jdbc:postgresql://h3/shop\n  user: v\n  password: q\n";

    @TempDir
    Path dir;

    private JobSpec load(String text) throws IOException {
        Files.writeString(dir.resolve("pw.txt"), "secret\n");
        Path file = dir.resolve("spec.yml");
        Files.writeString(file, text);
        return new SpecLoader(Map.<String, String>of()::get).load(file);
    }

    @Test
    void sourcesAreReadInOrderWithDefaultNamesAndTheFirstStandsForTheSide() throws IOException {
        JobSpec spec = load("sources:\n" + SHARD_A + SHARD_B + "destination:\n  " + SINGLE + "tables: [orders]\n");

        ShardLayout layout = spec.shards();
        assertThat(layout.side()).isEqualTo(Side.SOURCE);
        assertThat(layout.disjoint()).isFalse();
        assertThat(layout.shards()).extracting(ShardLayout.ShardEndpoint::name).containsExactly("a", "shard2");
        assertThat(layout.shards().get(1).where()).isEqualTo("region = 'eu'");
        assertThat(layout.shards().get(1).tables()).containsEntry("orders", "orders_eu");
        assertThat(layout.shards().get(1).endpoint().password().reveal()).isEqualTo("secret");
        assertThat(spec.source().url()).isEqualTo("jdbc:mysql://h1/shop");
        assertThat(spec.destination().url()).isEqualTo("jdbc:postgresql://h3/shop");
    }

    @Test
    void destinationsShardTheOtherSide() throws IOException {
        JobSpec spec = load("source:\n  " + SINGLE + "destinations:\n" + SHARD_A + SHARD_B
                + "shards: { disjoint: false }\ntables: [orders]\n");
        assertThat(spec.shards().side()).isEqualTo(Side.DESTINATION);
        assertThat(spec.destination().url()).isEqualTo("jdbc:mysql://h1/shop");
    }

    @Test
    void aSpecWithoutShardsHasNone() throws IOException {
        JobSpec spec = load("source:\n  " + SINGLE + "destination:\n  " + SINGLE + "tables: [orders]\n");
        assertThat(spec.shards().sharded()).isFalse();
    }

    static Stream<Arguments> mistakes() {
        String dst = "destination:\n  " + SINGLE + "tables: [orders]\n";
        return Stream.of(
                Arguments.of("one shard", "sources:\n" + SHARD_A + dst, "sources: lists 1 shard; a sharded side needs at least two"),
                Arguments.of("both source and sources", "source:\n  " + SINGLE + "sources:\n" + SHARD_A + SHARD_B + dst,
                        "source: 'source:' and 'sources:' both name the source"),
                Arguments.of("both sides sharded", "sources:\n" + SHARD_A + SHARD_B + "destinations:\n" + SHARD_A + SHARD_B
                        + "tables: [orders]\n", "destinations: a spec shards one side"),
                Arguments.of("same name twice", "sources:\n" + SHARD_A + SHARD_A + dst,
                        "sources[1].name: 'a' names two shards"),
                Arguments.of("disjoint without where", "sources:\n" + SHARD_A + SHARD_B + "shards: { disjoint: true }\n" + dst,
                        "sources[0].where: missing: 'shards: { disjoint: true }' needs a where on every shard"),
                Arguments.of("disjoint not a boolean", "sources:\n" + SHARD_A + SHARD_B + "shards: { disjoint: maybe }\n" + dst,
                        "shards.disjoint: 'maybe' is not true or false"),
                Arguments.of("shards without shards", "source:\n  " + SINGLE + "shards: { disjoint: true }\n" + dst,
                        "shards: only describes 'sources:' or 'destinations:'"),
                Arguments.of("shard without url", "sources:\n" + SHARD_A + "  - user: u\n    password: p\n" + dst,
                        "sources[1].url: missing"),
                Arguments.of("rename on the first shard", "sources:\n" + SHARD_B + SHARD_A + dst,
                        "sources[0].tables: the first shard holds the tables under the names 'tables:' gives"),
                Arguments.of("unknown shard key", "sources:\n" + SHARD_A + SHARD_B.replace("    where", "    port: 1\n    where") + dst,
                        "sources[1].port: unknown key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsOneLineNamingTheField(String name, String text, String expected) throws IOException {
        ParityException e = catchThrowableOfType(ParityException.class, () -> load(text));
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT);
        assertThat(e.getMessage()).contains(expected);
    }
}
