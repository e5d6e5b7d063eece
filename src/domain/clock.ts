// The source of "now" for services, so tests can move time (e.g. past a 15-minute lockout).
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
