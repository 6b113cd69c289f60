/**
 * The scripted day at 20 % injected faults, short enough for every CI run: three website
 * inquiries, a phone inquiry and one client taken through to a signed contract
 * (test/faults/scripted-day.ts; `npm run test:faults` runs a longer day). Requirements,
 * A1-1, A1-3, A4-3, A5-1.
 */
import { scriptedDay } from './faults/scripted-day.js';

scriptedDay({ inquiries: 3, contracts: 1 });
