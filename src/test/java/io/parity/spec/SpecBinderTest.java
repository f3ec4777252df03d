package io.parity.spec;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared binding mapper: built ahead on another thread, each spec's problems still its own. */
class SpecBinderTest {

    @Test
    void aPreparedMapperStillNamesEveryProblemOfTheSpecBound() {
        SpecBinder.prepare();
        SpecBinder.prepare();
        SpecProblems problems = new SpecProblems("job.yml");
        new SpecBinder(problems).bind(Map.of("name", "shop", "sauce", "x",
                "options", Map.of("chunk-rows", "1000", "paralelism", "2")));
        assertThat(problems.lines()).hasSize(2);
        assertThat(String.join("\n", problems.lines())).contains("sauce").contains("options.paralelism")
                .contains("unknown key");
    }

    @Test
    void specsBoundAtOnceOnSeveralThreadsKeepTheirOwnProblems() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String key = "unknown_" + i;
                results.add(pool.submit(() -> {
                    SpecProblems problems = new SpecProblems("job.yml");
                    SpecDocument doc = new SpecBinder(problems).bind(Map.of("name", key, key, "x"));
                    assertThat(doc.name()).isEqualTo(key);
                    return problems.lines();
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                List<String> lines = results.get(i).get();
                assertThat(lines).hasSize(1);
                assertThat(lines.get(0)).contains("unknown_" + i + ":").doesNotContain("unknown_" + (i + 1) + ":");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void preparingInTheBackgroundLeavesLoadingUnchanged() {
        SpecLoader.prepareInBackground();
        SpecLoader.prepareInBackground();
        SpecProblems problems = new SpecProblems("job.yml");
        new SpecBinder(problems).bind(Map.of("tables", Map.of("name", "t")));
        assertThat(problems.lines()).singleElement().asString().contains("tables");
    }
}
