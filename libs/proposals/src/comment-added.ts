import { CommentEntity } from './comment.entity';

/** A comment added: what its `comment.added` event hands the subscribers (the mention emails). */
export interface CommentAdded {
  comment: CommentEntity;
  /** The title of the proposal it is on, as the change read it. */
  proposalTitle: string;
}

declare module '@standpoint/events' {
  interface AuditFacts {
    'comment.added': CommentAdded;
  }
}
