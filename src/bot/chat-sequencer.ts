// Runs tasks one at a time per chat and concurrently across chats, with a cap on how many run at once.
export class ChatSequencer {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private turn = Promise.resolve();

  /** `onBusyChats` hears how many chats have tasks running or waiting, whenever that number changes. */
  constructor(
    private readonly maxConcurrent: number,
    private readonly onBusyChats: (chats: number) => void = () => undefined,
  ) {}

  enqueue(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.withSlot(task));
    const tail = next.catch(() => undefined);
    const busyBefore = this.tails.size;
    this.tails.set(key, tail);
    if (this.tails.size !== busyBefore) this.onBusyChats(this.tails.size);
    void tail.then(() => {
      if (this.tails.get(key) !== tail) return;
      this.tails.delete(key);
      this.onBusyChats(this.tails.size);
    });
    return next;
  }

  /** Resolves once every task enqueued so far has finished. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  /**
   * Settles one turn of the event loop after the previous task's turn. Each task starts in a turn of its own, so
   * what the tasks before it set going (their answers' requests, connections being opened) gets to the network
   * between task starts. Forty updates at once would otherwise run back to back in one turn, their SQLite work being
   * synchronous, and the first answer would leave only once the fortieth update was handled.
   */
  private nextTurn(): Promise<void> {
    this.turn = this.turn.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    return this.turn;
  }

  private async withSlot(task: () => Promise<void>): Promise<void> {
    if (this.running >= this.maxConcurrent) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      await this.nextTurn();
      await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
