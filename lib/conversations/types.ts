/** A conversation as the sidebar lists it. Dates are ISO instants (they cross to the browser). */
export type ConversationSummary = {
  id: string;
  title: string;
  status: "active" | "archived";
  updatedAt: string;
  /** When searching: a bit of a message that matched, if the title did not. */
  snippet?: string;
};

export type ConversationPage = { items: ConversationSummary[]; nextCursor: string | null };
