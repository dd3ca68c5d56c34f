/**
 * The events the page scripts send each other, by name. The scripts share no module: a module two
 * of them import becomes a file of its own, one more request for every page.
 */
interface PageEvents {
  /** Sent by the reader script with the slugs of the notes read on this device. */
  'reading-progress': CustomEvent<ReadonlySet<string>>;
}

interface DocumentEventMap extends PageEvents {}
