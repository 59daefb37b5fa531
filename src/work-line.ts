import { ApiError, ErrorCode } from "./errors";

// Work of one kind that a process runs a few at a time: at most `atOnce` run, at most
// `waitingAtMost` more wait their turn in the order they came, and past that a call is refused
// with RATE_LIMITED (`refusal`, retry in a second) rather than queued without end.
export class WorkLine {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly atOnce: number,
    private readonly waitingAtMost: number,
    private readonly refusal: string,
  ) {}

  async inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.atOnce) {
      if (this.waiting.length >= this.waitingAtMost) throw new ApiError(ErrorCode.RATE_LIMITED, this.refusal, { retryAfterSeconds: 1 });
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // The turn passes to the next in line, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
