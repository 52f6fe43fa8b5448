/**
 * Where each value of a JSON text sits, by JSON Pointer: the engine's reading (the same parser
 * that validates the document), used to highlight statements and jump to a pointer.
 */
import { type JsonSpan, jsonLocations } from "@sekuire/policy-engine";

export type Span = JsonSpan;
export { jsonLocations };

/** The span of statement `index`: `/Statement/index`, or `/Statement` when it is one object. */
export function statementSpan(locations: Map<string, Span>, index: number): Span | undefined {
  return (
    locations.get(`/Statement/${index}`) ?? (index === 0 ? locations.get("/Statement") : undefined)
  );
}
