// A multi-pattern matcher (Aho-Corasick): one pass over the text finds every occurrence of every
// pattern, however many patterns there are, instead of one regular expression per pattern.
export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  // Pattern indexes ending at each node, including those reached through failure links.
  private readonly outputs: number[][] = [[]];
  private readonly lengths: number[] = [];

  constructor(patterns: readonly string[]) {
    patterns.forEach((pattern, index) => this.add(pattern, index));
    this.link();
  }

  private add(pattern: string, index: number): void {
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let child = this.next[node].get(code);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.outputs.push([]);
        this.next[node].set(code, child);
      }
      node = child;
    }
    this.outputs[node].push(index);
    this.lengths[index] = pattern.length;
  }

  // Breadth-first, so that a node's failure target is linked before the node itself.
  private link(): void {
    const queue: number[] = [...this.next[0].values()];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      for (const [code, child] of this.next[node]) {
        let f = this.fail[node];
        while (f !== 0 && !this.next[f].has(code)) f = this.fail[f];
        const target = this.next[f].get(code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.outputs[child].push(...this.outputs[this.fail[child]]);
        queue.push(child);
      }
    }
  }

  // Calls `found` with each match's pattern index and its [start, end) in the text.
  search(text: string, found: (pattern: number, start: number, end: number) => void): void {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (node !== 0 && !this.next[node].has(code)) node = this.fail[node];
      node = this.next[node].get(code) ?? 0;
      for (const pattern of this.outputs[node]) found(pattern, i + 1 - this.lengths[pattern], i + 1);
    }
  }
}
