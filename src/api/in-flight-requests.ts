// The GraphQL requests a server process is running, for its stop (src/start.ts) to wait for: a
// connection's close is not a request's end, since a client that gave up leaves its request running,
// a mutation's change in it included, and the database must not be closed under it.
export class InFlightRequests {
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  // Requests ended since the process started.
  ended = 0;
  // Set once the stop has waited as long as it may: the database closes under the requests still
  // running, and what they meet from then on is the server stopping, not a fault (stopping.ts).
  databaseClosing = false;

  get count(): number {
    return this.running;
  }

  track<T>(request: Promise<T>): Promise<T> {
    this.running += 1;
    return request.finally(() => {
      this.running -= 1;
      this.ended += 1;
      if (this.running === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    });
  }

  // Resolves once no request is running.
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

// What became of the requests in flight when a server process stopped: those that ended while it
// waited, and those it cut short (stopping.ts).
export interface StoppedRequests {
  drainedRequests: number;
  cutRequests: number;
}
