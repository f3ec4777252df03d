package io.parity.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepositorySettingsTest {

    @Test
    void anH2FileRepositoryIsNotCompactedOnEveryClose() {
        assertThat(RepositorySettings.h2ClosesQuickly("jdbc:h2:file:/x/repository;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/x/repository;AUTO_SERVER=TRUE;MAX_COMPACT_TIME=0");
        assertThat(new RepositorySettings("jdbc:h2:file:/x/r", "sa", "").springProperties())
                .containsEntry("spring.datasource.url", "jdbc:h2:file:/x/r;MAX_COMPACT_TIME=0");
    }

    @Test
    void otherUrlsAndAnExplicitSettingAreLeftAlone() {
        assertThat(RepositorySettings.h2ClosesQuickly("jdbc:h2:file:/x/r;max_compact_time=500"))
                .isEqualTo("jdbc:h2:file:/x/r;max_compact_time=500");
        assertThat(RepositorySettings.h2ClosesQuickly("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(RepositorySettings.h2ClosesQuickly("jdbc:mysql://h:3306/parity"))
                .isEqualTo("jdbc:mysql://h:3306/parity");
    }

    @Test
    void theDefaultH2FileKeepsNoTraceFile() {
        assertThat(RepositorySettings.resolve(null, null).url()).startsWith("jdbc:h2:file:")
                .endsWith(".parity/repository;AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0");
    }
}
