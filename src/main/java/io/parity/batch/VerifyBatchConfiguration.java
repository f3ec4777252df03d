package io.parity.batch;

import io.parity.store.RunStore;
import io.parity.verify.ChunkVerifier;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Spring wiring of the verify job's per-partition components. They are step-scoped: Spring Batch creates one reader,
 * processor and writer per partition execution, each built from that partition's execution context.
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
    @StepScope
    ChunkReader parityChunkReader(VerifyContexts contexts, @Value("#{stepExecution}") StepExecution step) {
        return new ChunkReader(contexts.forExecution(step.getJobExecution()));
    }

    @Bean
    @StepScope
    ChunkProcessor parityChunkProcessor(VerifyContexts contexts, @Value("#{stepExecution}") StepExecution step) {
        return new ChunkProcessor(contexts.forExecution(step.getJobExecution()));
    }

    @Bean
    @StepScope
    ChunkResultWriter parityChunkWriter(RunStore store, RunProgress progress,
                                        @Value("#{stepExecution}") StepExecution step) {
        return new ChunkResultWriter(store, step.getJobExecution().getJobInstance().getInstanceId(), progress);
    }
}
