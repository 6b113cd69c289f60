import type { Clock } from '../core/clock.js';

/** The real clock, for production and the local host. */
export const systemClock: Clock = { now: () => new Date() };
