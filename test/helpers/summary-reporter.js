/**
 * Ends the run with one plain line, "jest: N passed, N failed, N skipped", that CI reads as the
 * suite's verdict (Jest's own summary is not in a form it parses), after the one line that says why the
 * real-data tests were skipped, when they were (set by real-data.setup.ts).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const reason = process.env.FTM_REAL_DATA_SKIPPED;
    if (reason) process.stdout.write(`\n${reason}`);
    process.stdout.write(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
