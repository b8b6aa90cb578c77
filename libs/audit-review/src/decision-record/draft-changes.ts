import { diffWords } from 'diff';
import {
  DraftChange,
  DraftChangeKind,
  RecordDraft,
  TextPart,
  TextPartKind,
} from './decision-record-types';

/** Each channel of `after` against `before`, word by word; channels dropped come last. */
export function draftChanges(
  before: readonly RecordDraft[],
  after: readonly RecordDraft[],
): DraftChange[] {
  const changes = after.map((draft): DraftChange => {
    const old = before.find((b) => b.channel === draft.channel);
    const parts = textParts(old?.body ?? '', draft.body);
    const addedMediaUrls = draft.mediaUrls.filter((url) => !old?.mediaUrls.includes(url));
    const removedMediaUrls = (old?.mediaUrls ?? []).filter((url) => !draft.mediaUrls.includes(url));
    const same =
      !!old && old.body === draft.body && !addedMediaUrls.length && !removedMediaUrls.length;
    return {
      channel: draft.channel,
      change: !old
        ? DraftChangeKind.ADDED
        : same
          ? DraftChangeKind.UNCHANGED
          : DraftChangeKind.CHANGED,
      parts,
      addedMediaUrls,
      removedMediaUrls,
    };
  });
  for (const old of before) {
    if (after.some((draft) => draft.channel === old.channel)) continue;
    changes.push({
      channel: old.channel,
      change: DraftChangeKind.REMOVED,
      parts: textParts(old.body, ''),
      addedMediaUrls: [],
      removedMediaUrls: [...old.mediaUrls],
    });
  }
  return changes;
}

function textParts(before: string, after: string): TextPart[] {
  return diffWords(before, after)
    .filter((change) => change.value !== '')
    .map((change) => ({
      kind: change.added
        ? TextPartKind.ADDED
        : change.removed
          ? TextPartKind.REMOVED
          : TextPartKind.SAME,
      text: change.value,
    }));
}
