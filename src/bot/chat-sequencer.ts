// Runs tasks one at a time per chat and concurrently across chats, with a cap on how many run at once.
export class ChatSequencer {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

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

  private async withSlot(task: () => Promise<void>): Promise<void> {
    if (this.running >= this.maxConcurrent) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
