package io.parity.serve;

import java.util.List;

/** What the page and the API show: each scheduled job with its state and latest runs. */
public final class JobBoard {

    /** Runs per job on the page and in the API; enough for a trend over days of a 15-minute schedule. */
    static final int RUNS_SHOWN = 50;

    private final List<ScheduledJob> jobs;
    private final JobRunner runner;
    private final RunHistory history;

    public JobBoard(List<ScheduledJob> jobs, JobRunner runner, RunHistory history) {
        this.jobs = List.copyOf(jobs);
        this.runner = runner;
        this.history = history;
    }

    public List<JobView> jobs() {
        return jobs.stream().map(this::view).toList();
    }

    private JobView view(ScheduledJob job) {
        List<RunEntry> runs = history.runs(job.name(), RUNS_SHOWN);
        String lastVerdict = runs.stream().map(RunEntry::verdict).filter(v -> !v.equals("running")).findFirst()
                .orElse(null);
        return new JobView(job.name(), job.schedule(), JobScheduler.next(job), runner.isRunning(job.name()), lastVerdict,
                runner.lastError(job.name()), runs);
    }
}
