package io.parity.batch;

import io.parity.core.Chunk;
import io.parity.core.ChunkResult;
import io.parity.store.RunStore;
import io.parity.verify.Rechecker;
import io.parity.verify.VerifyContext;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the verify job for one spec:
 *
 * <pre>
 * plan    (tasklet)      records per-table plans and schema findings for the run
 * verify  (partitioned)  TablePartitioner -> one partition per table segment, {@code parallelism} at a time
 *   verify-chunks        ChunkReader -> ChunkProcessor -> ChunkResultWriter, one commit per chunk
 * recheck (tasklet)      re-checks every difference after a delay: confirmed or resolved (in flight)
 * </pre>
 *
 * A restarted run skips completed steps and completed partitions; a partition resumes after its last committed
 * chunk.
 *
 * The job is named after the spec, so the job repository lists a spec's runs together. Partitions run on local
 * threads, or, when this process is a manager, on remote workers through {@link RemotePartitions}; a worker executes
 * them with the same {@link #workerStep()}.
 */
@Component
public class VerifyJobFactory {

    static final String WORKER_STEP = "verify-chunks";

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final RunStore store;
    private final ItemStreamReader<Chunk> reader;
    private final ItemProcessor<Chunk, ChunkResult> processor;
    private final ItemWriter<ChunkResult> writer;
    private final RunningExecutions executions;
    private final RemotePartitions remote;

    public VerifyJobFactory(JobRepository repository, PlatformTransactionManager transactions, RunStore store,
                            ItemStreamReader<Chunk> parityChunkReader,
                            ItemProcessor<Chunk, ChunkResult> parityChunkProcessor,
                            ItemWriter<ChunkResult> parityChunkWriter, RunningExecutions executions,
                            ObjectProvider<RemotePartitions> remote) {
        this.repository = repository;
        this.transactions = transactions;
        this.store = store;
        this.reader = parityChunkReader;
        this.processor = parityChunkProcessor;
        this.writer = parityChunkWriter;
        this.executions = executions;
        this.remote = remote.getIfAvailable();
    }

    public Job create(VerifyContext context) {
        return new JobBuilder(context.spec().name(), repository)
                .start(planStep(context))
                .next(partitionedStep(context))
                .next(recheckStep(context))
                .listener(executions)
                .build();
    }

    private Step planStep(VerifyContext context) {
        return new StepBuilder("plan", repository).tasklet((contribution, chunkContext) -> {
            long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
            store.saveTables(runId, context.plans());
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    private Step recheckStep(VerifyContext context) {
        return new StepBuilder("recheck", repository).tasklet((contribution, chunkContext) -> {
            long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
            new Rechecker(context, store).recheckForRun(runId, context.spec().options().recheck());
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    private Step partitionedStep(VerifyContext context) {
        int parallelism = context.parallelism();
        if (remote != null) {
            return new StepBuilder("verify", repository)
                    .partitioner(WORKER_STEP, new TablePartitioner(context))
                    .partitionHandler(remote.handler(WORKER_STEP, parallelism))
                    .build();
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("parity-partition-");
        executor.setConcurrencyLimit(parallelism);
        executor.setDaemon(true);
        return new StepBuilder("verify", repository)
                .partitioner(WORKER_STEP, new TablePartitioner(context))
                .step(workerStep())
                .gridSize(parallelism)
                .taskExecutor(executor)
                .build();
    }

    /** The step that checks one partition's chunks, one commit per chunk; what local threads and workers execute. */
    public Step workerStep() {
        return new StepBuilder(WORKER_STEP, repository).<Chunk, ChunkResult>chunk(1)
                .transactionManager(transactions)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .build();
    }
}
