export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told otherwise: deadlines and expiry are tested by moving it. */
export class SettableClock implements Clock {
  #current: Date;

  constructor(start: Date | string) {
    this.#current = new Date(start);
  }

  now(): Date {
    return new Date(this.#current);
  }

  set(instant: Date | string): void {
    this.#current = new Date(instant);
  }

  advance(milliseconds: number): void {
    this.#current = new Date(this.#current.getTime() + milliseconds);
  }
}
