/** How dates are written on the site: content dates are calendar days, so always in UTC. */

const READABLE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-11-24`, for `datetime` attributes and feeds. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `24 Nov 2026`, for readers. */
export function formatDate(date: Date): string {
  return READABLE.format(date);
}
