/**
 * {@code parity serve}: runs job specs on their {@code schedule:} and shows the results. Each run goes through the same
 * launcher and reporter as {@code parity verify} ({@link io.parity.serve.ScheduledVerify}), so its history lives in
 * the job repository and its report is the same files. This package adds the cron loop
 * ({@link io.parity.serve.JobScheduler}), the one-run-per-job guard ({@link io.parity.serve.JobRunner}), history read
 * back from the repository ({@link io.parity.serve.RunHistory}), Micrometer meters
 * ({@link io.parity.serve.ServeMetrics}) and a small HTTP server for the page, the JSON API and the Prometheus scrape
 * ({@link io.parity.serve.ServeHttp}), guarded by credentials from the environment or files
 * ({@link io.parity.serve.ServeCredentials}, {@link io.parity.serve.ServeAuthenticator}), optional HTTPS from PEM files
 * ({@link io.parity.serve.ServeTls}) and security headers on every answer. The JDK's own HTTP server is used so no web
 * stack is on the start-up path of any other command.
 */
package io.parity.serve;
