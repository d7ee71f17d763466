import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT } from "@/lib/validation";

export const TITLE_MAX = 200;
export const PAGE_SIZE = 20;
export const SEARCH_MAX = 200;
/** The Pinned section is read whole with the first page: it stays small. */
export const PIN_MAX = 20;

export const conversationIdSchema = z.guid({ message: "Conversation not found." });

export const titleSchema = z
  .string({ message: "Enter a title." })
  .refine(isStorableText, UNSTORABLE_TEXT)
  .trim()
  .min(1, "Enter a title.")
  .max(TITLE_MAX, `Keep the title to at most ${TITLE_MAX} characters.`);

export const renameSchema = z.object({ id: conversationIdSchema, title: titleSchema });

export const listSchema = z.object({
  view: z.enum(["active", "archived"]).default("active"),
  /** Matches titles and message text; blank means no search. */
  query: z
    .string()
    .refine(isStorableText, UNSTORABLE_TEXT)
    .trim()
    .max(SEARCH_MAX, `Search for at most ${SEARCH_MAX} characters.`)
    .default(""),
  cursor: z.string().max(200).nullish(),
});

export type ListInput = z.input<typeof listSchema>;
