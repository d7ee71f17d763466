// User messages this process is answering right now. A message id sent again while its first
// turn runs (a double submit) is refused at once; once a turn has ended — answered, failed or
// cut off by a database outage — the same id may be sent again as a retry (lib/chat/store.ts
// decides whether that retry may run). App instances do not share this set: a double submit
// that two instances receive at the same instant is caught by the operation log's idempotency
// keys instead (nothing runs twice), at the cost of a second reply.
const answering = new Set<string>();

/** Claims a message id for one turn; null when another turn has it. */
import "server-only";
export function claimMessage(id: string): (() => void) | null {
  if (answering.has(id)) return null;
  answering.add(id);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    answering.delete(id);
  };
}
