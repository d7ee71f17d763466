// Chat limits, shared by the route and the browser (kept free of zod so the client bundle stays small).
export const MAX_MESSAGE_CHARS = 10_000;
export const MAX_CONVERSATION_MESSAGES = 1_000;
export const CONTEXT_MESSAGES = 50;
