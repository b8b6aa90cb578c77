import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every user's time zone (UTC for those who have not chosen, which is what every time was shown in
 * before) and each user's secret calendar feed, kept only as the secret's hash.
 */
export class TimeZonesAndCalendarFeeds1796800200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "user" ADD "timeZone" character varying(64) NOT NULL DEFAULT \'UTC\'',
    );
    await queryRunner.query(
      'CREATE TABLE "calendar_feed" ("id" character varying(64) NOT NULL, "userId" character varying(64) NOT NULL, "secretHash" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_calendar_feed_secret" UNIQUE ("secretHash"), CONSTRAINT "uq_calendar_feed_user" UNIQUE ("userId"), CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "calendar_feed"');
    await queryRunner.query('ALTER TABLE "user" DROP COLUMN "timeZone"');
  }
}
