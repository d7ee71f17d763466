/** Where the notification code reads "now": tests pass a fixed or stepped clock instead of waiting. */
import "server-only";
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
