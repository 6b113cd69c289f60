/**
 * kintone's shared limits, kept by the hub itself (docs/integrations.md): at most N requests in
 * flight from this process (default 10; the domain allows 100 for every integration together —
 * see docs/integrations/kintone.md for the cross-container budget), and the daily request
 * count per app, with one warning when it passes 80 % of the quota (10,000 a day, reset at
 * 09:00 JST = 00:00 UTC).
 */
import type { Clock } from '../../core/clock.js';
import { ConcurrencyLimiter } from '../shared/resilience.js';

export interface KintoneBudgetOptions {
  maxConcurrent: number;
  dailyQuotaPerApp: number;
  /** Share of the quota at which to warn, 0–1. */
  warnAt: number;
  clock: Clock;
  onQuotaWarning: (info: { appId: string; day: string; count: number; quota: number }) => void;
}

export class KintoneRequestBudget {
  private readonly limiter: ConcurrencyLimiter;
  private readonly counts = new Map<string, { day: string; count: number; warned: boolean }>();

  constructor(private readonly options: KintoneBudgetOptions) {
    this.limiter = new ConcurrencyLimiter(options.maxConcurrent);
  }

  get inFlight(): number {
    return this.limiter.inFlight;
  }

  /** Today's request count of an app. */
  count(appId: string): number {
    const entry = this.counts.get(appId);
    return entry && entry.day === this.day() ? entry.count : 0;
  }

  /** The quota day: kintone resets at 09:00 JST, which is midnight UTC. */
  private day(): string {
    return this.options.clock.now().toISOString().slice(0, 10);
  }

  run<T>(appId: string, request: () => Promise<T>): Promise<T> {
    return this.limiter.run(() => {
      const day = this.day();
      let entry = this.counts.get(appId);
      if (!entry || entry.day !== day) {
        entry = { day, count: 0, warned: false };
        this.counts.set(appId, entry);
      }
      entry.count += 1;
      if (!entry.warned && entry.count >= this.options.dailyQuotaPerApp * this.options.warnAt) {
        entry.warned = true;
        this.options.onQuotaWarning({ appId, day, count: entry.count, quota: this.options.dailyQuotaPerApp });
      }
      return request();
    });
  }
}
