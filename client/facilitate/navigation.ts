/** Leaving the facilitator pages for another page of the app (an object, so tests can watch it). */
export const navigation = {
  /** Load `path` (e.g. the room at /room/<code>), as following a link would. */
  goTo(path: string): void {
    location.assign(path);
  },
};
