import { useTestApp } from '@standpoint/testing';
import { DefaultApprovalPolicies1796005500000 as PostgresMigration } from '../libs/database/src/migrations/postgres/1796005500000-DefaultApprovalPolicies';
import { DefaultApprovalPolicies1796005500000 as SqliteMigration } from '../libs/database/src/migrations/sqlite/1796005500000-DefaultApprovalPolicies';
import { AppModule } from '../src/app.module';

/** A brand made before approval policies existed gets the default one from the migration. */
describe('the default approval policy migration', () => {
  const app = useTestApp(AppModule);

  it('gives a brand without a policy the one-step default, and leaves the others alone', async () => {
    const [older, newer] = [await app.fixtures.brand(), await app.fixtures.brand()];
    const { dataSource } = app.t;
    const postgres = dataSource.options.type === 'postgres';
    await dataSource.query(
      `DELETE FROM "approval_policy" WHERE "brandId" = ${postgres ? '$1' : '?'}`,
      [older.id],
    );
    const runner = dataSource.createQueryRunner();
    try {
      await (postgres ? new PostgresMigration() : new SqliteMigration()).up(runner);
    } finally {
      await runner.release();
    }
    const token = await app.fixtures.admin();
    for (const brand of [older, newer]) {
      const response = await app.gql(
        'query ($id: ID!) { brand(id: $id) { approvalPolicy { version steps { name role quorum minApprovals appliesWhen { urgencies } } } } }',
        { id: brand.id },
        token,
      );
      expect(response.data?.brand.approvalPolicy).toEqual({
        version: 1,
        steps: [
          { name: 'Approval', role: 'APPROVER', quorum: 'ANY', minApprovals: 1, appliesWhen: null },
        ],
      });
    }
  });
});
