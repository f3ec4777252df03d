/**
 * Run output: the summary model and verdict, and the files under {@code reports/<job>/<run>/}: {@code summary.json},
 * {@code diffs.jsonl} and {@code report.md}.
 */
package io.parity.report;
