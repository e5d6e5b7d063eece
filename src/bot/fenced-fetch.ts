// The fence in front of every Bot API request (getUpdates, sends, deletes, button answers alike): asked before each
// request leaves, so an instance that is not (or no longer) the active one sends Telegram nothing, whichever path
// the request comes from: the update runner, the outbox, or a handler answering directly.
type Fetch = typeof globalThis.fetch;

export class NotActiveError extends Error {
  constructor() {
    super("instance ini tidak (lagi) aktif: permintaan ke Telegram tidak dikirim");
    this.name = "NotActiveError";
  }
}

export function fencedFetch(inner: Fetch, mayAct: () => boolean): Fetch {
  return (input, init) => (mayAct() ? inner(input, init) : Promise.reject(new NotActiveError()));
}
