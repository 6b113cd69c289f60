/**
 * After `stryker run` (npm run test:mutation): the mutation score of each rule module from
 * reports/mutation/mutation.json, failing when any is below 90 % (Stryker's own `break`
 * threshold only looks at the total). Score = (killed + timeout) / (every mutant with a result
 * except those that did not compile or broke the run), as Stryker counts it.
 */
import { readFileSync } from 'node:fs';

const MINIMUM = 90;
type Mutant = { status: string };
const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8')) as {
  files: Record<string, { mutants: Mutant[] }>;
};

let failed = false;
for (const [file, { mutants }] of Object.entries(report.files)) {
  const count = (status: string) => mutants.filter((m) => m.status === status).length;
  const detected = count('Killed') + count('Timeout');
  const valid = detected + count('Survived') + count('NoCoverage');
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  const line = `${file}: ${score.toFixed(2)} % (${detected} of ${valid} mutants detected, ${count('Survived')} survived, ${count('NoCoverage')} not covered)`;
  if (score < MINIMUM) failed = true;
  console.log(`${score < MINIMUM ? 'BELOW' : 'ok   '} ${line}`);
}
if (failed) {
  console.error(`Some rule module scores under ${MINIMUM} %.`);
  process.exit(1);
}
