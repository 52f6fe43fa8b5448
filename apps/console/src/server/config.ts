/** Where agents reach the decision API, for the examples the console shows. */
export function decisionApiUrl(): string {
  return (process.env.SEKUIRE_DECISION_API_URL ?? "http://localhost:4000").replace(/\/+$/, "");
}
