/**
 * Leeway between the server's clock (a hedge's placedAt) and this machine's (when a fill
 * was seen, when a gap began) when the two are compared.
 */
export const SERVER_CLOCK_SKEW_MS = 2_000;
