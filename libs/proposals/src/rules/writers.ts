/**
 * Everyone who wrote words of a proposal: its author and the writer of each revision, once each
 * and sorted. Nobody here ever decides on it.
 */
export function writersOf(authorId: string, revisionWriterIds: readonly string[]): string[] {
  return [...new Set([authorId, ...revisionWriterIds])].sort();
}
