/** How the console writes dates: "Dec 1, 2026", and with the time, "Dec 1, 2026, 9:14 PM". */

export function formatDate(value: Date | string): string {
  return new Date(value).toLocaleDateString("en", { dateStyle: "medium" });
}

export function formatDateTime(value: Date | string): string {
  return new Date(value).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
}
