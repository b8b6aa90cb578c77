/**
 * What a value becomes once stored as JSON and read back: dates become ISO text, members that were
 * undefined vanish (so they read as optional), everything else keeps its shape.
 */
export type StoredJson<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? StoredJson<Item>[]
    : T extends object
      ? { [Key in keyof T]: StoredJson<T[Key]> }
      : T;
