/** Size bounds of spec §8, so that one policy or request cannot exhaust memory or CPU. */
export const MAX_DOCUMENT_BYTES = 256 * 1024;
export const MAX_STATEMENTS = 1000;
export const MAX_LIST_VALUES = 1000;
export const MAX_PATTERN_LENGTH = 2048;
export const MAX_RESOURCE_BYTES = 16 * 1024;
/** Policy documents are at most 7 levels deep; 64 leaves room and stops stack-exhausting input. */
export const MAX_DEPTH = 64;
