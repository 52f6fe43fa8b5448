import { consoleEnv } from "./env";

/** Where agents reach the decision API, for the examples the console shows. */
export function decisionApiUrl(): string {
  return consoleEnv().SEKUIRE_DECISION_API_URL.replace(/\/+$/, "");
}
