/** Structured JSON logs on stdout (pino): one object a line, each with the request id. */
import { pino } from "pino";

export function createLogger(level: string) {
  return pino({
    level,
    base: { service: "decision-api", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
