import type { Readable } from "node:stream";

// An input's reads, with PAUSE among them when the input has given nothing for `pauseMs` while it
// was waited on: a feed on stdin that stays open and stops sending, whose lines read so far should
// not wait for its next ones. A file read at full speed never waits that long for a read, and never
// pauses. A pause is said once, until the next read.
export const PAUSE = Symbol("input paused");

// One timer serves the whole input. Clearing it on every read would be a timer a read: it is armed
// when a wait starts and none is, and when it fires it looks whether a read was handed on since, and
// if so is armed again. It fires at most once a `pauseMs` while the input flows, and tells a pause
// between `pauseMs` and twice that after the last read. Waiting on the reader's consumer (a batch
// writing) is no pause: a timer that fires then leaves the next wait to arm one.
export async function* readsWithPauses(input: Readable, pauseMs: number): AsyncGenerator<Buffer | string | typeof PAUSE> {
  const reads = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let handedOn = 0;
  let handedOnWhenArmed = 0;
  let timer: NodeJS.Timeout | undefined;
  // Ends the wait for a read under way as a pause; null while nothing waits for the input.
  let endWait: (() => void) | null = null;
  let told = false;
  const arm = () => {
    handedOnWhenArmed = handedOn;
    timer = setTimeout(fire, pauseMs);
  };
  const fire = () => {
    timer = undefined;
    if (endWait && handedOn !== handedOnWhenArmed) arm();
    else endWait?.();
  };
  let ended = false;
  try {
    for (let read = reads.next(); ; read = reads.next()) {
      let next: IteratorResult<Buffer | string> | typeof PAUSE;
      while (true) {
        if (!timer && !told) arm();
        next = await new Promise<IteratorResult<Buffer | string> | typeof PAUSE>((resolve, reject) => {
          endWait = () => resolve(PAUSE);
          read.then(resolve, reject);
        });
        endWait = null;
        if (next !== PAUSE) break;
        told = true;
        yield PAUSE;
      }
      if (next.done) {
        ended = true;
        return;
      }
      handedOn++;
      told = false;
      yield next.value;
    }
  } finally {
    clearTimeout(timer);
    // As a for await would: an input left before its end is closed.
    if (!ended) await reads.return?.();
  }
}
