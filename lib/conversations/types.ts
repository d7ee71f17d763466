/** A conversation as the sidebar lists it. Dates are ISO instants (they cross to the browser). */
export type ConversationSummary = {
  id: string;
  title: string;
  status: "active" | "archived";
  updatedAt: string;
  /** When pinned, since when: the Pinned section is newest pin first. */
  pinnedAt: string | null;
  /** When searching: a bit of a message that matched, if the title did not. */
  snippet?: string;
  /** A model is still writing this new chat's title: the sidebar reads again shortly. */
  titlePending?: true;
};

export type ConversationPage = {
  items: ConversationSummary[];
  nextCursor: string | null;
  /** The first page of the plain active list only: the pinned chats, newest pin first (not in `items`). */
  pinned?: ConversationSummary[];
};
