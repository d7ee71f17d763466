// The task a story is about: "I've had a think about the gutters … could you take it off?" — the
// "it" of a request inside a longer message is the one task the rest of the message names.
import { contentStems, stemsMatch } from "@/lib/tasks/match";
import type { TaskSnapshot } from "./types";

/**
 * The task whose title the text mentions by a word no other task's title has ("gutters", "tax
 * receipts"), the most of its title said; null when none fits or two fit as well.
 */
export function storyTask(text: string, tasks: TaskSnapshot[]): TaskSnapshot | null {
  const said = contentStems(text);
  const titles = tasks.map((t) => ({ task: t, stems: [...new Set(contentStems(t.title))] }));
  const owners = (stem: string) => titles.filter((x) => x.stems.some((s) => stemsMatch(stem, s))).length;
  // A word only this task's title has ("gutters") names it, even when the story skips the verb ("clean out");
  // of several so named, the one with the most of its title said.
  const fits = titles
    .map(({ task, stems }) => {
      const hit = stems.filter((s) => said.some((w) => stemsMatch(w, s)));
      const named = hit.some((s) => owners(s) === 1 && s.length >= 3);
      return { task, share: named ? hit.length / stems.length : 0 };
    })
    .filter((x) => x.share > 0)
    .sort((a, b) => b.share - a.share);
  if (!fits.length || (fits.length > 1 && fits[1]!.share === fits[0]!.share)) return null;
  return fits[0]!.task;
}
