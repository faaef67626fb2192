/**
 * Least time between two updates of a long list (feed, orders, hedges) while events
 * stream: about 7 a second. At thousands of events a second every row in sight changes
 * with each update, no one reads faster, and drawing them every frame would take the
 * whole frame budget. A change after a quiet spell still shows at once.
 */
export const LIST_REFRESH_MS = 150;
