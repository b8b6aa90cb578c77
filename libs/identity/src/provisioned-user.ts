import { newId } from '@standpoint/database';
import { DEFAULT_TIME_ZONE } from './time-zone';
import { UserEntity } from './user.entity';

/**
 * The account an identity provider creates for someone (through SCIM or at their first sign-in
 * through it): no password, since they sign in through the provider.
 */
export function provisionedUser(email: string, name: string, now: Date): UserEntity {
  return {
    id: newId('usr'),
    email,
    name,
    passwordHash: null,
    platformAdmin: false,
    timeZone: DEFAULT_TIME_ZONE,
    createdAt: now,
    deactivatedAt: null,
  };
}
