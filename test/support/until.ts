// Waits for something a user would see that no single Bot API call marks (a topic renamed, a message edited).

const STEP_MS = 20;

/** Checks every 20 ms until `check` holds; fails after `timeoutMs` naming `what`. */
export async function until(what: string, check: () => boolean, timeoutMs = 8000): Promise<void> {
  for (let waited = 0; !check(); waited += STEP_MS) {
    if (waited > timeoutMs) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
  }
}
