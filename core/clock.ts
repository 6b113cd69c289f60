/** Time is injected: nothing in `core/` reads the system clock directly. */
export interface Clock {
  now(): Date;
}

/** A clock for tests and the local host's time travel. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
