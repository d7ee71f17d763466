// A user's tasks with a due date as an iCalendar file (the task panel's "Export .ics"), streamed.
//
// Each task is a VEVENT, not a VTODO: ical-generator (the kept iCalendar writer) makes only
// events, and the calendars people import an .ics into (Google Calendar, Outlook's calendar,
// Apple Calendar) show events and ignore VTODOs. An event marks no busy time (TRANSP:TRANSPARENT),
// has no end (a day, or a moment), and carries what VTODO would have said in X- properties:
// X-DOABLE-STATUS and X-DOABLE-COMPLETED.
//
// Times: an all-day task is a DATE; a one-off timed task is its UTC instant; a repeating timed
// task is a floating time in the user's zone, so "every Monday at 9:00" stays at 9:00 across
// DST changes as it does in Doable (a TZID would need a VTIMEZONE, which needs a zone database
// ical-generator does not ship).
import "server-only";
import ical, { ICalEventBusyStatus, ICalEventTransparency } from "ical-generator";
import type { Db } from "@/lib/db/client";
import { wallOf } from "@/lib/time/zone";
import { batchedStream, EXPORT_BATCH_SIZE, taskBatches } from "./export-stream";
import type { Priority } from "./types";
import { tagNames, type TaskRow } from "./view";

/** RFC 5545 PRIORITY: 1 is the highest, 9 the lowest. */
const ICAL_PRIORITY: Record<Priority, number> = { high: 1, medium: 5, low: 9 };

const calendar = () => ical({ name: "Doable tasks", prodId: { company: "Doable", product: "Tasks", language: "EN" } });

function floatingWall(instant: Date, timeZone: string): Date {
  const w = wallOf(instant, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

function events(rows: TaskRow[], timeZone: string): string {
  const cal = calendar();
  for (const task of rows) {
    if (!task.dueDate) continue;
    const floating = !task.dueAllDay && Boolean(task.repeat);
    const event = cal.createEvent({
      id: `task-${task.id}@doable`,
      start: floating ? floatingWall(task.dueDate, timeZone) : task.dueDate,
      allDay: task.dueAllDay,
      floating,
      summary: task.title,
      description: task.description,
      categories: tagNames(task).map((name) => ({ name })),
      priority: ICAL_PRIORITY[task.priority],
      busystatus: ICalEventBusyStatus.FREE,
      transparency: ICalEventTransparency.TRANSPARENT,
      created: task.createdAt,
      lastModified: task.updatedAt,
      stamp: task.updatedAt,
    });
    if (task.repeat) event.repeating(task.repeat);
    event.x("X-DOABLE-STATUS", task.status);
    if (task.completedAt)
      event.x(
        "X-DOABLE-COMPLETED",
        task.completedAt
          .toISOString()
          .replace(/[-:]/g, "")
          .replace(/\.\d{3}/, ""),
      );
  }
  return cal.events().map(String).join("");
}

/** The calendar's lines before its events (ical-generator's own header, without END:VCALENDAR). */
function head(): string {
  return calendar()
    .toString()
    .replace(/END:VCALENDAR\s*$/, "");
}

/** Every task of the user with a due date, but those in the trash, by number. */
export function tasksIcsStream(
  db: Db,
  userId: string,
  timeZone: string,
  batchSize = EXPORT_BATCH_SIZE,
): Promise<ReadableStream<Uint8Array>> {
  return batchedStream(taskBatches(db, userId, { dueDate: { not: null } }, batchSize), {
    head: head(),
    body: (rows) => events(rows, timeZone),
    tail: "END:VCALENDAR\r\n",
    batchSize,
  });
}
