// Task priorities, shared by the schemas and the browser (kept free of zod for the client bundle).
export const PRIORITIES = ["low", "medium", "high"] as const;
export type Priority = (typeof PRIORITIES)[number];
