import {
  EmailTopic,
  noticeEmail,
  OutboxMessageEntity,
  OutboxService,
} from '@standpoint/notifications';
import { WorkerJobs } from '@standpoint/worker';
import { In } from 'typeorm';
import { TestApp } from './test-app';

/**
 * Queues `times` emails to each of `userIds` as a change does: real rows written by
 * OutboxService.emailMembers in one transaction, rendered in the house layout with the subject
 * `Test notice: <topic> #<i>`. Answers the rows, oldest first. Their topic is the test's own (`test.…`), outside
 * the emails' vocabulary, so that they are told apart from any change's.
 */
export async function queueEmails(
  t: TestApp,
  brandId: string,
  userIds: string[],
  topic: `test.${string}`,
  times = 1,
): Promise<OutboxMessageEntity[]> {
  const outbox = t.app.get(OutboxService);
  return t.asSystem(async (ctx) => {
    for (let i = 0; i < times; i++) {
      await outbox.emailMembers(ctx, {
        brandId,
        topic: topic as EmailTopic,
        recipientUserIds: userIds,
        payload: { n: i },
        render: (to) =>
          noticeEmail(
            {
              brandName: 'Test brand',
              subject: `Test notice: ${topic} #${i}`,
              title: 'Test notice',
              intro: `${topic} #${i}`,
              html: [],
              text: [],
            },
            to,
          ),
      });
    }
    return ctx.em.find(OutboxMessageEntity, { where: { topic }, order: { id: 'ASC' } });
  });
}

/** Every message a brand's changes wrote to the outbox, sent or not, oldest first. */
export function outboxOf(t: TestApp, brandId: string): Promise<OutboxMessageEntity[]> {
  return t.dataSource
    .getRepository(OutboxMessageEntity)
    .find({ where: { brandId }, order: { id: 'ASC' } });
}

/** The current state of outbox rows. */
export function outboxRows(t: TestApp, ids: string[]): Promise<OutboxMessageEntity[]> {
  return t.dataSource
    .getRepository(OutboxMessageEntity)
    .find({ where: { id: In(ids) }, order: { id: 'ASC' } });
}

/** One turn of the worker loop's outbox job, as the loop runs it; answers the messages attempted. */
export function deliverOutbox(t: TestApp): Promise<number> {
  const job = t.app
    .get(WorkerJobs)
    .all()
    .find((j) => j.name === 'outbox delivery');
  if (!job)
    throw new Error('the app runs no outbox delivery job (is it the all-in-one AppModule?)');
  return job.run();
}
