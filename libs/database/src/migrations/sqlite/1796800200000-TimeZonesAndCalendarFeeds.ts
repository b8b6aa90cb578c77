import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every user's time zone (UTC for those who have not chosen, which is what every time was shown in
 * before) and each user's secret calendar feed, kept only as the secret's hash. The column is added
 * in place (ALTER TABLE … ADD COLUMN), as MembersAndSessions does.
 */
export class TimeZonesAndCalendarFeeds1796800200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "user" ADD COLUMN "timeZone" varchar(64) NOT NULL DEFAULT (\'UTC\')',
    );
    await queryRunner.query(
      'CREATE TABLE "calendar_feed" ("id" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(64) NOT NULL, "secretHash" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, CONSTRAINT "uq_calendar_feed_secret" UNIQUE ("secretHash"), CONSTRAINT "uq_calendar_feed_user" UNIQUE ("userId"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "calendar_feed"');
    await queryRunner.query('ALTER TABLE "user" DROP COLUMN "timeZone"');
  }
}
