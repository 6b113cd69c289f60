/**
 * The long scripted day (`npm run test:faults`, `FAULT_SEED=…` to replay): more inquiries and
 * contracts than the CI run's (test/fault-day.test.ts), so more of each fault lands on each step.
 */
import { scriptedDay } from './scripted-day.js';

scriptedDay({ inquiries: 8, contracts: 3 });
