/** Structured JSON logs on stdout (pino): one object a line, each job's with its id and queue. */
import { pino } from "pino";

export function createLogger(level: string) {
  return pino({
    level,
    base: { service: "worker", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type Logger = ReturnType<typeof createLogger>;
