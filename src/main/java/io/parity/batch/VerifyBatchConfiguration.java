package io.parity.batch;

import io.parity.core.Chunk;
import io.parity.core.ChunkResult;
import io.parity.store.RunStore;
import io.parity.verify.ChunkVerifier;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

import javax.sql.DataSource;

/**
 * Spring wiring of the verify job's per-partition components. They are step-scoped: Spring Batch creates one reader,
 * processor and writer per partition execution, each built from that partition's execution context. Their scoped
 * proxies implement the item interfaces (JDK proxies) instead of subclassing the classes as {@code @StepScope}'s
 * CGLIB proxies do, which were generated while the job context started: its refresh went from 0.47 s to 0.43 s
 * (medians of 10 small verifies each). Nothing needs them as their classes, and none has listener annotations that a
 * JDK proxy would hide (VerifyBatchConfigurationTest); Spring Batch's warning that it does not look for them is
 * silenced in {@code LogbackSetup}.
 */
@Configuration(proxyBeanMethods = false)
public class VerifyBatchConfiguration {

    @Bean
    VerifyContexts verifyContexts() {
        return new VerifyContexts();
    }

    @Bean
    RunProgress runProgress() {
        return new RunProgress();
    }

    @Bean
    RunStore runStore(DataSource dataSource) {
        RunStore store = new RunStore(dataSource);
        store.createTables();
        return store;
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    ItemStreamReader<Chunk> parityChunkReader(VerifyContexts contexts, @Value("#{stepExecution}") StepExecution step) {
        return new ChunkReader(contexts.forExecution(step.getJobExecution()));
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    ItemProcessor<Chunk, ChunkResult> parityChunkProcessor(VerifyContexts contexts,
                                                           @Value("#{stepExecution}") StepExecution step) {
        return new ChunkProcessor(contexts.forExecution(step.getJobExecution()));
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    ItemWriter<ChunkResult> parityChunkWriter(RunStore store, RunProgress progress,
                                              @Value("#{stepExecution}") StepExecution step) {
        return new ChunkResultWriter(store, step.getJobExecution().getJobInstance().getInstanceId(), progress);
    }
}
